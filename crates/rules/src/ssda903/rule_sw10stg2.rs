//! SW10STG2: a new social worker episode starts before the previous one ended (DfE 903
//! validation rules, 2024-25 definition).
//!
//! The DfE text (quoted in the tool): unless the new episode's reason is `FCONTA` (first
//! contact), its start must be on or after the previous episode's end less 7 days. The tool's
//! 2024-25 code also reports starts more than 7 days after that end, which is SW10aSTG2's check
//! from 2025-26; here only the "started before" half named by the message is checked. A previous
//! episode with no end date is SW08STG2's finding and is not compared (the tool reports it).
//! From 2025-26 SW10aSTG2 reports the same episodes as well.

use super::util_d::{consecutive_sw_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use chrono::Days;
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::SwChangeReason;

pub(crate) struct RuleSw10stg2;

static META: RuleMeta = RuleMeta {
    code: "SW10STG2",
    message: "A new social worker episode has started before the end date of the previous social worker episode.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DECOM"],
    years: Years::from(2024),
};

impl Rule for RuleSw10stg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (previous, next) in consecutive_sw_episodes(data.current) {
            if next.sw_reason.get() == Some(SwChangeReason::FCONTA) {
                continue;
            }
            let (Some(previous_end), Some(start)) = (previous.sw_dec.get(), next.sw_decom.get())
            else {
                continue;
            };
            let tolerance = previous_end.checked_sub_days(Days::new(7));
            if tolerance.is_some_and(|earliest| start < earliest) {
                out.at(
                    "SWEpisodes",
                    next.at.row_number,
                    id(&next.child),
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
    fn starting_over_a_week_before_the_previous_end_fails() {
        // 1: 7 days early (tolerated). 2: 9 days early. 3: first contact. 4: long after.
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC,SW_REASON
             1,01/01/2025,09/01/2025,MANAGE
             1,02/01/2025,03/01/2025,MANAGE
             2,01/01/2024,10/01/2025,MANAGE
             2,01/01/2025,,LEFTRL
             3,01/01/2024,10/01/2025,MANAGE
             3,01/01/2025,,FCONTA
             4,01/01/2024,10/01/2025,MANAGE
             4,30/01/2025,,LEFTRL",
        );
        assert_eq!(findings(&RuleSw10stg2, &current(&t)), vec![(4, "2".into())]);
    }
}
