//! 241: a supported accommodation (K3) placement is in an LA where the provider has no premises
//! (DfE 903 validation rules, from 2025-26: "if URN provided and not XXXXXXX and PL = K3 then
//! PL_LA must equal Ofsted URN lookup LA code for that URN, where there may be more than one LA
//! per provider").
//!
//! PL_LA is the authority of PL_POST and the provider's LAs those of its listed postcodes, both
//! from the postcode reference. A URN missing from the lists, or a postcode the reference does
//! not know, is not compared. The DfE tool compares PL_LA with the submitting council instead,
//! which reports every K3 placement outside the council's area whatever the provider.

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::urn::{child_of, episodes_with_urn};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::ids::Postcode;

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
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::OfstedProviders,
            Needs::Postcodes,
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(postcodes) = data.postcodes else {
            return;
        };
        for (row, _, providers) in episodes_with_urn(data) {
            if row.place.value() != Some(&sightline_model::codes::PlacementType::K3) {
                continue;
            }
            let Some(pl_la) = row.pl_post.value().and_then(|p| postcodes.authority(p)) else {
                continue;
            };
            let premises: Vec<String> = providers
                .iter()
                .filter_map(|p| p.postcode.as_deref())
                .filter_map(|p| postcodes.authority(&Postcode::normalised(p)))
                .collect();
            if !premises.is_empty() && !premises.iter().any(|a| a.eq_ignore_ascii_case(&pl_la)) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    child_of(row),
                    &["PL_LA", "URN"],
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
            skip_reason(&Rule241, &current(&t)).as_deref(),
            Some(PROVIDERS_NOT_SUPPLIED)
        );
    }

    /// Kirklees (HD) and Leeds (LS) postcodes.
    struct TwoCouncils;

    impl crate::ssda903::PostcodeReference for TwoCouncils {
        fn is_known(&self, _: &Postcode) -> bool {
            true
        }
        fn distance_miles(&self, _: &Postcode, _: &Postcode) -> Option<f64> {
            None
        }
        fn authority(&self, postcode: &Postcode) -> Option<String> {
            let p = postcode.as_str();
            if p.starts_with("HD") {
                Some("E08000034".into())
            } else if p.starts_with("LS") {
                Some("E08000035".into())
            } else {
                None
            }
        }
    }

    #[test]
    fn a_k3_placement_outside_the_providers_areas_fails() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,PL_POST,URN
             1,K3,HD1 2AB,SC000001
             2,K3,LS1 1AA,SC000001
             3,K2,LS1 1AA,SC000001
             4,K3,LS2 2BB,SC000002",
        );
        // SC000002 has premises in both councils.
        let providers =
            list("SC000001;K3;PR4;;HD1 3CD\nSC000002;K3;PR4;;HD1 3CD\nSC000002;K3;PR4;;LS9 9ZZ");
        let mut data = current(&t);
        data.providers = Some(&providers);
        data.postcodes = Some(&TwoCouncils);
        assert_eq!(findings(&Rule241, &data), vec![(2, "2".into())]);
    }
}
