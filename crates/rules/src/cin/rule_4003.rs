//! 4003: a child protection review is dated while a CIN plan of the same episode is open (DfE CIN
//! census validation rules 2025-26: "Within a CINDetails module, no CPPReviewDate can fall between
//! any CINPlanStartDate and CINPlanEndDate unless CPPReviewDate is equal to CPPendDate").
//!
//! A review falls in a CIN plan when it is on or after the plan's start and before its end; a
//! plan without an end date is open to the reference date. Differences from the DfE community
//! tool, which compares across all the child's episodes, only with CIN plans that have an end date
//! and only for CP plans that have one: here the comparison stays within the episode, as the DfE
//! text says, and open plans count (an open CIN plan is the plainest case of "an open CIN Plan").
//! Every review date is read (the tool keeps only the first of each `Reviews` element). Findings
//! sit on `Reviews` with the position of the date's `Reviews` element among all `Reviews`
//! elements of the file, one per review date.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{Cell, CinChild, CinPlanDates};

pub(crate) struct Rule4003;

static META: RuleMeta = RuleMeta {
    code: "4003",
    message: "A CPP review date is shown as being held at the same time as an open CIN Plan.",
    severity: Severity::Error,
    tables: &["Reviews", "CINplanDates", "ChildProtectionPlans"],
    fields: &["CPPreviewDate", "CINPlanStartDate", "CINPlanEndDate"],
    years: Years::from(2023),
};

/// Whether `day` is within the CIN plan: from its start, before its end (or up to `open_until`).
fn during(plan: &CinPlanDates, day: NaiveDate, open_until: NaiveDate) -> bool {
    let Some(start) = plan.start.value() else {
        return false;
    };
    match &plan.end {
        Cell::Value(end) => *start <= day && day < *end,
        Cell::Blank => *start <= day && day <= open_until,
        Cell::Invalid(_) => false,
    }
}

impl Rule for Rule4003 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            for cpp in &episode.cp_plans {
                let end = cpp.end.value();
                for (position, review) in cpp
                    .reviews
                    .iter()
                    .filter_map(|r| r.value.value().map(|v| (r.position, v)))
                {
                    if end == Some(review) {
                        continue;
                    }
                    if episode
                        .cin_plans
                        .iter()
                        .any(|p| during(p, *review, data.reference_date()))
                    {
                        out.at(
                            "Reviews",
                            position,
                            child_id(child),
                            &["CPPreviewDate", "CINPlanStartDate", "CINPlanEndDate"],
                        );
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    fn cpp(end: &str, reviews: &[&str]) -> String {
        let reviews: String = reviews
            .iter()
            .map(|r| format!("<CPPreviewDate>{r}</CPPreviewDate>"))
            .collect();
        format!(
            "<ChildProtectionPlans><CPPstartDate>2025-04-01</CPPstartDate><CPPendDate>{end}</CPPendDate><Reviews>{reviews}</Reviews></ChildProtectionPlans>"
        )
    }

    fn cin_plan(start: &str, end: &str) -> String {
        format!(
            "<CINPlanDates><CINPlanStartDate>{start}</CINPlanStartDate><CINPlanEndDate>{end}</CINPlanEndDate></CINPlanDates>"
        )
    }

    #[test]
    fn review_during_a_cin_plan_fails() {
        let xml = [
            // Plan 1: review on the CIN plan's start fails; review on its end day passes.
            child(
                "A",
                "",
                &episode(
                    &[
                        cin_plan("2025-06-01", "2025-07-01"),
                        cpp("", &["2025-06-01", "2025-07-01"]),
                    ]
                    .concat(),
                ),
            ),
            // Plan 2: review equal to the CP plan's end passes even inside the CIN plan.
            child(
                "B",
                "",
                &episode(
                    &[
                        cin_plan("2025-06-01", ""),
                        cpp("2025-08-01", &["2025-08-01"]),
                    ]
                    .concat(),
                ),
            ),
            // Plan 3: open CIN plan, review after its start fails.
            child(
                "C",
                "",
                &episode(&[cin_plan("2025-06-01", ""), cpp("", &["2025-09-01"])].concat()),
            ),
            // Plan 4: the CIN plan is in another episode.
            child(
                "D",
                "",
                &[
                    episode(&cin_plan("2025-06-01", "")),
                    episode(&cpp("", &["2025-09-01"])),
                ]
                .concat(),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4003, &xml),
            vec![("Reviews", 1, "A".into()), ("Reviews", 3, "C".into())]
        );
    }
}
