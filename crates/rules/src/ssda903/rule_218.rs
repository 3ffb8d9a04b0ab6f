//! 218: a URN is required for a placement whose provider is registered with Ofsted (DfE 903
//! validation rules, 2025-26 list).
//!
//! Applies to episodes open at or ending after the start of the collection year whose placement
//! type is not one without Ofsted registration (see `util_b::NO_URN_PLACEMENTS`; the tool's
//! 2025-26 list, plus the withdrawn H5, P2 and Z1). Placements outside England need none: the
//! placement authority comes from the postcode reference when one is supplied; without it every
//! placement is taken to be in England.

use super::util_b::{NO_URN_PLACEMENTS, id, outside_england};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, EpisodeRow, Ssda903Table};

pub(crate) struct Rule218;

static META: RuleMeta = RuleMeta {
    code: "218",
    message: "Ofsted Unique reference number (URN) is required.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["URN"],
    years: Years::from(2023),
};

fn placed_outside_england(row: &EpisodeRow, data: &Ssda903Return) -> bool {
    let (Some(postcodes), Some(pl_post)) = (data.postcodes, row.pl_post.value()) else {
        return false;
    };
    postcodes
        .authority(pl_post)
        .is_some_and(|la| outside_england(&la))
}

impl Rule for Rule218 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        for row in &data.current.episodes {
            let needs_urn = match &row.place {
                Cell::Value(place) => !NO_URN_PLACEMENTS.contains(place),
                Cell::Blank => true,
                Cell::Invalid(_) => false,
            };
            let in_year = match &row.dec {
                Cell::Value(dec) => *dec >= data.year_start(),
                Cell::Blank => true,
                Cell::Invalid(_) => false,
            };
            if needs_urn && in_year && row.urn.is_blank() && !placed_outside_england(row, data) {
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
    fn registered_placements_without_urn_fail() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,DEC,URN,PL_POST
             1,Z11,,,
             2,K2,01/02/2026,SC000001,
             3,K2,01/02/2025,,
             4,U4,,,
             5,R5,01/02/2026,,
             6,K3,31/03/2025,,
             7,K2,04/01/2026,,CF10 1AA
             8,U6,04/01/2026,,M1 1AE",
        );
        assert_eq!(
            findings(&Rule218, &current(&t)),
            vec![(4, "4".into()), (7, "7".into()), (8, "8".into())]
        );
        let postcodes = FakePostcodes(vec![
            ("CF10 1AA", "W06000015", 0.0, 0.0),
            ("M1 1AE", "E08000003", 1.0, 1.0),
        ]);
        let mut data = current(&t);
        data.postcodes = Some(&postcodes);
        // With the reference, the Cardiff placement needs no URN.
        assert_eq!(
            findings(&Rule218, &data),
            vec![(4, "4".into()), (8, "8".into())]
        );
    }
}
