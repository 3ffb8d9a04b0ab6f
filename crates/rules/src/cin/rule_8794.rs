//! 8794: a child has the same disability code more than once (DfE CIN census validation rules
//! 2025-26). One finding per child, on `Disabilities` with the child's position.
//!
//! Codes compare as the reader parses them (letter case ignored: `mob` repeats `MOB`); text that
//! is not a code compares trimmed and upper-cased. `NONE` twice is a repeat too. The DfE tool
//! flags each repeated row; they would all carry the child's position here.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{Cell, CinChild};
use std::collections::HashSet;

pub(crate) struct Rule8794;

static META: RuleMeta = RuleMeta {
    code: "8794",
    message: "Child has two or more disabilities with the same code",
    severity: Severity::Error,
    tables: &["Disabilities"],
    fields: &["Disability"],
    years: Years::from(2023),
};

impl Rule for Rule8794 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let mut seen = HashSet::new();
        let repeated = child.disabilities.iter().any(|d| {
            let key = match &d.value {
                Cell::Value(code) => code.code().to_owned(),
                Cell::Invalid(text) => text.trim().to_uppercase(),
                Cell::Blank => return false,
            };
            !seen.insert(key)
        });
        if repeated {
            out.at(
                "Disabilities",
                child.position,
                child_id(child),
                &["Disability"],
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_b::util_b::build::child;

    fn disabilities(codes: &[&str]) -> String {
        let inner: String = codes
            .iter()
            .map(|c| format!("<Disability>{c}</Disability>"))
            .collect();
        format!("<ChildCharacteristics><Disabilities>{inner}</Disabilities></ChildCharacteristics>")
    }

    #[test]
    fn repeated_disability_code_fails() {
        let xml = [
            child("A", "", &disabilities(&["MOB", "HAND", "mob"])),
            child("B", "", &disabilities(&["MOB", "HAND"])),
            child("C", "", &disabilities(&["NONE", "NONE"])),
            child("D", "", &disabilities(&["", ""])),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8794, &xml),
            vec![
                ("Disabilities", 1, "A".into()),
                ("Disabilities", 3, "C".into())
            ]
        );
    }
}
