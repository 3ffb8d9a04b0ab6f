//! Building the month's reports from the store: shared by `sightline report`, `sightline demo`
//! and the pack benchmark (`examples/bench_pack.rs`), so all three run the same code path.
//!
//! Also: recording a return's validation in the store after an import, which is what the
//! data-quality report reads.

use crate::measures::Loaded;
use anyhow::{Context as _, Result, bail};
use sightline_measures::benchmarks::{self, SnVersion};
use sightline_measures::context::Context;
use sightline_measures::period::Month;
use sightline_measures::scrutiny;
use sightline_measures::timescales;
use sightline_model::NaiveDate;
use sightline_report::{Audience, Document, OutputFormat};
use sightline_store::{AppStore, SnapshotId};
use std::path::{Path, PathBuf};

pub use sightline_service::board::{
    BoardData, PLAN_ID, board_figures, quality_returns, shipped_plan, worklist_date,
};
pub use sightline_service::validation::{
    RecordedRun, has_rules, record_validation, return_name, stored_findings, validate_files,
};

/// The reports `sightline report` writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReportKind {
    /// The Improvement Board performance pack.
    Board,
    /// The Scrutiny Panel's "Number of children in care".
    ChildrenInCare,
    /// Team managers' worklists (names children: never public).
    Worklists,
    /// Validation findings (names children: never public).
    DataQuality,
}

impl ReportKind {
    /// Every report, in pack order.
    pub const ALL: [ReportKind; 4] = [
        ReportKind::Board,
        ReportKind::ChildrenInCare,
        ReportKind::Worklists,
        ReportKind::DataQuality,
    ];

    /// The name on the command line and in file names.
    pub fn name(self) -> &'static str {
        match self {
            ReportKind::Board => "board",
            ReportKind::ChildrenInCare => "children-in-care",
            ReportKind::Worklists => "worklists",
            ReportKind::DataQuality => "data-quality",
        }
    }

    /// Whether the report lists children, so may never be public.
    pub fn names_children(self) -> bool {
        matches!(self, ReportKind::Worklists | ReportKind::DataQuality)
    }
}

/// Refuses a public version of a report that names children.
pub fn check_audience(kind: ReportKind, audience: Audience) -> Result<()> {
    if audience == Audience::Public && kind.names_children() {
        bail!(
            "--public: the {} report lists children by id, and child-level data is never \
             public; leave out --public (the report is marked internal on every page)",
            kind.name()
        );
    }
    Ok(())
}

/// Parses `--month`: `YYYY-MM`.
pub fn parse_month(text: &str) -> Result<Month, String> {
    Month::parse(text.trim())
        .ok_or_else(|| format!("expected a month as YYYY-MM, e.g. 2026-03, not {text:?}"))
}

/// Checks that the snapshot covers the whole month.
pub fn check_month(month: Month, extract_date: NaiveDate) -> Result<()> {
    if month.last_day() > extract_date {
        let mut latest = Month::of(extract_date);
        if latest.last_day() > extract_date {
            latest = latest.prev();
        }
        bail!(
            "--month {month}: the snapshot's data runs to {extract_date}, so {month} is not \
             complete; choose {latest} or earlier"
        );
    }
    Ok(())
}

/// Opens the store `--db` names (an SQLite file, or a `postgres://` URL).
pub fn open_store(db: &Path) -> Result<Box<dyn AppStore>> {
    let text = db.to_string_lossy();
    let is_url = text.starts_with("postgres://")
        || text.starts_with("postgresql://")
        || text.starts_with("sqlite://");
    if !is_url && !db.exists() {
        bail!(
            "no store at {}: run `sightline demo` or `sightline import` first, or pass --db",
            db.display()
        );
    }
    sightline_store::open_app_store(&text)
        .with_context(|| format!("cannot open the store {}", db.display()))
}

/// Loads the chosen snapshot (default: the latest SSD one, else the latest of any format).
pub fn load(store: &dyn AppStore, snapshot: Option<i64>) -> Result<Loaded> {
    let summary = match snapshot {
        Some(id) => store
            .snapshot_summary(SnapshotId(id))?
            .with_context(|| format!("no snapshot {id} in the store"))?,
        None => match store.latest_snapshot(Some("ssd"))? {
            Some(s) => s,
            None => store
                .latest_snapshot(None)?
                .context("the store holds no snapshot yet: run `sightline import` first")?,
        },
    };
    let records = store.load_snapshot(summary.id)?;
    Ok(Loaded { summary, records })
}

/// The council's name for report covers.
pub fn council_name(loaded: &Loaded) -> String {
    loaded
        .summary
        .la_code
        .and_then(benchmarks::council)
        .map(|c| c.name)
        .unwrap_or_else(|| "Council".to_owned())
}

/// The "Number of children in care" report.
pub fn children_in_care(
    ctx: &Context,
    month: Month,
    council: &str,
    audience: Audience,
) -> Result<Document> {
    let figures = scrutiny::children_in_care(ctx, month, SnVersion::default())?;
    Ok(sightline_report::scrutiny::children_in_care_document(
        &figures, council, audience,
    ))
}

/// The team managers' worklists as they stood at the end of `month`.
pub fn worklists(ctx: &Context, month: Month, extract_date: NaiveDate, council: &str) -> Document {
    let as_of = worklist_date(month, extract_date);
    let tasks = timescales::tasks(ctx, as_of);
    sightline_report::scrutiny::worklists_document(ctx, &tasks, as_of, council)
}

/// The data-quality report.
pub fn data_quality(store: &dyn AppStore, month: Month, council: &str) -> Result<Document> {
    let returns = quality_returns(store)?;
    Ok(sightline_report::scrutiny::data_quality_document(
        &returns, month, council,
    ))
}

/// Validates the SSDA903 and CIN census snapshots just imported (other formats have no rules)
/// and records each run in the store, dated with the snapshot's import time; returns one line per
/// return ("SSDA903 2025-26: 3 errors, 0 queries (validation run 1)").
pub fn validate_imported(
    store: &dyn AppStore,
    groups: &[crate::pipeline::ReadGroup],
    ids: &[SnapshotId],
) -> Result<Vec<String>> {
    let mut lines = Vec::new();
    for (group, &id) in groups.iter().zip(ids) {
        let ruleset = group.format.name();
        if !has_rules(ruleset) {
            continue;
        }
        let summary = store
            .snapshot_summary(id)?
            .with_context(|| format!("snapshot {} vanished after import", id.0))?;
        let year = sightline_model::collection_year_ending(summary.extract_date);
        let reports = validate_files(ruleset, &group.files, year, summary.la_code)?;
        let run = record_validation(store, id, ruleset, year, &reports, summary.imported_at)?;
        lines.push(format!(
            "{}: {} errors, {} queries (validation run {})",
            return_name(ruleset, year),
            run.errors,
            run.queries,
            run.run
        ));
    }
    Ok(lines)
}

/// Builds one report (`board` needs the board pack of `sightline_report::board`).
pub fn build(
    kind: ReportKind,
    store: &dyn AppStore,
    loaded: &Loaded,
    ctx: &Context,
    month: Month,
    audience: Audience,
) -> Result<Document> {
    check_audience(kind, audience)?;
    let council = council_name(loaded);
    match kind {
        ReportKind::Board => board(store, ctx, month, audience),
        ReportKind::ChildrenInCare => children_in_care(ctx, month, &council, audience),
        ReportKind::Worklists => Ok(worklists(ctx, month, loaded.summary.extract_date, &council)),
        ReportKind::DataQuality => data_quality(store, month, &council),
    }
}

/// The Improvement Board pack of the shipped 2019/20 plan: every indicator rated against the
/// plan's targets, the file's progress log merged with the updates stored by the web app, and
/// the data-quality summary. Outside the plan period the targets rate every month (synthetic
/// data), and the pack says so.
fn board(
    store: &dyn AppStore,
    ctx: &Context,
    month: Month,
    audience: Audience,
) -> Result<Document> {
    Ok(board_data(store, ctx, month)?.document(month, audience))
}

/// Computes the board pack's inputs for the shipped plan: the indicators for the month rated
/// against its targets, the merged progress log and the data-quality results.
pub fn board_data(store: &dyn AppStore, ctx: &Context, month: Month) -> Result<BoardData> {
    sightline_service::board::board_data(store, ctx, month, shipped_plan()?, PLAN_ID)
}

/// One file of a written pack.
pub struct PackFile {
    /// The report.
    pub kind: ReportKind,
    /// Public or internal.
    pub audience: Audience,
    /// Format.
    pub format: OutputFormat,
    /// Where it was written.
    pub path: PathBuf,
}

/// The versions of the month's pack: every report internally, and the board pack and the
/// children-in-care report publicly too.
pub fn pack_versions() -> Vec<(ReportKind, Audience)> {
    let mut out: Vec<(ReportKind, Audience)> = ReportKind::ALL
        .iter()
        .map(|&k| (k, Audience::Internal))
        .collect();
    out.push((ReportKind::Board, Audience::Public));
    out.push((ReportKind::ChildrenInCare, Audience::Public));
    out
}

/// File name of one pack file: `children-in-care-2026-03-public.pdf`.
pub fn pack_file_name(
    kind: ReportKind,
    month: Month,
    audience: Audience,
    format: OutputFormat,
) -> String {
    let suffix = if audience == Audience::Public {
        "-public"
    } else {
        ""
    };
    format!("{}-{month}{suffix}.{}", kind.name(), format.extension())
}

/// Formats every pack document is written in.
pub const PACK_FORMATS: [OutputFormat; 3] =
    [OutputFormat::Html, OutputFormat::Xlsx, OutputFormat::Pdf];

/// Writes documents in every format into `dir`.
pub fn write_pack(
    dir: &Path,
    month: Month,
    documents: &[(ReportKind, Document)],
) -> Result<Vec<PackFile>> {
    std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let mut files = Vec::new();
    for (kind, doc) in documents {
        for format in PACK_FORMATS {
            let path = dir.join(pack_file_name(*kind, month, doc.audience, format));
            doc.write(format, &path)
                .with_context(|| format!("cannot write {}", path.display()))?;
            files.push(PackFile {
                kind: *kind,
                audience: doc.audience,
                format,
                path,
            });
        }
    }
    Ok(files)
}

/// Builds every document of the month's pack ([`pack_versions`]), computing each report's
/// figures once for its internal and public versions; a report that cannot be built is skipped
/// with its reason.
pub fn pack_documents(
    store: &dyn AppStore,
    loaded: &Loaded,
    ctx: &Context,
    month: Month,
) -> (Vec<(ReportKind, Document)>, Vec<String>) {
    let council = council_name(loaded);
    let mut docs = Vec::new();
    let mut skipped = Vec::new();
    let mut fail = |kind: ReportKind, e: anyhow::Error| {
        skipped.push(format!("{}: {e:#}", kind.name()));
    };
    let audiences = |kind: ReportKind| -> Vec<Audience> {
        pack_versions()
            .into_iter()
            .filter(|(k, _)| *k == kind)
            .map(|(_, a)| a)
            .collect()
    };
    match board_data(store, ctx, month) {
        Ok(data) => {
            for a in audiences(ReportKind::Board) {
                docs.push((ReportKind::Board, data.document(month, a)));
            }
        }
        Err(e) => fail(ReportKind::Board, e),
    }
    match scrutiny::children_in_care(ctx, month, SnVersion::default()) {
        Ok(figures) => {
            for a in audiences(ReportKind::ChildrenInCare) {
                docs.push((
                    ReportKind::ChildrenInCare,
                    sightline_report::scrutiny::children_in_care_document(&figures, &council, a),
                ));
            }
        }
        Err(e) => fail(ReportKind::ChildrenInCare, e.into()),
    }
    docs.push((
        ReportKind::Worklists,
        worklists(ctx, month, loaded.summary.extract_date, &council),
    ));
    match data_quality(store, month, &council) {
        Ok(doc) => docs.push((ReportKind::DataQuality, doc)),
        Err(e) => fail(ReportKind::DataQuality, e),
    }
    (docs, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_parse_or_say_what_is_expected() {
        assert_eq!(
            parse_month("2026-03"),
            Ok(Month {
                year: 2026,
                month: 3
            })
        );
        let err = parse_month("2026-13").unwrap_err();
        assert!(err.contains("YYYY-MM"), "{err}");
        assert!(parse_month("March").is_err());
    }

    #[test]
    fn the_month_must_be_complete_in_the_snapshot() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        let march = Month {
            year: 2026,
            month: 3,
        };
        assert!(check_month(march, d(2026, 3, 31)).is_ok());
        let err = check_month(march, d(2026, 3, 30)).unwrap_err().to_string();
        assert!(err.contains("choose 2026-02 or earlier"), "{err}");
        let err = check_month(march.next(), d(2026, 3, 31))
            .unwrap_err()
            .to_string();
        assert!(err.contains("choose 2026-03 or earlier"), "{err}");
    }

    #[test]
    fn child_level_reports_are_never_public() {
        assert!(check_audience(ReportKind::Worklists, Audience::Public).is_err());
        assert!(check_audience(ReportKind::DataQuality, Audience::Public).is_err());
        assert!(check_audience(ReportKind::Worklists, Audience::Internal).is_ok());
        assert!(check_audience(ReportKind::ChildrenInCare, Audience::Public).is_ok());
    }

    #[test]
    fn pack_names() {
        let march = Month {
            year: 2026,
            month: 3,
        };
        assert_eq!(
            pack_file_name(
                ReportKind::ChildrenInCare,
                march,
                Audience::Public,
                OutputFormat::Pdf
            ),
            "children-in-care-2026-03-public.pdf"
        );
        assert_eq!(pack_versions().len(), 6);
    }
}
