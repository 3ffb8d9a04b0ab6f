//! 219: the placement type is not one the URN is registered for in Ofsted's provider lists (DfE
//! 903 validation rules: "If URN provided and not XXXXXXX then PL must = any URN Lookup placement
//! code of matching URN").
//!
//! A URN missing from the lists, or a placement type that is blank or not a code, is not compared
//! here (rules 1008 and 103 report those); the DfE tool reports both here too.

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::urn::{child_of, episodes_with_urn};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule219;

static META: RuleMeta = RuleMeta {
    code: "219",
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement type recorded.",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["PLACE", "URN"],
    years: Years::from(2023),
};

impl Rule for Rule219 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::OfstedProviders]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (row, _, providers) in episodes_with_urn(data) {
            let Some(place) = row.place.value().map(|p| p.code()) else {
                continue;
            };
            let registered = providers
                .iter()
                .any(|p| p.place_codes.iter().any(|c| c == place));
            if !providers.is_empty() && !registered {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    child_of(row),
                    &["PLACE", "URN"],
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
            skip_reason(&Rule219, &current(&t)).as_deref(),
            Some(PROVIDERS_NOT_SUPPLIED)
        );
    }

    #[test]
    fn a_placement_type_the_urn_is_not_registered_for_fails() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,URN
             1,K2,SC000001
             2,K1,SC000001
             3,K1,SC000002
             4,K2,SC999999
             5,K2,XXXXXXX",
        );
        let providers = list("SC000001;K2/R3;PR4;;\nSC000002;K1;PR1;;");
        let mut data = current(&t);
        data.providers = Some(&providers);
        assert_eq!(findings(&Rule219, &data), vec![(2, "2".into())]);
    }
}
