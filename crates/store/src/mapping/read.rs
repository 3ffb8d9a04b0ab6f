//! Reading snapshots back, the same for every backend: summaries assembled from the metadata
//! rows, and records put back in their original order. A backend only runs its queries
//! ([`SnapshotReader`]) and decodes each row through [`ReadKind::decode`].

use std::collections::HashMap;

use chrono::{NaiveDate, NaiveDateTime};
use sightline_model::CaseRecords;
use sightline_model::for_each_record_kind;
use sightline_model::ids::{ChildId, LaCode};

use super::columns::{ColumnError, ColumnSource};
use super::tables::{ChildKey, Table};
use crate::error::{BackendError, StoreError};
use crate::{FileProvenance, SnapshotId, SnapshotSummary};

/// `chrono` format of stored dates.
pub(crate) const DATE: &str = "%Y-%m-%d";
/// `chrono` format of stored timestamps: ISO 8601 with as many fraction digits as needed.
pub(crate) const DATE_TIME: &str = "%Y-%m-%dT%H:%M:%S%.f";

/// What errors about the `snapshots`, `snapshot_files` and `snapshot_counts` rows name.
pub(crate) const METADATA: &str = "snapshot metadata";

/// One row of `snapshots` as stored (both backends keep the same text encodings).
pub(crate) struct SnapshotRow {
    pub(crate) source_format: String,
    pub(crate) la_code: Option<i64>,
    pub(crate) extract_date: String,
    pub(crate) imported_at: String,
}

/// The queries a backend runs for the shared reads, inside one read transaction.
pub(crate) trait SnapshotReader {
    /// The engine's error.
    type Error: std::error::Error + Send + Sync + 'static;
    /// Every snapshot id, ascending.
    fn snapshot_ids(&mut self) -> Result<Vec<i64>, Self::Error>;
    /// The row of `snapshots`, or `None` when there is no such snapshot.
    fn snapshot_row(&mut self, id: SnapshotId) -> Result<Option<SnapshotRow>, Self::Error>;
    /// The snapshot's files, in order.
    fn files(&mut self, id: SnapshotId) -> Result<Vec<FileProvenance>, Self::Error>;
    /// Records per kind, keyed by table name.
    fn stored_counts(&mut self, id: SnapshotId) -> Result<HashMap<String, u64>, Self::Error>;
    /// Every record of `kind` (or only `child`'s, in `seq` order), decoded with
    /// [`ReadKind::decode`] and handed to `each` with its `seq`, in any order.
    fn read_kind<T: Table>(
        &mut self,
        kind: &ReadKind,
        child: Option<&ChildId>,
        each: impl FnMut(u64, T) -> Result<(), StoreError>,
    ) -> Result<(), StoreError>;
}

/// Every snapshot's summary, by id.
pub(crate) fn list<R: SnapshotReader>(reader: &mut R) -> Result<Vec<SnapshotSummary>, StoreError> {
    let ids = reader.snapshot_ids().map_err(|err| StoreError::Database {
        action: "listing snapshots",
        source: BackendError::new(err),
    })?;
    let mut out = Vec::with_capacity(ids.len());
    for id in ids {
        // The read transaction guarantees the row is still there.
        if let Some(summary) = summary(reader, SnapshotId(id))? {
            out.push(summary);
        }
    }
    Ok(out)
}

fn metadata_error(id: SnapshotId) -> impl Fn(BackendError) -> StoreError {
    move |source| StoreError::Read {
        snapshot: id,
        what: METADATA,
        source,
    }
}

/// One snapshot's summary, or `None` if it does not exist.
pub(crate) fn summary<R: SnapshotReader>(
    reader: &mut R,
    id: SnapshotId,
) -> Result<Option<SnapshotSummary>, StoreError> {
    let failed = |err: R::Error| metadata_error(id)(BackendError::new(err));
    let Some(row) = reader.snapshot_row(id).map_err(failed)? else {
        return Ok(None);
    };
    let corrupt = |column: &'static str, problem: String| StoreError::Corrupt {
        snapshot: id,
        what: METADATA,
        row: 0,
        column,
        problem,
    };
    let la_code = row
        .la_code
        .map(|n| {
            u16::try_from(n)
                .map(LaCode)
                .map_err(|_| corrupt("la_code", format!("{n} is not an LA code")))
        })
        .transpose()?;
    let extract_date = NaiveDate::parse_from_str(&row.extract_date, DATE).map_err(|_| {
        let text = &row.extract_date;
        corrupt("extract_date", format!("'{text}' is not a date"))
    })?;
    let imported_at = NaiveDateTime::parse_from_str(&row.imported_at, DATE_TIME).map_err(|_| {
        let text = &row.imported_at;
        corrupt("imported_at", format!("'{text}' is not a date-time"))
    })?;

    let files = reader.files(id).map_err(failed)?;
    let stored = reader.stored_counts(id).map_err(failed)?;
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
        source_format: row.source_format,
        la_code,
        extract_date,
        imported_at,
        files,
        counts,
    }))
}

/// Every record of a snapshot, or only those of one child.
pub(crate) fn records<R: SnapshotReader>(
    reader: &mut R,
    id: SnapshotId,
    child: Option<&ChildId>,
) -> Result<CaseRecords, StoreError> {
    let failed = |err: R::Error| metadata_error(id)(BackendError::new(err));
    if reader.snapshot_row(id).map_err(failed)?.is_none() {
        return Err(StoreError::SnapshotNotFound(id));
    }
    let counts = reader.stored_counts(id).map_err(failed)?;
    let mut out = CaseRecords::default();
    macro_rules! read_kind {
        ($field:ident, $label:literal) => {
            let table = stringify!($field);
            let kind = ReadKind {
                snapshot: id,
                table,
                label: $label,
            };
            out.$field = match child {
                Some(child) => read_child_records(reader, &kind, child)?,
                None => {
                    let expected = counts.get(table).copied().unwrap_or(0);
                    read_all_records(reader, &kind, expected)?
                }
            };
        };
    }
    for_each_record_kind!(read_kind);
    Ok(out)
}

/// The record kind being read, for queries and error messages.
pub(crate) struct ReadKind {
    pub(crate) snapshot: SnapshotId,
    pub(crate) table: &'static str,
    pub(crate) label: &'static str,
}

impl ReadKind {
    /// The engine failed while reading this kind.
    pub(crate) fn engine_error(
        &self,
        err: impl std::error::Error + Send + Sync + 'static,
    ) -> StoreError {
        StoreError::Read {
            snapshot: self.snapshot,
            what: self.label,
            source: BackendError::new(err),
        }
    }

    /// A stored value of this kind does not decode.
    pub(crate) fn corrupt(&self, row: u64, column: &'static str, problem: String) -> StoreError {
        StoreError::Corrupt {
            snapshot: self.snapshot,
            what: self.label,
            row,
            column,
            problem,
        }
    }

    /// Decodes one record from `source` (positioned after `seq`), naming the failing column.
    pub(crate) fn decode<T: Table, S: ColumnSource>(
        &self,
        seq: i64,
        source: &mut S,
    ) -> Result<(u64, T), StoreError> {
        let seq =
            u64::try_from(seq).map_err(|_| self.corrupt(0, "seq", format!("{seq} is negative")))?;
        match T::read(source) {
            Ok(record) => Ok((seq, record)),
            Err(ColumnError::Engine(source)) => Err(StoreError::Read {
                snapshot: self.snapshot,
                what: self.label,
                source,
            }),
            Err(ColumnError::Corrupt(problem) | ColumnError::Unstorable(problem)) => {
                let column = T::COLUMNS.get(source.column()).copied().unwrap_or("?");
                Err(self.corrupt(seq, column, problem))
            }
        }
    }
}

/// All `expected` records of a kind, put back in `seq` order whatever order the backend yields
/// them in (tables clustered by child yield them by child).
fn read_all_records<R: SnapshotReader, T: Table>(
    reader: &mut R,
    kind: &ReadKind,
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
    reader.read_kind(kind, None, |seq, record| {
        match usize::try_from(seq).ok().and_then(|s| slots.get_mut(s)) {
            Some(slot @ None) => *slot = Some(record),
            Some(Some(_)) => return Err(kind.corrupt(seq, "seq", "appears twice".to_owned())),
            None => {
                let problem = format!("is beyond the {expected} records counted");
                return Err(kind.corrupt(seq, "seq", problem));
            }
        }
        Ok(())
    })?;
    let missing = slots.iter().filter(|slot| slot.is_none()).count();
    if missing > 0 {
        let problem = format!("{missing} of the {expected} records counted are missing");
        return Err(kind.corrupt(0, "seq", problem));
    }
    Ok(slots.into_iter().flatten().collect())
}

/// One child's records of a kind, in `seq` order (none for kinds without a child).
fn read_child_records<R: SnapshotReader, T: Table>(
    reader: &mut R,
    kind: &ReadKind,
    child: &ChildId,
) -> Result<Vec<T>, StoreError> {
    let mut out = Vec::new();
    if T::CHILD == ChildKey::Absent {
        return Ok(out);
    }
    reader.read_kind(kind, Some(child), |_, record| {
        out.push(record);
        Ok(())
    })?;
    Ok(out)
}
