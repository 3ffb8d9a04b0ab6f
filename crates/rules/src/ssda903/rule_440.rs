//! 440: participation code PN0 (child under 4) cannot be used when the child was 4 or over at
//! the review (DfE 903 validation rules).
//!
//! The child's age comes from the Reviews row's own date of birth, as in the tool. A review on
//! the 4th birthday is reported (the child is 4); the tool's strict comparison lets it pass.

use super::util_c::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::ReviewParticipation;

pub(crate) struct Rule440;

static META: RuleMeta = RuleMeta {
    code: "440",
    message: "Participation method indicates child was under 4 years old at the time of the review, but date of birth and review date indicates the child was 4 years old or over.",
    severity: Severity::Error,
    tables: &["Reviews"],
    fields: &["DOB", "REVIEW", "REVIEW_CODE"],
    years: Years::from(2023),
};

impl Rule for Rule440 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Reviews)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.reviews {
            if row.review_code.get() != Some(ReviewParticipation::PN0) {
                continue;
            }
            let (Some(dob), Some(review)) = (row.dob.get(), row.review.get()) else {
                continue;
            };
            if sightline_model::age_on(dob, review) >= 4 {
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
    fn pn0_for_a_child_of_4_fails() {
        let t = tables(
            "//- Reviews
             CHILD,DOB,REVIEW,REVIEW_CODE
             1,01/01/2022,31/12/2025,PN0
             2,01/01/2022,01/01/2026,PN0
             3,01/01/2020,01/01/2026,PN1
             4,01/01/2020,,PN0",
        );
        assert_eq!(findings(&Rule440, &current(&t)), vec![(2, "2".into())]);
    }
}
