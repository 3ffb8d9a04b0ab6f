//! Reading snapshots back from SQLite: the queries behind the shared reads of
//! [`crate::mapping::read`], records streamed row by row through cached statements.

use std::collections::HashMap;

use rusqlite::{Connection, OptionalExtension};
use sightline_model::ids::ChildId;

use super::bind::RowReader;
use super::database_error;
use crate::error::StoreError;
use crate::mapping::read::{ReadKind, SnapshotReader, SnapshotRow};
use crate::mapping::tables::{ChildKey, Table};
use crate::{FileProvenance, SnapshotId};

/// The shared reads over one connection (inside the caller's read transaction).
pub(super) struct Reader<'c>(pub(super) &'c Connection);

/// The id of the snapshot with the latest extract date (then import time, then id).
pub(super) fn latest_id(
    conn: &Connection,
    source_format: Option<&str>,
) -> Result<Option<SnapshotId>, StoreError> {
    conn.prepare_cached(
        "SELECT id FROM snapshots WHERE ?1 IS NULL OR source_format = ?1 \
         ORDER BY extract_date DESC, imported_at DESC, id DESC LIMIT 1",
    )
    .and_then(|mut stmt| stmt.query_row([source_format], |row| row.get(0)).optional())
    .map(|id| id.map(SnapshotId))
    .map_err(|err| database_error("finding the latest snapshot", err))
}

impl SnapshotReader for Reader<'_> {
    type Error = rusqlite::Error;

    fn snapshot_ids(&mut self) -> rusqlite::Result<Vec<i64>> {
        self.0
            .prepare_cached("SELECT id FROM snapshots ORDER BY id")
            .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
    }

    fn snapshot_row(&mut self, id: SnapshotId) -> rusqlite::Result<Option<SnapshotRow>> {
        self.0
            .prepare_cached(
                "SELECT source_format, la_code, extract_date, imported_at \
                 FROM snapshots WHERE id = ?1",
            )?
            .query_row([id.0], |row| {
                Ok(SnapshotRow {
                    source_format: row.get(0)?,
                    la_code: row.get(1)?,
                    extract_date: row.get(2)?,
                    imported_at: row.get(3)?,
                })
            })
            .optional()
    }

    fn files(&mut self, id: SnapshotId) -> rusqlite::Result<Vec<FileProvenance>> {
        let mut stmt = self.0.prepare_cached(
            "SELECT name, sha256, bytes FROM snapshot_files WHERE snapshot_id = ?1 ORDER BY seq",
        )?;
        let rows = stmt.query_map([id.0], |row| {
            Ok(FileProvenance {
                name: row.get(0)?,
                sha256: row.get(1)?,
                // Written from a u64 that fitted in i64, so never negative.
                bytes: row.get::<_, i64>(2)?.unsigned_abs(),
            })
        })?;
        rows.collect()
    }

    fn stored_counts(&mut self, id: SnapshotId) -> rusqlite::Result<HashMap<String, u64>> {
        let mut stmt = self
            .0
            .prepare_cached("SELECT kind, records FROM snapshot_counts WHERE snapshot_id = ?1")?;
        let rows = stmt.query_map([id.0], |row| {
            Ok((
                row.get::<_, String>(0)?,
                row.get::<_, i64>(1)?.unsigned_abs(),
            ))
        })?;
        rows.collect()
    }

    fn read_kind<T: Table>(
        &mut self,
        kind: &ReadKind,
        child: Option<&ChildId>,
        mut each: impl FnMut(u64, T) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let engine = |err| kind.engine_error(err);
        let mut stmt = self
            .0
            .prepare_cached(&select_sql(
                kind.table,
                T::COLUMNS,
                T::CHILD,
                child.is_some(),
            ))
            .map_err(engine)?;
        stmt.raw_bind_parameter(1, kind.snapshot.0)
            .map_err(engine)?;
        if let Some(child) = child {
            stmt.raw_bind_parameter(2, child.as_str()).map_err(engine)?;
        }
        let mut rows = stmt.raw_query();
        while let Some(row) = rows.next().map_err(engine)? {
            let seq = row.get::<_, i64>(0).map_err(engine)?;
            let (seq, record) = kind.decode::<T, _>(seq, &mut RowReader::new(row))?;
            each(seq, record)?;
        }
        Ok(())
    }
}

/// The query reading a kind: `SELECT seq, a, b FROM t WHERE snapshot_id = +?1`, and for one child
/// `... AND child_id = +?2 ORDER BY seq`, through the clustered key or the `t_by_child` index.
///
/// The unary `+`s stop SQLite (3.54, with STAT4) from marking the statement for re-preparation
/// whenever a parameter is rebound, which cost a re-parse per call; they do not affect index use.
/// The secondary index is named because without statistics SQLite sometimes prefers scanning the
/// snapshot's whole range of the primary key.
pub(super) fn select_sql(table: &str, columns: &[&str], key: ChildKey, by_child: bool) -> String {
    let columns = columns.join(", ");
    match (by_child, key) {
        (false, _) | (true, ChildKey::Absent) => {
            format!("SELECT seq, {columns} FROM {table} WHERE snapshot_id = +?1")
        }
        (true, ChildKey::Required) => format!(
            "SELECT seq, {columns} FROM {table} \
             WHERE snapshot_id = +?1 AND child_id = +?2 ORDER BY seq"
        ),
        (true, ChildKey::Optional) => format!(
            "SELECT seq, {columns} FROM {table} INDEXED BY {table}_by_child \
             WHERE snapshot_id = +?1 AND child_id = +?2 ORDER BY seq"
        ),
    }
}
