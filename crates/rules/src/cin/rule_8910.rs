//! 8910: a child protection plan's latest category of abuse is missing or not in
//! the code list (NEG, PHY, SAB, EMO, MUL) (DfE CIN census validation rules 2025-26). One
//! finding per plan.
//!
//! The reader accepts codes in any letter case (`neg` is NEG); the DfE tool compares exactly.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8910;

static META: RuleMeta = RuleMeta {
    code: "8910",
    message: "Latest Category of Abuse code missing or invalid (see Category of Abuse table in CIN Census code set)",
    severity: Severity::Error,
    tables: &["ChildProtectionPlans"],
    fields: &["LatestCategoryOfAbuse"],
    years: Years::from(2023),
};

impl Rule for Rule8910 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            if plan.latest_category.value().is_none() {
                out.at(
                    "ChildProtectionPlans",
                    plan.position,
                    child_id(child),
                    &["LatestCategoryOfAbuse"],
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

    fn plan(category: &str) -> String {
        cp_plan(&format!(
            "<LatestCategoryOfAbuse>{category}</LatestCategoryOfAbuse>"
        ))
    }

    #[test]
    fn missing_or_unknown_category_fails() {
        let xml = child(
            "A",
            "",
            &episode(&[plan("NEG"), plan("AAA"), plan(""), plan("MUL")].concat()),
        );
        assert_eq!(
            findings(&Rule8910, &xml),
            vec![
                ("ChildProtectionPlans", 2, "A".into()),
                ("ChildProtectionPlans", 3, "A".into())
            ]
        );
    }
}
