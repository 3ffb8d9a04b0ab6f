//! 411: a placement located `IN` the council's area must have the council as its placement
//! authority (DfE 903 validation rules).
//!
//! Both `PL_LOCATION` and `PL_LA` are derived here from the placement postcode, `PL_LOCATION` by
//! comparing `PL_LA` with the council's own authority, so on a CSV return the two cannot
//! disagree and the rule finds nothing, as the tool's does once it has derived them. The check
//! is kept whole so that a `PL_LOCATION` from another source (an XML return) is checked the day
//! one arrives. The council's ONS code is not yet in the return (see `util_c::own_authority`):
//! until it is, `PL_LOCATION` is blank and the rule passes.

use super::util_c::{Location, id, own_authority, placement_authority, placement_location};
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;

pub(crate) struct Rule411;

static META: RuleMeta = RuleMeta {
    code: "411",
    message: "Placement location code disagrees with LA of placement.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PL_LOCATION"],
    years: Years::from(2023),
};

/// The tool's check: a location `IN` whose placement authority is not the council's.
fn disagrees(location: Option<Location>, pl_la: Option<&str>, own: &str) -> bool {
    location == Some(Location::Inside) && pl_la.is_none_or(|la| !la.eq_ignore_ascii_case(own))
}

impl Rule for Rule411 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes), Needs::Postcodes]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        let (Some(postcodes), Some(own)) = (data.postcodes, own_authority(data)) else {
            return;
        };
        for row in &data.current.episodes {
            let pl_la = placement_authority(postcodes, row);
            let location = placement_location(pl_la.as_deref(), Some(&own));
            if disagrees(location, pl_la.as_deref(), &own) {
                out.at(
                    "Episodes",
                    row.at.row_number,
                    id(&row.child),
                    &["PL_LOCATION"],
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
    fn an_inside_location_with_another_authority_disagrees() {
        assert!(disagrees(
            Some(Location::Inside),
            Some("E08000035"),
            "E08000034"
        ));
        assert!(!disagrees(
            Some(Location::Inside),
            Some("E08000034"),
            "E08000034"
        ));
        assert!(!disagrees(
            Some(Location::Outside),
            Some("E08000035"),
            "E08000034"
        ));
        assert!(!disagrees(None, None, "E08000034"));
    }

    #[test]
    fn derived_locations_always_agree() {
        let t = tables(
            "//- Episodes
             CHILD,PL_POST
             1,HD2 1AA
             2,LS1 1AA",
        );
        let mut data = current(&t);
        data.postcodes = Some(&Postcodes);
        assert!(findings(&Rule411, &data).is_empty());
        for own in ["E08000034", "E08000035"] {
            for pl_la in ["E08000034", "E08000035"] {
                let location = placement_location(Some(pl_la), Some(own));
                assert!(!disagrees(location, Some(pl_la), own));
            }
        }
    }
}
