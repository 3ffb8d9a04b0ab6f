//! All or nothing: a failed, cancelled or crashed import leaves the store exactly as it was, and
//! usable.

use std::ops::ControlFlow;
use std::path::Path;
use std::process::Command;

use crate::fixture::{self, Fill};
use crate::snapshot;
use sightline_model::CaseRecords;
use sightline_store::{
    ImportProgress, SnapshotId, SnapshotStore, SqliteOptions, SqliteStore, StoreError,
};

/// A store holding one snapshot of the fixture.
fn store_with_one(path: &Path) -> SqliteStore {
    let records = fixture::every_kind();
    let mut store = SqliteStore::open(path).unwrap();
    store
        .import(&[snapshot("ssd", "2025-03-31", &records)])
        .unwrap();
    store
}

/// After a failed import: the same snapshots, and a new import reusing the freed id loads back
/// exactly what it was given (so no row of the failed import was left under that id).
fn assert_unchanged_and_usable(
    store: &mut SqliteStore,
    before: &[sightline_store::SnapshotSummary],
) {
    assert_eq!(store.list().unwrap(), before);
    let records = fixture::for_child("C7", Fill::Full);
    let id = store
        .import(&[snapshot("cin", "2025-04-30", &records)])
        .unwrap()[0];
    assert_eq!(id, SnapshotId(before.len() as i64 + 1));
    assert_eq!(store.load(id).unwrap(), records);
    assert_eq!(store.load(SnapshotId(1)).unwrap(), fixture::every_kind());
}

#[test]
fn a_failure_in_the_second_snapshot_undoes_the_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_one(&dir.path().join("s.db"));
    let before = store.list().unwrap();

    let good = fixture::every_kind();
    let mut bad = fixture::every_kind();
    // Workers come late in the kind order, so most of the bad snapshot is written by then.
    bad.workers.first_mut().unwrap().fte = f64::NAN;
    let err = store
        .import(&[
            snapshot("ssda903", "2025-03-31", &good),
            snapshot("cin", "2025-03-31", &bad),
        ])
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Unstorable {
                position: 1,
                what: "workers",
                row: 0,
                ..
            }
        ),
        "{err:?}"
    );
    assert_unchanged_and_usable(&mut store, &before);
}

#[test]
fn a_cancelled_import_keeps_nothing_and_reports_progress_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = store_with_one(&dir.path().join("s.db"));
    let before = store.list().unwrap();

    let records = fixture::every_kind();
    let mut reports: Vec<ImportProgress> = Vec::new();
    let err = store
        .import_with_progress(
            &[
                snapshot("ssd", "2025-04-30", &records),
                snapshot("ssd", "2025-05-31", &records),
            ],
            &mut |report| {
                reports.push(*report);
                if report.snapshot == 1 && report.kind == "looked-after episodes" {
                    ControlFlow::Break(())
                } else {
                    ControlFlow::Continue(())
                }
            },
        )
        .unwrap_err();
    assert!(matches!(err, StoreError::Cancelled), "{err:?}");
    assert_eq!(err.to_string(), "import cancelled; nothing was kept");
    // 30 kinds of the first snapshot, then children..looked-after episodes (14 kinds) of the second.
    assert_eq!(reports.len(), 30 + 14);
    let first = reports.first().unwrap();
    assert_eq!(
        (
            first.snapshot,
            first.snapshots,
            first.kind,
            first.records_written,
            first.records_total
        ),
        (0, 2, "children", 2, 120)
    );
    let last = reports.last().unwrap();
    assert_eq!((last.snapshot, last.records_written), (1, 60 + 28));
    assert_unchanged_and_usable(&mut store, &before);
}

#[test]
fn an_import_of_nothing_writes_nothing() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    assert_eq!(store.import(&[]).unwrap(), []);
    assert!(store.list().unwrap().is_empty());
}

/// Set to a database path, this tells [`crash_helper_child`] to crash mid-import.
const CRASH_DB: &str = "SIGHTLINE_STORE_TEST_CRASH_DB";

/// Run by [`a_crash_mid_import_leaves_the_store_as_it_was`] in a child process of this test
/// binary; when run normally (no `CRASH_DB`), it has nothing to do.
#[test]
fn crash_helper_child() {
    let Some(path) = std::env::var_os(CRASH_DB) else {
        return;
    };
    // A tiny page cache makes SQLite spill the uncommitted pages into the write-ahead log, so the
    // crash leaves real uncommitted data on disk for recovery to discard.
    let options = SqliteOptions { cache_kib: 64 };
    let mut store = SqliteStore::open_with(Path::new(&path), options).unwrap();
    let mut records = CaseRecords::default();
    for i in 0..400 {
        records.extend(fixture::for_child(&format!("X{i}"), Fill::Full));
    }
    let _ = store.import_with_progress(&[snapshot("ssd", "2025-06-30", &records)], &mut |report| {
        if report.kind == "workers" {
            // Like a power cut or kill -9: no rollback, no destructor, no close.
            std::process::abort();
        }
        ControlFlow::Continue(())
    });
    unreachable!("the import should have crashed before committing");
}

#[test]
fn a_crash_mid_import_leaves_the_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let wal = dir.path().join("s.db-wal");
    let before = store_with_one(&path).list().unwrap();
    // Closing the last connection checkpoints and removes the log.
    assert!(!wal.exists());

    let status = Command::new(std::env::current_exe().unwrap())
        .args([
            "atomicity::crash_helper_child",
            "--exact",
            "--test-threads=1",
        ])
        .env(CRASH_DB, &path)
        .status()
        .unwrap();
    assert!(!status.success(), "the child process should have crashed");
    let wal_bytes = std::fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    assert!(
        wal_bytes > 100_000,
        "uncommitted pages reached the log: {wal_bytes} bytes"
    );

    let mut store = SqliteStore::open(&path).unwrap();
    assert_unchanged_and_usable(&mut store, &before);
}
