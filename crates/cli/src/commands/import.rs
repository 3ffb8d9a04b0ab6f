//! `sightline import`: read statutory files and store them as snapshots, all or nothing, in an
//! SQLite file or a PostgreSQL database (`--db postgres://...`, a shared deployment).

use crate::args::ImportArgs;
use crate::progress::Ui;
use anyhow::{Context, Result};
use sightline_cli::pipeline;

pub fn run(args: &ImportArgs, ui: &Ui) -> Result<()> {
    let step = ui.step("reading files");
    let groups = pipeline::read_paths(&args.paths)?;
    ui.done(step, format!("read {} format(s)", groups.len()));
    let database = args.db.to_string_lossy();
    let store = sightline_store::open_app_store(&database)
        .with_context(|| format!("cannot open the store {}", super::serve::redact(&database)))?;
    let step = ui.step("storing snapshots");
    let snapshots = pipeline::new_snapshots(&groups, None, args.extract_date, pipeline::now())?;
    let ids = store.import_snapshots(&snapshots)?;
    ui.done(
        step,
        format!(
            "stored {} snapshot(s) in {}",
            ids.len(),
            super::serve::redact(&database)
        ),
    );
    for &id in &ids {
        if let Some(summary) = store.snapshot_summary(id)? {
            super::snapshots::print_line(&summary);
        }
    }
    // The data-quality report reads these runs: validate the DfE returns now, once.
    let step = ui.step("validating the SSDA903 and CIN census returns");
    let lines = sightline_cli::reports::validate_imported(store.as_ref(), &groups, &ids)?;
    ui.done(step, format!("recorded {} validation run(s)", lines.len()));
    for line in lines {
        println!("{line}");
    }
    Ok(())
}
