//! Times the whole indicator catalogue on a synthetic council: every indicator × every month and
//! DfE year of the snapshot × every breakdown the indicator declares.
//!
//! ```text
//! cargo build --release -p sightline-measures --example bench_indicators
//! /usr/bin/time -v target/release/examples/bench_indicators [population] [years]
//! ```
//!
//! The population is the number of children aged 0-17 (100,000 = the default council,
//! 12,000,000 = England); years is the length of the synthetic history (default 5). The records
//! come from `sightline_synth::generate`; the clock is read here only to time the stages.
//!
//! Stages, each on a fresh context (so each pays for the context's lazy indexes):
//! 1. `compute_all`: every series kept, as a report holds them. Skipped above 2,000,000 children,
//!    where keeping every contribution of every series would not fit in memory (use `compute_each`).
//! 2. Each indicator alone on one thread (where the time goes). Skipped above 2,000,000 children.
//! 3. `compute_each` + every declared breakdown of every measurement, each series dropped once
//!    broken down: the full catalogue, and the England-size path.

use sightline_measures::breakdown;
use sightline_measures::context::Context;
use sightline_measures::engine;
use sightline_measures::indicators::INDICATORS;
use sightline_measures::period::Period;
use sightline_measures::settings::PracticeStandards;
use sightline_synth::{SynthConfig, generate};
use std::time::Instant;

/// Above this population, stages 1 and 2 are skipped (see the module doc).
const KEEP_ALL_LIMIT: u64 = 2_000_000;

/// CPU seconds (user + system, all threads) this process has used so far, from `/proc/self/stat`
/// (Linux; clock ticks of 1/100 s); 0 elsewhere. On a shared machine the wall clock says how long
/// a stage waited as well as worked; CPU time says how much work it was.
fn cpu_seconds() -> f64 {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    let after_name = stat.rsplit_once(')').map_or("", |(_, rest)| rest);
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks = |i: usize| {
        fields
            .get(i)
            .and_then(|f| f.parse::<f64>().ok())
            .unwrap_or(0.0)
    };
    // Fields 14 and 15 of the file (utime, stime) are the 12th and 13th after the name.
    (ticks(11) + ticks(12)) / 100.0
}

/// Wall and CPU time since a start.
fn since(wall: Instant, cpu: f64) -> String {
    format!(
        "{:.2}s wall, {:.2}s CPU",
        wall.elapsed().as_secs_f64(),
        cpu_seconds() - cpu
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let population: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let years: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);

    let (started, cpu) = (Instant::now(), cpu_seconds());
    let synthetic = generate(&SynthConfig {
        population,
        years,
        ..SynthConfig::default()
    });
    let records = &synthetic.records;
    let council = synthetic.council.la_code;
    println!(
        "generated {} records for {population} children in {}",
        records.total(),
        since(started, cpu)
    );

    let periods = engine::snapshot_periods(records, synthetic.end);
    let months = periods
        .iter()
        .filter(|p| matches!(p, Period::Month(_)))
        .count();
    println!(
        "periods: {months} months and {} DfE years; {} indicators",
        periods.len() - months,
        INDICATORS.len()
    );
    let context =
        || Context::new(records, PracticeStandards::default(), population).with_council(council);

    if population <= KEEP_ALL_LIMIT {
        let ctx = context();
        let (started, cpu) = (Instant::now(), cpu_seconds());
        let all = engine::compute_all(&ctx, &periods);
        let elapsed = since(started, cpu);
        let contributions: usize = all
            .iter()
            .flat_map(|s| &s.measurements)
            .map(|m| m.contributions.len())
            .sum();
        println!("1. compute_all: {contributions} contributions in {elapsed}");
        drop(all);

        let mut timings: Vec<(f64, &str)> = INDICATORS
            .iter()
            .map(|indicator| {
                let started = Instant::now();
                let _ = engine::compute(&ctx, *indicator, &periods);
                (started.elapsed().as_secs_f64(), indicator.meta().id)
            })
            .collect();
        let total: f64 = timings.iter().map(|(t, _)| t).sum();
        timings.sort_by(|a, b| b.0.total_cmp(&a.0));
        let slowest: Vec<String> = timings
            .iter()
            .take(10)
            .map(|(t, id)| format!("{id} {t:.3}s"))
            .collect();
        println!(
            "2. one thread, indexes built: {total:.2}s in all; slowest: {}",
            slowest.join(", ")
        );
    }

    let ctx = context();
    let (started, cpu) = (Instant::now(), cpu_seconds());
    let groups: Vec<(usize, usize)> = engine::compute_each(&ctx, &periods, |series| {
        let contributions = series
            .measurements
            .iter()
            .map(|m| m.contributions.len())
            .sum();
        let groups = series
            .measurements
            .iter()
            .map(|m| {
                breakdown::breakdowns(&ctx, m, series.meta.breakdowns)
                    .iter()
                    .map(Vec::len)
                    .sum::<usize>()
            })
            .sum();
        (contributions, groups)
    });
    println!(
        "3. compute_each + breakdowns: {} contributions, {} groups in {}",
        groups.iter().map(|g| g.0).sum::<usize>(),
        groups.iter().map(|g| g.1).sum::<usize>(),
        since(started, cpu)
    );
}
