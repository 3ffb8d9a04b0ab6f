//! `sightline snapshots`: list the store's snapshots (an SQLite file or `--db postgres://...`),
//! or show one with its provenance.

use crate::args::{SnapshotsAction, SnapshotsArgs};
use anyhow::{Result, bail};
use sightline_store::{SnapshotId, SnapshotSummary};

pub fn run(args: &SnapshotsArgs) -> Result<()> {
    let store = sightline_cli::reports::open_store(&args.db)?;
    match args.action {
        None => {
            println!("id\tformat\textract_date\timported_at\tfiles\trecords");
            for summary in store.list_snapshots()? {
                print_line(&summary);
            }
        }
        Some(SnapshotsAction::Show { id }) => {
            let Some(summary) = store.snapshot_summary(SnapshotId(id))? else {
                bail!(
                    "no snapshot {id} in {}",
                    super::serve::redact(&args.db.to_string_lossy())
                );
            };
            print_details(&summary);
        }
    }
    Ok(())
}

/// One tab-separated line per snapshot.
pub fn print_line(s: &SnapshotSummary) {
    let records: u64 = s.counts.iter().map(|(_, n)| n).sum();
    println!(
        "{}\t{}\t{}\t{}\t{}\t{}",
        s.id.0,
        s.source_format,
        s.extract_date,
        s.imported_at.format("%Y-%m-%d %H:%M:%S"),
        s.files.len(),
        records
    );
}

fn print_details(s: &SnapshotSummary) {
    println!("snapshot     {}", s.id.0);
    println!("format       {}", s.source_format);
    if let Some(la) = s.la_code {
        println!("council      {la}");
    }
    println!("extract date {}", s.extract_date);
    println!("imported at  {}", s.imported_at.format("%Y-%m-%d %H:%M:%S"));
    println!("files:");
    for f in &s.files {
        println!("  {}  {:>12} bytes  {}", f.sha256, f.bytes, f.name);
    }
    println!("records:");
    for (kind, n) in s.counts.iter().filter(|(_, n)| *n > 0) {
        println!("  {n:>10}  {kind}");
    }
}
