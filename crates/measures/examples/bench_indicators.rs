//! Times the whole indicator catalogue on a synthetic council: every indicator × every month and
//! DfE year of the snapshot × every breakdown the indicator declares.
//!
//! ```text
//! cargo run --release -p sightline-measures --example bench_indicators -- [population] [years]
//! /usr/bin/time -v target/release/examples/bench_indicators 12000000
//! ```
//!
//! The population is the number of children aged 0-17 (100,000 = the default council,
//! 12,000,000 = England); years is the length of the synthetic history (default 5). The records
//! come from `sightline_synth::generate`; the clock is read here only to time the stages.

use sightline_measures::breakdown;
use sightline_measures::context::Context;
use sightline_measures::engine;
use sightline_measures::period::Period;
use sightline_measures::settings::PracticeStandards;
use sightline_synth::{SynthConfig, generate};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let population: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let years: u32 = args.next().and_then(|a| a.parse().ok()).unwrap_or(5);

    let started = Instant::now();
    let synthetic = generate(&SynthConfig {
        population,
        years,
        ..SynthConfig::default()
    });
    let records = &synthetic.records;
    println!(
        "generated {} records for {population} children in {:.2?}",
        records.total(),
        started.elapsed()
    );

    let periods = engine::snapshot_periods(records, synthetic.end);
    let months = periods
        .iter()
        .filter(|p| matches!(p, Period::Month(_)))
        .count();
    println!(
        "periods: {months} months and {} DfE years",
        periods.len() - months
    );

    // Figures only, every series kept (what a report holds).
    let ctx = Context::new(records, PracticeStandards::default(), population)
        .with_council(synthetic.council.la_code);
    let started = Instant::now();
    let all = engine::compute_all(&ctx, &periods);
    let contributions: usize = all
        .iter()
        .map(|s| {
            s.measurements
                .iter()
                .map(|m| m.contributions.len())
                .sum::<usize>()
        })
        .sum();
    println!(
        "compute_all: {} indicators × {} periods, {contributions} contributions, in {:.2?} (context indexes built on the way)",
        all.len(),
        periods.len(),
        started.elapsed()
    );
    drop(all);

    // Where the time goes: each indicator alone, then each breakdown dimension, one thread.
    let mut timings: Vec<(f64, &str)> = sightline_measures::indicators::INDICATORS
        .iter()
        .map(|indicator| {
            let started = Instant::now();
            let _ = engine::compute(&ctx, *indicator, &periods);
            (started.elapsed().as_secs_f64(), indicator.meta().id)
        })
        .collect();
    timings.sort_by(|a, b| b.0.total_cmp(&a.0));
    let slowest: Vec<String> = timings
        .iter()
        .take(24)
        .map(|(t, id)| format!("{id} {t:.3}s"))
        .collect();
    println!(
        "slowest indicators (one thread, indexes built): {}",
        slowest.join(", ")
    );
    let cla = engine::compute(
        &ctx,
        sightline_measures::indicators::find("cla_count").expect("registered"),
        &periods,
    );
    let referrals = engine::compute(
        &ctx,
        sightline_measures::indicators::find("referrals").expect("registered"),
        &periods,
    );
    for dimension in breakdown::DIMENSIONS {
        let started = Instant::now();
        for m in cla.iter().chain(&referrals) {
            let _ = breakdown::breakdown(&ctx, m, dimension);
        }
        print!(
            "{} {:.3}s  ",
            breakdown::dimension_name(dimension),
            started.elapsed().as_secs_f64()
        );
    }
    println!("(breakdowns of cla_count and referrals)");

    // Figures and every declared breakdown, each series dropped once broken down.
    let ctx = Context::new(records, PracticeStandards::default(), population)
        .with_council(synthetic.council.la_code);
    let started = Instant::now();
    let groups: Vec<usize> = engine::compute_each(&ctx, &periods, |series| {
        let mut groups = 0;
        for m in &series.measurements {
            groups += breakdown::breakdowns(&ctx, m, series.meta.breakdowns)
                .iter()
                .map(Vec::len)
                .sum::<usize>();
        }
        groups
    });
    println!(
        "compute_each + breakdowns: {} groups in {:.2?} (fresh context, indexes rebuilt)",
        groups.iter().sum::<usize>(),
        started.elapsed()
    );
}
