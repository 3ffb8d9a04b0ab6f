//! `cla_16plus_supported_accommodation`: children looked after at the end of the period aged 16 or over (on that day) in
//! semi-independent or supported accommodation: placement H5 (not subject to children's homes
//! regulations, returned until 2023-24) or K3 (its Ofsted-registered successor). The plan marks
//! this row as under development.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::NaiveDate;
use sightline_model::age_on;
use sightline_model::codes::PlacementType;

/// Whether the child is 16 or over on `on` (unknown date of birth: no).
fn aged_16_or_over(ctx: &Context, child: u32, on: NaiveDate) -> bool {
    let born = ctx
        .records
        .children
        .get(child as usize)
        .and_then(|c| c.date_of_birth);
    born.is_some_and(|b| age_on(b, on) >= 16)
}

/// `cla_16plus_supported_accommodation`.
pub struct Cla16plusSupportedAccommodation;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_16plus_supported_accommodation",
    title: "Children looked after aged 16+ in supported lodgings and semi-independent accommodation",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period, aged 16 or over that day, placed in semi-independent or supported accommodation (H5, K3)",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4); children with no date of birth",
        source: "SSDA903 PLACE H5 (to 2023-24) and K3 (Ofsted-registered supported accommodation)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for Cla16plusSupportedAccommodation {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, child, end| {
            matches!(e.placement, PlacementType::H5 | PlacementType::K3)
                && aged_16_or_over(ctx, child, end)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn aged_16_plus_in_semi_independent_or_supported_accommodation() {
        let mut ds = Dataset::new();
        ds.child("C1").born(d(2009, 4, 1)); // 16 on 1 April 2025
        ds.child("C2").born(d(2008, 1, 1));
        ds.child("C3").born(d(2008, 1, 1));
        ds.child("C4");
        ds.episode("E1", "C1", d(2024, 9, 1))
            .placement(PlacementType::H5);
        ds.episode("E2", "C2", d(2024, 9, 1))
            .placement(PlacementType::K3);
        ds.episode("E3", "C3", d(2024, 9, 1))
            .placement(PlacementType::K2);
        ds.episode("E4", "C4", d(2024, 9, 1))
            .placement(PlacementType::K3); // age unknown
        let m = ds.measure(
            &Cla16plusSupportedAccommodation,
            &[month(2025, 3), month(2025, 4)],
        );
        // 31 March: C1 is 15: E2 only. 30 April: E1, E2.
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_figure(&m[1], 2.0, None, Some(2.0));
    }
}
