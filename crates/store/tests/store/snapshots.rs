//! Listing, showing and finding snapshots, and their provenance.

use crate::fixture;
use crate::snapshot;
use chrono::NaiveDate;
use sightline_model::CaseRecords;
use sightline_model::ids::LaCode;
use sightline_store::{
    FileProvenance, NewSnapshot, SnapshotId, SnapshotStore, SqliteStore, StoreError,
};

fn store_with_three() -> (SqliteStore, Vec<SnapshotId>) {
    let records = fixture::every_kind();
    let empty = CaseRecords::default();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let ids = store
        .import(&[
            snapshot("ssda903", "2025-03-31", &records),
            snapshot("cin", "2025-03-31", &empty),
            // Imported last but extracted earlier: not the latest.
            snapshot("ssda903", "2024-03-31", &empty),
        ])
        .unwrap();
    (store, ids)
}

#[test]
fn ids_are_assigned_in_the_order_given() {
    let (_, ids) = store_with_three();
    assert_eq!(ids, [SnapshotId(1), SnapshotId(2), SnapshotId(3)]);
}

#[test]
fn show_returns_everything_given_at_import() {
    let records = fixture::every_kind();
    let extract_date = NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
    // Nanoseconds are kept.
    let imported_at = extract_date
        .and_hms_nano_opt(23, 59, 58, 123_456_789)
        .unwrap();
    let files = vec![
        FileProvenance {
            name: "header.csv".to_owned(),
            sha256: "a".repeat(64),
            bytes: u64::try_from(i64::MAX).unwrap(),
        },
        FileProvenance {
            name: "episodes.csv".to_owned(),
            sha256: "b".repeat(64),
            bytes: 12_345,
        },
    ];
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = store
        .import(&[NewSnapshot {
            source_format: "ssda903".to_owned(),
            la_code: Some(LaCode(382)),
            extract_date,
            imported_at,
            files: files.clone(),
            records: &records,
        }])
        .unwrap()[0];
    let summary = store.show(id).unwrap().unwrap();
    assert_eq!(summary.id, id);
    assert_eq!(summary.source_format, "ssda903");
    assert_eq!(summary.la_code, Some(LaCode(382)));
    assert_eq!(summary.extract_date, extract_date);
    assert_eq!(summary.imported_at, imported_at);
    assert_eq!(summary.files, files);
    // Counts carry the model's labels, in the model's order, zeros included.
    let expected: Vec<(String, u64)> = records
        .counts()
        .into_iter()
        .map(|(label, n)| (label.to_owned(), n as u64))
        .collect();
    assert_eq!(summary.counts, expected);
    assert_eq!(summary.counts.first().unwrap(), &("children".to_owned(), 2));
    assert_eq!(summary.total_records(), 60);
}

#[test]
fn a_file_larger_than_the_store_can_count_is_refused() {
    let records = CaseRecords::default();
    let mut big = snapshot("ssd", "2025-03-31", &records);
    big.files.first_mut().unwrap().bytes = u64::MAX;
    let mut store = SqliteStore::open_in_memory().unwrap();
    let err = store.import(&[big]).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Unstorable {
                column: "bytes",
                ..
            }
        ),
        "{err:?}"
    );
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn a_snapshot_without_council_keeps_none() {
    let records = CaseRecords::default();
    let mut no_council = snapshot("annex_a", "2025-03-31", &records);
    no_council.la_code = None;
    no_council.files.clear();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = store.import(&[no_council]).unwrap()[0];
    let summary = store.show(id).unwrap().unwrap();
    assert_eq!(summary.la_code, None);
    assert!(summary.files.is_empty());
}

#[test]
fn list_returns_every_snapshot_by_id() {
    let (store, ids) = store_with_three();
    let listed = store.list().unwrap();
    let listed_ids: Vec<SnapshotId> = listed.iter().map(|s| s.id).collect();
    assert_eq!(listed_ids, ids);
    let formats: Vec<&str> = listed.iter().map(|s| s.source_format.as_str()).collect();
    assert_eq!(formats, ["ssda903", "cin", "ssda903"]);
    assert_eq!(listed.first().unwrap().total_records(), 60);
    // list and show agree.
    for summary in &listed {
        assert_eq!(&store.show(summary.id).unwrap().unwrap(), summary);
    }
}

#[test]
fn latest_goes_by_extract_date_then_import() {
    let (mut store, _) = store_with_three();
    assert_eq!(store.latest(None).unwrap().unwrap().id, SnapshotId(2));
    assert_eq!(
        store.latest(Some("ssda903")).unwrap().unwrap().id,
        SnapshotId(1)
    );
    assert_eq!(
        store.latest(Some("cin")).unwrap().unwrap().id,
        SnapshotId(2)
    );
    assert_eq!(store.latest(Some("ssd")).unwrap(), None);
    // Same extract date imported again later: the later import wins.
    let empty = CaseRecords::default();
    let mut again = snapshot("ssda903", "2025-03-31", &empty);
    again.imported_at += chrono::Duration::hours(1);
    let id = store.import(&[again]).unwrap()[0];
    assert_eq!(store.latest(Some("ssda903")).unwrap().unwrap().id, id);
}

#[test]
fn an_empty_store_has_no_latest() {
    let store = SqliteStore::open_in_memory().unwrap();
    assert!(store.list().unwrap().is_empty());
    assert_eq!(store.latest(None).unwrap(), None);
}

#[test]
fn unknown_snapshots_are_none_or_a_clear_error() {
    let (store, _) = store_with_three();
    assert_eq!(store.show(SnapshotId(99)).unwrap(), None);
    let err = store.load(SnapshotId(99)).unwrap_err();
    assert!(matches!(err, StoreError::SnapshotNotFound(SnapshotId(99))));
    assert_eq!(
        err.to_string(),
        "snapshot 99 does not exist; `list` shows the stored snapshots"
    );
    let child = sightline_model::ids::ChildId::new("C1");
    assert!(matches!(
        store.child(SnapshotId(99), &child),
        Err(StoreError::SnapshotNotFound(SnapshotId(99)))
    ));
}

#[test]
fn snapshots_are_kept_apart() {
    let (store, ids) = store_with_three();
    assert_eq!(store.load(ids[0]).unwrap(), fixture::every_kind());
    assert_eq!(store.load(ids[1]).unwrap(), CaseRecords::default());
    assert_eq!(store.load(ids[2]).unwrap(), CaseRecords::default());
}
