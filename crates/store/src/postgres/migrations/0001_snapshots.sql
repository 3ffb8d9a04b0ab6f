-- PostgreSQL schema version 1: snapshots with their files and counts, and one table per record
-- kind: the same tables, columns and encodings as the SQLite store's migration 1 (codes as their
-- DfE text, dates as ISO 'YYYY-MM-DD' text, booleans 0/1, lists of codes comma-separated), so
-- that one column mapping serves both backends.
--
-- Frozen: never edit a migration once released; add a new numbered file instead.
-- snapshots.id is assigned by the import (max + 1 under a table lock), not by a sequence, so a
-- failed import leaves no gap. Kinds that always name a child are keyed by
-- (snapshot_id, child_id, seq); kinds whose child is optional by (snapshot_id, seq) with an index
-- on (snapshot_id, child_id, seq). child_id compares bytewise (COLLATE "C"), as in SQLite, so key
-- order never depends on the server's locale and comparisons stay cheap.

CREATE TABLE snapshots (
    id BIGINT PRIMARY KEY,
    source_format TEXT NOT NULL,
    la_code BIGINT,
    extract_date TEXT NOT NULL,
    imported_at TEXT NOT NULL
);

CREATE TABLE snapshot_files (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes BIGINT NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
);

-- Records of each kind, keyed by the CaseRecords field name (which is also the table name).
CREATE TABLE snapshot_counts (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    kind TEXT NOT NULL,
    records BIGINT NOT NULL,
    PRIMARY KEY (snapshot_id, kind)
);

CREATE TABLE children (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    upn TEXT,
    upn_unknown TEXT,
    former_upn TEXT,
    sex TEXT NOT NULL,
    date_of_birth TEXT,
    expected_date_of_birth TEXT,
    date_of_death TEXT,
    ethnicity TEXT NOT NULL,
    disabilities TEXT NOT NULL,
    is_uasc BIGINT NOT NULL CHECK (is_uasc IN (0, 1)),
    uasc_from TEXT,
    uasc_ceased TEXT,
    home_postcode TEXT,
    locality TEXT,
    is_mother BIGINT NOT NULL CHECK (is_mother IN (0, 1)),
    mother_first_child_born TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE contacts (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    date TEXT NOT NULL,
    source TEXT NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE early_help (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    locality TEXT,
    organisation TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT,
    step TEXT,
    worker_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE referrals (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    date TEXT NOT NULL,
    source TEXT NOT NULL,
    primary_need TEXT,
    nfa BIGINT NOT NULL CHECK (nfa IN (0, 1)),
    closure_date TEXT,
    closure_reason TEXT,
    team_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE assessments (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    referral_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    authorised TEXT,
    factors TEXT NOT NULL,
    outcome TEXT,
    worker_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE strategy_discussions (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    referral_id TEXT NOT NULL,
    date TEXT NOT NULL,
    s47_started BIGINT NOT NULL CHECK (s47_started IN (0, 1)),
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE section47s (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    referral_id TEXT NOT NULL,
    strategy_discussion_id TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT,
    icpc_target TEXT,
    icpc_required BIGINT NOT NULL CHECK (icpc_required IN (0, 1)),
    outcome TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE conferences (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    referral_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    s47_id TEXT,
    plan_id TEXT,
    date TEXT NOT NULL,
    plan_decided BIGINT NOT NULL CHECK (plan_decided IN (0, 1)),
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE cp_plans (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    referral_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    initial_category TEXT NOT NULL,
    latest_category TEXT NOT NULL,
    previous_plans BIGINT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE core_groups (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    plan_id TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE visits (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    seen BIGINT NOT NULL CHECK (seen IN (0, 1)),
    seen_alone BIGINT NOT NULL CHECK (seen_alone IN (0, 1)),
    worker_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE cin_plans (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    referral_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE cin_plan_reviews (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    plan_id TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE cla_episodes (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    start_date TEXT NOT NULL,
    reason_new TEXT NOT NULL,
    legal_status TEXT NOT NULL,
    category_of_need TEXT NOT NULL,
    placement TEXT NOT NULL,
    provider TEXT,
    end_date TEXT,
    reason_ceased TEXT,
    reason_place_change TEXT,
    home_postcode TEXT,
    placement_postcode TEXT,
    urn TEXT,
    placement_la BIGINT,
    placement_distance_miles DOUBLE PRECISION,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE cla_reviews (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    date TEXT NOT NULL,
    participation TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE missing (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    rhi_offered TEXT,
    rhi_completed TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE care_leavers (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    birthday_age BIGINT NOT NULL,
    contact_date TEXT,
    in_touch TEXT NOT NULL,
    activity TEXT NOT NULL,
    accommodation TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE pathway_plans (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    date TEXT NOT NULL,
    personal_adviser_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE permanence (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    plan_date TEXT,
    adm_decision TEXT,
    placement_order TEXT,
    matched TEXT,
    placed_for_adoption TEXT,
    decision_reversed TEXT,
    reversal_reason TEXT,
    order_kind TEXT,
    order_date TEXT,
    adopters_foster_carers BIGINT CHECK (adopters_foster_carers IN (0, 1)),
    adopters_count BIGINT,
    adopters_sex TEXT,
    adopters_legal_status TEXT,
    CHECK ((adopters_foster_carers IS NULL) = (adopters_count IS NULL)
       AND (adopters_count IS NULL) = (adopters_sex IS NULL)
       AND (adopters_sex IS NULL) = (adopters_legal_status IS NULL)),
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE previous_permanence (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    kind TEXT NOT NULL,
    la TEXT,
    has_date BIGINT NOT NULL CHECK (has_date IN (0, 1)),
    date_day BIGINT,
    date_month BIGINT,
    date_year BIGINT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE health_outcomes (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    year_ending BIGINT NOT NULL,
    sdq_score BIGINT,
    sdq_reason TEXT,
    convicted BIGINT CHECK (convicted IN (0, 1)),
    health_check BIGINT CHECK (health_check IN (0, 1)),
    immunisations BIGINT CHECK (immunisations IN (0, 1)),
    teeth_check BIGINT CHECK (teeth_check IN (0, 1)),
    health_assessment BIGINT CHECK (health_assessment IN (0, 1)),
    substance_misuse BIGINT CHECK (substance_misuse IN (0, 1)),
    intervention_received BIGINT CHECK (intervention_received IN (0, 1)),
    intervention_offered BIGINT CHECK (intervention_offered IN (0, 1)),
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE teams (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    service TEXT NOT NULL,
    locality TEXT,
    PRIMARY KEY (snapshot_id, seq)
);

CREATE TABLE workers (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    role TEXT NOT NULL,
    fte DOUBLE PRECISION NOT NULL,
    agency BIGINT NOT NULL CHECK (agency IN (0, 1)),
    start_date TEXT NOT NULL,
    end_date TEXT,
    PRIMARY KEY (snapshot_id, seq)
);

CREATE TABLE allocations (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    worker_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    reason TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE supervisions (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    worker_id TEXT NOT NULL,
    child_id TEXT COLLATE "C",
    date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
);

CREATE INDEX supervisions_by_child ON supervisions (snapshot_id, child_id, seq);

CREATE TABLE audits (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    worker_id TEXT,
    due TEXT NOT NULL,
    completed TEXT,
    grade TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE complaints (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C",
    received TEXT NOT NULL,
    responded TEXT,
    PRIMARY KEY (snapshot_id, seq)
);

CREATE INDEX complaints_by_child ON complaints (snapshot_id, child_id, seq);

CREATE TABLE foster_households (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    approved TEXT NOT NULL,
    deregistered TEXT,
    places BIGINT NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
);

CREATE TABLE private_fostering (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C" NOT NULL,
    notified TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    assessed TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
);

CREATE TABLE lado_allegations (
    snapshot_id BIGINT NOT NULL REFERENCES snapshots (id),
    seq BIGINT NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT COLLATE "C",
    received TEXT NOT NULL,
    concluded TEXT,
    outcome TEXT,
    PRIMARY KEY (snapshot_id, seq)
);

CREATE INDEX lado_allegations_by_child ON lado_allegations (snapshot_id, child_id, seq);
