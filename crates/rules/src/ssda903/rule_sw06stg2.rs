//! SW06STG2: a social worker episode starts after the end of the collection year (DfE 903
//! validation rules).
//!
//! Episodes that started before the reporting period are expected (a social worker allocated
//! long ago), so only the end of the year bounds the start date, as in the tool.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw06stg2;

static META: RuleMeta = RuleMeta {
    code: "SW06STG2",
    message: "Social worker episode data should be within the social worker data reporting year.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DECOM"],
    years: Years::from(2024),
};

impl Rule for RuleSw06stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.sw_episodes {
            if row.sw_decom.get().is_some_and(|d| d > data.year_end()) {
                out.at(
                    "SWEpisodes",
                    row.at.row_number,
                    id(&row.child),
                    &["SW_DECOM"],
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
    fn episodes_starting_after_the_year_fail() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM
             1,01/04/2026
             2,31/03/2026
             3,01/01/2020
             4,",
        );
        assert_eq!(findings(&RuleSw06stg2, &current(&t)), vec![(1, "1".into())]);
    }
}
