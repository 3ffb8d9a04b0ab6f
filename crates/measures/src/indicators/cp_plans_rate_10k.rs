//! `cp_plans_rate_10k`: children subject to a child protection plan at the end of the period per
//! 10,000 children aged 0-17 (the same plans as `cp_plans`; a snapshot rate, not annualised).

use super::common::*;
use super::cp_plans::CpPlans;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cp_plans_rate_10k`.
pub struct CpPlansRate10k;

static META: IndicatorMeta = IndicatorMeta {
    id: "cp_plans_rate_10k",
    title: "Children subject to a child protection plan: rate per 10,000 aged 0-17",
    unit: Unit::RatePer10k,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Child protection plans open at the end of the period (as `cp_plans`)",
        denominator: "ONS mid-year estimate of children aged 0-17 in the council (overridable), / 10,000",
        period: "Snapshot on the last day of the period",
        exclusions: "Plans that ended on or before the snapshot day",
        source: "DfE Children in need statistics (CP plans per 10,000 at 31 March); LAIT CPP_rate",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CpPlansRate10k {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        CpPlans.contributions(ctx, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn snapshot_rate_is_not_annualised() {
        let mut ds = Dataset::new();
        ds.population = 5_000;
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2024, 6, 1));
        let m = ds.measure(&CpPlansRate10k, &[month(2025, 1), dfe_year(2025)]);
        // 1 / 5,000 × 10,000 = 2.0 for a month and for the year alike.
        assert_figure(&m[0], 1.0, Some(5_000.0), Some(2.0));
        assert_figure(&m[1], 1.0, Some(5_000.0), Some(2.0));
    }
}
