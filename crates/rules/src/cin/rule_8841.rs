//! 8841: a child protection plan review is dated on or before the plan's start date (DfE CIN
//! census validation rules 2025-26). One finding per review date, on `Reviews` with the position
//! of its `Reviews` element among all `Reviews` elements of the file.
//!
//! Every `CPPreviewDate` is checked; the DfE tool keeps only the first date of each `Reviews`
//! element, so it misses the others.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8841;

static META: RuleMeta = RuleMeta {
    code: "8841",
    message: "The review date cannot be on the same day or before the Child protection Plan start date.",
    severity: Severity::Error,
    tables: &["Reviews", "ChildProtectionPlans"],
    fields: &["CPPstartDate", "CPPreviewDate"],
    years: Years::from(2023),
};

impl Rule for Rule8841 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            let Some(start) = plan.start.get() else {
                continue;
            };
            for review in &plan.reviews {
                if review.value.get().is_some_and(|r| r <= start) {
                    out.at(
                        "Reviews",
                        review.position,
                        child_id(child),
                        &["CPPstartDate", "CPPreviewDate"],
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
    use crate::cin::group_b::util_b::build::{child, cp_plan, episode};

    fn plan(start: &str, reviews: &str) -> String {
        cp_plan(&format!(
            "<CPPstartDate>{start}</CPPstartDate><Reviews>{reviews}</Reviews>"
        ))
    }

    #[test]
    fn review_on_or_before_start_fails_each_date() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    plan(
                        "2025-06-01",
                        "<CPPreviewDate>2025-06-01</CPPreviewDate><CPPreviewDate>2025-08-01</CPPreviewDate><CPPreviewDate>2025-05-01</CPPreviewDate>",
                    ),
                    plan("2025-06-01", "<CPPreviewDate>2025-06-02</CPPreviewDate>"),
                    // Two Reviews elements (positions 3 and 4): only the second fails.
                    cp_plan(
                        "<CPPstartDate>2025-06-01</CPPstartDate><Reviews><CPPreviewDate>2025-07-01</CPPreviewDate></Reviews><Reviews><CPPreviewDate>2025-01-01</CPPreviewDate></Reviews>",
                    ),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8841, &xml),
            vec![
                ("Reviews", 1, "A".into()),
                ("Reviews", 1, "A".into()),
                ("Reviews", 4, "A".into())
            ]
        );
    }
}
