//! 1003: the date of the decision that the child should be placed for adoption is before the
//! child started to be looked after (DfE 903 validation rules).
//!
//! The start of care is the child's earliest episode with RNE `S`. The finding goes on the
//! PlacedAdoption row, where `DATE_PLACED` is (the tool also reports the episode).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule1003;

static META: RuleMeta = RuleMeta {
    code: "1003",
    message: "Date of LA's decision that a child should be placed for adoption is before the child started to be looked after.",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &["DATE_PLACED", "DECOM", "RNE"],
    years: Years::from(2023),
};

impl Rule for Rule1003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::Table(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut care_start: HashMap<&str, NaiveDate> = HashMap::default();
        for row in &data.current.episodes {
            if row.rne.get() != Some(ReasonNewEpisode::S) {
                continue;
            }
            if let (Some(child), Some(decom)) = (id(&row.child), row.decom.get()) {
                let start = care_start.entry(child).or_insert(decom);
                *start = (*start).min(decom);
            }
        }
        for row in &data.current.placed_for_adoption {
            let (Some(child), Some(placed)) = (id(&row.child), row.date_placed.get()) else {
                continue;
            };
            if care_start.get(child).is_some_and(|start| placed < *start) {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    Some(child),
                    &["DATE_PLACED"],
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
    fn a_decision_before_care_started_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE
             1,01/03/2020,S
             2,01/03/2020,S
             3,01/02/2010,P
             3,01/03/2019,S
             3,01/01/2021,S
             4,01/03/2019,P
             5,01/01/2021,S
             //- PlacedAdoption
             CHILD,DATE_PLACED
             1,26/05/2018
             2,
             3,26/05/2018
             4,01/02/2010
             5,26/05/2021",
        );
        assert_eq!(
            findings(&Rule1003, &current(&t)),
            vec![(1, "1".into()), (3, "3".into())]
        );
    }
}
