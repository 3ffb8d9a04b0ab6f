//! 1015: a placement the council provides itself (PR1) lies outside the council's area (DfE 903
//! validation rules, 2025-26 definition).
//!
//! Checked for episodes with a legal status and a placement type, not a short break (V3/V4) and
//! not a foster or adoption placement (A3-A6, U1-U6, K3), as in the tool. The placement
//! authority (PL_LA) comes from PL_POST through the postcode reference; an unknown one is not
//! compared (the tool reports it). The council's own authority is the ONS code the postcode
//! reference gives for the return's 3-digit LA number ([`own_authority`]); without the LA
//! number (`--la`) the rule finds nothing. The check itself is [`report_outside`].

use super::util_d::id;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{EpisodeRow, Ssda903Table};
use sightline_model::codes::{PlacementProvider, PlacementType};

pub(crate) struct Rule1015;

static META: RuleMeta = RuleMeta {
    code: "1015",
    message: "Placement provider is own provision but child not placed in own LA.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_LA"],
    years: Years::from(2023),
};

/// The council's own authority as an ONS code, from the postcode reference.
fn own_authority(data: &Ssda903Return) -> Option<String> {
    data.postcodes?.council_authority(data.la_code?)
}

fn checked(row: &EpisodeRow) -> bool {
    use PlacementType::*;
    let (Some(place), Some(ls)) = (row.place.get(), row.ls.get()) else {
        return false;
    };
    let foster_or_adoption = matches!(place, A3 | A4 | A5 | A6 | U1 | U2 | U3 | U4 | U5 | U6 | K3);
    row.place_provider.get() == Some(PlacementProvider::PR1)
        && !foster_or_adoption
        && !ls.is_short_break()
}

/// Reports own-provision placements whose placement authority is not `own`.
fn report_outside(data: &Ssda903Return, own: &str, out: &mut Findings) {
    let Some(postcodes) = data.postcodes else {
        return;
    };
    for row in data.current.episodes.iter().filter(|r| checked(r)) {
        let pl_la = row.pl_post.value().and_then(|p| postcodes.authority(p));
        if pl_la.is_some_and(|la| !la.eq_ignore_ascii_case(own)) {
            out.at("Episodes", row.at.row_number, id(&row.child), &["PL_LA"]);
        }
    }
}

impl Rule for Rule1015 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::Postcodes]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        if let Some(own) = own_authority(data) {
            report_outside(data, &own, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::PostcodeReference;
    use crate::ssda903::fixture::{current, findings, tables};
    use sightline_model::ids::Postcode;

    /// Two known postcodes: one in Kirklees, one in Leeds.
    struct TwoPostcodes;

    impl PostcodeReference for TwoPostcodes {
        fn is_known(&self, postcode: &Postcode) -> bool {
            self.authority(postcode).is_some()
        }

        fn distance_miles(&self, _a: &Postcode, _b: &Postcode) -> Option<f64> {
            None
        }

        fn authority(&self, postcode: &Postcode) -> Option<String> {
            match postcode.as_str() {
                "HD1 2AB" => Some("E08000034".into()),
                "LS1 1AA" => Some("E08000035".into()),
                _ => None,
            }
        }
    }

    #[test]
    fn own_provision_outside_the_council_fails() {
        // 1: inside. 2: outside. 3: foster placement. 4: short break. 5: other provider.
        // 6: unknown postcode. 7: no placement type.
        let t = tables(
            "//- Episodes
             CHILD,PLACE,LS,PLACE_PROVIDER,PL_POST
             1,K2,C2,PR1,HD1 2AB
             2,K2,C2,PR1,LS1 1AA
             3,U2,C2,PR1,LS1 1AA
             4,K2,V3,PR1,LS1 1AA
             5,K2,C2,PR2,LS1 1AA
             6,K2,C2,PR1,ZZ9 9ZZ
             7,,C2,PR1,LS1 1AA",
        );
        let mut data = current(&t);
        data.postcodes = Some(&TwoPostcodes);
        let mut out = Findings::new(Rule1015.meta());
        report_outside(&data, "E08000034", &mut out);
        let rows: Vec<Option<u64>> = out.into_vec().iter().map(|f| f.row_number).collect();
        assert_eq!(rows, vec![Some(2)]);
        // Without the council's ONS code the rule cannot compare, and finds nothing.
        assert!(findings(&Rule1015, &data).is_empty());
    }
}
