//! 553: a child with a placement order (legal status E1) must have a decision to be placed for
//! adoption, and while the E1 episode is open that decision cannot be reversed (DfE 903
//! validation rules).
//!
//! Reported on the E1 episode when the child has no PlacedAdoption row, and on each PlacedAdoption
//! row with a reversal date or reason while an E1 episode is open, as in the tool.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::LegalStatus;

pub(crate) struct Rule553;

static META: RuleMeta = RuleMeta {
    code: "553",
    message: "Placement order has been granted but there is no date of decision that the child should be placed for adoption.",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &[
        "CHILD",
        "DATE_PLACED",
        "DATE_PLACED_CEASED",
        "REASON_PLACED_CEASED",
    ],
    years: Years::from(2023),
};

impl Rule for Rule553 {
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
        let with_decision: HashSet<&str> = data
            .current
            .placed_for_adoption
            .iter()
            .filter_map(|row| id(&row.child))
            .collect();
        let mut open_order: HashSet<&str> = HashSet::default();
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if row.ls.get() != Some(LegalStatus::E1) {
                continue;
            }
            if row.dec.is_blank() {
                open_order.insert(child);
            }
            if !with_decision.contains(child) {
                out.at("Episodes", row.at.row_number, Some(child), &["CHILD"]);
            }
        }
        for row in &data.current.placed_for_adoption {
            let child = id(&row.child);
            let reversed =
                !row.date_placed_ceased.is_blank() || !row.reason_placed_ceased.is_blank();
            if reversed && child.is_some_and(|c| open_order.contains(c)) {
                out.at(
                    "PlacedAdoption",
                    row.at.row_number,
                    child,
                    &["DATE_PLACED_CEASED", "REASON_PLACED_CEASED"],
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
    fn an_order_without_a_standing_decision_fails() {
        // 1: E1 ended, decision reversed (passes). 2: open E1, no decision row.
        // 3: open E1, decision reversed. 4: open E1, decision standing.
        let t = tables(
            "//- Episodes
             CHILD,LS,DEC
             1,E1,01/06/2025
             2,E1,
             3,E1,
             4,E1,
             //- PlacedAdoption
             CHILD,DATE_PLACED,DATE_PLACED_CEASED,REASON_PLACED_CEASED
             1,01/01/2025,01/06/2025,RD1
             3,01/01/2025,,RD1
             4,01/01/2025,,",
        );
        assert_eq!(
            rows(&Rule553, &current(&t)),
            vec![("Episodes", 2), ("PlacedAdoption", 2)]
        );
    }
}
