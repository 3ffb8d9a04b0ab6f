//! 8670Q: an assessment with no authorisation (end) date started more than 45 working days before
//! the reference date (DfE CIN census validation rules 2025-26). One finding per assessment.
//!
//! "More than 45 working days before" is counted as in the calendar crate: the working days `w`
//! with `start < w <= reference date` number more than 45 (see
//! `util_b::working_days_before_reference`). For 2025-26 the last start date that passes is
//! Tuesday 27 January 2026 (exactly 45); Monday 26 January is queried. Differs from the DfE tool,
//! which subtracts 44 business days from the reference date and so also queries 27 January. An
//! authorisation date written but invalid still marks the assessment as ended (the tool would
//! read it as missing).

use super::util_b::{child_id, working_days_before_reference};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8670Q;

// The DfE tool's message ends with a space, dropped here.
static META: RuleMeta = RuleMeta {
    code: "8670Q",
    message: "Please check: Assessment started more than 45 working days before the end of the census year. However, there is no Assessment end date.",
    severity: Severity::Query,
    tables: &["Assessments", "Header"],
    fields: &[
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "ReferenceDate",
    ],
    years: Years::from(2023),
};

/// The working-day allowance for an assessment.
const ALLOWANCE: i64 = 45;

impl Rule for Rule8670Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            let Some(start) = assessment.start.get() else {
                continue;
            };
            if assessment.authorisation_date.is_blank()
                && working_days_before_reference(data, start) > ALLOWANCE
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
    use crate::cin::group_b::util_b::build::{assessment, child, episode};

    fn started(date: &str, authorised: &str) -> String {
        assessment(&format!(
            "<AssessmentActualStartDate>{date}</AssessmentActualStartDate><AssessmentAuthorisationDate>{authorised}</AssessmentAuthorisationDate>"
        ))
    }

    #[test]
    fn open_assessment_started_46_working_days_before_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    // Monday 26 January 2026: 46 working days before 31 March.
                    started("2026-01-26", ""),
                    // Tuesday 27 January: exactly 45, passes (the DfE tool queries it).
                    started("2026-01-27", ""),
                    // Saturday 24 January counts like Friday 23: 47.
                    started("2026-01-24", ""),
                    // Authorised: not open.
                    started("2025-06-01", "2025-07-01"),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8670Q, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 3, "A".into())
            ]
        );
    }

    #[test]
    fn recent_open_assessment_passes() {
        let xml = child("B", "", &episode(&started("2026-03-02", "")));
        assert!(findings(&Rule8670Q, &xml).is_empty());
    }
}
