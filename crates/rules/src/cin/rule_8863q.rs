//! 8863Q: within one episode, an assessment starts while another assessment is ongoing (DfE CIN
//! census validation rules 2025-26). One finding per assessment that starts inside another.
//!
//! Each `AssessmentActualStartDate` must not fall on or between (a) the start and authorisation
//! dates of any other assessment of the episode that has an authorisation date, or (b) the
//! start date and the reference date of any other assessment without one. The other assessment
//! is any other element, so two identical assessments both fall inside each other and are both
//! queried; the DfE tool drops pairs with the same start and end dates (its way of not comparing
//! an assessment with itself), which hides such duplicates. An authorisation date written but
//! invalid leaves the other assessment's end unknown: that pair is not compared.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{CinAssessment, CinChild};

pub(crate) struct Rule8863Q;

static META: RuleMeta = RuleMeta {
    code: "8863Q",
    message: "An Assessment is shown as starting when there is another Assessment ongoing.",
    severity: Severity::Query,
    tables: &["Assessments", "Header"],
    fields: &[
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "ReferenceDate",
    ],
    years: Years::from(2023),
};

/// Whether an assessment starting on `start` starts while `other` is ongoing.
fn starts_during(data: &CinReturn, start: NaiveDate, other: &CinAssessment) -> bool {
    let Some(other_start) = other.start.get() else {
        return false;
    };
    let other_end = match other.authorisation_date.get() {
        Some(end) => end,
        None if other.authorisation_date.is_blank() => data.reference_date(),
        None => return false,
    };
    other_start <= start && start <= other_end
}

impl Rule for Rule8863Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            for (i, assessment) in episode.assessments.iter().enumerate() {
                let Some(start) = assessment.start.get() else {
                    continue;
                };
                let during = episode
                    .assessments
                    .iter()
                    .enumerate()
                    .any(|(j, other)| j != i && starts_during(data, start, other));
                if during {
                    out.at(
                        "Assessments",
                        assessment.position,
                        child_id(child),
                        &["AssessmentActualStartDate"],
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{assessment, child, episode};

    fn a(start: &str, end: &str) -> String {
        assessment(&format!(
            "<AssessmentActualStartDate>{start}</AssessmentActualStartDate><AssessmentAuthorisationDate>{end}</AssessmentAuthorisationDate>"
        ))
    }

    #[test]
    fn assessment_starting_inside_another_is_queried() {
        let xml = [
            // Starts inside a completed one, including on its end day.
            child(
                "A",
                "",
                &episode(&[a("2025-05-01", "2025-06-01"), a("2025-06-01", "")].concat()),
            ),
            // Starts after an open one began: the open one runs to the reference date.
            child(
                "B",
                "",
                &episode(&[a("2025-05-01", ""), a("2025-09-01", "2025-09-20")].concat()),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8863Q, &xml),
            vec![
                ("Assessments", 2, "A".into()),
                ("Assessments", 4, "B".into())
            ]
        );
    }

    #[test]
    fn separate_or_other_episode_assessments_pass() {
        let xml = child(
            "C",
            "",
            &[
                episode(&[a("2025-05-01", "2025-05-31"), a("2025-06-01", "")].concat()),
                // Another episode is not compared.
                episode(&a("2025-05-10", "")),
            ]
            .concat(),
        );
        assert!(findings(&Rule8863Q, &xml).is_empty());
    }
}
