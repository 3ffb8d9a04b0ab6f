//! 8867: an episode is closed but one of its assessments is not completed (no authorisation
//! date) (DfE CIN census validation rules 2025-26). One finding per unauthorised assessment of a
//! closed episode.
//!
//! Differs from the DfE tool in two ways: the tool joins episodes to assessments with a left
//! join, so a closed episode with no assessment at all is flagged (the DfE text says "all
//! instances of the Assessments group", which none is not breaking); and it reads an invalid
//! closure date as no closure, where here any closure date written closes the episode.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8867;

static META: RuleMeta = RuleMeta {
    code: "8867",
    message: "CIN episode is shown as closed, however Assessment is not shown as completed",
    severity: Severity::Error,
    tables: &["Assessments", "CINdetails"],
    fields: &["CINclosureDate", "AssessmentAuthorisationDate"],
    years: Years::from(2023),
};

impl Rule for Rule8867 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in child
            .cin_details
            .iter()
            .filter(|e| !e.closure_date.is_blank())
        {
            for assessment in &episode.assessments {
                if assessment.authorisation_date.is_blank() {
                    out.at(
                        "Assessments",
                        assessment.position,
                        child_id(child),
                        &["CINclosureDate", "AssessmentAuthorisationDate"],
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

    const DONE: &str = "<AssessmentAuthorisationDate>2025-05-20</AssessmentAuthorisationDate>";

    #[test]
    fn unauthorised_assessment_in_closed_episode_fails() {
        let closed = "<CINclosureDate>2025-06-01</CINclosureDate>";
        let xml = child(
            "A",
            "",
            &[
                episode(&format!("{closed}{}{}", assessment(DONE), assessment(""))),
                // Open episode: its assessment may still be going.
                episode(&assessment("")),
                // Closed with no assessment at all: nothing to complete.
                episode(closed),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8867, &xml),
            vec![("Assessments", 2, "A".into())]
        );
    }
}
