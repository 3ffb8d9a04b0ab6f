//! 4009Q: a CIN plan ends after the child's date of death (DfE CIN census validation rules
//! 2025-26). One finding per CIN plan.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4009Q;

static META: RuleMeta = RuleMeta {
    code: "4009Q",
    message: "CIN Plan cannot end after the child’s Date of Death",
    severity: Severity::Query,
    tables: &["CINplanDates", "ChildIdentifiers"],
    fields: &["CINPlanEndDate", "PersonDeathDate"],
    years: Years::from(2023),
};

impl Rule for Rule4009Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(death) = child.person_death_date.value() else {
            return;
        };
        for plan in child.cin_details.iter().flat_map(|e| &e.cin_plans) {
            if plan.end.value().is_some_and(|end| end > death) {
                out.at(
                    "CINplanDates",
                    plan.position,
                    child_id(child),
                    &["CINPlanEndDate", "PersonDeathDate"],
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

    fn plan(end: &str) -> String {
        format!(
            "<CINPlanDates><CINPlanStartDate>2025-05-01</CINPlanStartDate><CINPlanEndDate>{end}</CINPlanEndDate></CINPlanDates>"
        )
    }

    #[test]
    fn plan_ending_after_death_is_queried() {
        let xml = [
            child(
                "A",
                "<PersonDeathDate>2025-06-01</PersonDeathDate>",
                &episode(&[plan("2025-06-01"), plan("2025-06-02"), plan("")].concat()),
            ),
            child("B", "", &episode(&plan("2025-06-02"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4009Q, &xml),
            vec![("CINplanDates", 2, "A".into())]
        );
    }
}
