//! End-to-end test of `sightline-bench` in its England layout on a tiny population: every one of
//! England's councils is generated, written, read and imported into one store.

use std::process::{Command, Output};

fn run(exe: &str, args: &[&str]) -> Output {
    Command::new(exe)
        .args(args)
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn england_layout_imports_every_council_as_its_own_snapshots() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().to_str().unwrap();
    let out = run(
        env!("CARGO_BIN_EXE_sightline-bench"),
        &[
            "--population",
            "3000",
            "--england",
            "--import",
            "ssd,cin",
            "--dir",
            dir,
        ],
    );
    let stdout = text(&out.stdout);
    assert!(out.status.success(), "{stdout}\n{}", text(&out.stderr));
    assert!(stdout.contains("153/153 councils"), "{stdout}");
    // Two formats imported per council; the files are removed once imported.
    assert!(stdout.contains("in 306 snapshots"), "{stdout}");
    assert!(
        std::fs::read_dir(tmp.path().join("extract"))
            .unwrap()
            .next()
            .is_none(),
        "council folders were left behind"
    );

    let db = tmp.path().join("bench.db");
    let out = run(
        env!("CARGO_BIN_EXE_sightline"),
        &["snapshots", "--db", db.to_str().unwrap()],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    let listing = text(&out.stdout);
    let rows: Vec<&str> = listing.lines().skip(1).collect();
    assert_eq!(rows.len(), 306, "{listing}");
    assert_eq!(rows.iter().filter(|r| r.contains("\tssd\t")).count(), 153);
}

#[test]
fn an_unknown_import_format_is_a_clear_error() {
    let out = run(
        env!("CARGO_BIN_EXE_sightline-bench"),
        &["--population", "10", "--import", "ssd,xml"],
    );
    assert!(!out.status.success());
    assert!(text(&out.stderr).contains("unknown format \"xml\""));
}
