//! SW07STG2: a social worker episode ends before the start of the social worker reporting period
//! or after the end of the collection year (DfE 903 validation rules).
//!
//! The social worker reporting period starts a year before the collection year (1 April 2024 for
//! 2025-26), as in the tool.

use super::util_d::{a_year_before, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw07stg2;

static META: RuleMeta = RuleMeta {
    code: "SW07STG2",
    message: "Social worker episode end date should be on or after the start of the social worker reporting period, and should be on or before the collection end date.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DEC"],
    years: Years::from(2024),
};

impl Rule for RuleSw07stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let period_start = a_year_before(data.year_start());
        for row in &data.current.sw_episodes {
            let Some(dec) = row.sw_dec.get() else {
                continue;
            };
            if dec < period_start || dec > data.year_end() {
                out.at("SWEpisodes", row.at.row_number, id(&row.child), &["SW_DEC"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn end_dates_outside_the_reporting_period_fail() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DEC
             1,01/04/2026
             2,31/03/2024
             3,01/04/2024
             4,31/03/2026
             5,",
        );
        assert_eq!(
            findings(&RuleSw07stg2, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
