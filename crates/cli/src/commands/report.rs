//! `sightline report board|children-in-care|worklists|data-quality --month YYYY-MM [--public]
//! --format html|xlsx|pdf --out PATH`: one report of one month, from a snapshot in the store.

use crate::args::{ReportArgs, ReportFormat, ReportName};
use crate::progress::Ui;
use anyhow::{Context as _, Result};
use sightline_cli::reports::{self, ReportKind};
use sightline_report::{Audience, OutputFormat};

fn kind(name: ReportName) -> ReportKind {
    match name {
        ReportName::Board => ReportKind::Board,
        ReportName::ChildrenInCare => ReportKind::ChildrenInCare,
        ReportName::Worklists => ReportKind::Worklists,
        ReportName::DataQuality => ReportKind::DataQuality,
    }
}

fn format(format: ReportFormat) -> OutputFormat {
    match format {
        ReportFormat::Html => OutputFormat::Html,
        ReportFormat::Xlsx => OutputFormat::Xlsx,
        ReportFormat::Pdf => OutputFormat::Pdf,
    }
}

pub fn run(args: &ReportArgs, ui: &Ui) -> Result<()> {
    let kind = kind(args.report);
    let audience = if args.public {
        Audience::Public
    } else {
        Audience::Internal
    };
    // Refuse before any work: child-level reports are never public.
    reports::check_audience(kind, audience)?;
    let store = reports::open_store(&args.db)?;
    let step = ui.step("loading the snapshot");
    let loaded = reports::load(store.as_ref(), args.snapshot)?;
    reports::check_month(args.month, loaded.summary.extract_date)?;
    let population = sightline_cli::measures::population(
        loaded.summary.la_code,
        loaded.summary.extract_date,
        args.population,
    )?;
    let ctx = sightline_cli::measures::context(&loaded, population);
    ui.done(
        step,
        format!(
            "snapshot {} ({}, {})",
            loaded.summary.id.0, loaded.summary.source_format, loaded.summary.extract_date
        ),
    );
    let step = ui.step(&format!("building the {} report", kind.name()));
    let doc = reports::build(kind, store.as_ref(), &loaded, &ctx, args.month, audience)?;
    ui.done(step, format!("{} sections", doc.sections.len()));
    if let Some(dir) = args.out.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    doc.write(format(args.format), &args.out)
        .with_context(|| format!("cannot write {}", args.out.display()))?;
    println!("{}", args.out.display());
    Ok(())
}
