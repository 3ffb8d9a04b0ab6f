//! 8920: a child protection plan ends after the child's date of death (DfE CIN census validation
//! rules 2025-26). One finding per plan; ending on the day of death passes.
//!
//! The DfE tool joins plans to children on the episode id as well, a column the child
//! identifiers do not have; here the plan is compared with its own child's death date.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8920;

static META: RuleMeta = RuleMeta {
    code: "8920",
    message: "Child Protection Plan cannot end after the child’s Date of Death",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "ChildIdentifiers"],
    fields: &["CPPendDate", "PersonDeathDate"],
    years: Years::from(2023),
};

impl Rule for Rule8920 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(died) = child.person_death_date.get() else {
            return;
        };
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            if plan.end.get().is_some_and(|e| e > died) {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
                    child_id(child),
                    &["CPPendDate", "PersonDeathDate"],
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
    fn plan_ending_after_death_fails() {
        let died = "<PersonDeathDate>2025-06-01</PersonDeathDate>";
        let xml = [
            child(
                "A",
                died,
                &episode(&[plan("2025-06-02"), plan("2025-06-01"), plan("")].concat()),
            ),
            child("B", "", &episode(&plan("2025-06-02"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8920, &xml),
            vec![("ChildProtectionPlans", 1, "A".into())]
        );
    }
}
