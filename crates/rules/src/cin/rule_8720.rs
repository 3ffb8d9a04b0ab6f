//! 8720: a child protection plan has no start date, or starts after the reference date (DfE CIN
//! census validation rules 2025-26). One finding per plan.
//!
//! The start must be present: a start written but invalid fails too (the DfE tool reads it as
//! missing and also fails it).

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8720;

static META: RuleMeta = RuleMeta {
    code: "8720",
    message: "Child Protection Plan Start Date missing or out of data collection period",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "Header"],
    fields: &["CPPstartDate", "ReferenceDate"],
    years: Years::from(2023),
};

impl Rule for Rule8720 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            if plan.start.get().is_none_or(|s| s > data.reference_date()) {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
                    child_id(child),
                    &["CPPstartDate"],
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

    fn plan(start: &str) -> String {
        cp_plan(&format!("<CPPstartDate>{start}</CPPstartDate>"))
    }

    #[test]
    fn missing_or_future_start_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan("2026-04-01"),
                    plan("2026-03-31"),
                    plan(""),
                    // Plans starting in earlier years are still open this year.
                    plan("2019-06-01"),
                    plan("31/03/2026"),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8720, &xml),
            vec![
                ("ChildProtectionPlans", 1, "A".into()),
                ("ChildProtectionPlans", 3, "A".into()),
                ("ChildProtectionPlans", 5, "A".into())
            ]
        );
    }
}
