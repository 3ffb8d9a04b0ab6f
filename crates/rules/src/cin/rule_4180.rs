//! 4180: the child's sex is missing or not M, F or U (DfE CIN census validation rules 2024-25
//! onward, when `Sex` replaced `GenderCurrent`).
//!
//! A child that still has the legacy `GenderCurrent` element has no `Sex` and fails. Known gap:
//! the reader also accepts the legacy codes 1/2/0/9 inside `Sex` and keeps only the parsed value,
//! so `<Sex>1</Sex>` cannot be told from `<Sex>M</Sex>` here and passes (the DfE community tool
//! fails it).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule4180;

static META: RuleMeta = RuleMeta {
    code: "4180",
    message: "Sex is missing",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["Sex"],
    years: Years::from(2025),
};

impl Rule for Rule4180 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child.sex.value().is_none() || child.sex_is_legacy_gender {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["Sex"],
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
    fn missing_invalid_or_legacy_sex_fails() {
        let xml = [
            child("A", "<Sex>M</Sex>", ""),
            child("B", "<Sex>F</Sex>", ""),
            child("C", "<Sex>U</Sex>", ""),
            child("D", "", ""),
            child("E", "<Sex>Male</Sex>", ""),
            child("F", "<GenderCurrent>1</GenderCurrent>", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule4180, &xml),
            vec![
                ("ChildIdentifiers", 4, "D".into()),
                ("ChildIdentifiers", 5, "E".into()),
                ("ChildIdentifiers", 6, "F".into())
            ]
        );
    }
}
