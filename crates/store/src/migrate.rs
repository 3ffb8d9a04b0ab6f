//! Numbered, forward-only schema migrations, applied the same way on every backend: in order,
//! each in its own transaction, skipped when the version read inside that transaction is already
//! as new (so that two processes opening a new database at once don't both apply it). A backend
//! says how to begin a transaction and how it records versions ([`MigrationConnection`],
//! [`MigrationTransaction`]); its SQL files live in `src/<backend>/migrations/`.

use std::path::Path;

use crate::error::{BackendError, StoreError};

/// One migration: the schema version it produces and the SQL that produces it.
pub(crate) struct Migration {
    pub(crate) version: i64,
    pub(crate) sql: &'static str,
}

/// A connection migrations run on.
pub(crate) trait MigrationConnection {
    /// The engine's error.
    type Error: std::error::Error + Send + Sync + 'static;
    /// A migration's transaction.
    type Transaction<'c>: MigrationTransaction<Error = Self::Error>
    where
        Self: 'c;
    /// Begins a transaction holding whatever lock keeps other migrators out until it ends.
    fn begin(&mut self) -> Result<Self::Transaction<'_>, Self::Error>;
}

/// What a migration does inside its transaction.
pub(crate) trait MigrationTransaction {
    /// The engine's error.
    type Error;
    /// The schema version recorded so far (0 for a new database).
    fn version(&mut self) -> Result<i64, Self::Error>;
    /// Runs a migration's SQL.
    fn execute(&mut self, sql: &str) -> Result<(), Self::Error>;
    /// Records that the schema is now at `version`.
    fn record(&mut self, version: i64) -> Result<(), Self::Error>;
    /// Commits (dropping the transaction instead rolls it back).
    fn commit(self) -> Result<(), Self::Error>;
}

/// Applies each migration not yet applied, in order, each in its own transaction; stops at the
/// first failure, which keeps the version before it. `location` names the database in errors.
pub(crate) fn apply<C: MigrationConnection>(
    conn: &mut C,
    location: &Path,
    migrations: &[Migration],
) -> Result<(), StoreError> {
    for migration in migrations {
        let failed = |source: C::Error| StoreError::Migration {
            path: location.to_owned(),
            version: migration.version,
            source: BackendError::new(source),
        };
        let mut tx = conn.begin().map_err(failed)?;
        if tx.version().map_err(failed)? >= migration.version {
            continue;
        }
        tx.execute(migration.sql).map_err(failed)?;
        tx.record(migration.version).map_err(failed)?;
        tx.commit().map_err(failed)?;
    }
    Ok(())
}

/// Refuses a database written by a newer Sightline (before anything is written to it).
pub(crate) fn refuse_newer(location: &Path, found: i64, latest: i64) -> Result<(), StoreError> {
    if found > latest {
        return Err(StoreError::SchemaTooNew {
            path: location.to_owned(),
            found,
            latest,
        });
    }
    Ok(())
}

/// Checks for a backend's tests that `migrations` run 1, 2, ... and are exactly the files of
/// `src/<dir>/migrations/` (an unregistered file would never run).
#[cfg(test)]
pub(crate) fn check_registered(dir: &str, migrations: &[Migration]) {
    let versions: Vec<i64> = migrations.iter().map(|m| m.version).collect();
    let expected: Vec<i64> = (1..=migrations.len() as i64).collect();
    assert_eq!(versions, expected);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    files.sort();
    assert_eq!(files.len(), migrations.len(), "{files:?}");
    for (file, migration) in files.iter().zip(migrations) {
        let number: i64 = file.get(..4).unwrap().parse().unwrap();
        assert_eq!(number, migration.version, "{file}");
        let text = std::fs::read_to_string(dir.join(file)).unwrap();
        assert_eq!(text, migration.sql, "{file} is registered with other SQL");
    }
}
