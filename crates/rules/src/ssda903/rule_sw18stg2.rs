//! SW18STG2: a social worker episode ends on or before the day it starts (DfE 903 validation
//! rules, from 2025-26: "where provided, SW_DEC must be after SW_DECOM").

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw18stg2;

static META: RuleMeta = RuleMeta {
    code: "SW18STG2",
    message: "The end date of the social worker episode is before the start date",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DEC", "SW_DECOM"],
    years: Years::from(2026),
};

impl Rule for RuleSw18stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.sw_episodes {
            let (Some(start), Some(end)) = (row.sw_decom.get(), row.sw_dec.get()) else {
                continue;
            };
            if end <= start {
                out.at(
                    "SWEpisodes",
                    row.at.row_number,
                    id(&row.child),
                    &["SW_DEC", "SW_DECOM"],
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
    fn episodes_ending_before_they_start_fail() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC
             1,01/01/2025,
             2,01/01/2025,01/01/2026
             3,02/01/2026,01/01/2026
             4,01/01/2026,01/01/2026",
        );
        assert_eq!(
            findings(&RuleSw18stg2, &current(&t)),
            vec![(3, "3".into()), (4, "4".into())]
        );
    }
}
