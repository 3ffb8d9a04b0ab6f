//! `pathway_plans_in_time_pct`: Pathway plan reviews within the review interval, one per review due in the period; built on the `pathway_plans` timescale.
//!
//! The indicator and the worklists share one schedule: every task of the timescale due in a
//! period contributes 1 to the denominator, and 1 to the numerator when done on or before its due
//! date (see `timescales`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use crate::timescales::{TaskKind, in_time_contributions};

/// `pathway_plans_in_time_pct`.
pub struct PathwayPlansInTimePct;

static META: IndicatorMeta = IndicatorMeta {
    id: "pathway_plans_in_time_pct",
    title: "Percentage of pathway plan reviews within timescale",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Pathway plan reviews due in the period recorded on or before their due date",
        denominator: "Pathway plan reviews due in the period: the last plan or review recorded + `pathway_plan_interval` (default 6 months), from the first recorded plan to the 21st birthday",
        period: "Due date in the period; a review not recorded by the end of the last period requested counts as not in time",
        exclusions: "Young people with no pathway plan recorded (the first plan is not tracked); reviews falling due on or after the 21st birthday",
        source: "Care Leavers (England) Regulations 2010 reg 7; Ofsted Annex A list 9. Differs from the plan's snapshot \"% of care leavers with a pathway plan\": this counts reviews due",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for PathwayPlansInTimePct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        in_time_contributions(ctx, TaskKind::PathwayPlanReview, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn six_monthly_reviews_from_the_first_plan() {
        // First plan Sat 31 Aug 2024: review due 28 Feb 2025 (clamped), held that day (in time);
        // next due 28 Aug 2025, held Mon 1 Sep (late).
        let mut ds = Dataset::new();
        ds.child("C1").born(d(2006, 6, 1));
        ds.pathway_plan("PP1", "C1", d(2024, 8, 31));
        ds.pathway_plan("PP2", "C1", d(2025, 2, 28));
        ds.pathway_plan("PP3", "C1", d(2025, 9, 1));
        let m = ds.measure(
            &PathwayPlansInTimePct,
            &[month(2025, 2), month(2025, 8), month(2025, 9)],
        );
        assert_figure(&m[0], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[1], 0.0, Some(1.0), Some(0.0));
        assert_figure(&m[2], 0.0, Some(0.0), None);
        assert_eq!(numerator_ids(&ds.context(), &m[0]), ["pathway plans:PP2"]);
    }
}
