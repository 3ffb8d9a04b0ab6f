//! All or nothing: a failed, cancelled or (SQLite) crashed import leaves the store exactly as it
//! was, and usable. The failure and cancellation tests run on both backends.

use std::ops::ControlFlow;
use std::path::Path;
use std::process::Command;

use crate::backends::{Fresh, on_both_backends};
use crate::fixture::{self, Fill};
use crate::snapshot;
use sightline_model::CaseRecords;
use sightline_store::{
    ImportProgress, SnapshotId, SnapshotStore, SnapshotSummary, SqliteOptions, SqliteStore,
    StoreError,
};

on_both_backends!(
    a_failing_record_mid_import_leaves_nothing,
    a_cancelled_import_keeps_nothing_and_reports_progress_first,
    an_import_of_nothing_writes_nothing,
);

/// Imports one snapshot of the fixture.
fn import_one(store: &mut dyn SnapshotStore) {
    let records = fixture::every_kind();
    store
        .import(&[snapshot("ssd", "2025-03-31", &records)])
        .unwrap();
}

/// After a failed import: the same snapshots, and a new import reusing the freed id loads back
/// exactly what it was given (so no row of the failed import was left under that id).
fn assert_unchanged_and_usable(store: &mut dyn SnapshotStore, before: &[SnapshotSummary]) {
    assert_eq!(store.list().unwrap(), before);
    let records = fixture::for_child("C7", Fill::Sparse);
    let id = store
        .import(&[snapshot("cin", "2025-05-31", &records)])
        .unwrap()[0];
    assert_eq!(id, SnapshotId(before.len() as i64 + 1));
    assert_eq!(store.load(id).unwrap(), records);
    assert_eq!(store.load(SnapshotId(1)).unwrap(), fixture::every_kind());
}

fn a_failing_record_mid_import_leaves_nothing(fresh: Fresh) {
    let mut store = fresh.snapshots;
    import_one(store.as_mut());
    let before = store.list().unwrap();

    let good = fixture::every_kind();
    let mut bad = fixture::every_kind();
    // Workers come late in the kind order, so most of the bad snapshot is written by then.
    // NaN is refused on both backends: SQLite would store it as NULL.
    bad.workers.get_mut(1).unwrap().fte = f64::NAN;
    let err = store
        .import(&[
            snapshot("ssda903", "2025-04-30", &good),
            snapshot("cin", "2025-04-30", &bad),
        ])
        .unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Unstorable {
                position: 1,
                what: "workers",
                row: 1,
                column: "fte",
                ..
            }
        ),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        "cannot store workers record 1 of snapshot 2 (cin), column fte: NaN cannot be stored; nothing was kept"
    );
    assert_eq!(fresh.app.list_snapshots().unwrap(), before);
    assert_unchanged_and_usable(store.as_mut(), &before);
}

fn a_cancelled_import_keeps_nothing_and_reports_progress_first(fresh: Fresh) {
    let mut store = fresh.snapshots;
    import_one(store.as_mut());
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
    assert_unchanged_and_usable(store.as_mut(), &before);
}

fn an_import_of_nothing_writes_nothing(fresh: Fresh) {
    let mut store = fresh.snapshots;
    assert_eq!(store.import(&[]).unwrap(), []);
    assert!(store.list().unwrap().is_empty());
}

/// Set to a database path, this tells [`crash_helper_child`] to crash mid-import.
const CRASH_DB: &str = "SIGHTLINE_STORE_TEST_CRASH_DB";

/// Run by [`a_crash_mid_import_leaves_the_sqlite_store_as_it_was`] in a child process of this
/// test binary; when run normally (no `CRASH_DB`), it has nothing to do.
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

/// SQLite only: recovery from its write-ahead log (PostgreSQL's is the server's).
#[test]
fn a_crash_mid_import_leaves_the_sqlite_store_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let wal = dir.path().join("s.db-wal");
    let before = {
        let mut store = SqliteStore::open(&path).unwrap();
        import_one(&mut store);
        store.list().unwrap()
    };
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
