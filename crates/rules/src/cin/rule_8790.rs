//! 8790: a child's disabilities include `NONE` together with other values (DfE CIN census
//! validation rules 2025-26). One finding per child, on `Disabilities` with the child's position.
//!
//! Any other disability element holding text counts, valid code or not (8540 reports unknown
//! codes). The DfE tool flags each other value; their rows would all carry the child's position
//! here, so one finding stands for them.

use super::util_b::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::{Cell, CinChild};
use sightline_model::codes::Disability;

pub(crate) struct Rule8790;

static META: RuleMeta = RuleMeta {
    code: "8790",
    message: "Disability information includes both None and other values",
    severity: Severity::Error,
    tables: &["Disabilities"],
    fields: &["Disability"],
    years: Years::from(2023),
};

impl Rule for Rule8790 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        let is_none = |cell: &Cell<Disability>| cell.get() == Some(Disability::NONE);
        let has_none = child.disabilities.iter().any(|d| is_none(&d.value));
        let has_other = child
            .disabilities
            .iter()
            .any(|d| !d.value.is_blank() && !is_none(&d.value));
        if has_none && has_other {
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
    fn none_with_other_values_fails() {
        let xml = [
            child("A", "", &disabilities(&["NONE", "MOB"])),
            child("B", "", &disabilities(&["NONE"])),
            child("C", "", &disabilities(&["MOB", "HAND"])),
            child("D", "", &disabilities(&["XYZ", "none"])),
            child("E", "", &disabilities(&["NONE", "NONE"])),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8790, &xml),
            vec![
                ("Disabilities", 1, "A".into()),
                ("Disabilities", 4, "D".into())
            ]
        );
    }
}
