//! Times the month's whole report pack for a stored snapshot, step by step: load the snapshot,
//! build every document (computing its figures), render every document in every format.
//!
//! ```text
//! sightline demo                      # the default council: population 100,000
//! cargo run --release -p sightline-cli --example bench_pack -- [DB] [YYYY-MM] [POPULATION]
//! ```
//!
//! Defaults: `sightline-demo/sightline.db`, the latest complete month of the snapshot, and a
//! population of 100,000 (the demo's). Files are written to a temporary folder and removed.

use anyhow::{Context as _, Result};
use sightline_cli::reports::{self, PACK_FORMATS, ReportKind};
use sightline_measures::benchmarks::SnVersion;
use sightline_measures::period::Month;
use sightline_measures::scrutiny;
use sightline_report::Audience;
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn secs(d: Duration) -> String {
    format!("{:>7.3} s", d.as_secs_f64())
}

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1);
    let db = PathBuf::from(
        args.next()
            .unwrap_or_else(|| "sightline-demo/sightline.db".into()),
    );
    let month_arg = args.next();
    let population: u64 = match args.next() {
        Some(p) => p.parse().context("POPULATION: expected a whole number")?,
        None => 100_000,
    };

    let started = Instant::now();
    let store = reports::open_store(&db)?;
    let loaded = reports::load(store.as_ref(), None)?;
    let load = started.elapsed();
    let month = match month_arg {
        Some(m) => reports::parse_month(&m).map_err(anyhow::Error::msg)?,
        None => {
            let mut m = Month::of(loaded.summary.extract_date);
            if m.last_day() > loaded.summary.extract_date {
                m = m.prev();
            }
            m
        }
    };
    reports::check_month(month, loaded.summary.extract_date)?;
    let ctx = sightline_cli::measures::context(&loaded, population);
    println!(
        "snapshot {} ({} children, {} records), month {month}",
        loaded.summary.id.0,
        loaded.records.children.len(),
        loaded.summary.total_records()
    );
    println!("{:<40} {}", "load snapshot from the store", secs(load));

    // The same steps as `reports::pack_documents`, timed one by one.
    let council = reports::council_name(&loaded);
    let building = Instant::now();
    let mut docs = Vec::new();
    let t = Instant::now();
    match reports::board_data(store.as_ref(), &ctx, month) {
        Ok(data) => {
            println!(
                "{:<40} {}",
                "board: indicators, plan, log",
                secs(t.elapsed())
            );
            let t = Instant::now();
            docs.push((ReportKind::Board, data.document(month, Audience::Internal)));
            docs.push((ReportKind::Board, data.document(month, Audience::Public)));
            println!("{:<40} {}", "board: 2 documents", secs(t.elapsed()));
        }
        Err(e) => println!("{:<40} skipped: {e:#}", "board"),
    }
    let t = Instant::now();
    let figures = scrutiny::children_in_care(&ctx, month, SnVersion::default())?;
    println!("{:<40} {}", "children in care: figures", secs(t.elapsed()));
    let t = Instant::now();
    for audience in [Audience::Internal, Audience::Public] {
        docs.push((
            ReportKind::ChildrenInCare,
            sightline_report::scrutiny::children_in_care_document(&figures, &council, audience),
        ));
    }
    println!(
        "{:<40} {}",
        "children in care: 2 documents",
        secs(t.elapsed())
    );
    let t = Instant::now();
    let as_of = reports::worklist_date(month, loaded.summary.extract_date);
    let tasks = sightline_measures::timescales::tasks(&ctx, as_of);
    println!(
        "{:<40} {}",
        format!("worklists: {} open tasks", tasks.len()),
        secs(t.elapsed())
    );
    let t = Instant::now();
    docs.push((
        ReportKind::Worklists,
        sightline_report::scrutiny::worklists_document(&ctx, &tasks, as_of, &council),
    ));
    println!("{:<40} {}", "worklists: document", secs(t.elapsed()));
    let t = Instant::now();
    docs.push((
        ReportKind::DataQuality,
        reports::data_quality(store.as_ref(), month, &council)?,
    ));
    println!(
        "{:<40} {}",
        "data quality: findings + document",
        secs(t.elapsed())
    );
    let build = building.elapsed();

    let dir = tempfile::tempdir()?;
    let rendering = Instant::now();
    let mut files = 0;
    for format in PACK_FORMATS {
        let t = Instant::now();
        for (kind, doc) in &docs {
            let path = dir
                .path()
                .join(reports::pack_file_name(*kind, month, doc.audience, format));
            doc.write(format, &path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            files += 1;
        }
        println!(
            "{:<40} {}",
            format!("render all as {}", format.extension()),
            secs(t.elapsed())
        );
    }
    let render = rendering.elapsed();
    println!("{:<40} {}", "build (compute + documents)", secs(build));
    println!("{:<40} {}", format!("render ({files} files)"), secs(render));
    println!(
        "{:<40} {}",
        "pack total (build + render)",
        secs(build + render)
    );
    println!(
        "{:<40} {}",
        "end to end (load + build + render)",
        secs(started.elapsed())
    );
    Ok(())
}
