//! 2883: more child protection plans start in the census year than initial conferences are
//! recorded in it (DfE CIN census validation rules 2025-26; return level).
//!
//! The count of `CPPstartDate`s in the census year must not exceed the count of
//! `DateOfInitialCPC`s in the year on `CINdetails` plus those on `Section47`. Dates that are not
//! valid dates are not counted (rules 8525Q and others report them). The census year is the
//! collection year's (1 April to 31 March); the DfE tool takes it from the header's
//! `ReferenceDate`, which rule 100 requires to be the same.

use crate::cin::{CinReturn, ReturnSummary, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};

pub(crate) struct Rule2883;

static META: RuleMeta = RuleMeta {
    code: "2883",
    message: "There are more child protection plans starting than initial conferences taking place",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans", "CINdetails", "Section47"],
    fields: &["CPPstartDate", "DateOfInitialCPC"],
    years: Years::from(2023),
};

impl Rule for Rule2883 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_return(&self, _data: &CinReturn, summary: &ReturnSummary, out: &mut Findings) {
        if summary.cp_plans_started_in_year > summary.initial_conferences_in_year {
            out.on_return(
                "ChildProtectionPlans",
                &["CPPstartDate", "DateOfInitialCPC"],
            );
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

    fn icpc(date: &str) -> String {
        format!("<DateOfInitialCPC>{date}</DateOfInitialCPC>")
    }

    #[test]
    fn more_plans_than_conferences_in_the_year_fails() {
        // Three plans start in the year; one S47 conference is in the year, one before it, and
        // the invalid plan date and the plan before the year do not count.
        let xml = [
            child(
                "A",
                "",
                &episode(&[s47("2025-05-01"), plan("2025-05-01"), plan("2025-09-01")].concat()),
            ),
            child(
                "B",
                "",
                &episode(&[s47("2025-03-01"), plan("2025-06-01"), plan("2025-02-01")].concat()),
            ),
            child("C", "", &episode(&plan("2025-13-45"))),
        ]
        .concat();
        assert_eq!(
            findings(&Rule2883, &xml),
            vec![("ChildProtectionPlans", 0, String::new())]
        );
    }

    #[test]
    fn conferences_at_both_levels_count() {
        // Three plans in the year, matched by two S47 conferences and one episode-level one.
        let xml = [
            child(
                "A",
                "",
                &episode(
                    &[
                        s47("2025-05-01"),
                        s47("2025-09-01"),
                        plan("2025-05-01"),
                        plan("2025-09-01"),
                    ]
                    .concat(),
                ),
            ),
            child(
                "B",
                "",
                &episode(&[icpc("2026-03-31"), plan("2026-03-31")].concat()),
            ),
        ]
        .concat();
        assert!(findings(&Rule2883, &xml).is_empty());
    }
}
