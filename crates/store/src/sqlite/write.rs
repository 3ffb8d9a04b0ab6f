//! Writing snapshots to SQLite: the statements behind the shared import of
//! [`crate::mapping::write`], records through cached multi-row insert statements, all inside the
//! caller's transaction (which the caller commits or drops).

use rusqlite::Connection;

use super::bind::RowWriter;
use crate::FileProvenance;
use crate::SnapshotId;
use crate::error::StoreError;
use crate::mapping::tables::Table;
use crate::mapping::write::{
    NewSnapshotRow, SnapshotWriter, Target, WriteKind, file_bytes, write_columns,
};

/// The shared import over one connection (inside the caller's transaction).
pub(super) struct Writer<'c>(pub(super) &'c Connection);

/// Records per multi-row `INSERT`. One statement execution keeps the table's cursor open across
/// its rows, so appends skip most of the per-row seeking and statement setup; 16 to 64 measured
/// best (single-row statements cost about a third more CPU).
const BATCH_ROWS: usize = 64;

impl SnapshotWriter for Writer<'_> {
    fn write_metadata(
        &mut self,
        target: &Target<'_>,
        row: &NewSnapshotRow<'_>,
        files: &[FileProvenance],
        counts: &[(&'static str, i64)],
    ) -> Result<SnapshotId, StoreError> {
        let tx = self.0;
        let failed = |err| target.metadata_error(err);
        tx.prepare_cached(
            "INSERT INTO snapshots (source_format, la_code, extract_date, imported_at) \
             VALUES (?1, ?2, ?3, ?4)",
        )
        .and_then(|mut stmt| {
            stmt.execute((
                row.source_format,
                row.la_code,
                &row.extract_date,
                &row.imported_at,
            ))
        })
        .map_err(failed)?;
        let id = SnapshotId(tx.last_insert_rowid());

        let mut insert_file = tx
            .prepare_cached(
                "INSERT INTO snapshot_files (snapshot_id, seq, name, sha256, bytes) \
                 VALUES (?1, ?2, ?3, ?4, ?5)",
            )
            .map_err(failed)?;
        for (seq, file) in (0i64..).zip(files) {
            let bytes = file_bytes(target, seq, file)?;
            insert_file
                .execute((id.0, seq, &file.name, &file.sha256, bytes))
                .map_err(failed)?;
        }

        let mut insert_count = tx
            .prepare_cached(
                "INSERT INTO snapshot_counts (snapshot_id, kind, records) VALUES (?1, ?2, ?3)",
            )
            .map_err(failed)?;
        for (kind, records) in counts {
            insert_count
                .execute((id.0, kind, records))
                .map_err(failed)?;
        }
        Ok(id)
    }

    /// Full batches through one cached multi-row statement, the remainder through a cached
    /// single-row one.
    fn write_records<T: Table>(
        &mut self,
        id: SnapshotId,
        target: &Target<'_>,
        kind: &WriteKind,
        records: &[(u64, &T)],
    ) -> Result<(), StoreError> {
        let engine = |err| target.write_error(kind.label, None, err);
        let batches = records.chunks_exact(BATCH_ROWS);
        let rest = batches.remainder();
        if records.len() >= BATCH_ROWS {
            let mut stmt = self
                .0
                .prepare_cached(&insert_sql(kind.table, T::COLUMNS, BATCH_ROWS))
                .map_err(engine)?;
            stmt.raw_bind_parameter(1, id.0).map_err(engine)?;
            for batch in batches {
                bind_batch(&mut stmt, batch, target, kind)?;
                stmt.raw_execute().map_err(engine)?;
            }
        }
        if !rest.is_empty() {
            let mut stmt = self
                .0
                .prepare_cached(&insert_sql(kind.table, T::COLUMNS, 1))
                .map_err(engine)?;
            stmt.raw_bind_parameter(1, id.0).map_err(engine)?;
            for record in rest {
                bind_batch(&mut stmt, std::slice::from_ref(record), target, kind)?;
                stmt.raw_execute().map_err(engine)?;
            }
        }
        Ok(())
    }
}

/// Binds `seq` and the columns of each `(seq, record)` of `batch` to consecutive rows of `stmt`.
fn bind_batch<T: Table>(
    stmt: &mut rusqlite::Statement<'_>,
    batch: &[(u64, &T)],
    target: &Target<'_>,
    kind: &WriteKind,
) -> Result<(), StoreError> {
    let width = T::COLUMNS.len() + 1;
    for (position, &(seq, record)) in batch.iter().enumerate() {
        let seq_param = 2 + position * width;
        // seq fits: a Vec cannot hold i64::MAX records.
        stmt.raw_bind_parameter(seq_param, seq as i64)
            .map_err(|err| target.write_error(kind.label, Some(seq), err))?;
        // Unbound parameters would keep the previous record's values: `write_columns` refuses a
        // record that wrote too few.
        write_columns(
            target,
            kind,
            seq,
            record,
            &mut RowWriter::new(stmt, seq_param + 1),
        )?;
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
