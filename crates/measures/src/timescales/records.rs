//! One child's records, by kind, each with its position in `CaseRecords`: what every timescale
//! reads, and who is responsible for the child on a date.
//!
//! Timescales are per child, so the records are grouped by child once per computation rather than
//! searched for each task. Records naming a child that has no `Child` record are skipped: a task
//! is always about a known child (its `child` is an index into `CaseRecords::children`).

use crate::context::Context;
use crate::indicator::RecordRef;
use chrono::NaiveDate;
use sightline_model::ids::{ChildId, TeamId, WorkerId};
use sightline_model::records::*;

/// A record and its index in its kind's vector.
pub(crate) struct Rec<'a, T> {
    /// Index in the `CaseRecords` vector.
    pub index: u32,
    /// The record.
    pub rec: &'a T,
}

impl<T> Clone for Rec<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Rec<'_, T> {}

impl<T> Rec<'_, T> {
    /// The reference used in tasks and contributions.
    pub fn reference(&self, kind: &'static str) -> RecordRef {
        RecordRef {
            kind,
            index: self.index,
        }
    }
}

/// Calls `$m!(field, Kind)` for every record kind a timescale reads.
macro_rules! child_kinds {
    ($m:ident) => {
        $m!(referrals, Referrals);
        $m!(assessments, Assessments);
        $m!(strategy_discussions, StrategyDiscussions);
        $m!(section47s, Section47s);
        $m!(conferences, Conferences);
        $m!(cp_plans, CpPlans);
        $m!(core_groups, CoreGroups);
        $m!(visits, Visits);
        $m!(cin_plans, CinPlans);
        $m!(cin_plan_reviews, CinPlanReviews);
        $m!(cla_episodes, ClaEpisodes);
        $m!(cla_reviews, ClaReviews);
        $m!(missing, Missing);
        $m!(pathway_plans, PathwayPlans);
        $m!(permanence, Permanence);
    };
}

/// A record kind a timescale reads (a field of [`ChildRecords`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Referrals,
    Assessments,
    StrategyDiscussions,
    Section47s,
    Conferences,
    CpPlans,
    CoreGroups,
    Visits,
    CinPlans,
    CinPlanReviews,
    ClaEpisodes,
    ClaReviews,
    Missing,
    PathwayPlans,
    Permanence,
}

/// The record kinds a computation needs: gathering only those keeps an indicator that reads two
/// kinds from paying for all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Reads(u32);

impl Reads {
    /// No kind.
    pub const NONE: Reads = Reads(0);

    /// The given kinds.
    pub const fn of(kinds: &[Kind]) -> Reads {
        let mut bits = 0;
        let mut i = 0;
        while i < kinds.len() {
            bits |= 1 << kinds[i] as u32;
            i += 1;
        }
        Reads(bits)
    }

    /// The kinds of both.
    pub const fn union(self, other: Reads) -> Reads {
        Reads(self.0 | other.0)
    }

    /// Whether `kind` is read.
    pub const fn has(self, kind: Kind) -> bool {
        self.0 & (1 << kind as u32) != 0
    }
}

/// Every record of one child that a timescale reads, in record order.
pub(crate) struct ChildRecords<'a> {
    /// Index of the child in `CaseRecords::children`.
    pub child: u32,
    /// The child's own record.
    pub person: &'a Child,
    /// Whether the extract records permanence plan dates at all (for any child): SSDA903 and the
    /// SSD carry none, and a date absent from every record says nothing about practice.
    pub permanence_plans_recorded: bool,
    pub referrals: Vec<Rec<'a, Referral>>,
    pub assessments: Vec<Rec<'a, Assessment>>,
    pub strategy_discussions: Vec<Rec<'a, StrategyDiscussion>>,
    pub section47s: Vec<Rec<'a, Section47>>,
    pub conferences: Vec<Rec<'a, ChildProtectionConference>>,
    pub cp_plans: Vec<Rec<'a, ChildProtectionPlan>>,
    pub core_groups: Vec<Rec<'a, CoreGroup>>,
    pub visits: Vec<Rec<'a, Visit>>,
    pub cin_plans: Vec<Rec<'a, CinPlan>>,
    pub cin_plan_reviews: Vec<Rec<'a, CinPlanReview>>,
    pub cla_episodes: Vec<Rec<'a, ClaEpisode>>,
    pub cla_reviews: Vec<Rec<'a, ClaReview>>,
    pub missing: Vec<Rec<'a, MissingEpisode>>,
    pub pathway_plans: Vec<Rec<'a, PathwayPlan>>,
    pub permanence: Vec<Rec<'a, Permanence>>,
}

impl<'a> ChildRecords<'a> {
    fn empty(child: u32, person: &'a Child, permanence_plans_recorded: bool) -> Self {
        ChildRecords {
            child,
            person,
            permanence_plans_recorded,
            referrals: Vec::new(),
            assessments: Vec::new(),
            strategy_discussions: Vec::new(),
            section47s: Vec::new(),
            conferences: Vec::new(),
            cp_plans: Vec::new(),
            core_groups: Vec::new(),
            visits: Vec::new(),
            cin_plans: Vec::new(),
            cin_plan_reviews: Vec::new(),
            cla_episodes: Vec::new(),
            cla_reviews: Vec::new(),
            missing: Vec::new(),
            pathway_plans: Vec::new(),
            permanence: Vec::new(),
        }
    }

    /// The records of every child, in the order of `CaseRecords::children` (only the kinds in
    /// `reads`; the others are left empty).
    pub fn all(ctx: &Context<'a>, reads: Reads) -> Vec<ChildRecords<'a>> {
        let records = ctx.records;
        let plans = reads.has(Kind::Permanence) && permanence_plans_recorded(ctx);
        let mut out: Vec<ChildRecords<'a>> = records
            .children
            .iter()
            .enumerate()
            .map(|(i, person)| ChildRecords::empty(i as u32, person, plans))
            .collect();
        macro_rules! fill {
            ($field:ident, $kind:ident) => {
                if reads.has(Kind::$kind) {
                    // Extracts usually list a child's records together: reuse the last lookup while
                    // the child is the same, rather than hashing every record's id.
                    let mut last: Option<(&ChildId, Option<u32>)> = None;
                    for (index, rec) in records.$field.iter().enumerate() {
                        let child = match last {
                            Some((id, child)) if *id == rec.child => child,
                            _ => {
                                let child = ctx.child(&rec.child);
                                last = Some((&rec.child, child));
                                child
                            }
                        };
                        if let Some(slot) = child.and_then(|c| out.get_mut(c as usize)) {
                            slot.$field.push(Rec {
                                index: index as u32,
                                rec,
                            });
                        }
                    }
                }
            };
        }
        child_kinds!(fill);
        out
    }

    /// The records of one child (index into `CaseRecords::children`), or `None` if there is no
    /// such child (every kind).
    pub fn one(ctx: &Context<'a>, child: u32) -> Option<ChildRecords<'a>> {
        let records = ctx.records;
        let person = records.children.get(child as usize)?;
        let mut out = ChildRecords::empty(child, person, permanence_plans_recorded(ctx));
        macro_rules! fill {
            ($field:ident, $kind:ident) => {
                for (index, rec) in records.$field.iter().enumerate() {
                    if rec.child == person.id {
                        out.$field.push(Rec {
                            index: index as u32,
                            rec,
                        });
                    }
                }
            };
        }
        child_kinds!(fill);
        Some(out)
    }

    /// The referral (CIN episode) with this id.
    pub fn referral(&self, id: &sightline_model::ids::RecordId) -> Option<&'a Referral> {
        self.referrals
            .iter()
            .find(|r| &r.rec.id == id)
            .map(|r| r.rec)
    }
}

/// Whether any permanence record carries a plan date.
fn permanence_plans_recorded(ctx: &Context<'_>) -> bool {
    ctx.records.permanence.iter().any(|p| p.plan_date.is_some())
}

/// Who is responsible for `child` on `on`: the worker of the allocation open that day (the
/// latest started, if several are), else `worker_hint` (the record's own worker, e.g. the assessing
/// worker or a care leaver's personal adviser); the team is that worker's team, else `team_hint`
/// (the team holding the referral).
pub(crate) fn responsible(
    ctx: &Context<'_>,
    child: u32,
    on: NaiveDate,
    worker_hint: Option<&WorkerId>,
    team_hint: Option<&TeamId>,
) -> (Option<TeamId>, Option<WorkerId>) {
    let records = ctx.records;
    let allocated = ctx
        .allocation_at(child, on)
        .and_then(|i| records.allocations.get(i as usize))
        .map(|a| &a.worker);
    let worker = allocated.or(worker_hint);
    let team = worker
        .and_then(|w| ctx.worker(w))
        .and_then(|i| records.workers.get(i as usize))
        .map(|w| &w.team)
        .or(team_hint);
    (team.cloned(), worker.cloned())
}
