//! 8565: activity is dated after its episode's closure date (DfE CIN census validation rules
//! 2025-26: if CINclosureDate is present it must be on or after every AssessmentActualStartDate,
//! AssessmentAuthorisationDate, S47ActualStartDate, DateOfInitialCPC, CPPendDate,
//! CINPlanStartDate and CINPlanEndDate of the episode that is present).
//!
//! One finding per offending element, on its own group (an episode-level `DateOfInitialCPC` is
//! reported on the `CINdetails` element). The DfE community tool checks CP plan end dates against
//! a hard-coded test table instead of the data, so it never reports them; they are checked here.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{Cell, CinChild};

pub(crate) struct Rule8565;

static META: RuleMeta = RuleMeta {
    code: "8565",
    message: "Activity shown after a case has been closed",
    severity: Severity::Error,
    tables: &[
        "CINdetails",
        "Assessments",
        "Section47",
        "ChildProtectionPlans",
        "CINplanDates",
    ],
    fields: &[
        "CINclosureDate",
        "DateOfInitialCPC",
        "AssessmentActualStartDate",
        "AssessmentAuthorisationDate",
        "S47ActualStartDate",
        "CPPendDate",
        "CINPlanStartDate",
        "CINPlanEndDate",
    ],
    years: Years::from(2023),
};

/// Whether any of the dates is after `closure`.
fn any_after(closure: NaiveDate, dates: &[&Cell<NaiveDate>]) -> bool {
    dates
        .iter()
        .any(|d| d.value().is_some_and(|day| *day > closure))
}

impl Rule for Rule8565 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let id = child_id(child);
        for episode in &child.cin_details {
            let Some(closure) = episode.closure_date.value().copied() else {
                continue;
            };
            if any_after(closure, &[&episode.date_of_initial_cpc]) {
                out.at(
                    "CINdetails",
                    episode.position,
                    id,
                    &["CINclosureDate", "DateOfInitialCPC"],
                );
            }
            for a in &episode.assessments {
                if any_after(closure, &[&a.start, &a.authorisation_date]) {
                    out.at(
                        "Assessments",
                        a.position,
                        id,
                        &["AssessmentActualStartDate", "AssessmentAuthorisationDate"],
                    );
                }
            }
            for s in &episode.section47s {
                if any_after(closure, &[&s.start, &s.date_of_initial_cpc]) {
                    out.at(
                        "Section47",
                        s.position,
                        id,
                        &["S47ActualStartDate", "DateOfInitialCPC"],
                    );
                }
            }
            for p in &episode.cp_plans {
                if any_after(closure, &[&p.end]) {
                    out.at("ChildProtectionPlans", p.position, id, &["CPPendDate"]);
                }
            }
            for p in &episode.cin_plans {
                if any_after(closure, &[&p.start, &p.end]) {
                    out.at(
                        "CINplanDates",
                        p.position,
                        id,
                        &["CINPlanStartDate", "CINPlanEndDate"],
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

    #[test]
    fn activity_after_closure_fails_on_each_element() {
        let closed = "<CINclosureDate>2025-09-30</CINclosureDate>";
        let xml = [
            child(
                "A",
                "",
                &episode(&[
                    closed,
                    "<DateOfInitialCPC>2025-10-01</DateOfInitialCPC>",
                    "<Assessments><AssessmentActualStartDate>2025-09-01</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-09-30</AssessmentAuthorisationDate></Assessments>",
                    "<Assessments><AssessmentActualStartDate>2025-09-01</AssessmentActualStartDate><AssessmentAuthorisationDate>2025-10-01</AssessmentAuthorisationDate></Assessments>",
                    "<Section47><S47ActualStartDate>2025-10-01</S47ActualStartDate></Section47>",
                    "<ChildProtectionPlans><CPPstartDate>2025-09-01</CPPstartDate><CPPendDate>2025-10-01</CPPendDate></ChildProtectionPlans>",
                    "<CINPlanDates><CINPlanStartDate>2025-09-01</CINPlanStartDate></CINPlanDates>",
                    "<CINPlanDates><CINPlanStartDate>2025-09-01</CINPlanStartDate><CINPlanEndDate>2025-10-01</CINPlanEndDate></CINPlanDates>",
                ]
                .concat()),
            ),
            // Open episode: nothing to compare.
            child(
                "B",
                "",
                &episode("<Section47><S47ActualStartDate>2026-01-01</S47ActualStartDate></Section47>"),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8565, &xml),
            vec![
                ("CINdetails", 1, "A".into()),
                ("Assessments", 2, "A".into()),
                ("Section47", 1, "A".into()),
                ("ChildProtectionPlans", 1, "A".into()),
                ("CINplanDates", 2, "A".into())
            ]
        );
    }
}
