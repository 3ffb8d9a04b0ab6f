//! 529: other public provider PR3 cannot go with placements P1, A3-A6, K1, K2 or U1-U6 (DfE 903
//! validation rules).

use super::util_c::provider_with_places;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{PlacementProvider, PlacementType};

pub(crate) struct Rule529;

static META: RuleMeta = RuleMeta {
    code: "529",
    message: "Placement provider code of PR3 cannot be associated with placements P1, A3 to A6, K1, K2 and U1 to U6 as these placements cannot be provided by other public organisations.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "PLACE_PROVIDER"],
    years: Years::from(2023),
};

impl Rule for Rule529 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        use PlacementType::*;
        provider_with_places(
            data,
            out,
            PlacementProvider::PR3,
            &[P1, A3, A4, A5, A6, K1, K2, U1, U2, U3, U4, U5, U6],
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, findings, tables};

    #[test]
    fn the_provider_with_an_excluded_placement_fails() {
        let t = tables(
            "//- Episodes
             CHILD,PLACE,PLACE_PROVIDER
             1,P1,PR3
             2,U6,PR3
             3,S1,PR3
             4,P1,PR0",
        );
        assert_eq!(
            findings(&Rule529, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
