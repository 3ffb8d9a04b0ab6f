//! Deterministic synthetic local authority: a whole council's children's social care records,
//! the only data Sightline ever uses (tests, demos, benchmarks).
//!
//! The generator simulates children's journeys, each from its own seeded random stream, so the
//! same [`SynthConfig`] gives byte-identical records on any number of threads. Volumes scale
//! linearly with the 0-17 population and are calibrated on the Kirklees 2019/20 improvement plan
//! (see `tests/synth/calibration.rs` for the figures checked).
//!
//! # How the council is simulated
//!
//! Four kinds of unit, each a child, arrive month by month:
//! - **front door**: a child's first contact; repeat contacts follow, some become referrals,
//!   which run through assessment, strategy discussion, S47 enquiry, conference, child protection
//!   plan, child in need plan, early help;
//! - **care entrant**: a child starting a first period of care, with the referral (and often an
//!   S47 enquiry, child protection or child in need plan) that led there, placements, reviews,
//!   visits, health, missing episodes, permanence, re-entries, and life as a care leaver;
//! - **short breaks**: a disabled child on a child in need plan with regular V3 short breaks;
//! - **private fostering**: a privately fostered child notified and assessed.
//!
//! Staff come from a workforce of teams per service and locality; each case is allocated to a
//! worker in post, and visits, supervision and audits name that worker.
//!
//! # Warm-up and the records kept
//!
//! Front-door units start arriving three years before the range and care entrants 22 years
//! before it, so contacts, open cases, plans, children in care and care leavers are at their
//! steady level from the first month of the range (the monthly count of children in care is flat).
//!
//! A child is kept when any of their records falls in the range or is still open at its start;
//! children with nothing in the range are dropped. A kept child keeps the structure of their
//! history (referrals, assessments, enquiries, conferences, plans, episodes of care, reviews,
//! permanence), however old, so every link and sequence is whole. Repeating and free-standing
//! records (contacts, early help, visits, core groups, CIN plan reviews, missing episodes,
//! pathway plans, supervision, audits, complaints, allocations) are kept only from one year
//! before the range: enough for re-referrals and every timeliness chain measured in the range.
//! Records dated before the range are therefore partial and must not be counted as figures.
//! Worker history starts three years before the range: a case open before then has its first
//! allocation from that date (reason `ORGRST`, the case system migration). The foster household
//! register is simulated from the start of the range.
//!
//! # Timescales the generator aims at
//!
//! Initial core groups within 10 working days of the conference (about 60%), subsequent core
//! groups within [`params::CORE_GROUP_INTERVAL_WORKING_DAYS`] (20 working days, four weeks; about
//! 60%), child protection visits within [`params::CP_VISIT_INTERVAL_WORKING_DAYS`] (about 72%),
//! looked-after visits within [`params::CLA_VISIT_INTERVAL_DAYS`] (six weeks; about 85%),
//! looked-after reviews on time (20 working days, 3 months, 6 months; about 94%), assessments
//! within 45 working days (about 83%), initial conferences within 15 working days of the S47
//! start (about 76%), return interviews within 72 hours (about 60%).
//!
//! **Invariant:** nothing reads the clock; everything depends on the config alone.
//!
//! # Example
//! ```
//! use sightline_synth::{SynthConfig, generate};
//! let small = SynthConfig { population: 2_000, years: 1, ..SynthConfig::default() };
//! let synthetic = generate(&small);
//! assert_eq!(synthetic.council.name, "Kirklees");
//! assert!(!synthetic.records.children.is_empty());
//! ```

mod care;
mod cut;
mod dice;
mod england;
mod frontdoor;
mod geo;
mod ident;
mod journey;
mod other;
pub mod params;
mod people;
mod workforce;

pub use england::england;
pub use geo::{la_name, placement_distance_miles, postcode_la, postcode_reference_csv};

use chrono::{Datelike, Months, NaiveDate};
use dice::{Dice, plus};
use journey::{Ctx, Unit};
use rayon::prelude::*;
use sightline_calendar::Calendar;
use sightline_model::ids::LaCode;
use sightline_model::{CaseRecords, Council};
use std::sync::atomic::{AtomicU64, Ordering};

/// What to generate.
#[derive(Clone, Debug, PartialEq)]
pub struct SynthConfig {
    /// Children aged 0-17 living in the council (volumes scale linearly); default 100,000.
    pub population: u64,
    /// Random seed; default 1.
    pub seed: u64,
    /// Length of the date range in years; default 5.
    pub years: u32,
    /// Last day of the range, the extract date; default 2026-03-31.
    pub end: NaiveDate,
    /// The council (3-digit DfE code); default 382, Kirklees.
    pub la_code: LaCode,
}

impl Default for SynthConfig {
    fn default() -> Self {
        SynthConfig {
            population: 100_000,
            seed: 1,
            years: 5,
            end: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap_or(NaiveDate::MIN),
            la_code: LaCode(382),
        }
    }
}

/// A generated council.
#[derive(Clone, Debug, PartialEq)]
pub struct Synthetic {
    /// The council.
    pub council: Council,
    /// Every record: each kind in child order (the order units were generated), teams, workers
    /// and foster households last.
    pub records: CaseRecords,
    /// First day of the range.
    pub start: NaiveDate,
    /// Last day of the range (the extract date).
    pub end: NaiveDate,
}

/// Generates the council described by `config`.
pub fn generate(config: &SynthConfig) -> Synthetic {
    generate_with_progress(config, &|_, _| {})
}

/// Generates the council, calling `progress(done, total)` as units of work complete (from any
/// thread), for a progress bar.
pub fn generate_with_progress(
    config: &SynthConfig,
    progress: &(dyn Fn(u64, u64) + Sync),
) -> Synthetic {
    let end = config.end;
    let start = plus(
        end.checked_sub_months(Months::new(12 * config.years.max(1)))
            .unwrap_or(end),
        1,
    );
    let horizon = years_before(start, params::FRONT_DOOR_WARM_UP_YEARS);
    let scale = config.population as f64 / 100_000.0;
    let geo = geo::CouncilGeo::new(config.la_code);
    let shares = geo.locality_shares();
    let wf =
        workforce::Workforce::build(config.seed, scale, &geo.localities, &shares, horizon, end);
    let units = plan_units(config.seed, scale, start, end);
    let ctx = Ctx {
        la: config.la_code,
        start,
        end,
        horizon,
        history: years_before(start, 1),
        cal: Calendar::england_and_wales(),
        ids: ident::IdScheme::for_units(units.len() as u64),
        geo,
        wf,
    };
    let total = units.len() as u64;
    let done = AtomicU64::new(0);
    progress(0, total);
    let chunks: Vec<CaseRecords> = units
        .par_chunks(CHUNK)
        .enumerate()
        .map(|(c, chunk)| {
            let mut acc = CaseRecords::default();
            for (i, spec) in chunk.iter().enumerate() {
                let index = (c * CHUNK + i) as u64;
                if let Some(records) = run_unit(&ctx, config.seed, index, spec) {
                    acc.extend(records);
                }
            }
            let n = done.fetch_add(chunk.len() as u64, Ordering::Relaxed) + chunk.len() as u64;
            progress(n, total);
            acc
        })
        .collect();
    drop(units);
    let mut records = merge(chunks);
    records.teams = ctx.wf.teams.clone();
    records.workers = ctx.wf.workers.clone();
    records.foster_households = other::foster_households(config.seed, scale, start, end);
    Synthetic {
        council: Council {
            la_code: config.la_code,
            name: ctx.geo.name.clone(),
        },
        records,
        start,
        end,
    }
}

/// Units per parallel task: big enough to amortise, small enough to balance two to 64 cores.
const CHUNK: usize = 2048;

/// The kind of a unit and the month its anchor falls in.
#[derive(Clone, Copy)]
struct UnitSpec {
    kind: UnitKind,
    from: NaiveDate,
    to: NaiveDate,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum UnitKind {
    FrontDoor,
    CareEntrant,
    ShortBreaks,
    PrivateFostering,
}

/// Counts of each kind of unit per month, drawn from one stream per (kind, month).
fn plan_units(seed: u64, scale: f64, start: NaiveDate, end: NaiveDate) -> Vec<UnitSpec> {
    let streams = [
        (
            UnitKind::FrontDoor,
            params::FRONT_DOOR_UNITS,
            params::FRONT_DOOR_WARM_UP_YEARS,
        ),
        (
            UnitKind::CareEntrant,
            params::CARE_ENTRANTS,
            params::CARE_WARM_UP_YEARS,
        ),
        (
            UnitKind::ShortBreaks,
            params::SHORT_BREAK_UNITS,
            params::FRONT_DOOR_WARM_UP_YEARS + 6,
        ),
        (
            UnitKind::PrivateFostering,
            params::PRIVATE_FOSTERING_UNITS,
            2,
        ),
    ];
    let mut units = Vec::new();
    for (k, &(kind, rate, warm_up)) in streams.iter().enumerate() {
        let mut month = years_before(start, warm_up);
        let mut m = 0u64;
        while month <= end {
            let next = month
                .checked_add_months(Months::new(1))
                .unwrap_or(end)
                .min(plus(end, 1));
            let mut dice = Dice::new(seed, params::STREAM_PLAN, (k as u64) << 32 | m);
            let n = dice.poisson(rate * scale);
            units.extend((0..n).map(|_| UnitSpec {
                kind,
                from: month,
                to: plus(next, -1),
            }));
            month = next;
            m += 1;
        }
    }
    units
}

fn run_unit(ctx: &Ctx, seed: u64, index: u64, spec: &UnitSpec) -> Option<CaseRecords> {
    let mut unit = Unit::new(ctx, seed, index);
    let anchor = unit.dice.day_between(spec.from, spec.to);
    let kept = match spec.kind {
        UnitKind::FrontDoor => {
            unit.front_door(anchor);
            true
        }
        UnitKind::CareEntrant => unit.care_entrant(anchor),
        UnitKind::ShortBreaks => unit.short_breaks(anchor),
        UnitKind::PrivateFostering => unit.private_fostering(anchor),
    };
    if !kept {
        return None;
    }
    unit.staff();
    let last = unit.died.map_or(ctx.end, |d| d.min(ctx.end));
    cut::cut(&mut unit.out, last);
    cut::forget_old(&mut unit.out, ctx.history);
    if !cut::touches(&unit.out, ctx.start) {
        return None;
    }
    let child = unit.child_record();
    unit.out.children.push(child);
    Some(unit.out)
}

/// Concatenates the chunks in order, one kind at a time so peak memory stays near one copy.
fn merge(mut chunks: Vec<CaseRecords>) -> CaseRecords {
    let mut out = CaseRecords::default();
    macro_rules! take {
        ($field:ident, $label:literal) => {
            let n = chunks.iter().map(|c| c.$field.len()).sum();
            out.$field.reserve_exact(n);
            for c in &mut chunks {
                out.$field.append(&mut c.$field);
                c.$field = Vec::new();
            }
        };
    }
    sightline_model::for_each_record_kind!(take);
    out
}

fn years_before(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_sub_months(Months::new(12 * years))
        .unwrap_or(date)
}

/// The `years`-th birthday of someone born on `dob` (a 29 February birthday falls on 1 March).
pub(crate) fn birthday(dob: NaiveDate, years: u32) -> NaiveDate {
    let y = dob.year() + years as i32;
    NaiveDate::from_ymd_opt(y, dob.month(), dob.day())
        .or_else(|| NaiveDate::from_ymd_opt(y, 3, 1))
        .unwrap_or(dob)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_council_is_empty_not_a_panic() {
        let s = generate(&SynthConfig {
            population: 0,
            years: 0,
            ..SynthConfig::default()
        });
        assert!(s.records.children.is_empty());
        assert_eq!(s.start, NaiveDate::from_ymd_opt(2025, 4, 1).unwrap());
    }

    #[test]
    fn birthdays_of_leaplings_fall_on_the_first_of_march() {
        let dob = NaiveDate::from_ymd_opt(2008, 2, 29).unwrap();
        assert_eq!(
            birthday(dob, 18),
            NaiveDate::from_ymd_opt(2026, 3, 1).unwrap()
        );
        assert_eq!(
            birthday(dob, 16),
            NaiveDate::from_ymd_opt(2024, 2, 29).unwrap()
        );
    }

    #[test]
    fn an_unknown_council_keeps_its_code() {
        let s = generate(&SynthConfig {
            population: 1_000,
            years: 1,
            la_code: LaCode(999),
            ..SynthConfig::default()
        });
        assert_eq!(s.council.la_code, LaCode(999));
        assert_eq!(s.council.name, "Local authority 999");
    }
}
