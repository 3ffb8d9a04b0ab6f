//! `cp_plans_started`: child protection plans starting in the period (`CPPstartDate`), each plan
//! counted (DfE "plans starting during the year").

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cp_plans_started`.
pub struct CpPlansStarted;

static META: IndicatorMeta = IndicatorMeta {
    id: "cp_plans_started",
    title: "Number of child protection plans starting in the period",
    unit: Unit::MonthlyNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Child protection plans starting (each plan counts)",
        denominator: "None (a count)",
        period: "Plan start date in the period",
        exclusions: "None",
        source: "DfE Children in need census (CPPstartDate); EES D3",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CpPlansStarted {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let plans = &ctx.records.cp_plans;
        for_each_event(ctx, periods, out, kinds::CP_PLANS, plans, |p| {
            Some(Event::count(p.start))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn counts_plans_by_start_date() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2024, 12, 31)).ended(d(2025, 1, 2));
        ds.cp_plan("P2", "C1", d(2025, 1, 1)); // New Year's Day: a plan can start any day
        let m = ds.measure(&CpPlansStarted, &[month(2024, 12), month(2025, 1)]);
        assert_figure(&m[0], 1.0, None, Some(1.0));
        assert_figure(&m[1], 1.0, None, Some(1.0));
    }
}
