//! 432: an episode following one that ended the period of care (REC other than `X1`) must start
//! a new period (RNE `S`) (DfE 903 validation rules).
//!
//! A blank RNE fails, as in the tool; an invalid one is left to rule 143.

use super::util_c::{consecutive_episodes, id};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{ReasonEpisodeCeased, ReasonNewEpisode};

pub(crate) struct Rule432;

static META: RuleMeta = RuleMeta {
    code: "432",
    message: "The child ceased to be looked after at the end of the previous episode but the reason for the new episode is not started to be looked after.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["RNE"],
    years: Years::from(2023),
};

impl Rule for Rule432 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (previous, row) in consecutive_episodes(&data.current.episodes) {
            let left_care = previous
                .rec
                .get()
                .is_some_and(|rec| rec != ReasonEpisodeCeased::X1);
            let not_new_period =
                row.rne.is_blank() || row.rne.get().is_some_and(|rne| rne != ReasonNewEpisode::S);
            if left_care && not_new_period {
                out.at("Episodes", row.at.row_number, id(&row.child), &["RNE"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_continuation_after_leaving_care_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,REC
             1,01/05/2025,S,E13
             1,01/06/2025,P,X1
             1,01/07/2025,T,
             2,01/05/2025,S,E4A
             2,01/08/2025,S,
             3,01/05/2025,S,E3
             3,01/08/2025,,",
        );
        assert_eq!(
            findings(&Rule432, &current(&t)),
            vec![(2, "1".into()), (7, "3".into())]
        );
    }
}
