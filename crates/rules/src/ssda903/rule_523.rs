//! 523: the date of the decision to place for adoption (PlacedAdoption `DATE_PLACED`) must equal
//! the date adoption was decided to be in the child's best interests (AD1 `DATE_INT`) (DfE 903
//! validation rules).
//!
//! Every pair of a child's rows with both dates valid is compared, and both rows of a differing
//! pair are reported (each once), as in the tool.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashMap;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::Ssda903Table;
use std::collections::BTreeSet;

pub(crate) struct Rule523;

static META: RuleMeta = RuleMeta {
    code: "523",
    message: "Date of decision that the child should be placed for adoption should be the same date as the decision that adoption is in the best interest (date should be placed).",
    severity: Severity::Error,
    tables: &["AD1", "PlacedAdoption"],
    fields: &["DATE_INT", "DATE_PLACED"],
    years: Years::from(2023),
};

impl Rule for Rule523 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Ad1),
            Needs::Table(Ssda903Table::PlacedForAdoption),
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut best_interests: HashMap<&str, Vec<(u64, NaiveDate)>> = HashMap::default();
        for row in &data.current.ad1 {
            if let (Some(child), Some(date)) = (id(&row.child), row.date_int.get()) {
                best_interests
                    .entry(child)
                    .or_default()
                    .push((row.at.row_number, date));
            }
        }
        let mut ad1_rows: BTreeSet<u64> = BTreeSet::new();
        for row in &data.current.placed_for_adoption {
            let (Some(child), Some(placed)) = (id(&row.child), row.date_placed.get()) else {
                continue;
            };
            let differing: Vec<u64> = best_interests
                .get(child)
                .into_iter()
                .flatten()
                .filter(|(_, date)| *date != placed)
                .map(|(ad1_row, _)| *ad1_row)
                .collect();
            if !differing.is_empty() {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    Some(child),
                    &["DATE_PLACED"],
                );
                ad1_rows.extend(differing);
            }
        }
        for row in &data.current.ad1 {
            if ad1_rows.contains(&row.at.row_number) {
                out.at("AD1", row.at.row_number, id(&row.child), &["DATE_INT"]);
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
    fn differing_decision_dates_fail_on_both_rows() {
        let t = tables(
            "//- PlacedAdoption
             CHILD,DATE_PLACED
             1,08/03/2025
             2,22/06/2025
             3,
             //- AD1
             CHILD,DATE_INT
             1,08/03/2025
             2,22/07/2025
             3,01/01/2025",
        );
        assert_eq!(
            rows(&Rule523, &current(&t)),
            vec![("PlacedAdoption", 2), ("AD1", 2)]
        );
    }
}
