//! 527: own-provision provider PR1 cannot go with placements P1, R2 or R5 (DfE 903 validation
//! rules).

use super::util_c::provider_with_places;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{PlacementProvider, PlacementType};

pub(crate) struct Rule527;

static META: RuleMeta = RuleMeta {
    code: "527",
    message: "A placement provider code of PR1 cannot be associated with placements P1, R2 or R5.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "PLACE_PROVIDER"],
    years: Years::from(2023),
};

impl Rule for Rule527 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        use PlacementType::*;
        provider_with_places(data, out, PlacementProvider::PR1, &[P1, R2, R5]);
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
             1,P1,PR1
             2,R5,PR1
             3,S1,PR1
             4,P1,PR0",
        );
        assert_eq!(
            findings(&Rule527, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
