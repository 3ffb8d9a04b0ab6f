//! SW10aSTG2: a new social worker episode does not start within 7 days either side of the end of
//! the previous one (DfE 903 validation rules, from 2025-26).
//!
//! Episodes whose reason is `FCONTA` (first contact) are exempt. A previous episode with no end
//! date is SW08STG2's finding and is not compared (the tool reports it, its comparison with a
//! missing date being false).

use super::util_d::{consecutive_sw_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::SwChangeReason;

pub(crate) struct RuleSw10astg2;

static META: RuleMeta = RuleMeta {
    code: "SW10aSTG2",
    message: "A new social worker episode has started and it is not within +/- 7 days of a previous episode.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DECOM"],
    years: Years::from(2026),
};

impl Rule for RuleSw10astg2 {
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
            if (start - previous_end).num_days().abs() > 7 {
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
    fn a_start_over_a_week_from_the_previous_end_fails() {
        // 1: 7 days early. 2: 9 days early. 3: 10 days late. 4: first contact. 5: 7 days late.
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC,SW_REASON
             1,01/01/2025,09/01/2025,MANAGE
             1,02/01/2025,03/01/2025,MANAGE
             2,01/01/2024,10/01/2025,MANAGE
             2,01/01/2025,,LEFTRL
             3,01/01/2024,10/01/2025,MANAGE
             3,20/01/2025,,LEFTRL
             4,01/01/2024,10/01/2025,MANAGE
             4,01/01/2025,,FCONTA
             5,01/01/2024,10/01/2025,MANAGE
             5,17/01/2025,,LEFTRL",
        );
        assert_eq!(
            findings(&RuleSw10astg2, &current(&t)),
            vec![(4, "2".into()), (6, "3".into())]
        );
    }
}
