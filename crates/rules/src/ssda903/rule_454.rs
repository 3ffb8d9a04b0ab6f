//! 454: a placement should not be more than 350 miles from home (DfE 903 validation rules, from
//! 2025-26).
//!
//! `PL_DISTANCE` is derived from the postcodes with the postcode reference and rounded to one
//! decimal place; 999.9, the DfE's value for a distance it cannot express, is not reported, as
//! in the tool.

use super::util_c::{id, placement_distance};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule454;

static META: RuleMeta = RuleMeta {
    code: "454",
    message: "Placement distance from home is over 350 miles. [NOTE: This check will result in false positives for children formerly UASC not identified as such in loaded data]",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_DISTANCE"],
    years: Years::from(2026),
};

/// The furthest a placement may be from home, in miles.
const MAX_MILES: f64 = 350.0;
/// The DfE's placeholder distance, which this rule ignores.
const PLACEHOLDER: f64 = 999.9;

impl Rule for Rule454 {
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
            let too_far = placement_distance(postcodes, row)
                .is_some_and(|miles| miles > MAX_MILES && (miles - PLACEHOLDER).abs() > 1e-9);
            if too_far {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PL_DISTANCE"],
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::util_c::testing::Postcodes;
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn a_placement_over_350_miles_away_fails() {
        let t = tables(
            "//- Episodes
             CHILD,HOME_POST,PL_POST
             1,HD1 2AB,LS1 1AA
             2,HD1 2AB,TR1 1AA
             3,HD1 2AB,",
        );
        let mut data = current(&t);
        data.postcodes = Some(&Postcodes);
        assert_eq!(findings(&Rule454, &data), vec![(2, "2".into())]);
    }
}
