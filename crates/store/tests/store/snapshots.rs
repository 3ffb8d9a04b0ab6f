//! Listing, showing and finding snapshots, and their provenance, on both backends.

use crate::backends::{Fresh, on_both_backends};
use crate::fixture::{self, d};
use crate::snapshot;
use chrono::NaiveDate;
use sightline_model::CaseRecords;
use sightline_model::ids::{ChildId, LaCode};
use sightline_store::{FileProvenance, NewSnapshot, SnapshotId, SnapshotStore, StoreError};

on_both_backends!(
    snapshots_are_listed_shown_and_found_latest,
    show_returns_everything_given_at_import,
    a_file_larger_than_the_store_can_count_is_refused,
    a_snapshot_without_council_keeps_none,
    an_empty_store_has_no_latest,
    unknown_snapshots_are_none_or_a_clear_error,
);

/// Three snapshots: the fixture and two empty ones, the last imported but extracted earliest.
fn import_three(store: &mut dyn SnapshotStore) -> Vec<SnapshotId> {
    let records = fixture::every_kind();
    let empty = CaseRecords::default();
    store
        .import(&[
            snapshot("ssda903", "2025-03-31", &records),
            snapshot("cin", "2025-03-31", &empty),
            // Imported last but extracted earlier: not the latest.
            snapshot("ssda903", "2024-03-31", &empty),
        ])
        .unwrap()
}

fn snapshots_are_listed_shown_and_found_latest(fresh: Fresh) {
    let mut store = fresh.snapshots;
    let ids = import_three(store.as_mut());
    assert_eq!(ids, [SnapshotId(1), SnapshotId(2), SnapshotId(3)]);
    let list = store.list().unwrap();
    assert_eq!(list.iter().map(|s| s.id).collect::<Vec<_>>(), ids);
    let formats: Vec<&str> = list.iter().map(|s| s.source_format.as_str()).collect();
    assert_eq!(formats, ["ssda903", "cin", "ssda903"]);
    // list and show agree.
    for summary in &list {
        assert_eq!(&store.show(summary.id).unwrap().unwrap(), summary);
    }
    let first = &list[0];
    assert_eq!(first.la_code, Some(LaCode(382)));
    assert_eq!(first.extract_date, d(2025, 3, 31));
    assert_eq!(first.total_records(), 60);
    // Snapshots are kept apart.
    assert_eq!(store.load(ids[0]).unwrap(), fixture::every_kind());
    assert_eq!(store.load(ids[1]).unwrap(), CaseRecords::default());
    assert_eq!(store.load(ids[2]).unwrap(), CaseRecords::default());

    // Same extract date: the later import wins; the 2024 one never does.
    assert_eq!(store.latest(None).unwrap().unwrap().id, ids[1]);
    assert_eq!(store.latest(Some("ssda903")).unwrap().unwrap().id, ids[0]);
    assert_eq!(store.latest(Some("cin")).unwrap().unwrap().id, ids[1]);
    assert_eq!(store.latest(Some("annex_a")).unwrap(), None);
    let empty = CaseRecords::default();
    let mut again = snapshot("ssda903", "2025-03-31", &empty);
    again.imported_at += chrono::Duration::hours(1);
    let id = store.import(&[again]).unwrap()[0];
    assert_eq!(store.latest(Some("ssda903")).unwrap().unwrap().id, id);
}

fn show_returns_everything_given_at_import(fresh: Fresh) {
    let mut store = fresh.snapshots;
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

fn a_file_larger_than_the_store_can_count_is_refused(fresh: Fresh) {
    let mut store = fresh.snapshots;
    let records = CaseRecords::default();
    let mut big = snapshot("ssd", "2025-03-31", &records);
    big.files.first_mut().unwrap().bytes = u64::MAX;
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

fn a_snapshot_without_council_keeps_none(fresh: Fresh) {
    let mut store = fresh.snapshots;
    let records = CaseRecords::default();
    let mut no_council = snapshot("annex_a", "2025-03-31", &records);
    no_council.la_code = None;
    no_council.files.clear();
    let id = store.import(&[no_council]).unwrap()[0];
    let summary = store.show(id).unwrap().unwrap();
    assert_eq!(summary.la_code, None);
    assert!(summary.files.is_empty());
}

fn an_empty_store_has_no_latest(fresh: Fresh) {
    let store = fresh.snapshots;
    assert!(store.list().unwrap().is_empty());
    assert_eq!(store.latest(None).unwrap(), None);
}

fn unknown_snapshots_are_none_or_a_clear_error(fresh: Fresh) {
    let mut store = fresh.snapshots;
    import_three(store.as_mut());
    assert_eq!(store.show(SnapshotId(99)).unwrap(), None);
    let err = store.load(SnapshotId(99)).unwrap_err();
    assert!(matches!(err, StoreError::SnapshotNotFound(SnapshotId(99))));
    assert_eq!(
        err.to_string(),
        "snapshot 99 does not exist; `list` shows the stored snapshots"
    );
    assert!(matches!(
        store.child(SnapshotId(99), &ChildId::new("C1")),
        Err(StoreError::SnapshotNotFound(SnapshotId(99)))
    ));
}
