//! SW09STG2: a social worker episode appears to have lasted less than 24 hours (DfE 903
//! validation rules).
//!
//! Up to 2024-25 the tool reports an episode ending the day it starts; its 2025-26 definition
//! reports any episode ending less than 3 days after it starts, which is followed here from
//! 2025-26. An episode ending before it starts is SW18STG2's finding (the 2025-26 tool reports
//! it here too).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct RuleSw09stg2;

static META: RuleMeta = RuleMeta {
    code: "SW09STG2",
    message: "Social worker episode appears to have lasted for less than 24 hours.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DEC", "SW_DECOM"],
    years: Years::from(2024),
};

impl Rule for RuleSw09stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let too_short_days = if data.year >= 2026 { 3 } else { 1 };
        for row in &data.current.sw_episodes {
            let (Some(start), Some(end)) = (row.sw_decom.get(), row.sw_dec.get()) else {
                continue;
            };
            let days = (end - start).num_days();
            if (0..too_short_days).contains(&days) {
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
    fn episodes_under_three_days_fail_from_2025_26() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC
             1,01/01/2026,01/01/2026
             2,01/01/2026,03/01/2026
             3,01/01/2026,04/01/2026
             4,02/01/2026,01/01/2026
             5,01/01/2026,",
        );
        assert_eq!(
            findings(&RuleSw09stg2, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
        let mut earlier = current(&t);
        earlier.year = 2025;
        assert_eq!(findings(&RuleSw09stg2, &earlier), vec![(1, "1".into())]);
    }
}
