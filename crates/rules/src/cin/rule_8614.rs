//! 8614: parental or child factors are recorded on an assessment that has no authorisation date,
//! i.e. is not completed (DfE CIN census validation rules 2025-26). One finding per assessment.
//!
//! A factor counts when its element holds any text, valid code or not; an empty
//! `FactorsIdentifiedAtAssessment` holds no factor. An authorisation date written but invalid is
//! still written (the DfE tool would read it as missing and flag the factors).

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8614;

static META: RuleMeta = RuleMeta {
    code: "8614",
    message: "Parental or child factors at assessment should only be present for a completed assessment.",
    severity: Severity::Error,
    tables: &["Assessments"],
    fields: &["AssessmentAuthorisationDate", "AssessmentFactors"],
    years: Years::from(2023),
};

impl Rule for Rule8614 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            let has_factors = assessment.factors.iter().any(|f| !f.value.is_blank());
            if has_factors && assessment.authorisation_date.is_blank() {
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

    #[test]
    fn factors_on_an_unauthorised_assessment_fail() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    assessment(&factors(&["1A"])),
                    assessment(&format!(
                        "<AssessmentAuthorisationDate>2025-05-01</AssessmentAuthorisationDate>{}",
                        factors(&["1A"])
                    )),
                    assessment(&factors(&[])),
                    assessment(""),
                    assessment(&factors(&["ZZ"])),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8614, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 5, "A".into())
            ]
        );
    }
}
