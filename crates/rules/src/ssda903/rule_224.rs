//! 224: the placement provider is not the provider type Ofsted lists for the URN (DfE 903
//! validation rules: "If URN provided and not XXXXXXX then PLACE_PROVIDER must = URN Lookup
//! PLACE_PROVIDER").
//!
//! A URN missing from the lists, or a provider that is blank or not a code, is not compared here
//! (rules 1008 and 104 report those); the DfE tool reports both here too.

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::urn::{child_of, episodes_with_urn};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule224;

static META: RuleMeta = RuleMeta {
    code: "224",
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement provider recorded.",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["PLACE_PROVIDER"],
    years: Years::from(2023),
};

impl Rule for Rule224 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::OfstedProviders]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (row, _, providers) in episodes_with_urn(data) {
            let Some(provider) = row.place_provider.value().map(|p| p.code()) else {
                continue;
            };
            let listed = providers
                .iter()
                .any(|p| p.provider_codes.iter().any(|c| c == provider));
            if !providers.is_empty() && !listed {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    child_of(row),
                    &["PLACE_PROVIDER", "URN"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};
    use crate::ssda903::urn::list;
    use crate::ssda903::{PROVIDERS_NOT_SUPPLIED, skip_reason};

    #[test]
    fn is_skipped_without_the_provider_lists() {
        let t = tables(
            "//- Episodes
             CHILD,URN
             1,SC000001",
        );
        assert_eq!(
            skip_reason(&Rule224, &current(&t)).as_deref(),
            Some(PROVIDERS_NOT_SUPPLIED)
        );
    }

    #[test]
    fn a_provider_type_other_than_the_listed_one_fails() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE_PROVIDER,URN
             1,PR4,SC000001
             2,PR1,SC000001
             3,PR5,SC000001
             4,PR1,SC999999",
        );
        let providers = list("SC000001;K2;PR4,PR5;;");
        let mut data = current(&t);
        data.providers = Some(&providers);
        assert_eq!(findings(&Rule224, &data), vec![(2, "2".into())]);
    }
}
