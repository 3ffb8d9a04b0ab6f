//! 4010: a CIN plan start date is missing, not a date, or after the reference date (DfE CIN
//! census validation rules 2025-26).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4010;

static META: RuleMeta = RuleMeta {
    code: "4010",
    message: "CIN Plan start date is missing or out of data collection period",
    severity: Severity::Error,
    tables: &["CINplanDates"],
    fields: &["CINPlanStartDate"],
    years: Years::from(2023),
};

impl Rule for Rule4010 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cin_plans) {
            let in_time = plan
                .start
                .value()
                .is_some_and(|start| *start <= data.reference_date());
            if !in_time {
                out.at(
                    "CINplanDates",
                    plan.position,
                    child_id(child),
                    &["CINPlanStartDate"],
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
    fn missing_invalid_or_late_start_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan("2026-03-31"),
                    plan("2026-04-01"),
                    plan(""),
                    plan("31/03/2026"),
                    plan("2019-01-01"),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule4010, &xml),
            vec![
                ("CINplanDates", 2, "A".into()),
                ("CINplanDates", 3, "A".into()),
                ("CINplanDates", 4, "A".into())
            ]
        );
    }
}
