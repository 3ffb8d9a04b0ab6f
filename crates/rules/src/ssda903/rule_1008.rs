//! 1008: the Ofsted URN of a placement is not in Ofsted's provider lists (DfE 903 validation
//! rules). A URN given and not the `XXXXXXX` placeholder must be one of the listed URNs (compared
//! trimmed, in upper case).

use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::urn::{child_of, episodes_with_urn};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule1008;

static META: RuleMeta = RuleMeta {
    code: "1008",
    message: "Ofsted Unique Reference Number (URN) is not valid.",
    severity: Severity::Error,
    tables: &["Episodes", "OfstedProviderLists"],
    fields: &["URN"],
    years: Years::from(2023),
};

impl Rule for Rule1008 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::OfstedProviders]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for (row, _, providers) in episodes_with_urn(data) {
            if providers.is_empty() {
                out.at("Episodes", row.at.row_number, child_of(row), &["URN"]);
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
            skip_reason(&Rule1008, &current(&t)).as_deref(),
            Some(PROVIDERS_NOT_SUPPLIED)
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
             5,sc999999",
        );
        let providers = list("SC999999;K2;PR4;;\n1234567;K2;PR4;;");
        let mut data = current(&t);
        data.providers = Some(&providers);
        assert_eq!(findings(&Rule1008, &data), vec![(4, "4".into())]);
    }
}
