//! SW17STG2: no social worker episode of the child is open at 31 March (DfE 903 validation
//! rules, from 2025-26: the episode with the latest start date must have no end date).
//!
//! When several episodes share the latest start date, one open among them is enough (the tool
//! picks one of them arbitrarily); otherwise the last such row is reported.

use super::util_d::sw_episodes_by_child;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw17stg2;

static META: RuleMeta = RuleMeta {
    code: "SW17STG2",
    message: "There is no social worker episode open at 31 March",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DEC"],
    years: Years::from(2026),
};

impl Rule for RuleSw17stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut closed: Vec<(u64, &str)> = Vec::new();
        for (child, rows) in sw_episodes_by_child(data.current) {
            let latest_start = rows.iter().filter_map(|r| r.sw_decom.get()).max();
            let latest: Vec<_> = rows
                .iter()
                .filter(|r| r.sw_decom.get() == latest_start)
                .collect();
            // An invalid end date is SW05STG1's finding, not a closed episode.
            if latest.iter().any(|r| r.sw_dec.get().is_none()) {
                continue;
            }
            if let Some(last) = latest.iter().map(|r| r.at.row_number).max() {
                closed.push((last, child));
            }
        }
        closed.sort_unstable();
        for (row_number, child) in closed {
            out.at("SWEpisodes", row_number, Some(child), &["SW_DEC"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_child_whose_latest_episode_has_ended_fails() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC
             1,01/01/2025,
             2,01/01/2024,01/01/2025
             2,02/01/2024,01/01/2025
             1,01/01/2024,01/01/2025
             3,01/01/2024,01/01/2025
             3,01/01/2025,xx",
        );
        assert_eq!(findings(&RuleSw17stg2, &current(&t)), vec![(3, "2".into())]);
    }
}
