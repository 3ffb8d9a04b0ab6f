//! 4016: a CIN plan starts while a child protection plan of the same child is open (DfE CIN census
//! validation rules 2025-26: the CIN plan start cannot fall from a CPPstartDate to its CPPendDate,
//! or to the reference date when there is no end date, unless it equals that CPPendDate).
//!
//! Compared across all of the child's episodes, as in the DfE text and community tool. A CP plan
//! whose end is not a valid date is not used.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{Cell, CinChild, CinCpPlan};

pub(crate) struct Rule4016;

static META: RuleMeta = RuleMeta {
    code: "4016",
    message: "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    severity: Severity::Error,
    tables: &["CINplanDates", "ChildProtectionPlans"],
    fields: &["CINPlanStartDate", "CPPstartDate", "CPPendDate"],
    years: Years::from(2023),
};

/// Whether `day` is within the CP plan: from its start, before its end (or up to the reference
/// date when it is open).
fn during(plan: &CinCpPlan, day: NaiveDate, reference_date: NaiveDate) -> bool {
    let Some(start) = plan.start.value() else {
        return false;
    };
    match &plan.end {
        Cell::Value(end) => *start <= day && day < *end,
        Cell::Blank => *start <= day && day <= reference_date,
        Cell::Invalid(_) => false,
    }
}

impl Rule for Rule4016 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let cp_plans: Vec<&CinCpPlan> =
            child.cin_details.iter().flat_map(|e| &e.cp_plans).collect();
        for plan in child.cin_details.iter().flat_map(|e| &e.cin_plans) {
            let Some(start) = plan.start.value() else {
                continue;
            };
            if cp_plans
                .iter()
                .any(|cpp| during(cpp, *start, data.reference_date()))
            {
                out.at(
                    "CINplanDates",
                    plan.position,
                    child_id(child),
                    &["CINPlanStartDate", "CPPstartDate", "CPPendDate"],
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

    fn cin_plan(start: &str) -> String {
        format!("<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate></CINPlanDates>")
    }

    fn cpp(start: &str, end: &str) -> String {
        format!(
            "<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate><CPPendDate>{end}</CPPendDate></ChildProtectionPlans>"
        )
    }

    #[test]
    fn cin_plan_starting_during_a_cp_plan_fails() {
        let xml = [
            child(
                "A",
                "",
                &[
                    episode(&cpp("2025-05-01", "2025-06-01")),
                    episode(
                        &[
                            cin_plan("2025-04-30"), // before: pass
                            cin_plan("2025-05-01"), // on the CP start: fail
                            cin_plan("2025-06-01"), // on the CP end: pass
                        ]
                        .concat(),
                    ),
                ]
                .concat(),
            ),
            // Open CP plan: open to the reference date.
            child(
                "B",
                "",
                &episode(&[cpp("2025-05-01", ""), cin_plan("2026-03-31")].concat()),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4016, &xml),
            vec![
                ("CINplanDates", 2, "A".into()),
                ("CINplanDates", 4, "B".into())
            ]
        );
    }
}
