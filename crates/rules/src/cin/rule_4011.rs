//! 4011: a CIN plan ends before it starts (DfE CIN census validation rules 2025-26).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4011;

static META: RuleMeta = RuleMeta {
    code: "4011",
    message: "CIN Plan End Date earlier than Start Date",
    severity: Severity::Error,
    tables: &["CINplanDates"],
    fields: &["CINPlanEndDate", "CINPlanStartDate"],
    years: Years::from(2023),
};

impl Rule for Rule4011 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cin_plans) {
            if let (Some(start), Some(end)) = (plan.start.value(), plan.end.value())
                && end < start
            {
                out.at(
                    "CINplanDates",
                    plan.position,
                    child_id(child),
                    &["CINPlanEndDate", "CINPlanStartDate"],
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

    fn plan(start: &str, end: &str) -> String {
        format!(
            "<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate><CINPlanEndDate>{end}</CINPlanEndDate></CINPlanDates>"
        )
    }

    #[test]
    fn end_before_start_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan("2025-05-01", "2025-05-01"),
                    plan("2025-05-01", "2025-04-30"),
                    plan("", "2025-04-30"),
                    plan("2025-05-01", ""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule4011, &xml),
            vec![("CINplanDates", 2, "A".into())]
        );
    }
}
