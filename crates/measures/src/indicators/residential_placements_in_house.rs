//! `residential_placements_in_house`: children looked after at the end of the period in the council's own children's homes:
//! placement K1 (secure) or K2 (children's home) provided by the council (PR1). The plan marks the
//! residential split as under development; this is the natural reading of the 903.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::codes::PlacementProvider;

/// `residential_placements_in_house`.
pub struct ResidentialPlacementsInHouse;

static META: IndicatorMeta = IndicatorMeta {
    id: "residential_placements_in_house",
    title: "Residential split - In-house",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period in a children's home (K1 secure, K2) run by the council (PR1)",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4)",
        source: "SSDA903 PLACE K1/K2 and PLACE_PROVIDER PR1",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ResidentialPlacementsInHouse {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, _, _| {
            e.placement.is_childrens_home() && e.provider == Some(PlacementProvider::PR1)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn councils_own_childrens_homes() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4", "C5"] {
            ds.child(c);
        }
        use PlacementProvider::*;
        use sightline_model::codes::PlacementType::*;
        ds.episode("E1", "C1", d(2024, 5, 1))
            .placement(K2)
            .provider(PR1);
        ds.episode("E2", "C2", d(2024, 5, 1))
            .placement(K1)
            .provider(PR1);
        ds.episode("E3", "C3", d(2024, 5, 1))
            .placement(K2)
            .provider(PR4);
        ds.episode("E4", "C4", d(2024, 5, 1))
            .placement(K1)
            .provider(PR2);
        ds.episode("E5", "C5", d(2024, 5, 1))
            .placement(K2)
            .with(|e| e.provider = None);
        ds.episode("E6", "C5", d(2023, 5, 1))
            .placement(K2)
            .provider(PR1)
            .ended(
                d(2024, 5, 1),
                sightline_model::codes::ReasonEpisodeCeased::X1,
            );
        let m = ds.measure(
            &ResidentialPlacementsInHouse,
            &[dfe_year(2025), dfe_year(2024)],
        );
        // 31 March 2025: E1, E2. 31 March 2024: E6 (C5 before moving to E5).
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_figure(&m[1], 1.0, None, Some(1.0));
    }
}
