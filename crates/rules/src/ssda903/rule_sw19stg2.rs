//! SW19STG2: two social worker episodes of a child start on the same date (DfE 903 validation
//! rules, from 2025-26).
//!
//! Every episode after the first (in file order) with the same start date is reported, as in the
//! tool. Dates are compared as dates; blank or invalid ones are not compared (the tool compares
//! the text).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::HashSet;
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw19stg2;

static META: RuleMeta = RuleMeta {
    code: "SW19STG2",
    message: "There are 2 social worker episodes for the child starting on the same date.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DEC", "SW_DECOM"],
    years: Years::from(2026),
};

impl Rule for RuleSw19stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut seen = HashSet::default();
        for row in &data.current.sw_episodes {
            let (Some(child), Some(start)) = (id(&row.child), row.sw_decom.get()) else {
                continue;
            };
            if !seen.insert((child, start)) {
                out.at("SWEpisodes", row.at.row_number, Some(child), &["SW_DECOM"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_second_episode_starting_the_same_day_fails() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM
             1,01/01/2026
             2,01/01/2026
             2,02/01/2025
             1,1/1/2026",
        );
        assert_eq!(findings(&RuleSw19stg2, &current(&t)), vec![(4, "1".into())]);
    }
}
