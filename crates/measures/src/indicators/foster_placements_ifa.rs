//! `foster_placements_ifa`: children looked after at the end of the period placed with independent fostering
//! agencies: foster placement with other carers (U4-U6) provided privately or by the voluntary
//! sector (PR4/PR5) (see `foster_placements_in_house` for the split).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::codes::PlacementProvider;

/// `foster_placements_ifa`.
pub struct FosterPlacementsIfa;

static META: IndicatorMeta = IndicatorMeta {
    id: "foster_placements_ifa",
    title: "Foster placement split - Independent Fostering Agency",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period in a foster placement with other carers (U4-U6) provided by a private or voluntary agency (PR4/PR5)",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4); family and friends placements (counted separately)",
        source: "SSDA903 PLACE and PLACE_PROVIDER (kpi-definitions 1.4 conventions)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for FosterPlacementsIfa {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, _, _| {
            e.placement.is_foster_with_other_carers()
                && matches!(
                    e.provider,
                    Some(PlacementProvider::PR4 | PlacementProvider::PR5)
                )
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
        let m = ds.measure(&FosterPlacementsIfa, &[dfe_year(2025)]);
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E4", "looked-after episodes:E5"]
        );
    }
}
