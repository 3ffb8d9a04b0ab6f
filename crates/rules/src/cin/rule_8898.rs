//! 8898: the same parental or child factor code is recorded twice on one assessment (DfE CIN
//! census validation rules 2025-26). One finding per assessment.
//!
//! Codes compare as the reader parses them (letter case ignored: `1a` repeats `1A`); text that is
//! not a code compares trimmed and upper-cased. The DfE tool finds duplicates by child, episode,
//! start date and factor, so it also joins two assessments of an episode that start the same day.
//! The DfE tool's message starts with a space, dropped here.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{Cell, CinChild};
use std::collections::HashSet;

pub(crate) struct Rule8898;

static META: RuleMeta = RuleMeta {
    code: "8898",
    message: "The assessment has more than one parental or child factors with the same code",
    severity: Severity::Error,
    tables: &["Assessments"],
    fields: &["AssessmentFactors"],
    years: Years::from(2023),
};

impl Rule for Rule8898 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            let mut seen = HashSet::new();
            let repeated = assessment.factors.iter().any(|f| {
                let key = match &f.value {
                    Cell::Value(code) => code.code().to_owned(),
                    Cell::Invalid(text) => text.trim().to_uppercase(),
                    Cell::Blank => return false,
                };
                !seen.insert(key)
            });
            if repeated {
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
    fn repeated_factor_on_one_assessment_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    assessment(&factors(&["1A", "2B", "1a"])),
                    assessment(&factors(&["1A", "2B"])),
                    assessment(&factors(&["ZZ", "zz"])),
                    assessment(&factors(&["", ""])),
                    // The same code on another assessment is not a repeat.
                    assessment(&factors(&["2B"])),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8898, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 3, "A".into())
            ]
        );
    }
}
