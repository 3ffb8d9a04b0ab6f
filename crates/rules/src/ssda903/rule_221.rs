//! 221: the placement postcode is not the postcode Ofsted lists for the URN (DfE 903 validation
//! rules: for a URN given and not XXXXXXX, LS not V3/V4, PL K1, K2, K3, R3 or S1 and PL_POST
//! given, PL_POST must equal the URN lookup's provider postcode).
//!
//! Postcodes are compared without spaces and in upper case. A URN missing from the lists, or one
//! listed without a postcode, is not compared (the DfE tool reports both: its comparison with a
//! missing value is true).

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::urn::{child_of, episodes_with_urn};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule221;

static META: RuleMeta = RuleMeta {
    code: "221",
    message: "The Ofsted Unique reference number (URN) provided for the child's placement does not match the placement postcode provided.",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["PL_POST"],
    years: Years::from(2023),
};

impl Rule for Rule221 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::OfstedProviders]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        use sightline_model::codes::PlacementType::{K1, K2, K3, R3, S1};
        for (row, _, providers) in episodes_with_urn(data) {
            let short_break = row.ls.value().is_some_and(|ls| ls.is_short_break());
            let residential = matches!(row.place.value(), Some(K1 | K2 | K3 | R3 | S1));
            let Some(postcode) = row.pl_post.value() else {
                continue;
            };
            if short_break || !residential {
                continue;
            }
            let compact: String = postcode.as_str().split_whitespace().collect();
            let listed: Vec<&str> = providers
                .iter()
                .filter_map(|p| p.postcode.as_deref())
                .collect();
            if !listed.is_empty() && !listed.contains(&compact.as_str()) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    child_of(row),
                    &["PL_POST", "URN"],
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
            skip_reason(&Rule221, &current(&t)).as_deref(),
            Some(PROVIDERS_NOT_SUPPLIED)
        );
    }

    #[test]
    fn a_placement_postcode_other_than_the_providers_fails() {
        let t = tables(
            "//- Episodes
             CHILD,LS,PLACE,PL_POST,URN
             1,C2,K2,HD1 2AB,SC000001
             2,C2,K2,LS1 1AA,SC000001
             3,V3,K2,LS1 1AA,SC000001
             4,C2,U1,LS1 1AA,SC000001
             5,C2,K2,LS1 1AA,SC000002",
        );
        let providers = list("SC000001;K2;PR4;;hd1 2ab\nSC000002;K2;PR4;;");
        let mut data = current(&t);
        data.providers = Some(&providers);
        assert_eq!(findings(&Rule221, &data), vec![(2, "2".into())]);
    }
}
