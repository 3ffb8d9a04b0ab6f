//! 4004: an episode has more than one open CIN plan (no `CINPlanEndDate`) (DfE CIN census
//! validation rules 2025-26). Every open plan of such an episode is reported; an end date that is
//! not a valid date is not treated as absent.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4004;

static META: RuleMeta = RuleMeta {
    code: "4004",
    message: "This child is showing more than one open CIN Plan, i.e. with no End Date",
    severity: Severity::Error,
    tables: &["CINplanDates"],
    fields: &["CINPlanEndDate"],
    years: Years::from(2023),
};

impl Rule for Rule4004 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for episode in &child.cin_details {
            let open: Vec<_> = episode
                .cin_plans
                .iter()
                .filter(|p| p.end.is_blank())
                .collect();
            if open.len() > 1 {
                for plan in open {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::{child, episode};

    const OPEN: &str =
        "<CINPlanDates><CINPlanStartDate>2025-05-01</CINPlanStartDate></CINPlanDates>";
    const CLOSED: &str = "<CINPlanDates><CINPlanStartDate>2025-04-01</CINPlanStartDate><CINPlanEndDate>2025-04-30</CINPlanEndDate></CINPlanDates>";

    #[test]
    fn two_open_plans_in_an_episode_fail() {
        let xml = [
            child("A", "", &episode(&[OPEN, CLOSED, OPEN].concat())),
            child("B", "", &[episode(OPEN), episode(OPEN)].concat()),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4004, &xml),
            vec![
                ("CINplanDates", 1, "A".into()),
                ("CINplanDates", 3, "A".into())
            ]
        );
    }
}
