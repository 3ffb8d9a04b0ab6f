//! 366: a child changes placement during a single short break (a V3 episode whose reason for
//! new episode is not S) (DfE 903 validation rules).
//!
//! A blank RNE fails, as in the tool; an invalid one is left to rule 143.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::{LegalStatus, ReasonNewEpisode};

pub(crate) struct Rule366;

static META: RuleMeta = RuleMeta {
    code: "366",
    message: "A child cannot change placement during the course of an individual short-term respite break.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["RNE"],
    years: Years::from(2023),
};

impl Rule for Rule366 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let not_a_start = match &row.rne {
                Cell::Value(rne) => *rne != ReasonNewEpisode::S,
                Cell::Blank => true,
                Cell::Invalid(_) => false,
            };
            if row.ls.get() == Some(LegalStatus::V3) && not_a_start {
                out.at("Episodes", row.at.row_number, id(&row.child), &["RNE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_short_break_episode_must_start_care() {
        let t = tables(
            "//- Episodes
             CHILD,LS,RNE
             1,V3,S
             2,V4,T
             3,V3,U
             4,V3,",
        );
        assert_eq!(
            findings(&Rule366, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
