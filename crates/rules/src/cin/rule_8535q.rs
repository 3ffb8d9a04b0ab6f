//! 8535Q: the child's date of death is before the date of birth (DfE CIN census validation rules
//! 2025-26).
//!
//! As in the DfE community tool: a death date with no birth date is queried too, unless the child
//! died unborn (an expected birth date after the death). A birth date that does not parse is left
//! to the date rules.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{Cell, CinChild};

pub(crate) struct Rule8535Q;

static META: RuleMeta = RuleMeta {
    code: "8535Q",
    message: "Please check and either amend data or provide a reason: Child’s date of death should not be prior to the date of birth",
    severity: Severity::Query,
    tables: &["ChildIdentifiers"],
    fields: &["PersonDeathDate", "PersonBirthDate"],
    years: Years::from(2023),
};

impl Rule for Rule8535Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let Some(death) = child.person_death_date.value() else {
            return;
        };
        if child
            .expected_person_birth_date
            .value()
            .is_some_and(|expected| expected > death)
        {
            return;
        }
        let fails = match &child.person_birth_date {
            Cell::Value(born) => born > death,
            Cell::Blank => true,
            Cell::Invalid(_) => false,
        };
        if fails {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["PersonDeathDate", "PersonBirthDate"],
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
    fn death_before_birth_is_queried() {
        let xml = [
            child(
                "A",
                "<PersonBirthDate>2020-05-26</PersonBirthDate><PersonDeathDate>2020-05-26</PersonDeathDate>",
                "",
            ),
            child(
                "B",
                "<PersonBirthDate>2020-05-26</PersonBirthDate><PersonDeathDate>2020-05-25</PersonDeathDate>",
                "",
            ),
            // Died unborn.
            child(
                "C",
                "<ExpectedPersonBirthDate>2025-08-01</ExpectedPersonBirthDate><PersonDeathDate>2025-06-01</PersonDeathDate>",
                "",
            ),
            // Died with no birth date and no later expected date.
            child("D", "<PersonDeathDate>2025-06-01</PersonDeathDate>", ""),
            child("E", "<PersonBirthDate>2020-05-26</PersonBirthDate>", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8535Q, &xml),
            vec![
                ("ChildIdentifiers", 2, "B".into()),
                ("ChildIdentifiers", 4, "D".into())
            ]
        );
    }
}
