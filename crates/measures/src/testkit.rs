//! Builders for the tiny hand-worked datasets of unit tests (indicators and timescales alike).
//!
//! ```ignore
//! let mut ds = Dataset::new();
//! ds.child("C1").born(d(2010, 5, 1)).female();
//! ds.referral("R1", "C1", d(2025, 1, 6)).nfa();
//! ds.assessment("A1", "C1", "R1", d(2025, 1, 7)).authorised(d(2025, 3, 10));
//! let m = ds.measure(&Assessments, &[month(2025, 3)]);
//! assert_figure(&m[0], 1.0, None, Some(1.0));
//! ```
//!
//! Every adder takes the record's id first (then the child, then what the record hangs on) and
//! returns a [`Build`] to set the rest by chained calls; fields without a named setter can be set
//! with [`Build::with`]. Defaults are the plainest valid values: an episode is a full care order
//! (C2) in an in-house foster placement (U4, PR1) started with reason S, inside the test council
//! [`TEST_COUNCIL`]; a child has unknown sex and ethnicity `NOBT`. Dates are always [`NaiveDate`]s
//! made with [`d`]. The context has the default practice standards, a population of
//! [`TEST_POPULATION`] and the council [`TEST_COUNCIL`].

#![allow(dead_code)]

use crate::context::Context;
use crate::engine::{self, Measurement};
use crate::indicator::Indicator;
use crate::period::{Month, Period};
use crate::settings::PracticeStandards;
use sightline_model::CaseRecords;
use sightline_model::NaiveDate;
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;

/// The council of every test context.
pub(crate) const TEST_COUNCIL: LaCode = LaCode(382);
/// Children aged 0-17 in every test context: 10,000, so a rate per 10,000 equals the count.
pub(crate) const TEST_POPULATION: u64 = 10_000;

/// A date; panics on an impossible date, which in a test is a typo.
pub(crate) fn d(year: i32, month: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(year, month, day).unwrap()
}

/// The month period.
pub(crate) fn month(year: i32, month: u32) -> Period {
    Period::Month(Month { year, month })
}

/// Every month from `first` to `last` as periods, both included.
pub(crate) fn months(first: (i32, u32), last: (i32, u32)) -> Vec<Period> {
    let (a, b) = (
        Month {
            year: first.0,
            month: first.1,
        },
        Month {
            year: last.0,
            month: last.1,
        },
    );
    Month::range(a, b).into_iter().map(Period::Month).collect()
}

/// The DfE year ending 31 March `year`.
pub(crate) fn dfe_year(year: i32) -> Period {
    Period::DfeYear(year)
}

/// Asserts a measurement's numerator, denominator and value (to 1e-9).
#[track_caller]
pub(crate) fn assert_figure(
    m: &Measurement,
    numerator: f64,
    denominator: Option<f64>,
    value: Option<f64>,
) {
    assert_eq!(m.numerator, numerator, "numerator of {}", m.period);
    assert_eq!(m.denominator, denominator, "denominator of {}", m.period);
    match (m.value, value) {
        (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "value of {}: {a} != {b}", m.period),
        (a, b) => assert_eq!(a, b, "value of {}", m.period),
    }
}

/// The ids of the records behind a measurement's numerator (those adding a non-zero amount),
/// sorted, as `kind:id`.
pub(crate) fn numerator_ids(ctx: &Context, m: &Measurement) -> Vec<String> {
    ids(ctx, m, true)
}

/// The ids of the records behind a measurement's denominator, sorted, as `kind:id`.
pub(crate) fn denominator_ids(ctx: &Context, m: &Measurement) -> Vec<String> {
    ids(ctx, m, false)
}

fn ids(ctx: &Context, m: &Measurement, numerator: bool) -> Vec<String> {
    let mut out: Vec<String> = m
        .contributions
        .iter()
        .filter(|c| {
            if numerator {
                c.numerator != 0.0
            } else {
                c.denominator != 0.0
            }
        })
        .map(|c| {
            let id = engine::record_label(ctx, c.record).unwrap_or_else(|| "?".to_owned());
            format!("{}:{id}", c.record.kind)
        })
        .collect();
    out.sort();
    out
}

/// A chained setter over one record just added.
pub(crate) struct Build<'a, T>(&'a mut T);

impl<'a, T> Build<'a, T> {
    /// Sets anything else on the record.
    pub(crate) fn with(self, f: impl FnOnce(&mut T)) -> Self {
        f(self.0);
        self
    }
}

/// A tiny set of case records under construction.
#[derive(Default)]
pub(crate) struct Dataset {
    records: CaseRecords,
    /// Practice standards of the context (default: [`PracticeStandards::default`]).
    pub(crate) standards: PracticeStandards,
    /// Population of the context (default [`TEST_POPULATION`]).
    pub(crate) population: u64,
}

fn rid(id: &str) -> RecordId {
    RecordId::new(id)
}

fn cid(id: &str) -> ChildId {
    ChildId::new(id)
}

impl Dataset {
    /// An empty dataset.
    pub(crate) fn new() -> Dataset {
        Dataset {
            population: TEST_POPULATION,
            ..Dataset::default()
        }
    }

    /// The records built so far.
    pub(crate) fn records(&self) -> &CaseRecords {
        &self.records
    }

    /// A context over the records, for the test council.
    pub(crate) fn context(&self) -> Context<'_> {
        Context::new(&self.records, self.standards.clone(), self.population)
            .with_council(TEST_COUNCIL)
    }

    /// Computes an indicator for the periods.
    pub(crate) fn measure(
        &self,
        indicator: &dyn Indicator,
        periods: &[Period],
    ) -> Vec<Measurement> {
        engine::compute(&self.context(), indicator, periods)
    }

    fn push<T>(list: &mut Vec<T>, record: T) -> Build<'_, T> {
        list.push(record);
        let last = list.len() - 1;
        Build(&mut list[last])
    }

    /// A child of unknown sex, ethnicity `NOBT`, no date of birth.
    pub(crate) fn child(&mut self, id: &str) -> Build<'_, Child> {
        Self::push(
            &mut self.records.children,
            Child {
                id: cid(id),
                upn: None,
                upn_unknown: None,
                former_upn: None,
                sex: Sex::Unknown,
                date_of_birth: None,
                expected_date_of_birth: None,
                date_of_death: None,
                ethnicity: Ethnicity::NOBT,
                disabilities: Vec::new(),
                uasc: None,
                home_postcode: None,
                locality: None,
                motherhood: None,
            },
        )
    }

    /// A contact that became a referral (outcome `Referral`), from a school.
    pub(crate) fn contact(&mut self, id: &str, child: &str, date: NaiveDate) -> Build<'_, Contact> {
        Self::push(
            &mut self.records.contacts,
            Contact {
                id: rid(id),
                child: cid(child),
                date,
                source: ReferralSource::S2A,
                outcome: ContactOutcome::Referral,
            },
        )
    }

    /// An open early help episode with no step up or down.
    pub(crate) fn early_help(
        &mut self,
        id: &str,
        child: &str,
        start: NaiveDate,
    ) -> Build<'_, EarlyHelpEpisode> {
        Self::push(
            &mut self.records.early_help,
            EarlyHelpEpisode {
                id: rid(id),
                child: cid(child),
                locality: None,
                organisation: None,
                start,
                end: None,
                step: None,
                worker: None,
            },
        )
    }

    /// An open referral (CIN episode) from a school, not NFA.
    pub(crate) fn referral(
        &mut self,
        id: &str,
        child: &str,
        date: NaiveDate,
    ) -> Build<'_, Referral> {
        Self::push(
            &mut self.records.referrals,
            Referral {
                id: rid(id),
                child: cid(child),
                date,
                source: ReferralSource::S2A,
                primary_need: None,
                nfa: false,
                closure_date: None,
                closure_reason: None,
                team: None,
            },
        )
    }

    /// An assessment started on `start`, not yet authorised.
    pub(crate) fn assessment(
        &mut self,
        id: &str,
        child: &str,
        referral: &str,
        start: NaiveDate,
    ) -> Build<'_, Assessment> {
        Self::push(
            &mut self.records.assessments,
            Assessment {
                id: rid(id),
                child: cid(child),
                referral: rid(referral),
                start,
                authorised: None,
                factors: Vec::new(),
                outcome: None,
                worker: None,
            },
        )
    }

    /// A strategy discussion that started a section 47 enquiry.
    pub(crate) fn strategy_discussion(
        &mut self,
        id: &str,
        child: &str,
        referral: &str,
        date: NaiveDate,
    ) -> Build<'_, StrategyDiscussion> {
        Self::push(
            &mut self.records.strategy_discussions,
            StrategyDiscussion {
                id: rid(id),
                child: cid(child),
                referral: rid(referral),
                date,
                s47_started: true,
            },
        )
    }

    /// An open section 47 enquiry for which an ICPC is required.
    pub(crate) fn s47(
        &mut self,
        id: &str,
        child: &str,
        referral: &str,
        start: NaiveDate,
    ) -> Build<'_, Section47> {
        Self::push(
            &mut self.records.section47s,
            Section47 {
                id: rid(id),
                child: cid(child),
                referral: rid(referral),
                strategy_discussion: None,
                start,
                end: None,
                icpc_target: None,
                icpc_required: true,
                outcome: None,
            },
        )
    }

    /// An initial child protection conference (no S47 linked: add `.s47(..)`) that decided a plan.
    pub(crate) fn conference(
        &mut self,
        id: &str,
        child: &str,
        referral: &str,
        date: NaiveDate,
    ) -> Build<'_, ChildProtectionConference> {
        Self::push(
            &mut self.records.conferences,
            ChildProtectionConference {
                id: rid(id),
                child: cid(child),
                referral: rid(referral),
                kind: ConferenceKind::Initial,
                s47: None,
                plan: None,
                date,
                plan_decided: true,
            },
        )
    }

    /// An open CP plan for neglect, with no previous plans.
    pub(crate) fn cp_plan(
        &mut self,
        id: &str,
        child: &str,
        start: NaiveDate,
    ) -> Build<'_, ChildProtectionPlan> {
        Self::push(
            &mut self.records.cp_plans,
            ChildProtectionPlan {
                id: rid(id),
                child: cid(child),
                referral: RecordId::default(),
                start,
                end: None,
                initial_category: CategoryOfAbuse::NEG,
                latest_category: CategoryOfAbuse::NEG,
                previous_plans: 0,
            },
        )
    }

    /// A core group meeting of a plan.
    pub(crate) fn core_group(
        &mut self,
        id: &str,
        child: &str,
        plan: &str,
        date: NaiveDate,
    ) -> Build<'_, CoreGroup> {
        Self::push(
            &mut self.records.core_groups,
            CoreGroup {
                id: rid(id),
                child: cid(child),
                plan: rid(plan),
                date,
            },
        )
    }

    /// A visit in which the child was seen, alone.
    pub(crate) fn visit(
        &mut self,
        id: &str,
        child: &str,
        kind: VisitKind,
        date: NaiveDate,
    ) -> Build<'_, Visit> {
        Self::push(
            &mut self.records.visits,
            Visit {
                id: rid(id),
                child: cid(child),
                kind,
                date,
                seen: true,
                seen_alone: true,
                worker: None,
            },
        )
    }

    /// An open CIN plan.
    pub(crate) fn cin_plan(
        &mut self,
        id: &str,
        child: &str,
        start: NaiveDate,
    ) -> Build<'_, CinPlan> {
        Self::push(
            &mut self.records.cin_plans,
            CinPlan {
                id: rid(id),
                child: cid(child),
                referral: RecordId::default(),
                start,
                end: None,
            },
        )
    }

    /// A CIN plan review.
    pub(crate) fn cin_plan_review(
        &mut self,
        id: &str,
        child: &str,
        plan: &str,
        date: NaiveDate,
    ) -> Build<'_, CinPlanReview> {
        Self::push(
            &mut self.records.cin_plan_reviews,
            CinPlanReview {
                id: rid(id),
                child: cid(child),
                plan: rid(plan),
                date,
            },
        )
    }

    /// An open looked-after episode: reason S, full care order (C2), in-house foster placement
    /// (U4, PR1) inside the test council, 2 miles from home.
    pub(crate) fn episode(
        &mut self,
        id: &str,
        child: &str,
        start: NaiveDate,
    ) -> Build<'_, ClaEpisode> {
        Self::push(
            &mut self.records.cla_episodes,
            ClaEpisode {
                id: rid(id),
                child: cid(child),
                start,
                reason_new: ReasonNewEpisode::S,
                legal_status: LegalStatus::C2,
                category_of_need: CategoryOfNeed::N1,
                placement: PlacementType::U4,
                provider: Some(PlacementProvider::PR1),
                end: None,
                reason_ceased: None,
                reason_place_change: None,
                home_postcode: None,
                placement_postcode: None,
                urn: None,
                placement_la: Some(TEST_COUNCIL),
                placement_distance_miles: Some(2.0),
            },
        )
    }

    /// A looked-after review in which the child spoke for themself.
    pub(crate) fn cla_review(
        &mut self,
        id: &str,
        child: &str,
        date: NaiveDate,
    ) -> Build<'_, ClaReview> {
        Self::push(
            &mut self.records.cla_reviews,
            ClaReview {
                id: rid(id),
                child: cid(child),
                date,
                participation: ReviewParticipation::PN1,
            },
        )
    }

    /// A missing (whereabouts unknown) episode, not yet returned.
    pub(crate) fn missing(
        &mut self,
        id: &str,
        child: &str,
        start: NaiveDate,
    ) -> Build<'_, MissingEpisode> {
        Self::push(
            &mut self.records.missing,
            MissingEpisode {
                id: rid(id),
                child: cid(child),
                kind: MissingKind::M,
                start,
                end: None,
                rhi_offered: None,
                rhi_completed: None,
            },
        )
    }

    /// A care leaver's information around a birthday: in touch, in full-time education (F2),
    /// in suitable independent living (U1).
    pub(crate) fn care_leaver(
        &mut self,
        id: &str,
        child: &str,
        birthday_age: u8,
    ) -> Build<'_, CareLeaverContact> {
        Self::push(
            &mut self.records.care_leavers,
            CareLeaverContact {
                id: rid(id),
                child: cid(child),
                birthday_age,
                contact_date: None,
                in_touch: InTouch::YES,
                activity: Activity::F2,
                accommodation: Accommodation::U1,
            },
        )
    }

    /// A pathway plan (or review).
    pub(crate) fn pathway_plan(
        &mut self,
        id: &str,
        child: &str,
        date: NaiveDate,
    ) -> Build<'_, PathwayPlan> {
        Self::push(
            &mut self.records.pathway_plans,
            PathwayPlan {
                id: rid(id),
                child: cid(child),
                date,
                personal_adviser: None,
            },
        )
    }

    /// A permanence record with no milestones.
    pub(crate) fn permanence(&mut self, id: &str, child: &str) -> Build<'_, Permanence> {
        Self::push(
            &mut self.records.permanence,
            Permanence {
                id: rid(id),
                child: cid(child),
                plan_date: None,
                adm_decision: None,
                placement_order: None,
                matched: None,
                placed_for_adoption: None,
                decision_reversed: None,
                reversal_reason: None,
                order: None,
                order_date: None,
                adopters: None,
            },
        )
    }

    /// A team of the assessment and intervention service, named after its id.
    pub(crate) fn team(&mut self, id: &str) -> Build<'_, Team> {
        Self::push(
            &mut self.records.teams,
            Team {
                id: TeamId::new(id),
                name: id.to_owned(),
                service: Service::AssessmentIntervention,
                locality: None,
            },
        )
    }

    /// A full-time employed social worker in post since 2000.
    pub(crate) fn worker(&mut self, id: &str, team: &str) -> Build<'_, Worker> {
        Self::push(
            &mut self.records.workers,
            Worker {
                id: WorkerId::new(id),
                team: TeamId::new(team),
                role: WorkerRole::SocialWorker,
                fte: 1.0,
                agency: false,
                start: NaiveDate::from_ymd_opt(2000, 1, 1).unwrap_or(NaiveDate::MIN),
                end: None,
            },
        )
    }

    /// An open allocation of a child to a worker.
    pub(crate) fn allocation(
        &mut self,
        id: &str,
        child: &str,
        worker: &str,
        start: NaiveDate,
    ) -> Build<'_, Allocation> {
        Self::push(
            &mut self.records.allocations,
            Allocation {
                id: rid(id),
                child: cid(child),
                worker: WorkerId::new(worker),
                start,
                end: None,
                reason: None,
            },
        )
    }

    /// A case supervision of a worker (about no particular child).
    pub(crate) fn supervision(
        &mut self,
        id: &str,
        worker: &str,
        date: NaiveDate,
    ) -> Build<'_, Supervision> {
        Self::push(
            &mut self.records.supervisions,
            Supervision {
                id: rid(id),
                worker: WorkerId::new(worker),
                child: None,
                date,
            },
        )
    }

    /// An approved foster household with one place.
    pub(crate) fn foster_household(
        &mut self,
        id: &str,
        kind: FosterHouseholdKind,
        approved: NaiveDate,
    ) -> Build<'_, FosterHousehold> {
        Self::push(
            &mut self.records.foster_households,
            FosterHousehold {
                id: HouseholdId::new(id),
                kind,
                approved,
                deregistered: None,
                places: 1,
            },
        )
    }
}

impl Build<'_, Child> {
    /// Date of birth.
    pub(crate) fn born(self, date: NaiveDate) -> Self {
        self.with(|c| c.date_of_birth = Some(date))
    }
    /// Female.
    pub(crate) fn female(self) -> Self {
        self.with(|c| c.sex = Sex::Female)
    }
    /// Male.
    pub(crate) fn male(self) -> Self {
        self.with(|c| c.sex = Sex::Male)
    }
    /// Ethnicity.
    pub(crate) fn ethnicity(self, e: Ethnicity) -> Self {
        self.with(|c| c.ethnicity = e)
    }
    /// Locality.
    pub(crate) fn locality(self, name: &str) -> Self {
        self.with(|c| c.locality = Some(Locality(name.to_owned())))
    }
}

impl Build<'_, Contact> {
    /// Outcome of the contact.
    pub(crate) fn outcome(self, outcome: ContactOutcome) -> Self {
        self.with(|c| c.outcome = outcome)
    }
}

impl Build<'_, EarlyHelpEpisode> {
    /// Closed on `end`.
    pub(crate) fn ended(self, end: NaiveDate) -> Self {
        self.with(|e| e.end = Some(end))
    }
    /// Stepped up to, or down from, social care.
    pub(crate) fn step(self, step: StepChange) -> Self {
        self.with(|e| e.step = Some(step))
    }
    /// Locality delivering the help.
    pub(crate) fn locality(self, name: &str) -> Self {
        self.with(|e| e.locality = Some(Locality(name.to_owned())))
    }
}

impl Build<'_, Referral> {
    /// No further action: closed the same day.
    pub(crate) fn nfa(self) -> Self {
        self.with(|r| {
            r.nfa = true;
            r.closure_date = Some(r.date);
        })
    }
    /// Closed on `date`.
    pub(crate) fn closed(self, date: NaiveDate) -> Self {
        self.with(|r| r.closure_date = Some(date))
    }
    /// Team holding the episode.
    pub(crate) fn team(self, team: &str) -> Self {
        self.with(|r| r.team = Some(TeamId::new(team)))
    }
}

impl Build<'_, Assessment> {
    /// Authorised (completed) on `date`.
    pub(crate) fn authorised(self, date: NaiveDate) -> Self {
        self.with(|a| a.authorised = Some(date))
    }
    /// Assessing worker.
    pub(crate) fn worker(self, worker: &str) -> Self {
        self.with(|a| a.worker = Some(WorkerId::new(worker)))
    }
}

impl Build<'_, Section47> {
    /// Concluded on `date`.
    pub(crate) fn ended(self, date: NaiveDate) -> Self {
        self.with(|s| s.end = Some(date))
    }
    /// No ICPC required.
    pub(crate) fn no_icpc(self) -> Self {
        self.with(|s| s.icpc_required = false)
    }
}

impl Build<'_, ChildProtectionConference> {
    /// The section 47 enquiry that led to it.
    pub(crate) fn s47(self, s47: &str) -> Self {
        self.with(|c| c.s47 = Some(rid(s47)))
    }
    /// The plan it started or reviewed.
    pub(crate) fn plan(self, plan: &str) -> Self {
        self.with(|c| c.plan = Some(rid(plan)))
    }
    /// A transfer-in conference.
    pub(crate) fn transfer_in(self) -> Self {
        self.with(|c| c.kind = ConferenceKind::TransferIn)
    }
    /// A review conference.
    pub(crate) fn review(self) -> Self {
        self.with(|c| c.kind = ConferenceKind::Review)
    }
    /// No plan decided.
    pub(crate) fn no_plan(self) -> Self {
        self.with(|c| c.plan_decided = false)
    }
}

impl Build<'_, ChildProtectionPlan> {
    /// Ended on `date`.
    pub(crate) fn ended(self, date: NaiveDate) -> Self {
        self.with(|p| p.end = Some(date))
    }
    /// Number of previous plans (CIN census `NumberOfPreviousCPP`).
    pub(crate) fn previous_plans(self, n: u32) -> Self {
        self.with(|p| p.previous_plans = n)
    }
}

impl Build<'_, Visit> {
    /// The child was not seen.
    pub(crate) fn not_seen(self) -> Self {
        self.with(|v| {
            v.seen = false;
            v.seen_alone = false;
        })
    }
    /// Seen, but not alone.
    pub(crate) fn not_alone(self) -> Self {
        self.with(|v| v.seen_alone = false)
    }
}

impl Build<'_, CinPlan> {
    /// Ended on `date`.
    pub(crate) fn ended(self, date: NaiveDate) -> Self {
        self.with(|p| p.end = Some(date))
    }
}

impl Build<'_, ClaEpisode> {
    /// Ended on `date` for `reason`.
    pub(crate) fn ended(self, date: NaiveDate, reason: ReasonEpisodeCeased) -> Self {
        self.with(|e| {
            e.end = Some(date);
            e.reason_ceased = Some(reason);
        })
    }
    /// Legal status.
    pub(crate) fn legal_status(self, ls: LegalStatus) -> Self {
        self.with(|e| e.legal_status = ls)
    }
    /// Placement type (the provider is left as it is).
    pub(crate) fn placement(self, place: PlacementType) -> Self {
        self.with(|e| e.placement = place)
    }
    /// Placement provider.
    pub(crate) fn provider(self, provider: PlacementProvider) -> Self {
        self.with(|e| e.provider = Some(provider))
    }
    /// Reason the episode started.
    pub(crate) fn reason_new(self, rne: ReasonNewEpisode) -> Self {
        self.with(|e| e.reason_new = rne)
    }
    /// Placed in council `la`, `miles` from home.
    pub(crate) fn placed(self, la: LaCode, miles: f64) -> Self {
        self.with(|e| {
            e.placement_la = Some(la);
            e.placement_distance_miles = Some(miles);
        })
    }
}

impl Build<'_, MissingEpisode> {
    /// Away from placement rather than missing.
    pub(crate) fn away(self) -> Self {
        self.with(|m| m.kind = MissingKind::A)
    }
    /// Returned on `date`.
    pub(crate) fn returned(self, date: NaiveDate) -> Self {
        self.with(|m| m.end = Some(date))
    }
    /// Return home interview offered and held.
    pub(crate) fn rhi(self, offered: NaiveDate, completed: Option<NaiveDate>) -> Self {
        self.with(|m| {
            m.rhi_offered = Some(offered);
            m.rhi_completed = completed;
        })
    }
}

impl Build<'_, CareLeaverContact> {
    /// Whether in touch.
    pub(crate) fn in_touch(self, t: InTouch) -> Self {
        self.with(|c| c.in_touch = t)
    }
    /// Main activity.
    pub(crate) fn activity(self, a: Activity) -> Self {
        self.with(|c| c.activity = a)
    }
    /// Accommodation.
    pub(crate) fn accommodation(self, a: Accommodation) -> Self {
        self.with(|c| c.accommodation = a)
    }
    /// Date of the latest contact.
    pub(crate) fn contacted(self, date: NaiveDate) -> Self {
        self.with(|c| c.contact_date = Some(date))
    }
}

impl Build<'_, Permanence> {
    /// Placement order granted.
    pub(crate) fn placement_order(self, date: NaiveDate) -> Self {
        self.with(|p| p.placement_order = Some(date))
    }
    /// Matched with adopters.
    pub(crate) fn matched(self, date: NaiveDate) -> Self {
        self.with(|p| p.matched = Some(date))
    }
    /// Placed for adoption.
    pub(crate) fn placed_for_adoption(self, date: NaiveDate) -> Self {
        self.with(|p| p.placed_for_adoption = Some(date))
    }
    /// Adoption order made.
    pub(crate) fn adopted(self, date: NaiveDate) -> Self {
        self.with(|p| {
            p.order = Some(PermanenceOrder::Adoption);
            p.order_date = Some(date);
        })
    }
}

impl Build<'_, Team> {
    /// Display name.
    pub(crate) fn name(self, name: &str) -> Self {
        self.with(|t| t.name = name.to_owned())
    }
}

impl Build<'_, Worker> {
    /// Role.
    pub(crate) fn role(self, role: WorkerRole) -> Self {
        self.with(|w| w.role = role)
    }
    /// Full-time equivalent.
    pub(crate) fn fte(self, fte: f64) -> Self {
        self.with(|w| w.fte = fte)
    }
    /// In post from `start`.
    pub(crate) fn started(self, start: NaiveDate) -> Self {
        self.with(|w| w.start = start)
    }
    /// Left post on `end`.
    pub(crate) fn left(self, end: NaiveDate) -> Self {
        self.with(|w| w.end = Some(end))
    }
}

impl Build<'_, Allocation> {
    /// Ended on `date`.
    pub(crate) fn ended(self, date: NaiveDate) -> Self {
        self.with(|a| a.end = Some(date))
    }
}

impl Build<'_, Supervision> {
    /// The child discussed.
    pub(crate) fn about(self, child: &str) -> Self {
        self.with(|s| s.child = Some(cid(child)))
    }
}

impl Build<'_, FosterHousehold> {
    /// De-registered on `date`.
    pub(crate) fn deregistered(self, date: NaiveDate) -> Self {
        self.with(|h| h.deregistered = Some(date))
    }
}

/// Six children looked after from 1 May 2024, one per kind of foster placement the
/// `foster_placements_*` split tells apart: in-house (E1), family and friends (E2, E3),
/// agency (E4, E5) and another council's (E6).
pub fn foster_split_dataset() -> Dataset {
    let mut ds = Dataset::new();
    for c in ["C1", "C2", "C3", "C4", "C5", "C6"] {
        ds.child(c);
    }
    use PlacementProvider::*;
    use PlacementType::*;
    ds.episode("E1", "C1", d(2024, 5, 1))
        .placement(U4)
        .provider(PR1); // in-house
    ds.episode("E2", "C2", d(2024, 5, 1))
        .placement(U1)
        .provider(PR1); // family and friends
    ds.episode("E3", "C3", d(2024, 5, 1))
        .placement(U3)
        .provider(PR4); // family and friends
    ds.episode("E4", "C4", d(2024, 5, 1))
        .placement(U5)
        .provider(PR4); // agency
    ds.episode("E5", "C5", d(2024, 5, 1))
        .placement(U6)
        .provider(PR5); // agency
    ds.episode("E6", "C6", d(2024, 5, 1))
        .placement(U6)
        .provider(PR2); // another council's
    ds
}
