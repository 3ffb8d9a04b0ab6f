//! 531: voluntary provider PR5 cannot go with placement P1 (DfE 903 validation rules).

use super::util_c::provider_with_places;
use crate::engine::{Findings, RuleMeta, Severity, Years};
use crate::ssda903::{Needs, Rule, Ssda903Return};
use sightline_formats::ssda903::Ssda903Table;
use sightline_model::codes::{PlacementProvider, PlacementType};

pub(crate) struct Rule531;

static META: RuleMeta = RuleMeta {
    code: "531",
    message: "A placement provider code of PR5 cannot be associated with placements P1.",
    severity: Severity::Error,
    tables: &["Episodes"],
    fields: &["PLACE", "PLACE_PROVIDER"],
    years: Years::from(2023),
};

impl Rule for Rule531 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn needs(&self) -> &'static [Needs] {
        &[Needs::Table(Ssda903Table::Episodes)]
    }

    fn check(&self, data: &Ssda903Return, out: &mut Findings) {
        use PlacementType::*;
        provider_with_places(data, out, PlacementProvider::PR5, &[P1]);
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
             1,P1,PR5
             2,P1,PR5
             3,S1,PR5
             4,P1,PR0",
        );
        assert_eq!(
            findings(&Rule531, &current(&t)),
            vec![(1, "1".into()), (2, "2".into())]
        );
    }
}
