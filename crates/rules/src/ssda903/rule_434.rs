//! 434: an episode starting for a change of legal status only (RNE `L`) must change the legal
//! status and keep the placement (type, provider, postcode, URN) (DfE 903 validation rules).

use super::util_c::{consecutive_episodes, id, same_placement};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonNewEpisode;

pub(crate) struct Rule434;

static META: RuleMeta = RuleMeta {
    code: "434",
    message: "Reason for new episode is that child's legal status has changed but not the placement, but this is not reflected in the episode data.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["LS", "PLACE", "PLACE_PROVIDER", "PL_POST", "RNE", "URN"],
    years: Years::from(2023),
};

impl Rule for Rule434 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (previous, row) in consecutive_episodes(&data.current.episodes) {
            if row.rne.get() != Some(ReasonNewEpisode::L) {
                continue;
            }
            if row.ls == previous.ls || !same_placement(row, previous) {
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
    fn legal_status_changes_must_change_only_the_legal_status() {
        // 2: same LS. 3: LS changed, same placement (passes). 4: URN changed. 5: postcode changed.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,PL_POST,URN
             1,01/05/2025,S,C1,U4,PR1,HD1 2AB,SC1
             1,01/06/2025,L,C1,U4,PR1,HD1 2AB,SC1
             1,01/07/2025,L,C2,U4,PR1,HD1 2AB,SC1
             1,01/08/2025,L,E1,U4,PR1,HD1 2AB,SC2
             1,01/09/2025,L,C2,U4,PR1,HD2 1AA,SC2",
        );
        assert_eq!(
            findings(&Rule434, &current(&t)),
            vec![(2, "1".into()), (4, "1".into()), (5, "1".into())]
        );
    }
}
