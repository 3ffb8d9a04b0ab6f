//! 8610: a referral that led to further action (`ReferralNFA` false or 0) has no primary need
//! code (DfE CIN census validation rules 2025-26). One finding per episode.
//!
//! A blank `ReferralNFA` is neither true nor false, so such an episode is not checked (as in the
//! DfE tool); 8568 reports the flag itself. An invalid need code is present: 8650 reports it.

use super::util_b::{child_id, is_further_action};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8610;

static META: RuleMeta = RuleMeta {
    code: "8610",
    message: "Primary Need code is missing for a referral which led to further action.",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["ReferralNFA", "PrimaryNeedCode"],
    years: Years::from(2023),
};

impl Rule for Rule8610 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if is_further_action(episode) && episode.primary_need.is_blank() {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReferralNFA", "PrimaryNeedCode"],
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

    #[test]
    fn further_action_without_primary_need_fails() {
        let xml = child(
            "A",
            "",
            &[
                episode("<ReferralNFA>false</ReferralNFA>"),
                episode("<ReferralNFA>0</ReferralNFA><PrimaryNeedCode>N1</PrimaryNeedCode>"),
                episode("<ReferralNFA>0</ReferralNFA>"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8610, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 3, "A".into())]
        );
    }

    #[test]
    fn nfa_or_blank_flag_without_need_passes() {
        let xml = child(
            "B",
            "",
            &[
                episode("<ReferralNFA>true</ReferralNFA>"),
                episode("<ReferralNFA>1</ReferralNFA>"),
                episode(""),
            ]
            .concat(),
        );
        assert!(findings(&Rule8610, &xml).is_empty());
    }
}
