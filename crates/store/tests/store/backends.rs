//! Fresh, empty stores of each backend for the shared suite, and the macro that runs one test
//! function against both.
//!
//! PostgreSQL: `SIGHTLINE_TEST_POSTGRES` (default `postgres://postgres@127.0.0.1:5432/test`).
//! Each test gets its own schema, made before and dropped after, so tests run in parallel and leave
//! nothing behind. An unreachable server fails the test, unless `SIGHTLINE_SKIP_POSTGRES=1`.

use sightline_store::{AppStore, SnapshotStore, SqliteAppStore, SqliteStore};

/// One empty database seen through both traits.
pub struct Fresh {
    /// Imports and snapshot reads through [`SnapshotStore`].
    pub snapshots: Box<dyn SnapshotStore>,
    /// The same database through [`AppStore`].
    pub app: Box<dyn AppStore>,
    /// Plain SQL on the same database, to damage it as an intruder would.
    pub raw: Raw,
    /// Dropped last: removes the PostgreSQL schema, or the SQLite directory.
    _cleanup: Cleanup,
}

/// Direct access to a test database, bypassing the store.
pub enum Raw {
    Sqlite(std::path::PathBuf),
    Postgres(String),
}

impl Raw {
    /// Runs `sql` (several statements allowed); returns the error text when it fails.
    pub fn execute(&self, sql: &str) -> Result<(), String> {
        match self {
            Raw::Sqlite(path) => rusqlite::Connection::open(path)
                .and_then(|conn| conn.execute_batch(sql))
                .map_err(|err| err.to_string()),
            Raw::Postgres(url) => postgres::Client::connect(url, postgres::NoTls)
                .and_then(|mut client| client.batch_execute(sql))
                .map_err(|err| format!("{err:?}")),
        }
    }

    /// Another store on the same database, as a second server instance would open it.
    pub fn another_app_store(&self) -> Box<dyn AppStore> {
        match self {
            Raw::Sqlite(path) => Box::new(SqliteAppStore::open(path).unwrap()),
            Raw::Postgres(url) => Box::new(sightline_store::PostgresStore::connect(url).unwrap()),
        }
    }

    /// Removes the triggers that refuse edits of the audit log, as a database owner could.
    pub fn drop_audit_triggers(&self) {
        let sql = match self {
            Raw::Sqlite(_) => "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;",
            Raw::Postgres(_) => {
                "DROP TRIGGER audit_log_no_update ON audit_log; \
                 DROP TRIGGER audit_log_no_delete ON audit_log;"
            }
        };
        self.execute(sql).unwrap();
    }
}

enum Cleanup {
    Directory(#[allow(dead_code)] tempfile::TempDir),
    Schema(Box<postgres::Client>, String),
}

impl Drop for Cleanup {
    fn drop(&mut self) {
        if let Cleanup::Schema(client, schema) = self {
            // Best effort: a leftover schema is harmless and named as a test's.
            let _ = client.batch_execute(&format!("DROP SCHEMA IF EXISTS {schema} CASCADE"));
        }
    }
}

/// An SQLite file in a temporary directory (a file rather than memory, so the app store's read
/// pool is exercised).
pub fn sqlite() -> Fresh {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sightline.db");
    let snapshots = Box::new(SqliteStore::open(&path).unwrap());
    let app = Box::new(SqliteAppStore::open(&path).unwrap());
    Fresh {
        snapshots,
        app,
        raw: Raw::Sqlite(path),
        _cleanup: Cleanup::Directory(dir),
    }
}

/// The server's URL for tests.
pub fn postgres_url() -> String {
    std::env::var("SIGHTLINE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned())
}

/// Whether PostgreSQL tests are skipped (`SIGHTLINE_SKIP_POSTGRES=1`).
pub fn skip_postgres() -> bool {
    std::env::var("SIGHTLINE_SKIP_POSTGRES").is_ok_and(|v| v == "1")
}

/// A new schema on the test server; `None` only when PostgreSQL tests are skipped.
pub fn postgres_schema() -> Option<(postgres::Client, String, String)> {
    if skip_postgres() {
        return None;
    }
    use std::sync::atomic::{AtomicU32, Ordering};
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let base = postgres_url();
    let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|err| {
        panic!(
            "PostgreSQL is not reachable at {base} ({err}); start it (see .ci/run), set \
             SIGHTLINE_TEST_POSTGRES to another server, or SIGHTLINE_SKIP_POSTGRES=1 to skip \
             the PostgreSQL tests"
        )
    });
    let schema = format!(
        "sightline_test_{}_{}_{}",
        std::process::id(),
        NEXT.fetch_add(1, Ordering::SeqCst),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    );
    client
        .batch_execute(&format!("CREATE SCHEMA {schema}"))
        .unwrap();
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options=-csearch_path%3D{schema}");
    Some((client, schema, url))
}

/// A fresh PostgreSQL schema; `None` only when PostgreSQL tests are skipped.
pub fn postgres() -> Option<Fresh> {
    let (client, schema, url) = postgres_schema()?;
    let snapshots = Box::new(sightline_store::PostgresStore::connect(&url).unwrap());
    let app = Box::new(sightline_store::PostgresStore::connect(&url).unwrap());
    Some(Fresh {
        snapshots,
        app,
        raw: Raw::Postgres(url),
        _cleanup: Cleanup::Schema(Box::new(client), schema),
    })
}

/// Runs each named `fn(Fresh)` once per backend, as `<name>::sqlite` and `<name>::postgres`.
macro_rules! on_both_backends {
    ($($test:ident),+ $(,)?) => {$(
        mod $test {
            #[test]
            fn sqlite() {
                super::$test(crate::backends::sqlite());
            }

            #[test]
            fn postgres() {
                if let Some(fresh) = crate::backends::postgres() {
                    super::$test(fresh);
                }
            }
        }
    )+};
}

pub(crate) use on_both_backends;
