//! Generates a synthetic council and prints the record counts and the time taken.
//!
//! `cargo run --release -p sightline-synth --example gen -- [population] [seed]`
//! (default 100,000 children, seed 1). Use `/usr/bin/time -v` for peak memory.

use sightline_synth::{SynthConfig, generate_with_progress};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Instant;

fn main() {
    let mut args = std::env::args().skip(1);
    let population = args.next().and_then(|a| a.parse().ok()).unwrap_or(100_000);
    let seed = args.next().and_then(|a| a.parse().ok()).unwrap_or(1);
    let config = SynthConfig {
        population,
        seed,
        ..SynthConfig::default()
    };
    let started = Instant::now();
    let last_percent = AtomicU64::new(0);
    let synthetic = generate_with_progress(&config, &|done, total| {
        let percent = (done * 100).checked_div(total).unwrap_or(100);
        if percent >= last_percent.load(Ordering::Relaxed) + 10 {
            last_percent.store(percent, Ordering::Relaxed);
            eprintln!("{percent}%");
        }
    });
    let elapsed = started.elapsed();
    println!(
        "{} ({}), population {population}, seed {seed}, {} to {}",
        synthetic.council.name, synthetic.council.la_code, synthetic.start, synthetic.end
    );
    for (label, n) in synthetic.records.counts() {
        println!("{n:>12}  {label}");
    }
    println!("{:>12}  records in all", synthetic.records.total());
    println!("generated in {:.2} s", elapsed.as_secs_f64());
}
