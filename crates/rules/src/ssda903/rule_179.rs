//! 179: the placement location (IN/OUT of the council's area, derived from the placement
//! postcode) is missing for an episode that is not a short break (DfE 903 validation rules).
//!
//! `PL_LOCATION` is derived from `PL_LA`, so it is missing exactly when the placement postcode
//! is blank, malformed or unknown to the postcode reference, as in the tool.

use super::util_a::{id, is_short_break};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule179;

static META: RuleMeta = RuleMeta {
    code: "179",
    message: "Placement location code is not a valid code.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_LOCATION"],
    years: Years::from(2023),
};

impl Rule for Rule179 {
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
            let located = episode
                .pl_post
                .value()
                .is_some_and(|p| postcodes.authority(p).is_some());
            if !located {
                out.at(
                    "Episodes",
                    episode.at.row_number,
                    id(&episode.child),
                    &["PL_LOCATION"],
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
    fn a_placement_that_cannot_be_located_fails() {
        // 1: known. 2: unknown. 3: blank. 4: short break, unknown.
        let t = tables(
            "//- Episodes
             CHILD,LS,PL_POST
             1,C2,HD2 1AA
             2,C2,ZZ9 9ZZ
             3,J1,
             4,V3,ZZ9 9ZZ",
        );
        let mut data = current(&t);
        data.postcodes = Some(&FakePostcodes);
        assert_eq!(
            findings(&Rule179, &data),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }

    #[test]
    fn without_the_postcode_reference_the_rule_is_skipped() {
        let t = tables("//- Episodes\nCHILD,LS\n1,C2");
        assert!(crate::ssda903::skip_reason(&Rule179, &current(&t)).is_some());
    }
}
