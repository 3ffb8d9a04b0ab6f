//! 1008: the Ofsted URN of a placement is not in Ofsted's provider lists (DfE 903 validation
//! rules).
//!
//! Needs Ofsted's lists of children's homes and social care providers, which Sightline does not
//! load yet: the rule declares [`Needs::OfstedProviders`] and the engine reports it skipped with
//! that reason. The comparison itself is written ([`report_unknown_urns`]) so that it runs the
//! day the lists become part of [`Ssda903Return`]: a URN given and not the `XXXXXXX` placeholder
//! must be one of the listed URNs (compared as trimmed text).

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use std::collections::HashSet;

pub(crate) struct Rule1008;

static META: RuleMeta = RuleMeta {
    code: "1008",
    message: "Ofsted Unique Reference Number (URN) is not valid.",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["URN"],
    years: Years::from(2023),
};

/// Reports the episodes whose URN is not among `known` URNs.
fn report_unknown_urns(data: &Ssda903Return, known: &HashSet<&str>, out: &mut Findings) {
    for row in &data.current.episodes {
        let Some(urn) = row.urn.value().map(|u| u.trim()) else {
            continue;
        };
        if urn != "XXXXXXX" && !known.contains(urn) {
            out.at("Episodes", row.at.row_number, id(&row.child), &["URN"]);
        }
    }
}

impl Rule for Rule1008 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::OfstedProviders]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        // The engine skips the rule while the provider lists are absent; with no list every URN
        // would be unknown, so an empty list is never checked against.
        let known: HashSet<&str> = HashSet::new();
        if !known.is_empty() {
            report_unknown_urns(data, &known, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, tables};
    use crate::ssda903::skip_reason;

    #[test]
    fn is_skipped_for_want_of_the_provider_lists() {
        let t = tables(
            "//- Episodes
             CHILD,URN
             1,SC000001",
        );
        assert_eq!(
            skip_reason(&Rule1008, &current(&t)).as_deref(),
            Some("needs Ofsted's provider lists, which Sightline does not load yet")
        );
    }

    #[test]
    fn urns_missing_from_the_lists_fail() {
        let t = tables(
            "//- Episodes
             CHILD,URN
             1,SC999999
             2,
             3,XXXXXXX
             4,2345
             5,XXXXXX",
        );
        let known: HashSet<&str> = ["SC999999", "1234567"].into_iter().collect();
        let mut out = Findings::new(Rule1008.meta());
        report_unknown_urns(&current(&t), &known, &mut out);
        let rows: Vec<Option<u64>> = out.into_vec().iter().map(|f| f.row_number).collect();
        assert_eq!(rows, vec![Some(4), Some(5)]);
    }
}
