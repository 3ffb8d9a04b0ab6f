//! 8873Q: an episode has exactly one assessment, its factors include 21 ("no factors
//! identified"), but the reason for closure is not RC8 or RC9 (DfE CIN census validation rules
//! 2025-26). One finding per episode (the reason for closure is what the query asks about).
//!
//! As in the DfE text and tool, an episode not yet closed (no reason) is queried too: its reason
//! "should" be RC8 or RC9.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;
use sightline_model::codes::{AssessmentFactor, ReasonForClosure};

pub(crate) struct Rule8873Q;

static META: RuleMeta = RuleMeta {
    code: "8873Q",
    message: "Please check and either amend data or provide a reason: When there is only one assessment on the episode and the factors code “21 No factors identified” has been used for the completed assessment, the reason for closure ‘RC8’ or 'RC9' should be used.",
    severity: Severity::Query,
    tables: &["CINdetails", "Assessments"],
    fields: &["AssessmentFactors", "ReasonForClosure"],
    years: Years::from(2023),
};

impl Rule for Rule8873Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let [only] = episode.assessments.as_slice() else {
                continue;
            };
            let no_factors = only
                .factors
                .iter()
                .any(|f| f.value.get() == Some(AssessmentFactor::F21));
            let closed_after_assessment = matches!(
                episode.reason_for_closure.get(),
                Some(ReasonForClosure::RC8 | ReasonForClosure::RC9)
            );
            if no_factors && !closed_after_assessment {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["AssessmentFactors", "ReasonForClosure"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{assessment, child, episode, factors};

    fn ep(reason: &str, assessments: &[&[&str]]) -> String {
        let inner: String = assessments
            .iter()
            .map(|f| assessment(&factors(f)))
            .collect();
        episode(&format!(
            "<ReasonForClosure>{reason}</ReasonForClosure>{inner}"
        ))
    }

    #[test]
    fn single_no_factor_assessment_without_rc8_or_rc9_is_queried() {
        let xml = child(
            "A",
            "",
            &[
                ep("RC7", &[&["21"]]),
                ep("RC8", &[&["21"]]),
                ep("", &[&["21"]]),
                ep("RC9", &[&["21"]]),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8873Q, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 3, "A".into())]
        );
    }

    #[test]
    fn two_assessments_or_other_factors_pass() {
        let xml = child(
            "B",
            "",
            &[
                ep("RC7", &[&["21"], &["21"]]),
                ep("RC7", &[&["1A"]]),
                ep("RC7", &[]),
            ]
            .concat(),
        );
        assert!(findings(&Rule8873Q, &xml).is_empty());
    }
}
