//! Connecting to PostgreSQL: migrations run once and are recorded, a newer schema is refused, and
//! `open_app_store` picks the backend from the `--database` argument.

use sightline_store::{PostgresStore, SnapshotStore, StoreError, open_app_store};

use crate::backends::postgres_schema;

#[test]
fn connecting_migrates_once_and_records_the_versions() {
    let Some((mut admin, schema, url)) = postgres_schema() else {
        return;
    };
    let first = PostgresStore::connect(&url).unwrap();
    assert_eq!(
        first.schema_version().unwrap(),
        PostgresStore::LATEST_SCHEMA_VERSION
    );
    // A second instance starting on the same database applies nothing again.
    let second = PostgresStore::connect(&url).unwrap();
    assert!(second.list().unwrap().is_empty());
    let versions: Vec<i64> = admin
        .query(
            &format!("SELECT version FROM {schema}.schema_migrations ORDER BY version"),
            &[],
        )
        .unwrap()
        .iter()
        .map(|row| row.get(0))
        .collect();
    assert_eq!(
        versions,
        (1..=PostgresStore::LATEST_SCHEMA_VERSION).collect::<Vec<_>>()
    );
    assert!(!first.target().contains("password"));
    drop((first, second));
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
}

#[test]
fn a_database_from_a_newer_sightline_is_refused() {
    let Some((mut admin, schema, url)) = postgres_schema() else {
        return;
    };
    drop(PostgresStore::connect(&url).unwrap());
    let newer = PostgresStore::LATEST_SCHEMA_VERSION + 1;
    admin
        .execute(
            &format!("INSERT INTO {schema}.schema_migrations (version) VALUES ($1)"),
            &[&newer],
        )
        .unwrap();
    let err = PostgresStore::connect(&url).unwrap_err();
    assert!(
        matches!(err, StoreError::SchemaTooNew { found, .. } if found == newer),
        "{err:?}"
    );
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
}

#[test]
fn the_database_argument_picks_the_backend() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("app.db");
    let sqlite = open_app_store(&format!("sqlite://{}", path.display())).unwrap();
    assert!(sqlite.list_snapshots().unwrap().is_empty());
    assert!(path.exists());
    let plain = dir.path().join("plain.db");
    open_app_store(plain.to_str().unwrap()).unwrap();
    assert!(plain.exists());

    let Some((mut admin, schema, url)) = postgres_schema() else {
        return;
    };
    let postgres = open_app_store(&url).unwrap();
    assert!(postgres.users().unwrap().is_empty());
    drop(postgres);
    admin
        .batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))
        .unwrap();
}
