//! `sightline-bench`: times the foundation pipeline (generate → write → read → import) and reports
//! the peak memory of the process, for the default council and for England size.
//!
//! It runs exactly the functions the `sightline` verbs run (`sightline_cli::pipeline`).

use anyhow::{Context, Result};
use clap::Parser;
use sightline_store::SqliteStore;
use sightline_synth::SynthConfig;
use std::path::PathBuf;
use std::time::Instant;

/// Time each stage of generate → write → read → import.
#[derive(Parser, Debug)]
struct Args {
    /// Children aged 0-17 (100000 = the default council; 12000000 = England).
    #[arg(long, default_value_t = 100_000)]
    population: u64,
    /// Random seed.
    #[arg(long, default_value_t = 1)]
    seed: u64,
    /// Working folder (default: a temporary folder, removed afterwards).
    #[arg(long)]
    dir: Option<PathBuf>,
}

fn main() -> Result<()> {
    let args = Args::parse();
    let temp;
    let dir = match &args.dir {
        Some(dir) => dir.clone(),
        None => {
            temp = tempfile::tempdir().context("cannot create a temporary folder")?;
            temp.path().to_path_buf()
        }
    };
    let config = SynthConfig {
        population: args.population,
        seed: args.seed,
        ..SynthConfig::default()
    };
    let total = Instant::now();
    println!("population {} (seed {})", args.population, args.seed);

    let t = Instant::now();
    let synthetic = sightline_cli::pipeline::synthesise(&config, &|_, _| {});
    report(
        "generate",
        t,
        format!("{} records", synthetic.records.total()),
    );

    let t = Instant::now();
    let extract = dir.join("extract");
    let files = sightline_cli::pipeline::write_files(&extract, &synthetic, None)?;
    let bytes: u64 = files
        .iter()
        .filter_map(|(_, p)| std::fs::metadata(p).ok())
        .map(|m| m.len())
        .sum();
    report(
        "write",
        t,
        format!("{} files, {:.1} MB", files.len(), bytes as f64 / 1e6),
    );
    let la_code = synthetic.council.la_code;
    let end = synthetic.end;
    drop(synthetic);

    let t = Instant::now();
    let groups = sightline_cli::pipeline::read_paths(std::slice::from_ref(&extract))?;
    let read: usize = groups.iter().map(|g| g.records.total()).sum();
    report(
        "detect + read",
        t,
        format!("{read} records in {} formats", groups.len()),
    );

    let t = Instant::now();
    let db = dir.join("bench.db");
    let _ = std::fs::remove_file(&db);
    let mut store = SqliteStore::open(&db)?;
    let ids =
        sightline_cli::pipeline::import_groups(&mut store, &groups, Some(la_code), Some(end))?;
    let db_bytes = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0);
    report(
        "import",
        t,
        format!(
            "{} snapshots, {:.1} MB store",
            ids.len(),
            db_bytes as f64 / 1e6
        ),
    );

    println!(
        "total {:>8.2} s   peak RSS {}",
        total.elapsed().as_secs_f64(),
        peak_rss().unwrap_or_else(|| "unknown".into())
    );
    Ok(())
}

fn report(stage: &str, started: Instant, detail: String) {
    println!(
        "{stage:<14} {:>8.2} s   {detail}",
        started.elapsed().as_secs_f64()
    );
}

/// Peak resident set size of this process (Linux `VmHWM`).
fn peak_rss() -> Option<String> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(format!("{:.0} MB", kb / 1024.0))
}
