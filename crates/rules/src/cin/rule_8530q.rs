//! 8530Q: the expected date of birth is not between the reference date minus 30 days and the
//! reference date plus 9 months (DfE CIN census validation rules 2025-26).
//!
//! Both bounds are inside the range (1 March to 31 December of the census year end, as the
//! message says); the DfE community tool queries the two bound days themselves.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use chrono::{Days, Months};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8530Q;

static META: RuleMeta = RuleMeta {
    code: "8530Q",
    message: "Please check and either amend data or provide a reason: Expected Date of Birth is outside the expected range for this census (March to December of the Census Year end)",
    severity: Severity::Query,
    tables: &["ChildIdentifiers"],
    fields: &["ExpectedPersonBirthDate", "ReferenceDate"],
    years: Years::from(2023),
};

impl Rule for Rule8530Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(expected) = child.expected_person_birth_date.value() else {
            return;
        };
        let reference = data.reference_date();
        let earliest = reference
            .checked_sub_days(Days::new(30))
            .unwrap_or(reference);
        let latest = reference
            .checked_add_months(Months::new(9))
            .unwrap_or(reference);
        if *expected < earliest || *expected > latest {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["ExpectedPersonBirthDate"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::child;

    fn expected(id: &str, date: &str) -> String {
        child(
            id,
            &format!("<ExpectedPersonBirthDate>{date}</ExpectedPersonBirthDate>"),
            "",
        )
    }

    #[test]
    fn range_is_1_march_to_31_december() {
        let xml = [
            expected("A", "2026-02-28"),
            expected("B", "2026-03-01"),
            expected("C", "2026-12-31"),
            expected("D", "2027-01-01"),
            child("E", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8530Q, &xml),
            vec![
                ("ChildIdentifiers", 1, "A".into()),
                ("ChildIdentifiers", 4, "D".into())
            ]
        );
    }
}
