//! `cp_plans`: children subject to a child protection plan at the end of the period (plans open on
//! the last day: started on or before it, not ended on or before it; DfE "at 31 March").

use super::common::*;
use crate::context::{Context, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cp_plans`.
pub struct CpPlans;

static META: IndicatorMeta = IndicatorMeta {
    id: "cp_plans",
    title: "Number of children subject to a child protection plan",
    unit: Unit::SnapshotNumber,
    polarity: Polarity::NotApplicable,
    definition: Definition {
        numerator: "Child protection plans open at the end of the period",
        denominator: "None (a count)",
        period: "Snapshot on the last day of the period (31 March for a DfE year); a plan ending that day is not open",
        exclusions: "Plans that ended on or before the snapshot day",
        source: "DfE Children in need statistics (CP plans at 31 March); LAIT CPP_Num",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CpPlans {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let plans = &ctx.records.cp_plans;
        for_each_open(ctx, periods, out, kinds::CP_PLANS, plans, |p| {
            Some((p.start, p.end))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn plans_open_on_the_last_day() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.child("C2");
        ds.child("C3");
        ds.cp_plan("P1", "C1", d(2024, 6, 1)); // open
        ds.cp_plan("P2", "C2", d(2024, 6, 1)).ended(d(2025, 3, 31)); // ended on 31 March: not open then
        ds.cp_plan("P3", "C3", d(2025, 3, 31)); // started on 31 March: open
        let m = ds.measure(&CpPlans, &[month(2025, 2), month(2025, 3), dfe_year(2025)]);
        // End of February: P1, P2. 31 March: P1, P3.
        assert_figure(&m[0], 2.0, None, Some(2.0));
        assert_figure(&m[1], 2.0, None, Some(2.0));
        assert_figure(&m[2], 2.0, None, Some(2.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[1]),
            ["child protection plans:P1", "child protection plans:P3"]
        );
    }
}
