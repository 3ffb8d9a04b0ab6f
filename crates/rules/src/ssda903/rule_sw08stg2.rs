//! SW08STG2: a new social worker episode starts while the previous one is still open (DfE 903
//! validation rules; the tool registers the rule under the misspelt code `SW108STG2`).
//!
//! Every episode of a child but the latest (by start date) must have an end date; the open
//! earlier episode is reported.

use super::util_d::sw_episodes_by_child;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw08stg2;

static META: RuleMeta = RuleMeta {
    code: "SW08STG2",
    message: "A new social worker episode has started, but the previous episode has not ended.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DEC"],
    years: Years::from(2024),
};

impl Rule for RuleSw08stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut open_before_another: Vec<(u64, &str)> = Vec::new();
        for (child, rows) in sw_episodes_by_child(data.current) {
            // The latest episode starts last; open or not, it is not the rule's concern.
            let earlier = rows.len().saturating_sub(1);
            for row in rows.iter().take(earlier) {
                if row.sw_dec.is_blank() {
                    open_before_another.push((row.at.row_number, child));
                }
            }
        }
        open_before_another.sort_unstable();
        for (row_number, child) in open_before_another {
            out.at("SWEpisodes", row_number, Some(child), &["SW_DEC"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn an_open_episode_followed_by_another_fails() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC
             1,01/06/2025,04/06/2025
             1,05/06/2025,
             2,07/06/2025,08/06/2025
             2,06/06/2025,
             3,15/06/2025,
             3,xx,",
        );
        assert_eq!(findings(&RuleSw08stg2, &current(&t)), vec![(4, "2".into())]);
    }
}
