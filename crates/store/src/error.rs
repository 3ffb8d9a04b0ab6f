//! The store's typed errors, each naming where it happened: the database path, the snapshot, the
//! record kind, the record's position and the column.
//!
//! Messages never contain a stored value that could identify a child (ids, UPNs, postcodes); they
//! may contain a code or date text that failed to convert, which is not personal data on its own.

use std::path::PathBuf;

use crate::SnapshotId;

/// An error from the database engine, kept opaque so that no backend type enters the public API.
#[derive(Debug)]
pub struct BackendError(Box<dyn std::error::Error + Send + Sync>);

impl BackendError {
    pub(crate) fn new(err: impl std::error::Error + Send + Sync + 'static) -> Self {
        BackendError(Box::new(err))
    }
}

impl std::fmt::Display for BackendError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

impl std::error::Error for BackendError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.0.source()
    }
}

/// Everything that can go wrong in the snapshot store.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// The database file could not be opened or configured.
    #[error("cannot open the snapshot store {}", path.display())]
    Open {
        /// The database path.
        path: PathBuf,
        /// Engine error.
        #[source]
        source: BackendError,
    },

    /// The file exists but is not a database at all.
    #[error(
        "{} is not a Sightline database (it is not an SQLite file); give the path of a Sightline store, or a new file name to create one",
        path.display()
    )]
    NotADatabase {
        /// The path opened.
        path: PathBuf,
    },

    /// The file is an SQLite database that some other program made.
    #[error(
        "{} is an SQLite database but not a Sightline store; give the path of a Sightline store, or a new file name to create one",
        path.display()
    )]
    ForeignDatabase {
        /// The path opened.
        path: PathBuf,
    },

    /// The database was written by a newer Sightline; it is left untouched.
    #[error(
        "{} has schema version {found}, newer than the latest this sightline knows ({latest}); upgrade sightline to open it",
        path.display()
    )]
    SchemaTooNew {
        /// The path opened.
        path: PathBuf,
        /// Version found in the file.
        found: i64,
        /// Latest version this build knows.
        latest: i64,
    },

    /// A schema migration failed; the database stays at the previous version.
    #[error("cannot migrate {} to schema version {version}", path.display())]
    Migration {
        /// The path opened.
        path: PathBuf,
        /// The migration that failed.
        version: i64,
        /// Engine error.
        #[source]
        source: BackendError,
    },

    /// No snapshot has this id.
    #[error("snapshot {0} does not exist; `list` shows the stored snapshots")]
    SnapshotNotFound(SnapshotId),

    /// The engine refused a write during an import; nothing of the import was kept.
    #[error(
        "cannot write {what}{} of snapshot {} ({source_format}) of the import; nothing was kept",
        row_suffix(*.row),
        position + 1
    )]
    Write {
        /// Position (0-based) of the snapshot in the import.
        position: usize,
        /// Its source format.
        source_format: String,
        /// What was being written: a record kind label, or `snapshot metadata`.
        what: &'static str,
        /// Index of the record within its kind, when writing a record.
        row: Option<u64>,
        /// Engine error.
        #[source]
        source: BackendError,
    },

    /// A record holds a value the store cannot keep losslessly (e.g. a NaN); nothing was kept.
    #[error(
        "cannot store {what} record {row} of snapshot {} ({source_format}), column {column}: {problem}; nothing was kept",
        position + 1
    )]
    Unstorable {
        /// Position (0-based) of the snapshot in the import.
        position: usize,
        /// Its source format.
        source_format: String,
        /// Record kind label.
        what: &'static str,
        /// Index of the record within its kind.
        row: u64,
        /// Column.
        column: &'static str,
        /// What is wrong.
        problem: String,
    },

    /// The engine failed while reading a snapshot.
    #[error("cannot read {what} of snapshot {snapshot}")]
    Read {
        /// The snapshot.
        snapshot: SnapshotId,
        /// What was being read: a record kind label, or `snapshot metadata`.
        what: &'static str,
        /// Engine error.
        #[source]
        source: BackendError,
    },

    /// A stored value does not convert back to its domain type (the file was edited by hand or damaged).
    #[error("snapshot {snapshot}, {what} record {row}, column {column}: {problem}")]
    Corrupt {
        /// The snapshot.
        snapshot: SnapshotId,
        /// Record kind label.
        what: &'static str,
        /// Index of the record within its kind.
        row: u64,
        /// Column.
        column: &'static str,
        /// What is wrong.
        problem: String,
    },

    /// The progress callback cancelled the import; nothing was kept.
    #[error("import cancelled; nothing was kept")]
    Cancelled,

    /// A write would duplicate something unique (a user name).
    #[error("{what} already exists")]
    Conflict {
        /// What is duplicated, e.g. `user 'amy'`.
        what: String,
    },

    /// A record named by id does not exist.
    #[error("{what} {id} does not exist")]
    NotFound {
        /// The kind of record: `user`, `validation run`.
        what: &'static str,
        /// Its id.
        id: i64,
    },

    /// A value given to the store is not acceptable.
    #[error("invalid {what}: {problem}")]
    Invalid {
        /// What was being written.
        what: &'static str,
        /// What is wrong.
        problem: String,
    },

    /// The database server could not be reached or refused the connection.
    #[error("cannot connect to the database {target}")]
    Connect {
        /// The server, without any password.
        target: String,
        /// Engine error.
        #[source]
        source: BackendError,
    },

    /// Any other engine failure (listing snapshots, committing).
    #[error("database error while {action}")]
    Database {
        /// What the store was doing.
        action: &'static str,
        /// Engine error.
        #[source]
        source: BackendError,
    },
}

fn row_suffix(row: Option<u64>) -> String {
    match row {
        Some(row) => format!(" record {row}"),
        None => String::new(),
    }
}
