//! `cp_plans_2y_ended_pct`: percentage of child protection plans ending in the period that had
//! lasted 2 years or more (DfE, `CPPlans2yrs`, EES D7; formerly NI 64).
//!
//! "2 years or more" is an inclusive duration of at least 730 days, as the DfE defines it ("more
//! than 729 calendar days including days of cessation"): end − start + 1 ≥ 730.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cp_plans_2y_ended_pct`.
pub struct CpPlans2yEndedPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cp_plans_2y_ended_pct",
    title: "Percentage of child protection plans ending that had lasted 2 years or more",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Plans ending in the period whose duration, start and end days included, was 730 days or more",
        denominator: "Child protection plans ending in the period",
        period: "Plan end date in the period",
        exclusions: "None",
        source: "DfE Children in need statistics (EES D7); LAIT CPPlans2yrs",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CpPlans2yEndedPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let plans = &ctx.records.cp_plans;
        for_each_event(ctx, periods, out, kinds::CP_PLANS, plans, |p| {
            let end = p.end?;
            Some(Event::share(end, inclusive_days(p.start, end) >= 730))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn two_years_is_730_days_counting_both_ends() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2023, 4, 1)).ended(d(2025, 3, 30)); // 729 + 1 = 730 days: 2 years
        ds.cp_plan("P2", "C1", d(2023, 4, 1)).ended(d(2025, 3, 29)); // 729 days: not
        ds.cp_plan("P3", "C1", d(2024, 3, 1)).ended(d(2025, 3, 31)); // 13 months: not
        ds.cp_plan("P4", "C1", d(2023, 1, 1)); // open: not ending
        let m = ds.measure(&CpPlans2yEndedPct, &[month(2025, 3)]);
        assert_figure(&m[0], 1.0, Some(3.0), Some(100.0 / 3.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            ["child protection plans:P1"]
        );
    }
}
