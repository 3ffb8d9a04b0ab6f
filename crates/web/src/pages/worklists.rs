//! `GET /worklists`: outstanding statutory tasks per team (counts only). `GET /worklists/{team}`:
//! one team's tasks child by child, most overdue first: child-level, so audited, and a manager
//! reaches only their own team's list (another team's is a 404).

use super::view;
use crate::audit::{self, Action};
use crate::capability::ChildScope;
use crate::error::PageError;
use crate::guard::CurrentUser;
use crate::layout;
use crate::state::AppState;
use crate::view::SnapshotView;
use axum::extract::{OriginalUri, Path, State};
use axum::response::Html;
use maud::html;
use sightline_measures::timescales::{WorklistGroup, WorklistKey};

/// The path segment naming a worklist group.
fn slug(key: &WorklistKey) -> String {
    match key {
        WorklistKey::Team(t) => t.as_str().to_owned(),
        WorklistKey::Worker(w) => w.as_str().to_owned(),
        WorklistKey::Unallocated => "unallocated".to_owned(),
    }
}

/// Whether the caller may open a group's list.
fn group_in_scope(view: &SnapshotView, scope: &ChildScope, key: &WorklistKey) -> bool {
    match scope {
        ChildScope::Nobody => false,
        ChildScope::All => true,
        ChildScope::Team(mine) => match key {
            WorklistKey::Team(t) => {
                view.team(mine).is_some() && view.team(mine) == view.team(t.as_str())
            }
            _ => false,
        },
    }
}

/// A team's outstanding tasks counted per worker (overdue, due soon, due), most overdue first.
fn by_worker(group: &WorklistGroup) -> Vec<(String, [usize; 3])> {
    let mut counts: std::collections::BTreeMap<String, [usize; 3]> = Default::default();
    for (i, tasks) in [&group.overdue, &group.due_soon, &group.due]
        .into_iter()
        .enumerate()
    {
        for t in tasks {
            let worker = t
                .worker
                .as_ref()
                .map(|w| w.as_str().to_owned())
                .unwrap_or_else(|| "Unallocated".to_owned());
            counts.entry(worker).or_default()[i] += 1;
        }
    }
    let mut out: Vec<_> = counts.into_iter().collect();
    out.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    out
}

/// `GET /worklists`.
pub async fn index(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Html<String>, PageError> {
    let view = view(&state)?;
    let scope = user.scope();
    let groups: Vec<&WorklistGroup> = view
        .worklists
        .iter()
        .filter(|g| group_in_scope(&view, &scope, &g.key))
        .collect();
    let body = html! {
        h1 class="govuk-heading-l" { "Worklists on " (view.summary.extract_date) }
        p class="govuk-body" { "Outstanding statutory tasks of open cases, by the team holding the case." }
        @if groups.is_empty() {
            p class="govuk-body" { "No worklist is in your scope." }
        } @else {
            table class="govuk-table" {
                caption class="govuk-visually-hidden" { "Outstanding tasks by team" }
                thead { tr {
                    th scope="col" { "Team" }
                    th scope="col" class="govuk-table__header--numeric" { "Overdue" }
                    th scope="col" class="govuk-table__header--numeric" { "Due soon" }
                    th scope="col" class="govuk-table__header--numeric" { "Due" }
                } }
                tbody {
                    @for g in &groups {
                        tr {
                            th scope="row" { a class="govuk-link" href=(format!("/worklists/{}", slug(&g.key))) { (view.worklist_name(&g.key)) } }
                            td class="govuk-table__cell--numeric" { (g.overdue.len()) }
                            td class="govuk-table__cell--numeric" { (g.due_soon.len()) }
                            td class="govuk-table__cell--numeric" { (g.due.len()) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page("Worklists", Some(&user), body))
}

/// `GET /worklists/{team}`.
pub async fn team(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(team): Path<String>,
    OriginalUri(uri): OriginalUri,
) -> Result<Html<String>, PageError> {
    let view = view(&state)?;
    let group = view
        .worklists
        .iter()
        .find(|g| slug(&g.key) == team)
        .ok_or(PageError::NotFound)?;
    if !group_in_scope(&view, &user.scope(), &group.key) {
        return Err(PageError::NotFound);
    }
    audit::record(
        &state,
        &user,
        Action::ViewWorklist,
        format!("worklist:team:{team}"),
        uri.path().to_owned(),
    )
    .await?;
    let as_of = view.summary.extract_date;
    let name = view.worklist_name(&group.key);
    let title = format!("Worklist: {name}");
    let body = html! {
        (layout::back_link("/worklists", "Back to worklists"))
        h1 class="govuk-heading-l" { (title) }
        table class="govuk-table" {
            caption { "By worker" }
            thead { tr {
                th scope="col" { "Worker" }
                th scope="col" class="govuk-table__header--numeric" { "Overdue" }
                th scope="col" class="govuk-table__header--numeric" { "Due soon" }
                th scope="col" class="govuk-table__header--numeric" { "Due" }
            } }
            tbody {
                @for (worker, [overdue, soon, due]) in by_worker(group) {
                    tr {
                        th scope="row" { (worker) }
                        td class="govuk-table__cell--numeric" { (overdue) }
                        td class="govuk-table__cell--numeric" { (soon) }
                        td class="govuk-table__cell--numeric" { (due) }
                    }
                }
            }
        }
        @for (caption, tasks) in [("Overdue", &group.overdue), ("Due soon", &group.due_soon), ("Due", &group.due)] {
            table class="govuk-table" {
                caption { (caption) " (" (tasks.len()) ")" }
                thead { tr {
                    th scope="col" { "Child" }
                    th scope="col" { "Task" }
                    th scope="col" { "Due" }
                    th scope="col" class="govuk-table__header--numeric" { "Days overdue" }
                    th scope="col" { "Worker" }
                } }
                tbody {
                    @for t in tasks.iter() {
                        tr {
                            td {
                                @if let Some(cid) = view.child_id(t.child) {
                                    a class="govuk-link" href=(format!("/children/{cid}")) { (cid) }
                                }
                            }
                            td { (t.kind.meta().title) }
                            td class="sl-date" { (t.due) }
                            td class="govuk-table__cell--numeric" { (t.days_overdue(as_of).max(0)) }
                            td { (t.worker.as_ref().map(|w| w.as_str()).unwrap_or("Unallocated")) }
                        }
                    }
                }
            }
        }
    };
    Ok(layout::page(&title, Some(&user), body))
}

#[cfg(test)]
mod tests {
    use super::by_worker;
    use chrono::NaiveDate;
    use sightline_measures::context::kinds;
    use sightline_measures::indicator::RecordRef;
    use sightline_measures::timescales::{Task, TaskKind, TaskStatus, WorklistGroup, WorklistKey};
    use sightline_model::ids::{TeamId, WorkerId};

    fn task(worker: Option<&str>, status: TaskStatus) -> Task {
        Task {
            child: 0,
            kind: TaskKind::Assessment,
            record: RecordRef {
                kind: kinds::ASSESSMENTS,
                index: 0,
            },
            done_by: None,
            due: NaiveDate::from_ymd_opt(2026, 3, 1).unwrap(),
            done: None,
            status,
            case_open: true,
            team: Some(TeamId::new("T1")),
            worker: worker.map(WorkerId::new),
        }
    }

    #[test]
    fn a_teams_tasks_are_counted_per_worker_most_overdue_first() {
        let group = WorklistGroup {
            key: WorklistKey::Team(TeamId::new("T1")),
            overdue: vec![
                task(Some("W2"), TaskStatus::Overdue),
                task(Some("W2"), TaskStatus::Overdue),
                task(None, TaskStatus::Overdue),
            ],
            due_soon: vec![task(Some("W1"), TaskStatus::DueSoon)],
            due: vec![
                task(Some("W1"), TaskStatus::Due),
                task(Some("W2"), TaskStatus::Due),
            ],
        };
        assert_eq!(
            by_worker(&group),
            vec![
                ("W2".to_owned(), [2, 0, 1]),
                ("Unallocated".to_owned(), [1, 0, 0]),
                ("W1".to_owned(), [0, 1, 1]),
            ]
        );
    }
}
