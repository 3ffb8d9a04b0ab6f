//! 2990: an episode closed as RC8 (closed after assessment, no further action) or RC9 (closed
//! after assessment, referred to early help) has a Section47, a child protection plan, a CIN plan
//! or an episode-level initial conference (DfE CIN census validation rules 2025-26). One finding
//! per episode.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;
use sightline_model::codes::ReasonForClosure;

pub(crate) struct Rule2990;

static META: RuleMeta = RuleMeta {
    code: "2990",
    message: "Activity is recorded against a case marked as ‘Case closed after assessment, no further action’ or 'case closed after assessment, referred to early help'.",
    severity: Severity::Error,
    tables: &[
        "CINdetails",
        "Section47",
        "ChildProtectionPlans",
        "CINplanDates",
    ],
    fields: &["ReasonForClosure", "DateOfInitialCPC"],
    years: Years::from(2023),
};

impl Rule for Rule2990 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let closed_after_assessment = matches!(
                episode.reason_for_closure.value(),
                Some(ReasonForClosure::RC8 | ReasonForClosure::RC9)
            );
            let activity = !episode.section47s.is_empty()
                || !episode.cp_plans.is_empty()
                || !episode.cin_plans.is_empty()
                || !episode.date_of_initial_cpc.is_blank();
            if closed_after_assessment && activity {
                out.at(
                    "CINdetails",
                    episode.position,
                    child_id(child),
                    &["ReasonForClosure"],
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

    #[test]
    fn activity_on_rc8_or_rc9_fails() {
        let xml = [
            child(
                "A",
                "",
                &[
                    episode("<ReasonForClosure>RC8</ReasonForClosure><CINPlanDates><CINPlanStartDate>2025-05-01</CINPlanStartDate></CINPlanDates>"),
                    episode("<ReasonForClosure>RC9</ReasonForClosure><Section47/>"),
                    episode("<ReasonForClosure>RC9</ReasonForClosure><DateOfInitialCPC>2025-05-01</DateOfInitialCPC>"),
                    episode("<ReasonForClosure>RC8</ReasonForClosure><Assessments/>"),
                    episode("<ReasonForClosure>RC7</ReasonForClosure><ChildProtectionPlans/>"),
                ]
                .concat(),
            ),
        ]
        .concat();
        assert_eq!(
            findings(&Rule2990, &xml),
            vec![
                ("CINdetails", 1, "A".into()),
                ("CINdetails", 2, "A".into()),
                ("CINdetails", 3, "A".into())
            ]
        );
    }
}
