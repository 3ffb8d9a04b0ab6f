//! The backend-neutral mapping between record kinds and table columns: [`tables`] says which
//! columns hold which field, [`columns`] how each value is encoded, [`enums`] the stored words of
//! the model's own enums. Backends supply a [`columns::ColumnSink`] and a
//! [`columns::ColumnSource`]. [`read`] and [`write`] hold the snapshot logic both backends share
//! (summaries, records back in order, the import loop with progress and cancellation); backends
//! implement their small [`read::SnapshotReader`] and [`write::SnapshotWriter`] traits with their
//! own SQL. [`app_rows`] turns application rows into domain types through one small
//! [`app_rows::AppRow`] per backend.

pub(crate) mod app_rows;
pub(crate) mod columns;
pub(crate) mod enums;
pub(crate) mod read;
pub(crate) mod tables;
pub(crate) mod write;
