//! 551: a child placed for adoption (A3-A6) must have a date of the decision that they should be
//! placed for adoption (DfE 903 validation rules).
//!
//! The child passes when any of their PlacedAdoption rows has `DATE_PLACED` given; the tool
//! reports the episode when any of them is blank, even beside a dated one (a blank row is then
//! rule 563's or 119's concern, not a missing decision).

use super::util_c::{id, is_placed_for_adoption};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule551;

static META: RuleMeta = RuleMeta {
    code: "551",
    message: "Child has been placed for adoption but there is no date of the decision that the child should be placed for adoption.",
    severity: Severity::Error,
    tables: &["Episodes", "PlacedAdoption"],
    fields: &["DATE_PLACED", "PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule551 {
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
        let decided: HashSet<&str> = data
            .current
            .placed_for_adoption
            .iter()
            .filter(|row| !row.date_placed.is_blank())
            .filter_map(|row| id(&row.child))
            .collect();
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            if is_placed_for_adoption(&row.place) && !decided.contains(child) {
                out.at("Episodes", row.at.row_number, Some(child), &["PLACE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_placement_for_adoption_without_a_decision_fails() {
        // 1: decision dated. 2: decision blank. 3: no PlacedAdoption row. 4: not placed.
        let t = tables(
            "//- Episodes
             CHILD,PLACE
             1,A3
             2,A4
             3,A5
             4,U4
             //- PlacedAdoption
             CHILD,DATE_PLACED
             1,01/01/2025
             2,
             4,",
        );
        assert_eq!(
            findings(&Rule551, &current(&t)),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
