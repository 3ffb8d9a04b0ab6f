//! 8696: an assessment authorisation (end) date falls outside the census year (DfE CIN census
//! validation rules 2025-26). One finding per assessment; both ends of the year are inside.

use super::util_b::{child_id, in_census_year};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8696;

static META: RuleMeta = RuleMeta {
    code: "8696",
    message: "Assessment end date must fall within the census year",
    severity: Severity::Error,
    tables: &["Assessments", "Header"],
    fields: &["AssessmentAuthorisationDate", "ReferenceDate"],
    years: Years::from(2023),
};

impl Rule for Rule8696 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for assessment in child.cin_details.iter().flat_map(|e| &e.assessments) {
            if let Some(authorised) = assessment.authorisation_date.get()
                && !in_census_year(data, authorised)
            {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{assessment, child, episode};

    fn authorised(date: &str) -> String {
        assessment(&format!(
            "<AssessmentAuthorisationDate>{date}</AssessmentAuthorisationDate>"
        ))
    }

    #[test]
    fn authorisation_outside_the_year_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    authorised("2025-03-31"),
                    authorised("2025-04-01"),
                    authorised("2026-03-31"),
                    authorised("2026-04-01"),
                    assessment(""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8696, &xml),
            vec![
                ("Assessments", 1, "A".into()),
                ("Assessments", 4, "A".into())
            ]
        );
    }
}
