//! 8842Q: a `Reviews` element of a child protection plan has no valid review date (DfE CIN census
//! validation rules 2025-26). Findings are on `Reviews` with the position of that `Reviews`
//! element among all `Reviews` elements of the file.
//!
//! One finding per `Reviews` element holding no `CPPreviewDate` at all, and one per
//! `CPPreviewDate` that is empty or not a valid date, so a `Reviews` element with one valid and
//! one bad date is queried for the bad one (the DfE text asks for a valid date "within the group"); the DfE tool
//! sees only the first date of each element and queries it when it is missing or invalid.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8842Q;

static META: RuleMeta = RuleMeta {
    code: "8842Q",
    message: "Please check: Review Record has a missing date",
    severity: Severity::Query,
    tables: &["Reviews"],
    fields: &["CPPreviewDate"],
    years: Years::from(2023),
};

impl Rule for Rule8842Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        for plan in child.cin_details.iter().flat_map(|e| &e.cp_plans) {
            let bad_dates = plan
                .reviews
                .iter()
                .filter(|r| r.value.get().is_none())
                .map(|r| r.position);
            let mut missing: Vec<u64> = plan
                .empty_review_positions
                .iter()
                .copied()
                .chain(bad_dates)
                .collect();
            missing.sort_unstable();
            for position in missing {
                out.at("Reviews", position, child_id(child), &["CPPreviewDate"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::{child, cp_plan, episode};

    #[test]
    fn reviews_without_a_valid_date_are_queried() {
        let xml = child(
            "A",
            "",
            &episode(
                &[
                    cp_plan("<Reviews></Reviews>"),
                    cp_plan("<Reviews><CPPreviewDate>2025-07-01</CPPreviewDate></Reviews>"),
                    cp_plan("<Reviews><CPPreviewDate></CPPreviewDate></Reviews>"),
                    cp_plan("<Reviews><CPPreviewDate>01/07/2025</CPPreviewDate></Reviews>"),
                    // No Reviews element at all: nothing to query.
                    cp_plan(""),
                ]
                .concat(),
            ),
        );
        assert_eq!(
            findings(&Rule8842Q, &xml),
            vec![
                ("Reviews", 1, "A".into()),
                ("Reviews", 3, "A".into()),
                ("Reviews", 4, "A".into())
            ]
        );
    }
}
