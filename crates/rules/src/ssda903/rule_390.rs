//! 390: an episode ends in adoption (E11/E12) but the child is not placed for adoption in it
//! (A3-A6) (DfE 903 validation rules).
//!
//! A blank placement fails, as in the tool; an invalid one is left to rule 146.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule390;

static META: RuleMeta = RuleMeta {
    code: "390",
    message: "Reason episode ceased is adopted but child has not been previously placed for adoption.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule390 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let adopted = matches!(
                row.rec.get(),
                Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
            );
            let placed = match &row.place {
                Cell::Value(place) => place.is_placed_for_adoption(),
                Cell::Blank => false,
                Cell::Invalid(_) => true,
            };
            if adopted && !placed {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PLACE", "REC"],
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
    fn adoption_from_outside_an_adoption_placement_fails() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,REC
             1,P1,E11
             2,A4,E12
             3,A6,E8
             4,,E12",
        );
        assert_eq!(
            findings(&Rule390, &current(&t)),
            vec![(1, "1".into()), (4, "4".into())]
        );
    }
}
