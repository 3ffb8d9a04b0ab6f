-- Schema version 1: snapshots with their files and counts, and one table per record kind.
--
-- Frozen: never edit a migration once released; add a new numbered file instead.
-- Conventions: codes are the DfE code text (or the store's fixed words for the model's own enums),
-- dates are ISO 'YYYY-MM-DD' text, booleans 0/1, lists of codes comma-separated text ('' = empty).
-- seq is a record's index within its kind in the snapshot (its position in the CaseRecords Vec).
-- Kinds that always name a child are clustered by child: PRIMARY KEY (snapshot_id, child_id, seq)
-- is both the per-child index and the table, so an import writes one B-tree per row, in child
-- order. Kinds whose child is optional are keyed by (snapshot_id, seq) with a per-child index;
-- kinds without a child by (snapshot_id, seq).

CREATE TABLE snapshots (
    id INTEGER PRIMARY KEY,
    source_format TEXT NOT NULL,
    la_code INTEGER,
    extract_date TEXT NOT NULL,
    imported_at TEXT NOT NULL
) STRICT;

CREATE TABLE snapshot_files (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    bytes INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
) STRICT, WITHOUT ROWID;

-- Records of each kind, keyed by the CaseRecords field name (which is also the table name).
CREATE TABLE snapshot_counts (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    kind TEXT NOT NULL,
    records INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, kind)
) STRICT, WITHOUT ROWID;

CREATE TABLE children (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    child_id TEXT NOT NULL,
    upn TEXT,
    upn_unknown TEXT,
    former_upn TEXT,
    sex TEXT NOT NULL,
    date_of_birth TEXT,
    expected_date_of_birth TEXT,
    date_of_death TEXT,
    ethnicity TEXT NOT NULL,
    disabilities TEXT NOT NULL,
    is_uasc INTEGER NOT NULL CHECK (is_uasc IN (0, 1)),
    uasc_from TEXT,
    uasc_ceased TEXT,
    home_postcode TEXT,
    locality TEXT,
    is_mother INTEGER NOT NULL CHECK (is_mother IN (0, 1)),
    mother_first_child_born TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE contacts (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    date TEXT NOT NULL,
    source TEXT NOT NULL,
    outcome TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE early_help (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    locality TEXT,
    organisation TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT,
    step TEXT,
    worker_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE referrals (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    date TEXT NOT NULL,
    source TEXT NOT NULL,
    primary_need TEXT,
    nfa INTEGER NOT NULL CHECK (nfa IN (0, 1)),
    closure_date TEXT,
    closure_reason TEXT,
    team_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE assessments (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    referral_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    authorised TEXT,
    factors TEXT NOT NULL,
    outcome TEXT,
    worker_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE strategy_discussions (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    referral_id TEXT NOT NULL,
    date TEXT NOT NULL,
    s47_started INTEGER NOT NULL CHECK (s47_started IN (0, 1)),
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE section47s (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    referral_id TEXT NOT NULL,
    strategy_discussion_id TEXT,
    start_date TEXT NOT NULL,
    end_date TEXT,
    icpc_target TEXT,
    icpc_required INTEGER NOT NULL CHECK (icpc_required IN (0, 1)),
    outcome TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE conferences (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    referral_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    s47_id TEXT,
    plan_id TEXT,
    date TEXT NOT NULL,
    plan_decided INTEGER NOT NULL CHECK (plan_decided IN (0, 1)),
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE cp_plans (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    referral_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    initial_category TEXT NOT NULL,
    latest_category TEXT NOT NULL,
    previous_plans INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE core_groups (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE visits (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    date TEXT NOT NULL,
    seen INTEGER NOT NULL CHECK (seen IN (0, 1)),
    seen_alone INTEGER NOT NULL CHECK (seen_alone IN (0, 1)),
    worker_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE cin_plans (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    referral_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE cin_plan_reviews (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    plan_id TEXT NOT NULL,
    date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE cla_episodes (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
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
    placement_la INTEGER,
    placement_distance_miles REAL,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE cla_reviews (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    date TEXT NOT NULL,
    participation TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE missing (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    rhi_offered TEXT,
    rhi_completed TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE care_leavers (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    birthday_age INTEGER NOT NULL,
    contact_date TEXT,
    in_touch TEXT NOT NULL,
    activity TEXT NOT NULL,
    accommodation TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE pathway_plans (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    date TEXT NOT NULL,
    personal_adviser_id TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE permanence (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    plan_date TEXT,
    adm_decision TEXT,
    placement_order TEXT,
    matched TEXT,
    placed_for_adoption TEXT,
    decision_reversed TEXT,
    reversal_reason TEXT,
    order_kind TEXT,
    order_date TEXT,
    adopters_foster_carers INTEGER CHECK (adopters_foster_carers IN (0, 1)),
    adopters_count INTEGER,
    adopters_sex TEXT,
    adopters_legal_status TEXT,
    CHECK ((adopters_foster_carers IS NULL) = (adopters_count IS NULL)
       AND (adopters_count IS NULL) = (adopters_sex IS NULL)
       AND (adopters_sex IS NULL) = (adopters_legal_status IS NULL)),
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE previous_permanence (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    child_id TEXT NOT NULL,
    kind TEXT NOT NULL,
    la TEXT,
    has_date INTEGER NOT NULL CHECK (has_date IN (0, 1)),
    date_day INTEGER,
    date_month INTEGER,
    date_year INTEGER,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE health_outcomes (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    child_id TEXT NOT NULL,
    year_ending INTEGER NOT NULL,
    sdq_score INTEGER,
    sdq_reason TEXT,
    convicted INTEGER CHECK (convicted IN (0, 1)),
    health_check INTEGER CHECK (health_check IN (0, 1)),
    immunisations INTEGER CHECK (immunisations IN (0, 1)),
    teeth_check INTEGER CHECK (teeth_check IN (0, 1)),
    health_assessment INTEGER CHECK (health_assessment IN (0, 1)),
    substance_misuse INTEGER CHECK (substance_misuse IN (0, 1)),
    intervention_received INTEGER CHECK (intervention_received IN (0, 1)),
    intervention_offered INTEGER CHECK (intervention_offered IN (0, 1)),
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE teams (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    name TEXT NOT NULL,
    service TEXT NOT NULL,
    locality TEXT,
    PRIMARY KEY (snapshot_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE workers (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    team_id TEXT NOT NULL,
    role TEXT NOT NULL,
    fte REAL NOT NULL,
    agency INTEGER NOT NULL CHECK (agency IN (0, 1)),
    start_date TEXT NOT NULL,
    end_date TEXT,
    PRIMARY KEY (snapshot_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE allocations (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    worker_id TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    reason TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE supervisions (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    worker_id TEXT NOT NULL,
    child_id TEXT,
    date TEXT NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX supervisions_by_child ON supervisions (snapshot_id, child_id, seq);

CREATE TABLE audits (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    worker_id TEXT,
    due TEXT NOT NULL,
    completed TEXT,
    grade TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE complaints (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT,
    received TEXT NOT NULL,
    responded TEXT,
    PRIMARY KEY (snapshot_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX complaints_by_child ON complaints (snapshot_id, child_id, seq);

CREATE TABLE foster_households (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    kind TEXT NOT NULL,
    approved TEXT NOT NULL,
    deregistered TEXT,
    places INTEGER NOT NULL,
    PRIMARY KEY (snapshot_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE private_fostering (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT NOT NULL,
    notified TEXT NOT NULL,
    start_date TEXT NOT NULL,
    end_date TEXT,
    assessed TEXT,
    PRIMARY KEY (snapshot_id, child_id, seq)
) STRICT, WITHOUT ROWID;

CREATE TABLE lado_allegations (
    snapshot_id INTEGER NOT NULL REFERENCES snapshots (id),
    seq INTEGER NOT NULL,
    id TEXT NOT NULL,
    child_id TEXT,
    received TEXT NOT NULL,
    concluded TEXT,
    outcome TEXT,
    PRIMARY KEY (snapshot_id, seq)
) STRICT, WITHOUT ROWID;

CREATE INDEX lado_allegations_by_child ON lado_allegations (snapshot_id, child_id, seq);
