//! 8608: an assessment is authorised before it started (DfE CIN census validation rules 2025-26).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8608;

static META: RuleMeta = RuleMeta {
    code: "8608",
    message: "Assessment Start Date cannot be later than its End Date",
    severity: Severity::Error,
    tables: &["Assessments"],
    fields: &["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
    years: Years::from(2023),
};

impl Rule for Rule8608 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            if let (Some(start), Some(authorised)) = (
                assessment.start.value(),
                assessment.authorisation_date.value(),
            ) && start > authorised
            {
                out.at(
                    "Assessments",
                    assessment.position,
                    child_id(child),
                    &["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    fn assessment(start: &str, authorised: &str) -> String {
        format!(
            "<Assessments><AssessmentActualStartDate>{start}</AssessmentActualStartDate><AssessmentAuthorisationDate>{authorised}</AssessmentAuthorisationDate></Assessments>"
        )
    }

    #[test]
    fn authorisation_before_start_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    assessment("2025-05-26", "2025-05-26"),
                    assessment("2025-05-26", "2025-05-25"),
                    assessment("2025-05-26", ""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8608, &xml),
            vec![("Assessments", 2, "A".into())]
        );
    }
}
