//! SW11bSTG2: a child's social worker episode ended before 31 March and no later episode follows
//! it (DfE 903 validation rules).
//!
//! The child's latest episode (by start date) must not end before the last day of the collection
//! year. The tool's check is different and inconsistent: it reports every child with a single
//! episode whatever its dates, and episodes following an end within 5 days of 31 March that have
//! no start date; Sightline checks what the message says.

use super::util_d::sw_episodes_by_child;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw11bstg2;

static META: RuleMeta = RuleMeta {
    code: "SW11bSTG2",
    message: "Social worker episode has ended before 31 March and no subsequent social worker episode has been provided.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DEC"],
    years: Years::from(2024),
};

impl Rule for RuleSw11bstg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut ended_early: Vec<(u64, &str)> = Vec::new();
        for (child, rows) in sw_episodes_by_child(data.current) {
            let Some(last) = rows.last() else { continue };
            if last.sw_dec.get().is_some_and(|end| end < data.year_end()) {
                ended_early.push((last.at.row_number, child));
            }
        }
        ended_early.sort_unstable();
        for (row_number, child) in ended_early {
            out.at("SWEpisodes", row_number, Some(child), &["SW_DEC"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_last_episode_ending_before_31_march_fails() {
        // 1: followed by an open episode. 2: last episode ends 30 March. 3: ends 31 March.
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC
             1,01/04/2025,26/03/2026
             1,27/03/2026,
             2,01/04/2025,26/03/2026
             2,27/03/2026,30/03/2026
             3,01/04/2025,31/03/2026",
        );
        assert_eq!(
            findings(&RuleSw11bstg2, &current(&t)),
            vec![(4, "2".into())]
        );
    }
}
