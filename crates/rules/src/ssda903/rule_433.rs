//! 433: a continuation episode (RNE `P`, `L`, `T`, `U` or `B`) must start the day the previous
//! episode ended (DfE 903 validation rules).
//!
//! A previous end date that is blank fails, as in the tool; an invalid one is left to rule 147.

use super::util_c::{consecutive_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule433;

static META: RuleMeta = RuleMeta {
    code: "433",
    message: "The reason for new episode suggests that this is a continuation episode, but the episode does not start on the same day as the last episode finished.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DECOM", "RNE"],
    years: Years::from(2023),
};

impl Rule for Rule433 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (previous, row) in consecutive_episodes(&data.current.episodes) {
            let continues = row.rne.get().is_some_and(|rne| rne != ReasonNewEpisode::S);
            let gap = match previous.dec {
                Cell::Value(dec) => Some(dec) != row.decom.get(),
                Cell::Blank => true,
                Cell::Invalid(_) => false,
            };
            if continues && gap {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DECOM", "RNE"],
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
    fn a_continuation_after_a_gap_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,DEC
             1,17/06/2025,S,19/11/2025
             1,19/11/2025,P,
             2,04/04/2025,S,12/09/2025
             2,11/09/2025,B,06/01/2026
             2,07/01/2026,B,",
        );
        assert_eq!(
            findings(&Rule433, &current(&t)),
            vec![(4, "2".into()), (5, "2".into())]
        );
    }
}
