//! Opening files: new, empty, existing, foreign, damaged and too new.

use crate::fixture;
use crate::snapshot;
use sightline_store::{SnapshotStore, SqliteStore, StoreError};

#[test]
fn a_new_path_becomes_an_empty_store_at_the_latest_schema() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("new.db");
    let store = SqliteStore::open(&path).unwrap();
    assert!(path.exists());
    assert_eq!(store.path(), path);
    assert_eq!(
        store.schema_version().unwrap(),
        SqliteStore::LATEST_SCHEMA_VERSION
    );
    assert!(store.list().unwrap().is_empty());
}

#[test]
fn an_empty_file_is_migrated_from_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("empty.db");
    std::fs::write(&path, b"").unwrap();
    let mut store = SqliteStore::open(&path).unwrap();
    assert_eq!(
        store.schema_version().unwrap(),
        SqliteStore::LATEST_SCHEMA_VERSION
    );
    let records = fixture::every_kind();
    let id = store
        .import(&[snapshot("ssd", "2025-03-31", &records)])
        .unwrap()[0];
    assert_eq!(store.load(id).unwrap(), records);
}

#[test]
fn reopening_keeps_the_snapshots_and_their_records() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.db");
    let records = fixture::every_kind();
    let before = {
        let mut store = SqliteStore::open(&path).unwrap();
        store
            .import(&[snapshot("ssd", "2025-03-31", &records)])
            .unwrap();
        store.list().unwrap()
    };
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.list().unwrap(), before);
    assert_eq!(store.load(before[0].id).unwrap(), records);
}

#[test]
fn a_file_that_is_not_a_database_is_named_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("episodes.csv");
    let content = "CHILD,DECOM,RNE\n".repeat(200);
    std::fs::write(&path, &content).unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::NotADatabase { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        format!(
            "{} is not a Sightline database (it is not an SQLite file); give the path of a Sightline store, or a new file name to create one",
            path.display()
        )
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), content);
}

#[test]
fn another_programs_sqlite_database_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE notes (text TEXT); INSERT INTO notes VALUES ('hello');")
            .unwrap();
    }
    let bytes_before = std::fs::read(&path).unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(matches!(err, StoreError::ForeignDatabase { .. }), "{err:?}");
    assert!(err.to_string().starts_with(&format!(
        "{} is an SQLite database but not a Sightline store",
        path.display()
    )));
    // Not switched to WAL, not migrated: byte for byte the same.
    assert_eq!(std::fs::read(&path).unwrap(), bytes_before);
    assert!(!dir.path().join("other.db-wal").exists());
}

#[test]
fn a_store_from_a_newer_sightline_is_refused_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("future.db");
    drop(SqliteStore::open(&path).unwrap());
    let newer = SqliteStore::LATEST_SCHEMA_VERSION + 1;
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.pragma_update(None, "user_version", newer).unwrap();
    }
    let bytes_before = std::fs::read(&path).unwrap();
    let err = SqliteStore::open(&path).unwrap_err();
    assert!(
        matches!(err, StoreError::SchemaTooNew { found, latest, .. } if found == newer && latest == newer - 1),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!(
            "{} has schema version {newer}, newer than the latest this sightline knows ({}); upgrade sightline to open it",
            path.display(),
            newer - 1
        )
    );
    assert_eq!(std::fs::read(&path).unwrap(), bytes_before);
}

#[test]
fn a_directory_cannot_be_opened() {
    let dir = tempfile::tempdir().unwrap();
    let err = SqliteStore::open(dir.path()).unwrap_err();
    assert!(matches!(err, StoreError::Open { .. }), "{err:?}");
    assert!(
        err.to_string().contains(&dir.path().display().to_string()),
        "{err}"
    );
}
