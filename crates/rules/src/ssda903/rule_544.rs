//! 544: an OC2 row with the conviction item completed must also have the immunisations, teeth
//! check, health assessment and substance misuse items completed (DfE 903 validation rules).
//!
//! "Completed" means any value, as the message says; the tool checks only rows whose conviction
//! item is 1, so a row with 0 and blank health items passes there.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule544;

static META: RuleMeta = RuleMeta {
    code: "544",
    message: "Any child who has conviction information completed must also have immunisation, teeth check, health assessment and substance misuse problem identified fields completed.",
    severity: Severity::Error,
    tables: &["OC2"],
    fields: &[
        "CONVICTED",
        "HEALTH_ASSESSMENT",
        "IMMUNISATIONS",
        "SUBSTANCE_MISUSE",
        "TEETH_CHECK",
    ],
    years: Years::from(2023),
};

impl Rule for Rule544 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc2)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc2 {
            let health_gap = row.immunisations.is_blank()
                || row.teeth_check.is_blank()
                || row.health_assessment.is_blank()
                || row.substance_misuse.is_blank();
            if !row.convicted.is_blank() && health_gap {
                out.at("OC2", row.at.row_number, id(&row.child), META.fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_conviction_item_without_the_health_items_fails() {
        let t = tables(
            "//- OC2
             CHILD,CONVICTED,IMMUNISATIONS,TEETH_CHECK,HEALTH_ASSESSMENT,SUBSTANCE_MISUSE
             1,1,1,1,1,0
             2,1,1,,1,0
             3,0,,,,
             4,,,,,",
        );
        assert_eq!(
            findings(&Rule544, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
