//! 4000: CIN plan dates are recorded on a referral marked no further action (DfE CIN census
//! validation rules 2025-26). One finding per CIN plan of such an episode.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4000;

static META: RuleMeta = RuleMeta {
    code: "4000",
    message: "CIN Plan details provided for a referral with no further action",
    severity: Severity::Error,
    tables: &["CINplanDates", "CINdetails"],
    fields: &["ReferralNFA"],
    years: Years::from(2023),
};

impl Rule for Rule4000 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in child
            .cin_details
            .iter()
            .filter(|e| e.referral_nfa.value() == Some(&true))
        {
            for plan in &episode.cin_plans {
                out.at(
                    "CINplanDates",
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
    use crate::cin::group_a::util_a::build::{child, episode};

    #[test]
    fn cin_plan_on_nfa_referral_fails() {
        let xml = child(
            "A",
            "",
            &[
                episode("<ReferralNFA>false</ReferralNFA><CINPlanDates/>"),
                episode("<ReferralNFA>1</ReferralNFA><CINPlanDates/>"),
                episode("<ReferralNFA>true</ReferralNFA>"),
                episode("<CINPlanDates/>"),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule4000, &xml),
            vec![("CINplanDates", 2, "A".into())]
        );
    }
}
