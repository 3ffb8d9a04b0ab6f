//! 1103: an assessment starts before its episode's referral date (DfE CIN census validation rules
//! 2025-26). One finding per assessment; rows without both dates are skipped.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1103;

static META: RuleMeta = RuleMeta {
    code: "1103",
    message: "The assessment start date cannot be before the referral date",
    severity: Severity::Error,
    tables: &["Assessments", "CINdetails"],
    fields: &["AssessmentActualStartDate", "CINreferralDate"],
    years: Years::from(2023),
};

impl Rule for Rule1103 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let Some(referral) = episode.referral_date.value() else {
                continue;
            };
            for assessment in &episode.assessments {
                if assessment
                    .start
                    .value()
                    .is_some_and(|start| start < referral)
                {
                    out.at(
                        "Assessments",
                        assessment.position,
                        child_id(child),
                        &["AssessmentActualStartDate", "CINreferralDate"],
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
    use crate::cin::group_a::util_a::build::{child, episode};

    fn assessment(start: &str) -> String {
        format!(
            "<Assessments><AssessmentActualStartDate>{start}</AssessmentActualStartDate></Assessments>"
        )
    }

    #[test]
    fn assessment_before_referral_fails() {
        let xml = [
            child(
                "A",
                "",
                &episode(&format!(
                    "<CINreferralDate>2025-06-10</CINreferralDate>{}{}",
                    assessment("2025-06-10"),
                    assessment("2025-06-09")
                )),
            ),
            // No referral date: cannot check.
            child("B", "", &episode(&assessment("2020-01-01"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1103, &xml),
            vec![("Assessments", 2, "A".into())]
        );
    }
}
