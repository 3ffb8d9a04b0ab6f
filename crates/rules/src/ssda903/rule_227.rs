//! 227: the placement started on or after the URN's registration ended (DfE 903 validation
//! rules: "if URN and REG_END are provided then DECOM must be before REG_END").
//!
//! A URN with several rows in the lists passes when one of them was registered on DECOM; a URN
//! missing from the lists or an invalid DECOM is not compared.

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::urn::{child_of, episodes_with_urn};
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

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (row, _, providers) in episodes_with_urn(data) {
            let Some(decom) = row.decom.value() else {
                continue;
            };
            let open_on_start = providers
                .iter()
                .any(|p| p.registration_end.is_none_or(|end| *decom < end));
            if !providers.is_empty() && !open_on_start {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    child_of(row),
                    &["DECOM", "URN"],
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
            skip_reason(&Rule227, &current(&t)).as_deref(),
            Some(PROVIDERS_NOT_SUPPLIED)
        );
    }

    #[test]
    fn a_placement_starting_after_deregistration_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,URN
             1,30/06/2025,SC000001
             2,01/07/2025,SC000001
             3,01/07/2025,SC000002",
        );
        let providers = list("SC000001;K2;PR4;01/07/2025;\nSC000002;K2;PR4;;");
        let mut data = current(&t);
        data.providers = Some(&providers);
        assert_eq!(findings(&Rule227, &data), vec![(2, "2".into())]);
    }
}
