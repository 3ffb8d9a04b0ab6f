//! 392d: the home and placement postcodes are the same although the child is not placed with
//! parents (P1) (DfE 903 validation rules).
//!
//! Postcodes are compared normalised (upper case, one space). A blank placement type fails, as
//! in the tool; an invalid one is left to rule 146.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::PlacementType;

pub(crate) struct Rule392d;

static META: RuleMeta = RuleMeta {
    code: "392d",
    message: "Home and placement postcodes should not be same unless the placement type is P1.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["HOME_POST", "PLACE", "PL_POST"],
    years: Years::from(2023),
};

impl Rule for Rule392d {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let with_parents = match &row.place {
                Cell::Value(place) => *place == PlacementType::P1,
                Cell::Blank => false,
                Cell::Invalid(_) => continue,
            };
            let same = matches!((&row.home_post, &row.pl_post), (Cell::Value(h), Cell::Value(p)) if h == p);
            if same && !with_parents {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["HOME_POST", "PLACE", "PL_POST"],
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
    fn same_postcodes_outside_p1_fail() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,HOME_POST,PL_POST
             1,U4,BN2 0AA,bn20aa
             2,P1,BN2 0AA,BN2 0AA
             3,U4,BN2 0AA,BN2 1AA
             4,U4,,",
        );
        assert_eq!(findings(&Rule392d, &current(&t)), vec![(1, "1".into())]);
    }
}
