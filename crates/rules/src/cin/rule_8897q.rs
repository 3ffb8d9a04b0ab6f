//! 8897Q: an assessment authorised on or after the start of the census year has no valid
//! parental or child factor (DfE CIN census validation rules 2025-26). One finding per
//! assessment.
//!
//! The DfE text: "one or more AssessmentFactors must be present ... and must be a valid code".
//! Read here as: at least one factor, and every factor written is a valid code (no other rule
//! checks factor codes against the list). Empty factor elements are not factors. Legacy codes
//! 18A and 19A are valid codes (8945Q/8950Q query them). Authorisation dates after the
//! reference date are checked too (8696 reports the date itself).

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{CinAssessment, CinChild};

pub(crate) struct Rule8897Q;

static META: RuleMeta = RuleMeta {
    code: "8897Q",
    message: "Parental or child factors at assessment information is missing from a completed assessment",
    severity: Severity::Query,
    tables: &["Assessments", "Header"],
    fields: &["AssessmentAuthorisationDate", "AssessmentFactors"],
    years: Years::from(2023),
};

/// At least one factor, and all factors valid codes.
fn has_valid_factors(assessment: &CinAssessment) -> bool {
    let written = || assessment.factors.iter().filter(|f| !f.value.is_blank());
    written().next().is_some() && written().all(|f| f.value.value().is_some())
}

impl Rule for Rule8897Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            let authorised_this_year = assessment
                .authorisation_date
                .get()
                .is_some_and(|d| d >= data.year_start());
            if authorised_this_year && !has_valid_factors(assessment) {
                out.at(
                    "Assessments",
                    assessment.position,
                    child_id(child),
                    &["AssessmentAuthorisationDate", "AssessmentFactors"],
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

    fn authorised(date: &str, codes: &[&str]) -> String {
        assessment(&format!(
            "<AssessmentAuthorisationDate>{date}</AssessmentAuthorisationDate>{}",
            factors(codes)
        ))
    }

    #[test]
    fn completed_assessment_without_valid_factors_is_queried() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    authorised("2025-04-01", &[]),
                    authorised("2025-06-01", &["99"]),
                    authorised("2025-06-01", &["1A", "99"]),
                    authorised("2025-06-01", &["1A"]),
                    // Authorised before the census year: not checked.
                    authorised("2025-03-31", &[]),
                    // Not authorised: 8614's business.
                    assessment(""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8897Q, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 2, "A".into()),
                ("Assessments", 3, "A".into())
            ]
        );
    }
}
