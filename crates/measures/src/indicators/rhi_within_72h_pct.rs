//! `rhi_within_72h_pct`: Return home interviews offered within 72 hours of a missing child's return, one per return due in the period; built on the `rhi_72h` timescale.
//!
//! The indicator and the worklists share one schedule: every task of the timescale due in a
//! period contributes 1 to the denominator, and 1 to the numerator when done on or before its due
//! date (see `timescales`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use crate::timescales::{TaskKind, in_time_contributions};

/// `rhi_within_72h_pct`.
pub struct RhiWithin72hPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "rhi_within_72h_pct",
    title: "Percentage of return home interviews offered within 72 hours",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Returns from a missing episode whose return home interview was offered (or held) by the due date",
        denominator: "Returns from a missing episode whose interview fell due in the period (return date + `rhi_hours`, default 72 = 3 calendar days: records carry dates only)",
        period: "Due date in the period; an interview not offered by the end of the last period requested counts as not in time",
        exclusions: "'Away from placement' episodes (whereabouts known); episodes with no return date yet",
        source: "DfE statutory guidance on children who run away or go missing from home or care (2014); local measure (no DfE statistic)",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for RhiWithin72hPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        in_time_contributions(ctx, TaskKind::ReturnInterview, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;

    #[test]
    fn offers_within_three_days_of_the_return() {
        let mut ds = Dataset::new();
        // C1 returned Mon 29 Dec 2025: due Thu 1 Jan 2026, offered that day: in time (January).
        ds.child("C1");
        ds.missing("M1", "C1", d(2025, 12, 27))
            .returned(d(2025, 12, 29))
            .rhi(d(2026, 1, 1), None);
        // C2 returned Wed 31 Dec 2025: due Sat 3 Jan 2026, offered Mon 5 Jan: late (January).
        ds.child("C2");
        ds.missing("M2", "C2", d(2025, 12, 30))
            .returned(d(2025, 12, 31))
            .rhi(d(2026, 1, 5), None);
        // C3 returned Sun 30 Nov 2025: due Wed 3 Dec, never offered (December).
        ds.child("C3");
        ds.missing("M3", "C3", d(2025, 11, 29))
            .returned(d(2025, 11, 30));
        // C4 away from placement (whereabouts known): no interview owed.
        ds.child("C4");
        ds.missing("M4", "C4", d(2025, 12, 1))
            .away()
            .returned(d(2025, 12, 2));
        let m = ds.measure(&RhiWithin72hPct, &[month(2025, 12), month(2026, 1)]);
        assert_figure(&m[0], 0.0, Some(1.0), Some(0.0));
        assert_figure(&m[1], 1.0, Some(2.0), Some(50.0));
        let ctx = ds.context();
        assert_eq!(numerator_ids(&ctx, &m[1]), ["missing episodes:M1"]);
        assert_eq!(denominator_ids(&ctx, &m[0]), ["missing episodes:M3"]);
    }
}
