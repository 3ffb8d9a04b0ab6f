//! 8820: a child's CIN episodes overlap (DfE CIN census validation rules 2025-26). One finding
//! per episode whose referral date falls within another episode of the same child.
//!
//! An episode's referral date must not fall (a) on or after another episode's referral date and
//! before its closure date, or (b) on or after another open episode's referral date and on or
//! before the reference date, when that episode is a referral with further action (`ReferralNFA`
//! false or 0). The DfE note says one episode may end on the day the next starts, so (a) is
//! strict at the closure end. Differs from the DfE tool, which flags a referral on the other
//! episode's closure day (contradicting that note), and whose test for (b) compares
//! `ReferralNFA` with `False`/`0` so that a lower-case `false` never counts. Two episodes
//! referred the same day both fall within each other and are both flagged.

use super::util_b::{child_id, is_further_action};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{CinChild, CinDetails};

pub(crate) struct Rule8820;

static META: RuleMeta = RuleMeta {
    code: "8820",
    message: "The dates on the CIN episodes for this child overlap",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["CINreferralDate", "CINclosureDate", "ReferralNFA"],
    years: Years::from(2023),
};

/// Whether a referral on `referred` falls within `other`.
fn falls_within(data: &CinReturn, referred: NaiveDate, other: &CinDetails) -> bool {
    let Some(other_start) = other.referral_date.get() else {
        return false;
    };
    if referred < other_start {
        return false;
    }
    match other.closure_date.get() {
        Some(other_end) => referred < other_end,
        None => {
            other.closure_date.is_blank()
                && is_further_action(other)
                && referred <= data.reference_date()
        }
    }
}

impl Rule for Rule8820 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for (i, episode) in child.cin_details.iter().enumerate() {
            let Some(referred) = episode.referral_date.get() else {
                continue;
            };
            let overlaps = child
                .cin_details
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && falls_within(data, referred, other));
            if overlaps {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["CINreferralDate", "CINclosureDate"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, episode};

    fn ep(referral: &str, closure: &str, nfa: &str) -> String {
        let closure = if closure.is_empty() {
            String::new()
        } else {
            format!("<CINclosureDate>{closure}</CINclosureDate>")
        };
        episode(&format!(
            "<CINreferralDate>{referral}</CINreferralDate>{closure}<ReferralNFA>{nfa}</ReferralNFA>"
        ))
    }

    #[test]
    fn referral_inside_a_closed_episode_fails() {
        let xml = child(
            "A",
            "",
            &[
                ep("2025-05-01", "2025-07-01", "false"),
                ep("2025-06-01", "2025-06-20", "false"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8820, &xml),
            vec![("CINdetails", 2, "A".into())]
        );
    }

    #[test]
    fn referral_after_an_open_further_action_episode_fails() {
        let xml = child(
            "A",
            "",
            &[
                ep("2025-05-01", "", "false"),
                ep("2025-06-01", "2025-06-20", "true"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8820, &xml),
            vec![("CINdetails", 2, "A".into())]
        );
    }

    #[test]
    fn same_day_referrals_flag_both() {
        let xml = child(
            "A",
            "",
            &[
                ep("2025-05-01", "2025-05-10", "false"),
                ep("2025-05-01", "2025-05-20", "false"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8820, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 2, "A".into())]
        );
    }

    #[test]
    fn back_to_back_and_open_nfa_episodes_pass() {
        let xml = [
            // The next referral on the closure day is allowed.
            child(
                "B",
                "",
                &[
                    ep("2025-05-01", "2025-06-01", "false"),
                    ep("2025-06-01", "", "false"),
                ]
                .concat(),
            ),
            // An open NFA episode does not run to the reference date.
            child(
                "C",
                "",
                &[ep("2025-05-01", "", "true"), ep("2025-06-01", "", "false")].concat(),
            ),
        ]
        .concat();
        assert!(findings(&Rule8820, &xml).is_empty());
    }
}
