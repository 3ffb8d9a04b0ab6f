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
use sightline_model::codes::PlacementProvider;

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
            e.placement.is_foster_with_other_carers() && e.provider == Some(PlacementProvider::PR1)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn foster_placements_split_by_type_and_provider() {
        let ds = foster_split_dataset();
        let m = ds.measure(&FosterPlacementsInHouse, &[dfe_year(2025)]);
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E1"]
        );
    }
}
