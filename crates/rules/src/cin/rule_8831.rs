//! 8831: a referral with no further action (`ReferralNFA` true or 1) has an assessment, a
//! section 47 enquiry or an initial conference recorded against it (DfE CIN census validation
//! rules 2025-26). One finding per episode.
//!
//! The activity is any of `AssessmentActualStartDate`, `AssessmentAuthorisationDate`,
//! `S47ActualStartDate` and `DateOfInitialCPC`, the last at either level (in a `Section47` or
//! on the episode); a date written but invalid still records activity. Differs from the DfE
//! tool, which reads `DateOfInitialCPC` only on the episode, not inside `Section47`.

use super::util_b::{child_id, is_nfa};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{CinChild, CinDetails};

pub(crate) struct Rule8831;

static META: RuleMeta = RuleMeta {
    code: "8831",
    message: "Activity is recorded against a case marked as a referral with no further action",
    severity: Severity::Error,
    tables: &["CINdetails", "Assessments", "Section47"],
    fields: &[
        "ReferralNFA",
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "S47ActualStartDate",
        "DateOfInitialCPC",
    ],
    years: Years::from(2023),
};

/// Whether the episode records an assessment, an enquiry or a conference.
fn has_activity(episode: &CinDetails) -> bool {
    let assessed = episode
        .assessments
        .iter()
        .any(|a| !a.start.is_blank() || !a.authorisation_date.is_blank());
    let enquired = episode
        .section47s
        .iter()
        .any(|s| !s.start.is_blank() || !s.date_of_initial_cpc.is_blank());
    assessed || enquired || !episode.date_of_initial_cpc.is_blank()
}

impl Rule for Rule8831 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if is_nfa(episode) && has_activity(episode) {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReferralNFA"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{assessment, child, episode, s47};

    fn nfa(inner: &str) -> String {
        episode(&format!("<ReferralNFA>true</ReferralNFA>{inner}"))
    }

    #[test]
    fn nfa_episodes_with_activity_fail() {
        let xml = child(
            "A",
            "",
            &[
                nfa(&assessment(
                    "<AssessmentAuthorisationDate>2025-05-01</AssessmentAuthorisationDate>",
                )),
                nfa(&s47("<S47ActualStartDate>2025-05-01</S47ActualStartDate>")),
                nfa(&s47("<DateOfInitialCPC>2025-05-01</DateOfInitialCPC>")),
                nfa("<DateOfInitialCPC>2025-05-01</DateOfInitialCPC>"),
                nfa(""),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8831, &xml),
            vec![
                ("CINdetails", 1, "A".into()),
                ("CINdetails", 2, "A".into()),
                ("CINdetails", 3, "A".into()),
                ("CINdetails", 4, "A".into())
            ]
        );
    }

    #[test]
    fn further_action_episode_with_activity_passes() {
        let xml = child(
            "B",
            "",
            &episode(&format!(
                "<ReferralNFA>0</ReferralNFA>{}",
                assessment("<AssessmentActualStartDate>2025-05-01</AssessmentActualStartDate>")
            )),
        );
        assert!(findings(&Rule8831, &xml).is_empty());
    }
}
