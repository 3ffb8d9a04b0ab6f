//! `sightline demo`: the main job on the embedded default, end to end.
//!
//! Generates the synthetic council, writes its statutory files to DIR/extract, imports them into
//! a fresh DIR/sightline.db (built beside the old one and swapped in only when complete) and prints
//! a summary. Later issues add validation, indicators and reports to this verb.

use crate::args::DemoArgs;
use crate::progress::Ui;
use anyhow::{Context, Result};
use sightline_store::{SnapshotStore, SqliteStore};
use std::time::Instant;

pub fn run(args: &DemoArgs, ui: &Ui) -> Result<()> {
    let started = Instant::now();
    let synthetic = super::synthesise(&args.synth, ui)?;
    let extract = args.dir.join("extract");
    if extract.exists() {
        // The demo owns DIR/extract: stale files from another run must not be imported.
        std::fs::remove_dir_all(&extract)
            .with_context(|| format!("cannot clear {}", extract.display()))?;
    }
    let step = ui.step("writing statutory files");
    let files = sightline_cli::pipeline::write_files(&extract, &synthetic, None)?;
    ui.done(step, format!("wrote {} files to {}", files.len(), extract.display()));

    let step = ui.step("reading them back");
    let groups = sightline_cli::pipeline::read_paths(std::slice::from_ref(&extract))?;
    ui.done(step, format!("read {} formats", groups.len()));

    let db = args.dir.join("sightline.db");
    let building = args.dir.join("sightline.db.building");
    let _ = std::fs::remove_file(&building);
    let step = ui.step("importing snapshots");
    let mut store = SqliteStore::open(&building)
        .with_context(|| format!("cannot create {}", building.display()))?;
    let ids = sightline_cli::pipeline::import_groups(
        &mut store,
        &groups,
        Some(synthetic.council.la_code),
        Some(synthetic.end),
    )?;
    drop(store);
    std::fs::rename(&building, &db)
        .with_context(|| format!("cannot move the new store to {}", db.display()))?;
    ui.done(step, format!("stored {} snapshots in {}", ids.len(), db.display()));

    let store = SqliteStore::open(&db)?;
    println!(
        "Sightline demo: {} ({}), synthetic, {} to {}",
        synthetic.council.name, synthetic.council.la_code, synthetic.start, synthetic.end
    );
    println!("extract: {}", extract.display());
    println!("store:   {}", db.display());
    println!();
    println!("id\tformat\textract_date\timported_at\tfiles\trecords");
    for summary in store.list()? {
        super::snapshots::print_line(&summary);
    }
    println!();
    println!("records generated:");
    for (kind, n) in synthetic.records.counts().into_iter().filter(|(_, n)| *n > 0) {
        println!("  {n:>9}  {kind}");
    }
    println!();
    println!("done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
