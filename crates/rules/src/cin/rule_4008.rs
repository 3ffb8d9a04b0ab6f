//! 4008: a CIN plan starts after the child's date of death (DfE CIN census validation rules
//! 2025-26). One finding per CIN plan.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4008;

static META: RuleMeta = RuleMeta {
    code: "4008",
    message: "CIN Plan shown as starting after the child’s Date of Death.",
    severity: Severity::Error,
    tables: &["CINplanDates", "ChildIdentifiers"],
    fields: &["CINPlanStartDate", "PersonDeathDate"],
    years: Years::from(2023),
};

impl Rule for Rule4008 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(death) = child.person_death_date.value() else {
            return;
        };
        for plan in child.cin_details.iter().flat_map(|e| &e.cin_plans) {
            if plan.start.value().is_some_and(|start| start > death) {
                out.at(
                    "CINplanDates",
                    plan.position,
                    child_id(child),
                    &["CINPlanStartDate", "PersonDeathDate"],
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

    fn plan(start: &str) -> String {
        format!("<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate></CINPlanDates>")
    }

    #[test]
    fn plan_starting_after_death_fails() {
        let xml = [
            child(
                "A",
                "<PersonDeathDate>2025-06-01</PersonDeathDate>",
                &episode(&[plan("2025-06-01"), plan("2025-06-02")].concat()),
            ),
            child("B", "", &episode(&plan("2025-06-02"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4008, &xml),
            vec![("CINplanDates", 2, "A".into())]
        );
    }
}
