//! 552: the latest decision that a child should be placed for adoption must be on or before the
//! start of the child's first placement for adoption (A3-A6) (DfE 903 validation rules).
//!
//! Reported on the first placement episode and the decision row, as the tool reports both.

use super::util_c::{id, is_placed_for_adoption};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{EpisodeRow, PlacedForAdoptionRow, Ssda903Table};

pub(crate) struct Rule552;

static META: RuleMeta = RuleMeta {
    code: "552",
    message: "Date of Decision to place a child for adoption should be on or prior to the date that the child was placed for adoption.",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &["DATE_PLACED", "DECOM"],
    years: Years::from(2023),
};

impl Rule for Rule552 {
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
        let mut first_placement: HashMap<&str, &EpisodeRow> = HashMap::default();
        for row in &data.current.episodes {
            let (Some(child), Some(start)) = (id(&row.child), row.decom.get()) else {
                continue;
            };
            if !is_placed_for_adoption(&row.place) {
                continue;
            }
            let earlier = first_placement
                .get(child)
                .is_none_or(|best| best.decom.get().is_some_and(|b| start < b));
            if earlier {
                first_placement.insert(child, row);
            }
        }
        let mut latest_decision: HashMap<&str, &PlacedForAdoptionRow> = HashMap::default();
        for row in &data.current.placed_for_adoption {
            let (Some(child), Some(placed)) = (id(&row.child), row.date_placed.get()) else {
                continue;
            };
            let later = latest_decision
                .get(child)
                .is_none_or(|best| best.date_placed.get().is_some_and(|b| placed > b));
            if later {
                latest_decision.insert(child, row);
            }
        }
        let mut late: Vec<(&EpisodeRow, &PlacedForAdoptionRow)> = first_placement
            .into_iter()
            .filter_map(|(child, episode)| {
                let decision = *latest_decision.get(child)?;
                (decision.date_placed.get()? > episode.decom.get()?).then_some((episode, decision))
            })
            .collect();
        late.sort_by_key(|(episode, _)| episode.at.row_number);
        for (episode, decision) in late {
            out.at(
                "Episodes",
                episode.at.row_number,
                id(&episode.child),
                &["DECOM"],
            );
            out.at(
                "PlacedAdoption",
                decision.at.row_number,
                id(&decision.child),
                &["DATE_PLACED"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::rows;
    use super::*;
    use crate::ssda903::fixture::{current, tables};

    #[test]
    fn a_decision_after_the_first_placement_fails() {
        // 1: decided on the day placed. 2: decided after placed. 3: not placed for adoption.
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED
             1,08/03/2025
             2,13/10/2025
             3,24/10/2025
             //- Episodes
             CHILD,DECOM,PLACE
             1,08/03/2025,A3
             2,13/09/2025,A6
             2,13/11/2025,A6
             3,22/06/2025,U4",
        );
        assert_eq!(
            rows(&Rule552, &current(&t)),
            vec![("Episodes", 2), ("PlacedAdoption", 2)]
        );
    }
}
