//! 228: the placement ended after the URN's registration ended, or is open at the year end when
//! the registration ended before it (DfE 903 validation rules: "DEC if provided must be <=
//! REG_END, or if not provided then the collection end date must be <= REG_END").
//!
//! A URN with several rows in the lists passes when one of them was registered then; a URN
//! missing from the lists or an invalid DEC is not compared.

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::urn::{child_of, episodes_with_urn};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule228;

static META: RuleMeta = RuleMeta {
    code: "228",
    message: "Ofsted Unique reference number (URN) is not valid for the episode end date [NOTE: may give false positives on open episodes at providers who close during the year]",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["DEC", "URN"],
    years: Years::from(2023),
};

impl Rule for Rule228 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::OfstedProviders]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let year_end = data.year_end();
        for (row, _, providers) in episodes_with_urn(data) {
            let end = match &row.dec {
                sightline_formats::ssda903::Cell::Value(dec) => *dec,
                sightline_formats::ssda903::Cell::Blank => year_end,
                sightline_formats::ssda903::Cell::Invalid(_) => continue,
            };
            let registered_then = providers
                .iter()
                .any(|p| p.registration_end.is_none_or(|reg_end| end <= reg_end));
            if !providers.is_empty() && !registered_then {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    child_of(row),
                    &["DEC", "URN"],
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
            skip_reason(&Rule228, &current(&t)).as_deref(),
            Some(PROVIDERS_NOT_SUPPLIED)
        );
    }

    #[test]
    fn a_placement_ending_after_deregistration_fails() {
        let t = tables(
            "//- Episodes
             CHILD,DEC,URN
             1,01/07/2025,SC000001
             2,02/07/2025,SC000001
             3,,SC000001
             4,,SC000002",
        );
        let providers = list("SC000001;K2;PR4;01/07/2025;\nSC000002;K2;PR4;;");
        let mut data = current(&t);
        data.providers = Some(&providers);
        assert_eq!(
            findings(&Rule228, &data),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
