//! 153: the care leaver (OC3) items must be all completed or all blank (DfE 903 validation
//! rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule153;

static META: RuleMeta = RuleMeta {
    code: "153",
    message: "All data items relating to a child's activity or accommodation after leaving care must be coded or left blank.",
    severity: Severity::Error,
    tables: &["OC3"],
    fields: &["ACCOM", "ACTIV", "IN_TOUCH"],
    years: Years::from(2023),
};

impl Rule for Rule153 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc3)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc3 {
            let blanks = [
                row.in_touch.is_blank(),
                row.activ.is_blank(),
                row.accom.is_blank(),
            ];
            if blanks.contains(&true) && blanks.contains(&false) {
                out.at("OC3", row.at.row_number, id(&row.child), META.fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn partly_completed_rows_fail() {
        let t = tables(
            "//- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             1,YES,F1,B1
             2,,,
             3,YES,,
             4,,F1,
             5,YES,F1,",
        );
        assert_eq!(
            findings(&Rule153, &current(&t)),
            vec![(3, "3".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
