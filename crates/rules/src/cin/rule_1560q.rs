//! 1560Q: the former UPN is not in UPN format (DfE CIN census validation rules 2025-26).
//!
//! The format is the schema's UPN format: a letter, eleven digits, and a digit or a letter (so a
//! temporary UPN, which ends in a letter, is a well-formed former UPN). The DfE community tool
//! requires characters 2-13 all to be digits and so queries every temporary former UPN; the DfE
//! text asks only for "the correct format, as specified in the data table".

use super::util_a::child_id;
use crate::cin::{CinReturn, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use sightline_formats::cin::CinChild;

pub(crate) struct Rule1560Q;

static META: RuleMeta = RuleMeta {
    code: "1560Q",
    message: "Please check and either amend or provide a reason: Former UPN wrongly formatted",
    severity: Severity::Query,
    tables: &["ChildIdentifiers"],
    fields: &["FormerUPN"],
    years: Years::from(2023),
};

impl Rule for Rule1560Q {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_child(&self, _data: &CinReturn, child: &CinChild, out: &mut Findings) {
        // The reader keeps text of the UPN shape as a value and anything else as invalid text.
        if child.former_upn.is_invalid() {
            out.at(
                "ChildIdentifiers",
                child.position,
                child_id(child),
                &["FormerUPN"],
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
    fn malformed_former_upn_is_queried() {
        let xml = [
            child("A", "<FormerUPN>X987654321231</FormerUPN>", ""),
            child("B", "<FormerUPN>X0000y0000007</FormerUPN>", ""),
            child("C", "<FormerUPN>X98721238</FormerUPN>", ""),
            child("D", "<FormerUPN>X98765432123A</FormerUPN>", ""),
            child("E", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1560Q, &xml),
            vec![
                ("ChildIdentifiers", 2, "B".into()),
                ("ChildIdentifiers", 3, "C".into())
            ]
        );
    }
}
