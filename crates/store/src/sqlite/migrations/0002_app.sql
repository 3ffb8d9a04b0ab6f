-- Schema version 2: application data besides snapshots (users, sessions, failed logins, the audit
-- log, improvement-plan updates, validation runs and their findings).
--
-- Frozen: never edit a migration once released; add a new numbered file instead.
-- Timestamps are ISO 8601 text with exactly six fraction digits ('YYYY-MM-DDTHH:MM:SS.ffffff'),
-- so text order is time order; booleans are 0/1.

CREATE TABLE users (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    role TEXT NOT NULL,
    team TEXT,
    password_hash TEXT NOT NULL,
    created_at TEXT NOT NULL,
    disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1))
) STRICT;

-- Only the SHA-256 of a session's cookie token is kept.
CREATE TABLE sessions (
    token_hash TEXT PRIMARY KEY,
    user_id INTEGER NOT NULL REFERENCES users (id),
    csrf_token TEXT NOT NULL,
    created_at TEXT NOT NULL,
    expires_at TEXT NOT NULL
) STRICT, WITHOUT ROWID;

CREATE INDEX sessions_by_expiry ON sessions (expires_at);

CREATE TABLE login_failures (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    at TEXT NOT NULL
) STRICT;

CREATE INDEX login_failures_by_name ON login_failures (name, at);

-- hash = SHA-256 over (prev_hash, seq, at, user_name, role, action, subject, page); seq runs 1, 2,
-- 3... without gaps. The triggers refuse edits and deletions made through SQL by mistake; the
-- chain detects the rest.
CREATE TABLE audit_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    user_name TEXT NOT NULL,
    role TEXT NOT NULL,
    action TEXT NOT NULL,
    subject TEXT NOT NULL,
    page TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL
) STRICT;

CREATE INDEX audit_log_by_user ON audit_log (user_name, seq);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TABLE plan_updates (
    id INTEGER PRIMARY KEY,
    plan_id TEXT NOT NULL,
    target TEXT NOT NULL,
    at TEXT NOT NULL,
    author TEXT NOT NULL,
    rag TEXT NOT NULL CHECK (rag IN ('red', 'amber', 'green', 'complete')),
    commentary TEXT NOT NULL
) STRICT;

CREATE INDEX plan_updates_by_plan ON plan_updates (plan_id, id);

CREATE TABLE validation_runs (
    id INTEGER PRIMARY KEY,
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    ruleset TEXT NOT NULL,
    collection_year INTEGER NOT NULL,
    ran_at TEXT NOT NULL,
    rules_run INTEGER NOT NULL,
    rules_skipped INTEGER NOT NULL,
    errors INTEGER NOT NULL,
    queries INTEGER NOT NULL
) STRICT;

CREATE INDEX validation_runs_by_snapshot ON validation_runs (snapshot_id, id);

-- seq is the finding's position in the run, as recorded.
CREATE TABLE validation_findings (
    run_id INTEGER NOT NULL REFERENCES validation_runs (id),
    seq INTEGER NOT NULL,
    rule_code TEXT NOT NULL,
    severity TEXT NOT NULL,
    table_name TEXT NOT NULL,
    row_number INTEGER,
    child_id TEXT,
    fields TEXT NOT NULL,
    message TEXT NOT NULL,
    PRIMARY KEY (run_id, seq)
) STRICT, WITHOUT ROWID;
