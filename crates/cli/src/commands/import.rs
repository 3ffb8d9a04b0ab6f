//! `sightline import`: read statutory files and store them as snapshots, all or nothing, in an
//! SQLite file or a PostgreSQL database (`--db postgres://...`, a shared deployment).

use crate::args::ImportArgs;
use crate::progress::Ui;
use anyhow::{Context, Result, bail};
use chrono::Timelike;
use sightline_cli::pipeline::ReadGroup;
use sightline_store::NewSnapshot;

pub fn run(args: &ImportArgs, ui: &Ui) -> Result<()> {
    let step = ui.step("reading files");
    let groups = sightline_cli::pipeline::read_paths(&args.paths)?;
    ui.done(step, format!("read {} format(s)", groups.len()));
    let database = args.db.to_string_lossy();
    let store = sightline_store::open_app_store(&database)
        .with_context(|| format!("cannot open the store {}", super::serve::redact(&database)))?;
    let step = ui.step("storing snapshots");
    // Whole seconds, as every other import is stamped.
    let imported_at = sightline_web::utc_now()
        .with_nanosecond(0)
        .unwrap_or_default();
    let snapshots = new_snapshots(&groups, args.extract_date, imported_at)?;
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

/// One snapshot per format read, dated `--extract-date` or the latest event in its records.
fn new_snapshots(
    groups: &[ReadGroup],
    extract_date: Option<chrono::NaiveDate>,
    imported_at: chrono::NaiveDateTime,
) -> Result<Vec<NewSnapshot<'_>>> {
    groups
        .iter()
        .map(|group| {
            let Some(extract_date) = extract_date.or_else(|| group.records.latest_event_date())
            else {
                bail!(
                    "cannot tell the extract date of the {} files (no dated records): pass --extract-date",
                    group.format.name()
                );
            };
            Ok(NewSnapshot {
                source_format: group.format.name().to_owned(),
                la_code: None,
                extract_date,
                imported_at,
                files: group.provenance.clone(),
                records: &group.records,
            })
        })
        .collect()
}
