//! `cp_plans_2y_open_pct`: percentage of child protection plans open at the end of the period that
//! had lasted 2 years or more by then (DfE, `CPPlans2yrsActive`, EES D5).
//!
//! "2 years or more" is an inclusive duration of at least 730 days from the start to the snapshot
//! day (31 March for a DfE year).

use super::common::*;
use crate::context::{Context, RecordKind, kinds};
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;

/// `cp_plans_2y_open_pct`.
pub struct CpPlans2yOpenPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cp_plans_2y_open_pct",
    title: "Percentage of children on a child protection plan for 2 years or more",
    unit: Unit::Percent,
    polarity: Polarity::Low,
    definition: Definition {
        numerator: "Plans open at the end of the period that had lasted 730 days or more, start and snapshot days included",
        denominator: "Child protection plans open at the end of the period",
        period: "Snapshot on the last day of the period",
        exclusions: "Plans that ended on or before the snapshot day",
        source: "DfE Children in need statistics (EES D5); LAIT CPPlans2yrsActive",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CpPlans2yOpenPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        let index = PeriodIndex::new(periods);
        for (i, p) in ctx.records.cp_plans.iter().enumerate() {
            let child = ctx.child_of_record(RecordKind::CpPlans, i as u32);
            index.each_end_while_open(p.start, p.end, |period, end| {
                let long = flag(inclusive_days(p.start, end) >= 730);
                out.push(contribution(
                    period,
                    child,
                    rec(kinds::CP_PLANS, i),
                    long,
                    1.0,
                ));
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn open_plans_of_730_days_or_more_at_31_march() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2023, 4, 1)); // 1 April 2023 to 31 March 2025 = 731 days
        ds.cp_plan("P2", "C1", d(2023, 4, 2)); // 730 days
        ds.cp_plan("P3", "C1", d(2023, 4, 3)); // 729 days
        ds.cp_plan("P4", "C1", d(2020, 1, 1)).ended(d(2025, 3, 31)); // ended on the day: not open
        let m = ds.measure(&CpPlans2yOpenPct, &[dfe_year(2025), month(2025, 4)]);
        assert_figure(&m[0], 2.0, Some(3.0), Some(200.0 / 3.0));
        // 30 April 2025: all three are past 730 days.
        assert_figure(&m[1], 3.0, Some(3.0), Some(100.0));
    }
}
