//! 4017: a child protection plan starts while a CIN plan of the same child is open (DfE CIN census
//! validation rules 2025-26: the CPPstartDate cannot fall from a CINPlanStartDate to its
//! CINPlanEndDate, or to the reference date when there is no end date, unless it equals that
//! CINPlanEndDate).
//!
//! Compared across all of the child's episodes, as in the DfE text and community tool; the finding
//! is on the CP plan whose start falls inside. A CIN plan whose end is not a valid date is not
//! used.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{Cell, CinChild, CinPlanDates};

pub(crate) struct Rule4017;

static META: RuleMeta = RuleMeta {
    code: "4017",
    message: "A CIN Plan has been reported as open at the same time as a Child Protection Plan.",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "CINplanDates"],
    fields: &["CPPstartDate", "CINPlanStartDate", "CINPlanEndDate"],
    years: Years::from(2023),
};

/// Whether `day` is within the CIN plan: from its start, before its end (or up to the reference
/// date when it is open).
fn during(plan: &CinPlanDates, day: NaiveDate, reference_date: NaiveDate) -> bool {
    let Some(start) = plan.start.value() else {
        return false;
    };
    match &plan.end {
        Cell::Value(end) => *start <= day && day < *end,
        Cell::Blank => *start <= day && day <= reference_date,
        Cell::Invalid(_) => false,
    }
}

impl Rule for Rule4017 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let cin_plans: Vec<&CinPlanDates> = child
            .cin_details
            .iter()
            .flat_map(|e| &e.cin_plans)
            .collect();
        for cpp in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            let Some(start) = cpp.start.value() else {
                continue;
            };
            if cin_plans
                .iter()
                .any(|plan| during(plan, *start, data.reference_date()))
            {
                out.at(
                    "ChildProtectionPlans",
                    cpp.position,
                    child_id(child),
                    &["CPPstartDate", "CINPlanStartDate", "CINPlanEndDate"],
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

    fn cin_plan(start: &str, end: &str) -> String {
        format!(
            "<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate><CINPlanEndDate>{end}</CINPlanEndDate></CINPlanDates>"
        )
    }

    fn cpp(start: &str) -> String {
        format!("<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate></ChildProtectionPlans>")
    }

    #[test]
    fn cp_plan_starting_during_a_cin_plan_fails() {
        let xml = [
            child(
                "A",
                "",
                &[
                    episode(&cin_plan("2025-05-01", "2025-06-01")),
                    episode(
                        &[
                            cpp("2025-04-30"), // before: pass
                            cpp("2025-05-15"), // inside: fail
                            cpp("2025-06-01"), // on the CIN plan's end: pass
                        ]
                        .concat(),
                    ),
                ]
                .concat(),
            ),
            child(
                "B",
                "",
                &episode(&[cin_plan("2025-05-01", ""), cpp("2026-03-31")].concat()),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4017, &xml),
            vec![
                ("ChildProtectionPlans", 2, "A".into()),
                ("ChildProtectionPlans", 4, "B".into())
            ]
        );
    }
}
