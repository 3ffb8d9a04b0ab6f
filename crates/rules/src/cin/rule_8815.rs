//! 8815: a child has more than one open episode (no closure date) that is not a referral with
//! no further action (DfE CIN census validation rules 2025-26). One finding per such episode.
//!
//! Open NFA episodes may be many and are not counted or flagged. Differs from the DfE tool,
//! which once a child fails flags every open episode of that child, NFA ones included. An
//! episode whose closure date is written but invalid is not open (it says it was closed).

use super::util_b::{child_id, is_further_action};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{CinChild, CinDetails};

pub(crate) struct Rule8815;

static META: RuleMeta = RuleMeta {
    code: "8815",
    message: "More than one open CIN Details episode (a module with no CIN Closure Date) has been provided for this child and case is not a referral with no further action.",
    severity: Severity::Error,
    tables: &["CINdetails"],
    fields: &["ReferralNFA", "CINclosureDate"],
    years: Years::from(2023),
};

impl Rule for Rule8815 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let open: Vec<&CinDetails> = child
            .cin_details
            .iter()
            .filter(|e| e.closure_date.is_blank() && is_further_action(e))
            .collect();
        if open.len() > 1 {
            for episode in open {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReferralNFA", "CINclosureDate"],
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

    const OPEN: &str = "<ReferralNFA>false</ReferralNFA>";
    const OPEN_NFA: &str = "<ReferralNFA>true</ReferralNFA>";
    const CLOSED: &str = "<ReferralNFA>0</ReferralNFA><CINclosureDate>2025-05-01</CINclosureDate>";

    #[test]
    fn two_open_further_action_episodes_fail() {
        let xml = child(
            "A",
            "",
            &[
                episode(OPEN),
                episode(OPEN_NFA),
                episode(OPEN),
                episode(CLOSED),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8815, &xml),
            vec![("CINdetails", 1, "A".into()), ("CINdetails", 3, "A".into())]
        );
    }

    #[test]
    fn one_open_episode_beside_nfa_and_closed_ones_passes() {
        let xml = [
            child(
                "B",
                "",
                &[
                    episode(OPEN),
                    episode(OPEN_NFA),
                    episode(OPEN_NFA),
                    episode(CLOSED),
                ]
                .concat(),
            ),
            // One open episode each: the count is per child.
            child("C", "", &episode(OPEN)),
        ]
        .concat();
        assert!(findings(&Rule8815, &xml).is_empty());
    }
}
