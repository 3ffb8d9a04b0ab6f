//! `sightline import` and `sightline snapshots` on a PostgreSQL database (`--db postgres://...`),
//! so a shared deployment is loaded with the same verb as a local SQLite store.
//!
//! The test gets its own schema, made before and dropped after. An unreachable server fails it,
//! unless `SIGHTLINE_SKIP_POSTGRES=1`; `SIGHTLINE_TEST_POSTGRES` names another server.

use std::process::{Command, Output};

fn sightline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sightline"))
        .args(args)
        .env_remove("SIGHTLINE_DB")
        .output()
        .expect("the sightline binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Drops the test's schema when the test ends, passed or failed.
struct Schema {
    client: postgres::Client,
    name: String,
}

impl Drop for Schema {
    fn drop(&mut self) {
        let _ = self
            .client
            .batch_execute(&format!("DROP SCHEMA IF EXISTS {} CASCADE", self.name));
    }
}

/// A fresh schema and a URL whose connections use it; `None` when PostgreSQL tests are skipped.
fn schema() -> Option<(Schema, String)> {
    if std::env::var("SIGHTLINE_SKIP_POSTGRES").is_ok_and(|v| v == "1") {
        return None;
    }
    let base = std::env::var("SIGHTLINE_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".to_owned());
    let mut client = postgres::Client::connect(&base, postgres::NoTls).unwrap_or_else(|err| {
        panic!(
            "PostgreSQL is not reachable at {base} ({err}); set SIGHTLINE_TEST_POSTGRES to \
             another server, or SIGHTLINE_SKIP_POSTGRES=1 to skip the PostgreSQL tests"
        )
    });
    let name = format!(
        "sightline_cli_test_{}_{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .subsec_nanos()
    );
    client
        .batch_execute(&format!("CREATE SCHEMA {name}"))
        .unwrap();
    let separator = if base.contains('?') { '&' } else { '?' };
    let url = format!("{base}{separator}options=-csearch_path%3D{name}");
    Some((Schema { client, name }, url))
}

#[test]
fn import_and_snapshots_accept_a_postgres_url() {
    let Some((mut schema, url)) = schema() else {
        return;
    };
    let tmp = tempfile::tempdir().unwrap();
    let extract = tmp.path().join("extract");
    let out = sightline(&[
        "generate",
        "--out",
        extract.to_str().unwrap(),
        "--population",
        "2000",
        "--seed",
        "7",
        "--quiet",
    ]);
    assert!(out.status.success(), "generate failed: {}", stderr(&out));

    let out = sightline(&["import", extract.to_str().unwrap(), "--db", &url, "-q"]);
    assert!(out.status.success(), "import failed: {}", stderr(&out));
    let imported = stdout(&out);
    assert!(
        imported.contains("SSDA903") && imported.contains("validation run"),
        "{imported}"
    );

    let out = sightline(&["snapshots", "--db", &url]);
    assert!(out.status.success(), "snapshots failed: {}", stderr(&out));
    let listed = stdout(&out);
    let formats: Vec<&str> = listed
        .lines()
        .skip(1)
        .filter_map(|l| l.split('\t').nth(1))
        .collect();
    let mut sorted = formats.clone();
    sorted.sort_unstable();
    assert_eq!(sorted, ["annex_a", "cin", "ssd", "ssda903"], "{listed}");

    // The rows are in the test's schema, with the validation runs the data-quality report reads.
    let table = |t: &str| format!("{}.{t}", schema.name);
    let snapshots: i64 = schema
        .client
        .query_one(&format!("SELECT count(*) FROM {}", table("snapshots")), &[])
        .unwrap()
        .get(0);
    assert_eq!(snapshots, 4);
    let runs: i64 = schema
        .client
        .query_one(
            &format!("SELECT count(*) FROM {}", table("validation_runs")),
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(
        runs, 2,
        "one run each for the SSDA903 and CIN census returns"
    );

    let first = listed.lines().nth(1).unwrap().split('\t').next().unwrap();
    let out = sightline(&["snapshots", "--db", &url, "show", first]);
    assert!(out.status.success(), "show failed: {}", stderr(&out));
    assert!(stdout(&out).contains("extract date"));
    let out = sightline(&["snapshots", "--db", &url, "show", "999999"]);
    assert!(!out.status.success());
    assert!(
        stderr(&out).contains("no snapshot 999999"),
        "{}",
        stderr(&out)
    );
}
