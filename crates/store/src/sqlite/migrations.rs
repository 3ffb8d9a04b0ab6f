//! Numbered, forward-only schema migrations for the SQLite store, one transaction each.
//!
//! The schema version lives in SQLite's `user_version` header field and the file is marked as a
//! Sightline store by `application_id`; both are written in the same transaction as the migration,
//! so a failed migration leaves the previous version intact. A database newer than [`LATEST`] is
//! refused before anything is written to it.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::{BackendError, StoreError};

/// One migration: the schema version it produces and the SQL that produces it.
pub(crate) struct Migration {
    pub(crate) version: i64,
    pub(crate) sql: &'static str,
}

/// Every migration, in order. Files live in `migrations/NNNN_name.sql`; a test checks that each
/// file is registered here exactly once and that versions run 1..=LATEST.
pub(crate) const MIGRATIONS: &[Migration] = &[Migration {
    version: 1,
    sql: include_str!("migrations/0001_snapshots.sql"),
}];

/// The schema version this build writes and understands.
pub(crate) const LATEST: i64 = 1;

/// `application_id` marking a Sightline store: "SGLN" in ASCII.
pub(crate) const APPLICATION_ID: i32 = 0x5347_4C4E;

/// Brings the database up to [`LATEST`].
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    apply(conn, path, MIGRATIONS)
}

/// Applies each migration not yet applied, each in its own transaction. The version is re-read
/// inside the transaction so that two processes opening a new file at once don't both apply it.
pub(crate) fn apply(
    conn: &mut Connection,
    path: &Path,
    migrations: &[Migration],
) -> Result<(), StoreError> {
    for migration in migrations {
        let failed = |source: rusqlite::Error| StoreError::Migration {
            path: path.to_owned(),
            version: migration.version,
            source: BackendError::new(source),
        };
        let tx = conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(failed)?;
        if user_version(&tx).map_err(failed)? >= migration.version {
            continue;
        }
        tx.execute_batch(migration.sql).map_err(failed)?;
        tx.pragma_update(None, "user_version", migration.version)
            .map_err(failed)?;
        tx.pragma_update(None, "application_id", APPLICATION_ID)
            .map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
    Ok(())
}

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrations_are_numbered_one_to_latest() {
        let versions: Vec<i64> = MIGRATIONS.iter().map(|m| m.version).collect();
        let expected: Vec<i64> = (1..=LATEST).collect();
        assert_eq!(versions, expected);
    }

    /// A migration file that is not registered would never run.
    #[test]
    fn every_migration_file_is_registered() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/sqlite/migrations");
        let mut files: Vec<String> = std::fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        files.sort();
        assert_eq!(files.len(), MIGRATIONS.len(), "{files:?}");
        for (file, migration) in files.iter().zip(MIGRATIONS) {
            let number: i64 = file.get(..4).unwrap().parse().unwrap();
            assert_eq!(number, migration.version, "{file}");
            let text = std::fs::read_to_string(dir.join(file)).unwrap();
            assert_eq!(text, migration.sql, "{file} is registered with other SQL");
        }
    }

    #[test]
    fn an_empty_database_migrates_to_latest() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        assert_eq!(user_version(&conn).unwrap(), LATEST);
        let app_id: i32 = conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .unwrap();
        assert_eq!(app_id, APPLICATION_ID);
        // Applying again is a no-op rather than a "table already exists" failure.
        migrate(&mut conn, Path::new(":memory:")).unwrap();
        assert_eq!(user_version(&conn).unwrap(), LATEST);
    }

    #[test]
    fn a_failing_migration_keeps_the_previous_version_and_nothing_of_itself() {
        let mut conn = Connection::open_in_memory().unwrap();
        let broken = [
            Migration {
                version: 1,
                sql: "CREATE TABLE first (x INTEGER);",
            },
            Migration {
                version: 2,
                sql: "CREATE TABLE second (x INTEGER); INSERT INTO nowhere VALUES (1);",
            },
        ];
        let err = apply(&mut conn, Path::new("test.db"), &broken).unwrap_err();
        assert!(
            matches!(err, StoreError::Migration { version: 2, .. }),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "cannot migrate test.db to schema version 2"
        );
        assert_eq!(user_version(&conn).unwrap(), 1);
        let tables: Vec<String> = conn
            .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
            .unwrap()
            .query_map([], |row| row.get(0))
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(tables, ["first"]);
    }
}
