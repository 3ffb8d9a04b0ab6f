//! 4013: a CIN plan end date is outside the census year (1 April to the reference date, both
//! included) (DfE CIN census validation rules 2025-26).

use super::util_a::{child_id, in_census_year};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4013;

static META: RuleMeta = RuleMeta {
    code: "4013",
    message: "CIN Plan end date must fall within the census year",
    severity: Severity::Error,
    tables: &["CINplanDates"],
    fields: &["CINPlanEndDate", "ReferenceDate"],
    years: Years::from(2023),
};

impl Rule for Rule4013 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cin_plans) {
            if plan
                .end
                .value()
                .is_some_and(|end| !in_census_year(data, *end))
            {
                out.at(
                    "CINplanDates",
                    plan.position,
                    child_id(child),
                    &["CINPlanEndDate"],
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
            "<CINPlanDates><CINPlanStartDate>2024-05-01</CINPlanStartDate><CINPlanEndDate>{end}</CINPlanEndDate></CINPlanDates>"
        )
    }

    #[test]
    fn end_outside_the_census_year_fails() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan("2025-03-31"),
                    plan("2025-04-01"),
                    plan("2026-03-31"),
                    plan("2026-04-01"),
                    plan(""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule4013, &xml),
            vec![
                ("CINplanDates", 1, "A".into()),
                ("CINplanDates", 4, "A".into())
            ]
        );
    }
}
