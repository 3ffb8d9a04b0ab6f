//! 380: a period of care starts with a temporary placement (DfE 903 validation rules).
//!
//! As in the tool: a temporary placement (T0-T4) must come with a change of placement and carers
//! (RNE P or B). A blank RNE fails; an invalid one is left to rule 143.

use super::util_b::{id, is_temporary};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule380;

static META: RuleMeta = RuleMeta {
    code: "380",
    message: "A period of care cannot start with a temporary placement.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "RNE"],
    years: Years::from(2023),
};

impl Rule for Rule380 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let placement_change = match &row.rne {
                Cell::Value(rne) => matches!(rne, ReasonNewEpisode::P | ReasonNewEpisode::B),
                Cell::Blank => false,
                Cell::Invalid(_) => true,
            };
            if is_temporary(&row.place) && !placement_change {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PLACE", "RNE"],
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
    fn temporary_placements_must_follow_a_placement_change() {
        let t = tables(
            "//- Episodes
             CHILD,RNE,PLACE
             1,S,U1
             2,L,T0
             3,P,U2
             4,B,T1
             5,S,T4",
        );
        assert_eq!(
            findings(&Rule380, &current(&t)),
            vec![(2, "2".into()), (5, "5".into())]
        );
    }
}
