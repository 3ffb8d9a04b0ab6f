//! 8600: a referral date is missing, not a date, or after the reference date (DfE CIN census
//! validation rules 2025-26).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8600;

static META: RuleMeta = RuleMeta {
    code: "8600",
    message: "Child referral date missing or after data collection period",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["CINreferralDate", "ReferenceDate"],
    years: Years::from(2023),
};

impl Rule for Rule8600 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let in_time = episode
                .referral_date
                .value()
                .is_some_and(|referral| *referral <= data.reference_date());
            if !in_time {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["CINreferralDate"],
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
    fn missing_invalid_or_late_referral_fails() {
        let xml = child(
            "A",
            "",
            &[
                referral("2026-03-31"),
                referral("2026-04-01"),
                referral(""),
                referral("2026-02-30"),
                referral("2001-01-25"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8600, &xml),
            vec![
                ("CINdetails", 2, "A".into()),
                ("CINdetails", 3, "A".into()),
                ("CINdetails", 4, "A".into())
            ]
        );
    }
}
