//! End-to-end tests of the `sightline` binary on a small synthetic council: generate, import,
//! list, show, demo, and the all-or-nothing import with its error message.

use std::path::Path;
use std::process::{Command, Output};

fn sightline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sightline"))
        .args(args)
        .output()
        .expect("the sightline binary runs")
}

fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A small council, so the debug-build tests stay quick.
const SMALL: &[&str] = &["--population", "4000", "--seed", "7", "--quiet"];

fn generate(dir: &Path) {
    let out_dir = dir.to_str().unwrap();
    let mut args = vec!["generate", "--out", out_dir];
    args.extend_from_slice(SMALL);
    let out = sightline(&args);
    assert!(out.status.success(), "generate failed: {}", stderr(&out));
}

fn snapshot_lines(db: &Path) -> Vec<String> {
    let out = sightline(&["snapshots", "--db", db.to_str().unwrap()]);
    assert!(out.status.success(), "snapshots failed: {}", stderr(&out));
    stdout(&out).lines().skip(1).map(str::to_owned).collect()
}

#[test]
fn generate_writes_every_format() {
    let tmp = tempfile::tempdir().unwrap();
    generate(tmp.path());
    for folder in ["ssd", "ssda903", "cin", "annex_a"] {
        let dir = tmp.path().join(folder);
        let files = std::fs::read_dir(&dir).map(|d| d.count()).unwrap_or(0);
        assert!(files > 0, "no files in {}", dir.display());
    }
}

#[test]
fn import_stores_one_snapshot_per_format_and_show_gives_provenance() {
    let tmp = tempfile::tempdir().unwrap();
    let extract = tmp.path().join("extract");
    generate(&extract);
    let db = tmp.path().join("store.db");
    let out = sightline(&[
        "import",
        extract.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert!(out.status.success(), "import failed: {}", stderr(&out));

    let lines = snapshot_lines(&db);
    let formats: Vec<&str> = lines.iter().filter_map(|l| l.split('\t').nth(1)).collect();
    assert_eq!(formats.len(), 4, "{lines:?}");
    for format in ["ssd", "ssda903", "cin", "annex_a"] {
        assert!(formats.contains(&format), "missing {format} in {formats:?}");
    }

    let first_id = lines[0].split('\t').next().unwrap();
    let out = sightline(&["snapshots", "--db", db.to_str().unwrap(), "show", first_id]);
    assert!(out.status.success());
    let shown = stdout(&out);
    assert!(shown.contains("extract date"), "{shown}");
    // Every file line carries a 64-hex-digit sha256.
    let hashes = shown
        .lines()
        .filter(|l| l.split_whitespace().next().is_some_and(|w| w.len() == 64))
        .count();
    assert!(hashes > 0, "{shown}");
}

#[test]
fn a_bad_file_stops_the_whole_import_and_names_file_line_and_field() {
    let tmp = tempfile::tempdir().unwrap();
    let extract = tmp.path().join("extract");
    generate(&extract);
    let db = tmp.path().join("store.db");
    let ok = sightline(&[
        "import",
        extract.join("cin").to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    let before = snapshot_lines(&db);
    assert_eq!(before.len(), 1);

    // Break one date on the second data row (line 3) of the 903 episodes, under a new file name:
    // the format is recognised from the columns, and the error must say where.
    let episodes = std::fs::read_to_string(extract.join("ssda903/episodes.csv")).unwrap();
    let header: Vec<&str> = episodes.lines().next().unwrap().split(',').collect();
    let decom = header.iter().position(|c| *c == "DECOM").unwrap();
    let mut lines: Vec<String> = episodes.lines().map(str::to_owned).collect();
    let mut cells: Vec<String> = lines[2].split(',').map(str::to_owned).collect();
    cells[decom] = "31/02/2025".into();
    lines[2] = cells.join(",");
    std::fs::remove_file(extract.join("ssda903/episodes.csv")).unwrap();
    std::fs::write(
        extract.join("ssda903/export_17.csv"),
        lines.join("\n") + "\n",
    )
    .unwrap();

    let out = sightline(&[
        "import",
        extract.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(1));
    let err = stderr(&out);
    assert!(err.contains("export_17.csv:3"), "{err}");
    assert!(err.contains("DECOM"), "{err}");
    assert!(err.contains("31/02/2025"), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    assert_eq!(
        snapshot_lines(&db),
        before,
        "a failed import must leave the store as it was"
    );
}

#[test]
fn an_unrecognised_file_is_named() {
    let tmp = tempfile::tempdir().unwrap();
    let file = tmp.path().join("notes.csv");
    std::fs::write(&file, "name,favourite colour\nA,blue\n").unwrap();
    let db = tmp.path().join("store.db");
    let out = sightline(&[
        "import",
        file.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("notes.csv"), "{}", stderr(&out));
}

#[test]
fn demo_runs_end_to_end_and_prints_a_summary() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    let mut args = vec!["demo", "--dir", dir.to_str().unwrap()];
    args.extend_from_slice(SMALL);
    let out = sightline(&args);
    assert!(out.status.success(), "demo failed: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("Sightline demo"), "{text}");
    assert!(text.contains("contacts"), "{text}");
    assert!(dir.join("sightline.db").exists());
    assert!(!dir.join("sightline.db.building").exists());
    assert_eq!(snapshot_lines(&dir.join("sightline.db")).len(), 4);
    // --quiet: no progress output.
    assert!(stderr(&out).is_empty(), "{}", stderr(&out));
}

#[test]
fn usage_errors_exit_with_2() {
    let out = sightline(&["import"]);
    assert_eq!(out.status.code(), Some(2));
    let out = sightline(&["generate", "--out", "x", "--faults", "2", "-q"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("--faults"));
}

/// The fixed indicator ids other parts of the product rely on.
const FIXED_IDS: &[&str] = &[
    "contacts",
    "referrals",
    "referrals_rate_10k",
    "rereferrals_12m_pct",
    "assessments",
    "assessments_45wd_pct",
    "s47_enquiries",
    "icpc",
    "icpc_15wd_pct",
    "cp_plans",
    "cla_count",
    "cla_rate_10k",
    "cla_placed_with_parents_pct",
    "cla_reviews_in_time_pct",
    "care_leavers_in_touch_pct",
    "care_leavers_suitable_accommodation_pct",
    "care_leavers_eet_pct",
    "cla_placed_over_20_miles_pct",
    "missing_episodes",
    "rhi_within_72h_pct",
    "average_caseload",
];

#[test]
fn indicators_json_carries_the_contract_fields_for_every_fixed_id() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    let mut args = vec!["demo", "--dir", dir.to_str().unwrap()];
    args.extend_from_slice(SMALL);
    assert!(sightline(&args).status.success());
    let db = dir.join("sightline.db");
    let out = sightline(&[
        "indicators",
        "--db",
        db.to_str().unwrap(),
        "--population",
        "4000",
        "--format",
        "json",
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let items: Vec<serde_json::Value> = serde_json::from_slice(&out.stdout).unwrap();
    for id in FIXED_IDS {
        let item = items
            .iter()
            .find(|i| i["id"] == *id)
            .unwrap_or_else(|| panic!("no {id}"));
        for key in [
            "month",
            "value",
            "numerator",
            "denominator",
            "unit",
            "polarity",
        ] {
            assert!(item.get(key).is_some(), "{id} lacks {key}");
        }
        assert_eq!(
            item["month"].as_str().map(str::len),
            Some(7),
            "{id}: YYYY-MM"
        );
    }
    let explain = sightline(&["indicators", "explain", "assessments_45wd_pct"]);
    assert!(explain.status.success());
    assert!(
        stdout(&explain).contains("45 working days"),
        "{}",
        stdout(&explain)
    );
    let unknown = sightline(&["indicators", "explain", "no_such_indicator"]);
    assert_eq!(unknown.status.code(), Some(1));
}

#[test]
fn validate_finds_injected_faults_and_exits_3() {
    let tmp = tempfile::tempdir().unwrap();
    let extract = tmp.path().join("extract");
    let out = sightline(&[
        "generate",
        "--out",
        extract.to_str().unwrap(),
        "--population",
        "4000",
        "--faults",
        "0.05",
        "-q",
    ]);
    assert!(out.status.success(), "{}", stderr(&out));
    let findings = tmp.path().join("findings.csv");
    let out = sightline(&[
        "validate",
        "ssda903",
        extract.join("ssda903").to_str().unwrap(),
        "--year",
        "2026",
        "--out",
        findings.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(3), "{}", stdout(&out));
    let text = std::fs::read_to_string(&findings).unwrap();
    let mut lines = text.lines();
    assert_eq!(
        lines.next(),
        Some("rule_code,table,row_number,child_id,fields,message")
    );
    assert!(lines.count() > 0);
}
