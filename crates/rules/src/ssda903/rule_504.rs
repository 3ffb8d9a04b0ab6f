//! 504: the category of need must not change within a period of care (DfE 903 validation
//! rules).
//!
//! Each episode continuing a period (the previous one ended with `X1` the day it started) is
//! compared with the first episode of the period seen this year, as the DfE text says ("differs
//! from that reported at start of current period"). The tool compares with the previous episode
//! only, so it reports only the episode where the code changed, not the later ones keeping the
//! new code. A blank equals a blank (rule 145 reports blanks).

use super::util_c::{episodes_by_child, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{EpisodeRow, Ssda903Table};
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule504;

static META: RuleMeta = RuleMeta {
    code: "504",
    message: "The category of need code differs from that reported at start of current period of being looked after",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["CIN"],
    years: Years::from(2023),
};

impl Rule for Rule504 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut changed: Vec<&EpisodeRow> = Vec::new();
        for episodes in episodes_by_child(&data.current.episodes).values() {
            let mut period_start: Option<&EpisodeRow> = None;
            let mut previous: Option<&EpisodeRow> = None;
            for row in episodes.iter().copied() {
                let continues = previous.is_some_and(|p| {
                    p.rec.get() == Some(ReasonEpisodeCeased::X1)
                        && p.dec.get().is_some()
                        && p.dec.get() == row.decom.get()
                });
                match period_start {
                    Some(start) if continues => {
                        if start.cin != row.cin {
                            changed.push(row);
                        }
                    }
                    _ => period_start = Some(row),
                }
                previous = Some(row);
            }
        }
        changed.sort_by_key(|row| row.at.row_number);
        for row in changed {
            out.at("Episodes", row.at.row_number, id(&row.child), &["CIN"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_category_of_need_changing_within_a_period_fails() {
        // 1: N1, N2, N2 within one period: both later episodes differ from the start.
        // 2: a new period (E13, then S) may change the category.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC,REC,CIN
             1,01/06/2025,04/06/2025,X1,N1
             1,04/06/2025,06/06/2025,X1,N2
             1,06/06/2025,,,N2
             2,01/05/2025,10/05/2025,E13,N1
             2,01/07/2025,,,N4",
        );
        assert_eq!(
            findings(&Rule504, &current(&t)),
            vec![(2, "1".into()), (3, "1".into())]
        );
    }
}
