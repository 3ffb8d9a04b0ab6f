//! `cp_plans_repeat_pct`: percentage of child protection plans starting in the period that were a
//! second or subsequent plan for the child, ever (DfE repeat CP plans; formerly NI 65).
//!
//! Choice: a plan is a repeat when the records hold an earlier plan of the same child (started on
//! an earlier date), or the plan's `NumberOfPreviousCPP` is positive (plans before the records
//! began, or in the census history). Not the local "within 2 years" variant.

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cp_plans_repeat_pct`.
pub struct CpPlansRepeatPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cp_plans_repeat_pct",
    title: "Percentage of child protection plans that were a second or subsequent plan",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Plans starting in the period where the child had been on a plan before, however long ago (an earlier plan in the records, or NumberOfPreviousCPP > 0)",
        denominator: "Child protection plans starting in the period (each plan)",
        period: "Plan start date in the period",
        exclusions: "None",
        source: "DfE Children in need statistics (EES D3, second or subsequent plans); LAIT PrevRegCPR",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CpPlansRepeatPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let plans = &ctx.records.cp_plans;
        for_each_event(ctx, periods, out, kinds::CP_PLANS, plans, |p| {
            let earlier = ctx.child(&p.child).is_some_and(|child| {
                ctx.cp_plans_of(child)
                    .first()
                    .and_then(|&i| plans.get(i as usize))
                    .is_some_and(|first| first.start < p.start)
            });
            Some(Event::share(p.start, earlier || p.previous_plans > 0))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn second_or_subsequent_plans_ever() {
        let mut ds = Dataset::new();
        for c in ["C1", "C2", "C3"] {
            ds.child(c);
        }
        ds.cp_plan("P1", "C1", d(2015, 5, 1)).ended(d(2016, 1, 1)); // ten years before
        ds.cp_plan("P2", "C1", d(2025, 3, 3)); // a repeat
        ds.cp_plan("P3", "C2", d(2025, 3, 4)).previous_plans(1); // repeat by the census count
        ds.cp_plan("P4", "C3", d(2025, 3, 5)); // first plan
        let m = ds.measure(&CpPlansRepeatPct, &[month(2025, 3), month(2015, 5)]);
        // March 2025: P2, P3 of P2, P3, P4 = 66.7%. May 2015: P1, a first plan.
        assert_figure(&m[0], 2.0, Some(3.0), Some(200.0 / 3.0));
        assert_figure(&m[1], 0.0, Some(1.0), Some(0.0));
    }
}
