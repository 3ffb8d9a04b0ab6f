//! Loading a snapshot and computing its indicators: shared by the `sightline` command (the
//! `indicators`, `timescales`, `report` and `demo` verbs) and the web server, so both show the
//! same figures.
//!
//! - this module: loading a snapshot, the population for rates, the monthly indicator lines.
//! - [`board`]: the Improvement Board pack's inputs (13-month figures, merged progress log,
//!   data-quality results).
//! - [`validation`]: validating a return's files and recording the run in the store.

use anyhow::{Context as _, Result, bail};
use chrono::NaiveDate;
use sightline_measures::benchmarks::{self, Benchmarks, SnVersion};
use sightline_measures::context::Context;
use sightline_measures::engine::{self, Series};
use sightline_measures::indicator::{IndicatorMeta, Polarity};
use sightline_measures::period::{Month, Period};
use sightline_measures::rag::{self, Direction, Rag};
use sightline_measures::settings::PracticeStandards;
use sightline_measures::targets::TargetsConfig;
use sightline_model::CaseRecords;
use sightline_model::ids::LaCode;
use sightline_store::{SnapshotId, SnapshotStore, SnapshotSummary, SqliteStore};
use std::path::Path;

pub mod board;
pub mod validation;

/// A snapshot loaded for computing.
pub struct Loaded {
    /// Its summary.
    pub summary: SnapshotSummary,
    /// Its records.
    pub records: CaseRecords,
}

/// Opens the store and loads the chosen snapshot (default: the latest SSD one, else the latest).
pub fn load_snapshot(db: &Path, id: Option<i64>) -> Result<Loaded> {
    if !db.exists() {
        bail!(
            "no store at {}: run `sightline demo` or `sightline import` first, or pass --db",
            db.display()
        );
    }
    let store =
        SqliteStore::open(db).with_context(|| format!("cannot open the store {}", db.display()))?;
    let summary = match id {
        Some(id) => store
            .show(SnapshotId(id))?
            .with_context(|| format!("no snapshot {id} in {}", db.display()))?,
        None => match store.latest(Some("ssd"))? {
            Some(s) => s,
            None => store
                .latest(None)?
                .context("the store holds no snapshot yet")?,
        },
    };
    let records = store.load(summary.id)?;
    Ok(Loaded { summary, records })
}

/// The 0-17 population for rates: the override, else the ONS estimate for the council.
pub fn population(
    la: Option<LaCode>,
    extract_date: NaiveDate,
    overridden: Option<u64>,
) -> Result<u64> {
    if let Some(p) = overridden {
        return Ok(p);
    }
    let la = la.context("the snapshot does not say which council it is: pass --population")?;
    let year = sightline_model::collection_year_ending(extract_date);
    (0..4)
        .find_map(|back| benchmarks::population_for_dfe_year(la, year - back))
        .with_context(|| format!("no ONS population for council {la}: pass --population"))
}

/// The computation context for a loaded snapshot.
pub fn context<'a>(loaded: &'a Loaded, population: u64) -> Context<'a> {
    let ctx = Context::new(&loaded.records, PracticeStandards::default(), population);
    match loaded.summary.la_code {
        Some(la) => ctx.with_council(la),
        None => ctx,
    }
}

/// One indicator's line in a monthly report.
pub struct IndicatorLine {
    /// Description.
    pub meta: &'static IndicatorMeta,
    /// The month reported.
    pub month: Month,
    /// The value that month.
    pub value: Option<f64>,
    /// Numerator.
    pub numerator: f64,
    /// Denominator (ratios), population (rates), none (counts).
    pub denominator: Option<f64>,
    /// Mean of the last 12 monthly values.
    pub last_12_months_average: Option<f64>,
    /// The value the month before, for direction of travel.
    pub previous: Option<f64>,
    /// Direction of travel.
    pub direction: Direction,
    /// Target and stretch target, when configured for the month.
    pub target: Option<f64>,
    /// Stretch target.
    pub stretch: Option<f64>,
    /// RAG against the target.
    pub rag: Option<Rag>,
    /// Published benchmarks.
    pub benchmarks: Option<Benchmarks>,
    /// The whole monthly series (for charts).
    pub series: Series,
}

/// Computes every indicator for `month` (default: the latest complete month).
pub fn indicator_lines(
    ctx: &Context,
    extract_date: NaiveDate,
    month: Option<Month>,
    targets: Option<&TargetsConfig>,
) -> Result<Vec<IndicatorLine>> {
    let periods = engine::snapshot_periods(ctx.records, extract_date);
    let latest = periods
        .iter()
        .filter_map(|p| match p {
            Period::Month(m) => Some(*m),
            Period::DfeYear(_) => None,
        })
        .max()
        .context("the snapshot has no complete month of records")?;
    let month = month.unwrap_or(latest);
    if !periods.contains(&Period::Month(month)) {
        bail!("{month} is outside the snapshot's months (latest {latest})");
    }
    let la = ctx.council;
    let series = engine::compute_all(ctx, &periods);
    Ok(series
        .into_iter()
        .map(|series| {
            let meta = series.meta;
            let now = series.get(Period::Month(month));
            let previous = series
                .get(Period::Month(month.prev()))
                .and_then(|m| m.value);
            let value = now.and_then(|m| m.value);
            let target = targets.and_then(|t| t.for_indicator(meta.id, month));
            let rag = match (value, target) {
                (Some(v), Some(t)) => rag::rag(v, t, meta.polarity),
                _ => None,
            };
            IndicatorLine {
                meta,
                month,
                value,
                numerator: now.map(|m| m.numerator).unwrap_or(0.0),
                denominator: now.and_then(|m| m.denominator),
                last_12_months_average: engine::last_12_months_average(&series.measurements, month),
                previous,
                direction: rag::direction_of_travel(previous, value, meta.polarity),
                target: target.and_then(|t| t.target),
                stretch: target.and_then(|t| t.stretch),
                rag,
                benchmarks: la
                    .and_then(|la| benchmarks::benchmarks(meta.id, la, SnVersion::May2025)),
                series,
            }
        })
        .collect())
}

/// Polarity as the plan's tables print it.
pub fn good_is(p: Polarity) -> &'static str {
    match p {
        Polarity::High => "High",
        Polarity::Low => "Low",
        Polarity::NotApplicable => "N/A",
    }
}
