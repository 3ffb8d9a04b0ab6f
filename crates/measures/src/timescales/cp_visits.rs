//! Child protection visits, the child seen, within the local interval (local practice standard:
//! the `cp_visit_interval` setting).

use super::chain::{Chain, Event};
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;
use sightline_model::records::VisitKind;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::CpPlans, Kind::Visits]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "cp_visits",
    kind: TaskKind::CpVisit,
    title: "Child protection visits within the local interval",
    rule: "While a child protection plan is open, a visit in which the child is seen is due within \
           `cp_visit_interval` (default 15 working days) of the plan's start, then of the last such \
           visit. Child protection visits where the child was not seen do not count. A visit on the \
           plan's start day counts as the first. The chain stops with the plan.",
    source: "Local practice standard: England sets no statutory frequency for child protection \
             visits; councils set 10 or 15 working days, 14 days or 4 weeks (kpi-definitions.md \
             1.2); the seed plan reports 'Child Protection Visits - Statutory Timescales (15 working \
             days)'",
    basis: Basis::LocalStandard,
    settings: &["cp_visit_interval"],
};

/// The chain of visits of each child protection plan.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let interval = ctx.standards.cp_visit_interval;
    let visits = seen_visits(child, VisitKind::ChildProtection);
    for plan in &child.cp_plans {
        let chain = Chain::repeating(plan.rec.start, true, plan.rec.end, visits.clone());
        let case_open = is_open(plan.rec.start, plan.rec.end, as_of);
        let record = plan.reference(kinds::CP_PLANS);
        for link in chain.run(as_of, |anchor, _| interval.after(anchor)) {
            out.push(Scheduled::new(TaskKind::CpVisit, record, link, case_open));
        }
    }
}

/// The child's visits of `kind` in which the child was seen.
pub(crate) fn seen_visits(child: &ChildRecords<'_>, kind: VisitKind) -> Vec<Event> {
    child
        .visits
        .iter()
        .filter(|v| v.rec.kind == kind && v.rec.seen)
        .map(|v| Event {
            date: v.rec.date,
            record: v.reference(kinds::VISITS),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;

    /// Plan from Mon 14 Apr 2025.
    fn plan(end: Option<NaiveDate>) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2025, 4, 14)).with(|p| p.end = end);
        ds
    }

    #[test]
    fn every_15_working_days_from_the_last_visit_seen() {
        // Plan from Mon 14 Apr 2025. + 15 wd: 15-17 Apr (1-3); Good Friday 18 Apr, Easter Monday
        // 21 Apr; 22-25 Apr (4-7); 28 Apr-2 May (8-12); 5 May bank holiday; 6-8 May (13-15):
        // Thu 8 May. A visit on 1 May without seeing the child and a CIN visit on 2 May don't count.
        // Seen 8 May. + 15 wd: 9 May (1); 12-16 (2-6); 19-23 (7-11); 26 May spring bank holiday;
        // 27-30 May (12-15): Fri 30 May. Seen Mon 2 Jun (late).
        // + 15 wd: 3-6 Jun (1-4); 9-13 (5-9); 16-20 (10-14); Mon 23 Jun (15).
        let cp = VisitKind::ChildProtection;
        let mut ds = plan(None);
        ds.visit("V1", "C1", cp, d(2025, 5, 1)).not_seen();
        ds.visit("V2", "C1", VisitKind::ChildInNeed, d(2025, 5, 2));
        ds.visit("V3", "C1", cp, d(2025, 5, 8));
        ds.visit("V4", "C1", cp, d(2025, 6, 2));
        let tasks = timeline(&ds, TaskKind::CpVisit, d(2025, 6, 10));
        assert_eq!(
            summary(&tasks),
            [
                (d(2025, 5, 8), Some(d(2025, 5, 8)), Met),
                (d(2025, 5, 30), Some(d(2025, 6, 2)), MetLate),
                (d(2025, 6, 23), None, Due),
            ]
        );
        assert_eq!(
            status_on(&ds, TaskKind::CpVisit, d(2025, 6, 20)),
            Some(DueSoon)
        );
        assert_eq!(
            status_on(&ds, TaskKind::CpVisit, d(2025, 6, 24)),
            Some(Overdue)
        );
    }

    #[test]
    fn a_visit_on_the_start_day_counts_and_the_plan_end_stops_the_chain() {
        // Seen on the start day, Mon 14 Apr: done; the next is due 15 wd later, Thu 8 May.
        // The plan ended Fri 2 May, before that: nothing more is owed.
        let mut ds = plan(Some(d(2025, 5, 2)));
        ds.visit("V1", "C1", VisitKind::ChildProtection, d(2025, 4, 14));
        let tasks = timeline(&ds, TaskKind::CpVisit, d(2025, 6, 1));
        assert_eq!(
            summary(&tasks),
            [(d(2025, 5, 8), Some(d(2025, 4, 14)), Met)]
        );
        assert!(!tasks[0].case_open);
    }
}
