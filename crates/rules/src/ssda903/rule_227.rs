//! 227: the URN's provider was not registered on the episode start date (DfE 903 validation rules).
//!
//! Needs Ofsted's lists of children's homes and social care providers: each URN's registration date, to compare with DECOM. Sightline does
//! not load those lists yet, so the rule declares [`Needs::OfstedProviders`] and the engine
//! reports it skipped with that reason; the check is written when the lists become part of
//! [`Ssda903Return`].

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule227;

static META: RuleMeta = RuleMeta {
    code: "227",
    message: "Ofsted Unique reference number (URN) is not valid for the episode start date.",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["DECOM", "URN"],
    years: Years::from(2023),
};

impl Rule for Rule227 {
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
        let reason = skip_reason(&Rule227, &current(&t));
        assert_eq!(
            reason.as_deref(),
            Some("needs Ofsted's provider lists, which Sightline does not load yet")
        );
    }
}
