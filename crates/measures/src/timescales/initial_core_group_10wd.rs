//! First core group within 10 working days of the initial child protection conference
//! (Working Together 2023; the interval is the `first_core_group` setting).

use super::chain::{Event, one_off};
use super::records::{ChildRecords, Kind, Reads, Rec};
use super::{Basis, Scheduled, TaskKind, TimescaleMeta};
use crate::context::{Context, is_open, kinds};
use chrono::NaiveDate;
use sightline_model::records::{ChildProtectionPlan, ConferenceKind};

/// The record kinds read.
pub(crate) const READS: Reads = Reads::of(&[Kind::CpPlans, Kind::Conferences, Kind::CoreGroups]);

pub(crate) static META: TimescaleMeta = TimescaleMeta {
    id: "initial_core_group_10wd",
    kind: TaskKind::FirstCoreGroup,
    title: "First core group within 10 working days of the ICPC",
    rule: "Every child protection plan owes a first core group meeting within `first_core_group` \
           (default 10 working days) of the conference that made the plan: the initial or \
           transfer-in conference naming the plan, or the plan's start date when none does. The \
           plan's first core group on or after that date does it. A plan that ends before the due \
           date without a core group owes nothing. Open while the plan is open.",
    source: "Working Together to Safeguard Children 2023, chapter 2 (the core group should meet \
             within 10 working days of the initial child protection conference)",
    basis: Basis::StatutoryGuidance,
    settings: &["first_core_group"],
};

/// One task per child protection plan started by `as_of`.
pub(crate) fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    for plan in &child.cp_plans {
        let conference = conference_date(child, plan);
        let due = ctx.standards.first_core_group.after(conference);
        let first = child
            .core_groups
            .iter()
            .filter(|cg| cg.rec.plan == plan.rec.id && cg.rec.date >= conference)
            .min_by_key(|cg| (cg.rec.date, cg.index))
            .map(|cg| Event {
                date: cg.rec.date,
                record: cg.reference(kinds::CORE_GROUPS),
            });
        if let Some(link) = one_off(
            plan.rec.start.min(conference),
            due,
            first,
            plan.rec.end,
            as_of,
        ) {
            let case_open = is_open(plan.rec.start, plan.rec.end, as_of);
            let record = plan.reference(kinds::CP_PLANS);
            out.push(Scheduled::new(
                TaskKind::FirstCoreGroup,
                record,
                link,
                case_open,
            ));
        }
    }
}

/// The date of the conference that made the plan: the initial or transfer-in conference naming
/// it, else the plan's start (the two are the same day when both are recorded).
pub(crate) fn conference_date(
    child: &ChildRecords<'_>,
    plan: &Rec<'_, ChildProtectionPlan>,
) -> NaiveDate {
    child
        .conferences
        .iter()
        .filter(|c| {
            matches!(
                c.rec.kind,
                ConferenceKind::Initial | ConferenceKind::TransferIn
            )
        })
        .filter(|c| c.rec.plan.as_ref() == Some(&plan.rec.id))
        .map(|c| c.rec.date)
        .min()
        .unwrap_or(plan.rec.start)
}

#[cfg(test)]
mod tests {
    use super::super::TaskStatus::*;
    use super::super::testdata::*;
    use super::*;

    fn plan_from(start: NaiveDate, end: Option<NaiveDate>, core_groups: &[NaiveDate]) -> Dataset {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.cp_plan("P1", "C1", start).with(|p| p.end = end);
        for (i, date) in core_groups.iter().enumerate() {
            ds.core_group(&format!("CG{i}"), "C1", "P1", *date);
        }
        ds
    }

    #[test]
    fn christmas_and_new_year_are_skipped() {
        // ICPC Fri 19 Dec 2025 + 10 working days: 22-24 Dec (1-3); 25, 26 Dec bank holidays;
        // 29-31 Dec (4-6); 1 Jan bank holiday; 2 Jan (7); 5-7 Jan (8-10): Wed 7 Jan 2026.
        let met = plan_from(d(2025, 12, 19), None, &[d(2026, 1, 7)]);
        assert_eq!(
            summary(&timeline(&met, TaskKind::FirstCoreGroup, d(2026, 2, 1))),
            [(d(2026, 1, 7), Some(d(2026, 1, 7)), Met)]
        );
        let late = plan_from(d(2025, 12, 19), None, &[d(2026, 1, 8), d(2026, 1, 30)]);
        assert_eq!(
            summary(&timeline(&late, TaskKind::FirstCoreGroup, d(2026, 2, 1))),
            [(d(2026, 1, 7), Some(d(2026, 1, 8)), MetLate)]
        );
    }

    #[test]
    fn month_end_weekend_and_statuses() {
        // ICPC Fri 28 Feb 2025 + 10 working days: 3-7 Mar (1-5); 10-14 Mar (6-10): Fri 14 Mar.
        let ds = plan_from(d(2025, 2, 28), None, &[]);
        let at = |day| summary(&timeline(&ds, TaskKind::FirstCoreGroup, d(2025, 3, day)));
        assert_eq!(at(1), [(d(2025, 3, 14), None, Due)]);
        assert_eq!(at(9), [(d(2025, 3, 14), None, DueSoon)]);
        assert_eq!(at(15), [(d(2025, 3, 14), None, Overdue)]);
    }

    #[test]
    fn the_conference_naming_the_plan_starts_the_clock() {
        // Conference Thu 18 Dec 2025, plan recorded from 19 Dec: 19 Dec (1); 22-24 (2-4);
        // 29-31 (5-7); 2 Jan (8); 5 Jan (9); Tue 6 Jan 2026 (10). A core group on 17 Dec, before
        // the conference, does not count.
        let mut ds = plan_from(d(2025, 12, 19), None, &[d(2025, 12, 17)]);
        ds.conference("IC1", "C1", "R1", d(2025, 12, 18)).plan("P1");
        assert_eq!(
            summary(&timeline(&ds, TaskKind::FirstCoreGroup, d(2026, 1, 31))),
            [(d(2026, 1, 6), None, Overdue)]
        );
    }

    #[test]
    fn a_plan_ended_before_the_due_date_owes_nothing() {
        let short = plan_from(d(2025, 12, 19), Some(d(2025, 12, 30)), &[]);
        assert!(timeline(&short, TaskKind::FirstCoreGroup, d(2026, 2, 1)).is_empty());
        // Ended after the due date with no core group: a missed task of a closed plan.
        let ended = plan_from(d(2025, 12, 19), Some(d(2026, 1, 9)), &[]);
        let tasks = timeline(&ended, TaskKind::FirstCoreGroup, d(2026, 2, 1));
        assert_eq!(summary(&tasks), [(d(2026, 1, 7), None, Overdue)]);
        assert!(!tasks[0].case_open);
    }
}
