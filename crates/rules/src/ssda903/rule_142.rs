//! 142: a new episode has started but the previous one has not ended: every episode except the
//! child's latest must have an end date and a reason (DfE 903 validation rules).
//!
//! Episodes are ordered by start date; an episode without a valid start date is not checked and
//! cannot be the latest. An end date that is not a valid date is left to rule 147 (the tool
//! counts it as missing here too).

use super::util_a::{episode_by_start, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule142;

static META: RuleMeta = RuleMeta {
    code: "142",
    message: "A new episode has started, but the previous episode has not ended.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["DEC", "REC"],
    years: Years::from(2023),
};

impl Rule for Rule142 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let episodes = &data.current.episodes;
        let latest = episode_by_start(episodes, true, |_| true);
        for episode in episodes {
            let Some(child) = id(&episode.child) else {
                continue;
            };
            if episode.decom.get().is_none() {
                continue;
            }
            let is_latest = latest.get(child).is_some_and(|l| std::ptr::eq(*l, episode));
            if !is_latest && (episode.dec.is_blank() || episode.rec.is_blank()) {
                out.at(
                    "Episodes",
                    episode.at.row_number,
                    Some(child),
                    &["DEC", "REC"],
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
    fn an_earlier_episode_left_open_fails() {
        // Child 1: the middle episode has no REC. Child 2: the first has no DEC. Child 3: only
        // the latest episode is open. Child 4: rows given out of order, the latest is open.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,REC
             1,01/06/2025,04/06/2025,X1
             1,05/06/2025,06/06/2025,
             1,06/06/2025,,
             2,06/06/2025,,E11
             2,07/06/2025,,
             3,08/06/2025,09/06/2025,X1
             3,09/06/2025,,
             4,15/06/2025,,
             4,08/06/2025,15/06/2025,X1",
        );
        assert_eq!(
            findings(&Rule142, &current(&t)),
            vec![(2, "1".into()), (4, "2".into())]
        );
    }
}
