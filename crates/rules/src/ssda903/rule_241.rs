//! 241: a supported accommodation (K3) placement is in an LA where the provider has no premises (DfE 903 validation rules, from 2025-26).
//!
//! Needs Ofsted's lists of children's homes and social care providers: the local authorities where each URN's provider has premises, to compare with PL_LA for K3 placements (the tool compares PL_LA with the submitting council instead, which reports every K3 placement outside the council's area). Sightline does
//! not load those lists yet, so the rule declares [`Needs::OfstedProviders`] and the engine
//! reports it skipped with that reason; the check is written when the lists become part of
//! [`Ssda903Return`].

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule241;

static META: RuleMeta = RuleMeta {
    code: "241",
    message: "LA of placement is not an LA the provider has premises.",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["URN"],
    years: Years::from(2026),
};

impl Rule for Rule241 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::OfstedProviders]
    }

    fn check(&self, _data: &Ssda903Return, _out: &mut Findings) {
        // Never called: the engine skips the rule because the provider lists are absent.
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
             CHILD,PLACE,URN
             1,K2,SC000001",
        );
        let reason = skip_reason(&Rule241, &current(&t));
        assert_eq!(
            reason.as_deref(),
            Some("needs Ofsted's provider lists, which Sightline does not load yet")
        );
    }
}
