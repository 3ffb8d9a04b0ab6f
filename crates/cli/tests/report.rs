//! End-to-end tests of `sightline report` and of the pack `sightline demo` writes, on a small
//! synthetic council.

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
const SMALL: &[&str] = &["--population", "4000", "--seed", "11", "--quiet"];

/// The month the small council's data (ending 2026-03-31) covers last.
const MONTH: &str = "2026-03";

fn demo(dir: &Path) -> Output {
    let mut args = vec!["demo", "--dir", dir.to_str().unwrap()];
    args.extend_from_slice(SMALL);
    let out = sightline(&args);
    assert!(out.status.success(), "demo failed: {}", stderr(&out));
    out
}

fn report(db: &Path, verb: &str, format: &str, out: &Path, public: bool) -> Output {
    let mut args = vec![
        "report",
        verb,
        "--month",
        MONTH,
        "--format",
        format,
        "--out",
        out.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "--population",
        "4000",
        "-q",
    ];
    if public {
        args.push("--public");
    }
    sightline(&args)
}

#[test]
fn every_report_verb_writes_its_file_and_demo_writes_the_pack() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("demo");
    let out = demo(&dir);
    let text = stdout(&out);
    assert!(text.contains("report pack, 2026-03 (18 files)"), "{text}");

    // The demo's pack: every report internally, the board pack and children in care publicly
    // too, in 3 formats.
    let reports = dir.join("reports");
    for name in [
        "board-2026-03.html",
        "board-2026-03-public.pdf",
        "children-in-care-2026-03.html",
        "children-in-care-2026-03.xlsx",
        "children-in-care-2026-03.pdf",
        "children-in-care-2026-03-public.html",
        "worklists-2026-03.pdf",
        "data-quality-2026-03.xlsx",
    ] {
        let path = reports.join(name);
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        assert!(size > 1000, "{} missing or empty", path.display());
    }
    let public =
        std::fs::read_to_string(reports.join("children-in-care-2026-03-public.html")).unwrap();
    assert!(public.contains("Number and Age of Children in Care"));
    assert!(public.contains("children in care at the end of March 2026"));

    let db = dir.join("sightline.db");
    for (verb, format) in [
        ("board", "html"),
        ("board", "xlsx"),
        ("children-in-care", "html"),
        ("children-in-care", "pdf"),
        ("worklists", "xlsx"),
        ("data-quality", "html"),
    ] {
        let path = tmp.path().join(format!("{verb}.{format}"));
        let out = report(&db, verb, format, &path, false);
        assert!(out.status.success(), "{verb} {format}: {}", stderr(&out));
        assert_eq!(stdout(&out).trim(), path.display().to_string());
        let bytes = std::fs::read(&path).unwrap();
        match format {
            "pdf" => assert!(bytes.starts_with(b"%PDF"), "{verb}: not a PDF"),
            "xlsx" => assert!(bytes.starts_with(b"PK"), "{verb}: not a workbook"),
            _ => assert!(bytes.len() > 1000),
        }
    }
    // The data-quality report reads the validation the demo stored with the snapshots.
    let quality = std::fs::read_to_string(tmp.path().join("data-quality.html")).unwrap();
    assert!(quality.contains("validation run"), "no stored run named");
    assert!(quality.contains("SSDA903 2025-26"));

    // A public children-in-care report is allowed and says so on the page.
    let path = tmp.path().join("public.html");
    let out = report(&db, "children-in-care", "html", &path, true);
    assert!(out.status.success(), "{}", stderr(&out));
    let html = std::fs::read_to_string(&path).unwrap();
    assert!(html.contains("shown as c"));

    // A month after the snapshot's data is refused with the latest month it can do.
    let out = sightline(&[
        "report",
        "children-in-care",
        "--month",
        "2026-04",
        "--format",
        "html",
        "--out",
        path.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("choose 2026-03 or earlier"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn child_level_reports_are_never_public() {
    let tmp = tempfile::tempdir().unwrap();
    let out_path = tmp.path().join("w.html");
    for verb in ["worklists", "data-quality"] {
        // Refused before the store is even opened: no store exists here.
        let out = report(&tmp.path().join("none.db"), verb, "html", &out_path, true);
        assert_eq!(out.status.code(), Some(1), "{verb}");
        let err = stderr(&out);
        assert!(err.contains("never public"), "{verb}: {err}");
        assert!(err.contains("leave out --public"), "{verb}: {err}");
        assert!(!out_path.exists());
    }
}

#[test]
fn a_bad_month_is_a_usage_error_that_says_what_is_expected() {
    for month in ["2026-13", "March", "2026/03"] {
        let out = sightline(&[
            "report",
            "children-in-care",
            "--month",
            month,
            "--format",
            "html",
            "--out",
            "x.html",
        ]);
        assert_eq!(out.status.code(), Some(2), "{month}");
        let err = stderr(&out);
        assert!(err.contains("--month"), "{err}");
        assert!(err.contains("YYYY-MM"), "{err}");
    }
}

#[test]
fn import_records_the_validation_the_data_quality_report_reads() {
    let tmp = tempfile::tempdir().unwrap();
    let extract = tmp.path().join("extract");
    let mut args = vec!["generate", "--out", extract.to_str().unwrap()];
    args.extend_from_slice(SMALL);
    let out = sightline(&args);
    assert!(out.status.success(), "generate: {}", stderr(&out));
    let db = tmp.path().join("store.db");
    let out = sightline(&[
        "import",
        extract.to_str().unwrap(),
        "--db",
        db.to_str().unwrap(),
        "-q",
    ]);
    assert!(out.status.success(), "import: {}", stderr(&out));
    let text = stdout(&out);
    assert!(text.contains("SSDA903 2025-26: "), "{text}");
    assert!(text.contains("CIN census 2025-26: "), "{text}");
    assert!(text.contains("validation run"), "{text}");

    let path = tmp.path().join("dq.xlsx");
    let out = report(&db, "data-quality", "xlsx", &path, false);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(std::fs::read(&path).unwrap().starts_with(b"PK"));
}
