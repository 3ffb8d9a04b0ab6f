//! `core_groups_in_time_pct`: Core groups after the first held within the local interval of the last, one per core group due in the period; built on the `core_groups` timescale.
//!
//! The indicator and the worklists share one schedule: every task of the timescale due in a
//! period contributes 1 to the denominator, and 1 to the numerator when done on or before its due
//! date (see `timescales`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use crate::timescales::{TaskKind, in_time_contributions};

/// `core_groups_in_time_pct`.
pub struct CoreGroupsInTimePct;

static META: IndicatorMeta = IndicatorMeta {
    id: "core_groups_in_time_pct",
    title: "Percentage of subsequent core groups within timescales",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Core groups (after the first) due in the period that were held on or before their due date",
        denominator: "Core groups due in the period: the last one held + `core_group_interval` (default 20 working days)",
        period: "Due date in the period; one not held by the end of the last period requested counts as not in time",
        exclusions: "Plans with no first core group yet; core groups that would fall due after the plan ended",
        source: "Local practice standard (kpi-definitions.md 1.2); no national standard or statistic",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CoreGroupsInTimePct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        in_time_contributions(ctx, TaskKind::CoreGroup, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn later_core_groups_against_the_20_working_day_standard() {
        // First core group Wed 7 Jan 2026; next due Wed 4 Feb (20 working days), held 4 Feb: in
        // time; next due Wed 4 Mar, held Tue 10 Mar: late; next due Thu 9 Apr (over Easter 2026),
        // not held by 30 April: not in time.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2025, 12, 19));
        ds.core_group("CG1", "C1", "P1", d(2026, 1, 7));
        ds.core_group("CG2", "C1", "P1", d(2026, 2, 4));
        ds.core_group("CG3", "C1", "P1", d(2026, 3, 10));
        let periods = [
            month(2026, 1),
            month(2026, 2),
            month(2026, 3),
            month(2026, 4),
        ];
        let m = ds.measure(&CoreGroupsInTimePct, &periods);
        // The first core group is the other indicator's: nothing in January.
        assert_figure(&m[0], 0.0, Some(0.0), None);
        assert_figure(&m[1], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[2], 0.0, Some(1.0), Some(0.0));
        assert_figure(&m[3], 0.0, Some(1.0), Some(0.0));
        assert_eq!(denominator_ids(&ds.context(), &m[2]), ["core groups:CG3"]);
    }
}
