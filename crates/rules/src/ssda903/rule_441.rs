//! 441: a participation code for children of 4 or over (PN1-PN7) cannot be used when the child
//! was under 4 at the review (DfE 903 validation rules).
//!
//! The child's age comes from the Reviews row's own date of birth, as in the tool.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReviewParticipation;

pub(crate) struct Rule441;

static META: RuleMeta = RuleMeta {
    code: "441",
    message: "Participation method indicates child was 4 years old or over at the time of the review, but the date of birth and review date indicates the child was under 4 years old.",
    severity: Severity::Error,
    tables: &["Reviews"],
    fields: &["DOB", "REVIEW", "REVIEW_CODE"],
    years: Years::from(2023),
};

impl Rule for Rule441 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Reviews)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.reviews {
            let older_code = row
                .review_code
                .get()
                .is_some_and(|code| code != ReviewParticipation::PN0);
            let (Some(dob), Some(review)) = (row.dob.get(), row.review.get()) else {
                continue;
            };
            if older_code && sightline_model::age_on(dob, review) < 4 {
                out.at("Reviews", row.at.row_number, id(&row.child), META.fields);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_code_for_older_children_under_4_fails() {
        let t = tables(
            "//- Reviews
             CHILD,DOB,REVIEW,REVIEW_CODE
             1,01/01/2022,31/12/2025,PN1
             2,01/01/2022,01/01/2026,PN7
             3,01/01/2023,01/01/2026,PN0",
        );
        assert_eq!(findings(&Rule441, &current(&t)), vec![(1, "1".into())]);
    }
}
