//! Report downloads for the month the dashboard shows, as HTML, XLSX or PDF, built in memory
//! from the computed snapshot by the `sightline-report` builders:
//!
//! - `GET /reports`: what the caller may download.
//! - `GET /reports/public/{report}/{format}` (every role): the board pack and the
//!   children-in-care report with disclosure control (small numbers as "c").
//! - `GET /reports/internal/{report}/{format}` (roles with exact small numbers): the same two,
//!   unsuppressed.
//! - `GET /reports/child-level/{report}/{format}` (analyst, leader): the worklists and the
//!   data-quality findings, which list children across the council; recorded in the audit log
//!   (action `export`) before the file is built.
//!
//! Which version a role gets is decided by the route's capability (see `router.rs`), never by a
//! check in here.

use crate::audit::{self, Action};
use crate::capability::Capability;
use crate::error::PageError;
use crate::guard::CurrentUser;
use crate::layout;
use crate::pages::plan::served_plan;
use crate::state::AppState;
use crate::state::ServedPlan;
use crate::view::SnapshotView;
use axum::extract::{Path, State};
use axum::http::header;
use axum::response::{Html, IntoResponse, Response};
use maud::html;
use sightline_measures::benchmarks::{self, SnVersion};
use sightline_measures::context::Context;
use sightline_measures::period::Month;
use sightline_measures::settings::PracticeStandards;
use sightline_report::{Audience, Document, OutputFormat};
use sightline_store::AppStore;
use std::sync::Arc;

/// The reports offered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Report {
    /// The Improvement Board performance pack.
    Board,
    /// The Scrutiny Panel's "Number of children in care".
    ChildrenInCare,
    /// Team managers' worklists (lists children).
    Worklists,
    /// Validation findings of the latest returns (lists children).
    DataQuality,
}

impl Report {
    /// Every report.
    pub const ALL: [Report; 4] = [
        Report::Board,
        Report::ChildrenInCare,
        Report::Worklists,
        Report::DataQuality,
    ];

    /// The name in URLs and file names.
    pub fn name(self) -> &'static str {
        match self {
            Report::Board => "board",
            Report::ChildrenInCare => "children-in-care",
            Report::Worklists => "worklists",
            Report::DataQuality => "data-quality",
        }
    }

    /// The title on the page.
    pub fn title(self) -> &'static str {
        match self {
            Report::Board => "Improvement Board performance pack",
            Report::ChildrenInCare => "Number of children in care",
            Report::Worklists => "Team manager worklists",
            Report::DataQuality => "Data-quality findings",
        }
    }

    /// Whether it lists children (so is never public, and its download is audited).
    pub fn names_children(self) -> bool {
        matches!(self, Report::Worklists | Report::DataQuality)
    }

    fn parse(name: &str) -> Option<Report> {
        Report::ALL.into_iter().find(|r| r.name() == name)
    }
}

fn parse_format(name: &str) -> Option<OutputFormat> {
    [OutputFormat::Html, OutputFormat::Xlsx, OutputFormat::Pdf]
        .into_iter()
        .find(|f| f.extension() == name)
}

const FORMATS: [OutputFormat; 3] = [OutputFormat::Html, OutputFormat::Xlsx, OutputFormat::Pdf];

/// `GET /reports`.
pub async fn index(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Html<String>, PageError> {
    let view = crate::pages::view(&state)?;
    let links = |kind: &str, report: Report| {
        html! {
            @for f in FORMATS {
                a class="govuk-link sl-download" href=(format!("/reports/{kind}/{}/{}", report.name(), f.extension())) {
                    (f.extension().to_uppercase())
                    span class="govuk-visually-hidden" { " of the " (report.title()) " (" (kind) ")" }
                }
                " "
            }
        }
    };
    let body = html! {
        h1 class="govuk-heading-l" { "Reports" }
        p class="govuk-body" { "For " (view.month) ", from snapshot " (view.summary.id) " (data as at " (view.summary.extract_date) ")." }
        table class="govuk-table" {
            caption class="govuk-visually-hidden" { "Reports you can download" }
            thead { tr {
                th scope="col" { "Report" }
                th scope="col" { "Version" }
                th scope="col" { "Download" }
            } }
            tbody {
                @for r in [Report::Board, Report::ChildrenInCare] {
                    tr {
                        th scope="row" { (r.title()) }
                        td { "Public (small numbers suppressed)" }
                        td { (links("public", r)) }
                    }
                    @if user.can(Capability::ViewExactSmallNumbers) {
                        tr {
                            th scope="row" { (r.title()) }
                            td { "Internal" }
                            td { (links("internal", r)) }
                        }
                    }
                }
                @if user.can(Capability::ExportChildLevel) {
                    @for r in [Report::Worklists, Report::DataQuality] {
                        tr {
                            th scope="row" { (r.title()) }
                            td { "Internal: lists children, recorded in the audit log" }
                            td { (links("child-level", r)) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page("Reports", Some(&user), body))
}

/// `GET /reports/public/{report}/{format}`: board pack or children in care, suppressed.
pub async fn public(
    State(state): State<AppState>,
    Path((report, format)): Path<(String, String)>,
) -> Result<Response, PageError> {
    aggregate(state, &report, &format, Audience::Public).await
}

/// `GET /reports/internal/{report}/{format}`: board pack or children in care, exact.
pub async fn internal(
    State(state): State<AppState>,
    Path((report, format)): Path<(String, String)>,
) -> Result<Response, PageError> {
    aggregate(state, &report, &format, Audience::Internal).await
}

async fn aggregate(
    state: AppState,
    report: &str,
    format: &str,
    audience: Audience,
) -> Result<Response, PageError> {
    let report = Report::parse(report)
        .filter(|r| !r.names_children())
        .ok_or(PageError::NotFound)?;
    let format = parse_format(format).ok_or(PageError::NotFound)?;
    download(state, report, format, audience).await
}

/// `GET /reports/child-level/{report}/{format}`: worklists or data quality; audited.
pub async fn child_level(
    State(state): State<AppState>,
    user: CurrentUser,
    Path((report, format)): Path<(String, String)>,
) -> Result<Response, PageError> {
    let report = Report::parse(report.as_str())
        .filter(|r| r.names_children())
        .ok_or(PageError::NotFound)?;
    let format = parse_format(&format).ok_or(PageError::NotFound)?;
    let view = crate::pages::view(&state)?;
    audit::record(
        &state,
        &user,
        Action::Export,
        format!("report:{}/{}", report.name(), view.month),
        format!(
            "/reports/child-level/{}/{}",
            report.name(),
            format.extension()
        ),
    )
    .await?;
    download(state, report, format, Audience::Internal).await
}

async fn download(
    state: AppState,
    report: Report,
    format: OutputFormat,
    audience: Audience,
) -> Result<Response, PageError> {
    let view = crate::pages::view(&state)?;
    let store = state.store();
    let month = view.month;
    let plan = served_plan(&state)?;
    let bytes = tokio::task::spawn_blocking(move || -> anyhow::Result<Vec<u8>> {
        let doc = build(report, store.as_ref(), &plan, &view, month, audience)?;
        render(&doc, format)
    })
    .await
    .map_err(anyhow::Error::from)??;
    let content_type = match format {
        OutputFormat::Html => "text/html; charset=utf-8",
        OutputFormat::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        OutputFormat::Pdf => "application/pdf",
    };
    let suffix = match audience {
        Audience::Public => "-public",
        Audience::Internal => "",
    };
    let file = format!("{}-{month}{suffix}.{}", report.name(), format.extension());
    Ok((
        [
            (header::CONTENT_TYPE, content_type.to_owned()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{file}\""),
            ),
        ],
        bytes,
    )
        .into_response())
}

/// The document in a format (disclosure control is applied by the renderers when public).
fn render(doc: &Document, format: OutputFormat) -> anyhow::Result<Vec<u8>> {
    Ok(match format {
        OutputFormat::Html => sightline_report::render_html(doc).into_bytes(),
        OutputFormat::Xlsx => sightline_report::render::render_xlsx(doc)?,
        OutputFormat::Pdf => {
            sightline_report::render::render_pdf(doc).map_err(|m| anyhow::anyhow!(m))?
        }
    })
}

/// The computation context over the view's records (the same as the view was computed with).
fn context(view: &SnapshotView) -> Context<'_> {
    let ctx = Context::new(&view.records, PracticeStandards::default(), view.population);
    match view.summary.la_code {
        Some(la) => ctx.with_council(la),
        None => ctx,
    }
}

fn council_name(view: &SnapshotView) -> String {
    view.summary
        .la_code
        .and_then(benchmarks::council)
        .map(|c| c.name)
        .unwrap_or_else(|| "Council".to_owned())
}

/// Builds one report of `month` (the board pack of `plan`).
pub fn build(
    report: Report,
    store: &dyn AppStore,
    plan: &ServedPlan,
    view: &Arc<SnapshotView>,
    month: Month,
    audience: Audience,
) -> anyhow::Result<Document> {
    let ctx = context(view);
    let council = council_name(view);
    Ok(match report {
        Report::ChildrenInCare => {
            let figures =
                sightline_measures::scrutiny::children_in_care(&ctx, month, SnVersion::default())?;
            sightline_report::scrutiny::children_in_care_document(&figures, &council, audience)
        }
        Report::Worklists => {
            let as_of = sightline_service::board::worklist_date(month, view.summary.extract_date);
            let tasks = sightline_measures::timescales::tasks(&ctx, as_of);
            sightline_report::scrutiny::worklists_document(&ctx, &tasks, as_of, &council)
        }
        Report::DataQuality => {
            let returns = sightline_service::board::quality_returns(store)?;
            sightline_report::scrutiny::data_quality_document(&returns, month, &council)
        }
        Report::Board => board(store, plan, &ctx, month, audience)?,
    })
}

/// The board pack of the plan the server runs with: the indicators over the pack's 13 months
/// rated against the plan's targets, the merged progress log and the data-quality summary
/// (`sightline_service::board`, as `sightline report board`).
fn board(
    store: &dyn AppStore,
    plan: &ServedPlan,
    ctx: &Context,
    month: Month,
    audience: Audience,
) -> anyhow::Result<Document> {
    let data =
        sightline_service::board::board_data(store, ctx, month, (*plan.plan).clone(), &plan.id)?;
    Ok(data.document(month, audience))
}
