//! 4001: an episode has an open child protection plan (no `CPPendDate`) and an open CIN plan (a
//! start date and no `CINPlanEndDate`) at once (DfE CIN census validation rules 2025-26). One
//! finding per open CIN plan. An end date that is not a valid date is not treated as absent.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4001;

static META: RuleMeta = RuleMeta {
    code: "4001",
    message: "A CIN Plan cannot run concurrently with a Child Protection Plan",
    severity: Severity::Error,
    tables: &["CINplanDates", "ChildProtectionPlans"],
    fields: &["CINPlanEndDate", "CPPendDate"],
    years: Years::from(2023),
};

impl Rule for Rule4001 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            if !episode.cp_plans.iter().any(|p| p.end.is_blank()) {
                continue;
            }
            for plan in &episode.cin_plans {
                if plan.start.value().is_some() && plan.end.is_blank() {
                    out.at(
                        "CINplanDates",
                        plan.position,
                        child_id(child),
                        &["CINPlanEndDate", "CPPendDate"],
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

    const OPEN_CPP: &str =
        "<ChildProtectionPlans><CPPstartDate>2025-05-01</CPPstartDate></ChildProtectionPlans>";
    const CLOSED_CPP: &str = "<ChildProtectionPlans><CPPstartDate>2025-05-01</CPPstartDate><CPPendDate>2025-06-01</CPPendDate></ChildProtectionPlans>";
    const OPEN_CIN: &str =
        "<CINPlanDates><CINPlanStartDate>2025-07-01</CINPlanStartDate></CINPlanDates>";
    const CLOSED_CIN: &str = "<CINPlanDates><CINPlanStartDate>2025-04-01</CINPlanStartDate><CINPlanEndDate>2025-04-30</CINPlanEndDate></CINPlanDates>";

    #[test]
    fn open_cin_plan_with_open_cp_plan_fails() {
        let xml = [
            child(
                "A",
                "",
                &episode(&[OPEN_CPP, CLOSED_CIN, OPEN_CIN].concat()),
            ),
            child("B", "", &episode(&[CLOSED_CPP, OPEN_CIN].concat())),
            // The open CP plan is in another episode.
            child("C", "", &[episode(OPEN_CPP), episode(OPEN_CIN)].concat()),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4001, &xml),
            vec![("CINplanDates", 2, "A".into())]
        );
    }
}
