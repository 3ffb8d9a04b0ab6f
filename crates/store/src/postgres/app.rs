//! The PostgreSQL [`AppStore`]: every call borrows a pooled connection; writes are single
//! transactions; audit appends lock the one row of `audit_head`, so appends from all server
//! instances form one linear chain, and concurrent appends of one instance share a transaction
//! ([`crate::group_commit`]).

use std::io::Write;
use std::ops::ControlFlow;

use chrono::NaiveDateTime;
use postgres::Row;
use postgres::error::SqlState;

use super::copy::CopyLineWriter;
use super::{PostgresStore, database_error};
use crate::app::{
    AppStore, AuditEntry, AuditFilter, ChainCheck, NewAuditEntry, NewPlanUpdate, NewSession,
    NewUser, NewValidationRun, PlanUpdate, Session, StoredFinding, User, ValidationRunSummary,
    chain_entries, check_rag, one_user_changed, severity_counts,
};
use crate::error::{BackendError, StoreError};
use crate::mapping::app_rows::{
    AUDIT_COLUMNS, AppRow, FINDING_COLUMNS, PLAN_COLUMNS, RUN_COLUMNS, SESSION_COLUMNS,
    USER_COLUMNS, audit_entry, finding, plan_update, session, user_at, validation_run,
};
use crate::mapping::columns::ColumnSink;
use crate::{CaseRecords, ImportProgress, NewSnapshot, SnapshotId, SnapshotSummary};

fn is(err: &postgres::Error, state: &SqlState) -> bool {
    err.code() == Some(state)
}

/// PostgreSQL keeps app timestamps as `TIMESTAMP` and flags as `BOOLEAN`.
impl AppRow for Row {
    type Error = postgres::Error;

    fn int(&self, index: usize) -> Result<i64, postgres::Error> {
        self.try_get(index)
    }

    fn int32(&self, index: usize) -> Result<i32, postgres::Error> {
        self.try_get(index)
    }

    fn opt_int(&self, index: usize) -> Result<Option<i64>, postgres::Error> {
        self.try_get(index)
    }

    fn text(&self, index: usize) -> Result<String, postgres::Error> {
        self.try_get(index)
    }

    fn opt_text(&self, index: usize) -> Result<Option<String>, postgres::Error> {
        self.try_get(index)
    }

    fn flag(&self, index: usize) -> Result<bool, postgres::Error> {
        self.try_get(index)
    }

    fn timestamp(&self, index: usize) -> Result<NaiveDateTime, postgres::Error> {
        self.try_get(index)
    }
}

fn collect<T>(
    rows: Vec<Row>,
    convert: impl Fn(&Row) -> Result<T, postgres::Error>,
) -> Result<Vec<T>, postgres::Error> {
    rows.iter().map(convert).collect()
}

impl PostgresStore {
    /// Runs `f` in a read-write transaction and commits when it succeeds.
    fn write<T>(
        &self,
        action: &'static str,
        f: impl FnOnce(&mut postgres::Transaction<'_>) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        self.with_client(|client| {
            let mut tx = client
                .transaction()
                .map_err(|err| database_error(action, err))?;
            let out = f(&mut tx)?;
            tx.commit().map_err(|err| database_error(action, err))?;
            Ok(out)
        })
    }

    /// Runs one statement-level read outside any explicit transaction.
    fn query<T>(
        &self,
        action: &'static str,
        f: impl FnOnce(&mut postgres::Client) -> Result<T, postgres::Error>,
    ) -> Result<T, StoreError> {
        self.with_client(|client| f(client).map_err(|err| database_error(action, err)))
    }
}

impl PostgresStore {
    /// Writes queued audit entries in one transaction, holding the lock on the one row of
    /// `audit_head` until commit: appends from other instances wait for it, so the chain stays
    /// linear.
    fn append_audit_batch(&self, batch: &[NewAuditEntry]) -> Result<Vec<AuditEntry>, StoreError> {
        const ACTION: &str = "appending to the audit log";
        self.write(ACTION, |tx| {
            let failed = |err| database_error(ACTION, err);
            let head = tx
                .query_one(
                    "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE",
                    &[],
                )
                .map_err(failed)?;
            let head_seq: i64 = head.try_get(0).map_err(failed)?;
            let head_hash: String = head.try_get(1).map_err(failed)?;
            let stored = chain_entries(head_seq, &head_hash, batch);
            let Some(last) = stored.last() else {
                return Ok(stored);
            };
            let column = |f: fn(&AuditEntry) -> &str| stored.iter().map(f).collect::<Vec<_>>();
            let seqs: Vec<i64> = stored.iter().map(|e| e.seq).collect();
            let ats: Vec<NaiveDateTime> = stored.iter().map(|e| e.at).collect();
            tx.execute(
                &format!(
                    "INSERT INTO audit_log ({AUDIT_COLUMNS}) \
                     SELECT * FROM unnest($1::bigint[], $2::timestamp[], $3::text[], $4::text[], \
                     $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])"
                ),
                &[
                    &seqs,
                    &ats,
                    &column(|e| &e.user_name),
                    &column(|e| &e.role),
                    &column(|e| &e.action),
                    &column(|e| &e.subject),
                    &column(|e| &e.page),
                    &column(|e| &e.prev_hash),
                    &column(|e| &e.hash),
                ],
            )
            .map_err(failed)?;
            tx.execute(
                "UPDATE audit_head SET seq = $1, hash = $2 WHERE id = 1",
                &[&last.seq, &last.hash],
            )
            .map_err(failed)?;
            Ok(stored)
        })
    }
}

impl AppStore for PostgresStore {
    fn add_user(&self, user: &NewUser) -> Result<User, StoreError> {
        const ACTION: &str = "adding a user";
        self.write(ACTION, |tx| {
            let row = tx.query_one(
                &format!(
                    "INSERT INTO users (name, role, team, password_hash, created_at, disabled) \
                     VALUES ($1, $2, $3, $4, $5, FALSE) RETURNING {USER_COLUMNS}"
                ),
                &[
                    &user.name,
                    &user.role,
                    &user.team,
                    &user.password_hash,
                    &user.created_at,
                ],
            );
            match row {
                Ok(row) => user_at(&row, 0).map_err(|err| database_error(ACTION, err)),
                Err(err) if is(&err, &SqlState::UNIQUE_VIOLATION) => Err(StoreError::Conflict {
                    what: format!("user '{}'", user.name),
                }),
                Err(err) => Err(database_error(ACTION, err)),
            }
        })
    }

    fn user_by_name(&self, name: &str) -> Result<Option<User>, StoreError> {
        self.query("finding a user", |client| {
            client
                .query_opt(
                    &format!("SELECT {USER_COLUMNS} FROM users WHERE name = $1"),
                    &[&name],
                )?
                .map(|row| user_at(&row, 0))
                .transpose()
        })
    }

    fn users(&self) -> Result<Vec<User>, StoreError> {
        self.query("listing users", |client| {
            let rows = client.query(
                &format!("SELECT {USER_COLUMNS} FROM users ORDER BY name COLLATE \"C\""),
                &[],
            )?;
            collect(rows, |row| user_at(row, 0))
        })
    }

    fn set_password(&self, user_id: i64, password_hash: &str) -> Result<(), StoreError> {
        let changed = self.query("changing a password", |client| {
            client.execute(
                "UPDATE users SET password_hash = $2 WHERE id = $1",
                &[&user_id, &password_hash],
            )
        })?;
        one_user_changed(changed, user_id)
    }

    fn set_disabled(&self, user_id: i64, disabled: bool) -> Result<(), StoreError> {
        let changed = self.query("disabling a user", |client| {
            client.execute(
                "UPDATE users SET disabled = $2 WHERE id = $1",
                &[&user_id, &disabled],
            )
        })?;
        one_user_changed(changed, user_id)
    }

    fn create_session(&self, session: &NewSession) -> Result<(), StoreError> {
        const ACTION: &str = "creating a session";
        let inserted = self.with_client(|client| {
            Ok(client.execute(
                "INSERT INTO sessions (token_hash, user_id, csrf_token, created_at, expires_at) \
                 VALUES ($1, $2, $3, $4, $5)",
                &[
                    &session.token_hash,
                    &session.user_id,
                    &session.csrf_token,
                    &session.created_at,
                    &session.expires_at,
                ],
            ))
        })?;
        match inserted {
            Ok(_) => Ok(()),
            Err(err) if is(&err, &SqlState::FOREIGN_KEY_VIOLATION) => Err(StoreError::NotFound {
                what: "user",
                id: session.user_id,
            }),
            Err(err) if is(&err, &SqlState::UNIQUE_VIOLATION) => Err(StoreError::Conflict {
                what: "a session with this token".to_owned(),
            }),
            Err(err) => Err(database_error(ACTION, err)),
        }
    }

    fn session(&self, token_hash: &str, now: NaiveDateTime) -> Result<Option<Session>, StoreError> {
        self.query("finding a session", |client| {
            // Runs on every request: typed parameters make it one round trip instead of three
            // (prepare, execute, close), which is most of a page's cost on PostgreSQL.
            use postgres::types::Type;
            let row = client.query_typed_opt(
                &format!(
                    "SELECT {SESSION_COLUMNS} FROM sessions s JOIN users u ON u.id = s.user_id \
                     WHERE s.token_hash = $1 AND s.expires_at > $2 AND NOT u.disabled"
                ),
                &[(&token_hash, Type::TEXT), (&now, Type::TIMESTAMP)],
            )?;
            row.as_ref().map(session).transpose()
        })
    }

    fn delete_session(&self, token_hash: &str) -> Result<(), StoreError> {
        self.query("deleting a session", |client| {
            client
                .execute("DELETE FROM sessions WHERE token_hash = $1", &[&token_hash])
                .map(drop)
        })
    }

    fn delete_expired_sessions(&self, now: NaiveDateTime) -> Result<u64, StoreError> {
        self.query("deleting expired sessions", |client| {
            client.execute("DELETE FROM sessions WHERE expires_at <= $1", &[&now])
        })
    }

    fn record_login_failure(&self, name: &str, at: NaiveDateTime) -> Result<(), StoreError> {
        self.query("recording a failed login", |client| {
            client
                .execute(
                    "INSERT INTO login_failures (name, at) VALUES ($1, $2)",
                    &[&name, &at],
                )
                .map(drop)
        })
    }

    fn login_failures_since(&self, name: &str, since: NaiveDateTime) -> Result<u64, StoreError> {
        self.query("counting failed logins", |client| {
            client
                .query_one(
                    "SELECT count(*) FROM login_failures WHERE name = $1 AND at >= $2",
                    &[&name, &since],
                )?
                .try_get::<_, i64>(0)
                .map(i64::unsigned_abs)
        })
    }

    fn append_audit(&self, entry: &NewAuditEntry) -> Result<AuditEntry, StoreError> {
        self.audit
            .append(entry, |batch| self.append_audit_batch(batch))
    }

    fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError> {
        let limit = filter.limit.map(|n| i64::try_from(n).unwrap_or(i64::MAX));
        self.query("reading the audit log", |client| {
            let rows = client.query(
                &format!(
                    "SELECT {AUDIT_COLUMNS} FROM audit_log \
                     WHERE ($1::text IS NULL OR user_name = $1) \
                     AND ($2::text IS NULL OR starts_with(subject, $2)) \
                     AND ($3::timestamp IS NULL OR at >= $3) \
                     ORDER BY seq DESC LIMIT $4"
                ),
                &[
                    &filter.user_name,
                    &filter.subject_prefix,
                    &filter.since,
                    &limit,
                ],
            )?;
            collect(rows, audit_entry)
        })
    }

    fn verify_audit_chain(&self) -> Result<Result<u64, i64>, StoreError> {
        self.read(|tx| {
            let failed = |err| database_error("verifying the audit log", err);
            let portal = tx
                .bind(
                    &format!("SELECT {AUDIT_COLUMNS} FROM audit_log ORDER BY seq"),
                    &[],
                )
                .map_err(failed)?;
            let mut check = ChainCheck::new();
            loop {
                let rows = tx.query_portal(&portal, 10_000).map_err(failed)?;
                if rows.is_empty() {
                    break;
                }
                for row in &rows {
                    let entry = audit_entry(row).map_err(failed)?;
                    if !check.next(&entry) {
                        return Ok(check.finish());
                    }
                }
            }
            Ok(check.finish())
        })
    }

    fn add_plan_update(&self, update: &NewPlanUpdate) -> Result<PlanUpdate, StoreError> {
        check_rag(&update.rag)?;
        self.query("adding a plan update", |client| {
            let row = client.query_one(
                &format!(
                    "INSERT INTO plan_updates (plan_id, target, at, author, rag, commentary) \
                     VALUES ($1, $2, $3, $4, $5, $6) RETURNING {PLAN_COLUMNS}"
                ),
                &[
                    &update.plan_id,
                    &update.target,
                    &update.at,
                    &update.author,
                    &update.rag,
                    &update.commentary,
                ],
            )?;
            plan_update(&row)
        })
    }

    fn plan_updates(&self, plan_id: &str) -> Result<Vec<PlanUpdate>, StoreError> {
        self.query("reading plan updates", |client| {
            let rows = client.query(
                &format!("SELECT {PLAN_COLUMNS} FROM plan_updates WHERE plan_id = $1 ORDER BY id"),
                &[&plan_id],
            )?;
            collect(rows, plan_update)
        })
    }

    fn record_validation(&self, run: &NewValidationRun<'_>) -> Result<i64, StoreError> {
        const ACTION: &str = "recording a validation run";
        let (errors, queries) = severity_counts(run.findings);
        self.write(ACTION, |tx| {
            let failed = |err| database_error(ACTION, err);
            let exists = tx
                .query_opt("SELECT 1 FROM snapshots WHERE id = $1", &[&run.snapshot.0])
                .map_err(failed)?
                .is_some();
            if !exists {
                return Err(StoreError::SnapshotNotFound(run.snapshot));
            }
            let row = tx
                .query_one(
                    "INSERT INTO validation_runs (snapshot_id, ruleset, collection_year, ran_at, \
                     rules_run, rules_skipped, errors, queries) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id",
                    &[
                        &run.snapshot.0,
                        &run.ruleset,
                        &run.collection_year,
                        &run.ran_at,
                        &i64::from(run.rules_run),
                        &i64::from(run.rules_skipped),
                        &(errors as i64),
                        &(queries as i64),
                    ],
                )
                .map_err(failed)?;
            let run_id: i64 = row.try_get(0).map_err(failed)?;
            write_findings(tx, run_id, run.findings)?;
            Ok(run_id)
        })
    }

    fn validation_runs(
        &self,
        snapshot: SnapshotId,
    ) -> Result<Vec<ValidationRunSummary>, StoreError> {
        self.query("listing validation runs", |client| {
            let rows = client.query(
                &format!(
                    "SELECT {RUN_COLUMNS} FROM validation_runs WHERE snapshot_id = $1 ORDER BY id"
                ),
                &[&snapshot.0],
            )?;
            collect(rows, validation_run)
        })
    }

    fn findings(&self, run_id: i64) -> Result<Vec<StoredFinding>, StoreError> {
        self.read(|tx| {
            let failed = |err| database_error("reading validation findings", err);
            let exists = tx
                .query_opt("SELECT 1 FROM validation_runs WHERE id = $1", &[&run_id])
                .map_err(failed)?
                .is_some();
            if !exists {
                return Err(StoreError::NotFound {
                    what: "validation run",
                    id: run_id,
                });
            }
            let rows = tx
                .query(
                    &format!(
                        "SELECT {FINDING_COLUMNS} FROM validation_findings WHERE run_id = $1 \
                         ORDER BY seq"
                    ),
                    &[&run_id],
                )
                .map_err(failed)?;
            collect(rows, finding).map_err(failed)
        })
    }

    fn list_snapshots(&self) -> Result<Vec<SnapshotSummary>, StoreError> {
        self.list_shared()
    }

    fn snapshot_summary(&self, id: SnapshotId) -> Result<Option<SnapshotSummary>, StoreError> {
        self.show_shared(id)
    }

    fn load_snapshot(&self, id: SnapshotId) -> Result<CaseRecords, StoreError> {
        self.load_shared(id, None)
    }

    fn latest_snapshot(
        &self,
        source_format: Option<&str>,
    ) -> Result<Option<SnapshotSummary>, StoreError> {
        self.latest_shared(source_format)
    }

    fn import_snapshots_with_progress(
        &self,
        snapshots: &[NewSnapshot<'_>],
        progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
    ) -> Result<Vec<SnapshotId>, StoreError> {
        self.import_shared(snapshots, progress)
    }
}

/// Streams a run's findings with `COPY` (a large run has tens of thousands).
fn write_findings(
    tx: &mut postgres::Transaction<'_>,
    run_id: i64,
    findings: &[StoredFinding],
) -> Result<(), StoreError> {
    const ACTION: &str = "recording validation findings";
    if findings.is_empty() {
        return Ok(());
    }
    let io = |err: std::io::Error| StoreError::Database {
        action: ACTION,
        source: BackendError::new(err),
    };
    let mut buffer = Vec::with_capacity(64 * findings.len());
    for (seq, finding) in (0i64..).zip(findings) {
        let mut line = CopyLineWriter::start(&mut buffer, &[run_id, seq]);
        // Writing to a COPY line cannot fail: it only appends to the buffer.
        let _ = line.text(&finding.rule_code);
        let _ = line.text(&finding.severity);
        let _ = line.text(&finding.table);
        let _ = match finding.row_number {
            Some(n) => line.int(i64::try_from(n).unwrap_or(i64::MAX)),
            None => line.null(),
        };
        let _ = match &finding.child_id {
            Some(child) => line.text(child),
            None => line.null(),
        };
        let _ = line.text(&finding.fields);
        let _ = line.text(&finding.message);
        line.finish();
    }
    let mut writer = tx
        .copy_in(
            "COPY validation_findings (run_id, seq, rule_code, severity, table_name, \
             row_number, child_id, fields, message) FROM STDIN",
        )
        .map_err(|err| database_error(ACTION, err))?;
    writer.write_all(&buffer).map_err(io)?;
    writer.finish().map_err(|err| database_error(ACTION, err))?;
    Ok(())
}
