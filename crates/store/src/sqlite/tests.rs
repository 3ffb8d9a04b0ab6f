//! Tests of the SQLite backend's internals: the Rust column lists against the migrated schema, the
//! query plans the speed depends on, and decoding of damaged values.

use super::*;
use crate::FileProvenance;
use chrono::NaiveDate;
use sightline_model::for_each_record_kind;
use sightline_model::ids::RecordId;
use sightline_model::records::*;

fn columns_of(conn: &Connection, table: &str) -> Vec<String> {
    conn.prepare(&format!(
        "SELECT name FROM pragma_table_info('{table}') ORDER BY cid"
    ))
    .unwrap()
    .query_map([], |row| row.get(0))
    .unwrap()
    .collect::<Result<_, _>>()
    .unwrap()
}

fn query_plan(conn: &Connection, sql: &str) -> String {
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let params = [1, 2];
    let bound = params.get(..stmt.parameter_count()).unwrap();
    let details: Vec<String> = stmt
        .query_map(rusqlite::params_from_iter(bound), |row| row.get(3))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    details.join("; ")
}

fn primary_key_of(conn: &Connection, table: &str) -> Vec<String> {
    let mut key: Vec<(i64, String)> = conn
        .prepare(&format!(
            "SELECT pk, name FROM pragma_table_info('{table}') WHERE pk > 0"
        ))
        .unwrap()
        .query_map([], |row| Ok((row.get(0)?, row.get(1)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    key.sort();
    key.into_iter().map(|(_, name)| name).collect()
}

fn child_is_nullable(conn: &Connection, table: &str) -> Option<bool> {
    conn.query_row(
        &format!("SELECT \"notnull\" FROM pragma_table_info('{table}') WHERE name = 'child_id'"),
        [],
        |row| row.get::<_, bool>(0),
    )
    .ok()
    .map(|not_null| !not_null)
}

/// The Rust side and the migrations are written separately; they must agree column for column,
/// and each table's keys must match how its records name a child.
#[test]
fn tables_match_the_migrated_schema() {
    let store = SqliteStore::open_in_memory().unwrap();
    let records = CaseRecords::default();
    let mut tables = 0;
    fn check<T: tables::Table>(conn: &Connection, _: &[T], table: &str) {
        let mut expected = vec!["snapshot_id".to_owned(), "seq".to_owned()];
        expected.extend(T::COLUMNS.iter().map(|c| (*c).to_owned()));
        assert_eq!(columns_of(conn, table), expected, "{table}");
        let key = primary_key_of(conn, table);
        let nullable = child_is_nullable(conn, table);
        match T::CHILD {
            tables::ChildKey::Required => {
                assert_eq!(key, ["snapshot_id", "child_id", "seq"], "{table}");
                assert_eq!(nullable, Some(false), "{table}");
            }
            tables::ChildKey::Optional => {
                assert_eq!(key, ["snapshot_id", "seq"], "{table}");
                assert_eq!(nullable, Some(true), "{table}");
            }
            tables::ChildKey::Absent => {
                assert_eq!(key, ["snapshot_id", "seq"], "{table}");
                assert_eq!(nullable, None, "{table}");
            }
        }
    }
    macro_rules! check_kind {
        ($field:ident, $label:literal) => {
            check(&store.conn, &records.$field, stringify!($field));
            tables += 1;
        };
    }
    for_each_record_kind!(check_kind);
    assert_eq!(tables, 30);
}

/// Loads must walk the primary key and child lookups a per-child key, or England-sized
/// snapshots become full scans.
#[test]
fn loads_and_child_lookups_use_their_keys() {
    let store = SqliteStore::open_in_memory().unwrap();
    let records = CaseRecords::default();
    fn check<T: tables::Table>(conn: &Connection, _: &[T], table: &str) {
        let load = query_plan(conn, &read::select_sql(table, T::COLUMNS, T::CHILD, false));
        assert!(
            load.contains("USING PRIMARY KEY (snapshot_id=?)"),
            "{table}: {load}"
        );
        let by_child = query_plan(conn, &read::select_sql(table, T::COLUMNS, T::CHILD, true));
        let expected = match T::CHILD {
            tables::ChildKey::Required => {
                "USING PRIMARY KEY (snapshot_id=? AND child_id=?)".to_owned()
            }
            tables::ChildKey::Optional => {
                format!("USING INDEX {table}_by_child (snapshot_id=? AND child_id=?)")
            }
            tables::ChildKey::Absent => return,
        };
        assert!(by_child.contains(&expected), "{table}: {by_child}");
        assert!(
            !by_child.contains("TEMP B-TREE"),
            "{table} sorts: {by_child}"
        );
    }
    macro_rules! check_kind {
        ($field:ident, $label:literal) => {
            check(&store.conn, &records.$field, stringify!($field));
        };
    }
    for_each_record_kind!(check_kind);
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn one_episode() -> CaseRecords {
    use sightline_model::codes::*;
    use sightline_model::ids::ChildId;
    CaseRecords {
        cla_episodes: vec![ClaEpisode {
            id: RecordId::new("E1"),
            child: ChildId::new("SECRET-CHILD-7"),
            start: d(2024, 4, 1),
            reason_new: ReasonNewEpisode::S,
            legal_status: LegalStatus::C2,
            category_of_need: CategoryOfNeed::N1,
            placement: PlacementType::U4,
            provider: None,
            end: None,
            reason_ceased: None,
            reason_place_change: None,
            home_postcode: None,
            placement_postcode: None,
            urn: None,
            placement_la: None,
            placement_distance_miles: None,
        }],
        ..CaseRecords::default()
    }
}

fn import_one(store: &mut SqliteStore, records: &CaseRecords) -> SnapshotId {
    let snapshot = NewSnapshot {
        source_format: "ssda903".to_owned(),
        la_code: None,
        extract_date: d(2025, 3, 31),
        imported_at: d(2025, 4, 2).and_hms_opt(10, 0, 0).unwrap(),
        files: vec![FileProvenance {
            name: "episodes.csv".to_owned(),
            sha256: "00".to_owned(),
            bytes: 2,
        }],
        records,
    };
    store.import(&[snapshot]).unwrap()[0]
}

/// A value edited outside Sightline is reported with its place, and without the child's id.
#[test]
fn damaged_values_are_reported_with_their_place_but_no_child_id() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = import_one(&mut store, &one_episode());
    store
        .conn
        .execute("UPDATE cla_episodes SET placement = 'ZZ'", [])
        .unwrap();
    let err = store.load(id).unwrap_err();
    let message = err.to_string();
    assert_eq!(
        message,
        "snapshot 1, looked-after episodes record 0, column placement: 'ZZ' is not a PlacementType code"
    );
    assert!(!format!("{err:?}").contains("SECRET"));
    // The child lookup decodes the same columns and fails the same way.
    let child = sightline_model::ids::ChildId::new("SECRET-CHILD-7");
    assert_eq!(store.child(id, &child).unwrap_err().to_string(), message);
}

#[test]
fn a_boolean_column_holding_another_integer_is_damage() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut records = one_episode();
    records.workers.push(Worker {
        id: sightline_model::ids::WorkerId::new("SW1"),
        team: sightline_model::ids::TeamId::new("T1"),
        role: WorkerRole::SocialWorker,
        fte: 0.6,
        agency: false,
        start: d(2020, 1, 6),
        end: None,
    });
    let id = import_one(&mut store, &records);
    // The CHECK constraint keeps 2 out; a tool that ignores it can still write one.
    store
        .conn
        .execute_batch("PRAGMA ignore_check_constraints = ON; UPDATE workers SET agency = 2;")
        .unwrap();
    assert_eq!(
        store.load(id).unwrap_err().to_string(),
        "snapshot 1, workers record 0, column agency: 2 is not a boolean (0 or 1)"
    );
}

#[test]
fn insert_and_select_statements_name_every_column() {
    assert_eq!(
        write::insert_sql("core_groups", &["id", "child_id", "plan_id", "date"], 1),
        "INSERT INTO core_groups (snapshot_id, seq, id, child_id, plan_id, date) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6)"
    );
    assert_eq!(
        write::insert_sql("core_groups", &["id", "date"], 2),
        "INSERT INTO core_groups (snapshot_id, seq, id, date) \
         VALUES (?1, ?2, ?3, ?4), (?1, ?5, ?6, ?7)"
    );
    assert_eq!(
        read::select_sql(
            "core_groups",
            &["id", "date"],
            tables::ChildKey::Required,
            false
        ),
        "SELECT seq, id, date FROM core_groups WHERE snapshot_id = +?1"
    );
    assert_eq!(
        read::select_sql("complaints", &["id"], tables::ChildKey::Optional, true),
        "SELECT seq, id FROM complaints INDEXED BY complaints_by_child \
         WHERE snapshot_id = +?1 AND child_id = +?2 ORDER BY seq"
    );
}

#[test]
fn schema_constraints_back_up_the_encodings() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = import_one(&mut store, &one_episode());
    let refused = |sql: &str| store.conn.execute(sql, [id.0]).is_err();
    // STRICT refuses a blob in a text column and text in an integer column.
    assert!(refused(
        "INSERT INTO core_groups VALUES (?1, 0, 'C1', 'X', 'P1', x'00')"
    ));
    assert!(refused(
        "INSERT INTO cp_plans VALUES (?1, 0, 'P', 'X', 'R', '2025-01-01', NULL, 'PN', 'PN', 'two')"
    ));
    // Booleans are 0 or 1.
    assert!(refused(
        "INSERT INTO visits VALUES (?1, 0, 'V', 'X', 'looked_after', '2025-01-01', 2, 0, NULL)"
    ));
    // Records belong to an existing snapshot.
    assert!(
        store
            .conn
            .execute(
                "INSERT INTO core_groups VALUES (99, 0, 'C1', 'X', 'P1', '2025-01-01')",
                []
            )
            .is_err()
    );
    // Adopter columns are all set or all empty.
    assert!(refused(
        "INSERT INTO permanence (snapshot_id, seq, id, child_id, adopters_count) VALUES (?1, 0, 'P', 'X', 2)"
    ));
    // And a well-formed row is accepted, so the refusals above are about the values.
    assert!(!refused(
        "INSERT INTO core_groups VALUES (?1, 0, 'C1', 'X', 'P1', '2025-01-01')"
    ));
}

/// Re-preparing a statement on every call re-parses its SQL: a fifth of the time of a child
/// lookup before the `+?1` in `select_sql`.
#[test]
fn cached_reads_are_not_re_prepared() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let first = import_one(&mut store, &one_episode());
    let second = import_one(&mut store, &one_episode());
    let child = sightline_model::ids::ChildId::new("SECRET-CHILD-7");
    for id in [first, second, first] {
        store.load(id).unwrap();
        store.child(id, &child).unwrap();
    }
    for by_child in [false, true] {
        let columns = <ClaEpisode as tables::Table>::COLUMNS;
        let sql = read::select_sql(
            "cla_episodes",
            columns,
            tables::ChildKey::Required,
            by_child,
        );
        let stmt = store.conn.prepare_cached(&sql).unwrap();
        assert_eq!(
            stmt.get_status(rusqlite::StatementStatus::RePrepare),
            0,
            "{sql}"
        );
    }
}

/// Two one-episode children, so that rows can be removed, duplicated or renumbered.
fn two_episodes() -> CaseRecords {
    let mut records = one_episode();
    let mut second = records.cla_episodes.first().unwrap().clone();
    second.id = RecordId::new("E2");
    records.cla_episodes.push(second);
    records
}

#[test]
fn a_missing_record_is_damage() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = import_one(&mut store, &two_episodes());
    store
        .conn
        .execute("DELETE FROM cla_episodes WHERE seq = 1", [])
        .unwrap();
    assert_eq!(
        store.load(id).unwrap_err().to_string(),
        "snapshot 1, looked-after episodes record 0, column seq: 1 of the 2 records counted are missing"
    );
}

#[test]
fn a_repeated_or_extra_record_is_damage() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = import_one(&mut store, &two_episodes());
    store
        .conn
        .execute(
            "UPDATE cla_episodes SET seq = 0, child_id = 'other' WHERE seq = 1",
            [],
        )
        .unwrap();
    assert_eq!(
        store.load(id).unwrap_err().to_string(),
        "snapshot 1, looked-after episodes record 0, column seq: appears twice"
    );
    store
        .conn
        .execute(
            "UPDATE cla_episodes SET seq = 7 WHERE child_id = 'other'",
            [],
        )
        .unwrap();
    assert_eq!(
        store.load(id).unwrap_err().to_string(),
        "snapshot 1, looked-after episodes record 7, column seq: is beyond the 2 records counted"
    );
}

#[test]
fn an_impossible_count_is_damage_not_a_crash() {
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = import_one(&mut store, &two_episodes());
    store
        .conn
        .execute(
            "UPDATE snapshot_counts SET records = 9223372036854775807 WHERE kind = 'cla_episodes'",
            [],
        )
        .unwrap();
    let err = store.load(id).unwrap_err();
    assert!(
        matches!(
            err,
            StoreError::Corrupt {
                column: "records",
                ..
            }
        ),
        "{err:?}"
    );
}
