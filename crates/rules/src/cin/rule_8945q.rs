//! 8945Q: the legacy assessment factor 18A (not split by perpetrator) is recorded; the DfE asks
//! for 18B or 18C instead (DfE CIN census validation rules, from 2024-25). One finding per
//! assessment, however many times the code appears on it.
//!
//! The reader accepts the code in any letter case (`18a`), as the DfE tool does.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;
use sightline_model::codes::AssessmentFactor;

pub(crate) struct Rule8945Q;

static META: RuleMeta = RuleMeta {
    code: "8945Q",
    message: "Please check and either amend data or provide a reason: the assessment factors code '18A' should not be used ('18B' or '18C' should be used instead)",
    severity: Severity::Query,
    tables: &["Assessments"],
    fields: &["AssessmentFactors"],
    years: Years::from(2025),
};

impl Rule for Rule8945Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            if assessment
                .factors
                .iter()
                .any(|f| f.value.get() == Some(AssessmentFactor::F18A))
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
    fn legacy_18a_is_queried_and_18b_18c_pass() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    assessment(&factors(&["1A", "18A"])),
                    assessment(&factors(&["18B", "18C"])),
                    assessment(&factors(&["18a"])),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8945Q, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 3, "A".into())
            ]
        );
    }
}
