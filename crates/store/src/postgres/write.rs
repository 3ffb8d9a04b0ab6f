//! Writing snapshots to PostgreSQL: the statements behind the shared import of
//! [`crate::mapping::write`], metadata through ordinary statements, then every record kind
//! streamed with `COPY ... FROM STDIN` (text format), all inside the caller's transaction.
//!
//! Imports are serialised by a transaction-scoped advisory lock, which also makes the next
//! snapshot id (`max + 1`) safe to take: ids increase without gaps, as in SQLite.

use std::io::Write;
use std::ops::ControlFlow;

use postgres::Transaction;

use super::copy::CopyLineWriter;
use crate::error::StoreError;
use crate::mapping::tables::Table;
use crate::mapping::write::{
    NewSnapshotRow, SnapshotWriter, Target, WriteKind, file_bytes, write_columns,
};
use crate::{FileProvenance, ImportProgress, NewSnapshot, SnapshotId};

/// Advisory lock key held by an import until it commits.
const IMPORT_LOCK: i64 = 0x5347_4C4E_0002;

/// Bytes of `COPY` data buffered before they are sent.
const COPY_CHUNK: usize = 1 << 20;

/// Takes the import lock, then writes every snapshot in order and returns their ids.
pub(super) fn write_snapshots(
    tx: &mut Transaction<'_>,
    snapshots: &[NewSnapshot<'_>],
    progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
) -> Result<Vec<SnapshotId>, StoreError> {
    tx.execute("SELECT pg_advisory_xact_lock($1)", &[&IMPORT_LOCK])
        .map_err(|err| super::database_error("waiting for another import", err))?;
    crate::mapping::write::write_snapshots(&mut Writer(tx), snapshots, progress)
}

/// The shared import inside one transaction.
struct Writer<'a, 't>(&'a mut Transaction<'t>);

impl SnapshotWriter for Writer<'_, '_> {
    fn write_metadata(
        &mut self,
        target: &Target<'_>,
        row: &NewSnapshotRow<'_>,
        files: &[FileProvenance],
        counts: &[(&'static str, i64)],
    ) -> Result<SnapshotId, StoreError> {
        let tx = &mut *self.0;
        let failed = |err| target.metadata_error(err);
        let inserted = tx
            .query_one(
                "INSERT INTO snapshots (id, source_format, la_code, extract_date, imported_at) \
                 SELECT coalesce(max(id), 0) + 1, $1, $2, $3, $4 FROM snapshots RETURNING id",
                &[
                    &row.source_format,
                    &row.la_code,
                    &row.extract_date,
                    &row.imported_at,
                ],
            )
            .map_err(failed)?;
        let id = SnapshotId(inserted.try_get(0).map_err(failed)?);

        let insert_file = tx
            .prepare(
                "INSERT INTO snapshot_files (snapshot_id, seq, name, sha256, bytes) \
                 VALUES ($1, $2, $3, $4, $5)",
            )
            .map_err(failed)?;
        for (seq, file) in (0i64..).zip(files) {
            let bytes = file_bytes(target, seq, file)?;
            tx.execute(
                &insert_file,
                &[&id.0, &seq, &file.name, &file.sha256, &bytes],
            )
            .map_err(failed)?;
        }

        let (kinds, records): (Vec<&str>, Vec<i64>) = counts.iter().copied().unzip();
        tx.execute(
            "INSERT INTO snapshot_counts (snapshot_id, kind, records) \
             SELECT $1, kind, records FROM unnest($2::text[], $3::bigint[]) AS c (kind, records)",
            &[&id.0, &kinds, &records],
        )
        .map_err(failed)?;
        Ok(id)
    }

    /// Streams the records with `COPY`.
    fn write_records<T: Table>(
        &mut self,
        id: SnapshotId,
        target: &Target<'_>,
        kind: &WriteKind,
        records: &[(u64, &T)],
    ) -> Result<(), StoreError> {
        let engine = |err| target.write_error(kind.label, None, err);
        let sql = format!(
            "COPY {} (snapshot_id, seq, {}) FROM STDIN",
            kind.table,
            T::COLUMNS.join(", ")
        );
        // Dropping the writer without `finish` aborts the COPY (and so the transaction).
        let mut writer = self.0.copy_in(&sql).map_err(engine)?;
        let mut buffer = Vec::with_capacity(COPY_CHUNK + 4096);
        for &(seq, record) in records {
            // seq fits: a Vec cannot hold i64::MAX records.
            let mut line = CopyLineWriter::start(&mut buffer, &[id.0, seq as i64]);
            write_columns(target, kind, seq, record, &mut line)?;
            line.finish();
            if buffer.len() >= COPY_CHUNK {
                writer
                    .write_all(&buffer)
                    .map_err(|err| target.write_error(kind.label, None, err))?;
                buffer.clear();
            }
        }
        writer
            .write_all(&buffer)
            .map_err(|err| target.write_error(kind.label, None, err))?;
        writer.finish().map_err(engine)?;
        Ok(())
    }
}
