//! 8772: the reason the UPN is unknown is UN7 (referral with no further action) but at least one
//! of the child's episodes is not marked `ReferralNFA` true or 1 (DfE CIN census validation
//! rules 2025-26). One finding per child, on `ChildIdentifiers`.
//!
//! An episode with a blank or invalid `ReferralNFA` is not marked NFA and fails, as in the DfE
//! tool.

use super::util_b::{child_id, is_nfa};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;
use sightline_model::codes::UpnUnknown;

pub(crate) struct Rule8772;

static META: RuleMeta = RuleMeta {
    code: "8772",
    message: "UPN unknown reason is UN7 (Referral with no further action) but at least one CIN details is a referral going on to further action",
    severity: Severity::Error,
    tables: &["ChildIdentifiers", "CINdetails"],
    fields: &["UPNunknown", "ReferralNFA"],
    years: Years::from(2023),
};

impl Rule for Rule8772 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child.upn_unknown.get() == Some(UpnUnknown::UN7)
            && child.cin_details.iter().any(|e| !is_nfa(e))
        {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["UPNunknown", "ReferralNFA"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, episode};

    const UN7: &str = "<UPNunknown>UN7</UPNunknown>";

    fn nfa(flag: &str) -> String {
        episode(&format!("<ReferralNFA>{flag}</ReferralNFA>"))
    }

    #[test]
    fn un7_with_a_further_action_episode_fails() {
        let xml = [
            child("A", UN7, &[nfa("true"), nfa("false")].concat()),
            child("B", UN7, &[nfa("1"), nfa("true")].concat()),
            child("C", UN7, &nfa("")),
            child("D", "<UPNunknown>UN4</UPNunknown>", &nfa("false")),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8772, &xml),
            vec![
                ("ChildIdentifiers", 1, "A".into()),
                ("ChildIdentifiers", 3, "C".into())
            ]
        );
    }
}
