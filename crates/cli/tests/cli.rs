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
