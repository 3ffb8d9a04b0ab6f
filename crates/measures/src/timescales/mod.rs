//! Per-child statutory timescales: for every task a child's plan sets (an assessment, a conference,
//! a visit, a review...), its due date, its completion and its status on an as-of date; and the
//! team and worker worklists built from them.
//!
//! One file per timescale holds its metadata (id, rule in plain English, source) and its tests;
//! [`TaskKind::ALL`] is the registry. The shared scheduling rule (each task due from the previous
//! completion, the plan's end closing the chain) lives in `chain.rs`, so every timescale behaves
//! alike. The indicators of timeliness are built on the same tasks, so the board figure and the
//! worklist always agree on due dates.
//!
//! # Faces
//! - [`tasks`]: what is outstanding on an as-of date for every open case (a worklist's input).
//! - [`tasks_for_child`]: one child's whole timeline as it stood on a date, met tasks included.
//! - [`history`]: every task of one kind due in a date range, met or not (what indicators count).
//! - [`worklist`]: outstanding tasks grouped by team or worker, most overdue first.
//!
//! **Invariant:** nothing here reads the clock; the as-of date is always passed in, and records
//! dated after it are ignored, so a past date gives the picture as it stood that day.
//!
//! # Example
//! ```
//! use chrono::NaiveDate;
//! use sightline_measures::{context::Context, settings::PracticeStandards, timescales};
//! use sightline_model::CaseRecords;
//! let records = CaseRecords::default();
//! let ctx = Context::new(&records, PracticeStandards::default(), 100_000);
//! let as_of = NaiveDate::from_ymd_opt(2026, 3, 31).unwrap();
//! let open = timescales::tasks(&ctx, as_of);
//! assert!(timescales::worklist(&open, timescales::GroupBy::Team).is_empty());
//! ```

mod adoption_match;
mod adoption_placement;
mod assessment_45wd;
mod care;
mod chain;
mod cin_reviews;
mod cin_visits;
mod cla_reviews;
mod cla_visits;
mod core_groups;
mod cp_reviews;
mod cp_visits;
mod icpc_15wd;
mod initial_core_group_10wd;
mod pathway_plans;
mod permanence_plan;
mod records;
mod rhi_72h;
#[cfg(test)]
mod testdata;

use crate::context::Context;
use crate::indicator::{Contribution, RecordRef};
use crate::period::Period;
use chain::Link;
use chrono::{Duration, NaiveDate};
use records::{ChildRecords, Reads, responsible};
use sightline_model::ids::{TeamId, WorkerId};
use std::cmp::Reverse;
use std::collections::BTreeMap;

/// The kind of a task: one per timescale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskKind {
    /// Single assessment authorised within 45 working days.
    Assessment,
    /// Initial child protection conference within 15 working days of the strategy discussion.
    Icpc,
    /// First core group within 10 working days of the ICPC.
    FirstCoreGroup,
    /// Each later core group within the core group interval.
    CoreGroup,
    /// Child protection visit (child seen) within the CP visit interval.
    CpVisit,
    /// Child protection review conference: 3 months, then 6-monthly.
    CpReview,
    /// Child in need plan review within the CIN review interval.
    CinReview,
    /// Child in need visit (child seen) within the CIN visit interval.
    CinVisit,
    /// Looked-after review: 20 working days, 3 months, then 6-monthly.
    ClaReview,
    /// Looked-after visit: within a week of a placement, then within the CLA visit interval.
    ClaVisit,
    /// Return home interview offered within 72 hours of a missing child's return.
    ReturnInterview,
    /// Pathway plan review within the pathway plan interval.
    PathwayPlanReview,
    /// Permanence plan agreed by the second looked-after review.
    PermanencePlan,
    /// Match with adopters within the A2 threshold of the placement order.
    AdoptionMatch,
    /// Placed for adoption within the A1 threshold of entering care.
    AdoptionPlacement,
}

/// What a timescale rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Basis {
    /// Regulations (a statutory instrument).
    Regulations,
    /// Statutory guidance (Working Together, DfE guidance).
    StatutoryGuidance,
    /// A national performance threshold (DfE adoption scorecard).
    NationalThreshold,
    /// A local practice standard: the interval is a setting.
    LocalStandard,
}

impl Basis {
    /// Plain label.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Regulations => "regulations",
            Basis::StatutoryGuidance => "statutory guidance",
            Basis::NationalThreshold => "national threshold",
            Basis::LocalStandard => "local practice standard",
        }
    }
}

/// Everything that describes a timescale. Ids are stable.
#[derive(Clone, Copy, Debug)]
pub struct TimescaleMeta {
    /// Stable id, e.g. `cla_reviews`.
    pub id: &'static str,
    /// The kind of task it produces.
    pub kind: TaskKind,
    /// Short title.
    pub title: &'static str,
    /// The rule in plain English: when a task arises, when it is due, what completes it.
    pub rule: &'static str,
    /// Where the rule comes from.
    pub source: &'static str,
    /// What the rule rests on.
    pub basis: Basis,
    /// The `PracticeStandards` fields that set it (empty when fixed by statute).
    pub settings: &'static [&'static str],
}

/// A scheduler: adds one child's tasks of one kind, as they stood on the as-of date.
type Scheduler = for<'a> fn(&Context<'_>, &ChildRecords<'a>, NaiveDate, &mut Vec<Scheduled<'a>>);

impl TaskKind {
    /// Every kind, in registry order (the order worklists and reports list them in).
    pub const ALL: &'static [TaskKind] = &[
        TaskKind::Assessment,
        TaskKind::Icpc,
        TaskKind::FirstCoreGroup,
        TaskKind::CoreGroup,
        TaskKind::CpVisit,
        TaskKind::CpReview,
        TaskKind::CinReview,
        TaskKind::CinVisit,
        TaskKind::ClaReview,
        TaskKind::ClaVisit,
        TaskKind::ReturnInterview,
        TaskKind::PathwayPlanReview,
        TaskKind::PermanencePlan,
        TaskKind::AdoptionMatch,
        TaskKind::AdoptionPlacement,
    ];

    /// The timescale's description.
    pub fn meta(self) -> &'static TimescaleMeta {
        match self {
            TaskKind::Assessment => &assessment_45wd::META,
            TaskKind::Icpc => &icpc_15wd::META,
            TaskKind::FirstCoreGroup => &initial_core_group_10wd::META,
            TaskKind::CoreGroup => &core_groups::META,
            TaskKind::CpVisit => &cp_visits::META,
            TaskKind::CpReview => &cp_reviews::META,
            TaskKind::CinReview => &cin_reviews::META,
            TaskKind::CinVisit => &cin_visits::META,
            TaskKind::ClaReview => &cla_reviews::META,
            TaskKind::ClaVisit => &cla_visits::META,
            TaskKind::ReturnInterview => &rhi_72h::META,
            TaskKind::PathwayPlanReview => &pathway_plans::META,
            TaskKind::PermanencePlan => &permanence_plan::META,
            TaskKind::AdoptionMatch => &adoption_match::META,
            TaskKind::AdoptionPlacement => &adoption_placement::META,
        }
    }

    /// The stable id of the timescale (`meta().id`).
    pub fn id(self) -> &'static str {
        self.meta().id
    }

    /// The kind with this timescale id.
    pub fn from_id(id: &str) -> Option<TaskKind> {
        TaskKind::ALL.iter().copied().find(|k| k.id() == id)
    }

    /// The record kinds its timescale reads.
    fn reads(self) -> Reads {
        match self {
            TaskKind::Assessment => assessment_45wd::READS,
            TaskKind::Icpc => icpc_15wd::READS,
            TaskKind::FirstCoreGroup => initial_core_group_10wd::READS,
            TaskKind::CoreGroup => core_groups::READS,
            TaskKind::CpVisit => cp_visits::READS,
            TaskKind::CpReview => cp_reviews::READS,
            TaskKind::CinReview => cin_reviews::READS,
            TaskKind::CinVisit => cin_visits::READS,
            TaskKind::ClaReview => cla_reviews::READS,
            TaskKind::ClaVisit => cla_visits::READS,
            TaskKind::ReturnInterview => rhi_72h::READS,
            TaskKind::PathwayPlanReview => pathway_plans::READS,
            TaskKind::PermanencePlan => permanence_plan::READS,
            TaskKind::AdoptionMatch => adoption_match::READS,
            TaskKind::AdoptionPlacement => adoption_placement::READS,
        }
    }

    fn scheduler(self) -> Scheduler {
        match self {
            TaskKind::Assessment => assessment_45wd::schedule,
            TaskKind::Icpc => icpc_15wd::schedule,
            TaskKind::FirstCoreGroup => initial_core_group_10wd::schedule,
            TaskKind::CoreGroup => core_groups::schedule,
            TaskKind::CpVisit => cp_visits::schedule,
            TaskKind::CpReview => cp_reviews::schedule,
            TaskKind::CinReview => cin_reviews::schedule,
            TaskKind::CinVisit => cin_visits::schedule,
            TaskKind::ClaReview => cla_reviews::schedule,
            TaskKind::ClaVisit => cla_visits::schedule,
            TaskKind::ReturnInterview => rhi_72h::schedule,
            TaskKind::PathwayPlanReview => pathway_plans::schedule,
            TaskKind::PermanencePlan => permanence_plan::schedule,
            TaskKind::AdoptionMatch => adoption_match::schedule,
            TaskKind::AdoptionPlacement => adoption_placement::schedule,
        }
    }
}

/// Where a task stands on the as-of date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TaskStatus {
    /// Done on or before the due date.
    Met,
    /// Done after the due date.
    MetLate,
    /// Not done; due later than the "due soon" window.
    Due,
    /// Not done; due today or within `due_soon_days` calendar days.
    DueSoon,
    /// Not done and the due date has passed.
    Overdue,
}

impl TaskStatus {
    /// The status of a task due on `due`, done on `done` (on or before `as_of`), seen on `as_of`.
    pub fn of(
        due: NaiveDate,
        done: Option<NaiveDate>,
        as_of: NaiveDate,
        due_soon_days: u32,
    ) -> Self {
        match done {
            Some(done) if done <= due => TaskStatus::Met,
            Some(_) => TaskStatus::MetLate,
            None if due < as_of => TaskStatus::Overdue,
            None if due <= as_of + Duration::days(i64::from(due_soon_days)) => TaskStatus::DueSoon,
            None => TaskStatus::Due,
        }
    }

    /// Whether the task is still to do.
    pub fn is_outstanding(self) -> bool {
        matches!(
            self,
            TaskStatus::Due | TaskStatus::DueSoon | TaskStatus::Overdue
        )
    }

    /// Stable machine name.
    pub fn name(self) -> &'static str {
        match self {
            TaskStatus::Met => "met",
            TaskStatus::MetLate => "met_late",
            TaskStatus::Due => "due",
            TaskStatus::DueSoon => "due_soon",
            TaskStatus::Overdue => "overdue",
        }
    }
}

/// One task of one child: what is due, when, and where it stands on the as-of date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Task {
    /// The child (index into `CaseRecords::children`).
    pub child: u32,
    /// The kind of task.
    pub kind: TaskKind,
    /// The record that gives rise to the task: the assessment; the S47 enquiry; the CP plan (core
    /// groups, CP visits and reviews); the CIN plan; the first episode of the period of care (CLA
    /// reviews, permanence plan) or of the placement (CLA visits); the missing episode; the first
    /// pathway plan; the permanence record (adoption milestones).
    pub record: RecordRef,
    /// The record that did the task (the visit, the review, the meeting...), if done.
    pub done_by: Option<RecordRef>,
    /// Due date (the last day on which it is in time).
    pub due: NaiveDate,
    /// Date done, if done on or before the as-of date.
    pub done: Option<NaiveDate>,
    /// Status on the as-of date.
    pub status: TaskStatus,
    /// Whether the plan or episode that gives rise to the task was still open on the as-of date.
    pub case_open: bool,
    /// Team responsible (the allocated worker's team).
    pub team: Option<TeamId>,
    /// Worker responsible (the allocated worker).
    pub worker: Option<WorkerId>,
}

impl Task {
    /// Calendar days past the due date on `as_of` (0 if not overdue).
    pub fn days_overdue(&self, as_of: NaiveDate) -> i64 {
        if self.status == TaskStatus::Overdue {
            (as_of - self.due).num_days().max(0)
        } else {
            0
        }
    }

    /// Whether the task was done on or before its due date.
    pub fn met(&self) -> bool {
        self.status == TaskStatus::Met
    }
}

/// A task as a timescale schedules it, before status and responsibility are worked out.
pub(crate) struct Scheduled<'a> {
    pub kind: TaskKind,
    pub record: RecordRef,
    pub link: Link,
    pub case_open: bool,
    /// The record's own worker, used when the child has no allocation.
    pub worker_hint: Option<&'a WorkerId>,
    /// The record's own team, used when the worker's team is unknown.
    pub team_hint: Option<&'a TeamId>,
}

impl<'a> Scheduled<'a> {
    /// A scheduled task with no responsibility hints.
    pub fn new(kind: TaskKind, record: RecordRef, link: Link, case_open: bool) -> Self {
        Scheduled {
            kind,
            record,
            link,
            case_open,
            worker_hint: None,
            team_hint: None,
        }
    }

    fn into_task(
        self,
        ctx: &Context<'_>,
        child: u32,
        as_of: NaiveDate,
        responsible_on: NaiveDate,
    ) -> Task {
        let (team, worker) =
            responsible(ctx, child, responsible_on, self.worker_hint, self.team_hint);
        let done = self.link.done.map(|e| e.date);
        let due_soon_days = ctx.standards.due_soon_days;
        Task {
            child,
            kind: self.kind,
            record: self.record,
            done_by: self.link.done.map(|e| e.record),
            due: self.link.due,
            done,
            status: TaskStatus::of(self.link.due, done, as_of, due_soon_days),
            case_open: self.case_open,
            team,
            worker,
        }
    }
}

/// Adds one child's tasks of `kinds` as they stood on `as_of`.
fn schedule<'a>(
    ctx: &Context<'_>,
    child: &ChildRecords<'a>,
    kinds: &[TaskKind],
    as_of: NaiveDate,
    out: &mut Vec<Scheduled<'a>>,
) {
    for kind in kinds {
        (kind.scheduler())(ctx, child, as_of, out);
    }
}

/// Every task outstanding on `as_of` (due, due soon or overdue) for every open case, with the
/// team and worker allocated on `as_of`. Tasks of closed plans and episodes are left out, and so
/// are tasks already done: use [`tasks_for_child`] or [`history`] for those.
pub fn tasks(ctx: &Context<'_>, as_of: NaiveDate) -> Vec<Task> {
    collect(
        ctx,
        TaskKind::ALL,
        as_of,
        |s| s.case_open && s.link.done.is_none(),
        |_| as_of,
    )
}

/// One child's whole timeline as it stood on `as_of`: every task of every kind, met or not, of
/// open and closed plans alike (`case_open` tells them apart), with the team and worker allocated
/// on `as_of`. Empty if `child` is not an index into `CaseRecords::children`.
pub fn tasks_for_child(ctx: &Context<'_>, child: u32, as_of: NaiveDate) -> Vec<Task> {
    let Some(records) = ChildRecords::one(ctx, child) else {
        return Vec::new();
    };
    let mut scheduled = Vec::new();
    schedule(ctx, &records, TaskKind::ALL, as_of, &mut scheduled);
    let mut out: Vec<Task> = scheduled
        .into_iter()
        .map(|s| s.into_task(ctx, child, as_of, as_of))
        .collect();
    sort_tasks(&mut out);
    out
}

/// Every task of `kind` due from `from` to `to` (both included), open and closed cases alike, as
/// it stood on `to`: met, met late, or not done by `to` (overdue). The team and worker are those
/// allocated on the due date, who were responsible when it fell due.
pub fn history(ctx: &Context<'_>, kind: TaskKind, from: NaiveDate, to: NaiveDate) -> Vec<Task> {
    collect(
        ctx,
        &[kind],
        to,
        |s| from <= s.link.due && s.link.due <= to,
        |s| s.link.due,
    )
}

/// The tasks of `kinds` of every child as they stood on `as_of` that `keep` keeps, responsibility
/// taken on the date `responsible_on` gives, sorted.
pub(crate) fn collect(
    ctx: &Context<'_>,
    kinds: &[TaskKind],
    as_of: NaiveDate,
    keep: impl Fn(&Scheduled<'_>) -> bool,
    responsible_on: impl Fn(&Scheduled<'_>) -> NaiveDate,
) -> Vec<Task> {
    let mut out = Vec::new();
    let mut scheduled = Vec::new();
    for child in ChildRecords::all(ctx, reads_of(kinds)) {
        scheduled.clear();
        schedule(ctx, &child, kinds, as_of, &mut scheduled);
        out.extend(scheduled.drain(..).filter(|s| keep(s)).map(|s| {
            let on = responsible_on(&s);
            s.into_task(ctx, child.child, as_of, on)
        }));
    }
    sort_tasks(&mut out);
    out
}

/// The record kinds the timescales of `kinds` read.
fn reads_of(kinds: &[TaskKind]) -> Reads {
    kinds
        .iter()
        .fold(Reads::NONE, |reads, kind| reads.union(kind.reads()))
}

/// The contributions of a timeliness indicator: one per task of `kind` due in each period,
/// numerator 1 when done on or before its due date. Tasks are computed once, as they stood at the
/// end of the last period, so a task not done by then counts as not in time.
pub(crate) fn in_time_contributions(
    ctx: &Context<'_>,
    kind: TaskKind,
    periods: &[Period],
    out: &mut Vec<Contribution>,
) {
    let Some(as_of) = periods.iter().map(|p| p.end()).max() else {
        return;
    };
    let mut scheduled = Vec::new();
    for child in ChildRecords::all(ctx, kind.reads()) {
        scheduled.clear();
        schedule(ctx, &child, &[kind], as_of, &mut scheduled);
        for s in &scheduled {
            let met = s.link.done.is_some_and(|e| e.date <= s.link.due);
            let record = s.link.done.map_or(s.record, |e| e.record);
            for (index, period) in periods.iter().enumerate() {
                if period.contains(s.link.due) {
                    out.push(Contribution {
                        period: index as u32,
                        child: Some(child.child),
                        worker: None,
                        record,
                        numerator: if met { 1.0 } else { 0.0 },
                        denominator: 1.0,
                    });
                }
            }
        }
    }
}

/// Due date first, then child, then kind: a stable, readable order.
fn sort_tasks(tasks: &mut [Task]) {
    tasks.sort_by_key(|t| (t.due, t.child, t.kind, t.record));
}

/// How to group a worklist.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum GroupBy {
    /// By the allocated worker's team.
    Team,
    /// By the allocated worker.
    Worker,
}

/// The key of a worklist group.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum WorklistKey {
    /// A team.
    Team(TeamId),
    /// A worker.
    Worker(WorkerId),
    /// Tasks of children with no allocated worker (or whose worker's team is unknown).
    Unallocated,
}

/// The outstanding tasks of one team or worker.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WorklistGroup {
    /// The team or worker.
    pub key: WorklistKey,
    /// Overdue tasks, most overdue (earliest due date) first.
    pub overdue: Vec<Task>,
    /// Tasks due soon, soonest first.
    pub due_soon: Vec<Task>,
    /// Other outstanding tasks, soonest first.
    pub due: Vec<Task>,
}

/// Groups the outstanding tasks (met ones are ignored) by team or worker. Groups come most
/// overdue first: most overdue tasks, then the oldest overdue due date, then the key.
pub fn worklist(tasks: &[Task], group: GroupBy) -> Vec<WorklistGroup> {
    let mut groups: BTreeMap<WorklistKey, WorklistGroup> = BTreeMap::new();
    for task in tasks.iter().filter(|t| t.status.is_outstanding()) {
        let key = match group {
            GroupBy::Team => task.team.clone().map(WorklistKey::Team),
            GroupBy::Worker => task.worker.clone().map(WorklistKey::Worker),
        }
        .unwrap_or(WorklistKey::Unallocated);
        let entry = groups.entry(key.clone()).or_insert_with(|| WorklistGroup {
            key,
            overdue: Vec::new(),
            due_soon: Vec::new(),
            due: Vec::new(),
        });
        match task.status {
            TaskStatus::Overdue => entry.overdue.push(task.clone()),
            TaskStatus::DueSoon => entry.due_soon.push(task.clone()),
            _ => entry.due.push(task.clone()),
        }
    }
    let mut out: Vec<WorklistGroup> = groups.into_values().collect();
    for g in &mut out {
        sort_tasks(&mut g.overdue);
        sort_tasks(&mut g.due_soon);
        sort_tasks(&mut g.due);
    }
    out.sort_by_key(|g| {
        let oldest = g.overdue.first().map(|t| t.due);
        (Reverse(g.overdue.len()), oldest.is_none(), oldest)
    });
    out
}

#[cfg(test)]
mod tests {
    use super::TaskStatus::*;
    use super::testdata::*;
    use super::*;
    use sightline_model::records::VisitKind;
    use std::collections::HashSet;

    #[test]
    fn the_registry_is_complete_and_ids_are_unique() {
        let ids: HashSet<&str> = TaskKind::ALL.iter().map(|k| k.id()).collect();
        assert_eq!(ids.len(), TaskKind::ALL.len());
        for &kind in TaskKind::ALL {
            let meta = kind.meta();
            assert_eq!(meta.kind, kind, "{} names another kind", meta.id);
            assert_eq!(TaskKind::from_id(meta.id), Some(kind));
            assert!(
                !meta.rule.is_empty() && !meta.source.is_empty(),
                "{} undocumented",
                meta.id
            );
        }
        assert_eq!(TaskKind::from_id("no_such_timescale"), None);
    }

    #[test]
    fn every_timescale_file_is_registered_and_every_setting_exists() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/timescales");
        let support = ["mod", "chain", "care", "records", "testdata"];
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter_map(|p| p.file_stem().map(|s| s.to_string_lossy().into_owned()))
            .filter(|stem| !support.contains(&stem.as_str()))
            .collect();
        files.sort();
        let mut ids: Vec<String> = TaskKind::ALL.iter().map(|k| k.id().to_owned()).collect();
        ids.sort();
        assert_eq!(files, ids);
        let settings = include_str!("../settings.rs");
        for kind in TaskKind::ALL {
            for field in kind.meta().settings {
                assert!(
                    settings.contains(&format!("pub {field}:")),
                    "{field} is not a setting"
                );
            }
        }
    }

    #[test]
    fn status_relative_to_the_as_of_date() {
        let due = d(2025, 6, 10);
        let of = |done, as_of| TaskStatus::of(due, done, as_of, 5);
        assert_eq!(of(Some(d(2025, 6, 10)), d(2025, 6, 30)), Met);
        assert_eq!(of(Some(d(2025, 6, 11)), d(2025, 6, 30)), MetLate);
        assert_eq!(of(None, d(2025, 6, 4)), Due);
        assert_eq!(of(None, d(2025, 6, 5)), DueSoon);
        assert_eq!(of(None, d(2025, 6, 10)), DueSoon);
        assert_eq!(of(None, d(2025, 6, 11)), Overdue);
        assert!(Overdue.is_outstanding() && !MetLate.is_outstanding());
    }

    /// Four children on 9 May 2025 (see each line).
    fn caseload() -> Dataset {
        let mut ds = Dataset::new();
        ds.team("A");
        ds.team("B");
        ds.worker("SW1", "A");
        ds.worker("SW2", "B");
        ds.worker("SW3", "B");
        // C1: CP plan from Mon 14 Apr 2025, nothing done. First core group due Wed 30 Apr (10
        // working days: 15-17 Apr, 22-25 Apr, 28-30 Apr, Easter skipped); first visit due Thu
        // 8 May (15 working days, also skipping 5 May); first review conference due 14 Jul.
        // Allocated to SW1 (team A) until 10 May, then SW2 (team B).
        ds.child("C1");
        ds.cp_plan("P1", "C1", d(2025, 4, 14));
        ds.allocation("AL1", "C1", "SW1", d(2025, 1, 1))
            .ended(d(2025, 5, 10));
        ds.allocation("AL2", "C1", "SW2", d(2025, 5, 10));
        // C2: CIN plan from Thu 1 May 2025, unallocated: review due Thu 12 Jun (6 weeks); visit
        // due Mon 2 Jun (20 working days: 2 May, 6-9, 12-16, 19-23, 27-30 May, 2 Jun).
        ds.child("C2");
        ds.cin_plan("CP2", "C2", d(2025, 5, 1));
        // C3: CP plan closed before 9 May: nothing outstanding.
        ds.child("C3");
        ds.cp_plan("P3", "C3", d(2025, 3, 3)).ended(d(2025, 4, 1));
        // C4: assessment from Mon 3 Mar 2025, due Thu 8 May (45 working days), allocated to SW3.
        ds.child("C4");
        ds.referral("R4", "C4", d(2025, 3, 3));
        ds.assessment("A4", "C4", "R4", d(2025, 3, 3));
        ds.allocation("AL4", "C4", "SW3", d(2025, 3, 3));
        ds
    }

    #[test]
    fn open_tasks_carry_the_allocation_on_the_as_of_date() {
        let ds = caseload();
        let tasks = open_tasks(&ds, d(2025, 5, 9));
        let got: Vec<_> = tasks
            .iter()
            .map(|t| {
                (
                    t.child,
                    t.kind,
                    t.due,
                    t.status,
                    t.worker.as_ref().map(|w| w.as_str().to_owned()),
                )
            })
            .collect();
        let sw = |s: &str| Some(s.to_owned());
        assert_eq!(
            got,
            [
                (
                    0,
                    TaskKind::FirstCoreGroup,
                    d(2025, 4, 30),
                    Overdue,
                    sw("SW1")
                ),
                (0, TaskKind::CpVisit, d(2025, 5, 8), Overdue, sw("SW1")),
                (3, TaskKind::Assessment, d(2025, 5, 8), Overdue, sw("SW3")),
                (1, TaskKind::CinVisit, d(2025, 6, 2), Due, None),
                (1, TaskKind::CinReview, d(2025, 6, 12), Due, None),
                (0, TaskKind::CpReview, d(2025, 7, 14), Due, sw("SW1")),
            ]
        );
        assert!(tasks.iter().all(|t| t.case_open && t.done.is_none()));
        assert_eq!(tasks[0].team.as_ref().map(|t| t.as_str()), Some("A"));
        // After the change of worker, C1's tasks move to SW2 in team B.
        let later = open_tasks(&ds, d(2025, 5, 12));
        let c1 = later.iter().find(|t| t.child == 0).unwrap();
        assert_eq!(c1.team.as_ref().map(|t| t.as_str()), Some("B"));
        assert_eq!(c1.days_overdue(d(2025, 5, 12)), 12);
    }

    #[test]
    fn worklists_group_by_team_or_worker_most_overdue_first() {
        let ds = caseload();
        let tasks = open_tasks(&ds, d(2025, 5, 9));
        let teams = worklist(&tasks, GroupBy::Team);
        let shape: Vec<_> = teams
            .iter()
            .map(|g| {
                (
                    g.key.clone(),
                    g.overdue.len(),
                    g.due_soon.len(),
                    g.due.len(),
                )
            })
            .collect();
        let team = |id: &str| WorklistKey::Team(TeamId::new(id));
        assert_eq!(
            shape,
            [
                (team("A"), 2, 0, 1),
                (team("B"), 1, 0, 0),
                (WorklistKey::Unallocated, 0, 0, 2)
            ]
        );
        // Most overdue first inside a group.
        assert_eq!(teams[0].overdue[0].kind, TaskKind::FirstCoreGroup);
        let workers = worklist(&tasks, GroupBy::Worker);
        let keys: Vec<_> = workers.iter().map(|g| g.key.clone()).collect();
        let worker = |id: &str| WorklistKey::Worker(WorkerId::new(id));
        assert_eq!(
            keys,
            [worker("SW1"), worker("SW3"), WorklistKey::Unallocated]
        );
        // Equal overdue counts: the oldest overdue task goes first.
        let mut tied = tasks.clone();
        tied.retain(|t| t.kind != TaskKind::CpVisit);
        let keys: Vec<_> = worklist(&tied, GroupBy::Team)
            .into_iter()
            .map(|g| g.key)
            .collect();
        assert_eq!(keys, [team("A"), team("B"), WorklistKey::Unallocated]);
        // Met tasks never reach a worklist.
        let met: Vec<Task> = tasks
            .iter()
            .cloned()
            .map(|mut t| {
                t.status = Met;
                t
            })
            .collect();
        assert!(worklist(&met, GroupBy::Team).is_empty());
    }

    #[test]
    fn a_due_soon_task_sits_in_its_own_list() {
        let ds = caseload();
        // On 28 May C2's visit (due 2 Jun) is 5 days away.
        let tasks = open_tasks(&ds, d(2025, 5, 28));
        let groups = worklist(&tasks, GroupBy::Worker);
        let unallocated = groups
            .iter()
            .find(|g| g.key == WorklistKey::Unallocated)
            .unwrap();
        assert_eq!(
            unallocated
                .due_soon
                .iter()
                .map(|t| t.kind)
                .collect::<Vec<_>>(),
            [TaskKind::CinVisit]
        );
        assert_eq!(
            unallocated.due.iter().map(|t| t.kind).collect::<Vec<_>>(),
            [TaskKind::CinReview]
        );
    }

    #[test]
    fn history_keeps_every_task_due_in_the_range_with_the_worker_of_its_due_date() {
        let mut ds = caseload();
        // C1 seen on 20 May (late for 8 May); the next visit is due 15 working days later, Wed
        // 11 Jun (21-23 May, 27-30 May, 2-6 Jun, 9-11 Jun; 26 May spring bank holiday).
        ds.visit("V1", "C1", VisitKind::ChildProtection, d(2025, 5, 20));
        let ctx = ds.context();
        let may = history(&ctx, TaskKind::CpVisit, d(2025, 5, 1), d(2025, 5, 31));
        assert_eq!(
            summary(&may),
            [(d(2025, 5, 8), Some(d(2025, 5, 20)), MetLate)]
        );
        assert_eq!(may[0].worker.as_ref().map(|w| w.as_str()), Some("SW1"));
        let june = history(&ctx, TaskKind::CpVisit, d(2025, 6, 1), d(2025, 6, 30));
        assert_eq!(summary(&june), [(d(2025, 6, 11), None, Overdue)]);
        assert_eq!(june[0].worker.as_ref().map(|w| w.as_str()), Some("SW2"));
        // Closed cases are history too: C3's plan (3 Mar to 1 Apr) missed its first visit (due
        // 24 Mar); seen on 31 March the plan was open, on 30 April closed.
        let march = history(&ctx, TaskKind::CpVisit, d(2025, 3, 1), d(2025, 3, 31));
        assert_eq!(summary(&march), [(d(2025, 3, 24), None, Overdue)]);
        assert!(march[0].case_open);
        let spring = history(&ctx, TaskKind::CpVisit, d(2025, 3, 1), d(2025, 4, 30));
        assert_eq!(summary(&spring), [(d(2025, 3, 24), None, Overdue)]);
        assert!(!spring[0].case_open);
    }

    #[test]
    fn a_child_timeline_holds_met_and_closed_tasks() {
        let ds = caseload();
        let ctx = ds.context();
        let c3 = tasks_for_child(&ctx, 2, d(2025, 5, 9));
        let kinds: Vec<_> = c3.iter().map(|t| (t.kind, t.due)).collect();
        // Plan 3 Mar to 1 Apr 2025: core group due Mon 17 Mar (10 working days), visit due Mon
        // 24 Mar (15 working days); the review (due 3 Jun) falls after the plan ended.
        assert_eq!(
            kinds,
            [
                (TaskKind::FirstCoreGroup, d(2025, 3, 17)),
                (TaskKind::CpVisit, d(2025, 3, 24))
            ]
        );
        assert!(c3.iter().all(|t| !t.case_open));
        assert!(tasks_for_child(&ctx, 99, d(2025, 5, 9)).is_empty());
    }
}
