//! `cp_visits_in_time_pct`: Child protection visits (child seen) within the local interval, one per visit due in the period; built on the `cp_visits` timescale.
//!
//! The indicator and the worklists share one schedule: every task of the timescale due in a
//! period contributes 1 to the denominator, and 1 to the numerator when done on or before its due
//! date (see `timescales`).

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use crate::timescales::{TaskKind, in_time_contributions};

/// `cp_visits_in_time_pct`.
pub struct CpVisitsInTimePct;

static META: IndicatorMeta = IndicatorMeta {
    id: "cp_visits_in_time_pct",
    title: "Child Protection Visits - Statutory Timescales (15 working days)",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Child protection visits due in the period made (child seen) on or before their due date",
        denominator: "Child protection visits due in the period: the plan start, then the last visit with the child seen, + `cp_visit_interval` (default 15 working days)",
        period: "Due date in the period; a visit not made by the end of the last period requested counts as not in time",
        exclusions: "Visits where the child was not seen do not count as visits; visits that would fall due after the plan ended",
        source: "Local practice standard (kpi-definitions.md 1.2): England sets no statutory frequency",
    },
    breakdowns: CHILD_BREAKDOWNS,
};

impl Indicator for CpVisitsInTimePct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        in_time_contributions(ctx, TaskKind::CpVisit, periods, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::records::VisitKind;

    #[test]
    fn visits_due_in_the_month_against_the_15_working_day_standard() {
        // Plan from Mon 14 Apr 2025: first visit due Thu 8 May (over Easter and the May bank
        // holiday), seen 8 May: in time. Next due Fri 30 May (over the spring bank holiday), seen
        // Mon 2 Jun: late. Next due Mon 23 Jun, not made by 30 June. A visit on 20 May without
        // seeing the child is no visit.
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2025, 4, 14));
        ds.visit("V1", "C1", VisitKind::ChildProtection, d(2025, 5, 8));
        ds.visit("V2", "C1", VisitKind::ChildProtection, d(2025, 5, 20))
            .not_seen();
        ds.visit("V3", "C1", VisitKind::ChildProtection, d(2025, 6, 2));
        let m = ds.measure(&CpVisitsInTimePct, &[month(2025, 5), month(2025, 6)]);
        assert_figure(&m[0], 1.0, Some(2.0), Some(50.0));
        assert_figure(&m[1], 0.0, Some(1.0), Some(0.0));
        let ctx = ds.context();
        assert_eq!(numerator_ids(&ctx, &m[0]), ["visits:V1"]);
        assert_eq!(denominator_ids(&ctx, &m[0]), ["visits:V1", "visits:V3"]);
        assert_eq!(denominator_ids(&ctx, &m[1]), ["child protection plans:P1"]);
    }
}
