//! `GET /snapshots`: every imported snapshot with its provenance and the counts of validation
//! findings recorded against it (errors and queries per run). Counts only: no child-level data.

use crate::error::PageError;
use crate::guard::CurrentUser;
use crate::layout;
use crate::state::AppState;
use axum::extract::State;
use axum::response::Html;
use maud::html;

/// `GET /snapshots`.
pub async fn index(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Html<String>, PageError> {
    let rows = state
        .with_store(|s| {
            let mut rows = Vec::new();
            for summary in s.list_snapshots()? {
                let runs = s.validation_runs(summary.id)?;
                rows.push((summary, runs));
            }
            Ok(rows)
        })
        .await?;
    let current = state.view().map(|v| v.summary.id);
    let body = html! {
        h1 class="govuk-heading-l" { "Snapshots" }
        p class="govuk-body" { "Each import is kept unchanged as a dated snapshot. The dashboard shows the latest." }
        table class="govuk-table" {
            caption class="govuk-visually-hidden" { "Imported snapshots, newest first" }
            thead { tr {
                th scope="col" { "Snapshot" }
                th scope="col" { "Format" }
                th scope="col" { "Data as at" }
                th scope="col" { "Imported" }
                th scope="col" class="govuk-table__header--numeric" { "Records" }
                th scope="col" { "Validation" }
            } }
            tbody {
                @for (s, runs) in rows.iter().rev() {
                    tr {
                        th scope="row" {
                            (s.id)
                            @if Some(s.id) == current { " " strong class="govuk-tag govuk-tag--blue" { "On the dashboard" } }
                        }
                        td { (s.source_format) }
                        td class="sl-date" { (s.extract_date) }
                        td class="sl-date" { (s.imported_at.format("%Y-%m-%d %H:%M")) }
                        td class="govuk-table__cell--numeric" { (crate::figures::format_count(s.total_records() as f64)) }
                        td {
                            @if runs.is_empty() { "Not validated" }
                            @for r in runs {
                                (r.ruleset) " " (r.collection_year) ": " (r.errors) " errors, " (r.queries) " queries"
                                " (" (r.rules_run) " rules run, " (r.rules_skipped) " skipped)" br;
                            }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page("Snapshots", Some(&user), body))
}
