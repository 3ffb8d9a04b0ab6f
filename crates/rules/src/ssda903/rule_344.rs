//! 344: activity or accommodation is given for a care leaver who has died or returned home for
//! six months or more (DfE 903 validation rules).

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::InTouch;

pub(crate) struct Rule344;

static META: RuleMeta = RuleMeta {
    code: "344",
    message: "The record shows the young person has died or returned home to live with parent(s) or someone with parental responsibility for a continuous period of 6 months or more, but activity and/or accommodation on leaving care have been completed.",
    severity: Severity::Error,
    tables: &["OC3"],
    fields: &["ACCOM", "ACTIV", "IN_TOUCH"],
    years: Years::from(2023),
};

impl Rule for Rule344 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Oc3)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.oc3 {
            let gone = matches!(row.in_touch.get(), Some(InTouch::DIED | InTouch::RHOM));
            if gone && (!row.activ.is_blank() || !row.accom.is_blank()) {
                out.at(
                    "OC3",
                    row.at.row_number,
                    id(&row.child),
                    &["ACCOM", "ACTIV", "IN_TOUCH"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn activity_for_a_leaver_who_died_or_went_home_fails() {
        let t = tables(
            "//- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             1,DIED,,
             2,RHOM,F1,
             3,DIED,,0
             4,YES,F1,B1",
        );
        assert_eq!(
            findings(&Rule344, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
