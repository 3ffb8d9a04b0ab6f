//! Application data besides snapshots: users, login sessions, failed logins, the tamper-evident
//! audit log, improvement-plan updates and validation findings, behind the [`AppStore`] trait.
//!
//! The trait takes `&self` and is `Send + Sync`, so a web server shares one store between all its
//! request handlers; backends pool connections inside. [`open_app_store`] picks the backend from
//! the `--database` argument.
//!
//! **Audit chain.** Each [`AuditEntry`] carries `hash` = SHA-256 over the previous entry's hash,
//! its own `seq` and every field ([`audit_hash`]); the first entry's `prev_hash` is
//! [`GENESIS_HASH`]. Appends are serialised by the backend (one writer at a time, even across
//! server instances), so the chain stays linear, and [`AppStore::verify_audit_chain`] finds the
//! first entry that was edited, inserted or removed (removing only the newest entries cannot be
//! seen from the chain alone). Times are kept to the microsecond, the precision both backends
//! store, so a hash computed at append time verifies after a round trip.

use std::ops::ControlFlow;
use std::path::Path;

use chrono::{NaiveDateTime, SubsecRound};
use sha2::{Digest, Sha256};

use crate::error::StoreError;
use crate::{CaseRecords, ImportProgress, NewSnapshot, SnapshotId, SnapshotSummary};

/// A user to create. Roles are stored as given; the web crate maps them to capabilities.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewUser {
    /// Login name, unique (case-sensitive).
    pub name: String,
    /// Role name, e.g. `social_worker`, `team_manager`, `analyst`, `admin`.
    pub role: String,
    /// Team the user belongs to, when the role is team-scoped.
    pub team: Option<String>,
    /// Password hash as an argon2 PHC string; the store never sees a password.
    pub password_hash: String,
    /// When the account was created.
    pub created_at: NaiveDateTime,
}

/// A stored user.
#[derive(Clone, PartialEq, Eq)]
pub struct User {
    /// Identifier assigned by the store.
    pub id: i64,
    /// Login name.
    pub name: String,
    /// Role name.
    pub role: String,
    /// Team, when any.
    pub team: Option<String>,
    /// Password hash (PHC string).
    pub password_hash: String,
    /// When the account was created.
    pub created_at: NaiveDateTime,
    /// A disabled user cannot log in and has no valid session.
    pub disabled: bool,
}

impl std::fmt::Debug for User {
    // The password hash stays out of logs.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("User")
            .field("id", &self.id)
            .field("name", &self.name)
            .field("role", &self.role)
            .field("team", &self.team)
            .field("created_at", &self.created_at)
            .field("disabled", &self.disabled)
            .finish_non_exhaustive()
    }
}

/// A login session to create; the cookie carries a random token, the store keeps only its SHA-256.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewSession {
    /// SHA-256 (hex) of the cookie's token.
    pub token_hash: String,
    /// The user logged in.
    pub user_id: i64,
    /// The token forms must echo (double-submit protection).
    pub csrf_token: String,
    /// Login time.
    pub created_at: NaiveDateTime,
    /// After this instant the session is no longer returned.
    pub expires_at: NaiveDateTime,
}

/// A live session with its user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// SHA-256 (hex) of the cookie's token.
    pub token_hash: String,
    /// The user logged in.
    pub user: User,
    /// The token forms must echo.
    pub csrf_token: String,
    /// Login time.
    pub created_at: NaiveDateTime,
    /// Expiry.
    pub expires_at: NaiveDateTime,
}

/// One audit record to append.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewAuditEntry {
    /// When it happened (kept to the microsecond).
    pub at: NaiveDateTime,
    /// Who did it.
    pub user_name: String,
    /// Their role at the time.
    pub role: String,
    /// What they did: `view_child`, `view_children_behind`, `export`...
    pub action: String,
    /// What it concerned: `child:<id>`, `indicator:<id>/2026-03`...
    pub subject: String,
    /// The request path.
    pub page: String,
}

/// A stored audit record, linked to the previous one by its hash.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AuditEntry {
    /// Position in the log, from 1, without gaps.
    pub seq: i64,
    /// When it happened.
    pub at: NaiveDateTime,
    /// Who did it.
    pub user_name: String,
    /// Their role at the time.
    pub role: String,
    /// What they did.
    pub action: String,
    /// What it concerned.
    pub subject: String,
    /// The request path.
    pub page: String,
    /// Hash of the previous entry ([`GENESIS_HASH`] for the first).
    pub prev_hash: String,
    /// [`audit_hash`] of this entry.
    pub hash: String,
}

/// Which audit records to return (all conditions must hold); newest first.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AuditFilter {
    /// Only this user's records.
    pub user_name: Option<String>,
    /// Only records whose subject starts with this text, e.g. `child:C123`.
    pub subject_prefix: Option<String>,
    /// Only records at or after this time.
    pub since: Option<NaiveDateTime>,
    /// At most this many records.
    pub limit: Option<usize>,
}

/// A progress update on an improvement-plan priority or action (append-only).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlanUpdate {
    /// The plan.
    pub plan_id: String,
    /// The priority or action id within the plan.
    pub target: String,
    /// When it was written.
    pub at: NaiveDateTime,
    /// Who wrote it.
    pub author: String,
    /// `red`, `amber`, `green` or `complete`.
    pub rag: String,
    /// Free text.
    pub commentary: String,
}

/// A stored plan update.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanUpdate {
    /// Identifier assigned by the store (increasing).
    pub id: i64,
    /// The plan.
    pub plan_id: String,
    /// The priority or action id.
    pub target: String,
    /// When it was written.
    pub at: NaiveDateTime,
    /// Who wrote it.
    pub author: String,
    /// `red`, `amber`, `green` or `complete`.
    pub rag: String,
    /// Free text.
    pub commentary: String,
}

/// The RAG words a plan update may carry.
pub const PLAN_RAGS: [&str; 4] = ["red", "amber", "green", "complete"];

/// One validation finding as stored against a snapshot.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredFinding {
    /// DfE rule code.
    pub rule_code: String,
    /// `error` or `query`.
    pub severity: String,
    /// The return's table (or XML element) the finding is in.
    pub table: String,
    /// Row (or record position) in that table, when known.
    pub row_number: Option<u64>,
    /// The child concerned, when known.
    pub child_id: Option<String>,
    /// The fields involved, comma-separated.
    pub fields: String,
    /// The DfE message.
    pub message: String,
}

/// A validation run to record: snapshots stay immutable, runs are appended beside them.
#[derive(Clone, Debug)]
pub struct NewValidationRun<'a> {
    /// The snapshot validated.
    pub snapshot: SnapshotId,
    /// `ssda903` or `cin`.
    pub ruleset: String,
    /// Collection year the rules were run for.
    pub collection_year: i32,
    /// When the run happened.
    pub ran_at: NaiveDateTime,
    /// Rules run.
    pub rules_run: u32,
    /// Rules skipped.
    pub rules_skipped: u32,
    /// Everything found.
    pub findings: &'a [StoredFinding],
}

/// A recorded validation run without its findings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidationRunSummary {
    /// Identifier assigned by the store (increasing).
    pub id: i64,
    /// The snapshot validated.
    pub snapshot: SnapshotId,
    /// `ssda903` or `cin`.
    pub ruleset: String,
    /// Collection year.
    pub collection_year: i32,
    /// When the run happened.
    pub ran_at: NaiveDateTime,
    /// Rules run.
    pub rules_run: u32,
    /// Rules skipped.
    pub rules_skipped: u32,
    /// Findings of severity `error`.
    pub errors: u64,
    /// Findings of severity `query`.
    pub queries: u64,
}

/// Everything the web app and reports keep besides snapshots, with `&self` so that a server can
/// share one store between request handlers.
pub trait AppStore: Send + Sync {
    /// Creates a user; a name already taken gives [`StoreError::Conflict`].
    fn add_user(&self, user: &NewUser) -> Result<User, StoreError>;
    /// The user with this login name.
    fn user_by_name(&self, name: &str) -> Result<Option<User>, StoreError>;
    /// Every user, by name.
    fn users(&self) -> Result<Vec<User>, StoreError>;
    /// Replaces a user's password hash ([`StoreError::NotFound`] for an unknown id).
    fn set_password(&self, user_id: i64, password_hash: &str) -> Result<(), StoreError>;
    /// Disables or re-enables a user ([`StoreError::NotFound`] for an unknown id).
    fn set_disabled(&self, user_id: i64, disabled: bool) -> Result<(), StoreError>;

    /// Stores a new session ([`StoreError::NotFound`] for an unknown user).
    fn create_session(&self, session: &NewSession) -> Result<(), StoreError>;
    /// The session with this token hash, or `None` when unknown, expired at `now`, or its user is
    /// disabled.
    fn session(&self, token_hash: &str, now: NaiveDateTime) -> Result<Option<Session>, StoreError>;
    /// Ends a session (logging out); unknown tokens are ignored.
    fn delete_session(&self, token_hash: &str) -> Result<(), StoreError>;
    /// Removes sessions expired at `now`; returns how many.
    fn delete_expired_sessions(&self, now: NaiveDateTime) -> Result<u64, StoreError>;

    /// Records a failed login, for rate limiting across server instances.
    fn record_login_failure(&self, name: &str, at: NaiveDateTime) -> Result<(), StoreError>;
    /// Failed logins for `name` at or after `since`.
    fn login_failures_since(&self, name: &str, since: NaiveDateTime) -> Result<u64, StoreError>;

    /// Appends to the audit log, serialised with every other append (also from other processes).
    fn append_audit(&self, entry: &NewAuditEntry) -> Result<AuditEntry, StoreError>;
    /// Audit records matching `filter`, newest first.
    fn audit(&self, filter: &AuditFilter) -> Result<Vec<AuditEntry>, StoreError>;
    /// Checks the whole chain: `Ok(entries)` when intact, `Err(seq)` naming the first entry whose
    /// position, link or hash is wrong.
    fn verify_audit_chain(&self) -> Result<Result<u64, i64>, StoreError>;

    /// Appends a plan update (a RAG outside [`PLAN_RAGS`] gives [`StoreError::Invalid`]).
    fn add_plan_update(&self, update: &NewPlanUpdate) -> Result<PlanUpdate, StoreError>;
    /// A plan's updates, oldest first.
    fn plan_updates(&self, plan_id: &str) -> Result<Vec<PlanUpdate>, StoreError>;

    /// Records a validation run and its findings in one transaction; returns the run's id.
    /// An unknown snapshot gives [`StoreError::SnapshotNotFound`].
    fn record_validation(&self, run: &NewValidationRun<'_>) -> Result<i64, StoreError>;
    /// A snapshot's validation runs, oldest first.
    fn validation_runs(
        &self,
        snapshot: SnapshotId,
    ) -> Result<Vec<ValidationRunSummary>, StoreError>;
    /// A run's findings in the order recorded ([`StoreError::NotFound`] for an unknown run).
    fn findings(&self, run_id: i64) -> Result<Vec<StoredFinding>, StoreError>;

    /// Every snapshot, as [`SnapshotStore::list`](crate::SnapshotStore::list).
    fn list_snapshots(&self) -> Result<Vec<SnapshotSummary>, StoreError>;
    /// One snapshot's summary, as [`SnapshotStore::show`](crate::SnapshotStore::show).
    fn snapshot_summary(&self, id: SnapshotId) -> Result<Option<SnapshotSummary>, StoreError>;
    /// Every record of a snapshot, as [`SnapshotStore::load`](crate::SnapshotStore::load).
    fn load_snapshot(&self, id: SnapshotId) -> Result<CaseRecords, StoreError>;
    /// The latest snapshot, as [`SnapshotStore::latest`](crate::SnapshotStore::latest).
    fn latest_snapshot(
        &self,
        source_format: Option<&str>,
    ) -> Result<Option<SnapshotSummary>, StoreError>;
    /// Imports snapshots all or nothing, as [`SnapshotStore::import`](crate::SnapshotStore::import)
    /// (the analyst upload page). Other writes wait while it runs.
    fn import_snapshots(
        &self,
        snapshots: &[NewSnapshot<'_>],
    ) -> Result<Vec<SnapshotId>, StoreError> {
        self.import_snapshots_with_progress(snapshots, &mut |_| ControlFlow::Continue(()))
    }
    /// Like [`import_snapshots`](Self::import_snapshots) with progress and cancellation, as
    /// [`SnapshotStore::import_with_progress`](crate::SnapshotStore::import_with_progress).
    fn import_snapshots_with_progress(
        &self,
        snapshots: &[NewSnapshot<'_>],
        progress: &mut dyn FnMut(&ImportProgress) -> ControlFlow<()>,
    ) -> Result<Vec<SnapshotId>, StoreError>;
}

/// Opens the store a `--database` argument names: `postgres://...` or `postgresql://...` ->
/// PostgreSQL, `sqlite://path` or a plain file path -> SQLite. Runs pending migrations.
pub fn open_app_store(database: &str) -> Result<Box<dyn AppStore>, StoreError> {
    match Backend::parse(database) {
        Backend::Postgres(url) => Ok(Box::new(crate::postgres::PostgresStore::connect(url)?)),
        Backend::Sqlite(path) => Ok(Box::new(crate::sqlite::SqliteAppStore::open(path)?)),
    }
}

/// Which backend a `--database` argument names.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Backend<'a> {
    /// A PostgreSQL connection URL.
    Postgres(&'a str),
    /// An SQLite file.
    Sqlite(&'a Path),
}

impl<'a> Backend<'a> {
    pub(crate) fn parse(database: &'a str) -> Self {
        if database.starts_with("postgres://") || database.starts_with("postgresql://") {
            Backend::Postgres(database)
        } else {
            let path = database.strip_prefix("sqlite://").unwrap_or(database);
            Backend::Sqlite(Path::new(path))
        }
    }
}

/// `prev_hash` of the first audit entry.
pub const GENESIS_HASH: &str = "0000000000000000000000000000000000000000000000000000000000000000";

/// The hash of an audit entry: SHA-256 (lower-case hex) over the previous hash, the sequence
/// number and every field, each length-prefixed so that no two entries hash the same input.
pub fn audit_hash(prev_hash: &str, seq: i64, entry: &NewAuditEntry) -> String {
    let mut hasher = Sha256::new();
    let seq = seq.to_string();
    let at = format_timestamp(entry.at);
    for part in [
        prev_hash,
        &seq,
        &at,
        &entry.user_name,
        &entry.role,
        &entry.action,
        &entry.subject,
        &entry.page,
    ] {
        hasher.update((part.len() as u64).to_be_bytes());
        hasher.update(part.as_bytes());
    }
    hex(&hasher.finalize())
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    let mut out = String::with_capacity(bytes.len() * 2);
    for byte in bytes {
        // Writing to a String cannot fail.
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// The audit entry `entry` becomes at position `seq` after `prev_hash`, its time truncated to the
/// microsecond.
pub(crate) fn chain_entry(prev_hash: &str, seq: i64, entry: &NewAuditEntry) -> AuditEntry {
    let entry = NewAuditEntry {
        at: entry.at.trunc_subsecs(6),
        ..entry.clone()
    };
    let hash = audit_hash(prev_hash, seq, &entry);
    AuditEntry {
        seq,
        at: entry.at,
        user_name: entry.user_name,
        role: entry.role,
        action: entry.action,
        subject: entry.subject,
        page: entry.page,
        prev_hash: prev_hash.to_owned(),
        hash,
    }
}

/// The entries `batch` becomes appended after the entry `head_seq` whose hash is `head_hash`
/// (`0` and [`GENESIS_HASH`] for an empty log), each linked to the one before.
pub(crate) fn chain_entries(
    head_seq: i64,
    head_hash: &str,
    batch: &[NewAuditEntry],
) -> Vec<AuditEntry> {
    let mut stored: Vec<AuditEntry> = Vec::with_capacity(batch.len());
    for (seq, entry) in (head_seq + 1..).zip(batch) {
        let prev_hash = stored.last().map_or(head_hash, |last| &last.hash);
        let next = chain_entry(prev_hash, seq, entry);
        stored.push(next);
    }
    stored
}

impl AuditEntry {
    /// The fields the entry was appended with.
    fn fields(&self) -> NewAuditEntry {
        NewAuditEntry {
            at: self.at,
            user_name: self.user_name.clone(),
            role: self.role.clone(),
            action: self.action.clone(),
            subject: self.subject.clone(),
            page: self.page.clone(),
        }
    }
}

/// Walks entries in `seq` order and returns the first whose position, link or hash is wrong.
#[derive(Debug)]
pub(crate) struct ChainCheck {
    expected_seq: i64,
    prev_hash: String,
    first_bad: Option<i64>,
}

impl ChainCheck {
    pub(crate) fn new() -> Self {
        ChainCheck {
            expected_seq: 1,
            prev_hash: GENESIS_HASH.to_owned(),
            first_bad: None,
        }
    }

    /// Checks the next entry; returns `false` once a bad one was found (no need to read on).
    pub(crate) fn next(&mut self, entry: &AuditEntry) -> bool {
        let good = entry.seq == self.expected_seq
            && entry.prev_hash == self.prev_hash
            && entry.hash == audit_hash(&entry.prev_hash, entry.seq, &entry.fields());
        if !good {
            self.first_bad = Some(entry.seq.min(self.expected_seq));
            return false;
        }
        self.expected_seq += 1;
        self.prev_hash.clone_from(&entry.hash);
        true
    }

    pub(crate) fn finish(self) -> Result<u64, i64> {
        match self.first_bad {
            Some(seq) => Err(seq),
            None => Ok((self.expected_seq - 1).unsigned_abs()),
        }
    }
}

/// Stored form of app timestamps: ISO 8601 with exactly six fraction digits, so that text order is
/// time order.
pub(crate) const TIMESTAMP: &str = "%Y-%m-%dT%H:%M:%S%.6f";

pub(crate) fn format_timestamp(at: NaiveDateTime) -> String {
    at.format(TIMESTAMP).to_string()
}

pub(crate) fn parse_timestamp(text: &str) -> Result<NaiveDateTime, String> {
    NaiveDateTime::parse_from_str(text, TIMESTAMP)
        .map_err(|_| format!("'{text}' is not a timestamp (YYYY-MM-DDTHH:MM:SS.ffffff)"))
}

/// Refuses a RAG word outside [`PLAN_RAGS`].
pub(crate) fn check_rag(rag: &str) -> Result<(), StoreError> {
    if PLAN_RAGS.contains(&rag) {
        Ok(())
    } else {
        Err(StoreError::Invalid {
            what: "plan update",
            problem: format!("RAG '{rag}' is not one of red, amber, green, complete"),
        })
    }
}

/// Fails with [`StoreError::NotFound`] when an update touched no user.
pub(crate) fn one_user_changed(changed: u64, user_id: i64) -> Result<(), StoreError> {
    if changed == 0 {
        return Err(StoreError::NotFound {
            what: "user",
            id: user_id,
        });
    }
    Ok(())
}

/// Counts of findings by severity: (errors, queries).
pub(crate) fn severity_counts(findings: &[StoredFinding]) -> (u64, u64) {
    let errors = findings.iter().filter(|f| f.severity == "error").count() as u64;
    let queries = findings.iter().filter(|f| f.severity == "query").count() as u64;
    (errors, queries)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> NaiveDateTime {
        text.parse().unwrap()
    }

    fn entry(user: &str) -> NewAuditEntry {
        NewAuditEntry {
            at: at("2026-03-02T10:15:00.123456789"),
            user_name: user.to_owned(),
            role: "social_worker".to_owned(),
            action: "view_child".to_owned(),
            subject: "child:C1".to_owned(),
            page: "/children/C1".to_owned(),
        }
    }

    #[test]
    fn database_arguments_name_their_backend() {
        assert_eq!(
            Backend::parse("postgres://u@h/db"),
            Backend::Postgres("postgres://u@h/db")
        );
        assert_eq!(
            Backend::parse("postgresql://h/db"),
            Backend::Postgres("postgresql://h/db")
        );
        assert_eq!(
            Backend::parse("sqlite://data/s.db"),
            Backend::Sqlite(Path::new("data/s.db"))
        );
        assert_eq!(Backend::parse("s.db"), Backend::Sqlite(Path::new("s.db")));
    }

    #[test]
    fn timestamps_keep_text_order_and_round_trip() {
        let early = at("2026-03-02T10:15:00");
        let later = at("2026-03-02T10:15:00.5");
        assert_eq!(format_timestamp(early), "2026-03-02T10:15:00.000000");
        assert!(format_timestamp(early) < format_timestamp(later));
        assert_eq!(parse_timestamp(&format_timestamp(later)), Ok(later));
        assert!(parse_timestamp("02/03/2026").is_err());
    }

    /// The hash is fixed by its definition: a change would break every stored chain.
    #[test]
    fn the_hash_of_an_entry_is_stable_and_covers_every_field() {
        let first = chain_entry(GENESIS_HASH, 1, &entry("amy"));
        assert_eq!(first.at, at("2026-03-02T10:15:00.123456"));
        let mut hasher = Sha256::new();
        for part in [
            GENESIS_HASH,
            "1",
            "2026-03-02T10:15:00.123456",
            "amy",
            "social_worker",
            "view_child",
            "child:C1",
            "/children/C1",
        ] {
            hasher.update((part.len() as u64).to_be_bytes());
            hasher.update(part.as_bytes());
        }
        assert_eq!(first.hash, hex(&hasher.finalize()));
        // Moving a character from one field to the next changes the hash.
        let mut shifted = entry("am");
        shifted.role = "ysocial_worker".to_owned();
        assert_ne!(chain_entry(GENESIS_HASH, 1, &shifted).hash, first.hash);
        assert_ne!(chain_entry(GENESIS_HASH, 2, &entry("amy")).hash, first.hash);
    }

    #[test]
    fn the_chain_check_names_the_first_bad_entry() {
        let first = chain_entry(GENESIS_HASH, 1, &entry("amy"));
        let second = chain_entry(&first.hash, 2, &entry("bob"));
        let third = chain_entry(&second.hash, 3, &entry("cat"));
        let check = |entries: &[&AuditEntry]| {
            let mut check = ChainCheck::new();
            for e in entries {
                if !check.next(e) {
                    break;
                }
            }
            check.finish()
        };
        assert_eq!(check(&[&first, &second, &third]), Ok(3));
        assert_eq!(check(&[]), Ok(0));
        let mut edited = second.clone();
        edited.subject = "child:C2".to_owned();
        assert_eq!(check(&[&first, &edited, &third]), Err(2));
        // Removing the second entry breaks the link of the third.
        assert_eq!(check(&[&first, &third]), Err(2));
        let mut relinked = third.clone();
        relinked.prev_hash = first.hash.clone();
        assert_eq!(check(&[&first, &relinked]), Err(2));
    }

    #[test]
    fn a_batch_is_chained_after_the_head() {
        let batch = [entry("amy"), entry("bob")];
        let from_genesis = chain_entries(0, GENESIS_HASH, &batch);
        let first = chain_entry(GENESIS_HASH, 1, &batch[0]);
        let second = chain_entry(&first.hash, 2, &batch[1]);
        assert_eq!(from_genesis, [first.clone(), second]);
        let after = chain_entries(1, &first.hash, &batch[1..]);
        assert_eq!(after, [from_genesis[1].clone()]);
        assert!(chain_entries(5, "ab", &[]).is_empty());
    }

    #[test]
    fn rag_words_are_checked() {
        assert!(check_rag("amber").is_ok());
        let err = check_rag("purple").unwrap_err();
        assert_eq!(
            err.to_string(),
            "invalid plan update: RAG 'purple' is not one of red, amber, green, complete"
        );
    }
}
