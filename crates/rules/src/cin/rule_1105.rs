//! 1105: a child protection plan starts before its episode's referral date (DfE CIN census
//! validation rules 2025-26). One finding per plan; rows without both dates are skipped.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1105;

static META: RuleMeta = RuleMeta {
    code: "1105",
    message: "The child protection plan start date cannot be before the referral date",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "CINdetails"],
    fields: &["CPPstartDate", "CINreferralDate"],
    years: Years::from(2023),
};

impl Rule for Rule1105 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let Some(referral) = episode.referral_date.value() else {
                continue;
            };
            for plan in &episode.cp_plans {
                if plan.start.value().is_some_and(|start| start < referral) {
                    out.at(
                        "ChildProtectionPlans",
                        plan.position,
                        child_id(child),
                        &["CPPstartDate", "CINreferralDate"],
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    fn plan(start: &str) -> String {
        format!("<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate></ChildProtectionPlans>")
    }

    #[test]
    fn plan_before_referral_fails() {
        let xml = [
            child(
                "A",
                "",
                &episode(&format!(
                    "<CINreferralDate>2025-06-10</CINreferralDate>{}",
                    plan("2025-06-10")
                )),
            ),
            child(
                "B",
                "",
                &episode(&format!(
                    "<CINreferralDate>2025-06-10</CINreferralDate>{}",
                    plan("2025-05-01")
                )),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1105, &xml),
            vec![("ChildProtectionPlans", 2, "B".into())]
        );
    }
}
