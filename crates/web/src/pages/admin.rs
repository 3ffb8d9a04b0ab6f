//! Administration: `GET /admin/users` lists accounts with a form to add one (`POST /admin/users`);
//! `GET /admin/audit` lists the audit log, newest first, filtered by user, with the result of the
//! hash-chain check.

use crate::accounts;
use crate::capability::Role;
use crate::error::PageError;
use crate::guard::CurrentUser;
use crate::layout::{self, csrf_input};
use crate::state::AppState;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Redirect, Response};
use maud::{Markup, html};
use serde::Deserialize;
use sightline_store::{AuditFilter, User};

/// The add-user form.
#[derive(Deserialize)]
pub struct NewUserForm {
    name: String,
    role: String,
    team: Option<String>,
    password: String,
}

fn users_body(user: &CurrentUser, users: &[User], error: Option<&str>) -> Markup {
    html! {
        @if let Some(e) = error {
            div class="govuk-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 class="govuk-error-summary__title govuk-heading-m" id="error-summary-title" { "There is a problem" }
                p class="govuk-body" { a href="#name" { (e) } }
            }
        }
        h1 class="govuk-heading-l" { "Users" }
        table class="govuk-table" {
            caption class="govuk-visually-hidden" { "Accounts" }
            thead { tr {
                th scope="col" { "Name" }
                th scope="col" { "Role" }
                th scope="col" { "Team" }
                th scope="col" { "Created" }
                th scope="col" { "Status" }
                th scope="col" { span class="govuk-visually-hidden" { "Action" } }
            } }
            tbody {
                @for u in users {
                    tr {
                        th scope="row" { (u.name) }
                        td { (u.role) }
                        td { (u.team.as_deref().unwrap_or("-")) }
                        td class="sl-date" { (u.created_at.format("%Y-%m-%d")) }
                        td { @if u.disabled { "Disabled" } @else { "Active" } }
                        td {
                            @if u.name != user.name {
                                form method="post" action=(format!("/admin/users/{}/status", u.name)) {
                                    (csrf_input(user))
                                    input type="hidden" name="disabled" value=(if u.disabled { "false" } else { "true" });
                                    button type="submit" class="govuk-button govuk-button--secondary govuk-button--small" {
                                        @if u.disabled { "Enable" } @else { "Disable" }
                                        span class="govuk-visually-hidden" { " " (u.name) }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        h2 class="govuk-heading-m" { "Add a user" }
        form method="post" action="/admin/users" novalidate {
            (csrf_input(user))
            div class="govuk-form-group" {
                label class="govuk-label" for="name" { "User name" }
                input class="govuk-input" id="name" name="name" type="text" autocomplete="off" spellcheck="false";
            }
            div class="govuk-form-group" {
                label class="govuk-label" for="role" { "Role" }
                select class="govuk-select" id="role" name="role" {
                    @for r in Role::ALL { option value=(r.name()) { (r.name()) } }
                }
            }
            div class="govuk-form-group" {
                label class="govuk-label" for="team" { "Team (managers only: team id or name)" }
                input class="govuk-input" id="team" name="team" type="text" autocomplete="off";
            }
            div class="govuk-form-group" {
                label class="govuk-label" for="password" { "Initial password" }
                span class="govuk-hint" id="password-hint" { "At least 12 characters; a few random words work well." }
                input class="govuk-input" id="password" name="password" type="password" autocomplete="new-password" aria-describedby="password-hint";
            }
            button type="submit" class="govuk-button" { "Add user" }
        }
    }
}

/// `GET /admin/users`.
pub async fn users(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Html<String>, PageError> {
    let users = state.with_store(|s| s.users()).await?;
    Ok(layout::page(
        "Users",
        Some(&user),
        users_body(&user, &users, None),
    ))
}

/// `POST /admin/users`.
pub async fn add_user(
    State(state): State<AppState>,
    user: CurrentUser,
    Form(form): Form<NewUserForm>,
) -> Result<Response, PageError> {
    let now = state.now();
    let store = state.store();
    let created = tokio::task::spawn_blocking(move || {
        accounts::create_user(
            store.as_ref(),
            &form.name,
            &form.role,
            form.team.as_deref(),
            &form.password,
            now,
        )
    })
    .await
    .map_err(anyhow::Error::from)?;
    match created {
        Ok(_) => Ok(Redirect::to("/admin/users").into_response()),
        Err(e) => {
            let users = state.with_store(|s| s.users()).await?;
            let text = format!("{e:#}");
            let page = layout::page("Users", Some(&user), users_body(&user, &users, Some(&text)));
            Ok((StatusCode::BAD_REQUEST, page).into_response())
        }
    }
}

/// The enable/disable form.
#[derive(Deserialize)]
pub struct StatusForm {
    disabled: bool,
}

/// `POST /admin/users/{name}/status`: disables or re-enables an account (a disabled account's
/// sessions stop working at once). An administrator cannot disable themselves.
pub async fn set_status(
    State(state): State<AppState>,
    user: CurrentUser,
    Path(name): Path<String>,
    Form(form): Form<StatusForm>,
) -> Result<Response, PageError> {
    if name == user.name {
        return Err(PageError::Forbidden);
    }
    let found = state
        .with_store(move |s| s.user_by_name(&name))
        .await?
        .ok_or(PageError::NotFound)?;
    let id = found.id;
    state
        .with_store(move |s| s.set_disabled(id, form.disabled))
        .await?;
    tracing::info!(disabled = form.disabled, "account status changed");
    Ok(Redirect::to("/admin/users").into_response())
}

/// Filters of the audit page.
#[derive(Deserialize)]
pub struct AuditQuery {
    user: Option<String>,
    since: Option<String>,
}

/// `GET /admin/audit`.
pub async fn audit(
    State(state): State<AppState>,
    user: CurrentUser,
    Query(q): Query<AuditQuery>,
) -> Result<Html<String>, PageError> {
    let filter = AuditFilter {
        user_name: q.user.clone().filter(|u| !u.trim().is_empty()),
        since: q
            .since
            .as_deref()
            .and_then(|d| chrono::NaiveDate::parse_from_str(d.trim(), "%Y-%m-%d").ok())
            .and_then(|d| d.and_hms_opt(0, 0, 0)),
        limit: Some(500),
        ..AuditFilter::default()
    };
    let (entries, chain) = state
        .with_store(move |s| Ok((s.audit(&filter)?, s.verify_audit_chain()?)))
        .await?;
    let body = html! {
        h1 class="govuk-heading-l" { "Audit log" }
        @match chain {
            Ok(n) => div class="govuk-inset-text" { "The chain of " (n) " entries verifies: no entry has been changed or removed." },
            Err(seq) => div class="govuk-error-summary" role="alert" {
                h2 class="govuk-error-summary__title govuk-heading-m" { "The audit log has been tampered with" }
                p class="govuk-body" { "Entry " (seq) " does not match the chain." }
            },
        }
        form method="get" action="/admin/audit" {
            div class="govuk-form-group" {
                label class="govuk-label" for="user" { "Only this user" }
                input class="govuk-input" id="user" name="user" type="text" value=(q.user.unwrap_or_default());
            }
            div class="govuk-form-group" {
                label class="govuk-label" for="since" { "From date" }
                span class="govuk-hint" id="since-hint" { "For example, 2026-04-01" }
                input class="govuk-input" id="since" name="since" type="text" aria-describedby="since-hint" value=(q.since.unwrap_or_default());
            }
            button type="submit" class="govuk-button govuk-button--secondary" { "Filter" }
        }
        table class="govuk-table" {
            caption { "Latest entries (at most 500), newest first" }
            thead { tr {
                th scope="col" { "#" }
                th scope="col" { "When (UTC)" }
                th scope="col" { "Who" }
                th scope="col" { "Role" }
                th scope="col" { "What" }
                th scope="col" { "Subject" }
                th scope="col" { "Page" }
            } }
            tbody {
                @for e in &entries {
                    tr {
                        td { (e.seq) }
                        td class="sl-date" { (e.at.format("%Y-%m-%d %H:%M:%S")) }
                        td { (e.user_name) }
                        td { (e.role) }
                        td { (e.action) }
                        td { (e.subject) }
                        td { (e.page) }
                    }
                }
            }
        }
    };
    Ok(layout::page("Audit log", Some(&user), body))
}
