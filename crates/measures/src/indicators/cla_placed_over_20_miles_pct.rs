//! `cla_placed_over_20_miles_pct`: percentage of children looked after at the end of the period placed outside the council's
//! area AND more than 20 miles from home (DfE, comparable with LAIT `LACDistance`).
//!
//! Unknown placement council or distance is not counted in the numerator but stays in the
//! denominator (all looked-after children), as the DfE's denominator is all CLA.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cla_placed_over_20_miles_pct`.
pub struct ClaPlacedOver20MilesPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_placed_over_20_miles_pct",
    title: "Percentage of children in care placed outside the council area & over 20 miles from home",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Children looked after at the end of the period placed outside the council's area and more than 20 miles from home",
        denominator: "Children looked after at the end of the period (short breaks excluded)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4); placements with unknown council or distance stay in the denominator only",
        source: "DfE Children looked after statistics (LAIT-DICT 87, LACDistance); SSDA903 PL_LA, PL_DISTANCE",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaPlacedOver20MilesPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        share_of_looked_after(ctx, periods, out, |e, _, _| {
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
    fn share_outside_the_council_and_more_than_20_miles() {
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
        let m = ds.measure(&ClaPlacedOver20MilesPct, &[dfe_year(2025)]);
        // E1 of E1-E4 (E5 a short break) = 25%.
        assert_figure(&m[0], 1.0, Some(4.0), Some(25.0));
    }
}
