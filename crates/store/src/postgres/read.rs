//! Reading snapshots back from PostgreSQL: the queries behind the shared reads of
//! [`crate::mapping::read`]. A whole snapshot's records are streamed with
//! `COPY (SELECT ...) TO STDOUT`, one child's through a parameterised query whose columns are cast
//! to text, so both feed the shared column mapping the same text values.

use std::borrow::Cow;
use std::collections::HashMap;
use std::io::BufRead;

use postgres::Transaction;
use sightline_model::ids::ChildId;

use super::copy::CopyLine;
use super::database_error;
use crate::error::StoreError;
use crate::mapping::read::{ReadKind, SnapshotReader, SnapshotRow};
use crate::mapping::tables::Table;
use crate::{FileProvenance, SnapshotId};

/// The shared reads inside one read transaction.
pub(super) struct Reader<'a, 't>(pub(super) &'a mut Transaction<'t>);

/// The id of the snapshot with the latest extract date (then import time, then id).
pub(super) fn latest_id(
    tx: &mut Transaction<'_>,
    source_format: Option<&str>,
) -> Result<Option<SnapshotId>, StoreError> {
    tx.query_opt(
        "SELECT id FROM snapshots WHERE $1::text IS NULL OR source_format = $1 \
         ORDER BY extract_date DESC, imported_at DESC, id DESC LIMIT 1",
        &[&source_format],
    )
    .and_then(|row| row.map(|row| row.try_get(0)).transpose())
    .map(|id| id.map(SnapshotId))
    .map_err(|err| database_error("finding the latest snapshot", err))
}

impl SnapshotReader for Reader<'_, '_> {
    type Error = postgres::Error;

    fn snapshot_ids(&mut self) -> Result<Vec<i64>, postgres::Error> {
        self.0
            .query("SELECT id FROM snapshots ORDER BY id", &[])?
            .iter()
            .map(|row| row.try_get(0))
            .collect()
    }

    fn snapshot_row(&mut self, id: SnapshotId) -> Result<Option<SnapshotRow>, postgres::Error> {
        self.0
            .query_opt(
                "SELECT source_format, la_code, extract_date, imported_at \
                 FROM snapshots WHERE id = $1",
                &[&id.0],
            )?
            .map(|row| {
                Ok(SnapshotRow {
                    source_format: row.try_get(0)?,
                    la_code: row.try_get(1)?,
                    extract_date: row.try_get(2)?,
                    imported_at: row.try_get(3)?,
                })
            })
            .transpose()
    }

    fn files(&mut self, id: SnapshotId) -> Result<Vec<FileProvenance>, postgres::Error> {
        self.0
            .query(
                "SELECT name, sha256, bytes FROM snapshot_files WHERE snapshot_id = $1 \
                 ORDER BY seq",
                &[&id.0],
            )?
            .iter()
            .map(|row| {
                Ok(FileProvenance {
                    name: row.try_get(0)?,
                    sha256: row.try_get(1)?,
                    bytes: row.try_get::<_, i64>(2)?.unsigned_abs(),
                })
            })
            .collect()
    }

    fn stored_counts(&mut self, id: SnapshotId) -> Result<HashMap<String, u64>, postgres::Error> {
        self.0
            .query(
                "SELECT kind, records FROM snapshot_counts WHERE snapshot_id = $1",
                &[&id.0],
            )?
            .iter()
            .map(|row| {
                Ok((
                    row.try_get::<_, String>(0)?,
                    row.try_get::<_, i64>(1)?.unsigned_abs(),
                ))
            })
            .collect()
    }

    fn read_kind<T: Table>(
        &mut self,
        kind: &ReadKind,
        child: Option<&ChildId>,
        each: impl FnMut(u64, T) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        match child {
            None => copy_all(self.0, kind, each),
            Some(child) => query_child(self.0, kind, child, each),
        }
    }
}

/// Decodes a line or row whose first field is `seq`.
fn decode<T: Table>(kind: &ReadKind, mut line: CopyLine<'_>) -> Result<(u64, T), StoreError> {
    let seq = line
        .seq()
        .map_err(|problem| kind.corrupt(0, "seq", problem))?;
    kind.decode(seq, &mut line)
}

/// Every record of a kind, streamed with `COPY`.
fn copy_all<T: Table>(
    tx: &mut Transaction<'_>,
    kind: &ReadKind,
    mut each: impl FnMut(u64, T) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    // COPY takes no parameters; the snapshot id is an integer, formatted, never text.
    let sql = format!(
        "COPY (SELECT seq, {} FROM {} WHERE snapshot_id = {}) TO STDOUT",
        T::COLUMNS.join(", "),
        kind.table,
        kind.snapshot.0
    );
    let reader = tx.copy_out(&sql).map_err(|err| kind.engine_error(err))?;
    let mut reader = std::io::BufReader::with_capacity(1 << 16, reader);
    let mut line = Vec::with_capacity(256);
    loop {
        line.clear();
        let read = reader
            .read_until(b'\n', &mut line)
            .map_err(|err| kind.engine_error(err))?;
        if read == 0 {
            return Ok(());
        }
        let text = line.strip_suffix(b"\n").unwrap_or(&line);
        let parsed = CopyLine::parse(text).map_err(|problem| kind.corrupt(0, "?", problem))?;
        let (seq, record) = decode(kind, parsed)?;
        each(seq, record)?;
    }
}

/// One child's records of a kind, in `seq` order.
fn query_child<T: Table>(
    tx: &mut Transaction<'_>,
    kind: &ReadKind,
    child: &ChildId,
    mut each: impl FnMut(u64, T) -> Result<(), StoreError>,
) -> Result<(), StoreError> {
    let columns: Vec<String> = std::iter::once("seq")
        .chain(T::COLUMNS.iter().copied())
        .map(|column| format!("{column}::text"))
        .collect();
    let sql = format!(
        "SELECT {} FROM {} WHERE snapshot_id = $1 AND child_id = $2 ORDER BY seq",
        columns.join(", "),
        kind.table
    );
    let rows = tx
        .query(&sql, &[&kind.snapshot.0, &child.as_str()])
        .map_err(|err| kind.engine_error(err))?;
    for row in &rows {
        let fields = (0..row.len())
            .map(|i| {
                row.try_get::<_, Option<&str>>(i)
                    .map(|v| v.map(Cow::Borrowed))
            })
            .collect::<Result<Vec<_>, _>>()
            .map_err(|err| kind.engine_error(err))?;
        let (seq, record) = decode(kind, CopyLine::from_fields(fields))?;
        each(seq, record)?;
    }
    Ok(())
}
