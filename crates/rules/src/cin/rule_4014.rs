//! 4014: a CIN plan starts within another CIN plan of the same child (DfE CIN census validation
//! rules 2025-26: the start of each group cannot fall within the start to the end, or the start to
//! the reference date when there is no end, of any other group).
//!
//! As in the DfE community tool, plans are compared across all of the child's episodes and the
//! other plan's end day counts as inside it; two plans starting the same day both fail. A plan
//! whose end is not a valid date is not used as the "other" plan.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{Cell, CinChild, CinPlanDates};

pub(crate) struct Rule4014;

static META: RuleMeta = RuleMeta {
    code: "4014",
    message: "CIN Plan data contains overlapping dates",
    severity: Severity::Error,
    tables: &["CINplanDates"],
    fields: &["CINPlanStartDate", "CINPlanEndDate"],
    years: Years::from(2023),
};

/// Whether `day` falls within `other`, from its start to its end (or the reference date).
fn within(other: &CinPlanDates, day: NaiveDate, reference_date: NaiveDate) -> bool {
    let Some(start) = other.start.value() else {
        return false;
    };
    match &other.end {
        Cell::Value(end) => *start <= day && day <= *end,
        Cell::Blank => *start <= day && day <= reference_date,
        Cell::Invalid(_) => false,
    }
}

impl Rule for Rule4014 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let plans: Vec<&CinPlanDates> = child
            .cin_details
            .iter()
            .flat_map(|e| &e.cin_plans)
            .collect();
        for plan in &plans {
            let Some(start) = plan.start.value() else {
                continue;
            };
            let overlaps = plans.iter().any(|other| {
                other.position != plan.position && within(other, *start, data.reference_date())
            });
            if overlaps {
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
    fn plan_starting_inside_another_fails() {
        let xml = [
            // Plans 1-2: the second starts inside the first.
            child(
                "A",
                "",
                &episode(
                    &[
                        plan("2025-05-01", "2025-08-01"),
                        plan("2025-07-01", "2025-09-01"),
                    ]
                    .concat(),
                ),
            ),
            // Plans 3-4: back to back, the next day: pass.
            child(
                "B",
                "",
                &episode(&[plan("2025-05-01", "2025-06-30"), plan("2025-07-01", "")].concat()),
            ),
            // Plans 5-6: inside an open plan of another episode: fails.
            child(
                "C",
                "",
                &[
                    episode(&plan("2025-05-01", "")),
                    episode(&plan("2026-03-31", "2026-03-31")),
                ]
                .concat(),
            ),
            // Plans 7-8: starting on the other's end day: fails.
            child(
                "D",
                "",
                &episode(&[plan("2025-05-01", "2025-06-30"), plan("2025-06-30", "")].concat()),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4014, &xml),
            vec![
                ("CINplanDates", 2, "A".into()),
                ("CINplanDates", 6, "C".into()),
                ("CINplanDates", 8, "D".into())
            ]
        );
    }
}
