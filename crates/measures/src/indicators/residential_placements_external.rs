//! `residential_placements_external`: children looked after at the end of the period in children's homes (K1 secure, K2) run by
//! anyone but the council: other councils, other public bodies, private and voluntary providers,
//! or no provider recorded (the complement of `residential_placements_in_house`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::codes::PlacementProvider;

/// `residential_placements_external`.
pub struct ResidentialPlacementsExternal;

static META: IndicatorMeta = IndicatorMeta {
    id: "residential_placements_external",
    title: "Residential split - Externally provided",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period in a children's home (K1 secure, K2) not run by the council (any provider but PR1, or none recorded)",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4)",
        source: "SSDA903 PLACE K1/K2 and PLACE_PROVIDER",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ResidentialPlacementsExternal {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, _, _| {
            e.placement.is_childrens_home() && e.provider != Some(PlacementProvider::PR1)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn childrens_homes_run_by_others() {
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
        let m = ds.measure(&ResidentialPlacementsExternal, &[dfe_year(2025)]);
        // E3 (private), E4 (another council), E5 (no provider recorded).
        assert_figure(&m[0], 3.0, None, Some(3.0));
    }
}
