//! 554: a decision that the child should be placed for adoption must be on or before the start
//! of the child's first episode under a placement order (legal status E1) (DfE 903 validation
//! rules).
//!
//! Only this year's episodes are seen (hence the message's note). Reported on the E1 episode and
//! on each decision row dated after it, each once, as the tool reports both.

use super::util_c::{episode_by_start, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule554;

static META: RuleMeta = RuleMeta {
    code: "554",
    message: "Date of decision that the child should be placed for adoption should be on or prior to the date that the placement order was granted. [NOTE: This rule may result in false positives or false negatives if relevant episodes are in previous years; please check carefully!]",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &["DATE_PLACED", "DECOM", "LS"],
    years: Years::from(2023),
};

impl Rule for Rule554 {
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
        let orders = data
            .current
            .episodes
            .iter()
            .filter(|row| row.ls.get() == Some(LegalStatus::E1));
        let first_order = episode_by_start(orders, false);
        let mut late_rows: Vec<u64> = Vec::new();
        for row in &data.current.placed_for_adoption {
            let (Some(child), Some(placed)) = (id(&row.child), row.date_placed.get()) else {
                continue;
            };
            let order_start = first_order.get(child).and_then(|e| e.decom.get());
            if order_start.is_some_and(|start| placed > start) {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    Some(child),
                    &["DATE_PLACED"],
                );
                if let Some(episode) = first_order.get(child) {
                    late_rows.push(episode.at.row_number);
                }
            }
        }
        late_rows.sort_unstable();
        late_rows.dedup();
        for row in &data.current.episodes {
            if late_rows.contains(&row.at.row_number) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DECOM", "LS"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::rows;
    use super::*;
    use crate::ssda903::fixture::{current, tables};

    #[test]
    fn a_decision_after_the_placement_order_fails() {
        // 1: decided after the first E1 episode. 2: decided before. 3: no E1 episode.
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED
             1,26/05/2025
             2,11/01/2025
             3,26/05/2025
             //- Episodes
             CHILD,DECOM,LS
             1,01/05/2025,E1
             1,01/06/2025,E1
             2,11/01/2025,E1
             3,01/01/2025,C2",
        );
        assert_eq!(
            rows(&Rule554, &current(&t)),
            vec![("PlacedAdoption", 1), ("Episodes", 1)]
        );
    }
}
