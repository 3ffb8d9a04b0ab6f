//! 8832: a child protection plan is recorded on a referral with no further action
//! (`ReferralNFA` true or 1) (DfE CIN census validation rules 2025-26). One finding per plan.

use super::util_b::{child_id, is_nfa};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8832;

static META: RuleMeta = RuleMeta {
    code: "8832",
    message: "Child Protection details provided for a referral with no further action.",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "CINdetails"],
    fields: &["ReferralNFA"],
    years: Years::from(2023),
};

impl Rule for Rule8832 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in child.cin_details.iter().filter(|e| is_nfa(e)) {
            for plan in &episode.cp_plans {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
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
    use crate::cin::group_b::util_b::build::{child, cp_plan, episode};

    #[test]
    fn plan_on_nfa_referral_fails_and_on_further_action_passes() {
        let plan = cp_plan("<CPPstartDate>2025-05-01</CPPstartDate>");
        let xml = [
            child(
                "A",
                "",
                &episode(&format!("<ReferralNFA>false</ReferralNFA>{plan}")),
            ),
            child(
                "B",
                "",
                &[
                    episode("<ReferralNFA>1</ReferralNFA>"),
                    episode(&format!("<ReferralNFA>1</ReferralNFA>{plan}")),
                ]
                .concat(),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8832, &xml),
            vec![("ChildProtectionPlans", 2, "B".into())]
        );
    }
}
