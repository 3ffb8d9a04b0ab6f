//! 8520: the date of birth is after the reference date (DfE CIN census validation rules 2025-26).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8520;

static META: RuleMeta = RuleMeta {
    code: "8520",
    message: "Date of Birth is after data collection period (must be on or before the end of the census period)",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["PersonBirthDate", "ReferenceDate"],
    years: Years::from(2023),
};

impl Rule for Rule8520 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child
            .person_birth_date
            .value()
            .is_some_and(|born| *born > data.reference_date())
        {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["PersonBirthDate"],
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
    fn birth_after_reference_date_fails() {
        let xml = [
            child("A", "<PersonBirthDate>2026-03-31</PersonBirthDate>", ""),
            child("B", "<PersonBirthDate>2026-04-01</PersonBirthDate>", ""),
            child("C", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8520, &xml),
            vec![("ChildIdentifiers", 2, "B".into())]
        );
    }
}
