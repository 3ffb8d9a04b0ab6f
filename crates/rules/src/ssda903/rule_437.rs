//! 437: an episode ending because the child died (E2) or was assessed as 18 or over (E15) must
//! be the child's last (DfE 903 validation rules).
//!
//! Only this year's episodes are seen, as in the tool.

use super::util_c::{consecutive_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReasonEpisodeCeased;

pub(crate) struct Rule437;

static META: RuleMeta = RuleMeta {
    code: "437",
    message: "Reason episode ceased is child has died or is aged 18 or over but there are further episodes.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["REC"],
    years: Years::from(2023),
};

impl Rule for Rule437 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let mut final_ends: Vec<_> = consecutive_episodes(&data.current.episodes)
            .into_iter()
            .map(|(previous, _)| previous)
            .filter(|row| {
                matches!(
                    row.rec.get(),
                    Some(ReasonEpisodeCeased::E2 | ReasonEpisodeCeased::E15)
                )
            })
            .collect();
        final_ends.sort_by_key(|row| row.at.row_number);
        for row in final_ends {
            out.at("Episodes", row.at.row_number, id(&row.child), &["REC"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn an_episode_after_death_or_age_18_fails_on_the_ending_episode() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,REC
             1,20/10/2025,E2
             2,19/11/2025,E15
             2,17/06/2025,X1
             3,04/04/2025,E15
             3,11/09/2025,",
        );
        assert_eq!(findings(&Rule437, &current(&t)), vec![(4, "3".into())]);
    }
}
