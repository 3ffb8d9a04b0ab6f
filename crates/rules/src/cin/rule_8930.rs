//! 8930: a child protection plan end date falls outside the census year (DfE CIN census
//! validation rules 2025-26). One finding per plan; both ends of the year are inside.

use super::util_b::{child_id, in_census_year};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8930;

static META: RuleMeta = RuleMeta {
    code: "8930",
    message: "Child Protection Plan End Date must fall within the census year",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "Header"],
    fields: &["CPPendDate", "ReferenceDate"],
    years: Years::from(2023),
};

impl Rule for Rule8930 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            if plan.end.get().is_some_and(|e| !in_census_year(data, e)) {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
                    child_id(child),
                    &["CPPendDate"],
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

    fn plan(end: &str) -> String {
        cp_plan(&format!("<CPPendDate>{end}</CPPendDate>"))
    }

    #[test]
    fn end_outside_the_year_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan("2025-03-31"),
                    plan("2025-04-01"),
                    plan("2026-03-31"),
                    plan("2026-04-01"),
                    plan(""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8930, &xml),
            vec![
                ("ChildProtectionPlans", 1, "A".into()),
                ("ChildProtectionPlans", 4, "A".into())
            ]
        );
    }
}
