//! `GET /children/{id}`: one child's journey, every record in date order, with their outstanding
//! statutory tasks. Child-level: reachable only with `ViewChildLevel`, only for a child in the
//! caller's scope (otherwise 404, as for an unknown id), and audited before it is sent.

use super::{child_in_scope, view};
use crate::audit::{self, Action};
use crate::error::PageError;
use crate::guard::CurrentUser;
use crate::layout;
use crate::state::AppState;
use axum::extract::{OriginalUri, Path, State};
use axum::response::Html;
use maud::html;

/// `GET /children/{id}`.
pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    OriginalUri(uri): OriginalUri,
) -> Result<Html<String>, PageError> {
    let view = view(&state)?;
    let child = view.child(&id).ok_or(PageError::NotFound)?;
    if !child_in_scope(&view, &user.scope(), child) {
        return Err(PageError::NotFound);
    }
    audit::record(
        &state,
        &user,
        Action::ViewChild,
        format!("child:{id}"),
        uri.path().to_owned(),
    )
    .await?;
    let person = view
        .records
        .children
        .get(child as usize)
        .ok_or(PageError::NotFound)?;
    let timeline = view.timeline(child);
    let tasks: Vec<_> = view.tasks.iter().filter(|t| t.child == child).collect();
    let as_of = view.summary.extract_date;
    let title = format!("Child {id}");
    let body = html! {
        span class="govuk-caption-l" { "Child journey" }
        h1 class="govuk-heading-l" { (title) }
        dl class="govuk-summary-list" {
            div class="govuk-summary-list__row" {
                dt class="govuk-summary-list__key" { "Sex" }
                dd class="govuk-summary-list__value" { (person.sex.description()) }
            }
            div class="govuk-summary-list__row" {
                dt class="govuk-summary-list__key" { "Date of birth" }
                dd class="govuk-summary-list__value" {
                    (person.date_of_birth.map(|d| d.to_string()).unwrap_or_else(|| "Not recorded (unborn)".into()))
                }
            }
            div class="govuk-summary-list__row" {
                dt class="govuk-summary-list__key" { "Ethnicity" }
                dd class="govuk-summary-list__value" { (person.ethnicity.description()) }
            }
            div class="govuk-summary-list__row" {
                dt class="govuk-summary-list__key" { "Team holding the case" }
                dd class="govuk-summary-list__value" {
                    (view.team_of_child(child).map(|t| view.team_name(t)).unwrap_or("Unallocated"))
                }
            }
        }
        h2 class="govuk-heading-m" { "Outstanding statutory tasks on " (as_of) }
        @if tasks.is_empty() {
            p class="govuk-body" { "None." }
        } @else {
            table class="govuk-table" {
                caption class="govuk-visually-hidden" { "Outstanding tasks" }
                thead { tr {
                    th scope="col" { "Task" }
                    th scope="col" { "Due" }
                    th scope="col" { "Status" }
                    th scope="col" class="govuk-table__header--numeric" { "Days overdue" }
                } }
                tbody {
                    @for t in &tasks {
                        tr {
                            th scope="row" { (t.kind.meta().title) }
                            td class="sl-date" { (t.due) }
                            td { (t.status.name().replace('_', " ")) }
                            td class="govuk-table__cell--numeric" { (t.days_overdue(as_of).max(0)) }
                        }
                    }
                }
            }
        }
        h2 class="govuk-heading-m" { "Timeline" }
        table class="govuk-table" {
            caption class="govuk-visually-hidden" { "Every record of the child, oldest first" }
            thead { tr {
                th scope="col" { "Date" }
                th scope="col" { "Record" }
                th scope="col" { "Reference" }
                th scope="col" { "Details" }
            } }
            tbody {
                @for e in timeline {
                    tr {
                        td class="sl-date" { (e.date.map(|d| d.to_string()).unwrap_or_else(|| "No date".into())) }
                        td { (capitalised(e.record().kind)) }
                        td { (view.record_id(e.record()).unwrap_or("-")) }
                        td { (view.record_detail(e.record())) }
                    }
                }
            }
        }
    };
    Ok(layout::page(&title, Some(&user), body))
}

/// "looked-after episodes" -> "Looked-after episode".
fn capitalised(kind: &str) -> String {
    let singular = kind
        .strip_suffix("ies")
        .map(|s| format!("{s}y"))
        .or_else(|| kind.strip_suffix('s').map(str::to_owned))
        .unwrap_or_else(|| kind.to_owned());
    let mut chars = singular.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::capitalised;

    #[test]
    fn record_kinds_read_as_singular_labels() {
        assert_eq!(capitalised("looked-after episodes"), "Looked-after episode");
        assert_eq!(capitalised("section 47 enquiries"), "Section 47 enquiry");
        assert_eq!(capitalised("CIN plans"), "CIN plan");
        assert_eq!(capitalised("early help episodes"), "Early help episode");
    }
}
