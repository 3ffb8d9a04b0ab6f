//! 8510: more than one child record has the same LA child ID (DfE CIN census validation rules
//! 2025-26).
//!
//! Return-level: read from the identifiers the engine gathers ([`ReturnSummary::child_ids`]), one
//! finding per child sharing an id. Children without an id are left to 8500 (the DfE community
//! tool, through pandas, also counts two missing ids as duplicates).

use crate::cin::{CinReturn, ReturnSummary, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use std::collections::HashMap;

pub(crate) struct Rule8510;

static META: RuleMeta = RuleMeta {
    code: "8510",
    message: "More than one child record with the same LA Child ID",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["LAchildID"],
    years: Years::from(2023),
};

impl Rule for Rule8510 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_return(&self, _data: &CinReturn, summary: &ReturnSummary, out: &mut Findings) {
        let mut uses: HashMap<&str, u32> = HashMap::new();
        for (id, _) in summary.child_ids.iter().filter(|(id, _)| !id.is_empty()) {
            *uses.entry(id.as_str()).or_default() += 1;
        }
        for (id, position) in &summary.child_ids {
            if uses.get(id.as_str()).is_some_and(|n| *n > 1) {
                out.at("ChildIdentifiers", *position, Some(id), &["LAchildID"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::fixture::findings;
    use crate::cin::group_a::util_a::build::child;

    #[test]
    fn repeated_ids_fail_on_every_child() {
        let xml = [
            child("A", "", ""),
            child("B", "", ""),
            child("A", "", ""),
            child("", "", ""),
            child("", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule8510, &xml),
            vec![
                ("ChildIdentifiers", 1, "A".into()),
                ("ChildIdentifiers", 3, "A".into())
            ]
        );
    }

    #[test]
    fn unique_ids_pass() {
        let xml = [child("A", "", ""), child("B", "", "")].concat();
        assert!(findings(&Rule8510, &xml).is_empty());
    }
}
