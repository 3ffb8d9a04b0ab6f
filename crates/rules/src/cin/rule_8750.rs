//! 8750: an unborn child (an expected date of birth and no date of birth) does not have sex `U`
//! (DfE CIN census validation rules, `Sex` wording from 2024-25). One finding per child.
//!
//! A blank or invalid sex is not `U` and fails, as in the DfE tool. Up to 2023-24 the rule read
//! the legacy `GenderCurrent`, which had to be `0`, with its own message; the reader maps the
//! legacy unknown codes to `U`, but that older message is not carried, so the rule starts in
//! 2024-25.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;
use sightline_model::codes::Sex;

pub(crate) struct Rule8750;

static META: RuleMeta = RuleMeta {
    code: "8750",
    message: "Sex must equal U for an unborn child",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["Sex", "PersonBirthDate", "ExpectedPersonBirthDate"],
    years: Years::from(2025),
};

impl Rule for Rule8750 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let unborn =
            child.person_birth_date.is_blank() && !child.expected_person_birth_date.is_blank();
        if unborn && child.sex.get() != Some(Sex::Unknown) {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["Sex", "PersonBirthDate", "ExpectedPersonBirthDate"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::child;

    const EXPECTED: &str = "<ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate>";

    #[test]
    fn unborn_child_with_sex_other_than_u_fails() {
        let xml = [
            child("A", &format!("{EXPECTED}<Sex>F</Sex>"), ""),
            child("B", &format!("{EXPECTED}<Sex>U</Sex>"), ""),
            child("C", EXPECTED, ""),
            // Born: the expected date is history.
            child(
                "D",
                &format!("{EXPECTED}<PersonBirthDate>2026-03-01</PersonBirthDate><Sex>M</Sex>"),
                "",
            ),
            child("E", "<Sex>M</Sex>", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8750, &xml),
            vec![
                ("ChildIdentifiers", 1, "A".into()),
                ("ChildIdentifiers", 3, "C".into())
            ]
        );
    }
}
