//! 8840: a child protection plan starts and ends on the same day (DfE CIN census validation
//! rules 2025-26). One finding per plan.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8840;

static META: RuleMeta = RuleMeta {
    code: "8840",
    message: "Child Protection Plan cannot start and end on the same day",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans"],
    fields: &["CPPstartDate", "CPPendDate"],
    years: Years::from(2023),
};

impl Rule for Rule8840 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            if let (Some(start), Some(end)) = (plan.start.get(), plan.end.get())
                && start == end
            {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
                    child_id(child),
                    &["CPPstartDate", "CPPendDate"],
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

    fn plan(start: &str, end: &str) -> String {
        cp_plan(&format!(
            "<CPPstartDate>{start}</CPPstartDate><CPPendDate>{end}</CPPendDate>"
        ))
    }

    #[test]
    fn same_day_plan_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan("2025-06-01", "2025-06-01"),
                    plan("2025-06-01", "2025-06-02"),
                    plan("2025-06-01", ""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8840, &xml),
            vec![("ChildProtectionPlans", 1, "A".into())]
        );
    }
}
