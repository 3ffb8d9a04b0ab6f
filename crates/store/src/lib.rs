//! The snapshot store: every import of a council's files kept as one immutable, dated snapshot of
//! [`CaseRecords`], so that indicators, validation and reports can always be re-run on exactly the
//! data a council sent on a given day.
//!
//! Storage sits behind the [`SnapshotStore`] trait, which takes and returns domain types only; no
//! SQL type or row struct crosses it. [`SqliteStore`] is the default backend (a single file,
//! bundled SQLite); [`PostgresStore`] serves shared deployments with several server instances.
//!
//! Application data besides snapshots (users, sessions, failed logins, the hash-chained audit log,
//! improvement-plan updates, validation findings) sits behind [`AppStore`], which takes `&self` and
//! is `Send + Sync` so a web server shares one store between requests; [`open_app_store`] opens
//! either backend from a `--database` argument (a path, `sqlite://path` or `postgres://...`).
//! [`SqliteAppStore`] and [`PostgresStore`] implement it.
//!
//! Both backends share one column mapping and the logic around it (`mapping/`: which column
//! holds which field, how each value is encoded, how summaries and records are assembled, the
//! import loop, app rows to domain types), one migration runner (`migrate.rs`), one connection
//! pool (`pool.rs`) and one group commit for audit appends (`group_commit.rs`); each backend keeps
//! only its SQL and its own numbered, forward-only migration files.
//!
//! **Invariants:**
//! - a snapshot is written in one transaction (several snapshots imported together share it), so a
//!   failed, cancelled or crashed import leaves nothing behind;
//! - snapshots are never modified once written;
//! - the store never reads the clock: the import time is passed in by the caller;
//! - nothing here logs or formats a child identifier; errors name record kinds, row positions and
//!   columns, never values that could identify a child.
//!
//! # PostgreSQL layout
//!
//! Migrations live in `src/postgres/migrations/NNNN_*.sql` (numbered, forward-only, one
//! transaction each under an advisory lock, recorded in `schema_migrations`). The snapshot tables
//! mirror SQLite's column for column, with the same text encodings (so dates stay ISO text);
//! application tables use native timestamps and booleans. Imports stream each kind with `COPY`
//! inside one transaction, serialised by an advisory lock that also assigns ids (`max + 1`, no
//! gaps); whole-snapshot loads stream `COPY (SELECT ...) TO STDOUT`.
//!
//! # SQLite layout
//!
//! Migrations live in `src/sqlite/migrations/NNNN_*.sql` (numbered, forward-only, one
//! transaction each; the version is SQLite's `user_version`, and `application_id` marks the file
//! as a Sightline store). Migration 2 adds the application tables. Tables:
//! - `snapshots` (id, source format, LA code, extract date, import time), `snapshot_files`
//!   (name, SHA-256, bytes, in order) and `snapshot_counts` (records per kind);
//! - one table per record kind, named after its [`CaseRecords`] field, with `snapshot_id`, `seq`
//!   (the record's index in its `Vec`, so order survives) and a real column per field. Codes are
//!   stored as their DfE code text (the model's own enums as fixed snake-case words), dates as
//!   `YYYY-MM-DD` text, booleans as 0/1, lists of codes as comma-separated text (`''` when empty),
//!   and an optional group of fields (UASC status, motherhood, a previous permanence date) as a
//!   0/1 presence column plus the group's columns. Tables are `STRICT`.
//! - Kinds that always name a child are `WITHOUT ROWID` tables keyed by
//!   `(snapshot_id, child_id, seq)`: the key is the per-child index, and imports insert in child
//!   order so every insert appends. Kinds whose child is optional (supervisions, complaints, LADO
//!   allegations) are keyed by `(snapshot_id, seq)` with an index on
//!   `(snapshot_id, child_id, seq)`; teams, workers and foster households by `(snapshot_id, seq)`.
//!
//! # Example
//! ```
//! use sightline_model::{CaseRecords, NaiveDate, ids::LaCode};
//! use sightline_store::{FileProvenance, NewSnapshot, SnapshotStore, SqliteStore};
//!
//! let mut store = SqliteStore::open_in_memory()?;
//! let records = CaseRecords::default();
//! let extract_date = NaiveDate::from_ymd_opt(2025, 3, 31).unwrap();
//! let snapshot = NewSnapshot {
//!     source_format: "ssda903".to_owned(),
//!     la_code: Some(LaCode(382)),
//!     extract_date,
//!     imported_at: extract_date.and_hms_opt(9, 30, 0).unwrap(),
//!     files: vec![FileProvenance { name: "header.csv".into(), sha256: "ab12".into(), bytes: 4 }],
//!     records: &records,
//! };
//! let ids = store.import(&[snapshot])?;
//! let summary = store.show(ids[0])?.expect("just imported");
//! assert_eq!(summary.source_format, "ssda903");
//! assert_eq!(store.load(ids[0])?, records);
//! # Ok::<(), sightline_store::StoreError>(())
//! ```

mod app;
mod error;
mod group_commit;
mod hash;
mod mapping;
mod migrate;
mod pool;
mod postgres;
mod sqlite;

use std::ops::ControlFlow;

pub use app::{
    AppStore, AuditEntry, AuditFilter, GENESIS_HASH, NewAuditEntry, NewPlanUpdate, NewSession,
    NewUser, NewValidationRun, PLAN_RAGS, PlanUpdate, Session, StoredFinding, User,
    ValidationRunSummary, audit_hash, open_app_store,
};
pub use error::{BackendError, StoreError};
pub use hash::sha256_file;
pub use postgres::PostgresStore;
pub use sightline_model::CaseRecords;
pub use sqlite::{SqliteAppStore, SqliteOptions, SqliteStore};

use chrono::{NaiveDate, NaiveDateTime};
use sightline_model::ids::{ChildId, LaCode};

/// The identifier of a stored snapshot, assigned by the store at import (increasing).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct SnapshotId(pub i64);

impl std::fmt::Display for SnapshotId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// One file a snapshot was read from, recorded so that anyone can check later which bytes produced it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FileProvenance {
    /// File name as given to the importer (no directory is required).
    pub name: String,
    /// SHA-256 of the file contents, lower-case hex (see [`sha256_file`]).
    pub sha256: String,
    /// Size in bytes.
    pub bytes: u64,
}

/// A snapshot to import: its provenance and all its records.
#[derive(Clone, Debug)]
pub struct NewSnapshot<'a> {
    /// The format the records were read from, e.g. `ssd`, `ssda903`, `cin`, `annex_a`.
    pub source_format: String,
    /// The council the extract belongs to, when known.
    pub la_code: Option<LaCode>,
    /// The date the council's system was extracted ("data as at").
    pub extract_date: NaiveDate,
    /// When the import ran; supplied by the caller because the store never reads the clock.
    pub imported_at: NaiveDateTime,
    /// The files read, in the order given.
    pub files: Vec<FileProvenance>,
    /// Every record of the extract.
    pub records: &'a CaseRecords,
}

/// What the store knows about one snapshot without loading its records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotSummary {
    /// Its identifier.
    pub id: SnapshotId,
    /// Format it was read from.
    pub source_format: String,
    /// Council, when known.
    pub la_code: Option<LaCode>,
    /// Extract ("data as at") date.
    pub extract_date: NaiveDate,
    /// Import time given at import.
    pub imported_at: NaiveDateTime,
    /// Files read, in import order.
    pub files: Vec<FileProvenance>,
    /// Number of records of every kind, labelled and ordered exactly as [`CaseRecords::counts`]
    /// (kinds with none are kept, with 0).
    pub counts: Vec<(String, u64)>,
}

impl SnapshotSummary {
    /// Total number of records of every kind.
    pub fn total_records(&self) -> u64 {
        self.counts.iter().map(|(_, n)| n).sum()
    }
}

/// Where an import has got to, passed to the callback of [`SnapshotStore::import_with_progress`]
/// after each record kind of each snapshot is written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ImportProgress {
    /// Position (0-based) of the snapshot being written in the slice given to the import.
    pub snapshot: usize,
    /// Number of snapshots in the import.
    pub snapshots: usize,
    /// The record kind just written, labelled as in [`CaseRecords::counts`].
    pub kind: &'static str,
    /// Records written so far in this import, over all snapshots and kinds.
    pub records_written: u64,
    /// Records the whole import will write.
    pub records_total: u64,
}

/// A store of immutable, dated snapshots of case records.
///
/// Backends implement it over domain types only. Reads of one snapshot are consistent even while
/// another process imports.
pub trait SnapshotStore {
    /// Imports several snapshots, all or nothing, and returns their ids in the order given.
    fn import(&mut self, snapshots: &[NewSnapshot<'_>]) -> Result<Vec<SnapshotId>, StoreError> {
        self.import_with_progress(snapshots, &mut |_| ControlFlow::Continue(()))
    }

    /// Like [`import`](Self::import), calling `progress` after each record kind of each snapshot is
    /// written. Returning `ControlFlow::Break` cancels the import: nothing is kept and the result is
    /// [`StoreError::Cancelled`].
    fn import_with_progress(
        &mut self,
        snapshots: &[NewSnapshot<'_>],
        progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
    ) -> Result<Vec<SnapshotId>, StoreError>;

    /// Every snapshot, oldest import first (by id).
    fn list(&self) -> Result<Vec<SnapshotSummary>, StoreError>;

    /// One snapshot's summary, or `None` when there is no such snapshot.
    fn show(&self, id: SnapshotId) -> Result<Option<SnapshotSummary>, StoreError>;

    /// Every record of a snapshot, exactly as imported (same order within each kind).
    /// Fails with [`StoreError::SnapshotNotFound`] for an unknown id.
    fn load(&self, id: SnapshotId) -> Result<CaseRecords, StoreError>;

    /// The records of one child in a snapshot: every kind that names a child (kinds with an
    /// optional child include the records naming this one); teams, workers and foster households
    /// are left empty. An unknown child gives empty records; an unknown snapshot an error.
    fn child(&self, id: SnapshotId, child: &ChildId) -> Result<CaseRecords, StoreError>;

    /// The snapshot with the latest extract date (ties go to the later import), optionally only
    /// among snapshots of one source format.
    fn latest(&self, source_format: Option<&str>) -> Result<Option<SnapshotSummary>, StoreError>;
}
