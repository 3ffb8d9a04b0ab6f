//! 243: a URN is given for a placement outside England, whose provider cannot be registered with
//! Ofsted (DfE 903 validation rules, from 2025-26).
//!
//! The placement authority (PL_LA) is derived from PL_POST through the postcode reference.

use super::util_b::{id, outside_england};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule243;

static META: RuleMeta = RuleMeta {
    code: "243",
    message: "Only placements with providers registered with Ofsted should have a URN reported.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_LA", "URN"],
    years: Years::from(2026),
};

impl Rule for Rule243 {
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
        for row in &data.current.episodes {
            let Some(pl_post) = row.pl_post.value() else {
                continue;
            };
            let outside = postcodes
                .authority(pl_post)
                .is_some_and(|la| outside_england(&la));
            if outside && !row.urn.is_blank() {
                out.at("Episodes", row.at.row_number, id(&row.child), &["URN"]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_b::testing::FakePostcodes;
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn urns_for_placements_outside_england_fail() {
        let t = tables(
            "//- Episodes
             CHILD,PL_POST,URN
             1,M1 1AE,SC000001
             2,BT1 1AA,XXXXXXX
             3,CF10 1AA,
             4,ZZ9 9ZZ,SC000002",
        );
        let postcodes = FakePostcodes(vec![
            ("M1 1AE", "E08000003", 0.0, 0.0),
            ("BT1 1AA", "N09000003", 0.0, 0.0),
            ("CF10 1AA", "W06000015", 0.0, 0.0),
        ]);
        let mut data = current(&t);
        data.postcodes = Some(&postcodes);
        assert_eq!(findings(&Rule243, &data), vec![(2, "2".into())]);
    }
}
