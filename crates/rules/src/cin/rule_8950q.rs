//! 8950Q: the legacy assessment factor 19A (not split by perpetrator) is recorded; the DfE asks
//! for 19B or 19C instead (DfE CIN census validation rules, from 2024-25). One finding per
//! assessment, however many times the code appears on it.
//!
//! The reader accepts the code in any letter case (`19a`), as the DfE tool does.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;
use sightline_model::codes::AssessmentFactor;

pub(crate) struct Rule8950Q;

static META: RuleMeta = RuleMeta {
    code: "8950Q",
    message: "Please check and either amend data or provide a reason: the assessment factors code '19A' should not be used ('19B' or '19C' should be used instead)",
    severity: Severity::Query,
    tables: &["Assessments"],
    fields: &["AssessmentFactors"],
    years: Years::from(2025),
};

impl Rule for Rule8950Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            if assessment
                .factors
                .iter()
                .any(|f| f.value.get() == Some(AssessmentFactor::F19A))
            {
                out.at(
                    "Assessments",
                    assessment.position,
                    child_id(child),
                    &["AssessmentFactors"],
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
    fn legacy_19a_is_queried_and_19b_19c_pass() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    assessment(&factors(&["1A", "19A"])),
                    assessment(&factors(&["19B", "19C"])),
                    assessment(&factors(&["19a"])),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8950Q, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 3, "A".into())
            ]
        );
    }
}
