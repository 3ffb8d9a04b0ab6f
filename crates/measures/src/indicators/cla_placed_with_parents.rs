//! `cla_placed_with_parents`: children looked after at the end of the period placed with their parents or others with
//! parental responsibility (placement type P1), whatever the legal status.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::codes::PlacementType;

/// `cla_placed_with_parents`.
pub struct ClaPlacedWithParents;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_placed_with_parents",
    title: "Children in care placed with parents - Overall number",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period placed with parents or others with parental responsibility (placement P1)",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4)",
        source: "SSDA903 PLACE = P1; DfE Children looked after statistics (placed with parents)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaPlacedWithParents {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, _, _| {
            e.placement == PlacementType::P1
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::{LegalStatus, ReasonEpisodeCeased};

    #[test]
    fn counts_p1_placements_of_looked_after_children() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4"] {
            ds.child(c);
        }
        ds.episode("E1", "C1", d(2024, 5, 1))
            .placement(PlacementType::P1)
            .legal_status(LegalStatus::C1);
        ds.episode("E2", "C2", d(2024, 5, 1))
            .placement(PlacementType::P1)
            .legal_status(LegalStatus::V3);
        ds.episode("E3", "C3", d(2024, 5, 1)); // foster care
        ds.episode("E4", "C4", d(2024, 5, 1))
            .placement(PlacementType::P1)
            .ended(d(2025, 3, 31), ReasonEpisodeCeased::E4A);
        let m = ds.measure(&ClaPlacedWithParents, &[dfe_year(2025), month(2025, 2)]);
        // 31 March: E1 only (E2 a short break, E4 ended that day). 28 February: E1, E4.
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_figure(&m[1], 2.0, None, Some(2.0));
    }
}
