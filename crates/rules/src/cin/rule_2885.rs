//! 2885: a child protection plan starting in the census year does not start on the day of an
//! initial child protection conference (DfE CIN census validation rules 2025-26).
//!
//! The plan's `CPPstartDate` must equal a `DateOfInitialCPC` of a Section47 of the same episode
//! or, when the episode has no Section47 at all, the episode's own `DateOfInitialCPC`. A plan
//! whose start date is not a valid date is skipped.

use super::util_a::{child_id, in_census_year};
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule2885;

static META: RuleMeta = RuleMeta {
    code: "2885",
    message: "Child protection plan shown as starting a different day to the initial child protection conference.",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "Section47", "CINdetails"],
    fields: &["CPPstartDate", "DateOfInitialCPC"],
    years: Years::from(2023),
};

impl Rule for Rule2885 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            for plan in &episode.cp_plans {
                let Some(start) = plan.start.value() else {
                    continue;
                };
                if !in_census_year(data, *start) {
                    continue;
                }
                let matched = if episode.section47s.is_empty() {
                    episode.date_of_initial_cpc.value() == Some(start)
                } else {
                    episode
                        .section47s
                        .iter()
                        .any(|s| s.date_of_initial_cpc.value() == Some(start))
                };
                if !matched {
                    out.at(
                        "ChildProtectionPlans",
                        plan.position,
                        child_id(child),
                        &["CPPstartDate", "DateOfInitialCPC"],
                    );
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

    fn plan(start: &str) -> String {
        format!("<ChildProtectionPlans><CPPstartDate>{start}</CPPstartDate></ChildProtectionPlans>")
    }

    fn s47(icpc: &str) -> String {
        format!("<Section47><DateOfInitialCPC>{icpc}</DateOfInitialCPC></Section47>")
    }

    #[test]
    fn plan_must_start_on_a_conference_day() {
        let xml = [
            // Plan 1 matches the second S47; plan 2 matches none.
            child(
                "A",
                "",
                &episode(
                    &[
                        s47("2025-05-01"),
                        s47("2025-06-01"),
                        plan("2025-06-01"),
                        plan("2025-06-02"),
                    ]
                    .concat(),
                ),
            ),
            // No S47: the episode-level conference counts (plan 3 passes).
            child(
                "B",
                "",
                &episode(&format!(
                    "<DateOfInitialCPC>2025-07-01</DateOfInitialCPC>{}",
                    plan("2025-07-01")
                )),
            ),
            // An S47 exists, so the episode-level date does not count (plan 4 fails).
            child(
                "C",
                "",
                &episode(&format!(
                    "<DateOfInitialCPC>2025-07-01</DateOfInitialCPC>{}{}",
                    s47(""),
                    plan("2025-07-01")
                )),
            ),
            // Before the census year: not checked (plan 5).
            child("D", "", &episode(&plan("2025-03-31"))),
            // No conference anywhere (plan 6 fails).
            child("E", "", &episode(&plan("2026-03-31"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule2885, &xml),
            vec![
                ("ChildProtectionPlans", 2, "A".into()),
                ("ChildProtectionPlans", 4, "C".into()),
                ("ChildProtectionPlans", 6, "E".into())
            ]
        );
    }
}
