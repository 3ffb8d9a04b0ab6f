//! Analysts' uploads: `GET /imports` shows the form, `POST /imports` takes statutory files
//! (multipart, at most [`MAX_UPLOAD`] bytes in all, CSRF-checked by the guard), recognises each
//! file's format from its content (`sightline_formats::detect`), reads every format's files,
//! validates the SSDA903 and CIN census returns with the DfE rules of their collection year,
//! stores one snapshot per format in one transaction (all or nothing), records the validation
//! runs against them, and shows the counts of findings by rule (no child identifiers on the page).
//! The server's computed figures are then refreshed when the dashboard's snapshot changed.
//!
//! A bad file gives a page naming the file, line or element and what is wrong, and nothing is
//! stored: reading and validation run before the import, which is one transaction.
//!
//! Validation and recording the run are `sightline_service::validation`'s, as for
//! `sightline import`, so a return gets the same findings however it came in.

use crate::error::PageError;
use crate::guard::CurrentUser;
use crate::layout::{self, csrf_input};
use crate::state::AppState;
use anyhow::{Context as _, bail};
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use chrono::{NaiveDate, NaiveDateTime};
use maud::{Markup, html};
use sightline_formats::Format;
use sightline_model::ids::LaCode;
use sightline_rules::RuleReport;
use sightline_service::validation;
use sightline_store::{AppStore, FileProvenance, NewSnapshot, SnapshotId, StoredFinding};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Largest upload accepted, all files together.
pub const MAX_UPLOAD: usize = 200 * 1024 * 1024;

/// One uploaded file.
pub struct Upload {
    /// The file name the browser sent, reduced to its last component.
    pub name: String,
    /// Its bytes.
    pub bytes: Vec<u8>,
}

/// What one format's import gave.
#[derive(Debug, Clone)]
pub struct ImportedGroup {
    /// `ssd`, `ssda903`, `cin` or `annex_a`.
    pub format: String,
    /// The snapshot stored.
    pub snapshot: SnapshotId,
    /// Its files.
    pub files: Vec<String>,
    /// Records stored.
    pub records: usize,
    /// The extract date used.
    pub extract_date: NaiveDate,
    /// The validation, for the DfE returns.
    pub validation: Option<ValidationSummary>,
}

/// Counts of a validation run, by rule.
#[derive(Debug, Clone)]
pub struct ValidationSummary {
    /// The run's id in the store.
    pub run: i64,
    /// Collection year (ending).
    pub year: i32,
    /// Rules run and skipped.
    pub rules_run: u32,
    /// Rules that could not run (missing reference data, last year's return...).
    pub rules_skipped: u32,
    /// Findings of severity error.
    pub errors: u64,
    /// Findings of severity query.
    pub queries: u64,
    /// (rule code, severity, message, count), most frequent first.
    pub by_rule: Vec<(String, String, String, u64)>,
}

/// Reduces a browser-sent file name to a safe last component (no directories, no dot files).
pub fn safe_name(sent: &str) -> Option<String> {
    let last = sent.rsplit(['/', '\\']).next()?.trim();
    let cleaned: String = last
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let cleaned = cleaned.trim_start_matches('.').to_owned();
    (!cleaned.is_empty()).then_some(cleaned)
}

/// Counts findings by rule, most frequent first.
pub fn by_rule(findings: &[StoredFinding]) -> Vec<(String, String, String, u64)> {
    let mut counts: BTreeMap<(&str, &str), (&str, u64)> = BTreeMap::new();
    for f in findings {
        counts
            .entry((f.rule_code.as_str(), f.severity.as_str()))
            .or_insert((f.message.as_str(), 0))
            .1 += 1;
    }
    let mut out: Vec<_> = counts
        .into_iter()
        .map(|((code, sev), (msg, n))| (code.to_owned(), sev.to_owned(), msg.to_owned(), n))
        .collect();
    out.sort_by(|a, b| b.3.cmp(&a.3).then_with(|| a.0.cmp(&b.0)));
    out
}

/// Reads, validates and imports uploaded files; all or nothing. Errors name the uploaded file
/// (never the temporary folder) and say what is wrong.
pub fn import_uploads(
    store: &dyn AppStore,
    uploads: Vec<Upload>,
    extract_date: Option<NaiveDate>,
    la_code: Option<LaCode>,
    now: NaiveDateTime,
) -> anyhow::Result<Vec<ImportedGroup>> {
    if uploads.is_empty() {
        bail!("Choose at least one file to upload");
    }
    let dir = tempfile::tempdir().context("cannot create a folder for the upload")?;
    let result = import_in(store, dir.path(), uploads, extract_date, la_code, now);
    // Messages name the uploaded file, not where we put it.
    let prefix = format!("{}/", dir.path().display());
    result.map_err(|e| anyhow::anyhow!("{}", format!("{e:#}").replace(&prefix, "")))
}

fn import_in(
    store: &dyn AppStore,
    dir: &Path,
    uploads: Vec<Upload>,
    extract_date: Option<NaiveDate>,
    la_code: Option<LaCode>,
    now: NaiveDateTime,
) -> anyhow::Result<Vec<ImportedGroup>> {
    let mut paths = Vec::new();
    for upload in uploads {
        let name = safe_name(&upload.name)
            .with_context(|| format!("the file name {:?} cannot be used", upload.name))?;
        let path = dir.join(&name);
        if path.exists() {
            bail!("{name} was uploaded twice");
        }
        std::fs::write(&path, &upload.bytes).with_context(|| format!("cannot store {name}"))?;
        paths.push(path);
    }
    let detected = sightline_formats::detect(&paths)?;
    let mut by_format: BTreeMap<Format, Vec<PathBuf>> = BTreeMap::new();
    for file in detected {
        by_format.entry(file.format).or_default().push(file.path);
    }
    // The store serves one council: new snapshots belong to the council it already holds,
    // unless the form names one (the first import into an empty store).
    let la_code = match la_code {
        Some(la) => Some(la),
        None => store.latest_snapshot(None)?.and_then(|s| s.la_code),
    };
    struct Ready {
        format: Format,
        files: Vec<PathBuf>,
        records: sightline_model::CaseRecords,
        extract_date: NaiveDate,
        validation: Option<(i32, Vec<RuleReport>)>,
    }
    let mut ready = Vec::new();
    for (format, files) in by_format {
        let records = sightline_formats::read_group(format, &files)?;
        let Some(date) = extract_date.or_else(|| records.latest_event_date()) else {
            bail!(
                "cannot tell the extract date of the {} files (no dated records): enter the date the data runs to",
                format.name()
            );
        };
        let year = sightline_model::collection_year_ending(date);
        let validation = if validation::has_rules(format.name()) {
            Some((
                year,
                validation::validate_files(format.name(), &files, year, la_code)?,
            ))
        } else {
            None
        };
        ready.push(Ready {
            format,
            files,
            records,
            extract_date: date,
            validation,
        });
    }
    let mut snapshots = Vec::new();
    for r in &ready {
        let files = r
            .files
            .iter()
            .map(|path| {
                let (sha256, bytes) = sightline_store::sha256_file(path)?;
                Ok(FileProvenance {
                    name: file_name(path),
                    sha256,
                    bytes,
                })
            })
            .collect::<anyhow::Result<Vec<_>>>()?;
        snapshots.push(NewSnapshot {
            source_format: r.format.name().to_owned(),
            la_code,
            extract_date: r.extract_date,
            imported_at: now,
            files,
            records: &r.records,
        });
    }
    let ids = store.import_snapshots(&snapshots)?;
    let mut out = Vec::new();
    for (r, id) in ready.iter().zip(ids) {
        let validation = match &r.validation {
            Some((year, reports)) => {
                let recorded =
                    validation::record_validation(store, id, r.format.name(), *year, reports, now)?;
                Some(ValidationSummary {
                    run: recorded.run,
                    year: *year,
                    rules_run: recorded.rules_run,
                    rules_skipped: recorded.rules_skipped,
                    errors: recorded.errors,
                    queries: recorded.queries,
                    by_rule: by_rule(&recorded.findings),
                })
            }
            None => None,
        };
        out.push(ImportedGroup {
            format: r.format.name().to_owned(),
            snapshot: id,
            files: r.files.iter().map(|p| file_name(p)).collect(),
            records: r.records.total(),
            extract_date: r.extract_date,
            validation,
        });
    }
    Ok(out)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn form(user: &CurrentUser, error: Option<&str>) -> Markup {
    html! {
        @if let Some(e) = error {
            div class="govuk-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 class="govuk-error-summary__title govuk-heading-m" id="error-summary-title" { "The files were not imported" }
                p class="govuk-body" { a href="#files" { (e) } }
                p class="govuk-body" { "Nothing was stored. Correct the file and upload again." }
            }
        }
        h1 class="govuk-heading-l" { "Import statutory files" }
        p class="govuk-body" {
            "Upload an SSDA903 return (its CSV tables), a CIN census XML file, an Ofsted Annex A workbook or "
            "the Standard Safeguarding Dataset CSV tables. Each file's format is recognised from its content. "
            "Each format becomes a new snapshot; the 903 and CIN returns are validated with the DfE rules."
        }
        form method="post" action="/imports" enctype="multipart/form-data" novalidate {
            (csrf_input(user))
            div class="govuk-form-group" {
                label class="govuk-label" for="files" { "Files" }
                span class="govuk-hint" id="files-hint" { "You can choose several files. At most 200 MB in all." }
                input class="govuk-file-upload" id="files" name="files" type="file" multiple aria-describedby="files-hint";
            }
            div class="govuk-form-group" {
                label class="govuk-label" for="extract_date" { "Data as at (optional)" }
                span class="govuk-hint" id="extract-date-hint" { "For example 2026-03-31. Leave empty to use the latest date in the files." }
                input class="govuk-input" id="extract_date" name="extract_date" type="text" inputmode="numeric" aria-describedby="extract-date-hint";
            }
            div class="govuk-form-group" {
                label class="govuk-label" for="la_code" { "Council's DfE LA code (optional)" }
                span class="govuk-hint" id="la-code-hint" { "3 digits, for example 382. Leave empty to keep the council of the snapshots already stored." }
                input class="govuk-input sl-input--short" id="la_code" name="la_code" type="text" inputmode="numeric" aria-describedby="la-code-hint";
            }
            button type="submit" class="govuk-button" { "Import" }
        }
    }
}

/// `GET /imports`.
pub async fn show(user: CurrentUser) -> Html<String> {
    layout::page("Import statutory files", Some(&user), form(&user, None))
}

fn refused(user: &CurrentUser, status: StatusCode, text: &str) -> Response {
    (
        status,
        layout::page(
            "Error: import statutory files",
            Some(user),
            form(user, Some(text)),
        ),
    )
        .into_response()
}

/// `POST /imports`.
pub async fn upload(
    State(state): State<AppState>,
    user: CurrentUser,
    mut multipart: Multipart,
) -> Result<Response, PageError> {
    let mut uploads = Vec::new();
    let mut extract_date = None;
    let mut la_code: Option<LaCode> = None;
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(f)) => f,
            Ok(None) => break,
            Err(e) => return Ok(refused(&user, e.status(), &e.body_text())),
        };
        let name = field.name().unwrap_or_default().to_owned();
        let file_name = field.file_name().map(str::to_owned);
        let bytes = match field.bytes().await {
            Ok(b) => b,
            Err(e) => return Ok(refused(&user, e.status(), &e.body_text())),
        };
        match name.as_str() {
            "files" => {
                // A form sent with no file chosen carries one empty, nameless part.
                if let Some(file_name) = file_name.filter(|n| !n.is_empty()) {
                    uploads.push(Upload {
                        name: file_name,
                        bytes: bytes.to_vec(),
                    });
                }
            }
            "extract_date" => {
                let text = String::from_utf8_lossy(&bytes).trim().to_owned();
                if !text.is_empty() {
                    match text.parse::<NaiveDate>() {
                        Ok(d) => extract_date = Some(d),
                        Err(_) => {
                            return Ok(refused(
                                &user,
                                StatusCode::BAD_REQUEST,
                                &format!("Data as at: expected a date as YYYY-MM-DD, not {text:?}"),
                            ));
                        }
                    }
                }
            }
            "la_code" => {
                let text = String::from_utf8_lossy(&bytes).trim().to_owned();
                if !text.is_empty() {
                    match text.parse::<LaCode>() {
                        Ok(la) => la_code = Some(la),
                        Err(_) => {
                            return Ok(refused(
                                &user,
                                StatusCode::BAD_REQUEST,
                                &format!("Council: expected a 3-digit DfE LA code, not {text:?}"),
                            ));
                        }
                    }
                }
            }
            _ => {}
        }
    }
    let now = state.now();
    let store = state.store();
    let imported = tokio::task::spawn_blocking(move || {
        import_uploads(store.as_ref(), uploads, extract_date, la_code, now)
    })
    .await
    .map_err(anyhow::Error::from)?;
    let groups = match imported {
        Ok(g) => g,
        Err(e) => {
            tracing::warn!(error = %format!("{e:#}"), "an upload was refused");
            return Ok(refused(
                &user,
                StatusCode::UNPROCESSABLE_ENTITY,
                &format!("{e:#}"),
            ));
        }
    };
    tracing::info!(snapshots = groups.len(), "files imported through the web");
    refresh_view(&state).await?;
    let body = html! {
        div class="govuk-panel" {
            h1 class="govuk-heading-l" { "Files imported" }
        }
        @for g in &groups {
            h2 class="govuk-heading-m" { "Snapshot " (g.snapshot) ": " (g.format) }
            dl class="govuk-summary-list" {
                div class="govuk-summary-list__row" {
                    dt class="govuk-summary-list__key" { "Files" }
                    dd class="govuk-summary-list__value" { (g.files.join(", ")) }
                }
                div class="govuk-summary-list__row" {
                    dt class="govuk-summary-list__key" { "Records" }
                    dd class="govuk-summary-list__value" { (g.records) }
                }
                div class="govuk-summary-list__row" {
                    dt class="govuk-summary-list__key" { "Data as at" }
                    dd class="govuk-summary-list__value" { (g.extract_date) }
                }
                @if let Some(v) = &g.validation {
                    div class="govuk-summary-list__row" {
                        dt class="govuk-summary-list__key" { "Validation" }
                        dd class="govuk-summary-list__value" {
                            (v.errors) " errors, " (v.queries) " queries (" (v.rules_run) " rules run, "
                            (v.rules_skipped) " skipped; " (v.year - 1) "-" (format!("{:02}", v.year % 100)) " rules; run " (v.run) ")"
                        }
                    }
                }
            }
            @if let Some(v) = &g.validation {
                @if !v.by_rule.is_empty() {
                    table class="govuk-table" {
                        caption class="govuk-table__caption govuk-table__caption--s" { "Findings by rule (" (g.format) ")" }
                        thead { tr {
                            th scope="col" { "Rule" }
                            th scope="col" { "Severity" }
                            th scope="col" { "Message" }
                            th scope="col" class="govuk-table__header--numeric" { "Findings" }
                        } }
                        tbody {
                            @for (code, severity, message, n) in v.by_rule.iter().take(25) {
                                tr {
                                    th scope="row" { (code) }
                                    td { (severity) }
                                    td { (message) }
                                    td class="govuk-table__cell--numeric" { (n) }
                                }
                            }
                        }
                    }
                }
            }
        }
        p class="govuk-body" {
            a class="govuk-link" href="/snapshots" { "See every snapshot" } " or "
            a class="govuk-link" href="/" { "go to the dashboard" } "."
        }
    };
    Ok(layout::page("Files imported", Some(&user), body).into_response())
}

/// Recomputes the figures when the dashboard's snapshot changed (the latest SSD one, else the
/// latest), so the pages show the import at once rather than at the watcher's next look.
pub async fn refresh_view(state: &AppState) -> Result<(), PageError> {
    let current = state.view().map(|v| v.summary.id);
    let store = state.store();
    let targets = state.settings().targets.clone();
    let view = tokio::task::spawn_blocking(move || {
        let latest = crate::latest_summary(store.as_ref())?.map(|s| s.id);
        if latest.is_none() || latest == current {
            return Ok(None);
        }
        crate::load_view(store.as_ref(), targets.as_ref())
    })
    .await
    .map_err(anyhow::Error::from)??;
    if let Some(view) = view {
        state.replace_view(view);
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uploaded_names_lose_their_folders_and_odd_characters() {
        assert_eq!(
            safe_name("C:\\data\\episodes.csv"),
            Some("episodes.csv".into())
        );
        assert_eq!(safe_name("../../etc/passwd"), Some("passwd".into()));
        assert_eq!(
            safe_name("cin census;rm.xml"),
            Some("cin census_rm.xml".into())
        );
        assert_eq!(safe_name(".."), None);
        assert_eq!(safe_name(""), None);
    }

    #[test]
    fn findings_are_counted_by_rule_most_frequent_first() {
        let f = |code: &str, severity: &str| StoredFinding {
            rule_code: code.into(),
            severity: severity.into(),
            table: "Header".into(),
            row_number: Some(1),
            child_id: Some("C1".into()),
            fields: "DOB".into(),
            message: format!("message {code}"),
        };
        let counts = by_rule(&[f("103", "error"), f("205", "query"), f("205", "query")]);
        assert_eq!(
            counts,
            vec![
                ("205".into(), "query".into(), "message 205".into(), 2),
                ("103".into(), "error".into(), "message 103".into(), 1),
            ]
        );
    }
}
