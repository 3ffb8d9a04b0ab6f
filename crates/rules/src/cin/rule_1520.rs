//! 1520: the same UPN is used by more than one child in the return (DfE CIN census validation
//! rules 2025-26).
//!
//! Return-level: read from the UPNs the engine gathers ([`ReturnSummary::upns`]), one finding per
//! child sharing a UPN. The summary holds only UPNs of the UPN shape, so two children sharing a
//! malformed UPN are not reported here (1530-1550 report the shape). The DfE community tool
//! compares any text.

use crate::cin::{CinReturn, ReturnSummary, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use std::collections::HashMap;

pub(crate) struct Rule1520;

static META: RuleMeta = RuleMeta {
    code: "1520",
    message: "More than one record with the same UPN.",
    severity: Severity::Error,
    tables: &["ChildIdentifiers"],
    fields: &["UPN"],
    years: Years::from(2023),
};

impl Rule for Rule1520 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_return(&self, _data: &CinReturn, summary: &ReturnSummary, out: &mut Findings) {
        let mut uses: HashMap<&str, u32> = HashMap::new();
        for (upn, _, _) in &summary.upns {
            *uses.entry(upn.as_str()).or_default() += 1;
        }
        for (upn, position, id) in &summary.upns {
            if uses.get(upn.as_str()).is_some_and(|n| *n > 1) {
                let id = (!id.is_empty()).then_some(id.as_str());
                out.at("ChildIdentifiers", *position, id, &["UPN"]);
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
    fn shared_upns_fail_on_every_child() {
        let xml = [
            child("A", "<UPN>A950000178301</UPN>", ""),
            child("B", "<UPN>H243278544154</UPN>", ""),
            child("C", "<UPN>A950000178301</UPN>", ""),
            child("D", "", ""),
            child("E", "", ""),
        ]
        .concat();
        assert_eq!(
            findings(&Rule1520, &xml),
            vec![
                ("ChildIdentifiers", 1, "A".into()),
                ("ChildIdentifiers", 3, "C".into())
            ]
        );
    }

    #[test]
    fn distinct_upns_pass() {
        let xml = [
            child("A", "<UPN>A950000178301</UPN>", ""),
            child("B", "<UPN>H243278544154</UPN>", ""),
        ]
        .concat();
        assert!(findings(&Rule1520, &xml).is_empty());
    }
}
