//! `sightline demo`: the main job on the embedded default, end to end.
//!
//! Generates the synthetic council, writes its statutory files to DIR/extract, imports them into
//! a fresh DIR/sightline.db (built beside the old one and swapped in only when complete) and prints
//! a summary. Later issues add validation, indicators and reports to this verb.

use crate::args::DemoArgs;
use crate::progress::Ui;
use anyhow::{Context, Result};
use sightline_model::ids::LaCode;
use sightline_store::{SnapshotStore, SqliteStore};
use std::path::Path;
use std::time::Instant;

/// The figures the demo prints; the workbook has them all.
const HEADLINES: &[&str] = &[
    "contacts",
    "referrals",
    "rereferrals_12m_pct",
    "assessments",
    "assessments_45wd_pct",
    "s47_enquiries",
    "icpc_15wd_pct",
    "cp_plans",
    "cla_count",
    "cla_rate_10k",
    "cla_placed_over_20_miles_pct",
    "care_leavers_in_touch_pct",
    "average_caseload",
];

fn fmt(v: Option<f64>) -> String {
    v.map(|v| format!("{v:.1}")).unwrap_or_else(|| "-".into())
}

/// Validates the written 903 and CIN returns and writes their HTML data-quality reports;
/// `record` is given each return's results (ruleset `ssda903` or `cin`) to store; returns one
/// summary line per return.
fn validate_returns(
    extract: &Path,
    reports: &Path,
    year: i32,
    la: LaCode,
    record: &mut dyn FnMut(&str, &[sightline_rules::RuleReport]) -> Result<()>,
) -> Result<Vec<String>> {
    use sightline_report::DataQualityReport;
    let postcodes =
        sightline_cli::validation::parse_postcodes(sightline_synth::postcode_reference_csv())?;
    let tables = sightline_formats::ssda903::read_tables(&sightline_cli::validation::files_of(
        sightline_formats::Format::Ssda903,
        &[extract.join("ssda903")],
    )?)?;
    let r903 = sightline_cli::validation::validate_903_tables(
        &tables,
        None,
        Some(&postcodes),
        Some(la),
        year,
    );
    let cin_file = sightline_cli::validation::files_of(
        sightline_formats::Format::CinCensus,
        &[extract.join("cin")],
    )?;
    let cin_file = cin_file.first().context("no CIN census file was written")?;
    let rcin = sightline_cli::validation::validate_cin(cin_file, year)?;
    let mut out = Vec::new();
    for (name, reports_of, with_severity, file) in [
        ("SSDA903", &r903, false, "data-quality-ssda903.html"),
        ("CIN census", &rcin, true, "data-quality-cin.html"),
    ] {
        record(if with_severity { "cin" } else { "ssda903" }, reports_of)?;
        let report = DataQualityReport {
            return_name: format!("{name} {}-{:02}", year - 1, year % 100),
            with_severity,
            reports: reports_of,
        };
        let path = reports.join(file);
        sightline_report::write_html(&path, &report)?;
        let (errors, queries) = report.totals();
        out.push(format!(
            "{}: {errors} errors, {queries} queries ({})",
            report.return_name,
            path.display()
        ));
    }
    Ok(out)
}

pub fn run(args: &DemoArgs, ui: &Ui) -> Result<()> {
    let started = Instant::now();
    let synthetic = super::synthesise(&args.synth, ui)?;
    let extract = args.dir.join("extract");
    if extract.exists() {
        // The demo owns DIR/extract: stale files from another run must not be imported.
        std::fs::remove_dir_all(&extract)
            .with_context(|| format!("cannot clear {}", extract.display()))?;
    }
    let step = ui.step("writing statutory files");
    let files = sightline_cli::pipeline::write_files(&extract, &synthetic, None)?;
    ui.done(
        step,
        format!("wrote {} files to {}", files.len(), extract.display()),
    );

    let step = ui.step("reading them back");
    let groups = sightline_cli::pipeline::read_paths(std::slice::from_ref(&extract))?;
    ui.done(step, format!("read {} formats", groups.len()));

    let db = args.dir.join("sightline.db");
    let building = args.dir.join("sightline.db.building");
    let _ = std::fs::remove_file(&building);
    let step = ui.step("importing snapshots");
    let mut store = SqliteStore::open(&building)
        .with_context(|| format!("cannot create {}", building.display()))?;
    let ids = sightline_cli::pipeline::import_groups(
        &mut store,
        &groups,
        Some(synthetic.council.la_code),
        Some(synthetic.end),
    )?;
    drop(store);
    std::fs::rename(&building, &db)
        .with_context(|| format!("cannot move the new store to {}", db.display()))?;
    ui.done(
        step,
        format!("stored {} snapshots in {}", ids.len(), db.display()),
    );

    // The web application's demo accounts: one per role, random passwords printed once below.
    let accounts = {
        let app = sightline_store::open_app_store(&db.to_string_lossy())?;
        sightline_web::accounts::create_demo_accounts(
            app.as_ref(),
            &synthetic.records,
            sightline_web::utc_now(),
        )?
    };

    let formats: Vec<&str> = groups.iter().map(|g| g.format.name()).collect();
    drop(groups);

    let reports_dir = args.dir.join("reports");
    std::fs::create_dir_all(&reports_dir)
        .with_context(|| format!("cannot create {}", reports_dir.display()))?;
    let spec = sightline_cli::pipeline::extract_spec(&synthetic);
    let year = spec.collection_year_ending;
    let step = ui.step("validating the SSDA903 and CIN census returns");
    let app = sightline_cli::reports::open_store(&db)?;
    // Stored with the snapshots, for the data-quality report.
    let mut record = |ruleset: &str, reports: &[sightline_rules::RuleReport]| -> Result<()> {
        let Some(id) = formats
            .iter()
            .zip(&ids)
            .find(|(f, _)| **f == ruleset)
            .map(|(_, id)| *id)
        else {
            return Ok(());
        };
        let ran_at = app
            .snapshot_summary(id)?
            .map(|s| s.imported_at)
            .unwrap_or_default();
        sightline_cli::reports::record_validation(
            app.as_ref(),
            id,
            ruleset,
            year,
            reports,
            ran_at,
        )?;
        Ok(())
    };
    let quality = validate_returns(
        &extract,
        &reports_dir,
        year,
        synthetic.council.la_code,
        &mut record,
    )?;
    ui.done(
        step,
        format!(
            "wrote the data-quality reports to {}",
            reports_dir.display()
        ),
    );

    let step = ui.step("computing the indicators");
    let loaded = sightline_cli::measures::load_snapshot(&db, None)?;
    let ctx = sightline_cli::measures::context(&loaded, args.synth.population);
    let lines =
        sightline_cli::measures::indicator_lines(&ctx, loaded.summary.extract_date, None, None)?;
    let workbook = reports_dir.join("indicators.xlsx");
    super::indicators::write_xlsx(&lines, &workbook)?;
    ui.done(step, format!("wrote {}", workbook.display()));

    let step = ui.step("writing the month's report pack");
    let pack_month = lines.first().map(|l| l.month);
    let (pack, pack_skipped) = match pack_month {
        Some(month) => {
            let (docs, skipped) =
                sightline_cli::reports::pack_documents(app.as_ref(), &loaded, &ctx, month);
            (
                sightline_cli::reports::write_pack(&reports_dir, month, &docs)?,
                skipped,
            )
        }
        None => (Vec::new(), vec!["no complete month to report".to_owned()]),
    };
    ui.done(step, format!("wrote {} report files", pack.len()));

    let store = SqliteStore::open(&db)?;
    println!(
        "Sightline demo: {} ({}), synthetic, {} to {}",
        synthetic.council.name, synthetic.council.la_code, synthetic.start, synthetic.end
    );
    println!("extract: {}", extract.display());
    println!("store:   {}", db.display());
    println!();
    println!("id\tformat\textract_date\timported_at\tfiles\trecords");
    for summary in store.list()? {
        super::snapshots::print_line(&summary);
    }
    println!();
    println!("records generated:");
    for (kind, n) in synthetic
        .records
        .counts()
        .into_iter()
        .filter(|(_, n)| *n > 0)
    {
        println!("  {n:>9}  {kind}");
    }
    println!();
    for line in &quality {
        println!("{line}");
    }
    println!();
    let month = lines
        .first()
        .map(|l| l.month.to_string())
        .unwrap_or_default();
    println!("headline indicators, {month} (value / last-12-months average):");
    for id in HEADLINES {
        if let Some(l) = lines.iter().find(|l| l.meta.id == *id) {
            println!(
                "  {:<34} {:>9} {:>9}  {}",
                l.meta.id,
                fmt(l.value),
                fmt(l.last_12_months_average),
                l.meta.unit.label()
            );
        }
    }
    println!("all {} indicators: {}", lines.len(), workbook.display());
    println!("reports: {}", reports_dir.display());
    if let Some(month) = pack_month {
        println!();
        println!("report pack, {month} ({} files):", pack.len());
        for file in &pack {
            println!("  {}", file.path.display());
        }
        for reason in &pack_skipped {
            println!("  not written: {reason}");
        }
    }
    println!();
    println!("web application: `sightline serve`, then open http://127.0.0.1:8080 and sign in as");
    for a in &accounts {
        println!(
            "  {:<16} password {}  ({}{})",
            a.name,
            a.password,
            a.role.name(),
            a.team
                .as_deref()
                .map(|t| format!(", team {t}"))
                .unwrap_or_default()
        );
    }
    println!("  (passwords are random and shown only now; `sightline users add` makes more)");
    println!();
    println!("done in {:.1} s", started.elapsed().as_secs_f64());
    Ok(())
}
