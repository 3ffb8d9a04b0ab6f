//! 8736: an assessment that has not been completed (no authorisation date) started outside the
//! census year (DfE CIN census validation rules 2025-26). One finding per assessment.
//!
//! An authorisation date written but invalid still marks the assessment completed here (the DfE
//! tool would read it as missing). The DfE tool's version read for this work flags starts
//! *inside* the year and never applies its missing-authorisation test (it uses the method
//! `isna` without calling it); this follows the DfE text instead.

use super::util_b::{child_id, in_census_year};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8736;

static META: RuleMeta = RuleMeta {
    code: "8736",
    message: "For an Assessment that has not been completed, the start date must fall within the census year",
    severity: Severity::Error,
    tables: &["Assessments", "Header"],
    fields: &[
        "AssessmentAuthorisationDate",
        "AssessmentActualStartDate",
        "ReferenceDate",
    ],
    years: Years::from(2023),
};

impl Rule for Rule8736 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            if let Some(start) = assessment.start.get()
                && assessment.authorisation_date.is_blank()
                && !in_census_year(data, start)
            {
                out.at(
                    "Assessments",
                    assessment.position,
                    child_id(child),
                    &["AssessmentAuthorisationDate", "AssessmentActualStartDate"],
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
    fn open_assessment_started_outside_the_year_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    started("2025-03-31", ""),
                    started("2025-04-01", ""),
                    started("2026-03-31", ""),
                    started("2026-04-01", ""),
                    started("2025-03-01", "2025-04-10"),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8736, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 4, "A".into())
            ]
        );
    }
}
