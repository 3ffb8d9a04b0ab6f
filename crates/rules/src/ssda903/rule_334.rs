//! 334: the date the child should be placed for adoption is before the start of their latest
//! period of care (DfE 903 validation rules).
//!
//! The latest period of care starts at the child's latest episode with RNE S, as in the tool.
//! Reported on the AD1 row.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule334;

static META: RuleMeta = RuleMeta {
    code: "334",
    message: "Date child started to be looked after in latest period of care must be on or prior to the date should be placed for adoption.",
    severity: Severity::Error,
    tables: &["AD1", "Episodes"],
    fields: &["DATE_INT", "DECOM", "RNE"],
    years: Years::from(2023),
};

impl Rule for Rule334 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Ad1),
            Needs::Table(Ssda903Table::Episodes),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let episodes = super::util_b::episodes_by_child(data.current);
        for row in &data.current.ad1 {
            let (Some(child), Some(decided)) = (id(&row.child), row.date_int.get()) else {
                continue;
            };
            let care_start = episodes
                .get(child)
                .into_iter()
                .flatten()
                .filter(|ep| ep.rne.get() == Some(ReasonNewEpisode::S))
                .filter_map(|ep| ep.decom.get())
                .max();
            if care_start.is_some_and(|start| decided < start) {
                out.at("AD1", row.at.row_number, Some(child), &["DATE_INT"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_decision_before_the_latest_period_of_care_fails() {
        let t = tables(
            "//- AD1
             CHILD,DATE_INT
             1,26/05/2024
             2,
             3,26/05/2025
             4,01/02/2020
             //- Episodes
             CHILD,DECOM,RNE
             1,01/03/2025,S
             2,01/03/2025,S
             3,01/02/2023,S
             3,01/01/2025,S
             3,01/03/2025,P
             4,01/03/2019,P",
        );
        assert_eq!(findings(&Rule334, &current(&t)), vec![(1, "1".into())]);
    }
}
