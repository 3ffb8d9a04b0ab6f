//! 169: the local authority of the placement (derived from the placement postcode) is missing
//! for an episode that is not a short break (DfE 903 validation rules).
//!
//! `PL_LA` is derived here from the postcode reference: it is missing when the placement
//! postcode is blank, malformed or unknown to the reference, as in the tool.

use super::util_a::{id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule169;

static META: RuleMeta = RuleMeta {
    code: "169",
    message: "Local Authority (LA) of placement is not valid or is missing. Please check a valid postcode has been entered.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_LA"],
    years: Years::from(2023),
};

impl Rule for Rule169 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::Postcodes]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let Some(postcodes) = data.postcodes else {
            return;
        };
        for episode in &data.current.episodes {
            if is_short_break(&episode.ls) {
                continue;
            }
            let placement_la = episode.pl_post.value().and_then(|p| postcodes.authority(p));
            if placement_la.is_none() {
                out.at(
                    "Episodes",
                    episode.at.row_number,
                    id(&episode.child),
                    &["PL_LA"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_a::FakePostcodes;
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_placement_postcode_without_an_authority_fails() {
        // 1: known. 2: unknown. 3: blank. 4: malformed. 5: short break, blank.
        let t = tables(
            "//- Episodes
             CHILD,LS,PL_POST
             1,C2,LS1 1AA
             2,C2,ZZ9 9ZZ
             3,C2,
             4,C2,XX
             5,V4,",
        );
        let mut data = current(&t);
        data.postcodes = Some(&FakePostcodes);
        let expected: Vec<(u64, String)> = [2, 3, 4].map(|n| (n, n.to_string())).into();
        assert_eq!(findings(&Rule169, &data), expected);
    }

    #[test]
    fn without_the_postcode_reference_the_rule_is_skipped() {
        let t = tables("//- Episodes\nCHILD,LS\n1,C2");
        assert!(crate::ssda903::skip_reason(&Rule169, &current(&t)).is_some());
    }
}
