//! SW10bSTG2: a social worker episode whose reason is first contact (`FCONTA`) starts on or
//! before the end of the previous episode (DfE 903 validation rules, from 2025-26).
//!
//! A previous episode with no end date is not compared, as in the tool (SW08STG2 reports it).

use super::util_d::{consecutive_sw_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::SwChangeReason;

pub(crate) struct RuleSw10bstg2;

static META: RuleMeta = RuleMeta {
    code: "SW10bSTG2",
    message: "A new social worker episode has started with a reason of first contact before the previous episode has ended.",
    severity: Severity::Error,
    tables: &["SWEpisodes"],
    fields: &["SW_DECOM", "SW_REASON"],
    years: Years::from(2026),
};

impl Rule for RuleSw10bstg2 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::SwEpisodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (previous, next) in consecutive_sw_episodes(data.current) {
            if next.sw_reason.get() != Some(SwChangeReason::FCONTA) {
                continue;
            }
            let (Some(previous_end), Some(start)) = (previous.sw_dec.get(), next.sw_decom.get())
            else {
                continue;
            };
            if start <= previous_end {
                out.at(
                    "SWEpisodes",
                    next.at.row_number,
                    id(&next.child),
                    &["SW_DECOM", "SW_REASON"],
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
    fn first_contact_before_the_previous_episode_ended_fails() {
        // 1: not first contact. 2: first contact the day after. 3: first contact the same day.
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC,SW_REASON
             1,01/01/2025,09/01/2025,MANAGE
             1,02/01/2025,,MANAGE
             2,01/01/2024,10/01/2025,MANAGE
             2,11/01/2025,,FCONTA
             3,01/01/2024,10/01/2025,MANAGE
             3,10/01/2025,,fconta",
        );
        assert_eq!(
            findings(&RuleSw10bstg2, &current(&t)),
            vec![(6, "3".into())]
        );
    }
}
