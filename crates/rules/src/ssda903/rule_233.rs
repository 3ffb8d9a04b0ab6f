//! 233: a reason for placement change is given on an episode that has not ended (DfE 903
//! validation rules, from 2025-26).
//!
//! The tool reads a `DATE_EPISODE_CEASED` column that the Episodes table does not have, so it
//! never reports anything; the end date is `DEC`. An invalid `DEC` counts as given.

use super::util_b::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule233;

static META: RuleMeta = RuleMeta {
    code: "233",
    message: "Reason for placement change is not required when the episode has not ceased.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "REASON_PLACE_CHANGE"],
    years: Years::from(2026),
};

impl Rule for Rule233 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            if row.dec.is_blank() && !row.reason_place_change.is_blank() {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["REASON_PLACE_CHANGE"],
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
    fn a_reason_on_an_open_episode_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DEC,REASON_PLACE_CHANGE
             1,01/05/2025,
             2,,
             3,,CARPL
             4,01/05/2025,CARPL",
        );
        assert_eq!(findings(&Rule233, &current(&t)), vec![(3, "3".into())]);
    }
}
