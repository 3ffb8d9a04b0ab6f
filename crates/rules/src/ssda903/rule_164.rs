//! 164: the placement distance (derived from the home and placement postcodes) is missing or
//! not between 0 and 999.9 miles, for a child who is not and was not a UASC and is not on a short
//! break (DfE 903 validation rules).
//!
//! `PL_DISTANCE` is derived here from the postcode reference. A child counts as UASC (now or
//! formerly) with a row in this year's or last year's UASC table; the DfE also looks two years
//! back, which a run does not have, hence the message's note on false positives. The tool only
//! range-checks distances it could compute; here a distance that cannot be computed because a
//! well-formed postcode is unknown is reported too, as the message asks for a valid postcode.
//! Blank or malformed postcodes are left to rules 392b and 392c.

use super::util_a::{id, is_short_break, uasc_children};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule164;

static META: RuleMeta = RuleMeta {
    code: "164",
    message: "Distance is not valid. Please check a valid postcode has been entered. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_DISTANCE"],
    years: Years::from(2023),
};

/// The largest distance the return can hold, in miles.
const MAX_MILES: f64 = 999.9;

impl Rule for Rule164 {
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
        let uasc = uasc_children(data);
        for episode in &data.current.episodes {
            let child = id(&episode.child);
            if is_short_break(&episode.ls) || child.is_some_and(|c| uasc.contains(c)) {
                continue;
            }
            let (Some(home), Some(placed)) = (episode.home_post.value(), episode.pl_post.value())
            else {
                continue;
            };
            let valid = postcodes
                .distance_miles(home, placed)
                .is_some_and(|miles| (0.0..=MAX_MILES).contains(&miles));
            if !valid {
                out.at("Episodes", episode.at.row_number, child, &["PL_DISTANCE"]);
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
    fn unknown_postcodes_and_impossible_distances_fail() {
        // 1: 5 miles. 2: unknown placement postcode. 3: 1200 miles. 4: short break. 5: UASC.
        // 6: blank placement postcode (rule 392b's concern).
        let t = tables(
            "//- Episodes
             CHILD,LS,HOME_POST,PL_POST
             1,C2,HD1 2AB,HD2 1AA
             2,C2,HD1 2AB,ZZ9 9ZZ
             3,C2,HD1 2AB,AB1 0AA
             4,V3,HD1 2AB,ZZ9 9ZZ
             5,C2,HD1 2AB,ZZ9 9ZZ
             6,C2,HD1 2AB,
             //- UASC
             CHILD,DUC
             5,01/01/2027",
        );
        let mut data = current(&t);
        data.postcodes = Some(&FakePostcodes);
        assert_eq!(
            findings(&Rule164, &data),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }

    #[test]
    fn without_the_postcode_reference_the_rule_is_skipped() {
        let t = tables("//- Episodes\nCHILD,LS\n1,C2");
        let reason = crate::ssda903::skip_reason(&Rule164, &current(&t));
        assert_eq!(
            reason.as_deref(),
            Some("no postcode reference was supplied (--postcodes)")
        );
    }
}
