//! 435: an episode starting for a change of placement only (RNE `P` or `T`) must keep the legal
//! status and change the placement (type, provider, postcode or URN) (DfE 903 validation rules).
//!
//! Fields are compared as recorded, a blank equal to a blank; the tool's pandas comparison
//! makes two blanks differ, so it never reports an unchanged placement with a blank field and
//! always reports two blank legal statuses.

use super::util_c::{consecutive_episodes, id, same_placement};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule435;

static META: RuleMeta = RuleMeta {
    code: "435",
    message: "Reason for new episode is that child’s placement has changed but not the legal status, but this is not reflected in the episode data recorded.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "URN"],
    years: Years::from(2023),
};

impl Rule for Rule435 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (previous, row) in consecutive_episodes(&data.current.episodes) {
            if !matches!(
                row.rne.get(),
                Some(ReasonNewEpisode::P | ReasonNewEpisode::T)
            ) {
                continue;
            }
            if row.ls != previous.ls || same_placement(row, previous) {
                out.at("Episodes", row.at.row_number, id(&row.child), META.fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn placement_changes_must_change_only_the_placement() {
        // 2: postcode changed (passes). 3: nothing changed. 4: LS changed too.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,PL_POST,URN
             1,01/05/2025,S,C1,U4,PR1,HD1 2AB,SC1
             1,01/06/2025,P,C1,U4,PR1,HD2 1AA,SC1
             1,01/07/2025,T,C1,U4,PR1,HD2 1AA,SC1
             1,01/08/2025,P,C2,R1,PR4,LS1 1AA,SC2",
        );
        assert_eq!(
            findings(&Rule435, &current(&t)),
            vec![(3, "1".into()), (4, "1".into())]
        );
    }
}
