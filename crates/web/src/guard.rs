//! The guard every route passes through: finds the session, checks the route's capability and,
//! on POST, the CSRF token; then logs the request by its route pattern (never its path, which may
//! hold a child's id).
//!
//! Handlers read the caller as [`CurrentUser`], which only the guard creates, so no handler can
//! run for a caller the route's capability does not admit.

use crate::auth;
use crate::capability::{Capability, ChildScope, Role};
use crate::error::PageError;
use crate::state::AppState;
use axum::body::{Body, to_bytes};
use axum::extract::{FromRequestParts, MatchedPath, Request, State};
use axum::http::{Method, StatusCode, header, request::Parts};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use std::time::Instant;

/// The session cookie.
pub const SESSION_COOKIE: &str = "sightline_session";
/// The cookie holding the login form's CSRF token (before there is a session).
pub const LOGIN_CSRF_COOKIE: &str = "sightline_login_csrf";
/// The form field that carries the CSRF token.
pub const CSRF_FIELD: &str = "csrf";
/// Largest request body read (uploads of statutory files included).
pub const MAX_BODY: usize = 256 * 1024 * 1024;

/// The signed-in caller, as the guard found them.
#[derive(Clone, Debug)]
pub struct CurrentUser {
    /// Login name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Team on the account (managers).
    pub team: Option<String>,
    /// The session's CSRF token, for forms.
    pub csrf: String,
    /// SHA-256 of the session token (to sign out).
    pub token_hash: String,
}

impl CurrentUser {
    /// Whether the caller has a capability.
    #[must_use]
    pub fn can(&self, capability: Capability) -> bool {
        self.role.allows(capability)
    }

    /// Which children the caller may see.
    #[must_use]
    pub fn scope(&self) -> ChildScope {
        ChildScope::of(self.role, self.team.as_deref())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for CurrentUser {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        parts
            .extensions
            .get::<CurrentUser>()
            .cloned()
            .ok_or(PageError::Forbidden)
    }
}

/// Looks up the session a request's cookie names; `None` when there is none, it expired, or its
/// account has a role this server does not know.
pub async fn session_user(
    state: &AppState,
    headers: &axum::http::HeaderMap,
) -> Option<CurrentUser> {
    let cookies = headers.get(header::COOKIE)?.to_str().ok()?;
    let token = auth::cookie(cookies, SESSION_COOKIE)?;
    let hash = auth::token_hash(token);
    let now = state.now();
    let found = state
        .with_store(move |s| s.session(&hash, now))
        .await
        .map_err(|e| tracing::error!("session lookup failed: {e:#}"))
        .ok()??;
    if found.user.disabled {
        return None;
    }
    Some(CurrentUser {
        role: Role::parse(&found.user.role)?,
        name: found.user.name,
        team: found.user.team,
        csrf: found.csrf_token,
        token_hash: found.token_hash,
    })
}

/// The middleware: session, capability, CSRF, log line.
pub async fn guard(
    State((state, capability)): State<(AppState, Capability)>,
    req: Request,
    next: Next,
) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map(|m| m.as_str().to_owned())
        .unwrap_or_default();
    // Public routes (health check, stylesheet, login) need no session: no store call for them.
    let user = if capability == Capability::Public {
        None
    } else {
        session_user(&state, req.headers()).await
    };
    let role = user.as_ref().map(|u| u.role.name()).unwrap_or("-");
    let response = match admit(capability, user, req).await {
        Ok(req) => next.run(req).await,
        Err(refused) => refused,
    };
    tracing::info!(
        method = %method,
        route = %route,
        role,
        status = response.status().as_u16(),
        ms = started.elapsed().as_secs_f64() * 1000.0,
        "request"
    );
    response
}

/// Checks the capability and the CSRF token; returns the request to run, with the caller in its
/// extensions, or the refusal.
async fn admit(
    capability: Capability,
    user: Option<CurrentUser>,
    mut req: Request,
) -> Result<Request, Response> {
    let is_post = req.method() == Method::POST;
    match (&user, capability) {
        (_, Capability::Public) => {}
        (None, _) if is_post => return Err(PageError::Forbidden.into_response()),
        (None, _) => {
            let next = req
                .uri()
                .path_and_query()
                .map(|p| p.as_str())
                .unwrap_or("/");
            return Err(Redirect::to(&format!("/login?next={}", encode(next))).into_response());
        }
        (Some(u), cap) if !u.can(cap) => return Err(PageError::Forbidden.into_response()),
        (Some(_), _) => {}
    }
    if is_post {
        let expected = match (&user, capability) {
            (Some(u), c) if c != Capability::Public => Some(u.csrf.clone()),
            _ => req
                .headers()
                .get(header::COOKIE)
                .and_then(|v| v.to_str().ok())
                .and_then(|c| auth::cookie(c, LOGIN_CSRF_COOKIE))
                .map(str::to_owned),
        };
        let (parts, body) = req.into_parts();
        let bytes = to_bytes(body, MAX_BODY)
            .await
            .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
        let content_type = parts
            .headers
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        let sent = csrf_field(content_type, &bytes);
        let ok = match (expected, sent) {
            (Some(e), Some(s)) => !e.is_empty() && auth::constant_time_eq(&e, &s),
            _ => false,
        };
        if !ok {
            return Err(PageError::CsrfRejected.into_response());
        }
        req = Request::from_parts(parts, Body::from(bytes));
    }
    if let Some(u) = user {
        req.extensions_mut().insert(u);
    }
    Ok(req)
}

/// The CSRF field of a form body: URL-encoded, or a multipart part named `csrf`.
fn csrf_field(content_type: &str, body: &[u8]) -> Option<String> {
    if content_type.starts_with("application/x-www-form-urlencoded") {
        let text = std::str::from_utf8(body).ok()?;
        return text.split('&').find_map(|pair| {
            let (k, v) = pair.split_once('=')?;
            (k == CSRF_FIELD).then(|| v.to_owned())
        });
    }
    if content_type.starts_with("multipart/form-data") {
        let needle = b"name=\"csrf\"";
        let at = body.windows(needle.len()).position(|w| w == needle)?;
        let rest = &body[at..];
        let start = rest.windows(4).position(|w| w == b"\r\n\r\n")? + 4;
        let value = &rest[start..];
        let end = value.windows(2).position(|w| w == b"\r\n")?;
        return std::str::from_utf8(&value[..end]).ok().map(str::to_owned);
    }
    None
}

/// Percent-encodes a path for a query parameter.
pub fn encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b'/' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csrf_field_is_found_in_both_form_encodings() {
        assert_eq!(
            csrf_field("application/x-www-form-urlencoded", b"a=1&csrf=abc&b=2"),
            Some("abc".into())
        );
        assert_eq!(
            csrf_field("application/x-www-form-urlencoded", b"a=1"),
            None
        );
        let multipart = b"--X\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\nabc\r\n--X--";
        assert_eq!(
            csrf_field("multipart/form-data; boundary=X", multipart),
            Some("abc".into())
        );
        assert_eq!(csrf_field("text/plain", b"csrf=abc"), None);
    }

    #[test]
    fn next_paths_are_encoded() {
        assert_eq!(encode("/children/C 1?x=&y"), "/children/C%201%3Fx%3D%26y");
    }
}
