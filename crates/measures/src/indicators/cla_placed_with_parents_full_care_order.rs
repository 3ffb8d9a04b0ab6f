//! `cla_placed_with_parents_full_care_order`: children looked after at the end of the period placed with parents (P1) under a full
//! care order (legal status C2 of the open episode).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::codes::{LegalStatus, PlacementType};

/// `cla_placed_with_parents_full_care_order`.
pub struct ClaPlacedWithParentsFullCareOrder;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_placed_with_parents_full_care_order",
    title: "Children in care placed with parents - Full care order",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Children looked after at the end of the period placed with parents (P1) under a full care order (C2)",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4); other legal statuses",
        source: "SSDA903 PLACE = P1 and LS = C2 (plan's sub-row)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaPlacedWithParentsFullCareOrder {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        count_looked_after(ctx, periods, out, |e, _, _| {
            e.placement == PlacementType::P1 && e.legal_status == LegalStatus::C2
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn placed_with_parents_under_full_care_order() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3"] {
            ds.child(c);
        }
        ds.episode("E1", "C1", d(2024, 5, 1))
            .placement(PlacementType::P1)
            .legal_status(LegalStatus::C2);
        ds.episode("E2", "C2", d(2024, 5, 1))
            .placement(PlacementType::P1)
            .legal_status(LegalStatus::C1);
        ds.episode("E3", "C3", d(2024, 5, 1))
            .legal_status(LegalStatus::C2); // foster care
        let m = ds.measure(&ClaPlacedWithParentsFullCareOrder, &[dfe_year(2025)]);
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["looked-after episodes:E1"]
        );
    }
}
