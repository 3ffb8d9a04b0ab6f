//! Writing snapshots: metadata, then every record kind through cached multi-row insert
//! statements, all inside the caller's transaction (which the caller commits or drops).

use std::ops::ControlFlow;

use rusqlite::Connection;
use sightline_model::for_each_record_kind;

use super::columns::{ColumnError, RowWriter};
use super::tables::{ChildKey, Table};
use crate::error::{BackendError, StoreError};
use crate::{ImportProgress, NewSnapshot, SnapshotId};

/// Writes every snapshot in order and returns their ids; stops at the first error or when
/// `progress` breaks.
pub(super) fn write_snapshots(
    tx: &Connection,
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
        let id = write_metadata(tx, &target, snapshot)?;
        let records = snapshot.records;
        macro_rules! write_kind {
            ($field:ident, $label:literal) => {
                write_records(tx, id, &target, stringify!($field), $label, &records.$field)?;
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

/// Which snapshot of the import is being written, for error messages.
struct Target<'a> {
    position: usize,
    source_format: &'a str,
}

impl Target<'_> {
    fn write_error(
        &self,
        what: &'static str,
        row: Option<u64>,
        err: rusqlite::Error,
    ) -> StoreError {
        StoreError::Write {
            position: self.position,
            source_format: self.source_format.to_owned(),
            what,
            row,
            source: BackendError::new(err),
        }
    }

    fn column_error(
        &self,
        what: &'static str,
        row: u64,
        column: &'static str,
        err: ColumnError,
    ) -> StoreError {
        match err {
            ColumnError::Engine(err) => self.write_error(what, Some(row), err),
            ColumnError::Unstorable(problem) | ColumnError::Corrupt(problem) => {
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
    }
}

const METADATA: &str = "snapshot metadata";

/// Writes the snapshot row, its files and its counts per kind.
fn write_metadata(
    tx: &Connection,
    target: &Target<'_>,
    snapshot: &NewSnapshot<'_>,
) -> Result<SnapshotId, StoreError> {
    let failed = |err| target.write_error(METADATA, None, err);
    tx.prepare_cached(
        "INSERT INTO snapshots (source_format, la_code, extract_date, imported_at) \
         VALUES (?1, ?2, ?3, ?4)",
    )
    .and_then(|mut stmt| {
        stmt.execute((
            &snapshot.source_format,
            snapshot.la_code.map(|la| la.0),
            snapshot.extract_date.format(DATE).to_string(),
            snapshot.imported_at.format(DATE_TIME).to_string(),
        ))
    })
    .map_err(failed)?;
    let id = SnapshotId(tx.last_insert_rowid());

    let mut files = tx
        .prepare_cached(
            "INSERT INTO snapshot_files (snapshot_id, seq, name, sha256, bytes) \
             VALUES (?1, ?2, ?3, ?4, ?5)",
        )
        .map_err(failed)?;
    for (seq, file) in (0i64..).zip(&snapshot.files) {
        let bytes = i64::try_from(file.bytes).map_err(|_| StoreError::Unstorable {
            position: target.position,
            source_format: target.source_format.to_owned(),
            what: "files",
            row: seq as u64,
            column: "bytes",
            problem: format!("{} bytes is more than the store can record", file.bytes),
        })?;
        files
            .execute((id.0, seq, &file.name, &file.sha256, bytes))
            .map_err(failed)?;
    }

    let mut counts = tx
        .prepare_cached(
            "INSERT INTO snapshot_counts (snapshot_id, kind, records) VALUES (?1, ?2, ?3)",
        )
        .map_err(failed)?;
    let records = snapshot.records;
    macro_rules! count {
        ($field:ident, $label:literal) => {
            counts
                .execute((id.0, stringify!($field), records.$field.len() as i64))
                .map_err(failed)?;
        };
    }
    for_each_record_kind!(count);
    Ok(id)
}

/// `chrono` format of stored dates.
pub(super) const DATE: &str = "%Y-%m-%d";
/// `chrono` format of stored timestamps: ISO 8601 with as many fraction digits as needed.
pub(super) const DATE_TIME: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// Records per multi-row `INSERT`. One statement execution keeps the table's cursor open across
/// its rows, so appends skip most of the per-row seeking and statement setup; 16 to 64 measured
/// best (single-row statements cost about a third more CPU).
const BATCH_ROWS: usize = 64;

/// Inserts every record of one kind with its index as `seq`: full batches through one cached
/// multi-row statement, the remainder through a cached single-row one.
///
/// Tables clustered by child receive their records sorted by child (stably, so by `seq` within a
/// child): every insert then appends to the B-tree instead of landing at a random page, which is
/// what keeps a national import fast once the tables outgrow the page cache.
fn write_records<T: Table>(
    tx: &Connection,
    id: SnapshotId,
    target: &Target<'_>,
    table: &'static str,
    label: &'static str,
    records: &[T],
) -> Result<(), StoreError> {
    let mut ordered: Vec<(u64, &T)> = (0u64..).zip(records).collect();
    let by_child = |a: &(u64, &T), b: &(u64, &T)| a.1.child_id().cmp(&b.1.child_id());
    // Extracts are usually grouped by child already; the check saves the sort's comparisons.
    if T::CHILD == ChildKey::Required && !ordered.is_sorted_by(|a, b| by_child(a, b).is_le()) {
        ordered.sort_by(by_child);
    }

    let engine = |err| target.write_error(label, None, err);
    let batches = ordered.chunks_exact(BATCH_ROWS);
    let rest = batches.remainder();
    if ordered.len() >= BATCH_ROWS {
        let mut stmt = tx
            .prepare_cached(&insert_sql(table, T::COLUMNS, BATCH_ROWS))
            .map_err(engine)?;
        stmt.raw_bind_parameter(1, id.0).map_err(engine)?;
        for batch in batches {
            bind_batch(&mut stmt, batch, target, label)?;
            stmt.raw_execute().map_err(engine)?;
        }
    }
    if !rest.is_empty() {
        let mut stmt = tx
            .prepare_cached(&insert_sql(table, T::COLUMNS, 1))
            .map_err(engine)?;
        stmt.raw_bind_parameter(1, id.0).map_err(engine)?;
        for record in rest {
            bind_batch(&mut stmt, std::slice::from_ref(record), target, label)?;
            stmt.raw_execute().map_err(engine)?;
        }
    }
    Ok(())
}

/// Binds `seq` and the columns of each `(seq, record)` of `batch` to consecutive rows of `stmt`.
fn bind_batch<T: Table>(
    stmt: &mut rusqlite::Statement<'_>,
    batch: &[(u64, &T)],
    target: &Target<'_>,
    label: &'static str,
) -> Result<(), StoreError> {
    let width = T::COLUMNS.len() + 1;
    for (position, &(seq, record)) in batch.iter().enumerate() {
        let seq_param = 2 + position * width;
        // seq fits: a Vec cannot hold i64::MAX records.
        stmt.raw_bind_parameter(seq_param, seq as i64)
            .map_err(|err| target.write_error(label, Some(seq), err))?;
        let mut writer = RowWriter::new(stmt, seq_param + 1);
        let written = record.write(&mut writer);
        let column = writer.column();
        if let Err(err) = written {
            let name = T::COLUMNS.get(column).copied().unwrap_or("?");
            return Err(target.column_error(label, seq, name, err));
        }
        if column != T::COLUMNS.len() {
            // Unbound parameters would keep the previous record's values, so never execute.
            let problem = format!("wrote {column} of {} columns", T::COLUMNS.len());
            return Err(target.column_error(label, seq, "?", ColumnError::Unstorable(problem)));
        }
    }
    Ok(())
}

/// `INSERT INTO t (snapshot_id, seq, a, b) VALUES (?1, ?2, ?3, ?4), (?1, ?5, ?6, ?7)...` for
/// `rows` records sharing the snapshot parameter; names are constants, never input.
pub(super) fn insert_sql(table: &str, columns: &[&str], rows: usize) -> String {
    let width = columns.len() + 1;
    let tuples: Vec<String> = (0..rows)
        .map(|row| {
            let first = 2 + row * width;
            let params: Vec<String> = (first..first + width).map(|i| format!("?{i}")).collect();
            format!("(?1, {})", params.join(", "))
        })
        .collect();
    format!(
        "INSERT INTO {table} (snapshot_id, seq, {}) VALUES {}",
        columns.join(", "),
        tuples.join(", ")
    )
}
