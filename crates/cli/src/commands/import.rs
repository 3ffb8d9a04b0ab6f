//! `sightline import`: read statutory files and store them as snapshots, all or nothing.

use crate::args::ImportArgs;
use crate::progress::Ui;
use anyhow::{Context, Result};
use sightline_store::{SnapshotStore, SqliteStore};

pub fn run(args: &ImportArgs, ui: &Ui) -> Result<()> {
    let step = ui.step("reading files");
    let groups = sightline_cli::pipeline::read_paths(&args.paths)?;
    ui.done(step, format!("read {} format(s)", groups.len()));
    let mut store = SqliteStore::open(&args.db)
        .with_context(|| format!("cannot open the store {}", args.db.display()))?;
    let step = ui.step("storing snapshots");
    let ids = sightline_cli::pipeline::import_groups(&mut store, &groups, None, args.extract_date)?;
    ui.done(
        step,
        format!("stored {} snapshot(s) in {}", ids.len(), args.db.display()),
    );
    for id in ids {
        if let Some(summary) = store.show(id)? {
            super::snapshots::print_line(&summary);
        }
    }
    Ok(())
}
