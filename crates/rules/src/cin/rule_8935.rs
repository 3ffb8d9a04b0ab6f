//! 8935: a child has more than one open child protection plan (no end date) (DfE CIN census
//! validation rules 2025-26). One finding per open plan of such a child.
//!
//! Plans are counted across all the child's episodes. Differs from the DfE tool, which groups
//! open plans by child and plan id, the plan's position within its episode, so it flags two open
//! first plans of different episodes but not two open plans in one episode. An end date written
//! but invalid is not "no end date" (8925/8930 cannot check it, but it is not missing).

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{CinChild, CinCpPlan};

pub(crate) struct Rule8935;

static META: RuleMeta = RuleMeta {
    code: "8935",
    message: "This child is showing more than one open Child Protection plan, i.e. with no End Date",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans"],
    fields: &["CPPendDate"],
    years: Years::from(2023),
};

impl Rule for Rule8935 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let open: Vec<&CinCpPlan> = child
            .cin_details
            .iter()
            .flat_map(|e| &e.cp_plans)
            .filter(|p| p.end.is_blank())
            .collect();
        if open.len() > 1 {
            for plan in open {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
                    child_id(child),
                    &["CPPendDate"],
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

    const ENDED: &str = "<CPPendDate>2025-06-01</CPPendDate>";

    #[test]
    fn two_open_plans_fail_across_episodes() {
        let xml = child(
            "A",
            "",
            &[
                episode(&[cp_plan(ENDED), cp_plan("")].concat()),
                episode(&cp_plan("")),
            ]
            .concat(),
        );
        assert_eq!(
            findings(&Rule8935, &xml),
            vec![
                ("ChildProtectionPlans", 2, "A".into()),
                ("ChildProtectionPlans", 3, "A".into())
            ]
        );
    }

    #[test]
    fn one_open_plan_per_child_passes() {
        let xml = [
            child("B", "", &episode(&[cp_plan(ENDED), cp_plan("")].concat())),
            child("C", "", &episode(&cp_plan(""))),
        ]
        .concat();
        assert!(findings(&Rule8935, &xml).is_empty());
    }
}
