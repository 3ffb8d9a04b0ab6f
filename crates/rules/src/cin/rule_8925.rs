//! 8925: a child protection plan ends before it starts (DfE CIN census validation rules 2025-26).
//! One finding per plan; a same-day plan is 8840's business.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8925;

static META: RuleMeta = RuleMeta {
    code: "8925",
    message: "Child Protection Plan End Date earlier than Start Date",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans"],
    fields: &["CPPstartDate", "CPPendDate"],
    years: Years::from(2023),
};

impl Rule for Rule8925 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            if let (Some(start), Some(end)) = (plan.start.get(), plan.end.get())
                && end < start
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
    fn end_before_start_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan("2025-06-01", "2025-05-31"),
                    plan("2025-06-01", "2025-06-01"),
                    plan("2025-06-01", "2025-07-01"),
                    plan("2025-06-01", ""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8925, &xml),
            vec![("ChildProtectionPlans", 1, "A".into())]
        );
    }
}
