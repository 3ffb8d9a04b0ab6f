//! `GET /indicators/{id}`: one indicator's monthly chart and table, breakdowns of the latest month,
//! benchmarks and definition (aggregates). `GET /indicators/{id}/children`: the children behind
//! the latest figure, for roles with child-level access, narrowed to their scope and audited.

use super::{child_in_scope, disclosure, month_points, rag_tag, view};
use crate::audit::{self, Action};
use crate::capability::Capability;
use crate::chart;
use crate::error::PageError;
use crate::figures::{Disclosure, format_value};
use crate::guard::CurrentUser;
use crate::layout;
use crate::state::AppState;
use crate::view::{IndicatorView, SnapshotView};
use axum::extract::{OriginalUri, Path, State};
use axum::response::Html;
use maud::{Markup, html};
use sightline_measures::breakdown::dimension_name;
use sightline_measures::engine;
use sightline_measures::period::Period;

/// `GET /indicators/{id}`.
pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let view = view(&state)?;
    let ind = view.indicator(&id).ok_or(PageError::NotFound)?;
    let body = detail(&view, ind, &user);
    Ok(layout::page(ind.line.meta.title, Some(&user), body))
}

fn detail(view: &SnapshotView, ind: &IndicatorView, user: &CurrentUser) -> Markup {
    let disclosure = disclosure(user);
    let l = &ind.line;
    let meta = l.meta;
    let unit = meta.unit;
    let points = month_points(&l.series, disclosure, usize::MAX);
    let shown_points: Vec<_> = points.iter().filter(|(_, v)| v.is_some()).collect();
    let description = match (shown_points.first(), shown_points.last()) {
        (Some((first, a)), Some((last, b))) => format!(
            "Monthly values from {first} to {last}: {} in {first}, {} in {last}. The table below gives every month.",
            format_value(unit, *a),
            format_value(unit, *b)
        ),
        _ => "No monthly values to chart.".to_owned(),
    };
    let latest = l.series.get(Period::Month(view.month));
    let behind = latest
        .map(|m| engine::children_behind(m).0.len())
        .unwrap_or(0);
    html! {
        (layout::back_link("/", "Back to the dashboard"))
        span class="govuk-caption-l" { (ind.area) }
        h1 class="govuk-heading-l" { (meta.title) }
        @if disclosure == Disclosure::Suppressed {
            div class="govuk-inset-text" {
                "Figures based on 1 to 5 children are shown as " strong { "c" } " so that no child can be identified."
            }
        }
        dl class="govuk-summary-list" {
            div class="govuk-summary-list__row" {
                dt class="govuk-summary-list__key" { (view.month) }
                dd class="govuk-summary-list__value" { (disclosure.value(unit, l.value, l.numerator, l.denominator)) " (" (unit.label()) ")" }
            }
            div class="govuk-summary-list__row" {
                dt class="govuk-summary-list__key" { "Against target" }
                dd class="govuk-summary-list__value" {
                    (rag_tag(l.rag))
                    @if let Some(t) = l.target { " target " (format_value(unit, Some(t))) }
                    @if let Some(s) = l.stretch { ", stretch " (format_value(unit, Some(s))) }
                }
            }
            div class="govuk-summary-list__row" {
                dt class="govuk-summary-list__key" { "Direction of travel" }
                dd class="govuk-summary-list__value" { (l.direction.label()) " (" (l.direction.description()) ")" }
            }
            @if let Some(b) = &l.benchmarks {
                @for (label, valued) in [("England", &b.england), ("Region", &b.region), ("Statistical neighbours", &b.sn_average), ("This council, published", &b.council)] {
                    @if let Some(v) = valued {
                        div class="govuk-summary-list__row" {
                            dt class="govuk-summary-list__key" { (label) }
                            dd class="govuk-summary-list__value" { (format_value(unit, Some(v.value))) " (" (v.label) ")" }
                        }
                    }
                }
            }
        }
        @if user.can(Capability::ViewChildLevel) && behind > 0 {
            p class="govuk-body" {
                a class="govuk-link" href=(format!("/indicators/{}/children", meta.id)) {
                    "See the children behind the " (view.month) " figure"
                }
                " (your view is recorded in the audit log)"
            }
        }
        h2 class="govuk-heading-m" { "Month by month" }
        (chart::line_chart(&points, &format!("{} by month", meta.title), &description))
        details {
            summary { "Show the figures as a table" }
            (monthly_table(ind, disclosure))
        }
        @if !ind.breakdowns.is_empty() {
            h2 class="govuk-heading-m" { "Breakdowns for " (view.month) }
            @for (dimension, groups) in &ind.breakdowns {
                table class="govuk-table" {
                    caption { "By " (dimension_name(*dimension).replace('_', " ")) }
                    thead { tr {
                        th scope="col" { "Group" }
                        th scope="col" class="govuk-table__header--numeric" { "Value" }
                        th scope="col" class="govuk-table__header--numeric" { "Numerator" }
                        th scope="col" class="govuk-table__header--numeric" { "Denominator" }
                    } }
                    tbody {
                        @for (label, f) in groups {
                            tr {
                                th scope="row" { (label) }
                                td class="govuk-table__cell--numeric" { (disclosure.value(unit, f.value, f.numerator, f.denominator)) }
                                td class="govuk-table__cell--numeric" { (disclosure.count(f.numerator)) }
                                td class="govuk-table__cell--numeric" { (f.denominator.map(|d| disclosure.count(d)).unwrap_or_else(|| "-".into())) }
                            }
                        }
                    }
                }
            }
        }
        h2 class="govuk-heading-m" { "Definition" }
        dl class="govuk-summary-list" {
            @for (k, v) in [("Numerator", meta.definition.numerator), ("Denominator", meta.definition.denominator), ("Period", meta.definition.period), ("Exclusions", meta.definition.exclusions), ("Source", meta.definition.source)] {
                div class="govuk-summary-list__row" {
                    dt class="govuk-summary-list__key" { (k) }
                    dd class="govuk-summary-list__value" { (v) }
                }
            }
        }
    }
}

fn monthly_table(ind: &IndicatorView, disclosure: Disclosure) -> Markup {
    let unit = ind.line.meta.unit;
    html! {
        table class="govuk-table" {
            caption class="govuk-visually-hidden" { (ind.line.meta.title) " by month" }
            thead { tr {
                th scope="col" { "Period" }
                th scope="col" class="govuk-table__header--numeric" { "Value" }
                th scope="col" class="govuk-table__header--numeric" { "Numerator" }
                th scope="col" class="govuk-table__header--numeric" { "Denominator" }
            } }
            tbody {
                @for m in ind.line.series.measurements.iter().rev() {
                    tr {
                        th scope="row" class="sl-date" { (match m.period { Period::Month(x) => x.to_string(), Period::DfeYear(y) => format!("{}-{:02} (DfE year)", y - 1, y % 100) }) }
                        td class="govuk-table__cell--numeric" { (disclosure.value(unit, m.value, m.numerator, m.denominator)) }
                        td class="govuk-table__cell--numeric" { (disclosure.count(m.numerator)) }
                        td class="govuk-table__cell--numeric" { (m.denominator.map(|d| disclosure.count(d)).unwrap_or_else(|| "-".into())) }
                    }
                }
            }
        }
    }
}

/// `GET /indicators/{id}/children`.
pub async fn children(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
) -> Result<Html<String>, PageError> {
    let view = view(&state)?;
    let ind = view.indicator(&id).ok_or(PageError::NotFound)?;
    let measurement = ind
        .line
        .series
        .get(Period::Month(view.month))
        .ok_or(PageError::NotFound)?;
    let scope = user.scope();
    let (numerator, denominator) = engine::children_behind(measurement);
    let keep = |list: Vec<u32>| -> Vec<u32> {
        list.into_iter()
            .filter(|&c| child_in_scope(&view, &scope, c))
            .collect()
    };
    let (numerator, denominator) = (keep(numerator), keep(denominator));
    audit::record(
        &state,
        &user,
        Action::ViewChildrenBehind,
        format!("indicator:{}/{}", ind.line.meta.id, view.month),
        uri.path().to_owned(),
    )
    .await?;
    let title = format!("Children behind {}: {}", ind.line.meta.title, view.month);
    let list = |caption: &str, children: &[u32]| -> Markup {
        html! {
            table class="govuk-table" {
                caption { (caption) " (" (children.len()) ")" }
                thead { tr { th scope="col" { "Child" } th scope="col" { "Team" } } }
                tbody {
                    @for &c in children {
                        @if let Some(cid) = view.child_id(c) {
                            tr {
                                td { a class="govuk-link" href=(format!("/children/{cid}")) { (cid) } }
                                td { (view.team_of_child(c).map(|t| view.team_name(t)).unwrap_or("Unallocated")) }
                            }
                        }
                    }
                }
            }
        }
    };
    let body = html! {
        (layout::back_link(&format!("/indicators/{}", ind.line.meta.id), "Back to the indicator"))
        h1 class="govuk-heading-l" { (title) }
        @if matches!(scope, crate::capability::ChildScope::Team(_)) {
            p class="govuk-body" { "Only children whose case your team holds are listed." }
        }
        (list("Counted in the numerator", &numerator))
        @if !denominator.is_empty() {
            (list("Counted in the denominator", &denominator))
        }
    };
    Ok(layout::page(&title, Some(&user), body))
}
