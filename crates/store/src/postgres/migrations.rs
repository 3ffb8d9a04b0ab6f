//! Numbered, forward-only schema migrations for the PostgreSQL store, one transaction each,
//! recorded in `schema_migrations` (version, applied_at). Every migration runs under a
//! transaction-scoped advisory lock, so server instances starting together apply each one once.
//! Tables are created in the first schema of the connection's `search_path`.

use std::path::Path;

use postgres::{Client, GenericClient, Transaction};

use crate::error::{BackendError, StoreError};
use crate::migrate::{Migration, MigrationConnection, MigrationTransaction};

/// Every migration, in order; a test checks each file of `migrations/` is registered once.
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

/// Advisory lock key serialising migrations ("SGLNMIGR" would not fit; any fixed number does).
const MIGRATION_LOCK: i64 = 0x5347_4C4E_0001;

/// Brings the database up to [`LATEST`]; refuses a database written by a newer Sightline.
pub(crate) fn migrate(client: &mut Client, target: &str) -> Result<(), StoreError> {
    let location = Path::new(target);
    let setup_failed = |source: postgres::Error| StoreError::Migration {
        path: location.to_owned(),
        version: 0,
        source: BackendError::new(source),
    };
    let mut tx = client.begin().map_err(setup_failed)?;
    tx.batch_execute(
        "CREATE TABLE IF NOT EXISTS schema_migrations (\
         version BIGINT PRIMARY KEY, \
         applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
    )
    .map_err(setup_failed)?;
    tx.commit().map_err(setup_failed)?;
    let found = current_version(client).map_err(setup_failed)?;
    crate::migrate::refuse_newer(location, found, LATEST)?;
    crate::migrate::apply(client, location, MIGRATIONS)
}

/// Each migration's transaction first takes the advisory lock, so server instances starting
/// together wait for each other and re-read the version under it.
impl MigrationConnection for Client {
    type Error = postgres::Error;
    type Transaction<'c> = Transaction<'c>;

    fn begin(&mut self) -> Result<Transaction<'_>, postgres::Error> {
        let mut tx = self.transaction()?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&MIGRATION_LOCK])?;
        Ok(tx)
    }
}

/// Versions are rows of `schema_migrations`.
impl MigrationTransaction for Transaction<'_> {
    type Error = postgres::Error;

    fn version(&mut self) -> Result<i64, postgres::Error> {
        current_version(self)
    }

    fn execute(&mut self, sql: &str) -> Result<(), postgres::Error> {
        self.batch_execute(sql)
    }

    fn record(&mut self, version: i64) -> Result<(), postgres::Error> {
        Transaction::execute(
            self,
            "INSERT INTO schema_migrations (version) VALUES ($1)",
            &[&version],
        )
        .map(drop)
    }

    fn commit(self) -> Result<(), postgres::Error> {
        Transaction::commit(self)
    }
}

/// The highest applied version (0 for a new database).
pub(crate) fn current_version(client: &mut impl GenericClient) -> Result<i64, postgres::Error> {
    let row = client.query_one(
        "SELECT coalesce(max(version), 0) FROM schema_migrations",
        &[],
    )?;
    row.try_get(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A migration file that is not registered would never run.
    #[test]
    fn every_migration_file_is_registered_in_order() {
        crate::migrate::check_registered("src/postgres/migrations", MIGRATIONS);
        assert_eq!(MIGRATIONS.len() as i64, LATEST);
    }

    /// Both backends keep the same snapshot tables, so that one column mapping serves both.
    #[test]
    fn the_snapshot_tables_match_the_sqlite_ones() {
        let table_names = |sql: &str| -> Vec<String> {
            sql.lines()
                .filter_map(|line| line.strip_prefix("CREATE TABLE "))
                .map(|rest| rest.split_whitespace().next().unwrap_or("").to_owned())
                .collect()
        };
        let sqlite = include_str!("../sqlite/migrations/0001_snapshots.sql");
        assert_eq!(table_names(MIGRATIONS[0].sql), table_names(sqlite));
        let sqlite_app = include_str!("../sqlite/migrations/0002_app.sql");
        let mut app = table_names(MIGRATIONS[1].sql);
        app.retain(|t| t != "audit_head");
        assert_eq!(app, table_names(sqlite_app));
    }
}
