//! 8816: an open episode that is not a referral with no further action is not the child's latest
//! referral (DfE CIN census validation rules 2025-26). One finding per such episode.
//!
//! An episode ties with the latest when another has the same referral date; that passes (the
//! DfE tool compares with the maximum too). Episodes without a valid referral date are not
//! compared. The DfE tool also flags the latest episode as the "cause"; here the finding is on
//! the open episode only, the one at fault.

use super::util_b::{child_id, is_further_action};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8816;

static META: RuleMeta = RuleMeta {
    code: "8816",
    message: "An open CIN episode is shown and case is not a referral with no further action, but it is not the latest episode.",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["CINreferralDate", "CINclosureDate", "ReferralNFA"],
    years: Years::from(2023),
};

impl Rule for Rule8816 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(latest) = child
            .cin_details
            .iter()
            .filter_map(|e| e.referral_date.get())
            .max()
        else {
            return;
        };
        for episode in &child.cin_details {
            if episode.closure_date.is_blank()
                && is_further_action(episode)
                && episode.referral_date.get().is_some_and(|r| r < latest)
            {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["CINreferralDate", "ReferralNFA"],
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

    fn ep(referral: &str, extra: &str) -> String {
        episode(&format!(
            "<CINreferralDate>{referral}</CINreferralDate><ReferralNFA>0</ReferralNFA>{extra}"
        ))
    }

    #[test]
    fn open_episode_before_a_later_referral_fails() {
        let xml = child(
            "A",
            "",
            &[
                ep("2025-05-01", ""),
                ep("2025-04-01", "<CINclosureDate>2025-04-20</CINclosureDate>"),
                ep("2025-09-01", "<CINclosureDate>2025-10-01</CINclosureDate>"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8816, &xml),
            vec![("CINdetails", 1, "A".into())]
        );
    }

    #[test]
    fn open_latest_or_nfa_episode_passes() {
        let xml = [
            child(
                "B",
                "",
                &[
                    ep("2025-04-01", "<CINclosureDate>2025-04-20</CINclosureDate>"),
                    ep("2025-05-01", ""),
                ]
                .concat(),
            ),
            child(
                "C",
                "",
                &[
                    episode(
                        "<CINreferralDate>2025-05-01</CINreferralDate><ReferralNFA>1</ReferralNFA>",
                    ),
                    ep("2025-09-01", "<CINclosureDate>2025-10-01</CINclosureDate>"),
                ]
                .concat(),
            ),
        ]
        .concat();
        assert!(findings(&Rule8816, &xml).is_empty());
    }
}
