//! Numbered, forward-only schema migrations for the SQLite store, one transaction each.
//!
//! The schema version lives in SQLite's `user_version` header field and the file is marked as a
//! Sightline store by `application_id`; both are written in the same transaction as the migration,
//! so a failed migration leaves the previous version intact. A database newer than [`LATEST`] is
//! refused before anything is written to it.

use std::path::Path;

use rusqlite::{Connection, TransactionBehavior};

use crate::error::StoreError;
use crate::migrate::{Migration, MigrationConnection, MigrationTransaction};

/// Every migration, in order. Files live in `migrations/NNNN_name.sql`; a test checks that each
/// file is registered here exactly once and that versions run 1..=LATEST.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        version: 1,
        sql: include_str!("migrations/0001_snapshots.sql"),
    },
    Migration {
        version: 2,
        sql: include_str!("migrations/0002_app.sql"),
    },
];

/// The schema version this build writes and understands.
pub(crate) const LATEST: i64 = 2;

/// `application_id` marking a Sightline store: "SGLN" in ASCII.
pub(crate) const APPLICATION_ID: i32 = 0x5347_4C4E;

/// Brings the database up to [`LATEST`] (the caller has refused newer files already).
pub(crate) fn migrate(conn: &mut Connection, path: &Path) -> Result<(), StoreError> {
    crate::migrate::apply(conn, path, MIGRATIONS)
}

/// Each migration takes the write lock at once (`BEGIN IMMEDIATE`).
impl MigrationConnection for Connection {
    type Error = rusqlite::Error;
    type Transaction<'c> = rusqlite::Transaction<'c>;

    fn begin(&mut self) -> rusqlite::Result<rusqlite::Transaction<'_>> {
        self.transaction_with_behavior(TransactionBehavior::Immediate)
    }
}

/// The version is `user_version`, written with `application_id` in the migration's transaction,
/// so a failed migration leaves the previous version intact.
impl MigrationTransaction for rusqlite::Transaction<'_> {
    type Error = rusqlite::Error;

    fn version(&mut self) -> rusqlite::Result<i64> {
        user_version(self)
    }

    fn execute(&mut self, sql: &str) -> rusqlite::Result<()> {
        self.execute_batch(sql)
    }

    fn record(&mut self, version: i64) -> rusqlite::Result<()> {
        self.pragma_update(None, "user_version", version)?;
        self.pragma_update(None, "application_id", APPLICATION_ID)
    }

    fn commit(self) -> rusqlite::Result<()> {
        rusqlite::Transaction::commit(self)
    }
}

pub(crate) fn user_version(conn: &Connection) -> rusqlite::Result<i64> {
    conn.pragma_query_value(None, "user_version", |row| row.get(0))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A migration file that is not registered would never run.
    #[test]
    fn every_migration_file_is_registered_in_order() {
        crate::migrate::check_registered("src/sqlite/migrations", MIGRATIONS);
        assert_eq!(MIGRATIONS.len() as i64, LATEST);
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
        let err = crate::migrate::apply(&mut conn, Path::new("test.db"), &broken).unwrap_err();
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
