//! 392a: a looked-after episode has no placement distance (DfE 903 validation rules).
//!
//! PL_DISTANCE is derived from HOME_POST and PL_POST through the postcode reference: it is
//! missing when either postcode is blank or unknown to the reference. As in the tool, short-break
//! episodes (V3/V4) and children identified as UASC this year or last year (whose postcodes may
//! be withheld) are exempt.

use super::util_b::{id, uasc_this_or_last_year};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::{Cell, Ssda903Table};

pub(crate) struct Rule392a;

static META: RuleMeta = RuleMeta {
    code: "392a",
    message: "Child is looked after but no distance is recorded. [NOTE: This check may result in false positives for children formerly UASC]",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_DISTANCE"],
    years: Years::from(2023),
};

impl Rule for Rule392a {
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
        let uasc = uasc_this_or_last_year(data);
        for row in &data.current.episodes {
            let Some(child) = id(&row.child) else {
                continue;
            };
            let short_break = match &row.ls {
                Cell::Value(ls) => ls.is_short_break(),
                Cell::Blank => false,
                Cell::Invalid(_) => continue,
            };
            if short_break || uasc.contains(child) {
                continue;
            }
            let distance = match (row.home_post.value(), row.pl_post.value()) {
                (Some(home), Some(placement)) => postcodes.distance_miles(home, placement),
                _ => None,
            };
            if distance.is_none() {
                out.at("Episodes", row.at.row_number, Some(child), &["PL_DISTANCE"]);
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
    fn episodes_without_a_derivable_distance_fail() {
        let t = tables(
            "//- Episodes
             CHILD,LS,HOME_POST,PL_POST
             1,C2,M1 1AE,M2 2BB
             2,C2,M1 1AE,
             3,C2,M1 1AE,ZZ9 9ZZ
             4,V3,,
             5,C2,,
             //- UASC
             CHILD
             5",
        );
        let postcodes = FakePostcodes(vec![
            ("M1 1AE", "E08000003", 0.0, 0.0),
            ("M2 2BB", "E08000003", 3.0, 4.0),
        ]);
        let mut data = current(&t);
        data.postcodes = Some(&postcodes);
        assert_eq!(
            findings(&Rule392a, &data),
            vec![(2, "2".into()), (3, "3".into())]
        );
    }
}
