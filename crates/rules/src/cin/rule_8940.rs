//! 8940: a child's child protection plans overlap (DfE CIN census validation rules 2025-26). One
//! finding per plan whose start date falls within another plan of the same child, in any
//! episode.
//!
//! A plan's `CPPstartDate` must not fall within (a) another plan's start and end dates, or (b)
//! another plan's start date and the reference date when that plan has no end date. Both ends
//! are inclusive, as in the DfE tool (its own test flags a plan starting on the day another
//! ends); unlike 8820 the DfE text has no note allowing back-to-back plans. Two plans starting
//! the same day both fall inside each other. An end date written but invalid leaves that plan's
//! end unknown: not compared.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{CinChild, CinCpPlan};

pub(crate) struct Rule8940;

static META: RuleMeta = RuleMeta {
    code: "8940",
    message: "Child Protection Plan data contains overlapping dates",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "Header"],
    fields: &["CPPstartDate", "CPPendDate", "ReferenceDate"],
    years: Years::from(2023),
};

/// Whether a plan starting on `start` starts within `other`.
fn starts_within(data: &CinReturn, start: NaiveDate, other: &CinCpPlan) -> bool {
    let Some(other_start) = other.start.get() else {
        return false;
    };
    let other_end = match other.end.get() {
        Some(end) => end,
        None if other.end.is_blank() => data.reference_date(),
        None => return false,
    };
    other_start <= start && start <= other_end
}

impl Rule for Rule8940 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let plans: Vec<&CinCpPlan> = child.cin_details.iter().flat_map(|e| &e.cp_plans).collect();
        for (i, plan) in plans.iter().enumerate() {
            let Some(start) = plan.start.get() else {
                continue;
            };
            let within = plans
                .iter()
                .enumerate()
                .any(|(j, other)| j != i && starts_within(data, start, other));
            if within {
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
    fn plan_starting_inside_another_fails() {
        let xml = [
            // Inside a plan of an earlier episode, on its last day.
            child(
                "A",
                "",
                &[
                    episode(&plan("2025-05-01", "2025-08-01")),
                    episode(&plan("2025-08-01", "")),
                ]
                .concat(),
            ),
            // After an open plan started: the open plan runs to the reference date.
            child(
                "B",
                "",
                &episode(&[plan("2025-05-01", ""), plan("2025-09-01", "2025-10-01")].concat()),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8940, &xml),
            vec![
                ("ChildProtectionPlans", 2, "A".into()),
                ("ChildProtectionPlans", 4, "B".into())
            ]
        );
    }

    #[test]
    fn consecutive_plans_pass() {
        let xml = child(
            "C",
            "",
            &episode(
                &[
                    plan("2025-05-01", "2025-07-31"),
                    plan("2025-08-01", "2025-09-30"),
                    plan("2025-10-01", ""),
                ]
                .concat(),
            ),
        );
        assert!(findings(&Rule8940, &xml).is_empty());
    }
}
