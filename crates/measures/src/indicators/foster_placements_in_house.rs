//! `foster_placements_in_house`: children looked after at the end of the period in the council's own foster placements.
//!
//! Choice (kpi-definitions 1.4 conventions, made disjoint): in-house = foster placement with
//! other carers (U4-U6) provided by the council (PR1); family and friends (U1-U3) are counted by
//! `foster_placements_family_and_friends` whoever provides them; agency placements (PR4/PR5) by
//! `foster_placements_ifa`; other councils' placements (PR2/PR3) by none of the three.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::codes::{PlacementProvider, PlacementType};
use sightline_model::records::ClaEpisode;

/// Foster placement with carers who are not relatives or friends (U4-U6).
fn is_other_carer_foster(e: &ClaEpisode) -> bool {
    matches!(
        e.placement,
        PlacementType::U4 | PlacementType::U5 | PlacementType::U6
    )
}

/// `foster_placements_in_house`.
pub struct FosterPlacementsInHouse;

static META: IndicatorMeta = IndicatorMeta {
    id: "foster_placements_in_house",
    title: "Foster placement split - In-house",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period in a foster placement with other carers (U4-U6) provided by the council (PR1)",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4); family and friends placements (counted separately)",
        source: "SSDA903 PLACE and PLACE_PROVIDER (kpi-definitions 1.4 conventions)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for FosterPlacementsInHouse {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, _, _| {
            is_other_carer_foster(e) && e.provider == Some(PlacementProvider::PR1)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn foster_placements_split_by_type_and_provider() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4", "C5", "C6"] {
            ds.child(c);
        }
        use PlacementProvider::*;
        use PlacementType::*;
        ds.episode("E1", "C1", d(2024, 5, 1))
            .placement(U4)
            .provider(PR1); // in-house
        ds.episode("E2", "C2", d(2024, 5, 1))
            .placement(U1)
            .provider(PR1); // family and friends
        ds.episode("E3", "C3", d(2024, 5, 1))
            .placement(U3)
            .provider(PR4); // family and friends
        ds.episode("E4", "C4", d(2024, 5, 1))
            .placement(U5)
            .provider(PR4); // agency
        ds.episode("E5", "C5", d(2024, 5, 1))
            .placement(U6)
            .provider(PR5); // agency
        ds.episode("E6", "C6", d(2024, 5, 1))
            .placement(U6)
            .provider(PR2); // another council's
        let m = ds.measure(&FosterPlacementsInHouse, &[dfe_year(2025)]);
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E1"]
        );
    }
}
