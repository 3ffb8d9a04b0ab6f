//! `cla_placed_over_20_miles`: children looked after at the end of the period placed outside the council's area AND
//! more than 20 miles from the home they were first placed from (both conditions, as the DfE).
//!
//! Unknown placement council or distance does not count (the DfE does not return a distance for
//! UASC). The council is `Context::council`.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cla_placed_over_20_miles`.
pub struct ClaPlacedOver20Miles;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_placed_over_20_miles",
    title: "Children in care placed outside the council area & over 20 miles from home",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period placed outside the council's area and more than 20 miles from home",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4); placements with no known council or distance (e.g. UASC)",
        source: "DfE Children looked after statistics (LAIT-DICT 87, LACDistance); SSDA903 PL_LA, PL_DISTANCE",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaPlacedOver20Miles {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, _, _| {
            placed_outside_over_20_miles(ctx, e)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::LegalStatus;
    use sightline_model::ids::LaCode;

    #[test]
    fn outside_the_council_and_more_than_20_miles() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4", "C5"] {
            ds.child(c);
        }
        let elsewhere = LaCode(381);
        ds.episode("E1", "C1", d(2024, 5, 1))
            .placed(elsewhere, 25.0); // outside and far: counts
        ds.episode("E2", "C2", d(2024, 5, 1))
            .placed(TEST_COUNCIL, 30.0); // far but inside
        ds.episode("E3", "C3", d(2024, 5, 1))
            .placed(elsewhere, 20.0); // exactly 20: not more than 20
        ds.episode("E4", "C4", d(2024, 5, 1)).with(|e| {
            e.placement_la = Some(elsewhere);
            e.placement_distance_miles = None; // UASC: no distance returned
        });
        ds.episode("E5", "C5", d(2024, 5, 1))
            .placed(elsewhere, 40.0)
            .legal_status(LegalStatus::V3);
        let m = ds.measure(&ClaPlacedOver20Miles, &[dfe_year(2025)]);
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E1"]
        );
    }
}
