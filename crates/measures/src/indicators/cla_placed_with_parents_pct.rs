//! `cla_placed_with_parents_pct`: percentage of children looked after at the end of the period who are placed with their
//! parents or others with parental responsibility (placement type P1; DfE).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::codes::PlacementType;

/// `cla_placed_with_parents_pct`.
pub struct ClaPlacedWithParentsPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_placed_with_parents_pct",
    title: "Children in care placed with parents - % (of all CLA)",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Children looked after at the end of the period placed with parents or others with parental responsibility (placement P1)",
        denominator: "Children looked after at the end of the period (short breaks excluded)",
        period: "Snapshot on the last day of the period (31 March for a DfE year)",
        exclusions: "Short breaks (V3/V4)",
        source: "DfE Children looked after statistics (% placed with parents, LAIT-DICT 401); LAIT LAC_Parents_OR_Others",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaPlacedWithParentsPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        share_of_looked_after(ctx, periods, out, |e, _, _| {
            e.placement == PlacementType::P1
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::LegalStatus;

    #[test]
    fn share_of_looked_after_children_placed_with_parents() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3", "C4"] {
            ds.child(c);
        }
        ds.episode("E1", "C1", d(2024, 5, 1))
            .placement(PlacementType::P1);
        ds.episode("E2", "C2", d(2024, 5, 1));
        ds.episode("E3", "C3", d(2024, 5, 1))
            .placement(PlacementType::K2);
        ds.episode("E4", "C4", d(2024, 5, 1))
            .placement(PlacementType::P1)
            .legal_status(LegalStatus::V4);
        let m = ds.measure(&ClaPlacedWithParentsPct, &[dfe_year(2025), month(2024, 4)]);
        // 31 March 2025: E1 of E1, E2, E3 (E4 a short break) = 33.3%. April 2024: nobody, no value.
        assert_figure(&m[0], 1.0, Some(3.0), Some(100.0 / 3.0));
        assert_figure(&m[1], 0.0, Some(0.0), None);
    }
}
