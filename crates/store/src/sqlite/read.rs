//! Reading snapshots back: summaries from the metadata tables, and records streamed row by row
//! into pre-sized `Vec`s, in their original order.

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use rusqlite::{Connection, OptionalExtension};
use sightline_model::CaseRecords;
use sightline_model::for_each_record_kind;
use sightline_model::ids::{ChildId, LaCode};

use super::columns::{ColumnError, RowReader};
use super::database_error;
use super::tables::{ChildKey, Table};
use super::write::{DATE, DATE_TIME};
use crate::error::{BackendError, StoreError};
use crate::{FileProvenance, SnapshotId, SnapshotSummary};

const METADATA: &str = "snapshot metadata";

/// Every snapshot's summary, by id.
pub(super) fn list(conn: &Connection) -> Result<Vec<SnapshotSummary>, StoreError> {
    let ids: Vec<i64> = conn
        .prepare_cached("SELECT id FROM snapshots ORDER BY id")
        .and_then(|mut stmt| stmt.query_map([], |row| row.get(0))?.collect())
        .map_err(|err| database_error("listing snapshots", err))?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        // The read transaction guarantees the row is still there.
        if let Some(summary) = summary(conn, SnapshotId(id))? {
            out.push(summary);
        }
    }
    Ok(out)
}

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

/// One snapshot's summary, or `None` if it does not exist.
pub(super) fn summary(
    conn: &Connection,
    id: SnapshotId,
) -> Result<Option<SnapshotSummary>, StoreError> {
    let read_failed = |err| StoreError::Read {
        snapshot: id,
        what: METADATA,
        source: BackendError::new(err),
    };
    let row = conn
        .prepare_cached(
            "SELECT source_format, la_code, extract_date, imported_at FROM snapshots WHERE id = ?1",
        )
        .and_then(|mut stmt| {
            stmt.query_row([id.0], |row| {
                Ok((
                    row.get::<_, String>(0)?,
                    row.get::<_, Option<i64>>(1)?,
                    row.get::<_, String>(2)?,
                    row.get::<_, String>(3)?,
                ))
            })
            .optional()
        })
        .map_err(read_failed)?;
    let Some((source_format, la_code, extract_date, imported_at)) = row else {
        return Ok(None);
    };
    let corrupt = |column: &'static str, problem: String| StoreError::Corrupt {
        snapshot: id,
        what: METADATA,
        row: 0,
        column,
        problem,
    };
    let la_code = la_code
        .map(|n| {
            u16::try_from(n)
                .map(LaCode)
                .map_err(|_| corrupt("la_code", format!("{n} is not an LA code")))
        })
        .transpose()?;
    let extract_date = NaiveDate::parse_from_str(&extract_date, DATE)
        .map_err(|_| corrupt("extract_date", format!("'{extract_date}' is not a date")))?;
    let imported_at = NaiveDateTime::parse_from_str(&imported_at, DATE_TIME)
        .map_err(|_| corrupt("imported_at", format!("'{imported_at}' is not a date-time")))?;

    let files = files(conn, id).map_err(read_failed)?;
    let stored = stored_counts(conn, id).map_err(read_failed)?;
    let mut counts = Vec::new();
    macro_rules! count {
        ($field:ident, $label:literal) => {
            let n = stored.get(stringify!($field)).copied().unwrap_or(0);
            counts.push(($label.to_owned(), n));
        };
    }
    for_each_record_kind!(count);

    Ok(Some(SnapshotSummary {
        id,
        source_format,
        la_code,
        extract_date,
        imported_at,
        files,
        counts,
    }))
}

fn files(conn: &Connection, id: SnapshotId) -> rusqlite::Result<Vec<FileProvenance>> {
    let mut stmt = conn.prepare_cached(
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

/// Records per kind, keyed by table name.
fn stored_counts(conn: &Connection, id: SnapshotId) -> rusqlite::Result<HashMap<String, u64>> {
    let mut stmt =
        conn.prepare_cached("SELECT kind, records FROM snapshot_counts WHERE snapshot_id = ?1")?;
    let rows = stmt.query_map([id.0], |row| {
        Ok((
            row.get::<_, String>(0)?,
            row.get::<_, i64>(1)?.unsigned_abs(),
        ))
    })?;
    rows.collect()
}

/// Every record of a snapshot, or only those of one child.
pub(super) fn records(
    conn: &Connection,
    id: SnapshotId,
    child: Option<&ChildId>,
) -> Result<CaseRecords, StoreError> {
    let read_failed = |err| StoreError::Read {
        snapshot: id,
        what: METADATA,
        source: BackendError::new(err),
    };
    let exists = conn
        .prepare_cached("SELECT 1 FROM snapshots WHERE id = ?1")
        .and_then(|mut stmt| stmt.exists([id.0]))
        .map_err(read_failed)?;
    if !exists {
        return Err(StoreError::SnapshotNotFound(id));
    }
    let counts = stored_counts(conn, id).map_err(read_failed)?;
    let mut out = CaseRecords::default();
    macro_rules! read_kind {
        ($field:ident, $label:literal) => {
            let table = stringify!($field);
            let kind = Kind {
                snapshot: id,
                table,
                label: $label,
            };
            out.$field = match child {
                Some(child) => read_child_records(conn, &kind, child)?,
                None => read_all_records(conn, &kind, counts.get(table).copied().unwrap_or(0))?,
            };
        };
    }
    for_each_record_kind!(read_kind);
    Ok(out)
}

/// The record kind being read, for queries and error messages.
struct Kind {
    snapshot: SnapshotId,
    table: &'static str,
    label: &'static str,
}

impl Kind {
    fn engine_error(&self, err: rusqlite::Error) -> StoreError {
        StoreError::Read {
            snapshot: self.snapshot,
            what: self.label,
            source: BackendError::new(err),
        }
    }

    fn corrupt(&self, row: u64, column: &'static str, problem: String) -> StoreError {
        StoreError::Corrupt {
            snapshot: self.snapshot,
            what: self.label,
            row,
            column,
            problem,
        }
    }

    /// Decodes one result row (`seq` first, then the table's columns).
    fn decode<T: Table>(&self, row: &rusqlite::Row<'_>) -> Result<(u64, T), StoreError> {
        let seq = row.get::<_, i64>(0).map_err(|err| self.engine_error(err))?;
        let seq =
            u64::try_from(seq).map_err(|_| self.corrupt(0, "seq", format!("{seq} is negative")))?;
        let mut reader = RowReader::new(row);
        match T::read(&mut reader) {
            Ok(record) => Ok((seq, record)),
            Err(ColumnError::Engine(err)) => Err(self.engine_error(err)),
            Err(ColumnError::Corrupt(problem) | ColumnError::Unstorable(problem)) => {
                let column = T::COLUMNS.get(reader.column()).copied().unwrap_or("?");
                Err(self.corrupt(seq, column, problem))
            }
        }
    }
}

/// All `expected` records of a kind, put back in `seq` order whatever order the table yields
/// them in (tables clustered by child yield them by child).
fn read_all_records<T: Table>(
    conn: &Connection,
    kind: &Kind,
    expected: u64,
) -> Result<Vec<T>, StoreError> {
    let expected = usize::try_from(expected).unwrap_or(usize::MAX);
    let mut slots: Vec<Option<T>> = Vec::new();
    // A damaged count must give an error, not an allocation failure.
    slots.try_reserve_exact(expected).map_err(|_| {
        kind.corrupt(
            0,
            "records",
            format!("{expected} records cannot be held in memory"),
        )
    })?;
    slots.resize_with(expected, || None);
    let mut stmt = conn
        .prepare_cached(&select_sql(kind.table, T::COLUMNS, T::CHILD, false))
        .map_err(|err| kind.engine_error(err))?;
    stmt.raw_bind_parameter(1, kind.snapshot.0)
        .map_err(|err| kind.engine_error(err))?;
    let mut rows = stmt.raw_query();
    while let Some(row) = rows.next().map_err(|err| kind.engine_error(err))? {
        let (seq, record) = kind.decode::<T>(row)?;
        match usize::try_from(seq).ok().and_then(|s| slots.get_mut(s)) {
            Some(slot @ None) => *slot = Some(record),
            Some(Some(_)) => return Err(kind.corrupt(seq, "seq", "appears twice".to_owned())),
            None => {
                let problem = format!("is beyond the {expected} records counted");
                return Err(kind.corrupt(seq, "seq", problem));
            }
        }
    }
    let missing = slots.iter().filter(|slot| slot.is_none()).count();
    if missing > 0 {
        let problem = format!("{missing} of the {expected} records counted are missing");
        return Err(kind.corrupt(0, "seq", problem));
    }
    Ok(slots.into_iter().flatten().collect())
}

/// One child's records of a kind, in `seq` order.
fn read_child_records<T: Table>(
    conn: &Connection,
    kind: &Kind,
    child: &ChildId,
) -> Result<Vec<T>, StoreError> {
    if T::CHILD == ChildKey::Absent {
        return Ok(Vec::new());
    }
    let engine = |err| kind.engine_error(err);
    let mut stmt = conn
        .prepare_cached(&select_sql(kind.table, T::COLUMNS, T::CHILD, true))
        .map_err(engine)?;
    stmt.raw_bind_parameter(1, kind.snapshot.0)
        .map_err(engine)?;
    stmt.raw_bind_parameter(2, child.as_str()).map_err(engine)?;
    let mut out = Vec::new();
    let mut rows = stmt.raw_query();
    while let Some(row) = rows.next().map_err(engine)? {
        out.push(kind.decode::<T>(row)?.1);
    }
    Ok(out)
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
