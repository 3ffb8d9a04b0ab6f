//! `initial_core_groups_10wd_pct`: First core groups held within 10 working days of the initial child protection conference, one per plan whose first core group fell due in the period; built on the `initial_core_group_10wd` timescale.
//!
//! The indicator and the worklists share one schedule: every task of the timescale due in a
//! period contributes 1 to the denominator, and 1 to the numerator when done on or before its due
//! date (see `timescales`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use crate::timescales::{TaskKind, in_time_contributions};

/// `initial_core_groups_10wd_pct`.
pub struct InitialCoreGroups10wdPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "initial_core_groups_10wd_pct",
    title: "Percentage of initial core groups within 10 working days",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Child protection plans whose first core group was held by its due date",
        denominator: "Child protection plans whose first core group fell due in the period (the conference that made the plan + `first_core_group`, default 10 working days)",
        period: "Due date in the period (not the plan start: a plan made late in a month counts in the month its core group falls due)",
        exclusions: "Plans that ended before the due date without a core group",
        source: "Working Together to Safeguard Children 2023, chapter 2; local measure (no DfE statistic)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for InitialCoreGroups10wdPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        in_time_contributions(ctx, TaskKind::FirstCoreGroup, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn first_core_groups_count_in_the_month_they_fall_due() {
        let mut ds = Dataset::new();
        // P1: ICPC Fri 19 Dec 2025, due Wed 7 Jan 2026 (10 working days over Christmas and New
        // Year), held 7 Jan: in time (January).
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2025, 12, 19));
        ds.core_group("CG1", "C1", "P1", d(2026, 1, 7));
        // P2: ICPC Fri 28 Nov 2025, due Fri 12 Dec (1-5 Dec, 8-12 Dec), held 15 Dec: late.
        ds.child("C2");
        ds.cp_plan("P2", "C2", d(2025, 11, 28));
        ds.core_group("CG2", "C2", "P2", d(2025, 12, 15));
        // P3: from Mon 22 Dec, ended 29 Dec before its core group fell due: left out.
        ds.child("C3");
        ds.cp_plan("P3", "C3", d(2025, 12, 22))
            .ended(d(2025, 12, 29));
        let m = ds.measure(
            &InitialCoreGroups10wdPct,
            &[month(2025, 12), month(2026, 1), dfe_year(2026)],
        );
        assert_figure(&m[0], 0.0, Some(1.0), Some(0.0));
        assert_figure(&m[1], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[2], 1.0, Some(2.0), Some(50.0));
        assert_eq!(numerator_ids(&ds.context(), &m[2]), ["core groups:CG1"]);
    }
}
