//! 8606: a referral is dated more than 280 days (40 weeks) before the child's date of birth or
//! expected date of birth (DfE CIN census validation rules 2025-26). One finding per episode.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::{Days, NaiveDate};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8606;

static META: RuleMeta = RuleMeta {
    code: "8606",
    message: "Child referral date is more than 40 weeks before DOB or expected DOB",
    severity: Severity::Error,
    tables: &["CINdetails", "ChildIdentifiers"],
    fields: &[
        "CINreferralDate",
        "PersonBirthDate",
        "ExpectedPersonBirthDate",
    ],
    years: Years::from(2023),
};

impl Rule for Rule8606 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let earliest: Vec<NaiveDate> = [
            child.person_birth_date.value(),
            child.expected_person_birth_date.value(),
        ]
        .into_iter()
        .flatten()
        .filter_map(|birth| birth.checked_sub_days(Days::new(280)))
        .collect();
        for episode in &child.cin_details {
            let Some(referral) = episode.referral_date.value() else {
                continue;
            };
            if earliest.iter().any(|limit| referral < limit) {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &[
                        "CINreferralDate",
                        "PersonBirthDate",
                        "ExpectedPersonBirthDate",
                    ],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    fn referral(date: &str) -> String {
        episode(&format!("<CINreferralDate>{date}</CINreferralDate>"))
    }

    #[test]
    fn referral_more_than_280_days_before_birth_fails() {
        // 2026-01-01 minus 280 days is 2025-03-27.
        let xml = [
            child(
                "A",
                "<PersonBirthDate>2026-01-01</PersonBirthDate>",
                &[referral("2025-03-27"), referral("2025-03-26")].concat(),
            ),
            child(
                "B",
                "<ExpectedPersonBirthDate>2026-01-01</ExpectedPersonBirthDate>",
                &[referral("2025-03-26"), referral("2025-04-01")].concat(),
            ),
            child("C", "", &referral("2000-01-01")),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8606, &xml),
            vec![("CINdetails", 2, "A".into()), ("CINdetails", 3, "B".into())]
        );
    }
}
