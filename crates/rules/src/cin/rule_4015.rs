//! 4015: a CIN plan starts before its episode's referral date (DfE CIN census validation rules
//! 2025-26). One finding per CIN plan; rows without both dates are skipped.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4015;

static META: RuleMeta = RuleMeta {
    code: "4015",
    message: "The CIN Plan start date cannot be before the referral date",
    severity: Severity::Error,
    tables: &["CINplanDates", "CINdetails"],
    fields: &["CINPlanStartDate", "CINreferralDate"],
    years: Years::from(2023),
};

impl Rule for Rule4015 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let Some(referral) = episode.referral_date.value() else {
                continue;
            };
            for plan in &episode.cin_plans {
                if plan.start.value().is_some_and(|start| start < referral) {
                    out.at(
                        "CINplanDates",
                        plan.position,
                        child_id(child),
                        &["CINPlanStartDate", "CINreferralDate"],
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
        format!("<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate></CINPlanDates>")
    }

    #[test]
    fn plan_before_referral_fails() {
        let xml = [
            child(
                "A",
                "",
                &episode(&format!(
                    "<CINreferralDate>2025-06-10</CINreferralDate>{}{}",
                    plan("2025-06-09"),
                    plan("2025-06-10")
                )),
            ),
            child("B", "", &episode(&plan("2020-01-01"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4015, &xml),
            vec![("CINplanDates", 1, "A".into())]
        );
    }
}
