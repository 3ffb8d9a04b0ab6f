//! 1011: care-leaver information is given for a child whose final episode ended with care taken
//! over by another local authority (REC `E3`) (DfE 903 validation rules).
//!
//! The final episode is the one with the latest valid start date.

use super::util_d::{care_leaver_items_given, id, latest_episode_by_child};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule1011;

static META: RuleMeta = RuleMeta {
    code: "1011",
    message: "This child is recorded as having his/her care transferred to another local authority for the final episode and therefore should not have the care leaver information completed.",
    severity: Severity::Error,
    tables: &["Episodes", "OC3"],
    fields: &["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Years::from(2023),
};

impl Rule for Rule1011 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::Oc3),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let latest = latest_episode_by_child(&data.current.episodes);
        for row in &data.current.oc3 {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let transferred = latest
                .get(child)
                .is_some_and(|e| e.rec.get() == Some(ReasonEpisodeCeased::E3));
            if transferred && care_leaver_items_given(row) {
                out.at(
                    "OC3",
                    row.at.row_number,
                    Some(child),
                    &["IN_TOUCH", "ACTIV", "ACCOM"],
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
    fn care_leaver_items_after_a_transfer_fail() {
        // 1: final episode E3. 2: E3, items blank. 3: E3 not final.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,REC
             1,01/06/2025,E11
             1,06/06/2025,E3
             2,05/06/2025,E3
             3,08/06/2025,E3
             3,15/06/2025,X1
             //- OC3
             CHILD,IN_TOUCH,ACTIV,ACCOM
             1,YES,,B1
             2,,,
             3,YES,,",
        );
        assert_eq!(findings(&Rule1011, &current(&t)), vec![(1, "1".into())]);
    }
}
