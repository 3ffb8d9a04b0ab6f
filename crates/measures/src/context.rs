//! What every indicator and timescale computes over: the records of one snapshot, the settings,
//! the population and indexes built once (children by id, records by child).
//!
//! # Indexes
//!
//! Beyond the child index built by [`Context::new`], the context builds lazily (on first use, once,
//! thread-safely) the indexes indicators and breakdowns share: the child of every record of a kind
//! ([`Context::child_of_record`]: dozens of indicators read the same records, and hashing a child
//! id is a cache miss or two); each child's looked-after episodes, allocations, CP plans, CIN plans
//! and referrals sorted by date; workers and teams by id, each allocation's worker and each
//! worker's team; each child's breakdown attributes packed together ([`ChildAttributes`]). An
//! indicator that never asks for an index never pays for it. Hash maps use [`FastHash`].
//!
//! # Dates
//!
//! One rule decides whether a dated interval (an episode, a plan, an allocation) is open on a day:
//! [`is_open`]: it started on or before the day and has no end or ends after it. So on the day one
//! looked-after episode ends and the next begins (`X1`), exactly one of them is open: the new one;
//! and a child who ceased to be looked after on 31 March is not looked after "at 31 March", as in
//! the DfE's statistics.
//!
//! Records whose child is missing from `records.children` still count in event counts (with no
//! child attached), but per-child measures (snapshots of looked-after children, cohorts) cannot see
//! them.

use crate::indicator::RecordRef;
use crate::settings::PracticeStandards;
use sightline_calendar::Calendar;
use sightline_model::CaseRecords;
use sightline_model::ids::{ChildId, LaCode, TeamId, WorkerId};
use sightline_model::records::{ClaEpisode, Locality};
use sightline_model::{NaiveDate, age_on};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fast non-cryptographic hasher (the Fx multiply-rotate scheme) for the context's indexes and
/// the breakdowns' groups: keys are record ids and small numbers from the council's own extract,
/// where SipHash's protection against crafted keys costs more than it buys.
#[derive(Clone, Copy, Debug, Default)]
pub struct FastHasher(u64);

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut word = [0u8; 8];
            word[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(word));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// Mixes the high bits into the low ones: the multiply leaves the low bits depending only on
    /// the input's low bytes, which for ids like `C0001234` never change, and the table picks
    /// buckets by the low bits.
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^ (h >> 33)
    }
}

/// Builds [`FastHasher`]s.
pub type FastHash = BuildHasherDefault<FastHasher>;

/// The inputs of every computation. Build it once per snapshot; it is shared by all indicators.
pub struct Context<'a> {
    /// The records.
    pub records: &'a CaseRecords,
    /// Practice standards.
    pub standards: PracticeStandards,
    /// ONS mid-year estimate of the council's children aged 0-17, for rates.
    pub population: u64,
    /// The working-day calendar.
    pub calendar: &'static Calendar,
    /// Index of each child in `records.children`.
    pub child_index: HashMap<&'a ChildId, u32>,
    /// The council's own 3-digit code, to tell placements outside its boundary. When `None`, the
    /// council is taken to be the placement council most looked-after episodes name (see
    /// [`Context::council`]); set it with [`Context::with_council`] whenever it is known.
    pub council: Option<LaCode>,
    indexes: Indexes<'a>,
}

/// Record kinds, spelled exactly as `CaseRecords::counts()` labels them, for [`RecordRef::kind`].
pub mod kinds {
    #![allow(missing_docs)]
    pub const CHILDREN: &str = "children";
    pub const CONTACTS: &str = "contacts";
    pub const EARLY_HELP: &str = "early help episodes";
    pub const REFERRALS: &str = "referrals";
    pub const ASSESSMENTS: &str = "assessments";
    pub const STRATEGY_DISCUSSIONS: &str = "strategy discussions";
    pub const SECTION47S: &str = "section 47 enquiries";
    pub const CONFERENCES: &str = "child protection conferences";
    pub const CP_PLANS: &str = "child protection plans";
    pub const CORE_GROUPS: &str = "core groups";
    pub const VISITS: &str = "visits";
    pub const CIN_PLANS: &str = "CIN plans";
    pub const CIN_PLAN_REVIEWS: &str = "CIN plan reviews";
    pub const CLA_EPISODES: &str = "looked-after episodes";
    pub const CLA_REVIEWS: &str = "looked-after reviews";
    pub const MISSING: &str = "missing episodes";
    pub const CARE_LEAVERS: &str = "care leaver contacts";
    pub const PATHWAY_PLANS: &str = "pathway plans";
    pub const PERMANENCE: &str = "permanence records";
    pub const WORKERS: &str = "workers";
    pub const ALLOCATIONS: &str = "allocations";
    pub const SUPERVISIONS: &str = "supervisions";
    pub const FOSTER_HOUSEHOLDS: &str = "foster households";
}

/// A record kind with a date, resolved from a [`RecordRef::kind`] label ([`kinds`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[allow(missing_docs)]
pub enum RecordKind {
    Contacts,
    EarlyHelp,
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
    CareLeavers,
    PathwayPlans,
    Permanence,
    Allocations,
    Supervisions,
    FosterHouseholds,
    /// Children, workers, and any label not listed.
    Other,
}

impl RecordKind {
    /// Number of kinds.
    pub const COUNT: usize = RecordKind::Other as usize + 1;

    /// The kind a label names.
    pub fn of(label: &str) -> RecordKind {
        match label {
            kinds::CONTACTS => RecordKind::Contacts,
            kinds::EARLY_HELP => RecordKind::EarlyHelp,
            kinds::REFERRALS => RecordKind::Referrals,
            kinds::ASSESSMENTS => RecordKind::Assessments,
            kinds::STRATEGY_DISCUSSIONS => RecordKind::StrategyDiscussions,
            kinds::SECTION47S => RecordKind::Section47s,
            kinds::CONFERENCES => RecordKind::Conferences,
            kinds::CP_PLANS => RecordKind::CpPlans,
            kinds::CORE_GROUPS => RecordKind::CoreGroups,
            kinds::VISITS => RecordKind::Visits,
            kinds::CIN_PLANS => RecordKind::CinPlans,
            kinds::CIN_PLAN_REVIEWS => RecordKind::CinPlanReviews,
            kinds::CLA_EPISODES => RecordKind::ClaEpisodes,
            kinds::CLA_REVIEWS => RecordKind::ClaReviews,
            kinds::MISSING => RecordKind::Missing,
            kinds::CARE_LEAVERS => RecordKind::CareLeavers,
            kinds::PATHWAY_PLANS => RecordKind::PathwayPlans,
            kinds::PERMANENCE => RecordKind::Permanence,
            kinds::ALLOCATIONS => RecordKind::Allocations,
            kinds::SUPERVISIONS => RecordKind::Supervisions,
            kinds::FOSTER_HOUSEHOLDS => RecordKind::FosterHouseholds,
            _ => RecordKind::Other,
        }
    }
}

/// Whether an interval that started on `start` and ends on `end` (`None` = still open) is open on
/// `on`: started on or before it and not ended on or before it.
pub fn is_open(start: NaiveDate, end: Option<NaiveDate>, on: NaiveDate) -> bool {
    start <= on && end.is_none_or(|e| e > on)
}

/// The kind of case a child is at a date, most intensive first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum CaseType {
    /// Looked after (an open episode other than a short break).
    LookedAfter,
    /// On a child protection plan.
    ChildProtection,
    /// A child in need: an open CIN episode (referral), CIN plan or short-break episode.
    ChildInNeed,
    /// None of these (e.g. early help only, or closed).
    Other,
}

impl CaseType {
    /// Every case type, most intensive first.
    pub const ALL: [CaseType; 4] = [
        CaseType::LookedAfter,
        CaseType::ChildProtection,
        CaseType::ChildInNeed,
        CaseType::Other,
    ];

    /// Short label, as the plan's "(CIN/CPP/LAC/OLA)" but in current terms.
    pub fn label(self) -> &'static str {
        match self {
            CaseType::LookedAfter => "CLA",
            CaseType::ChildProtection => "CP",
            CaseType::ChildInNeed => "CIN",
            CaseType::Other => "Other",
        }
    }
}

/// Age bands of the DfE's looked-after statistics, plus unborn and unknown.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum AgeBand {
    /// Not yet born on the date.
    Unborn,
    /// Under 1.
    Under1,
    /// 1 to 4.
    From1To4,
    /// 5 to 9.
    From5To9,
    /// 10 to 15.
    From10To15,
    /// 16 to 17.
    From16To17,
    /// 18 and over.
    Over18,
    /// No date of birth recorded.
    Unknown,
}

impl AgeBand {
    /// Every band, youngest first.
    pub const ALL: [AgeBand; 8] = [
        AgeBand::Unborn,
        AgeBand::Under1,
        AgeBand::From1To4,
        AgeBand::From5To9,
        AgeBand::From10To15,
        AgeBand::From16To17,
        AgeBand::Over18,
        AgeBand::Unknown,
    ];

    /// The band of someone born on `born` (if known), on `on`.
    pub fn of(born: Option<NaiveDate>, on: NaiveDate) -> AgeBand {
        let Some(born) = born else {
            return AgeBand::Unknown;
        };
        if born > on {
            return AgeBand::Unborn;
        }
        match age_on(born, on) {
            i32::MIN..=0 => AgeBand::Under1,
            1..=4 => AgeBand::From1To4,
            5..=9 => AgeBand::From5To9,
            10..=15 => AgeBand::From10To15,
            16..=17 => AgeBand::From16To17,
            _ => AgeBand::Over18,
        }
    }

    /// Label, as the DfE prints it.
    pub fn label(self) -> &'static str {
        match self {
            AgeBand::Unborn => "Unborn",
            AgeBand::Under1 => "Under 1",
            AgeBand::From1To4 => "1-4",
            AgeBand::From5To9 => "5-9",
            AgeBand::From10To15 => "10-15",
            AgeBand::From16To17 => "16-17",
            AgeBand::Over18 => "18+",
            AgeBand::Unknown => "Unknown",
        }
    }
}

/// One period of care: a run of a child's looked-after episodes, each starting the day the previous
/// one ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CarePeriod {
    /// Start of the first episode.
    pub start: NaiveDate,
    /// End of the last episode (`None` while still looked after).
    pub end: Option<NaiveDate>,
    /// Position of the first episode in [`Context::episodes_of`] for the child.
    pub first: usize,
    /// Position after the last episode in [`Context::episodes_of`] for the child.
    pub last: usize,
}

/// Record indices grouped by child, each child's sorted by date (compressed rows: one offsets
/// vector and one items vector, so millions of children cost two allocations).
#[derive(Debug, Default)]
pub struct ByChild {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl ByChild {
    /// Groups `(child, sort key, record index)` entries.
    fn build<K: Ord + Copy>(children: usize, mut entries: Vec<(u32, K, u32)>) -> ByChild {
        entries.sort_unstable_by_key(|&(child, key, index)| (child, key, index));
        let mut offsets = vec![0u32; children + 1];
        for &(child, _, _) in &entries {
            if let Some(slot) = offsets.get_mut(child as usize + 1) {
                *slot += 1;
            }
        }
        for i in 1..offsets.len() {
            offsets[i] += offsets[i - 1];
        }
        let items = entries.into_iter().map(|(_, _, index)| index).collect();
        ByChild { offsets, items }
    }

    /// The record indices of one child, in date order.
    pub fn of(&self, child: u32) -> &[u32] {
        let i = child as usize;
        match (self.offsets.get(i), self.offsets.get(i + 1)) {
            (Some(&a), Some(&b)) => self.items.get(a as usize..b as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// Lazily built indexes (see the module doc).
#[derive(Default)]
struct Indexes<'a> {
    episodes: OnceLock<ByChild>,
    allocations: OnceLock<ByChild>,
    cp_plans: OnceLock<ByChild>,
    cin_plans: OnceLock<ByChild>,
    referrals: OnceLock<ByChild>,
    children: OnceLock<HashMap<&'a str, u32, FastHash>>,
    workers: OnceLock<HashMap<&'a WorkerId, u32, FastHash>>,
    teams: OnceLock<HashMap<&'a TeamId, u32, FastHash>>,
    allocation_workers: OnceLock<Vec<Option<u32>>>,
    record_children: [OnceLock<Vec<u32>>; RecordKind::COUNT],
    worker_teams: OnceLock<Vec<Option<u32>>>,
    localities: OnceLock<Localities<'a>>,
    attributes: OnceLock<Vec<ChildAttributes>>,
    timelines: OnceLock<Timelines>,
    council: OnceLock<Option<LaCode>>,
}

/// What breakdowns read of a child, packed together (one cache line serves four dimensions).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChildAttributes {
    /// Date of birth.
    pub born: Option<NaiveDate>,
    /// Sex, as its position in `Sex::ALL`.
    pub sex: u8,
    /// Ethnicity, as its position in `Ethnicity::ALL`.
    pub ethnicity: u8,
    /// Locality (see [`Context::locality_of`]), `u32::MAX` when unknown.
    pub locality: u32,
}

/// A child's situation on a day, for breakdowns: the allocation that attributes it to a worker
/// ([`Context::allocation_at_or_before`]), the looked-after episode open ([`Context::open_episode_at`])
/// and the case type ([`Context::case_type_at`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Status {
    /// Allocation open that day, or the last one started before it.
    pub allocation: Option<u32>,
    /// Looked-after episode open that day.
    pub open_episode: Option<u32>,
    /// Case type that day.
    pub case_type: CaseType,
}

impl Status {
    /// Before any record of the child.
    const NONE: Status = Status {
        allocation: None,
        open_episode: None,
        case_type: CaseType::Other,
    };
}

/// Every child's [`Status`] as a list of stretches: stretch `k` of a child starts on `starts[k]`
/// and lasts until the next; the status changes only on a day some allocation, episode, referral,
/// CIN plan or CP plan of the child starts or ends, so those days are the stretches' starts.
struct Timelines {
    offsets: Vec<u32>,
    starts: Vec<NaiveDate>,
    statuses: Vec<Status>,
}

/// Each child's locality as a small number, and the names.
struct Localities<'a> {
    names: Vec<&'a Locality>,
    of_child: Vec<Option<u32>>,
}

impl<'a> Context<'a> {
    /// Builds the context and its indexes.
    pub fn new(records: &'a CaseRecords, standards: PracticeStandards, population: u64) -> Self {
        let child_index = records
            .children
            .iter()
            .enumerate()
            .map(|(i, c)| (&c.id, i as u32))
            .collect();
        Context {
            records,
            standards,
            population,
            calendar: Calendar::england_and_wales(),
            child_index,
            council: None,
            indexes: Indexes::default(),
        }
    }

    /// The same context for a council whose code is known.
    pub fn with_council(mut self, council: LaCode) -> Self {
        self.council = Some(council);
        self
    }

    /// Index of a child in `records.children` (through a faster-hashed copy of `child_index`,
    /// built on first use: every indicator looks up every record's child).
    pub fn child(&self, id: &ChildId) -> Option<u32> {
        self.indexes
            .children
            .get_or_init(|| {
                self.child_index
                    .iter()
                    .map(|(id, &i)| (id.as_str(), i))
                    .collect()
            })
            .get(id.as_str())
            .copied()
    }

    /// The council: [`Context::council`] when set; otherwise the placement council named by most
    /// looked-after episodes (smallest code on a tie), since most children are placed at home;
    /// `None` when no episode names one.
    pub fn council(&self) -> Option<LaCode> {
        if self.council.is_some() {
            return self.council;
        }
        *self.indexes.council.get_or_init(|| {
            let mut counts: HashMap<LaCode, usize> = HashMap::new();
            for e in &self.records.cla_episodes {
                if let Some(la) = e.placement_la {
                    *counts.entry(la).or_default() += 1;
                }
            }
            counts
                .into_iter()
                .max_by_key(|&(la, n)| (n, std::cmp::Reverse(la)))
                .map(|(la, _)| la)
        })
    }

    fn by_child<T, K: Ord + Copy>(
        &self,
        kind: RecordKind,
        records: &[T],
        key_of: impl Fn(&T) -> K,
    ) -> ByChild {
        let entries = records
            .iter()
            .enumerate()
            .filter_map(|(i, r)| Some((self.child_of_record(kind, i as u32)?, key_of(r), i as u32)))
            .collect();
        ByChild::build(self.records.children.len(), entries)
    }

    /// A child's looked-after episodes (indices into `records.cla_episodes`), by start date.
    pub fn episodes_of(&self, child: u32) -> &[u32] {
        self.indexes
            .episodes
            .get_or_init(|| {
                self.by_child(RecordKind::ClaEpisodes, &self.records.cla_episodes, |e| {
                    e.start
                })
            })
            .of(child)
    }

    /// A child's allocations (indices into `records.allocations`), by start date.
    pub fn allocations_of(&self, child: u32) -> &[u32] {
        self.indexes
            .allocations
            .get_or_init(|| {
                self.by_child(RecordKind::Allocations, &self.records.allocations, |a| {
                    a.start
                })
            })
            .of(child)
    }

    /// A child's CP plans (indices into `records.cp_plans`), by start date.
    pub fn cp_plans_of(&self, child: u32) -> &[u32] {
        self.indexes
            .cp_plans
            .get_or_init(|| self.by_child(RecordKind::CpPlans, &self.records.cp_plans, |p| p.start))
            .of(child)
    }

    /// A child's CIN plans (indices into `records.cin_plans`), by start date.
    pub fn cin_plans_of(&self, child: u32) -> &[u32] {
        self.indexes
            .cin_plans
            .get_or_init(|| {
                self.by_child(RecordKind::CinPlans, &self.records.cin_plans, |p| p.start)
            })
            .of(child)
    }

    /// A child's referrals (CIN episodes; indices into `records.referrals`), by referral date.
    pub fn referrals_of(&self, child: u32) -> &[u32] {
        self.indexes
            .referrals
            .get_or_init(|| {
                self.by_child(RecordKind::Referrals, &self.records.referrals, |r| r.date)
            })
            .of(child)
    }

    /// Index of a worker in `records.workers`.
    pub fn worker(&self, id: &WorkerId) -> Option<u32> {
        self.indexes
            .workers
            .get_or_init(|| {
                let workers = &self.records.workers;
                workers
                    .iter()
                    .enumerate()
                    .map(|(i, w)| (&w.id, i as u32))
                    .collect()
            })
            .get(id)
            .copied()
    }

    /// The child (index into `records.children`) of the `index`-th record of a kind: the same as
    /// [`Context::child`] of the record's child id, from a per-kind table built on first use, so
    /// the dozens of indicators reading the same records hash each child id once.
    pub fn child_of_record(&self, kind: RecordKind, index: u32) -> Option<u32> {
        let table = self
            .indexes
            .record_children
            .get(kind as usize)?
            .get_or_init(|| self.record_children(kind));
        table
            .get(index as usize)
            .copied()
            .filter(|&c| c != u32::MAX)
    }

    fn record_children(&self, kind: RecordKind) -> Vec<u32> {
        fn of<T>(ctx: &Context, records: &[T], id: impl Fn(&T) -> Option<&ChildId>) -> Vec<u32> {
            records
                .iter()
                .map(|r| id(r).and_then(|c| ctx.child(c)).unwrap_or(u32::MAX))
                .collect()
        }
        let r = self.records;
        match kind {
            RecordKind::Contacts => of(self, &r.contacts, |x| Some(&x.child)),
            RecordKind::EarlyHelp => of(self, &r.early_help, |x| Some(&x.child)),
            RecordKind::Referrals => of(self, &r.referrals, |x| Some(&x.child)),
            RecordKind::Assessments => of(self, &r.assessments, |x| Some(&x.child)),
            RecordKind::StrategyDiscussions => {
                of(self, &r.strategy_discussions, |x| Some(&x.child))
            }
            RecordKind::Section47s => of(self, &r.section47s, |x| Some(&x.child)),
            RecordKind::Conferences => of(self, &r.conferences, |x| Some(&x.child)),
            RecordKind::CpPlans => of(self, &r.cp_plans, |x| Some(&x.child)),
            RecordKind::CoreGroups => of(self, &r.core_groups, |x| Some(&x.child)),
            RecordKind::Visits => of(self, &r.visits, |x| Some(&x.child)),
            RecordKind::CinPlans => of(self, &r.cin_plans, |x| Some(&x.child)),
            RecordKind::CinPlanReviews => of(self, &r.cin_plan_reviews, |x| Some(&x.child)),
            RecordKind::ClaEpisodes => of(self, &r.cla_episodes, |x| Some(&x.child)),
            RecordKind::ClaReviews => of(self, &r.cla_reviews, |x| Some(&x.child)),
            RecordKind::Missing => of(self, &r.missing, |x| Some(&x.child)),
            RecordKind::CareLeavers => of(self, &r.care_leavers, |x| Some(&x.child)),
            RecordKind::PathwayPlans => of(self, &r.pathway_plans, |x| Some(&x.child)),
            RecordKind::Permanence => of(self, &r.permanence, |x| Some(&x.child)),
            RecordKind::Allocations => of(self, &r.allocations, |x| Some(&x.child)),
            RecordKind::Supervisions => of(self, &r.supervisions, |x| x.child.as_ref()),
            RecordKind::FosterHouseholds | RecordKind::Other => Vec::new(),
        }
    }

    /// The worker (index into `records.workers`) of an allocation (index into
    /// `records.allocations`), without hashing the worker id each time.
    pub fn allocation_worker(&self, allocation: u32) -> Option<u32> {
        let all = self.indexes.allocation_workers.get_or_init(|| {
            self.records
                .allocations
                .iter()
                .map(|a| self.worker(&a.worker))
                .collect()
        });
        all.get(allocation as usize).copied().flatten()
    }

    /// The team (index into `records.teams`) of a worker (index into `records.workers`).
    pub fn worker_team(&self, worker: u32) -> Option<u32> {
        let all = self.indexes.worker_teams.get_or_init(|| {
            self.records
                .workers
                .iter()
                .map(|w| self.team(&w.team))
                .collect()
        });
        all.get(worker as usize).copied().flatten()
    }

    /// Index of a team in `records.teams`.
    pub fn team(&self, id: &TeamId) -> Option<u32> {
        self.indexes
            .teams
            .get_or_init(|| {
                let teams = &self.records.teams;
                teams
                    .iter()
                    .enumerate()
                    .map(|(i, t)| (&t.id, i as u32))
                    .collect()
            })
            .get(id)
            .copied()
    }

    fn localities(&self) -> &Localities<'a> {
        self.indexes.localities.get_or_init(|| {
            let mut names: Vec<&'a Locality> = self
                .records
                .children
                .iter()
                .filter_map(|c| c.locality.as_ref())
                .collect();
            names.sort_unstable();
            names.dedup();
            let of_child = self
                .records
                .children
                .iter()
                .map(|c| {
                    let l = c.locality.as_ref()?;
                    names.binary_search(&l).ok().map(|i| i as u32)
                })
                .collect();
            Localities { names, of_child }
        })
    }

    /// A child's locality as a small number (see [`Context::locality_name`]).
    pub fn locality_of(&self, child: u32) -> Option<u32> {
        self.localities()
            .of_child
            .get(child as usize)
            .copied()
            .flatten()
    }

    /// A child's attributes for breakdowns (built for every child on first use).
    pub fn attributes(&self, child: u32) -> Option<ChildAttributes> {
        let all = self.indexes.attributes.get_or_init(|| {
            let localities = self.localities();
            self.records
                .children
                .iter()
                .zip(&localities.of_child)
                .map(|(c, locality)| ChildAttributes {
                    born: c.date_of_birth,
                    sex: c.sex as u8,
                    ethnicity: c.ethnicity as u8,
                    locality: locality.unwrap_or(u32::MAX),
                })
                .collect()
        });
        all.get(child as usize).copied()
    }

    /// The child's [`Status`] on `on`, from timelines built for every child on first use (one
    /// binary search instead of the allocation, episode and case-type lookups breakdowns make for
    /// every contribution). Equal to computing the three directly.
    pub fn status_at(&self, child: u32, on: NaiveDate) -> Status {
        let t = self
            .indexes
            .timelines
            .get_or_init(|| self.build_timelines());
        let i = child as usize;
        let (Some(&a), Some(&b)) = (t.offsets.get(i), t.offsets.get(i + 1)) else {
            return Status::NONE;
        };
        let starts = t.starts.get(a as usize..b as usize).unwrap_or(&[]);
        let k = starts.partition_point(|&s| s <= on);
        k.checked_sub(1)
            .and_then(|k| t.statuses.get(a as usize + k))
            .copied()
            .unwrap_or(Status::NONE)
    }

    fn build_timelines(&self) -> Timelines {
        use rayon::prelude::*;
        const CHUNK: usize = 4096;
        let children = self.records.children.len();
        let chunks: Vec<(Vec<u32>, Vec<NaiveDate>, Vec<Status>)> = (0..children.div_ceil(CHUNK))
            .into_par_iter()
            .map(|chunk| {
                let (mut counts, mut starts, mut statuses) = (Vec::new(), Vec::new(), Vec::new());
                let mut days = Vec::new();
                for child in (chunk * CHUNK..children.min((chunk + 1) * CHUNK)).map(|c| c as u32) {
                    let before = starts.len();
                    self.change_days(child, &mut days);
                    for &day in &days {
                        let open = self.open_episode_at(child, day);
                        let status = Status {
                            allocation: self.allocation_at_or_before(child, day),
                            open_episode: open,
                            case_type: self.case_type_with(
                                child,
                                day,
                                open.and_then(|i| self.episode(i)),
                            ),
                        };
                        if statuses.get(before..).and_then(|s: &[Status]| s.last()) != Some(&status)
                        {
                            starts.push(day);
                            statuses.push(status);
                        }
                    }
                    counts.push((starts.len() - before) as u32);
                }
                (counts, starts, statuses)
            })
            .collect();
        let mut offsets = Vec::with_capacity(children + 1);
        offsets.push(0u32);
        let (mut starts, mut statuses) = (Vec::new(), Vec::new());
        for (counts, s, st) in chunks {
            for n in counts {
                let last = offsets.last().copied().unwrap_or(0);
                offsets.push(last + n);
            }
            starts.extend(s);
            statuses.extend(st);
        }
        Timelines {
            offsets,
            starts,
            statuses,
        }
    }

    /// The days a child's status may change, sorted, without repeats.
    fn change_days(&self, child: u32, days: &mut Vec<NaiveDate>) {
        let r = self.records;
        days.clear();
        let intervals = (self.allocations_of(child).iter())
            .filter_map(|&i| r.allocations.get(i as usize).map(|x| (x.start, x.end)))
            .chain(
                self.episodes_of(child)
                    .iter()
                    .filter_map(|&i| r.cla_episodes.get(i as usize).map(|x| (x.start, x.end))),
            )
            .chain(self.referrals_of(child).iter().filter_map(|&i| {
                r.referrals
                    .get(i as usize)
                    .map(|x| (x.date, x.closure_date))
            }))
            .chain(
                self.cin_plans_of(child)
                    .iter()
                    .filter_map(|&i| r.cin_plans.get(i as usize).map(|x| (x.start, x.end))),
            )
            .chain(
                self.cp_plans_of(child)
                    .iter()
                    .filter_map(|&i| r.cp_plans.get(i as usize).map(|x| (x.start, x.end))),
            );
        for (start, end) in intervals {
            days.push(start);
            days.extend(end);
        }
        days.sort_unstable();
        days.dedup();
    }

    /// Number of distinct localities of the children.
    pub fn locality_count(&self) -> usize {
        self.localities().names.len()
    }

    /// The name of a locality numbered by [`Context::locality_of`].
    pub fn locality_name(&self, locality: u32) -> Option<&'a Locality> {
        self.localities().names.get(locality as usize).copied()
    }

    /// The child's looked-after episode open on `on` (any legal status; the latest started if the
    /// records overlap).
    pub fn open_episode_at(&self, child: u32, on: NaiveDate) -> Option<u32> {
        self.latest_open(self.episodes_of(child), on, |i| {
            let e = self.records.cla_episodes.get(i as usize)?;
            Some((e.start, e.end))
        })
    }

    /// The child's open episode on `on` if the child is looked after then (short breaks, V3/V4,
    /// are not "looked after" in the DfE's counts).
    pub fn looked_after_at(&self, child: u32, on: NaiveDate) -> Option<u32> {
        let i = self.open_episode_at(child, on)?;
        let e = self.episode(i)?;
        (!e.legal_status.is_short_break()).then_some(i)
    }

    /// The allocation open on `on` (the latest started if several are).
    pub fn allocation_at(&self, child: u32, on: NaiveDate) -> Option<u32> {
        self.latest_open(self.allocations_of(child), on, |i| {
            let a = self.records.allocations.get(i as usize)?;
            Some((a.start, a.end))
        })
    }

    /// The allocation open on `on`, or failing that the last one that started on or before it
    /// (the worker who last held the case).
    pub fn allocation_at_or_before(&self, child: u32, on: NaiveDate) -> Option<u32> {
        let all = self.allocations_of(child);
        let allocations = &self.records.allocations;
        let started =
            all.partition_point(|&i| allocations.get(i as usize).is_some_and(|a| a.start <= on));
        let before = all.get(..started)?;
        before
            .iter()
            .rev()
            .copied()
            .find(|&i| {
                allocations
                    .get(i as usize)
                    .is_some_and(|a| is_open(a.start, a.end, on))
            })
            .or_else(|| before.last().copied())
    }

    /// Among `sorted` (by start), the open one on `on` that started last.
    fn latest_open(
        &self,
        sorted: &[u32],
        on: NaiveDate,
        interval: impl Fn(u32) -> Option<(NaiveDate, Option<NaiveDate>)>,
    ) -> Option<u32> {
        let started = sorted.partition_point(|&i| interval(i).is_some_and(|(s, _)| s <= on));
        sorted
            .get(..started)?
            .iter()
            .rev()
            .copied()
            .find(|&i| interval(i).is_some_and(|(s, e)| is_open(s, e, on)))
    }

    /// A looked-after episode by index.
    pub fn episode(&self, index: u32) -> Option<&'a ClaEpisode> {
        self.records.cla_episodes.get(index as usize)
    }

    /// The kind of case the child is on `on`: looked after (not a short break), else on a CP plan,
    /// else a child in need (open referral, CIN plan or short-break episode), else other.
    pub fn case_type_at(&self, child: u32, on: NaiveDate) -> CaseType {
        let open = self
            .open_episode_at(child, on)
            .and_then(|i| self.episode(i));
        self.case_type_with(child, on, open)
    }

    /// [`Context::case_type_at`] when the episode open on `on` ([`Context::open_episode_at`]) is
    /// already known.
    pub fn case_type_with(
        &self,
        child: u32,
        on: NaiveDate,
        open_episode: Option<&ClaEpisode>,
    ) -> CaseType {
        let r = self.records;
        if let Some(e) = open_episode {
            if !e.legal_status.is_short_break() {
                return CaseType::LookedAfter;
            }
            return self.cp_or(child, on, CaseType::ChildInNeed);
        }
        let in_need = self.referrals_of(child).iter().any(|&i| {
            r.referrals
                .get(i as usize)
                .is_some_and(|x| is_open(x.date, x.closure_date, on))
        }) || self.cin_plans_of(child).iter().any(|&i| {
            r.cin_plans
                .get(i as usize)
                .is_some_and(|x| is_open(x.start, x.end, on))
        });
        self.cp_or(
            child,
            on,
            if in_need {
                CaseType::ChildInNeed
            } else {
                CaseType::Other
            },
        )
    }

    fn cp_or(&self, child: u32, on: NaiveDate, otherwise: CaseType) -> CaseType {
        let on_plan = self.cp_plans_of(child).iter().any(|&i| {
            self.records
                .cp_plans
                .get(i as usize)
                .is_some_and(|p| is_open(p.start, p.end, on))
        });
        if on_plan {
            CaseType::ChildProtection
        } else {
            otherwise
        }
    }

    /// The child's age band on `on`.
    pub fn age_band(&self, child: u32, on: NaiveDate) -> AgeBand {
        let born = self
            .records
            .children
            .get(child as usize)
            .and_then(|c| c.date_of_birth);
        AgeBand::of(born, on)
    }

    /// The child's periods of care, in order: runs of episodes each starting the day the previous
    /// ended. Short-break episodes take part like any other; callers decide what to exclude.
    pub fn care_periods(&self, child: u32) -> Vec<CarePeriod> {
        let episodes = self.episodes_of(child);
        let mut out: Vec<CarePeriod> = Vec::new();
        for (pos, e) in episodes.iter().filter_map(|&i| self.episode(i)).enumerate() {
            match out.last_mut() {
                Some(p) if p.end == Some(e.start) && p.last == pos => {
                    p.end = e.end;
                    p.last = pos + 1;
                }
                _ => out.push(CarePeriod {
                    start: e.start,
                    end: e.end,
                    first: pos,
                    last: pos + 1,
                }),
            }
        }
        out
    }

    /// The date a record is about (its event date), used to attribute it to a team, worker, legal
    /// status or case type: contact, referral and meeting dates; an assessment's authorisation
    /// (else start); a plan's, episode's or allocation's start; a care leaver's contact date; a
    /// permanence order's date; a foster household's approval. `None` for kinds with no date
    /// (children, workers) or an unknown kind.
    pub fn record_date(&self, record: RecordRef) -> Option<NaiveDate> {
        self.record_date_of(RecordKind::of(record.kind), record.index)
    }

    /// [`Context::record_date`] for a kind already resolved (breakdowns resolve it once per run of
    /// contributions of the same kind instead of comparing labels every time).
    pub fn record_date_of(&self, kind: RecordKind, index: u32) -> Option<NaiveDate> {
        let r = self.records;
        let i = index as usize;
        match kind {
            RecordKind::Contacts => r.contacts.get(i).map(|x| x.date),
            RecordKind::EarlyHelp => r.early_help.get(i).map(|x| x.start),
            RecordKind::Referrals => r.referrals.get(i).map(|x| x.date),
            RecordKind::Assessments => r
                .assessments
                .get(i)
                .map(|x| x.authorised.unwrap_or(x.start)),
            RecordKind::StrategyDiscussions => r.strategy_discussions.get(i).map(|x| x.date),
            RecordKind::Section47s => r.section47s.get(i).map(|x| x.start),
            RecordKind::Conferences => r.conferences.get(i).map(|x| x.date),
            RecordKind::CpPlans => r.cp_plans.get(i).map(|x| x.start),
            RecordKind::CoreGroups => r.core_groups.get(i).map(|x| x.date),
            RecordKind::Visits => r.visits.get(i).map(|x| x.date),
            RecordKind::CinPlans => r.cin_plans.get(i).map(|x| x.start),
            RecordKind::CinPlanReviews => r.cin_plan_reviews.get(i).map(|x| x.date),
            RecordKind::ClaEpisodes => r.cla_episodes.get(i).map(|x| x.start),
            RecordKind::ClaReviews => r.cla_reviews.get(i).map(|x| x.date),
            RecordKind::Missing => r.missing.get(i).map(|x| x.start),
            RecordKind::CareLeavers => r.care_leavers.get(i).and_then(|x| x.contact_date),
            RecordKind::PathwayPlans => r.pathway_plans.get(i).map(|x| x.date),
            RecordKind::Permanence => r.permanence.get(i).and_then(|x| x.order_date),
            RecordKind::Allocations => r.allocations.get(i).map(|x| x.start),
            RecordKind::Supervisions => r.supervisions.get(i).map(|x| x.date),
            RecordKind::FosterHouseholds => r.foster_households.get(i).map(|x| x.approved),
            RecordKind::Other => None,
        }
    }

    /// The looked-after episode a record describes, if the record is one.
    pub fn episode_of_record(&self, record: RecordRef) -> Option<&'a ClaEpisode> {
        (record.kind == kinds::CLA_EPISODES)
            .then(|| self.episode(record.index))
            .flatten()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::{LegalStatus, ReasonEpisodeCeased};

    #[test]
    fn open_means_started_and_not_yet_ended() {
        assert!(is_open(d(2025, 1, 1), None, d(2025, 1, 1)));
        assert!(is_open(d(2025, 1, 1), Some(d(2025, 1, 2)), d(2025, 1, 1)));
        assert!(!is_open(d(2025, 1, 1), Some(d(2025, 1, 2)), d(2025, 1, 2)));
        assert!(!is_open(d(2025, 1, 2), None, d(2025, 1, 1)));
    }

    #[test]
    fn age_bands_turn_on_birthdays() {
        let born = Some(d(2010, 3, 31));
        assert_eq!(AgeBand::of(born, d(2026, 3, 30)), AgeBand::From10To15);
        assert_eq!(AgeBand::of(born, d(2026, 3, 31)), AgeBand::From16To17);
        assert_eq!(
            AgeBand::of(Some(d(2026, 5, 1)), d(2026, 3, 31)),
            AgeBand::Unborn
        );
        assert_eq!(AgeBand::of(None, d(2026, 3, 31)), AgeBand::Unknown);
        assert_eq!(
            AgeBand::of(Some(d(2025, 4, 1)), d(2026, 3, 31)),
            AgeBand::Under1
        );
    }

    #[test]
    fn on_a_transition_day_the_new_episode_is_open() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2025, 1, 10))
            .ended(d(2025, 2, 3), ReasonEpisodeCeased::X1);
        ds.episode("E2", "C1", d(2025, 2, 3))
            .legal_status(LegalStatus::V3);
        let ctx = ds.context();
        assert_eq!(ctx.open_episode_at(0, d(2025, 2, 2)), Some(0));
        assert_eq!(ctx.open_episode_at(0, d(2025, 2, 3)), Some(1));
        // From 3 February the child is on a short break: not looked after, but a child in need.
        assert_eq!(ctx.looked_after_at(0, d(2025, 2, 3)), None);
        assert_eq!(ctx.case_type_at(0, d(2025, 2, 3)), CaseType::ChildInNeed);
        assert_eq!(ctx.case_type_at(0, d(2025, 1, 31)), CaseType::LookedAfter);
        assert_eq!(ctx.case_type_at(0, d(2025, 1, 9)), CaseType::Other);
        let periods = ctx.care_periods(0);
        assert_eq!(periods.len(), 1);
        assert_eq!((periods[0].start, periods[0].end), (d(2025, 1, 10), None));
    }

    #[test]
    fn allocation_falls_back_to_the_last_worker() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.allocation("A1", "C1", "SW1", d(2025, 1, 1))
            .ended(d(2025, 3, 1));
        ds.allocation("A2", "C1", "SW2", d(2025, 2, 1))
            .ended(d(2025, 4, 1));
        let ctx = ds.context();
        // Both open on 15 February: the later started wins.
        assert_eq!(ctx.allocation_at(0, d(2025, 2, 15)), Some(1));
        assert_eq!(ctx.allocation_at(0, d(2025, 5, 1)), None);
        assert_eq!(ctx.allocation_at_or_before(0, d(2025, 5, 1)), Some(1));
        assert_eq!(ctx.allocation_at_or_before(0, d(2024, 5, 1)), None);
    }

    #[test]
    fn council_is_inferred_from_placements_when_not_set() {
        let mut ds = Dataset::new();
        ds.child("C1");
        ds.episode("E1", "C1", d(2025, 1, 1))
            .placed(LaCode(381), 30.0);
        ds.episode("E2", "C1", d(2024, 1, 1))
            .placed(LaCode(382), 3.0);
        ds.episode("E3", "C1", d(2023, 1, 1))
            .placed(LaCode(382), 3.0);
        let ctx = Context::new(ds.records(), PracticeStandards::default(), 1);
        assert_eq!(ctx.council(), Some(LaCode(382)));
        assert_eq!(ctx.with_council(LaCode(1)).council(), Some(LaCode(1)));
    }

    #[test]
    fn status_timelines_agree_with_direct_lookups() {
        use sightline_synth::{SynthConfig, generate};
        let synthetic = generate(&SynthConfig {
            population: 2_000,
            years: 2,
            ..SynthConfig::default()
        });
        let ctx = Context::new(&synthetic.records, PracticeStandards::default(), 2_000);
        let mut days = Vec::new();
        let mut checked = 0;
        for child in (0..synthetic.records.children.len() as u32).step_by(3) {
            ctx.change_days(child, &mut days);
            let around = days
                .iter()
                .flat_map(|&d| [d.pred_opt(), Some(d), d.succ_opt()])
                .flatten();
            for day in around.chain([synthetic.end]) {
                let open = ctx.open_episode_at(child, day);
                let direct = Status {
                    allocation: ctx.allocation_at_or_before(child, day),
                    open_episode: open,
                    case_type: ctx.case_type_at(child, day),
                };
                assert_eq!(ctx.status_at(child, day), direct);
                checked += 1;
            }
        }
        assert!(checked > 1_000, "{checked}");
    }
}
