//! 8915: a child protection plan starts after the child's date of death (DfE CIN census
//! validation rules 2025-26). One finding per plan; starting on the day of death passes.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8915;

static META: RuleMeta = RuleMeta {
    code: "8915",
    message: "Child Protection Plan shown as starting after the child’s Date of Death",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "ChildIdentifiers"],
    fields: &["CPPstartDate", "PersonDeathDate"],
    years: Years::from(2023),
};

impl Rule for Rule8915 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(died) = child.person_death_date.get() else {
            return;
        };
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            if plan.start.get().is_some_and(|s| s > died) {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
                    child_id(child),
                    &["CPPstartDate", "PersonDeathDate"],
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
    fn plan_starting_after_death_fails() {
        let died = "<PersonDeathDate>2025-06-01</PersonDeathDate>";
        let xml = [
            child(
                "A",
                died,
                &episode(&[plan("2025-06-02"), plan("2025-06-01"), plan("2025-05-01")].concat()),
            ),
            // No death date: nothing to compare.
            child("B", "", &episode(&plan("2025-06-02"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8915, &xml),
            vec![("ChildProtectionPlans", 1, "A".into())]
        );
    }
}
