//! The PostgreSQL backend of [`SnapshotStore`] and [`AppStore`](crate::AppStore), for shared
//! deployments with several server instances: the sync `postgres` client, a small pool of
//! connections ([`crate::pool`]), numbered migrations ([`migrations`]), and imports streamed with
//! `COPY` inside one transaction ([`write`]).
//!
//! Needs PostgreSQL 12 or later (exact shortest float output, which the lossless round trip of
//! fractions relies on). Connections are made without TLS (the server is expected on the same host or a private
//! network); the `--database` URL may set `options=-c search_path=<schema>` to keep Sightline's
//! tables in a schema of their own.

mod app;
mod copy;
mod migrations;
mod read;
mod write;

use std::ops::ControlFlow;

use postgres::{Client, NoTls};
use sightline_model::CaseRecords;
use sightline_model::ids::ChildId;

use crate::error::{BackendError, StoreError};
use crate::group_commit::GroupCommit;
use crate::mapping;
use crate::pool::{Pool, Pooled};
use crate::{ImportProgress, NewSnapshot, SnapshotId, SnapshotStore, SnapshotSummary};

/// Connections kept at most per store: enough for a busy server instance on a few cores, few
/// enough that several instances stay well under PostgreSQL's default of 100.
const POOL_SIZE: usize = 16;

/// The snapshot and application store in a PostgreSQL database.
pub struct PostgresStore {
    pool: Pool<Client>,
    target: String,
    /// Audit appends waiting to be written together.
    audit: GroupCommit,
}

impl std::fmt::Debug for PostgresStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PostgresStore")
            .field("target", &self.target)
            .finish_non_exhaustive()
    }
}

impl PostgresStore {
    /// The schema version this build creates and reads.
    pub const LATEST_SCHEMA_VERSION: i64 = migrations::LATEST;

    /// Connects to the database at `url` (`postgres://user@host:port/db`, libpq key=value
    /// strings work too) and applies pending migrations.
    pub fn connect(url: &str) -> Result<Self, StoreError> {
        let config: postgres::Config = url.parse().map_err(|err| StoreError::Connect {
            target: "(the URL given, which does not parse)".to_owned(),
            source: BackendError::new(err),
        })?;
        let target = describe(&config);
        let mut first = open_client(&config, &target)?;
        migrations::migrate(&mut first, &target)?;
        let pool_target = target.clone();
        let pool = Pool::with_first(POOL_SIZE, first, move || open_client(&config, &pool_target));
        Ok(PostgresStore {
            pool,
            target,
            audit: GroupCommit::default(),
        })
    }

    /// The server and database, without any password.
    pub fn target(&self) -> &str {
        &self.target
    }

    /// The schema version of the database (always [`Self::LATEST_SCHEMA_VERSION`] once open).
    pub fn schema_version(&self) -> Result<i64, StoreError> {
        self.with_client(|client| {
            migrations::current_version(client)
                .map_err(|err| database_error("reading the schema version", err))
        })
    }

    /// Runs `f` on a pooled connection, closing the connection instead of reusing it if it broke.
    fn with_client<T>(
        &self,
        f: impl FnOnce(&mut Client) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut client: Pooled<'_, Client> = self.pool.get()?;
        let out = f(&mut client);
        if client.is_closed() {
            client.discard();
        }
        out
    }

    /// Imports with `&self` (the trait's `&mut self` only mirrors SQLite's single connection).
    pub(crate) fn import_shared(
        &self,
        snapshots: &[NewSnapshot<'_>],
        progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
    ) -> Result<Vec<SnapshotId>, StoreError> {
        self.with_client(|client| {
            // Dropping the transaction on any early return rolls it back.
            let mut tx = client
                .transaction()
                .map_err(|err| database_error("starting an import", err))?;
            let ids = write::write_snapshots(&mut tx, snapshots, progress)?;
            tx.commit()
                .map_err(|err| database_error("committing an import", err))?;
            Ok(ids)
        })
    }

    /// Runs `f` in a read-only, repeatable-read transaction, so that the several queries of one
    /// answer see the same data while other instances import.
    fn read<T>(
        &self,
        f: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.with_client(|client| {
            let mut tx = client
                .build_transaction()
                .isolation_level(postgres::IsolationLevel::RepeatableRead)
                .read_only(true)
                .start()
                .map_err(|err| database_error("starting a read", err))?;
            let out = f(&mut tx)?;
            tx.commit()
                .map_err(|err| database_error("ending a read", err))?;
            Ok(out)
        })
    }

    pub(crate) fn list_shared(&self) -> Result<Vec<SnapshotSummary>, StoreError> {
        self.read(|tx| mapping::read::list(&mut read::Reader(tx)))
    }

    pub(crate) fn show_shared(
        &self,
        id: SnapshotId,
    ) -> Result<Option<SnapshotSummary>, StoreError> {
        self.read(|tx| mapping::read::summary(&mut read::Reader(tx), id))
    }

    pub(crate) fn load_shared(
        &self,
        id: SnapshotId,
        child: Option<&ChildId>,
    ) -> Result<CaseRecords, StoreError> {
        self.read(|tx| mapping::read::records(&mut read::Reader(tx), id, child))
    }

    pub(crate) fn latest_shared(
        &self,
        source_format: Option<&str>,
    ) -> Result<Option<SnapshotSummary>, StoreError> {
        self.read(|tx| match read::latest_id(tx, source_format)? {
            Some(id) => mapping::read::summary(&mut read::Reader(tx), id),
            None => Ok(None),
        })
    }
}

fn open_client(config: &postgres::Config, target: &str) -> Result<Client, StoreError> {
    config.connect(NoTls).map_err(|err| StoreError::Connect {
        target: target.to_owned(),
        source: BackendError::new(err),
    })
}

/// `postgres://user@host:port/db`, never the password.
fn describe(config: &postgres::Config) -> String {
    let hosts: Vec<String> = config
        .get_hosts()
        .iter()
        .zip(config.get_ports().iter().chain(std::iter::repeat(&5432)))
        .map(|(host, port)| match host {
            postgres::config::Host::Tcp(name) => format!("{name}:{port}"),
            postgres::config::Host::Unix(path) => format!("{}:{port}", path.display()),
        })
        .collect();
    format!(
        "postgres://{}@{}/{}",
        config.get_user().unwrap_or(""),
        hosts.join(","),
        config.get_dbname().unwrap_or("")
    )
}

pub(crate) fn database_error(action: &'static str, err: postgres::Error) -> StoreError {
    StoreError::Database {
        action,
        source: BackendError::new(err),
    }
}

impl SnapshotStore for PostgresStore {
    fn import_with_progress(
        &mut self,
        snapshots: &[NewSnapshot<'_>],
        progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
    ) -> Result<Vec<SnapshotId>, StoreError> {
        self.import_shared(snapshots, progress)
    }

    fn list(&self) -> Result<Vec<SnapshotSummary>, StoreError> {
        self.list_shared()
    }

    fn show(&self, id: SnapshotId) -> Result<Option<SnapshotSummary>, StoreError> {
        self.show_shared(id)
    }

    fn load(&self, id: SnapshotId) -> Result<CaseRecords, StoreError> {
        self.load_shared(id, None)
    }

    fn child(&self, id: SnapshotId, child: &ChildId) -> Result<CaseRecords, StoreError> {
        self.load_shared(id, Some(child))
    }

    fn latest(&self, source_format: Option<&str>) -> Result<Option<SnapshotSummary>, StoreError> {
        self.latest_shared(source_format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_target_names_server_and_database_but_no_password() {
        let config: postgres::Config = "postgres://amy:secret@db.example:6543/sightline"
            .parse()
            .unwrap();
        assert_eq!(
            describe(&config),
            "postgres://amy@db.example:6543/sightline"
        );
    }

    #[test]
    fn an_unreachable_server_is_a_clear_error() {
        // Port 1 on the loopback refuses connections at once.
        let err = PostgresStore::connect("postgres://nobody:pw@127.0.0.1:1/none").unwrap_err();
        assert_eq!(
            err.to_string(),
            "cannot connect to the database postgres://nobody@127.0.0.1:1/none"
        );
        let err = PostgresStore::connect("postgres://[::1").unwrap_err();
        assert!(matches!(err, StoreError::Connect { .. }), "{err:?}");
    }
}
