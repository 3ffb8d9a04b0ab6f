//! `GET /`: every indicator of the latest month, grouped by area of the improvement plan, with its
//! RAG rating, trend, last-12-months average and benchmarks. Aggregates only: nothing here is
//! child-level, so nothing is audited.

use super::{disclosure, month_points, rag_tag, view};
use crate::chart;
use crate::error::PageError;
use crate::figures::{Disclosure, format_value};
use crate::guard::CurrentUser;
use crate::layout;
use crate::state::AppState;
use crate::view::{AREA_ORDER, IndicatorView, SnapshotView};
use axum::extract::State;
use axum::response::Html;
use maud::{Markup, html};

/// `GET /`.
pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Html<String>, PageError> {
    let view = view(&state)?;
    let disclosure = disclosure(&user);
    // The body depends only on the snapshot and the disclosure: rendered once, then reused.
    let cache = match disclosure {
        Disclosure::Exact => &view.cache.dashboard_exact,
        Disclosure::Suppressed => &view.cache.dashboard_suppressed,
    };
    let rendered = cache.get_or_init(|| body(&view, disclosure).into_string());
    Ok(layout::page(
        "Dashboard",
        Some(&user),
        maud::PreEscaped(rendered.clone()),
    ))
}

/// The areas that have indicators, in journey order.
fn areas(view: &SnapshotView) -> Vec<&'static str> {
    AREA_ORDER
        .iter()
        .copied()
        .filter(|a| view.indicators.iter().any(|i| i.area == *a))
        .collect()
}

fn body(view: &SnapshotView, disclosure: Disclosure) -> Markup {
    html! {
        span class="govuk-caption-l" {
            "Snapshot " (view.summary.id) " (" (view.summary.source_format) "), data as at " (view.summary.extract_date)
        }
        h1 class="govuk-heading-xl" { "Performance dashboard: " (view.month) }
        @if disclosure == Disclosure::Suppressed {
            div class="govuk-inset-text" {
                "Figures based on 1 to 5 children are shown as " strong { "c" } " so that no child can be identified."
            }
        }
        nav aria-label="Areas on this page" {
            ul class="govuk-list" {
                @for (i, area) in areas(view).iter().enumerate() {
                    li { a class="govuk-link" href=(format!("#area-{i}")) { (area) } }
                }
            }
        }
        @for (i, area) in areas(view).iter().enumerate() {
            h2 class="govuk-heading-m" id=(format!("area-{i}")) { (area) }
            table class="govuk-table" {
                caption class="govuk-visually-hidden" { (area) ": indicators for " (view.month) }
                thead {
                    tr {
                        th scope="col" { "Indicator" }
                        th scope="col" class="govuk-table__header--numeric sl-date" { (view.month) }
                        th scope="col" { "Last 12 months" }
                        th scope="col" class="govuk-table__header--numeric" { "12-month average" }
                        th scope="col" { "Against target" }
                        th scope="col" { "Direction" }
                        th scope="col" class="govuk-table__header--numeric" { "England" }
                        th scope="col" class="govuk-table__header--numeric" { "Statistical neighbours" }
                    }
                }
                tbody {
                    @for ind in view.indicators.iter().filter(|v| v.area == *area) {
                        (row(ind, disclosure))
                    }
                }
            }
        }
    }
}

fn row(ind: &IndicatorView, disclosure: Disclosure) -> Markup {
    let l = &ind.line;
    let unit = l.meta.unit;
    let bench = l.benchmarks.as_ref();
    html! {
        tr {
            th scope="row" {
                a class="govuk-link" href=(format!("/indicators/{}", l.meta.id)) { (l.meta.title) }
                br;
                span class="sl-meta" { (unit.label()) }
            }
            td class="govuk-table__cell--numeric" {
                (disclosure.value(unit, l.value, l.numerator, l.denominator))
            }
            td { (chart::sparkline(&month_points(&l.series, disclosure, 12))) }
            td class="govuk-table__cell--numeric" {
                // An average over twelve months is not itself a small count, but each month may be.
                @if disclosure == Disclosure::Suppressed && l.numerator > 0.0 && l.numerator <= 5.0 { "c" }
                @else { (format_value(unit, l.last_12_months_average)) }
            }
            td {
                (rag_tag(l.rag))
                @if let Some(t) = l.target { br; span class="sl-meta" { "Target " (format_value(unit, Some(t))) } }
            }
            td { (l.direction.label()) }
            td class="govuk-table__cell--numeric" {
                (bench.and_then(|b| b.england.as_ref()).map(|v| format_value(unit, Some(v.value))).unwrap_or_else(|| "-".into()))
            }
            td class="govuk-table__cell--numeric" {
                (bench.and_then(|b| b.sn_average.as_ref()).map(|v| format_value(unit, Some(v.value))).unwrap_or_else(|| "-".into()))
            }
        }
    }
}
