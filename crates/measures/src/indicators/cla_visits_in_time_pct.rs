//! `cla_visits_in_time_pct`: Looked-after visits (child seen) within timescale, one per visit due in the period; built on the `cla_visits` timescale.
//!
//! The indicator and the worklists share one schedule: every task of the timescale due in a
//! period contributes 1 to the denominator, and 1 to the numerator when done on or before its due
//! date (see `timescales`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use crate::timescales::{TaskKind, in_time_contributions};

/// `cla_visits_in_time_pct`.
pub struct ClaVisitsInTimePct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cla_visits_in_time_pct",
    title: "Children looked after visits within practice standards timescales",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Looked-after visits due in the period made (child seen) on or before their due date",
        denominator: "Looked-after visits due in the period: within a week of each placement starting, then the last visit + `cla_visit_interval` (default 6 weeks)",
        period: "Due date in the period; a visit not made by the end of the last period requested counts as not in time",
        exclusions: "Short breaks (V3/V4); visits where the child was not seen; visits that would fall due after the placement ended. Simplified from reg 28 (see the timescale)",
        source: "CPPR 2010 (SI 2010/959) reg 28 and local practice standards (kpi-definitions.md 1.4)",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for ClaVisitsInTimePct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        in_time_contributions(ctx, TaskKind::ClaVisit, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::records::VisitKind;

    #[test]
    fn a_week_from_placement_then_six_weekly() {
        // Looked after from Fri 28 Feb 2025: first visit due Fri 7 Mar, seen 6 Mar (March: in
        // time); next due Thu 17 Apr, seen that day (April: in time); next due Thu 29 May, seen
        // Mon 2 Jun (May: late).
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2025, 2, 28));
        ds.visit("V1", "C1", VisitKind::LookedAfter, d(2025, 3, 6));
        ds.visit("V2", "C1", VisitKind::LookedAfter, d(2025, 4, 17));
        ds.visit("V3", "C1", VisitKind::LookedAfter, d(2025, 6, 2));
        let m = ds.measure(
            &ClaVisitsInTimePct,
            &[
                month(2025, 2),
                month(2025, 3),
                month(2025, 4),
                month(2025, 5),
            ],
        );
        assert_figure(&m[0], 0.0, Some(0.0), None);
        assert_figure(&m[1], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[2], 1.0, Some(1.0), Some(100.0));
        assert_figure(&m[3], 0.0, Some(1.0), Some(0.0));
    }
}
