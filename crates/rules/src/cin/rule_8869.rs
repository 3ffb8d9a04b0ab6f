//! 8869: factor code 21 ("no factors identified") is recorded with other factors on the same
//! assessment (DfE CIN census validation rules 2025-26). One finding per assessment.
//!
//! Any other factor element holding text counts, valid code or not. The DfE tool compares the
//! assessment's whole factor list with "21" and joins on the episode, so it does not check one
//! assessment's own list as the DfE text asks ("this must be the only AssessmentFactors
//! present").

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{Cell, CinChild};
use sightline_model::codes::AssessmentFactor;

pub(crate) struct Rule8869;

static META: RuleMeta = RuleMeta {
    code: "8869",
    message: "The assessment factors code “21” cannot be used in conjunction with any other assessment factors.",
    severity: Severity::Error,
    tables: &["Assessments"],
    fields: &["AssessmentFactors"],
    years: Years::from(2023),
};

impl Rule for Rule8869 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            let is_21 = |f: &Cell<AssessmentFactor>| f.get() == Some(AssessmentFactor::F21);
            let has_21 = assessment.factors.iter().any(|f| is_21(&f.value));
            let has_other = assessment
                .factors
                .iter()
                .any(|f| !f.value.is_blank() && !is_21(&f.value));
            if has_21 && has_other {
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
    fn factor_21_with_another_factor_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    assessment(&factors(&["21", "1A"])),
                    assessment(&factors(&["21"])),
                    assessment(&factors(&["21", "21"])),
                    assessment(&factors(&["2B", "21"])),
                    assessment(&factors(&["1A", "2B"])),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8869, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 4, "A".into())
            ]
        );
    }

    #[test]
    fn factor_21_alone_on_each_of_two_assessments_passes() {
        let xml = child(
            "B",
            "",
            &episode(&[assessment(&factors(&["21"])), assessment(&factors(&["3A"]))].concat()),
        );
        assert!(findings(&Rule8869, &xml).is_empty());
    }
}
