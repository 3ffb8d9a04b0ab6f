//! Later core groups of a child protection plan, each within the local interval of the last
//! (local practice standard: the `core_group_interval` setting).

use super::chain::{Chain, Event};
use super::initial_core_group_10wd::conference_date;
use super::records::{ChildRecords, Kind, Reads};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::CpPlans, Kind::Conferences, Kind::CoreGroups]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "core_groups",
    kind: TaskKind::CoreGroup,
    title: "Core groups within the local interval",
    rule: "After a plan's first core group (on or after the conference that made the plan), each \
           core group is due within `core_group_interval` (default 20 working days) of the last \
           one actually held, and the plan's next core group does it. The chain stops with the plan; \
           a plan with no first core group yet has no later ones (the first is its own timescale).",
    source: "Local practice standard: Working Together 2023 sets no frequency after the first \
             meeting ('regularly'); councils set 4 weeks, 6 weeks or monthly (see \
             kpi-definitions.md 1.2); the seed plan reports 'core groups completed within 20 days'",
    basis: Basis::LocalStandard,
    settings: &["core_group_interval"],
};

/// The chain of later core groups of each plan.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    let interval = ctx.standards.core_group_interval;
    for plan in &child.cp_plans {
        let conference = conference_date(child, plan);
        let events: Vec<Event> = child
            .core_groups
            .iter()
            .filter(|cg| {
                cg.rec.plan == plan.rec.id && cg.rec.date >= conference && cg.rec.date <= as_of
            })
            .map(|cg| Event {
                date: cg.rec.date,
                record: cg.reference(kinds::CORE_GROUPS),
            })
            .collect();
        let Some(first) = events.iter().min().copied() else {
            continue;
        };
        if plan.rec.end.is_some_and(|end| first.date > end) {
            continue;
        }
        let chain = Chain::repeating(first.date, false, plan.rec.end, events);
        let case_open = is_open(plan.rec.start, plan.rec.end, as_of);
        let record = plan.reference(kinds::CP_PLANS);
        for link in chain.run(as_of, |anchor, _| interval.after(anchor)) {
            out.push(Scheduled::new(TaskKind::CoreGroup, record, link, case_open));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;
    use crate::settings::Interval;

    fn plan_with(end: Option<NaiveDate>, core_groups: &[NaiveDate]) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2025, 12, 19))
            .with(|p| p.end = end);
        for (i, date) in core_groups.iter().enumerate() {
            ds.core_group(&format!("CG{i}"), "C1", "P1", *date);
        }
        ds
    }

    #[test]
    fn each_due_20_working_days_after_the_last_one_held() {
        // First core group Wed 7 Jan 2026.
        // + 20 wd: 8-9 Jan (1-2); 12-16 (3-7); 19-23 (8-12); 26-30 (13-17); 2-4 Feb (18-20): Wed 4 Feb.
        // Held 4 Feb. + 20 wd: 5-6 Feb (1-2); 9-13 (3-7); 16-20 (8-12); 23-27 (13-17); 2-4 Mar
        // (18-20): Wed 4 Mar. Held late on Tue 10 Mar.
        // + 20 wd from 10 Mar: 11-13 (1-3); 16-20 (4-8); 23-27 (9-13); 30 Mar-2 Apr (14-17);
        // Good Friday 3 Apr and Easter Monday 6 Apr 2026 skipped; 7-9 Apr (18-20): Thu 9 Apr.
        let ds = plan_with(None, &[d(2026, 1, 7), d(2026, 2, 4), d(2026, 3, 10)]);
        let tasks = timeline(&ds, TaskKind::CoreGroup, d(2026, 4, 1));
        assert_eq!(
            summary(&tasks),
            [
                (d(2026, 2, 4), Some(d(2026, 2, 4)), Met),
                (d(2026, 3, 4), Some(d(2026, 3, 10)), MetLate),
                (d(2026, 4, 9), None, Due),
            ]
        );
        assert_eq!(
            status_on(&ds, TaskKind::CoreGroup, d(2026, 4, 5)),
            Some(DueSoon)
        );
        assert_eq!(
            status_on(&ds, TaskKind::CoreGroup, d(2026, 4, 10)),
            Some(Overdue)
        );
    }

    #[test]
    fn the_interval_is_a_setting() {
        // Monthly: 7 Jan 2026 + 1 month = 7 Feb 2026.
        let mut ds = plan_with(None, &[d(2026, 1, 7)]);
        ds.standards.core_group_interval = Interval::Months(1);
        assert_eq!(
            summary(&timeline(&ds, TaskKind::CoreGroup, d(2026, 1, 20))),
            [(d(2026, 2, 7), None, Due)]
        );
    }

    #[test]
    fn no_first_core_group_no_chain_and_the_plan_end_stops_it() {
        let none = plan_with(None, &[]);
        assert!(timeline(&none, TaskKind::CoreGroup, d(2026, 4, 1)).is_empty());
        // Plan ended 20 Jan, before the next core group fell due on 4 Feb: nothing owed.
        let ended = plan_with(Some(d(2026, 1, 20)), &[d(2026, 1, 7)]);
        assert!(timeline(&ended, TaskKind::CoreGroup, d(2026, 4, 1)).is_empty());
        // Plan ended 16 Feb: the 4 Feb one was owed and missed.
        let missed = plan_with(Some(d(2026, 2, 16)), &[d(2026, 1, 7)]);
        let tasks = timeline(&missed, TaskKind::CoreGroup, d(2026, 4, 1));
        assert_eq!(summary(&tasks), [(d(2026, 2, 4), None, Overdue)]);
        assert!(!tasks[0].case_open);
    }
}
