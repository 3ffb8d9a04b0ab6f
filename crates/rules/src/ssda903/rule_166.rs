//! 166: the review date is missing or not a valid date (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule166;

static META: RuleMeta = RuleMeta {
    code: "166",
    message: "Date of review is invalid or blank.",
    severity: Severity::Error,
    tables: &["Reviews"],
    fields: &["REVIEW"],
    years: Years::from(2023),
};

impl Rule for Rule166 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Reviews)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // REVIEW is required: blank fails as well as text that is not a valid value.
        for row in &data.current.reviews {
            if row.review.value().is_none() {
                out.at("Reviews", row.at.row_number, id(&row.child), &["REVIEW"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    /// Passing: 01/01/2021. Failing: 38/04/2019, 01/01/19, blank.
    #[test]
    fn bad_values_fail_and_blank_fails() {
        let t = tables(
            "//- Reviews
             CHILD,REVIEW
             1,01/01/2021
             2,38/04/2019
             3,01/01/19
             4,",
        );
        assert_eq!(
            findings(&Rule166, &current(&t)),
            vec![(2, "2".into()), (3, "3".into()), (4, "4".into())]
        );
    }
}
