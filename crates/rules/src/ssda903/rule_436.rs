//! 436: an episode starting for a change of both legal status and placement (RNE `U` or `B`)
//! must change both (DfE 903 validation rules).

use super::util_c::{consecutive_episodes, id, same_placement};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule436;

static META: RuleMeta = RuleMeta {
    code: "436",
    message: "Reason for new episode is that both child’s placement and legal status have changed, but this is not reflected in the episode data.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN"],
    years: Years::from(2023),
};

impl Rule for Rule436 {
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
                Some(ReasonNewEpisode::U | ReasonNewEpisode::B)
            ) {
                continue;
            }
            if row.ls == previous.ls || same_placement(row, previous) {
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
    fn both_must_change() {
        // 2: both changed (passes). 3: LS changed only. 4: placement changed only.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,PL_POST,URN
             1,01/05/2025,S,C1,U4,PR1,HD1 2AB,SC1
             1,01/06/2025,B,C2,U5,PR1,HD1 2AB,SC1
             1,01/07/2025,U,E1,U5,PR1,HD1 2AB,SC1
             1,01/08/2025,B,E1,A6,PR1,HD1 2AB,SC1",
        );
        assert_eq!(
            findings(&Rule436, &current(&t)),
            vec![(3, "1".into()), (4, "1".into())]
        );
    }
}
