//! End-to-end tests of `sightline plan check` on small plan files written here, and on the
//! embedded example.

use std::process::{Command, Output};

fn sightline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sightline"))
        .args(args)
        .output()
        .expect("the sightline binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

const PLAN: &str = r#"[plan]
title = "Test plan"
council = "Testshire"
start = 2019-07-01
end = 2020-03-31

[[recommendations]]
id = "O1"
body = "Ofsted"
text = "Better recording."

[[recommendations]]
id = "O2"
body = "Ofsted"
text = "Better plans."

[[priorities]]
id = "P1"
title = "Front Door"
owner = "Head of Service"

[[priorities.actions]]
id = "A1"
text = "Train staff"
due = 2019-12-31
recommendations = ["O1"]

[[priorities.measures]]
text = "Re-referrals"
indicator = "rereferrals_12m_pct"
target = 24.6
"#;

fn write_plan(dir: &tempfile::TempDir, text: &str) -> String {
    let path = dir.path().join("plan.toml");
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}

#[test]
fn the_embedded_example_is_clean() {
    let out = sightline(&["plan", "check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Children's Services Improvement Plan 2019/20 (Kirklees Council, 2019-07-01 to 2020-03-31): 10 priorities, 86 actions, 10 recommendations, 17 targets"),
        "{stdout}"
    );
    assert!(stdout.ends_with("; 0 warning(s)\n"), "{stdout}");
}

#[test]
fn warnings_are_listed_and_strict_makes_them_fail() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_plan(
        &dir,
        &PLAN.replace("\"rereferrals_12m_pct\"", "\"rereferals\""),
    );
    let out = sightline(&["plan", "check", &path]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    let lines: Vec<&str> = stdout.lines().collect();
    assert_eq!(
        lines[..2],
        [
            format!(
                "warning: {path}: recommendations[1]: recommendation `O2` is addressed by no action: cite it in an action's `recommendations`"
            ),
            format!(
                "warning: {path}: line 29: priorities[0].measures[0].indicator: indicator `rereferals` no longer exists in the catalogue (renamed or removed?): `sightline indicators --format csv` lists the ids"
            ),
        ]
    );
    let out = sightline(&["plan", "check", &path, "--strict"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(text(&out.stderr).contains("2 warning(s) and --strict"));
}

#[test]
fn errors_exit_1_and_name_the_line_and_path() {
    let dir = tempfile::tempdir().unwrap();
    let bad = PLAN
        .replace("due = 2019-12-31", "due = 2020-12-31")
        .replace(
            "recommendations = [\"O1\"]",
            "recommendations = [\"O1\", \"O9\"]\nstatus = \"late\"",
        );
    let path = write_plan(&dir, &bad);
    let out = sightline(&["plan", "check", &path]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(
        lines,
        [
            format!(
                "error: {path}:25: priorities[0].actions[0].due: due date 2020-12-31 is outside the plan period (2019-07-01 to 2020-03-31)"
            ),
            format!(
                "error: {path}:27: priorities[0].actions[0].status: unknown status \"late\": expected one of \"not started\", \"on track\", \"at risk\", \"off track\", \"complete\""
            ),
            format!(
                "error: {path}:26: priorities[0].actions[0].recommendations[1]: unknown recommendation reference `O9` (known: O1, O2)"
            ),
            format!("error: {path}: 3 error(s); the plan cannot be used"),
        ]
    );
}

/// The board pack from a small synthetic council, end to end through the library: the months
/// are outside the 2019/20 plan, so its targets are applied for illustration and the pack says so.
#[test]
fn the_board_pack_builds_from_a_snapshot() {
    use sightline_report::{Block, Cell, RagStatus};
    let dir = tempfile::tempdir().unwrap();
    let files = dir.path().join("files");
    let db = dir.path().join("s.db");
    let files_arg = files.to_str().unwrap();
    let out = sightline(&[
        "generate",
        "--out",
        files_arg,
        "--population",
        "4000",
        "--seed",
        "7",
        "--quiet",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = sightline(&["import", files_arg, "--db", db.to_str().unwrap(), "--quiet"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let store = sightline_cli::reports::open_store(&db).unwrap();
    let loaded = sightline_cli::reports::load(store.as_ref(), None).unwrap();
    let ctx = sightline_cli::measures::context(&loaded, 100_000);
    let month = sightline_measures::period::Month::parse("2026-02").unwrap();
    let doc = sightline_cli::reports::build(
        sightline_cli::reports::ReportKind::Board,
        store.as_ref(),
        &loaded,
        &ctx,
        month,
        sightline_report::Audience::Internal,
    )
    .unwrap();
    let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(ids.len(), 14, "{ids:?}");
    assert_eq!(ids[13], "data-quality");
    assert!(doc.sections[0].blocks.iter().any(|b| matches!(b,
        Block::Notice { text, .. } if text.contains("outside the plan period"))));
    // Front Door's re-referrals row has a value and is rated against the plan's 24.6 / 22.1.
    let front_door = &doc.sections[2];
    let table = front_door
        .blocks
        .iter()
        .find_map(|b| match b {
            Block::Table(t) if t.id == "priority-p2-indicators" => Some(t),
            _ => None,
        })
        .unwrap();
    let row = table
        .rows
        .iter()
        .find(|r| {
            r.cells[0]
                == Cell::text("Percentage of referrals that are re-referrals within 12 months")
        })
        .unwrap();
    assert!(
        matches!(row.cells[8], Cell::Number { value: Some(_), .. }),
        "{row:?}"
    );
    assert_eq!(
        (row.cells[9].display_text(), row.cells[10].display_text()),
        ("24.6".into(), "22.1".into())
    );
    assert_ne!(row.cells[11], Cell::Rag(RagStatus::NotRated));
    let Cell::Sparkline(values) = &row.cells[13] else {
        panic!("{row:?}")
    };
    assert_eq!(values.len(), 13);
    let html = dir.path().join("board.html");
    doc.write(sightline_report::OutputFormat::Html, &html)
        .unwrap();
    assert!(
        std::fs::read_to_string(&html)
            .unwrap()
            .contains("Improvement Board performance pack")
    );
}
