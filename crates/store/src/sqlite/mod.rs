//! The SQLite backend of [`SnapshotStore`](crate::SnapshotStore): one database file, normalised
//! tables (one per record kind), bulk writes in a single transaction.
//!
//! Opening checks that the file is a Sightline store (or empty) before changing anything in it,
//! then switches it to WAL journaling and applies pending migrations.

mod app;
mod bind;
mod migrations;
mod read;
mod write;

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, ErrorCode, TransactionBehavior};
use sightline_model::CaseRecords;
use sightline_model::ids::ChildId;

use crate::error::{BackendError, StoreError};
use crate::mapping;
#[cfg(test)]
use crate::mapping::tables;
use crate::{ImportProgress, NewSnapshot, SnapshotId, SnapshotStore, SnapshotSummary};

pub use app::SqliteAppStore;

/// How long a write waits for another process's transaction before failing.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

/// Settings of an [`SqliteStore`] connection.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SqliteOptions {
    /// Page cache in KiB (default 64 MiB). Imports append in key order, so they need little
    /// cache; uncommitted pages beyond it are spilled to the write-ahead log early, which is
    /// safe (a crash or rollback discards them).
    pub cache_kib: u32,
}

impl Default for SqliteOptions {
    fn default() -> Self {
        SqliteOptions {
            cache_kib: 64 * 1024,
        }
    }
}

/// Statements kept prepared: two inserts (batch and single row), a load and a child lookup per
/// record kind, plus metadata.
const STATEMENT_CACHE: usize = 160;

/// The snapshot store in one SQLite file (or in memory, for tests).
pub struct SqliteStore {
    conn: Connection,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SqliteStore {
    /// The schema version this build creates and reads; older files are migrated up to it.
    pub const LATEST_SCHEMA_VERSION: i64 = migrations::LATEST;

    /// Opens the store at `path`, creating it when the file does not exist or is empty, and
    /// migrating an older schema. Refuses files that are not Sightline stores and stores written
    /// by a newer Sightline, without modifying them.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        Self::open_with(path, SqliteOptions::default())
    }

    /// Like [`open`](Self::open), with explicit settings.
    pub fn open_with(path: &Path, options: SqliteOptions) -> Result<Self, StoreError> {
        let conn = Connection::open(path).map_err(|err| open_error(path, err))?;
        Self::init(conn, path, true, options)
    }

    /// A store in memory, gone when dropped (tests, dry runs).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        let path = Path::new(":memory:");
        let conn = Connection::open_in_memory().map_err(|err| open_error(path, err))?;
        Self::init(conn, path, false, SqliteOptions::default())
    }

    fn init(
        mut conn: Connection,
        path: &Path,
        on_disk: bool,
        options: SqliteOptions,
    ) -> Result<Self, StoreError> {
        conn.busy_timeout(BUSY_TIMEOUT)
            .map_err(|err| open_error(path, err))?;
        check_identity(&conn, path)?;
        configure(&conn, on_disk, options).map_err(|err| open_error(path, err))?;
        migrations::migrate(&mut conn, path)?;
        Ok(SqliteStore {
            conn,
            path: path.to_owned(),
        })
    }

    /// The path this store was opened at (`:memory:` for an in-memory store).
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version of the open database (always [`Self::LATEST_SCHEMA_VERSION`] once open).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        migrations::user_version(&self.conn)
            .map_err(|err| database_error("reading the schema version", err))
    }
}

fn open_error(path: &Path, err: rusqlite::Error) -> StoreError {
    if err.sqlite_error_code() == Some(ErrorCode::NotADatabase) {
        StoreError::NotADatabase {
            path: path.to_owned(),
        }
    } else {
        StoreError::Open {
            path: path.to_owned(),
            source: BackendError::new(err),
        }
    }
}

pub(crate) fn database_error(action: &'static str, err: rusqlite::Error) -> StoreError {
    StoreError::Database {
        action,
        source: BackendError::new(err),
    }
}

/// Accepts a Sightline store, or a database with nothing in it; refuses anything else, and any
/// store newer than this build, before writing a byte.
fn check_identity(conn: &Connection, path: &Path) -> Result<(), StoreError> {
    let read = || -> rusqlite::Result<(i32, i64, i64)> {
        let application_id = conn.pragma_query_value(None, "application_id", |r| r.get(0))?;
        let version = migrations::user_version(conn)?;
        let objects = conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get(0))?;
        Ok((application_id, version, objects))
    };
    let (application_id, version, objects) = read().map_err(|err| open_error(path, err))?;
    let is_sightline = application_id == migrations::APPLICATION_ID;
    let is_blank = application_id == 0 && version == 0 && objects == 0;
    if !is_sightline && !is_blank {
        return Err(StoreError::ForeignDatabase {
            path: path.to_owned(),
        });
    }
    crate::migrate::refuse_newer(path, version, migrations::LATEST)
}

/// Per-connection settings. WAL lets readers (the web UI) carry on during an import; NORMAL
/// synchronisation is safe with WAL (a power cut may lose the last commit, never corrupt it).
/// Foreign keys make every record's snapshot exist, for about 5% of an import's time.
fn configure(conn: &Connection, on_disk: bool, options: SqliteOptions) -> rusqlite::Result<()> {
    if on_disk {
        // A filesystem without shared memory keeps the rollback journal, which is just as atomic.
        conn.query_row("PRAGMA journal_mode = WAL", [], |_| Ok(()))?;
    }
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    conn.pragma_update(None, "foreign_keys", true)?;
    conn.pragma_update(None, "cache_size", -i64::from(options.cache_kib))?;
    conn.pragma_update(None, "temp_store", "MEMORY")?;
    conn.set_prepared_statement_cache_capacity(STATEMENT_CACHE);
    Ok(())
}

impl SnapshotStore for SqliteStore {
    fn import_with_progress(
        &mut self,
        snapshots: &[NewSnapshot<'_>],
        progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
    ) -> Result<Vec<SnapshotId>, StoreError> {
        // Dropping the transaction on any early return (or a panic in `progress`) rolls it back.
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|err| database_error("starting an import", err))?;
        let ids = mapping::write::write_snapshots(&mut write::Writer(&tx), snapshots, progress)?;
        tx.commit()
            .map_err(|err| database_error("committing an import", err))?;
        Ok(ids)
    }

    fn list(&self) -> Result<Vec<SnapshotSummary>, StoreError> {
        let tx = self.read_transaction()?;
        mapping::read::list(&mut read::Reader(&tx))
    }

    fn show(&self, id: SnapshotId) -> Result<Option<SnapshotSummary>, StoreError> {
        let tx = self.read_transaction()?;
        mapping::read::summary(&mut read::Reader(&tx), id)
    }

    fn load(&self, id: SnapshotId) -> Result<CaseRecords, StoreError> {
        let tx = self.read_transaction()?;
        mapping::read::records(&mut read::Reader(&tx), id, None)
    }

    fn child(&self, id: SnapshotId, child: &ChildId) -> Result<CaseRecords, StoreError> {
        let tx = self.read_transaction()?;
        mapping::read::records(&mut read::Reader(&tx), id, Some(child))
    }

    fn latest(&self, source_format: Option<&str>) -> Result<Option<SnapshotSummary>, StoreError> {
        let tx = self.read_transaction()?;
        match read::latest_id(&tx, source_format)? {
            Some(id) => mapping::read::summary(&mut read::Reader(&tx), id),
            None => Ok(None),
        }
    }
}

impl SqliteStore {
    /// A read transaction, so that the several queries of one answer see the same data even if
    /// another process commits an import meanwhile.
    fn read_transaction(&self) -> Result<rusqlite::Transaction<'_>, StoreError> {
        self.conn
            .unchecked_transaction()
            .map_err(|err| database_error("starting a read", err))
    }
}

#[cfg(test)]
mod tests;
