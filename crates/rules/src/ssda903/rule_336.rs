//! 336: a child placed for adoption with their current foster carers (A3/A5) was not in a
//! foster or adoption placement immediately before (DfE 903 validation rules).
//!
//! Follows the DfE condition (A3 or A5, preceded by A3-A6 or U1-U6); the tool checks A3 and A4
//! instead of A3 and A5. A child's first episode in the return has no previous placement and is
//! not checked, as in the tool; a blank previous placement fails, an invalid one is left to rule
//! 146.

use super::util_b::{episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::PlacementType;

pub(crate) struct Rule336;

static META: RuleMeta = RuleMeta {
    code: "336",
    message: "Child does not have a foster placement immediately prior to being placed for adoption.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE"],
    years: Years::from(2023),
};

impl Rule for Rule336 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut found = Vec::new();
        for episodes in episodes_by_child(data.current).values() {
            for pair in episodes.windows(2) {
                let [before, this] = pair else { continue };
                if !matches!(
                    this.place.get(),
                    Some(PlacementType::A3 | PlacementType::A5)
                ) {
                    continue;
                }
                let fostered_before = match &before.place {
                    Cell::Value(place) => place.is_foster() || place.is_placed_for_adoption(),
                    Cell::Blank => false,
                    Cell::Invalid(_) => true,
                };
                if !fostered_before {
                    found.push(*this);
                }
            }
        }
        found.sort_by_key(|row| row.at.row_number);
        for row in found {
            out.at("Episodes", row.at.row_number, id(&row.child), &["PLACE"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn adoption_with_carers_straight_after_another_placement_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,PLACE
             1,01/01/2025,U1
             1,11/01/2025,T1
             1,22/01/2025,A3
             2,01/01/2025,U4
             2,11/01/2025,A5
             3,01/01/2025,A3
             4,01/01/2025,
             4,11/01/2025,A5
             5,01/01/2025,K2
             5,11/01/2025,A4",
        );
        assert_eq!(
            findings(&Rule336, &current(&t)),
            vec![(3, "1".into()), (8, "4".into())]
        );
    }
}
