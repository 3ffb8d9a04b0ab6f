//! 8500: the LA child ID is missing (DfE CIN census validation rules 2025-26).

use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule8500;

static META: RuleMeta = RuleMeta {
    code: "8500",
    message: "LA Child ID missing",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["LAchildID"],
    years: Years::from(2023),
};

impl Rule for Rule8500 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child.la_child_id.value().is_none() {
            out.at("ChildIdentifiers", child.position, None, &["LAchildID"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::child;

    #[test]
    fn blank_or_absent_id_fails() {
        let xml = [
            child("A", "", ""),
            child(" ", "", ""),
            "<Child><ChildIdentifiers/></Child>".to_owned(),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8500, &xml),
            vec![
                ("ChildIdentifiers", 2, String::new()),
                ("ChildIdentifiers", 3, String::new())
            ]
        );
    }
}
