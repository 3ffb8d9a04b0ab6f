//! Writing snapshots, the same for every backend: the loop over snapshots and record kinds with
//! progress and cancellation, records in child order, the stored form of the metadata and the
//! errors naming what could not be stored. A backend only runs its statements
//! ([`SnapshotWriter`]) and writes each record through [`write_columns`].

use std::ops::ControlFlow;

use sightline_model::for_each_record_kind;

use super::columns::{ColumnError, ColumnSink};
use super::read::{DATE, DATE_TIME, METADATA};
use super::tables::{ChildKey, Table};
use crate::error::{BackendError, StoreError};
use crate::{FileProvenance, ImportProgress, NewSnapshot, SnapshotId};

/// The statements a backend runs for the shared import, inside the caller's transaction.
pub(crate) trait SnapshotWriter {
    /// Writes the snapshot row, its files (see [`file_bytes`]) and its counts per kind
    /// ([`kind_counts`]); returns the new snapshot's id.
    fn write_metadata(
        &mut self,
        target: &Target<'_>,
        row: &NewSnapshotRow<'_>,
        files: &[FileProvenance],
        counts: &[(&'static str, i64)],
    ) -> Result<SnapshotId, StoreError>;

    /// Writes the non-empty `records` of one kind, given as `(seq, record)` in the order to write
    /// them.
    fn write_records<T: Table>(
        &mut self,
        id: SnapshotId,
        target: &Target<'_>,
        kind: &WriteKind,
        records: &[(u64, &T)],
    ) -> Result<(), StoreError>;
}

/// Writes every snapshot in order and returns their ids; stops at the first error or when
/// `progress` breaks (the caller then drops its transaction).
pub(crate) fn write_snapshots<W: SnapshotWriter>(
    writer: &mut W,
    snapshots: &[NewSnapshot<'_>],
    progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
) -> Result<Vec<SnapshotId>, StoreError> {
    let records_total = snapshots.iter().map(|s| s.records.total() as u64).sum();
    let mut records_written = 0u64;
    let mut ids = Vec::with_capacity(snapshots.len());
    for (position, snapshot) in snapshots.iter().enumerate() {
        let target = Target {
            position,
            source_format: &snapshot.source_format,
        };
        let row = NewSnapshotRow::of(snapshot);
        let counts = kind_counts(snapshot);
        let id = writer.write_metadata(&target, &row, &snapshot.files, &counts)?;
        let records = snapshot.records;
        macro_rules! write_kind {
            ($field:ident, $label:literal) => {
                if !records.$field.is_empty() {
                    let kind = WriteKind {
                        table: stringify!($field),
                        label: $label,
                    };
                    writer.write_records(id, &target, &kind, &in_child_order(&records.$field))?;
                }
                records_written += records.$field.len() as u64;
                let report = ImportProgress {
                    snapshot: position,
                    snapshots: snapshots.len(),
                    kind: $label,
                    records_written,
                    records_total,
                };
                if progress(&report).is_break() {
                    return Err(StoreError::Cancelled);
                }
            };
        }
        for_each_record_kind!(write_kind);
        ids.push(id);
    }
    Ok(ids)
}

/// The stored form of a snapshot's row of `snapshots` (the same text encodings on every backend).
pub(crate) struct NewSnapshotRow<'a> {
    pub(crate) source_format: &'a str,
    pub(crate) la_code: Option<i64>,
    pub(crate) extract_date: String,
    pub(crate) imported_at: String,
}

impl<'a> NewSnapshotRow<'a> {
    fn of(snapshot: &'a NewSnapshot<'_>) -> Self {
        NewSnapshotRow {
            source_format: &snapshot.source_format,
            la_code: snapshot.la_code.map(|la| i64::from(la.0)),
            extract_date: snapshot.extract_date.format(DATE).to_string(),
            imported_at: snapshot.imported_at.format(DATE_TIME).to_string(),
        }
    }
}

/// Records per kind, keyed by table name, for `snapshot_counts`.
fn kind_counts(snapshot: &NewSnapshot<'_>) -> Vec<(&'static str, i64)> {
    let records = snapshot.records;
    let mut counts = Vec::new();
    macro_rules! count {
        ($field:ident, $label:literal) => {
            counts.push((stringify!($field), records.$field.len() as i64));
        };
    }
    for_each_record_kind!(count);
    counts
}

/// Each record with its index as `seq`; tables clustered by child receive them sorted by child
/// (stably, so by `seq` within a child), so that every insert appends to the key's index instead
/// of landing at a random page.
fn in_child_order<T: Table>(records: &[T]) -> Vec<(u64, &T)> {
    let mut ordered: Vec<(u64, &T)> = (0u64..).zip(records).collect();
    let by_child = |a: &(u64, &T), b: &(u64, &T)| a.1.child_id().cmp(&b.1.child_id());
    // Extracts are usually grouped by child already; the check saves the sort's comparisons.
    if T::CHILD == ChildKey::Required && !ordered.is_sorted_by(|a, b| by_child(a, b).is_le()) {
        ordered.sort_by(by_child);
    }
    ordered
}

/// The record kind being written: its table and the label errors and progress name.
pub(crate) struct WriteKind {
    pub(crate) table: &'static str,
    pub(crate) label: &'static str,
}

/// Which snapshot of the import is being written, for error messages.
pub(crate) struct Target<'a> {
    position: usize,
    source_format: &'a str,
}

impl Target<'_> {
    /// The engine failed writing `what` (at `row` when known).
    pub(crate) fn write_error(
        &self,
        what: &'static str,
        row: Option<u64>,
        err: impl std::error::Error + Send + Sync + 'static,
    ) -> StoreError {
        self.backend_error(what, row, BackendError::new(err))
    }

    fn backend_error(
        &self,
        what: &'static str,
        row: Option<u64>,
        source: BackendError,
    ) -> StoreError {
        StoreError::Write {
            position: self.position,
            source_format: self.source_format.to_owned(),
            what,
            row,
            source,
        }
    }

    /// The engine failed writing the snapshot's metadata.
    pub(crate) fn metadata_error(
        &self,
        err: impl std::error::Error + Send + Sync + 'static,
    ) -> StoreError {
        self.write_error(METADATA, None, err)
    }

    fn unstorable(
        &self,
        what: &'static str,
        row: u64,
        column: &'static str,
        problem: String,
    ) -> StoreError {
        StoreError::Unstorable {
            position: self.position,
            source_format: self.source_format.to_owned(),
            what,
            row,
            column,
            problem,
        }
    }
}

/// A file's size as stored, refused when it does not fit the column.
pub(crate) fn file_bytes(
    target: &Target<'_>,
    seq: i64,
    file: &FileProvenance,
) -> Result<i64, StoreError> {
    i64::try_from(file.bytes).map_err(|_| {
        target.unstorable(
            "files",
            seq.unsigned_abs(),
            "bytes",
            format!("{} bytes is more than the store can record", file.bytes),
        )
    })
}

/// Writes every column of `record` into `sink`; an error names the record and the column, and a
/// record that wrote fewer columns than its table has is refused (never executed half-bound).
pub(crate) fn write_columns<T: Table, S: ColumnSink>(
    target: &Target<'_>,
    kind: &WriteKind,
    seq: u64,
    record: &T,
    sink: &mut S,
) -> Result<(), StoreError> {
    let written = record.write(sink);
    let column = sink.column();
    match written {
        Ok(()) if column == T::COLUMNS.len() => Ok(()),
        Ok(()) => {
            let problem = format!("wrote {column} of {} columns", T::COLUMNS.len());
            Err(target.unstorable(kind.label, seq, "?", problem))
        }
        Err(ColumnError::Engine(err)) => Err(target.backend_error(kind.label, Some(seq), err)),
        Err(ColumnError::Unstorable(problem) | ColumnError::Corrupt(problem)) => {
            let name = T::COLUMNS.get(column).copied().unwrap_or("?");
            Err(target.unstorable(kind.label, seq, name, problem))
        }
    }
}
