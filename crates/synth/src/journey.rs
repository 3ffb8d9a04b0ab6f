//! One unit of generation: a child and everything that happens to them, plus the pieces every
//! journey shares (ids, case allocations, statutory visits, supervision, audits, complaints).
//!
//! A journey is simulated with natural dates, possibly past the extract date; `cut` then drops
//! what lies beyond the extract date and reopens what was still open on it.

use crate::dice::{Dice, plus};
use crate::geo::{CouncilGeo, postcode_in};
use crate::ident::{self, IdScheme};
use crate::params;
use crate::workforce::Workforce;
use chrono::NaiveDate;
use sightline_calendar::Calendar;
use sightline_model::codes::{Disability, Ethnicity, Sex, SwChangeReason};
use sightline_model::ids::{ChildId, LaCode, Postcode, RecordId, WorkerId};
use sightline_model::records::*;
use sightline_model::{CaseRecords, age_on};

/// Everything a unit reads: dates, calendar, geography, workforce.
pub(crate) struct Ctx {
    pub(crate) la: LaCode,
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
    /// Start of the front-door warm-up; no allocation or worker history before it.
    pub(crate) horizon: NaiveDate,
    /// One year before the range: repeating records (visits, meetings, supervision...) are only
    /// kept from here, enough for every timeliness chain that ends in the range.
    pub(crate) history: NaiveDate,
    pub(crate) cal: &'static Calendar,
    pub(crate) geo: CouncilGeo,
    pub(crate) wf: Workforce,
    pub(crate) ids: IdScheme,
}

/// A stretch of a case held by one kind of team, to be allocated to workers.
pub(crate) struct Segment {
    pub(crate) start: NaiveDate,
    pub(crate) end: Option<NaiveDate>,
    pub(crate) service: Service,
    pub(crate) reason: SwChangeReason,
    /// The referral it belongs to, whose team is set from the first segment.
    pub(crate) referral: Option<usize>,
}

/// The shortest social worker episode the DfE accepts (SSDA903 rule SW09STG2, from 2026).
const MIN_ALLOCATION_DAYS: i64 = 3;

/// A stretch of time during which statutory visits of a kind are due.
pub(crate) struct VisitPlan {
    pub(crate) kind: VisitKind,
    pub(crate) start: NaiveDate,
    pub(crate) end: NaiveDate,
}

/// A child's journey being built.
pub(crate) struct Unit<'a> {
    pub(crate) ctx: &'a Ctx,
    pub(crate) dice: Dice,
    pub(crate) index: u64,
    seq: u32,
    pub(crate) child: ChildId,
    pub(crate) out: CaseRecords,
    pub(crate) dob: NaiveDate,
    pub(crate) sex: Sex,
    pub(crate) ethnicity: Ethnicity,
    pub(crate) disabilities: Vec<Disability>,
    pub(crate) locality: usize,
    pub(crate) home: Postcode,
    pub(crate) uasc: Option<UascStatus>,
    pub(crate) died: Option<NaiveDate>,
    pub(crate) motherhood: Option<Motherhood>,
    /// Plans the child has had so far (`NumberOfPreviousCPP`).
    pub(crate) cp_plans: u32,
    pub(crate) segments: Vec<Segment>,
    pub(crate) visit_plans: Vec<VisitPlan>,
    /// When the young person left care as a care leaver (personal adviser from then on).
    pub(crate) leaver_from: Option<NaiveDate>,
    /// When the latest social work case (referral) closed.
    pub(crate) case_closed: Option<NaiveDate>,
}

impl<'a> Unit<'a> {
    pub(crate) fn new(ctx: &'a Ctx, seed: u64, index: u64) -> Unit<'a> {
        let mut dice = Dice::new(seed, params::STREAM_UNITS, index);
        let (home_sector, locality) = ctx.geo.home(&mut dice);
        let home = postcode_in(home_sector, &mut dice);
        Unit {
            ctx,
            dice,
            index,
            seq: 0,
            child: ctx.ids.child(index),
            out: CaseRecords::default(),
            dob: ctx.start,
            sex: Sex::Unknown,
            ethnicity: Ethnicity::NOBT,
            disabilities: Vec::new(),
            locality,
            home,
            uasc: None,
            died: None,
            motherhood: None,
            cp_plans: 0,
            segments: Vec::new(),
            visit_plans: Vec::new(),
            leaver_from: None,
            case_closed: None,
        }
    }

    /// A fresh record id with the kind prefix.
    pub(crate) fn id(&mut self, prefix: &str) -> RecordId {
        self.seq += 1;
        ident::record(prefix, self.index, self.seq)
    }

    pub(crate) fn cal(&self) -> &'static Calendar {
        self.ctx.cal
    }

    /// The n-th working day after `date`.
    pub(crate) fn wd(&self, date: NaiveDate, n: i64) -> NaiveDate {
        self.ctx.cal.add_working_days(date, n.max(0) as u32)
    }

    /// A working day a random `lo..=hi` working days after `date`.
    pub(crate) fn wd_between(&mut self, date: NaiveDate, lo: i64, hi: i64) -> NaiveDate {
        let n = self.dice.range(lo, hi);
        self.wd(date, n)
    }

    /// `date` if a working day, else the next one.
    pub(crate) fn working_on_or_after(&self, date: NaiveDate) -> NaiveDate {
        if self.ctx.cal.is_working_day(date) {
            date
        } else {
            self.ctx.cal.add_working_days(date, 1)
        }
    }

    /// `date` if a working day, else the previous one.
    pub(crate) fn working_on_or_before(&self, date: NaiveDate) -> NaiveDate {
        let mut d = date;
        for _ in 0..10 {
            if self.ctx.cal.is_working_day(d) {
                return d;
            }
            d = plus(d, -1);
        }
        date
    }

    pub(crate) fn age(&self, on: NaiveDate) -> i32 {
        age_on(self.dob, on)
    }

    pub(crate) fn birthday(&self, years: u32) -> NaiveDate {
        crate::birthday(self.dob, years)
    }

    /// Records a statutory visit schedule, visited once allocations are known.
    pub(crate) fn plan_visits(&mut self, kind: VisitKind, start: NaiveDate, end: NaiveDate) {
        if end > start {
            self.visit_plans.push(VisitPlan { kind, start, end });
        }
    }

    pub(crate) fn segment(
        &mut self,
        start: NaiveDate,
        end: Option<NaiveDate>,
        service: Service,
        reason: SwChangeReason,
        referral: Option<usize>,
    ) {
        if end.is_none_or(|e| e > start) {
            self.segments.push(Segment {
                start,
                end,
                service,
                reason,
                referral,
            });
        }
    }

    /// Allocates every case segment to workers, then generates the work that needs a worker.
    pub(crate) fn staff(&mut self) {
        let segments = std::mem::take(&mut self.segments);
        for seg in &segments {
            self.allocate(seg);
        }
        self.out.allocations.sort_by_key(|a| a.start);
        self.absorb_short_allocations();
        self.mark_first_contacts();
        self.fill_assessment_workers();
        self.fill_personal_advisers();
        let plans = std::mem::take(&mut self.visit_plans);
        for p in &plans {
            self.visits(p);
        }
        self.casework();
    }

    fn allocate(&mut self, seg: &Segment) {
        let ctx = self.ctx;
        let loc = Some(self.locality);
        let teams = ctx.wf.teams_for(seg.service, loc);
        if teams.is_empty() {
            return;
        }
        let team = teams
            .get(self.dice.range(0, teams.len() as i64 - 1) as usize)
            .copied()
            .unwrap_or(0);
        let referral = seg.referral.and_then(|r| self.out.referrals.get_mut(r));
        if let (Some(referral), Some(t)) = (referral, ctx.wf.teams.get(team))
            && referral.team.is_none()
        {
            referral.team = Some(t.id.clone());
        }
        // Case history before the case system's horizon was not migrated: the first allocation
        // starts at the horizon.
        let (mut t, mut reason) = if seg.start < ctx.horizon {
            (ctx.horizon, SwChangeReason::ORGRST)
        } else {
            (seg.start, seg.reason)
        };
        if seg.end.is_some_and(|e| e <= t) {
            return;
        }
        while t <= ctx.end {
            // DfE rule SW09STG2: a social worker episode lasts at least 3 days, so a handover
            // days before closure is brought forward, giving the last worker 3 days.
            if let Some(e) = seg
                .end
                .filter(|&e| (e - t).num_days() < MIN_ALLOCATION_DAYS)
                && let Some(previous) = self.out.allocations.last_mut()
                && previous.end == Some(t)
                && (e - previous.start).num_days() >= 2 * MIN_ALLOCATION_DAYS
            {
                t = plus(e, -MIN_ALLOCATION_DAYS);
                previous.end = Some(t);
            }
            let Some(worker) = self.pick_lasting_worker(team, t) else {
                return;
            };
            let realloc = plus(t, self.dice.exponential(540.0).max(30.0) as i64);
            let mut until = realloc;
            let mut next_reason = self.dice.pick(&[
                (SwChangeReason::MANAGE, 5.0),
                (SwChangeReason::ABSENC, 2.0),
                (SwChangeReason::ORGRST, 1.0),
                (SwChangeReason::CHCHAN, 0.5),
                (SwChangeReason::PCCHAN, 0.5),
                (SwChangeReason::OTHERS, 1.0),
            ]);
            if let Some(left) = worker.end.filter(|&e| e < until) {
                until = left;
                next_reason = SwChangeReason::LEFTRL;
            }
            // A planned reallocation days before closure is not made: the worker keeps the case.
            if next_reason != SwChangeReason::LEFTRL
                && let Some(e) = seg
                    .end
                    .filter(|&e| (e - until).num_days() < MIN_ALLOCATION_DAYS)
            {
                until = until.max(e);
            }
            let closes = seg.end.is_some_and(|e| e <= until);
            let end = if closes { seg.end } else { Some(until) };
            let id = self.id("AL");
            self.out.allocations.push(Allocation {
                id,
                child: self.child.clone(),
                worker: worker.id.clone(),
                start: t,
                end,
                reason: Some(reason),
            });
            if closes {
                return;
            }
            t = until;
            reason = next_reason;
        }
    }

    /// A worker of `team` in post on `start`, preferring one who stays at least
    /// `MIN_ALLOCATION_DAYS` so the allocation is not a too-short episode (rule SW09STG2).
    fn pick_lasting_worker(&mut self, team: usize, start: NaiveDate) -> Option<&'a Worker> {
        let ctx = self.ctx;
        let lasts = plus(start, MIN_ALLOCATION_DAYS);
        let mut chosen = None;
        for _ in 0..4 {
            let worker = ctx.wf.worker(ctx.wf.pick(team, start, &mut self.dice)?)?;
            chosen = Some(worker);
            if worker.end.is_none_or(|e| e >= lasts) {
                break;
            }
        }
        chosen
    }

    /// An allocation shorter than `MIN_ALLOCATION_DAYS` handed straight on (a referral taken
    /// into care within days) is absorbed by the next one, which starts earlier with its reason:
    /// SSDA903 rule SW09STG2 rejects so short social worker episodes.
    fn absorb_short_allocations(&mut self) {
        let allocations = &mut self.out.allocations;
        let mut i = 0;
        while i + 1 < allocations.len() {
            let short = allocations.get(i).and_then(|a| {
                let end = a.end?;
                ((end - a.start).num_days() < MIN_ALLOCATION_DAYS)
                    .then_some((a.start, end, a.reason))
            });
            if let Some((start, end, reason)) = short
                && let Some(next) = allocations.get_mut(i + 1)
                && next.start == end
            {
                next.start = start;
                next.reason = reason;
                allocations.remove(i);
                continue;
            }
            i += 1;
        }
    }

    /// A transfer (TSPROC) with no social worker allocated just before it is really the start of
    /// the child's involvement: recorded as first contact (FCONTA), so SSDA903 rule SW12STG2 sees
    /// social worker episodes reported from the start of the involvement.
    fn mark_first_contacts(&mut self) {
        let allocations = &mut self.out.allocations;
        for i in 0..allocations.len() {
            let Some(start) = allocations.get(i).map(|a| a.start) else {
                continue;
            };
            let covered_before = allocations
                .iter()
                .enumerate()
                .any(|(j, a)| j != i && a.start < start && a.end.is_none_or(|e| e >= start));
            if let Some(a) = allocations.get_mut(i)
                && a.reason == Some(SwChangeReason::TSPROC)
                && !covered_before
            {
                a.reason = Some(SwChangeReason::FCONTA);
            }
        }
    }

    /// The worker allocated to the child on `date`, if any.
    pub(crate) fn worker_on(&self, date: NaiveDate) -> Option<WorkerId> {
        let i = self.out.allocations.partition_point(|a| a.start <= date);
        self.out.allocations[..i]
            .iter()
            .rev()
            .find(|a| a.end.is_none_or(|e| e > date))
            .map(|a| a.worker.clone())
    }

    fn fill_assessment_workers(&mut self) {
        for i in 0..self.out.assessments.len() {
            let Some(start) = self.out.assessments.get(i).map(|a| a.start) else {
                continue;
            };
            let w = self.worker_on(start);
            if let Some(a) = self.out.assessments.get_mut(i) {
                a.worker = w;
            }
        }
    }

    fn fill_personal_advisers(&mut self) {
        let Some(from) = self.leaver_from else { return };
        for i in 0..self.out.pathway_plans.len() {
            let Some(date) = self.out.pathway_plans.get(i).map(|p| p.date) else {
                continue;
            };
            let pa = if date >= from {
                self.worker_on(date)
            } else {
                None
            };
            if let Some(p) = self.out.pathway_plans.get_mut(i) {
                p.personal_adviser = pa;
            }
        }
    }

    fn visits(&mut self, p: &VisitPlan) {
        let last = p.end.min(self.ctx.end);
        if last < self.ctx.history {
            return;
        }
        let mut date = match p.kind {
            VisitKind::ChildProtection => self.wd_between(p.start, 1, 5),
            VisitKind::LookedAfter => plus(p.start, self.dice.range(1, 7)),
            VisitKind::ChildInNeed => self.wd_between(p.start, 3, 15),
        };
        while date < last {
            // Visits long before the range are not kept, so not made; the chain's timing is.
            if date >= self.ctx.history {
                let young = self.age(date) < 4;
                let seen = self.dice.chance(0.96);
                let seen_alone = seen && !young && self.dice.chance(0.6);
                let id = self.id("VI");
                let worker = self.worker_on(date);
                self.out.visits.push(Visit {
                    id,
                    child: self.child.clone(),
                    kind: p.kind,
                    date,
                    seen,
                    seen_alone,
                    worker,
                });
            }
            date = match p.kind {
                VisitKind::ChildProtection => {
                    let due = i64::from(params::CP_VISIT_INTERVAL_WORKING_DAYS);
                    let k = if self.dice.chance(0.74) {
                        self.dice.range(due - 9, due)
                    } else {
                        self.dice.range(due + 1, due + 9)
                    };
                    self.wd(date, k)
                }
                VisitKind::LookedAfter => {
                    let due = params::CLA_VISIT_INTERVAL_DAYS;
                    let k = if self.dice.chance(0.86) {
                        self.dice.range(due - 16, due)
                    } else {
                        self.dice.range(due + 1, due + 25)
                    };
                    plus(date, k)
                }
                VisitKind::ChildInNeed => {
                    let k = self.dice.range(18, 35);
                    self.wd(date, k)
                }
            };
        }
    }

    /// Supervision, audits and complaints arising from each allocation.
    fn casework(&mut self) {
        let n = self.out.allocations.len();
        for i in 0..n {
            let Some(a) = self.out.allocations.get(i) else {
                continue;
            };
            let (start, end, worker) = (a.start.max(self.ctx.history), a.end, a.worker.clone());
            let last = end.unwrap_or(self.ctx.end).min(self.ctx.end);
            if last <= start {
                continue;
            }
            let months = (last - start).num_days() as f64 / 30.4;
            // About one recorded case supervision per worker a month, spread over their cases.
            for _ in 0..self.dice.poisson(months / 17.0) {
                let date = self.dice.day_between(start, last);
                let id = self.id("SU");
                self.out.supervisions.push(Supervision {
                    id,
                    worker: worker.clone(),
                    child: Some(self.child.clone()),
                    date,
                });
            }
            for _ in 0..self.dice.poisson(months * 0.02) {
                let due = self.dice.day_between(start, last);
                let done = self.dice.chance(0.9);
                let completed = done.then(|| plus(due, self.dice.range(-10, 25)));
                let grade = done.then(|| {
                    self.dice.pick(&[
                        (AuditGrade::Outstanding, 5.0),
                        (AuditGrade::Good, 45.0),
                        (AuditGrade::RequiresImprovement, 40.0),
                        (AuditGrade::Inadequate, 10.0),
                    ])
                });
                let id = self.id("AU");
                self.out.audits.push(CaseAudit {
                    id,
                    child: self.child.clone(),
                    worker: Some(worker.clone()),
                    due,
                    completed,
                    grade,
                });
            }
            for _ in 0..self.dice.poisson(months * 0.006) {
                let received = self.dice.day_between(start, last);
                let responded = self
                    .dice
                    .chance(0.95)
                    .then(|| self.wd_between(received, 5, 25));
                let id = self.id("CO");
                self.out.complaints.push(Complaint {
                    id,
                    child: Some(self.child.clone()),
                    received,
                    responded,
                });
            }
        }
    }

    /// An allegation against a professional that came in with a contact about this child.
    pub(crate) fn maybe_lado(&mut self, date: NaiveDate) {
        if !self.dice.chance(0.006) {
            return;
        }
        let concluded = plus(date, self.dice.lognormal_days(45.0, 0.7, 3));
        let outcome = self.dice.pick(&[
            (LadoOutcome::Substantiated, 25.0),
            (LadoOutcome::Unsubstantiated, 35.0),
            (LadoOutcome::Unfounded, 30.0),
            (LadoOutcome::False, 10.0),
        ]);
        let named = self.dice.chance(0.7);
        let id = self.id("LA");
        self.out.lado_allegations.push(LadoAllegation {
            id,
            child: named.then(|| self.child.clone()),
            received: date,
            concluded: Some(concluded),
            outcome: Some(outcome),
        });
    }

    /// The child record, as known on the extract date.
    pub(crate) fn child_record(&mut self) -> Child {
        let end = self.ctx.end;
        let born = self.dob <= end;
        // Children born by 31 August four years before the census year count as school age
        // for the DfE checks (903 rule 209, CIN 8770Q), so they carry a UPN rather than UN1.
        let school_age = born
            && NaiveDate::from_ymd_opt(chrono::Datelike::year(&end) - 4, 8, 31)
                .is_some_and(|cutoff| self.dob <= cutoff);
        let (upn, upn_unknown) = if !born {
            (None, None)
        } else if self.uasc.is_some() && self.dice.chance(0.5) {
            (None, Some(sightline_model::codes::UpnUnknown::UN2))
        } else if school_age {
            (Some(ident::upn(self.ctx.la, self.index)), None)
        } else {
            (None, Some(sightline_model::codes::UpnUnknown::UN1))
        };
        Child {
            id: self.child.clone(),
            upn,
            upn_unknown,
            former_upn: None,
            sex: if born { self.sex } else { Sex::Unknown },
            date_of_birth: born.then_some(self.dob),
            expected_date_of_birth: (!born).then_some(self.dob),
            date_of_death: self.died.filter(|&d| d <= end),
            ethnicity: self.ethnicity,
            disabilities: self.disabilities.clone(),
            uasc: self.uasc.clone(),
            home_postcode: (self.uasc.is_none()).then(|| self.home.clone()),
            locality: self.ctx.geo.localities.get(self.locality).cloned(),
            motherhood: self.motherhood.clone(),
        }
    }

    /// A postcode in another sector of the council (a move, or a relative nearby).
    pub(crate) fn postcode_near_home(&mut self) -> Postcode {
        let (s, _) = self.ctx.geo.home(&mut self.dice);
        postcode_in(s, &mut self.dice)
    }
}
