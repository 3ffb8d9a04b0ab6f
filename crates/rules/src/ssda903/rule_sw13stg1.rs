//! SW13STG1: the reason for the social worker change is not valid or is missing (DfE 903
//! validation rules).
//!
//! Valid reasons: shared/reference/ssda903/codes_sw_reason.csv, in any letter case. The reason
//! is required for episodes starting on or after 1 April 2023, when it was introduced (the 903
//! guide); a blank reason for an earlier episode, or for one whose start date is not a valid
//! date (SW04STG1's finding), passes. The tool instead excuses a blank reason on each child's
//! first episode open at the start of the collection year.

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::NaiveDate;
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct RuleSw13stg1;

static META: RuleMeta = RuleMeta {
    code: "SW13STG1",
    message: "The reason for social worker change is either not valid or has not been entered.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_REASON"],
    years: Years::from(2024),
};

impl Rule for RuleSw13stg1 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let introduced = NaiveDate::from_ymd_opt(2023, 4, 1).unwrap_or(NaiveDate::MIN);
        for row in &data.current.sw_episodes {
            let bad = match &row.sw_reason {
                Cell::Value(_) => false,
                Cell::Invalid(_) => true,
                Cell::Blank => row.sw_decom.get().is_some_and(|d| d >= introduced),
            };
            if bad {
                out.at(
                    "SWEpisodes",
                    row.at.row_number,
                    id(&row.child),
                    &["SW_REASON"],
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
    fn invalid_or_missing_reasons_fail() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_REASON
             1,01/04/2025,OTHERS
             2,01/04/2025,
             3,31/03/2023,
             4,01/04/2023,
             5,01/04/2025,LEFT
             6,01/04/2025,manage",
        );
        assert_eq!(
            findings(&RuleSw13stg1, &current(&t)),
            vec![(2, "2".into()), (4, "4".into()), (5, "5".into())]
        );
    }
}
