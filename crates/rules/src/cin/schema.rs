//! `DATE`: every date element must be a real `yyyy-mm-dd` date. Not a DfE-numbered rule: the
//! DfE checks this with the census schema (XSD) before its rules run, and the community tool
//! silently turns such dates into blanks. Sightline keeps the text (`2022-13-45`) and reports it
//! here, on the element's group and position, so that no bad date disappears; the numbered rules
//! then treat the element as not given. Run after the DfE catalogue, never counted in it.

use super::group_a::util_a::child_id;
use super::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::NaiveDate;
use sightline_formats::cin::{Cell, CinChild};

pub(crate) struct RuleDate;

static META: RuleMeta = RuleMeta {
    code: "DATE",
    message: "A date is not a valid date in the form yyyy-mm-dd (census schema)",
    severity: Severity::Error,
    tables: &[
        "ChildIdentifiers",
        "CINdetails",
        "Assessments",
        "CINPlanDates",
        "Section47",
        "ChildProtectionPlans",
        "Reviews",
    ],
    fields: &[],
    years: Years::from(2023),
};

impl Rule for RuleDate {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let id = child_id(child);
        let mut check = |cell: &Cell<NaiveDate>, table: &'static str, position: u64, field| {
            if cell.is_invalid() {
                out.at(table, position, id, &[field]);
            }
        };
        let p = child.position;
        check(
            &child.person_birth_date,
            "ChildIdentifiers",
            p,
            "PersonBirthDate",
        );
        check(
            &child.expected_person_birth_date,
            "ChildIdentifiers",
            p,
            "ExpectedPersonBirthDate",
        );
        check(
            &child.person_death_date,
            "ChildIdentifiers",
            p,
            "PersonDeathDate",
        );
        for e in &child.cin_details {
            check(
                &e.referral_date,
                "CINdetails",
                e.position,
                "CINreferralDate",
            );
            check(&e.closure_date, "CINdetails", e.position, "CINclosureDate");
            check(
                &e.date_of_initial_cpc,
                "CINdetails",
                e.position,
                "DateOfInitialCPC",
            );
            for a in &e.assessments {
                check(
                    &a.start,
                    "Assessments",
                    a.position,
                    "AssessmentActualStartDate",
                );
                check(
                    &a.internal_review_date,
                    "Assessments",
                    a.position,
                    "AssessmentInternalReviewDate",
                );
                check(
                    &a.authorisation_date,
                    "Assessments",
                    a.position,
                    "AssessmentAuthorisationDate",
                );
            }
            for c in &e.cin_plans {
                check(&c.start, "CINPlanDates", c.position, "CINPlanStartDate");
                check(&c.end, "CINPlanDates", c.position, "CINPlanEndDate");
            }
            for s in &e.section47s {
                check(&s.start, "Section47", s.position, "S47ActualStartDate");
                check(
                    &s.initial_cpc_target,
                    "Section47",
                    s.position,
                    "InitialCPCtarget",
                );
                check(
                    &s.date_of_initial_cpc,
                    "Section47",
                    s.position,
                    "DateOfInitialCPC",
                );
            }
            for c in &e.cp_plans {
                check(&c.start, "ChildProtectionPlans", c.position, "CPPstartDate");
                check(&c.end, "ChildProtectionPlans", c.position, "CPPendDate");
                for r in &c.reviews {
                    check(&r.value, "Reviews", r.position, "CPPreviewDate");
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
    fn impossible_dates_are_reported_where_they_are() {
        let xml = [
            child(
                "A",
                "<PersonBirthDate>2015-02-30</PersonBirthDate>",
                &episode("<CINreferralDate>2025-06-01</CINreferralDate>"),
            ),
            child(
                "B",
                "<PersonBirthDate>2015-02-28</PersonBirthDate>",
                &episode(
                    "<CINreferralDate>2022-13-45</CINreferralDate><ChildProtectionPlans><CPPstartDate>2025-05-01</CPPstartDate><Reviews><CPPreviewDate>01/06/2025</CPPreviewDate></Reviews></ChildProtectionPlans>",
                ),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&RuleDate, &xml),
            vec![
                ("ChildIdentifiers", 1, "A".into()),
                ("CINdetails", 2, "B".into()),
                ("Reviews", 1, "B".into())
            ]
        );
    }

    #[test]
    fn valid_and_blank_dates_pass() {
        let xml = child(
            "A",
            "<PersonBirthDate>2016-02-29</PersonBirthDate>",
            &episode(
                "<CINreferralDate>2025-06-01</CINreferralDate><CINclosureDate></CINclosureDate>",
            ),
        );
        assert!(findings(&RuleDate, &xml).is_empty());
    }
}
