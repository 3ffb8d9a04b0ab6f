//! 229: own-LA provision (PR1) at a provider outside the council, or other-LA provision (PR2) at
//! one inside it (DfE 903 validation rules, 2025-26: for a URN given and not XXXXXXX and PL not
//! K3, P1, P3, R1, R2, R5, T0-T4 or Z11-Z14, PR1 needs the URN lookup's LA to be the council's and
//! PR2 needs it to differ).
//!
//! The provider's LA is the authority its listed postcode lies in (from the postcode reference,
//! as the DfE tool infers it); the council's is the one the reference gives for `--la`. A URN
//! missing from the lists, or whose postcode is unknown, is not compared.

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::urn::{child_of, episodes_with_urn};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::ids::Postcode;

pub(crate) struct Rule229;

static META: RuleMeta = RuleMeta {
    code: "229",
    message: "Placement provider does not match between the placing authority and the local authority code of the provider. [NOTE: The provider's LA code is inferred from the its postcode, and may be inaccurate in some cases.]",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["PLACE_PROVIDER", "URN"],
    years: Years::from(2023),
};

impl Rule for Rule229 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[
            Needs::Table(Ssda903Table::Episodes),
            Needs::OfstedProviders,
            Needs::Postcodes,
            Needs::LaCode,
        ]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        use sightline_model::codes::PlacementProvider::{PR1, PR2};
        use sightline_model::codes::PlacementType::*;
        let (Some(postcodes), Some(la)) = (data.postcodes, data.la_code) else {
            return;
        };
        let Some(own) = postcodes.council_authority(la) else {
            return;
        };
        for (row, _, providers) in episodes_with_urn(data) {
            let excluded = matches!(
                row.place.value(),
                Some(K3 | P1 | P3 | R1 | R2 | R5 | T0 | T1 | T2 | T3 | T4 | Z11 | Z12 | Z13 | Z14)
            );
            let provider = row.place_provider.value();
            if excluded || !matches!(provider, Some(PR1 | PR2)) {
                continue;
            }
            let authorities: Vec<String> = providers
                .iter()
                .filter_map(|p| p.postcode.as_deref())
                .filter_map(|p| postcodes.authority(&Postcode::normalised(p)))
                .collect();
            if authorities.is_empty() {
                continue;
            }
            let inside = authorities.iter().any(|a| a.eq_ignore_ascii_case(&own));
            let wrong = match provider {
                Some(PR1) => !inside,
                _ => inside,
            };
            if wrong {
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
            skip_reason(&Rule229, &current(&t)).as_deref(),
            Some(PROVIDERS_NOT_SUPPLIED)
        );
    }

    /// Kirklees (HD) and Leeds (LS) postcodes; council 382 is Kirklees.
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
        fn council_authority(&self, la: sightline_model::ids::LaCode) -> Option<String> {
            (la.to_string() == "382").then(|| "E08000034".to_owned())
        }
    }

    #[test]
    fn own_provision_elsewhere_and_other_provision_at_home_fail() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,PLACE_PROVIDER,URN
             1,K2,PR1,SC000001
             2,K2,PR1,SC000002
             3,K2,PR2,SC000001
             4,K2,PR2,SC000002
             5,R1,PR1,SC000002
             6,K2,PR1,SC000003",
        );
        let providers =
            list("SC000001;K2;PR1;;HD1 2AB\nSC000002;K2;PR2;;LS1 1AA\nSC000003;K2;PR1;;");
        let mut data = current(&t);
        data.providers = Some(&providers);
        data.postcodes = Some(&TwoCouncils);
        data.la_code = "382".parse().ok();
        assert_eq!(
            findings(&Rule229, &data),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
