//! 225: the reason for a placement change is missing on an episode that ends in a change of
//! placement (DfE 903 validation rules).
//!
//! As in the tool: the episode ends with REC X1, is not temporary, and the child's next episode
//! changes placement (RNE P, B, T or U) into a placement that is not temporary; then
//! REASON_PLACE_CHANGE must be given on the ending episode.

use super::util_b::{episodes_by_child, id, is_temporary};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{ReasonEpisodeCeased, ReasonNewEpisode};

pub(crate) struct Rule225;

static META: RuleMeta = RuleMeta {
    code: "225",
    message: "Reason for placement change must be recorded.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["REASON_PLACE_CHANGE"],
    years: Years::from(2023),
};

impl Rule for Rule225 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut found = Vec::new();
        for episodes in episodes_by_child(data.current).values() {
            for pair in episodes.windows(2) {
                let [this, next] = pair else { continue };
                let changes_placement = matches!(
                    next.rne.get(),
                    Some(
                        ReasonNewEpisode::P
                            | ReasonNewEpisode::B
                            | ReasonNewEpisode::T
                            | ReasonNewEpisode::U
                    )
                );
                if this.rec.get() == Some(ReasonEpisodeCeased::X1)
                    && this.reason_place_change.is_blank()
                    && !is_temporary(&this.place)
                    && changes_placement
                    && !is_temporary(&next.place)
                {
                    found.push(*this);
                }
            }
        }
        found.sort_by_key(|row| row.at.row_number);
        for row in found {
            out.at(
                "Episodes",
                row.at.row_number,
                id(&row.child),
                &["REASON_PLACE_CHANGE"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_placement_change_without_a_reason_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,REC,PLACE,REASON_PLACE_CHANGE
             1,01/06/2025,S,X1,U1,
             1,05/06/2025,P,E11,U3,
             2,06/06/2025,S,X1,U1,
             2,07/06/2025,L,X1,U1,CARPL
             2,08/06/2025,P,E3,U1,
             3,09/06/2025,S,X1,T1,
             3,15/06/2025,P,X1,U1,
             3,16/06/2025,P,E3,T3,",
        );
        // 1: U1 to U3 with no reason. 2: first change is legal status only; the second has a
        // reason. 3: changes to and from temporary placements need none.
        assert_eq!(findings(&Rule225, &current(&t)), vec![(1, "1".into())]);
    }
}
