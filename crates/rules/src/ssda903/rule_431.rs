//! 431: an episode starting a period of care (RNE `S`) cannot start the day the previous episode
//! ended (DfE 903 validation rules).
//!
//! The tool also reports an `S` episode starting before the previous one ended; that overlap is
//! rule 501's finding, and the DfE text is about the same day, so only that is reported here.

use super::util_c::{consecutive_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule431;

static META: RuleMeta = RuleMeta {
    code: "431",
    message: "The reason for new episode is started to be looked after, but the previous episode ended on the same day.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DECOM", "RNE"],
    years: Years::from(2023),
};

impl Rule for Rule431 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (previous, row) in consecutive_episodes(&data.current.episodes) {
            let starts_care = row.rne.get() == Some(ReasonNewEpisode::S);
            if starts_care && previous.dec.get().is_some() && previous.dec.get() == row.decom.get()
            {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["DECOM", "RNE"],
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
    fn a_new_period_the_day_the_last_episode_ended_fails() {
        // 1: S the day after (passes) then S the same day (fails). 2: P the same day.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,DEC
             1,01/05/2025,S,04/06/2025
             1,05/06/2025,S,06/06/2025
             1,06/06/2025,S,
             2,01/05/2025,S,04/06/2025
             2,04/06/2025,P,",
        );
        assert_eq!(findings(&Rule431, &current(&t)), vec![(3, "1".into())]);
    }
}
