//! 8825Q: an episode closed with RC8 or RC9 (closed after assessment) has no assessment (DfE CIN
//! census validation rules 2025-26). One finding per episode.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;
use sightline_model::codes::ReasonForClosure;

pub(crate) struct Rule8825Q;

static META: RuleMeta = RuleMeta {
    code: "8825Q",
    message: "Please check and either amend data or provide a reason: Reason for Closure code RC8 (case closed after assessment) or RC9 (case closed after assessment, referred to early help) has been returned but there is no assessment present for the episode.",
    severity: Severity::Query,
    tables: &["CINdetails", "Assessments"],
    fields: &["ReasonForClosure"],
    years: Years::from(2023),
};

impl Rule for Rule8825Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let after_assessment = matches!(
                episode.reason_for_closure.get(),
                Some(ReasonForClosure::RC8 | ReasonForClosure::RC9)
            );
            if after_assessment && episode.assessments.is_empty() {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReasonForClosure"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{assessment, child, episode};

    #[test]
    fn rc8_or_rc9_without_assessment_fails() {
        let with_assessment = format!(
            "<ReasonForClosure>RC9</ReasonForClosure>{}",
            assessment("<AssessmentActualStartDate>2025-05-01</AssessmentActualStartDate>")
        );
        let xml = child(
            "A",
            "",
            &[
                episode("<ReasonForClosure>RC8</ReasonForClosure>"),
                episode(&with_assessment),
                episode("<ReasonForClosure>RC7</ReasonForClosure>"),
                episode("<ReasonForClosure>RC9</ReasonForClosure>"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8825Q, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 4, "A".into())]
        );
    }
}
