//! 8896: within one episode, more than one assessment has no authorisation date, i.e. is open
//! (DfE CIN census validation rules 2025-26). One finding per open assessment of such an
//! episode.
//!
//! Differs from the DfE tool, which flags every assessment of the episode, completed ones too.
//! An authorisation date written but invalid closes the assessment here.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{CinAssessment, CinChild};

pub(crate) struct Rule8896;

static META: RuleMeta = RuleMeta {
    code: "8896",
    message: "Within one CINDetails group there are 2 or more open Assessments groups",
    severity: Severity::Error,
    tables: &["Assessments"],
    fields: &["AssessmentAuthorisationDate"],
    years: Years::from(2023),
};

impl Rule for Rule8896 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let open: Vec<&CinAssessment> = episode
                .assessments
                .iter()
                .filter(|a| a.authorisation_date.is_blank())
                .collect();
            if open.len() > 1 {
                for assessment in open {
                    out.at(
                        "Assessments",
                        assessment.position,
                        child_id(child),
                        &["AssessmentAuthorisationDate"],
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
    fn two_open_assessments_in_one_episode_fail() {
        let xml = child(
            "A",
            "",
            &episode(&[assessment(""), assessment(DONE), assessment("")].concat()),
        );
        assert_eq!(
            findings(&Rule8896, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 3, "A".into())
            ]
        );
    }

    #[test]
    fn one_open_assessment_per_episode_passes() {
        let xml = child(
            "B",
            "",
            &[
                episode(&[assessment(""), assessment(DONE)].concat()),
                episode(&assessment("")),
            ]
            .concat(),
        );
        assert!(findings(&Rule8896, &xml).is_empty());
    }
}
