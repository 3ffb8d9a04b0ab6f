//! 383: after a temporary placement the child must return to their usual placement (DfE 903
//! validation rules, 2025-26 definition).
//!
//! For three consecutive episodes of a child where the middle one is temporary (T0-T4), the
//! third must have RNE P and the same placement type and placement postcode as the first.
//! Reported on the third episode, as in the tool. A blank RNE fails; an invalid one is left to
//! rule 143.

use super::util_b::{episodes_by_child, id, is_temporary};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule383;

static META: RuleMeta = RuleMeta {
    code: "383",
    message: "A child in a temporary placement must subsequently return to his/her normal placement.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "PL_POST", "RNE"],
    years: Years::from(2023),
};

impl Rule for Rule383 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut found = Vec::new();
        for episodes in episodes_by_child(data.current).values() {
            for triple in episodes.windows(3) {
                let [usual, temporary, after] = triple else {
                    continue;
                };
                if !is_temporary(&temporary.place) || after.rne.is_invalid() {
                    continue;
                }
                let returned = matches!(after.rne, Cell::Value(ReasonNewEpisode::P))
                    && after.place == usual.place
                    && after.pl_post == usual.pl_post;
                if !returned {
                    found.push(*after);
                }
            }
        }
        found.sort_by_key(|row| row.at.row_number);
        for row in found {
            out.at(
                "Episodes",
                row.at.row_number,
                id(&row.child),
                &["PLACE", "PL_POST", "RNE"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn the_child_must_go_back_to_the_usual_placement() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,PLACE,PL_POST
             1,01/06/2025,S,U4,M1 1AE
             1,05/06/2025,P,T1,
             1,06/06/2025,T,U4,M1 1AE
             2,01/06/2025,S,U4,M1 1AE
             2,05/06/2025,P,T3,
             2,12/06/2025,P,U4,m11ae
             3,01/06/2025,S,U4,M1 1AE
             3,05/06/2025,P,T1,
             3,06/06/2025,P,U4,M2 2BB
             4,01/06/2025,S,U4,M1 1AE
             4,05/06/2025,P,T1,
             4,06/06/2025,P,K2,M1 1AE",
        );
        // 1: wrong RNE; 2: returns; 3: different carers' postcode; 4: different placement type.
        assert_eq!(
            findings(&Rule383, &current(&t)),
            vec![(3, "1".into()), (9, "3".into()), (12, "4".into())]
        );
    }
}
