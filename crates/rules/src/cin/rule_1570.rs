//! 1570: the LA child ID is longer than 20 characters (DfE CIN census validation rules 2024-25
//! onward).

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1570;

static META: RuleMeta = RuleMeta {
    code: "1570",
    message: "LA Child ID must not be longer than 20 characters",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["LAchildID"],
    years: Years::from(2025),
};

impl Rule for Rule1570 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        if child_id(child).is_some_and(|id| id.chars().count() > 20) {
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
    fn twenty_one_characters_fail() {
        let twenty = "X".repeat(20);
        let twenty_one = "X".repeat(21);
        let xml = [child(&twenty, "", ""), child(&twenty_one, "", "")].concat();
        assert_eq!(
            findings(&Rule1570, &xml),
            vec![("ChildIdentifiers", 2, twenty_one)]
        );
    }
}
