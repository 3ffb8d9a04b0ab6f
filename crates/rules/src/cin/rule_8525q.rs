//! 8525Q: neither or both of the date of birth and the expected date of birth are given (DfE CIN
//! census validation rules 2025-26).
//!
//! "Given" means the element has text: a date that does not parse is still given (the date rules
//! report it); the DfE community tool turns it into a missing date first.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8525Q;

static META: RuleMeta = RuleMeta {
    code: "8525Q",
    message: "Either Date of Birth or Expected Date of Birth must be provided (but not both)",
    severity: Severity::Query,
    tables: &["ChildIdentifiers"],
    fields: &["PersonBirthDate", "ExpectedPersonBirthDate"],
    years: Years::from(2023),
};

impl Rule for Rule8525Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let born = !child.person_birth_date.is_blank();
        let expected = !child.expected_person_birth_date.is_blank();
        if born == expected {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["PersonBirthDate", "ExpectedPersonBirthDate"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::child;

    #[test]
    fn both_or_neither_is_queried() {
        let xml = [
            child("A", "<PersonBirthDate>2020-01-01</PersonBirthDate>", ""),
            child("B", "<ExpectedPersonBirthDate>2026-06-01</ExpectedPersonBirthDate>", ""),
            child(
                "C",
                "<PersonBirthDate>2020-01-01</PersonBirthDate><ExpectedPersonBirthDate>2020-01-01</ExpectedPersonBirthDate>",
                "",
            ),
            child("D", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8525Q, &xml),
            vec![
                ("ChildIdentifiers", 3, "C".into()),
                ("ChildIdentifiers", 4, "D".into())
            ]
        );
    }
}
