//! 4012Q: a CIN plan starts and ends on the same day (DfE CIN census validation rules 2025-26).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4012Q;

static META: RuleMeta = RuleMeta {
    code: "4012Q",
    message: "Please check and either amend or provide a reason: CIN Plan shown as starting and ending on the same day",
    severity: Severity::Query,
    tables: &["CINplanDates"],
    fields: &["CINPlanStartDate", "CINPlanEndDate"],
    years: Years::from(2023),
};

impl Rule for Rule4012Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cin_plans) {
            if plan.start.value().is_some() && plan.start.value() == plan.end.value() {
                out.at(
                    "CINplanDates",
                    plan.position,
                    child_id(child),
                    &["CINPlanStartDate", "CINPlanEndDate"],
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
    fn same_day_plan_is_queried() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan("2025-05-01", "2025-05-02"),
                    plan("2025-05-01", "2025-05-01"),
                    plan("", ""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule4012Q, &xml),
            vec![("CINplanDates", 2, "A".into())]
        );
    }
}
