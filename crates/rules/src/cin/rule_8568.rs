//! 8568: the ReferralNFA flag is missing or not true/false/1/0 (DfE CIN census validation rules
//! 2025-26). Letter case is not significant (the schema also allows TRUE/FALSE).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8568;

static META: RuleMeta = RuleMeta {
    code: "8568",
    message: "RNFA flag is missing or invalid",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["ReferralNFA"],
    years: Years::from(2023),
};

impl Rule for Rule8568 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if episode.referral_nfa.value().is_none() {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReferralNFA"],
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

    #[test]
    fn missing_or_invalid_flag_fails() {
        let xml = child(
            "A",
            "",
            &[
                episode("<ReferralNFA>true</ReferralNFA>"),
                episode("<ReferralNFA>0</ReferralNFA>"),
                episode("<ReferralNFA>2</ReferralNFA>"),
                episode(""),
                episode("<ReferralNFA>FALSE</ReferralNFA>"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8568, &xml),
            vec![("CINdetails", 3, "A".into()), ("CINdetails", 4, "A".into())]
        );
    }
}
