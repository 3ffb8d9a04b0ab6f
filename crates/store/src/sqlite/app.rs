//! The SQLite [`AppStore`]: one writer connection behind a mutex (every write, so audit appends
//! and imports are serialised within the process, and `BEGIN IMMEDIATE` serialises them with other
//! processes), plus a pool of read connections that WAL lets run beside the writer. Audit appends
//! are grouped ([`GroupCommit`]): concurrent requests share one transaction.

use std::ops::ControlFlow;
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

use chrono::NaiveDateTime;
use rusqlite::{Connection, OpenFlags, OptionalExtension, Row, TransactionBehavior, ffi};

use super::{SqliteOptions, SqliteStore, configure, database_error, open_error, read};
use crate::app::{
    AppStore, AuditEntry, AuditFilter, ChainCheck, GENESIS_HASH, NewAuditEntry, NewPlanUpdate,
    NewSession, NewUser, NewValidationRun, PlanUpdate, Session, StoredFinding, User,
    ValidationRunSummary, chain_entries, check_rag, format_timestamp, one_user_changed,
    parse_timestamp, severity_counts,
};
use crate::error::StoreError;
use crate::group_commit::GroupCommit;
use crate::mapping;
use crate::mapping::app_rows::{
    AUDIT_COLUMNS, AppRow, FINDING_COLUMNS, PLAN_COLUMNS, RUN_COLUMNS, SESSION_COLUMNS,
    USER_COLUMNS, audit_entry, finding, plan_update, session, user_at, validation_run,
};
use crate::pool::Pool;
use crate::{CaseRecords, ImportProgress, NewSnapshot, SnapshotId, SnapshotStore, SnapshotSummary};

/// Read connections kept at most; WAL readers do not block each other or the writer.
const READERS: usize = 8;
/// Page cache of each read connection, KiB.
const READER_CACHE_KIB: u32 = 16 * 1024;

/// The application store in one SQLite file (the same file as the snapshots).
pub struct SqliteAppStore {
    writer: Mutex<SqliteStore>,
    /// Audit appends waiting to be written together.
    audit: GroupCommit,
    /// `None` for an in-memory store, whose only connection is the writer.
    readers: Option<Pool<Connection>>,
    path: PathBuf,
}

impl std::fmt::Debug for SqliteAppStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SqliteAppStore")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl SqliteAppStore {
    /// Opens (creating or migrating, as [`SqliteStore::open`]) the store at `path`.
    pub fn open(path: &Path) -> Result<Self, StoreError> {
        let writer = SqliteStore::open(path)?;
        let owned = path.to_owned();
        let readers = Pool::new(READERS, move || open_reader(&owned));
        Ok(SqliteAppStore {
            writer: Mutex::new(writer),
            audit: GroupCommit::default(),
            readers: Some(readers),
            path: path.to_owned(),
        })
    }

    /// A store in memory with a single connection (tests).
    pub fn open_in_memory() -> Result<Self, StoreError> {
        Ok(SqliteAppStore {
            writer: Mutex::new(SqliteStore::open_in_memory()?),
            audit: GroupCommit::default(),
            readers: None,
            path: PathBuf::from(":memory:"),
        })
    }

    /// The path this store was opened at.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn writer(&self) -> MutexGuard<'_, SqliteStore> {
        // A panic mid-write dropped its transaction, which rolled back: the connection is sound.
        self.writer.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Runs `f` on a read connection.
    fn read<T>(
        &self,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        match &self.readers {
            Some(pool) => f(&*pool.get()?),
            None => f(&self.writer().conn),
        }
    }

    /// Runs `f` in an immediate (write-locking) transaction and commits when it succeeds.
    fn write<T>(
        &self,
        action: &'static str,
        f: impl FnOnce(&Connection) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let mut writer = self.writer();
        let tx = writer
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)
            .map_err(|err| database_error(action, err))?;
        let out = f(&tx)?;
        tx.commit().map_err(|err| database_error(action, err))?;
        Ok(out)
    }
}

impl SqliteAppStore {
    /// Writes queued audit entries in one transaction. The immediate transaction holds the write
    /// lock from the read of the chain's head to the commit, so no other process can append in
    /// between.
    fn append_audit_batch(&self, batch: &[NewAuditEntry]) -> Result<Vec<AuditEntry>, StoreError> {
        const ACTION: &str = "appending to the audit log";
        self.write(ACTION, |tx| {
            let failed = |err| database_error(ACTION, err);
            let head: Option<(i64, String)> = tx
                .prepare_cached("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1")
                .and_then(|mut stmt| {
                    stmt.query_row([], |row| Ok((row.get(0)?, row.get(1)?)))
                        .optional()
                })
                .map_err(failed)?;
            let (head_seq, head_hash) = head.unwrap_or((0, GENESIS_HASH.to_owned()));
            let stored = chain_entries(head_seq, &head_hash, batch);
            let mut insert = tx
                .prepare_cached(&format!(
                    "INSERT INTO audit_log ({AUDIT_COLUMNS}) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)"
                ))
                .map_err(failed)?;
            for next in &stored {
                insert
                    .execute(rusqlite::params![
                        next.seq,
                        format_timestamp(next.at),
                        next.user_name,
                        next.role,
                        next.action,
                        next.subject,
                        next.page,
                        next.prev_hash,
                        next.hash,
                    ])
                    .map_err(failed)?;
            }
            Ok(stored)
        })
    }
}

fn open_reader(path: &Path) -> Result<Connection, StoreError> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags).map_err(|err| open_error(path, err))?;
    let setup = || -> rusqlite::Result<()> {
        conn.busy_timeout(super::BUSY_TIMEOUT)?;
        configure(
            &conn,
            true,
            SqliteOptions {
                cache_kib: READER_CACHE_KIB,
            },
        )?;
        conn.pragma_update(None, "query_only", true)
    };
    setup().map_err(|err| open_error(path, err))?;
    Ok(conn)
}

/// The extended result code of a failed statement, if it is an SQLite failure.
fn extended_code(err: &rusqlite::Error) -> Option<i32> {
    match err {
        rusqlite::Error::SqliteFailure(failure, _) => Some(failure.extended_code),
        _ => None,
    }
}

fn is_unique_violation(err: &rusqlite::Error) -> bool {
    matches!(
        extended_code(err),
        Some(ffi::SQLITE_CONSTRAINT_UNIQUE | ffi::SQLITE_CONSTRAINT_PRIMARYKEY)
    )
}

fn is_foreign_key_violation(err: &rusqlite::Error) -> bool {
    extended_code(err) == Some(ffi::SQLITE_CONSTRAINT_FOREIGNKEY)
}

/// SQLite keeps app timestamps as text ([`format_timestamp`]).
impl AppRow for Row<'_> {
    type Error = rusqlite::Error;

    fn int(&self, index: usize) -> rusqlite::Result<i64> {
        self.get(index)
    }

    fn int32(&self, index: usize) -> rusqlite::Result<i32> {
        self.get(index)
    }

    fn opt_int(&self, index: usize) -> rusqlite::Result<Option<i64>> {
        self.get(index)
    }

    fn text(&self, index: usize) -> rusqlite::Result<String> {
        self.get(index)
    }

    fn opt_text(&self, index: usize) -> rusqlite::Result<Option<String>> {
        self.get(index)
    }

    fn flag(&self, index: usize) -> rusqlite::Result<bool> {
        self.get(index)
    }

    /// Fails the row with a conversion error when the text does not parse.
    fn timestamp(&self, index: usize) -> rusqlite::Result<NaiveDateTime> {
        let text: String = self.get(index)?;
        parse_timestamp(&text).map_err(|problem| {
            rusqlite::Error::FromSqlConversionFailure(
                index,
                rusqlite::types::Type::Text,
                Box::new(std::io::Error::other(problem)),
            )
        })
    }
}

fn user_by_id(conn: &Connection, id: i64) -> rusqlite::Result<User> {
    conn.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users WHERE id = ?1"))?
        .query_row([id], |row| user_at(row, 0))
}

impl AppStore for SqliteAppStore {
    fn add_user(&self, user: &NewUser) -> Result<User, StoreError> {
        const ACTION: &str = "adding a user";
        self.write(ACTION, |tx| {
            let inserted = tx
                .prepare_cached(
                    "INSERT INTO users (name, role, team, password_hash, created_at, disabled) \
                     VALUES (?1, ?2, ?3, ?4, ?5, 0)",
                )
                .and_then(|mut stmt| {
                    stmt.execute((
                        &user.name,
                        &user.role,
                        &user.team,
                        &user.password_hash,
                        format_timestamp(user.created_at),
                    ))
                });
            match inserted {
                Ok(_) => {}
                Err(err) if is_unique_violation(&err) => {
                    return Err(StoreError::Conflict {
                        what: format!("user '{}'", user.name),
                    });
                }
                Err(err) => return Err(database_error(ACTION, err)),
            }
            user_by_id(tx, tx.last_insert_rowid()).map_err(|err| database_error(ACTION, err))
        })
    }

    fn user_by_name(&self, name: &str) -> Result<Option<User>, StoreError> {
        self.read(|conn| {
            conn.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users WHERE name = ?1"))
                .and_then(|mut stmt| stmt.query_row([name], |row| user_at(row, 0)).optional())
                .map_err(|err| database_error("finding a user", err))
        })
    }

    fn users(&self) -> Result<Vec<User>, StoreError> {
        self.read(|conn| {
            conn.prepare_cached(&format!("SELECT {USER_COLUMNS} FROM users ORDER BY name"))
                .and_then(|mut stmt| stmt.query_map([], |row| user_at(row, 0))?.collect())
                .map_err(|err| database_error("listing users", err))
        })
    }

    fn set_password(&self, user_id: i64, password_hash: &str) -> Result<(), StoreError> {
        const ACTION: &str = "changing a password";
        self.write(ACTION, |tx| {
            let changed = tx
                .execute(
                    "UPDATE users SET password_hash = ?2 WHERE id = ?1",
                    (user_id, password_hash),
                )
                .map_err(|err| database_error(ACTION, err))?;
            one_user_changed(changed as u64, user_id)
        })
    }

    fn set_disabled(&self, user_id: i64, disabled: bool) -> Result<(), StoreError> {
        const ACTION: &str = "disabling a user";
        self.write(ACTION, |tx| {
            let changed = tx
                .execute(
                    "UPDATE users SET disabled = ?2 WHERE id = ?1",
                    (user_id, disabled),
                )
                .map_err(|err| database_error(ACTION, err))?;
            one_user_changed(changed as u64, user_id)
        })
    }

    fn create_session(&self, session: &NewSession) -> Result<(), StoreError> {
        const ACTION: &str = "creating a session";
        self.write(ACTION, |tx| {
            let inserted = tx
                .prepare_cached(
                    "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
                     VALUES (?1, ?2, ?3, ?4, ?5)",
                )
                .and_then(|mut stmt| {
                    stmt.execute((
                        &session.token_hash,
                        session.user_id,
                        &session.csrf_token,
                        format_timestamp(session.created_at),
                        format_timestamp(session.expires_at),
                    ))
                });
            match inserted {
                Ok(_) => Ok(()),
                Err(err) if is_foreign_key_violation(&err) => Err(StoreError::NotFound {
                    what: "user",
                    id: session.user_id,
                }),
                Err(err) if is_unique_violation(&err) => Err(StoreError::Conflict {
                    what: "a session with this token".to_owned(),
                }),
                Err(err) => Err(database_error(ACTION, err)),
            }
        })
    }

    fn session(&self, token_hash: &str, now: NaiveDateTime) -> Result<Option<Session>, StoreError> {
        self.read(|conn| {
            let sql = format!(
                "SELECT {SESSION_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id \
                 WHERE s.token_hash = ?1 AND s.expires_at > ?2 AND u.disabled = 0"
            );
            conn.prepare_cached(&sql)
                .and_then(|mut stmt| {
                    stmt.query_row((token_hash, format_timestamp(now)), |row| session(row))
                        .optional()
                })
                .map_err(|err| database_error("finding a session", err))
        })
    }

    fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        const ACTION: &str = "deleting a session";
        self.write(ACTION, |tx| {
            tx.execute("DELETE FROM sessions WHERE token_hash = ?1", [token_hash])
                .map(drop)
                .map_err(|err| database_error(ACTION, err))
        })
    }

    fn delete_expired_sessions(&self, now: NaiveDateTime) -> Result<u64, StoreError> {
        const ACTION: &str = "deleting expired sessions";
        self.write(ACTION, |tx| {
            tx.execute(
                "DELETE FROM sessions WHERE expires_at <= ?1",
                [format_timestamp(now)],
            )
            .map(|n| n as u64)
            .map_err(|err| database_error(ACTION, err))
        })
    }

    fn record_login_failure(&self, name: &str, at: NaiveDateTime) -> Result<(), StoreError> {
        const ACTION: &str = "recording a failed login";
        self.write(ACTION, |tx| {
            tx.prepare_cached("INSERT INTO login_failures (name, at) VALUES (?1, ?2)")
                .and_then(|mut stmt| stmt.execute((name, format_timestamp(at))))
                .map(drop)
                .map_err(|err| database_error(ACTION, err))
        })
    }

    fn login_failures_since(&self, name: &str, since: NaiveDateTime) -> Result<u64, StoreError> {
        self.read(|conn| {
            conn.prepare_cached("SELECT count(*) FROM login_failures WHERE name = ?1 AND at >= ?2")
                .and_then(|mut stmt| {
                    stmt.query_row((name, format_timestamp(since)), |row| row.get::<_, i64>(0))
                })
                .map(i64::unsigned_abs)
                .map_err(|err| database_error("counting failed logins", err))
        })
    }

    fn append_audit(&self, entry: &NewAuditEntry) -> Result<AuditEntry, StoreError> {
        self.audit
            .append(entry, |batch| self.append_audit_batch(batch))
    }

    fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        let limit = filter
            .limit
            .map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX));
        self.read(|conn| {
            conn.prepare_cached(&format!(
                "SELECT {AUDIT_COLUMNS} FROM audit_log \
                 WHERE (?1 IS NULL OR user_name = ?1) \
                 AND (?2 IS NULL OR substr(subject, 1, length(?2)) = ?2) \
                 AND (?3 IS NULL OR at >= ?3) \
                 ORDER BY seq DESC LIMIT ?4"
            ))
            .and_then(|mut stmt| {
                stmt.query_map(
                    (
                        &filter.user_name,
                        &filter.subject_prefix,
                        filter.since.map(format_timestamp),
                        limit,
                    ),
                    |row| audit_entry(row),
                )?
                .collect()
            })
            .map_err(|err| database_error("reading the audit log", err))
        })
    }

    fn verify_audit_chain(&self) -> Result<Result<u64, i64>, StoreError> {
        self.read(|conn| {
            let failed = |err| database_error("verifying the audit log", err);
            let tx = conn.unchecked_transaction().map_err(failed)?;
            let mut stmt = tx
                .prepare(&format!(
                    "SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY seq"
                ))
                .map_err(failed)?;
            let mut rows = stmt.query([]).map_err(failed)?;
            let mut check = ChainCheck::new();
            while let Some(row) = rows.next().map_err(failed)? {
                let seq: i64 = row.get(0).map_err(failed)?;
                // A time edited into something unreadable is tampering, not a read failure.
                let Ok(entry) = audit_entry(row) else {
                    return Ok(Err(seq));
                };
                if !check.next(&entry) {
                    break;
                }
            }
            Ok(check.finish())
        })
    }

    fn add_plan_update(&self, update: &NewPlanUpdate) -> Result<PlanUpdate, StoreError> {
        const ACTION: &str = "adding a plan update";
        check_rag(&update.rag)?;
        self.write(ACTION, |tx| {
            tx.prepare_cached(
                "INSERT INTO plan_updates (plan_id, target, at, author, rag, commentary) \
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )
            .and_then(|mut stmt| {
                stmt.execute((
                    &update.plan_id,
                    &update.target,
                    format_timestamp(update.at),
                    &update.author,
                    &update.rag,
                    &update.commentary,
                ))
            })
            .map_err(|err| database_error(ACTION, err))?;
            tx.prepare_cached(&format!(
                "SELECT {PLAN_COLUMNS} FROM plan_updates WHERE id = ?1"
            ))
            .and_then(|mut stmt| stmt.query_row([tx.last_insert_rowid()], |row| plan_update(row)))
            .map_err(|err| database_error(ACTION, err))
        })
    }

    fn plan_updates(&self, plan_id: &str) -> Result<Vec<PlanUpdate>, StoreError> {
        self.read(|conn| {
            conn.prepare_cached(&format!(
                "SELECT {PLAN_COLUMNS} FROM plan_updates WHERE plan_id = ?1 ORDER BY id"
            ))
            .and_then(|mut stmt| stmt.query_map([plan_id], |row| plan_update(row))?.collect())
            .map_err(|err| database_error("reading plan updates", err))
        })
    }

    fn record_validation(&self, run: &NewValidationRun<'_>) -> Result<i64, StoreError> {
        const ACTION: &str = "recording a validation run";
        let (errors, queries) = severity_counts(run.findings);
        self.write(ACTION, |tx| {
            let failed = |err| database_error(ACTION, err);
            let exists = tx
                .prepare_cached("SELECT 1 FROM snapshots WHERE id = ?1")
                .and_then(|mut stmt| stmt.exists([run.snapshot.0]))
                .map_err(failed)?;
            if !exists {
                return Err(StoreError::SnapshotNotFound(run.snapshot));
            }
            tx.prepare_cached(
                "INSERT INTO validation_runs (snapshot_id, ruleset, collection_year, ran_at, \
                 rules_run, rules_skipped, errors, queries) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
            )
            .and_then(|mut stmt| {
                stmt.execute((
                    run.snapshot.0,
                    &run.ruleset,
                    run.collection_year,
                    format_timestamp(run.ran_at),
                    run.rules_run,
                    run.rules_skipped,
                    errors as i64,
                    queries as i64,
                ))
            })
            .map_err(failed)?;
            let run_id = tx.last_insert_rowid();
            let mut insert = tx
                .prepare_cached(
                    "INSERT INTO validation_findings (run_id, seq, rule_code, severity, \
                     table_name, row_number, child_id, fields, message) \
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
                )
                .map_err(failed)?;
            for (seq, finding) in (0i64..).zip(run.findings) {
                let row_number = finding
                    .row_number
                    .map(|n| i64::try_from(n).unwrap_or(i64::MAX));
                insert
                    .execute(rusqlite::params![
                        run_id,
                        seq,
                        finding.rule_code,
                        finding.severity,
                        finding.table,
                        row_number,
                        finding.child_id,
                        finding.fields,
                        finding.message,
                    ])
                    .map_err(failed)?;
            }
            Ok(run_id)
        })
    }

    fn validation_runs(
        &self,
        snapshot: SnapshotId,
    ) -> Result<Vec<ValidationRunSummary>, StoreError> {
        self.read(|conn| {
            conn.prepare_cached(&format!(
                "SELECT {RUN_COLUMNS} FROM validation_runs WHERE snapshot_id = ?1 ORDER BY id"
            ))
            .and_then(|mut stmt| {
                stmt.query_map([snapshot.0], |row| validation_run(row))?
                    .collect()
            })
            .map_err(|err| database_error("listing validation runs", err))
        })
    }

    fn findings(&self, run_id: i64) -> Result<Vec<StoredFinding>, StoreError> {
        self.read(|conn| {
            let failed = |err| database_error("reading validation findings", err);
            let tx = conn.unchecked_transaction().map_err(failed)?;
            let exists = tx
                .prepare_cached("SELECT 1 FROM validation_runs WHERE id = ?1")
                .and_then(|mut stmt| stmt.exists([run_id]))
                .map_err(failed)?;
            if !exists {
                return Err(StoreError::NotFound {
                    what: "validation run",
                    id: run_id,
                });
            }
            tx.prepare_cached(&format!(
                "SELECT {FINDING_COLUMNS} FROM validation_findings WHERE run_id = ?1 ORDER BY seq"
            ))
            .and_then(|mut stmt| stmt.query_map([run_id], |row| finding(row))?.collect())
            .map_err(failed)
        })
    }

    fn list_snapshots(&self) -> Result<Vec<SnapshotSummary>, StoreError> {
        self.read(|conn| {
            let tx = read_transaction(conn)?;
            mapping::read::list(&mut read::Reader(&tx))
        })
    }

    fn snapshot_summary(&self, id: SnapshotId) -> Result<Option<SnapshotSummary>, StoreError> {
        self.read(|conn| {
            let tx = read_transaction(conn)?;
            mapping::read::summary(&mut read::Reader(&tx), id)
        })
    }

    fn load_snapshot(&self, id: SnapshotId) -> Result<CaseRecords, StoreError> {
        self.read(|conn| {
            let tx = read_transaction(conn)?;
            mapping::read::records(&mut read::Reader(&tx), id, None)
        })
    }

    fn latest_snapshot(
        &self,
        source_format: Option<&str>,
    ) -> Result<Option<SnapshotSummary>, StoreError> {
        self.read(|conn| {
            let tx = read_transaction(conn)?;
            match read::latest_id(&tx, source_format)? {
                Some(id) => mapping::read::summary(&mut read::Reader(&tx), id),
                None => Ok(None),
            }
        })
    }

    fn import_snapshots_with_progress(
        &self,
        snapshots: &[NewSnapshot<'_>],
        progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
    ) -> Result<Vec<SnapshotId>, StoreError> {
        self.writer().import_with_progress(snapshots, progress)
    }
}

fn read_transaction(conn: &Connection) -> Result<rusqlite::Transaction<'_>, StoreError> {
    conn.unchecked_transaction()
        .map_err(|err| database_error("starting a read", err))
}
