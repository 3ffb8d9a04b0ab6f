//! 167: the review participation code is invalid, or is given without a review date, or is
//! missing for a review (DfE 903 validation rules).

use super::util_a::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule167;

static META: RuleMeta = RuleMeta {
    code: "167",
    message: "Data entry for participation is invalid or blank.",
    severity: Severity::Error,
    tables: &["Reviews"],
    fields: &["REVIEW_CODE"],
    years: Years::from(2023),
};

impl Rule for Rule167 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Reviews)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.reviews {
            // A review (even with a bad date, which rule 166 reports) needs a valid code; a row
            // without a review date must not have one.
            let bad = if row.review.is_blank() {
                !row.review_code.is_blank()
            } else {
                row.review_code.value().is_none()
            };
            if bad {
                out.at(
                    "Reviews",
                    row.at.row_number,
                    id(&row.child),
                    &["REVIEW_CODE"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn codes_must_be_valid_and_paired_with_a_review() {
        let t = tables(
            "//- Reviews
             CHILD,REVIEW,REVIEW_CODE
             1,01/02/2026,PR0
             2,31/03/2026,child too young
             3,12/12/2025,PN3
             4,05/07/2025,
             5,,
             6,,PN1",
        );
        let expected: Vec<(u64, String)> = [1, 2, 4, 6].map(|n| (n, n.to_string())).into();
        assert_eq!(findings(&Rule167, &current(&t)), expected);
    }
}
