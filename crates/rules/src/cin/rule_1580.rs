//! 1580: the LA child ID contains characters other than letters and digits (DfE CIN census
//! validation rules 2024-25 onward). Letters and digits are Unicode ones, as Python's
//! `str.isalnum` in the DfE community tool.

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1580;

static META: RuleMeta = RuleMeta {
    code: "1580",
    message: "LA Child ID must not contain any non-alphanumeric characters",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["LAchildID"],
    years: Years::from(2025),
};

impl Rule for Rule1580 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child_id(child).is_some_and(|id| !id.chars().all(char::is_alphanumeric)) {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["LAchildID"],
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
    fn punctuation_and_inner_spaces_fail() {
        let xml = [
            child("AB12", "", ""),
            child("AB-12", "", ""),
            child("AB 12", "", ""),
            child("AB;", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1580, &xml),
            vec![
                ("ChildIdentifiers", 2, "AB-12".into()),
                ("ChildIdentifiers", 3, "AB 12".into()),
                ("ChildIdentifiers", 4, "AB;".into())
            ]
        );
    }
}
