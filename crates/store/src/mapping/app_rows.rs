//! Application rows to domain types, the same for every backend: each query selects the columns
//! listed here, in this order, and the backend only says how to take one typed value from a row
//! ([`AppRow`]; SQLite keeps timestamps as text, PostgreSQL as `TIMESTAMP`).

use chrono::NaiveDateTime;

use crate::SnapshotId;
use crate::app::{AuditEntry, PlanUpdate, Session, StoredFinding, User, ValidationRunSummary};

/// One result row of an application query, read by column index.
pub(crate) trait AppRow {
    /// The engine's error.
    type Error;
    fn int(&self, index: usize) -> Result<i64, Self::Error>;
    fn int32(&self, index: usize) -> Result<i32, Self::Error>;
    fn opt_int(&self, index: usize) -> Result<Option<i64>, Self::Error>;
    fn text(&self, index: usize) -> Result<String, Self::Error>;
    fn opt_text(&self, index: usize) -> Result<Option<String>, Self::Error>;
    fn flag(&self, index: usize) -> Result<bool, Self::Error>;
    fn timestamp(&self, index: usize) -> Result<NaiveDateTime, Self::Error>;
}

/// Columns of `users` read by [`user_at`].
pub(crate) const USER_COLUMNS: &str = "id, name, role, team, password_hash, created_at, disabled";

/// A user from [`USER_COLUMNS`] starting at column `first`.
pub(crate) fn user_at<R: AppRow>(row: &R, first: usize) -> Result<User, R::Error> {
    Ok(User {
        id: row.int(first)?,
        name: row.text(first + 1)?,
        role: row.text(first + 2)?,
        team: row.opt_text(first + 3)?,
        password_hash: row.text(first + 4)?,
        created_at: row.timestamp(first + 5)?,
        disabled: row.flag(first + 6)?,
    })
}

/// Columns of a session joined with its user, read by [`session`] (`s` sessions, `u` users).
pub(crate) const SESSION_COLUMNS: &str = "s.token_hash, s.csrf_token, s.created_at, \
     s.expires_at, u.id, u.name, u.role, u.team, u.password_hash, u.created_at, u.disabled";

pub(crate) fn session<R: AppRow>(row: &R) -> Result<Session, R::Error> {
    Ok(Session {
        token_hash: row.text(0)?,
        csrf_token: row.text(1)?,
        created_at: row.timestamp(2)?,
        expires_at: row.timestamp(3)?,
        user: user_at(row, 4)?,
    })
}

/// Columns of `audit_log` read by [`audit_entry`].
pub(crate) const AUDIT_COLUMNS: &str =
    "seq, at, user_name, role, action, subject, page, prev_hash, hash";

pub(crate) fn audit_entry<R: AppRow>(row: &R) -> Result<AuditEntry, R::Error> {
    Ok(AuditEntry {
        seq: row.int(0)?,
        at: row.timestamp(1)?,
        user_name: row.text(2)?,
        role: row.text(3)?,
        action: row.text(4)?,
        subject: row.text(5)?,
        page: row.text(6)?,
        prev_hash: row.text(7)?,
        hash: row.text(8)?,
    })
}

/// Columns of `plan_updates` read by [`plan_update`].
pub(crate) const PLAN_COLUMNS: &str = "id, plan_id, target, at, author, rag, commentary";

pub(crate) fn plan_update<R: AppRow>(row: &R) -> Result<PlanUpdate, R::Error> {
    Ok(PlanUpdate {
        id: row.int(0)?,
        plan_id: row.text(1)?,
        target: row.text(2)?,
        at: row.timestamp(3)?,
        author: row.text(4)?,
        rag: row.text(5)?,
        commentary: row.text(6)?,
    })
}

/// Columns of `validation_runs` read by [`validation_run`].
pub(crate) const RUN_COLUMNS: &str = "id, snapshot_id, ruleset, collection_year, ran_at, \
     rules_run, rules_skipped, errors, queries";

pub(crate) fn validation_run<R: AppRow>(row: &R) -> Result<ValidationRunSummary, R::Error> {
    // Written from u32s and counts, so in range and never negative.
    let count = |index| row.int(index).map(i64::unsigned_abs);
    Ok(ValidationRunSummary {
        id: row.int(0)?,
        snapshot: SnapshotId(row.int(1)?),
        ruleset: row.text(2)?,
        collection_year: row.int32(3)?,
        ran_at: row.timestamp(4)?,
        rules_run: u32::try_from(count(5)?).unwrap_or(u32::MAX),
        rules_skipped: u32::try_from(count(6)?).unwrap_or(u32::MAX),
        errors: count(7)?,
        queries: count(8)?,
    })
}

/// Columns of `validation_findings` read by [`finding`].
pub(crate) const FINDING_COLUMNS: &str =
    "rule_code, severity, table_name, row_number, child_id, fields, message";

pub(crate) fn finding<R: AppRow>(row: &R) -> Result<StoredFinding, R::Error> {
    Ok(StoredFinding {
        rule_code: row.text(0)?,
        severity: row.text(1)?,
        table: row.text(2)?,
        row_number: row.opt_int(3)?.map(i64::unsigned_abs),
        child_id: row.opt_text(4)?,
        fields: row.text(5)?,
        message: row.text(6)?,
    })
}
