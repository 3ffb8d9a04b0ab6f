//! 8730: a child protection plan has no valid number of previous plans (a whole number, zero or
//! more) (DfE CIN census validation rules 2025-26). One finding per plan.
//!
//! A value that is not a whole number of at least zero (`-1`, `two`) fails like a missing one:
//! the DfE text asks for a number "greater than or equal to zero" and no other rule checks it.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8730;

static META: RuleMeta = RuleMeta {
    code: "8730",
    message: "Total Number of previous Child Protection Plans missing",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans"],
    fields: &["NumberOfPreviousCPP"],
    years: Years::from(2023),
};

impl Rule for Rule8730 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            if plan.previous_plans.value().is_none() {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
                    child_id(child),
                    &["NumberOfPreviousCPP"],
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

    fn plan(previous: &str) -> String {
        cp_plan(&format!(
            "<NumberOfPreviousCPP>{previous}</NumberOfPreviousCPP>"
        ))
    }

    #[test]
    fn missing_or_negative_count_fails_and_zero_passes() {
        let xml = child(
            "A",
            "",
            &episode(&[plan(""), plan("0"), plan("-1"), plan("3"), cp_plan("")].concat()),
        );
        assert_eq!(
            findings(&Rule8730, &xml),
            vec![
                ("ChildProtectionPlans", 1, "A".into()),
                ("ChildProtectionPlans", 3, "A".into()),
                ("ChildProtectionPlans", 5, "A".into())
            ]
        );
    }
}
