//! The improvement plan: `GET /plan` (priorities with their actions' status, recommendations
//! coverage, the latest progress updates) and `GET /plan/priorities/{id}` (aims, actions with
//! owners, due dates and current status, the progress log newest first), where roles with
//! [`Capability::UpdatePlan`] post a progress update (`POST /plan/priorities/{id}/updates`).
//!
//! The plan is the shipped one (`plans/kirklees-2019-20.toml`, embedded in `sightline-plan`),
//! parsed once. Updates posted here are appended to the store (`AppStore::add_plan_update`) with
//! the author and time taken from the session and the clock, never from the form; they are
//! merged with the file's own log by `sightline_plan::merged_updates`, so an update marked
//! `complete` moves its action to Complete everywhere the plan is shown (board pack included).
//! Aggregate content only: no child-level data.

use crate::capability::Capability;
use crate::error::PageError;
use crate::guard::CurrentUser;
use crate::layout::{self, back_link, csrf_input};
use crate::state::{AppState, ServedPlan};
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use sightline_plan::{
    ActionStatus, KIRKLEES_2019_20, Plan, Priority, ProgressRag, ProgressUpdate, current_status,
    merged_updates, parse_plan,
};
use sightline_store::{NewPlanUpdate, PLAN_RAGS};
use std::sync::Arc;
use std::sync::OnceLock;

/// The id the shipped plan's updates are stored under.
pub use sightline_service::board::PLAN_ID;

/// Longest commentary accepted (characters).
pub const MAX_COMMENTARY: usize = 4000;

/// The shipped plan, parsed once (it is embedded and checked by the plan crate's tests).
pub fn plan() -> Result<&'static Plan, PageError> {
    shipped().map(|p| &**p)
}

fn shipped() -> Result<&'static Arc<Plan>, PageError> {
    static PLAN: OnceLock<Result<Arc<Plan>, String>> = OnceLock::new();
    PLAN.get_or_init(|| {
        parse_plan("plans/kirklees-2019-20.toml", KIRKLEES_2019_20)
            .map(Arc::new)
            .map_err(|e| e.to_string())
    })
    .as_ref()
    .map_err(|e| PageError::Internal(anyhow::anyhow!("the shipped plan does not parse: {e}")))
}

/// The plan the server runs with (`--plan`, else the shipped one) and the id its updates are
/// stored under.
pub fn served_plan(state: &AppState) -> Result<ServedPlan, PageError> {
    match &state.settings().plan {
        Some(p) => Ok(p.clone()),
        None => Ok(ServedPlan {
            id: PLAN_ID.to_owned(),
            plan: Arc::clone(shipped()?),
        }),
    }
}

/// The stored `target` of an update: the priority id, or `priority/action` for one action.
pub use sightline_plan::update_target as target_of;

/// A stored update as the plan crate's log entry.
pub use sightline_service::board::progress_update;

/// The whole log: the file's updates and the stored ones, date order.
async fn log(state: &AppState, plan: &Plan) -> Result<Vec<ProgressUpdate>, PageError> {
    let id = served_plan(state)?.id;
    let stored = state.with_store(move |s| s.plan_updates(&id)).await?;
    let extra: Vec<ProgressUpdate> = stored.iter().filter_map(progress_update).collect();
    Ok(merged_updates(&plan.updates, &extra))
}

/// How many of a priority's actions are at each status.
fn status_counts(priority: &Priority, log: &[ProgressUpdate]) -> Vec<(ActionStatus, usize)> {
    ActionStatus::ALL
        .into_iter()
        .map(|s| {
            let n = priority
                .actions
                .iter()
                .filter(|a| current_status(&priority.id, a, log) == s)
                .count();
            (s, n)
        })
        .collect()
}

fn status_tag(status: ActionStatus) -> Markup {
    let colour = match status {
        ActionStatus::NotStarted => "grey",
        ActionStatus::OnTrack => "green",
        ActionStatus::AtRisk => "amber",
        ActionStatus::OffTrack => "red",
        ActionStatus::Complete => "blue",
    };
    html! { strong class=(format!("govuk-tag govuk-tag--{colour}")) { (status.label()) } }
}

fn rag_tag(rag: ProgressRag, status: Option<ActionStatus>) -> Markup {
    if status == Some(ActionStatus::Complete) {
        return html! { strong class="govuk-tag govuk-tag--blue" { "Complete" } };
    }
    let label = match rag {
        ProgressRag::Green => "Green",
        ProgressRag::Amber => "Amber",
        ProgressRag::Red => "Red",
    };
    html! { strong class=(format!("govuk-tag govuk-tag--{}", rag.name())) { (label) } }
}

/// The log entries, newest first.
fn updates_list(updates: &[&ProgressUpdate]) -> Markup {
    html! {
        @if updates.is_empty() {
            p class="govuk-body" { "No progress updates yet." }
        } @else {
            ol class="sl-updates" reversed {
                @for u in updates {
                    li class="sl-update" {
                        p class="govuk-body-s" {
                            (rag_tag(u.rag, u.status)) " "
                            strong { (u.date.format("%-d %B %Y")) } " · " (u.author)
                            " · " (u.priority)
                            @if let Some(a) = &u.action { " action " (a) }
                        }
                        p class="govuk-body" { (u.commentary) }
                    }
                }
            }
        }
    }
}

/// `GET /plan`.
pub async fn show(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Html<String>, PageError> {
    let served = served_plan(&state)?;
    let plan = &*served.plan;
    let log = log(&state, plan).await?;
    let latest: Vec<&ProgressUpdate> = log.iter().rev().take(5).collect();
    let body = html! {
        span class="govuk-caption-l" { (plan.council) }
        h1 class="govuk-heading-l" { (plan.title) }
        p class="govuk-body" {
            "From " (plan.start.format("%-d %B %Y")) " to " (plan.end.format("%-d %B %Y")) ". "
            (plan.priorities.len()) " priorities, "
            (plan.priorities.iter().map(|p| p.actions.len()).sum::<usize>()) " actions."
        }
        table class="govuk-table" {
            caption class="govuk-table__caption govuk-table__caption--m" { "Priorities and the status of their actions" }
            thead { tr {
                th scope="col" { "Priority" }
                th scope="col" { "Owner" }
                @for s in ActionStatus::ALL { th scope="col" class="govuk-table__header--numeric" { (s.label()) } }
            } }
            tbody {
                @for p in &plan.priorities {
                    tr {
                        th scope="row" {
                            a class="govuk-link" href=(format!("/plan/priorities/{}", p.id)) { (p.id) ": " (p.title) }
                        }
                        td { (p.owner) }
                        @for (_, n) in status_counts(p, &log) { td class="govuk-table__cell--numeric" { (n) } }
                    }
                }
            }
        }
        h2 class="govuk-heading-m" { "Latest progress updates" }
        (updates_list(&latest))
        h2 class="govuk-heading-m" { "Recommendations coverage" }
        table class="govuk-table" {
            caption class="govuk-visually-hidden" { "Each recommendation and the actions that address it" }
            thead { tr {
                th scope="col" { "Recommendation" }
                th scope="col" { "Actions addressing it" }
                th scope="col" { "Complete" }
            } }
            tbody {
                @for r in &plan.recommendations {
                    @let actions: Vec<_> = plan.actions_addressing(&r.id).collect();
                    @let complete = actions.iter().filter(|(p, a)| current_status(&p.id, a, &log) == ActionStatus::Complete).count();
                    tr {
                        th scope="row" class="sl-recommendation" { (r.id) " (" (r.body) "): " (r.text) }
                        td {
                            @if actions.is_empty() { strong class="govuk-tag govuk-tag--red" { "Not addressed" } }
                            @for (i, (p, a)) in actions.iter().enumerate() {
                                @if i > 0 { ", " }
                                a class="govuk-link" href=(format!("/plan/priorities/{}#action-{}", p.id, a.id)) { (p.id) " " (a.id) }
                            }
                        }
                        td { (complete) " of " (actions.len()) }
                    }
                }
            }
        }
    };
    Ok(layout::page("Improvement plan", Some(&user), body))
}

/// A progress update as posted.
#[derive(Deserialize, Debug, Default)]
pub struct UpdateForm {
    /// `priority` (the whole priority) or an action id of this priority.
    #[serde(default)]
    target: String,
    /// `red`, `amber`, `green` or `complete`.
    #[serde(default)]
    rag: String,
    /// What happened.
    #[serde(default)]
    commentary: String,
}

/// Checks a posted update against the plan; returns the stored target, or what is wrong (with
/// the id of the field to link to from the error summary).
pub fn check_form(
    priority: &Priority,
    form: &UpdateForm,
) -> Result<String, (&'static str, String)> {
    let action = match form.target.trim() {
        "" | "priority" => None,
        id => match priority.actions.iter().find(|a| a.id == id) {
            Some(a) => Some(a.id.as_str()),
            None => {
                return Err((
                    "target",
                    format!("There is no action {id} in {}", priority.id),
                ));
            }
        },
    };
    let rag = form.rag.trim();
    if !PLAN_RAGS.contains(&rag) {
        return Err((
            "rag-red",
            "Choose a rating: red, amber, green or complete".into(),
        ));
    }
    if rag == "complete" && action.is_none() {
        return Err((
            "target",
            "Only an action can be marked complete: choose the action".into(),
        ));
    }
    let commentary = form.commentary.trim();
    if commentary.is_empty() {
        return Err(("commentary", "Enter what has happened".into()));
    }
    if commentary.chars().count() > MAX_COMMENTARY {
        return Err((
            "commentary",
            format!("The commentary must be {MAX_COMMENTARY} characters or fewer"),
        ));
    }
    Ok(target_of(&priority.id, action))
}

fn priority_body(
    user: &CurrentUser,
    priority: &Priority,
    log: &[ProgressUpdate],
    error: Option<(&str, &str)>,
    form: &UpdateForm,
) -> Markup {
    let updates: Vec<&ProgressUpdate> = log
        .iter()
        .rev()
        .filter(|u| u.priority == priority.id)
        .collect();
    html! {
        (back_link("/plan", "Back to the plan"))
        @if let Some((field, text)) = error {
            div class="govuk-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 class="govuk-error-summary__title govuk-heading-m" id="error-summary-title" { "There is a problem" }
                p class="govuk-body" { a href=(format!("#{field}")) { (text) } }
            }
        }
        span class="govuk-caption-l" { "Priority " (priority.id) }
        h1 class="govuk-heading-l" { (priority.title) }
        p class="govuk-body" { "Owner: " (priority.owner) }
        @if !priority.aims.is_empty() {
            h2 class="govuk-heading-m" { "Aims" }
            ul class="govuk-list govuk-list--bullet" { @for a in &priority.aims { li { (a) } } }
        }
        table class="govuk-table" {
            caption class="govuk-table__caption govuk-table__caption--m" { "Actions" }
            thead { tr {
                th scope="col" { "Action" }
                th scope="col" { "Owner" }
                th scope="col" { "Due" }
                th scope="col" { "Recommendations" }
                th scope="col" { "Status" }
            } }
            tbody {
                @for a in &priority.actions {
                    tr id=(format!("action-{}", a.id)) {
                        th scope="row" class="sl-action" { (a.id) ": " (a.text) }
                        td { (a.owner) }
                        td class="sl-date" { @if let Some(d) = a.due { (d.format("%-d %b %Y")) } @else { "-" } }
                        td { (a.recommendations.join(", ")) }
                        td { (status_tag(current_status(&priority.id, a, log))) }
                    }
                }
            }
        }
        @if user.can(Capability::UpdatePlan) {
            h2 class="govuk-heading-m" id="post-update" { "Post a progress update" }
            form method="post" action=(format!("/plan/priorities/{}/updates", priority.id)) novalidate {
                (csrf_input(user))
                div class="govuk-form-group" {
                    label class="govuk-label" for="target" { "About" }
                    select class="govuk-select" id="target" name="target" {
                        option value="priority" selected[form.target.is_empty() || form.target == "priority"] { "The whole priority" }
                        @for a in &priority.actions {
                            option value=(a.id) selected[form.target == a.id] { "Action " (a.id) }
                        }
                    }
                }
                div class="govuk-form-group" {
                    fieldset class="govuk-fieldset" {
                        legend class="govuk-fieldset__legend govuk-fieldset__legend--s" { "Rating" }
                        div class="govuk-radios govuk-radios--inline" {
                            @for (value, label) in [("green", "Green: on track"), ("amber", "Amber: some slippage"), ("red", "Red: significant slippage"), ("complete", "Complete (an action)")] {
                                div class="govuk-radios__item" {
                                    input class="govuk-radios__input" id=(format!("rag-{value}")) name="rag" type="radio" value=(value) checked[form.rag == value];
                                    label class="govuk-label govuk-radios__label" for=(format!("rag-{value}")) { (label) }
                                }
                            }
                        }
                    }
                }
                div class="govuk-form-group" {
                    label class="govuk-label" for="commentary" { "What has happened" }
                    span class="govuk-hint" id="commentary-hint" {
                        "Your name and today's date are added. Do not name or identify children."
                    }
                    textarea class="govuk-textarea" id="commentary" name="commentary" rows="5" aria-describedby="commentary-hint" { (form.commentary) }
                }
                button type="submit" class="govuk-button" { "Post update" }
            }
        }
        h2 class="govuk-heading-m" { "Progress updates, newest first" }
        (updates_list(&updates))
    }
}

/// `GET /plan/priorities/{id}`.
pub async fn priority(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
) -> Result<Html<String>, PageError> {
    let served = served_plan(&state)?;
    let plan = &*served.plan;
    let priority = plan.priority(&id).ok_or(PageError::NotFound)?;
    let log = log(&state, plan).await?;
    let body = priority_body(&user, priority, &log, None, &UpdateForm::default());
    Ok(layout::page(&priority.title, Some(&user), body))
}

/// `POST /plan/priorities/{id}/updates`.
pub async fn post_update(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(id): Path<String>,
    Form(form): Form<UpdateForm>,
) -> Result<Response, PageError> {
    let served = served_plan(&state)?;
    let plan = &*served.plan;
    let priority = plan.priority(&id).ok_or(PageError::NotFound)?;
    match check_form(priority, &form) {
        Ok(target) => {
            let update = NewPlanUpdate {
                plan_id: served.id.clone(),
                target,
                at: state.now(),
                author: user.name.clone(),
                rag: form.rag.trim().to_owned(),
                commentary: form.commentary.trim().to_owned(),
            };
            state
                .with_store(move |s| s.add_plan_update(&update))
                .await?;
            Ok(
                Redirect::to(&format!("/plan/priorities/{}#post-update", priority.id))
                    .into_response(),
            )
        }
        Err((field, text)) => {
            let log = log(&state, plan).await?;
            let body = priority_body(&user, priority, &log, Some((field, &text)), &form);
            let page = layout::page(&format!("Error: {}", priority.title), Some(&user), body);
            Ok((StatusCode::BAD_REQUEST, page).into_response())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sightline_store::PlanUpdate;

    fn stored(target: &str, rag: &str) -> PlanUpdate {
        PlanUpdate {
            id: 1,
            plan_id: PLAN_ID.into(),
            target: target.into(),
            at: chrono::NaiveDate::from_ymd_opt(2019, 11, 5)
                .unwrap()
                .and_hms_opt(10, 0, 0)
                .unwrap(),
            author: "lee".into(),
            rag: rag.into(),
            commentary: "Audit done".into(),
        }
    }

    #[test]
    fn a_stored_complete_update_completes_its_action() {
        let u = progress_update(&stored("P1/A2", "complete")).unwrap();
        assert_eq!(
            (u.priority.as_str(), u.action.as_deref()),
            ("P1", Some("A2"))
        );
        assert_eq!(u.status, Some(ActionStatus::Complete));
        assert_eq!(u.date.to_string(), "2019-11-05");
        let u = progress_update(&stored("P3", "amber")).unwrap();
        assert_eq!(
            (u.action, u.rag, u.status),
            (None, ProgressRag::Amber, None)
        );
        assert!(progress_update(&stored("P3", "purple")).is_none());
    }

    #[test]
    fn the_form_is_checked_against_the_plan() {
        let plan = plan().unwrap();
        let p1 = plan.priority("P1").unwrap();
        let action = p1.actions[0].id.clone();
        let form = |target: &str, rag: &str, commentary: &str| UpdateForm {
            target: target.into(),
            rag: rag.into(),
            commentary: commentary.into(),
        };
        assert_eq!(
            check_form(p1, &form("priority", "green", " Going well ")),
            Ok("P1".into())
        );
        assert_eq!(
            check_form(p1, &form(&action, "complete", "Done")),
            Ok(format!("P1/{action}"))
        );
        assert_eq!(
            check_form(p1, &form("Z9", "green", "x")).unwrap_err().0,
            "target"
        );
        assert_eq!(
            check_form(p1, &form("priority", "complete", "x"))
                .unwrap_err()
                .0,
            "target"
        );
        assert_eq!(
            check_form(p1, &form("priority", "blue", "x"))
                .unwrap_err()
                .0,
            "rag-red"
        );
        assert_eq!(
            check_form(p1, &form("priority", "red", "  "))
                .unwrap_err()
                .0,
            "commentary"
        );
        let long = "x".repeat(MAX_COMMENTARY + 1);
        assert_eq!(
            check_form(p1, &form("priority", "red", &long))
                .unwrap_err()
                .0,
            "commentary"
        );
    }
}
