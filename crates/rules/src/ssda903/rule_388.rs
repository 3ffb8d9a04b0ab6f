//! 388: REC X1 ("a new episode begins") is used without a continuation episode, or a
//! continuation episode follows an episode that did not end with X1 (DfE 903 validation rules).
//!
//! The tool's three cases, over a child's episodes in start order: an X1 episode whose end
//! differs from the next one's start; an episode ending on the day the next starts with a
//! reason other than X1; the child's last episode ending with X1.

use super::util_b::{episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{EpisodeRow, Ssda903Table};
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule388;

static META: RuleMeta = RuleMeta {
    code: "388",
    message: "Reason episode ceased is coded new episode begins, but there is no continuation episode.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["REC"],
    years: Years::from(2023),
};

fn breaks_continuity(this: &EpisodeRow, next: Option<&EpisodeRow>) -> bool {
    let Some(dec) = this.dec.get() else {
        return false;
    };
    let Some(rec) = this.rec.get() else {
        return false;
    };
    let continues = rec == ReasonEpisodeCeased::X1;
    match next.map(|n| n.decom.get()) {
        None => continues,
        Some(Some(next_start)) => continues != (dec == next_start),
        Some(None) => false,
    }
}

impl Rule for Rule388 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut found = Vec::new();
        for episodes in episodes_by_child(data.current).values() {
            for (i, this) in episodes.iter().enumerate() {
                let next = episodes.get(i + 1).copied();
                if breaks_continuity(this, next) {
                    found.push(*this);
                }
            }
        }
        found.sort_by_key(|row| row.at.row_number);
        for row in found {
            out.at("Episodes", row.at.row_number, id(&row.child), &["REC"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn x1_must_be_followed_by_a_same_day_episode() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,REC
             1,01/06/2025,04/06/2025,X1
             1,05/06/2025,06/06/2025,X1
             1,06/06/2025,08/06/2025,X1
             2,06/06/2025,07/06/2025,E11
             2,07/06/2025,,
             3,08/06/2025,09/06/2025,X1
             3,09/06/2025,10/06/2025,E11
             4,11/06/2025,,",
        );
        // 1: gap after the first episode, and the last one ends with X1; 2: E11 then a new
        // episode the same day.
        assert_eq!(
            findings(&Rule388, &current(&t)),
            vec![(1, "1".into()), (3, "1".into()), (4, "2".into())]
        );
    }
}
