//! Signing in and out.
//!
//! A login checks the rate limit first (failed attempts per name, counted in the store so every
//! server instance shares it), then the argon2 hash (a dummy hash for unknown names, so timing
//! does not tell which names exist). Success always creates a new session token (no fixation) and
//! deletes the session the browser came with. The login form has its own CSRF token, set in a
//! short-lived cookie when the form is shown.

use crate::auth;
use crate::capability::Role;
use crate::error::PageError;
use crate::guard::{CSRF_FIELD, CurrentUser, LOGIN_CSRF_COOKIE, SESSION_COOKIE, session_user};
use crate::layout;
use crate::state::AppState;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use chrono::Duration;
use maud::html;
use serde::Deserialize;
use sightline_store::NewSession;

/// `?next=` of the login page.
#[derive(Deserialize)]
pub struct Next {
    next: Option<String>,
}

/// The login form.
#[derive(Deserialize)]
pub struct LoginForm {
    name: String,
    password: String,
    next: Option<String>,
}

/// Only paths on this site are followed after login (no open redirect).
fn safe_next(next: Option<&str>) -> &str {
    match next {
        Some(n) if n.starts_with('/') && !n.starts_with("//") && !n.contains('\\') => n,
        _ => "/",
    }
}

fn cookie(state: &AppState, name: &str, value: &str, path: &str, max_age: i64) -> HeaderValue {
    let secure = if state.settings().secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let text =
        format!("{name}={value}; Path={path}; HttpOnly; SameSite=Lax; Max-Age={max_age}{secure}");
    HeaderValue::from_str(&text).unwrap_or_else(|_| HeaderValue::from_static(""))
}

fn form(csrf: &str, next: &str, error: Option<&str>, name: &str) -> maud::Markup {
    html! {
        @if let Some(e) = error {
            div class="govuk-error-summary" role="alert" aria-labelledby="error-summary-title" tabindex="-1" {
                h2 class="govuk-error-summary__title govuk-heading-m" id="error-summary-title" { "There is a problem" }
                p class="govuk-body" { a href="#name" { (e) } }
            }
        }
        h1 class="govuk-heading-l" { "Sign in" }
        form method="post" action="/login" novalidate {
            input type="hidden" name=(CSRF_FIELD) value=(csrf);
            input type="hidden" name="next" value=(next);
            div class="govuk-form-group" {
                label class="govuk-label" for="name" { "User name" }
                input class="govuk-input" id="name" name="name" type="text" autocomplete="username" spellcheck="false" value=(name);
            }
            div class="govuk-form-group" {
                label class="govuk-label" for="password" { "Password" }
                input class="govuk-input" id="password" name="password" type="password" autocomplete="current-password";
            }
            button type="submit" class="govuk-button" { "Sign in" }
        }
    }
}

/// Renders the form with a fresh login CSRF token (and its cookie).
fn login_page(
    state: &AppState,
    next: &str,
    error: Option<&str>,
    name: &str,
    status: StatusCode,
) -> Response {
    let csrf = auth::random_token();
    let body = layout::page("Sign in", None, form(&csrf, next, error, name));
    let mut response = (status, body).into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(state, LOGIN_CSRF_COOKIE, &csrf, "/login", 3600),
    );
    response
}

/// `GET /login`.
pub async fn show(State(state): State<AppState>, Query(q): Query<Next>) -> Response {
    login_page(
        &state,
        safe_next(q.next.as_deref()),
        None,
        "",
        StatusCode::OK,
    )
}

/// `POST /login`.
pub async fn submit(
    State(state): State<AppState>,
    headers: HeaderMap,
    Form(form): Form<LoginForm>,
) -> Result<Response, PageError> {
    let now = state.now();
    let settings = state.settings();
    let next = safe_next(form.next.as_deref()).to_owned();
    let name = form.name.trim().to_owned();
    let since = now - Duration::minutes(settings.login_window_minutes);
    let lookup = name.clone();
    let failures = state
        .with_store(move |s| s.login_failures_since(&lookup, since))
        .await?;
    if failures >= settings.max_login_failures {
        tracing::warn!(
            failures,
            "login refused: too many failed attempts for one name"
        );
        let text = format!(
            "Too many failed attempts for this user name. Try again in {} minutes.",
            settings.login_window_minutes
        );
        return Ok(login_page(
            &state,
            &next,
            Some(&text),
            &name,
            StatusCode::TOO_MANY_REQUESTS,
        ));
    }
    let lookup = name.clone();
    let user = state.with_store(move |s| s.user_by_name(&lookup)).await?;
    let password = form.password;
    let phc = user
        .as_ref()
        .map(|u| u.password_hash.clone())
        .unwrap_or_else(|| auth::dummy_hash().to_owned());
    let matches = tokio::task::spawn_blocking(move || auth::verify_password(&password, &phc))
        .await
        .map_err(anyhow::Error::from)?;
    let user = match user {
        Some(u) if matches && !u.disabled && Role::parse(&u.role).is_some() => u,
        _ => {
            let failed = name.clone();
            state
                .with_store(move |s| s.record_login_failure(&failed, now))
                .await?;
            tracing::info!("login failed");
            return Ok(login_page(
                &state,
                &next,
                Some("The user name or password is not right"),
                &name,
                StatusCode::UNAUTHORIZED,
            ));
        }
    };
    // The browser's old session, if any, ends here: the new one gets a new token.
    if let Some(old) = session_user(&state, &headers).await {
        let hash = old.token_hash;
        state.with_store(move |s| s.delete_session(&hash)).await?;
    }
    let token = auth::random_token();
    let session = NewSession {
        token_hash: auth::token_hash(&token),
        user_id: user.id,
        csrf_token: auth::random_token(),
        created_at: now,
        expires_at: now + Duration::hours(settings.session_hours),
    };
    state
        .with_store(move |s| s.create_session(&session))
        .await?;
    tracing::info!(role = %user.role, "login");
    let mut response = Redirect::to(&next).into_response();
    let headers = response.headers_mut();
    headers.append(
        header::SET_COOKIE,
        cookie(
            &state,
            SESSION_COOKIE,
            &token,
            "/",
            settings.session_hours * 3600,
        ),
    );
    headers.append(
        header::SET_COOKIE,
        cookie(&state, LOGIN_CSRF_COOKIE, "", "/login", 0),
    );
    Ok(response)
}

/// `POST /logout`.
pub async fn logout(
    State(state): State<AppState>,
    user: CurrentUser,
) -> Result<Response, PageError> {
    let hash = user.token_hash;
    state.with_store(move |s| s.delete_session(&hash)).await?;
    let mut response = Redirect::to("/login").into_response();
    response.headers_mut().append(
        header::SET_COOKIE,
        cookie(&state, SESSION_COOKIE, "", "/", 0),
    );
    Ok(response)
}

#[cfg(test)]
mod tests {
    use super::safe_next;

    #[test]
    fn only_local_paths_are_followed_after_login() {
        assert_eq!(safe_next(Some("/children/x")), "/children/x");
        assert_eq!(safe_next(Some("//evil.example")), "/");
        assert_eq!(safe_next(Some("https://evil.example")), "/");
        assert_eq!(safe_next(Some("/\\evil")), "/");
        assert_eq!(safe_next(None), "/");
    }
}
