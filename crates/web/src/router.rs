//! The whole route table, in one place: every route with the capability it needs. The router is
//! built from this table only, so a route cannot exist without a declared capability, and the
//! route × role test walks the same table.
//!
//! Around every route: the guard (session, capability, CSRF on POST, log line). Around everything,
//! including the 404 fallback: the security headers.

use crate::capability::Capability;
use crate::error::PageError;
use crate::guard::guard;
use crate::layout::STYLESHEET;
use crate::pages::{
    admin, child, dashboard, imports, indicator, login, plan, reports, snapshots, worklists,
};
use crate::state::AppState;
use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{MethodRouter, get, post};

/// One route: method, path pattern, capability.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Route {
    /// `GET` or `POST`.
    pub method: &'static str,
    /// The axum path pattern, e.g. `/children/{id}`.
    pub path: &'static str,
    /// What the caller needs.
    pub capability: Capability,
}

const fn route(method: &'static str, path: &'static str, capability: Capability) -> Route {
    Route {
        method,
        path,
        capability,
    }
}

/// The route table with handlers. Add a page group by adding its rows here.
fn table() -> Vec<(Route, MethodRouter<AppState>)> {
    use Capability as C;
    vec![
        (route("GET", "/healthz", C::Public), get(healthz)),
        (
            route("GET", "/assets/sightline.css", C::Public),
            get(stylesheet),
        ),
        (route("GET", "/login", C::Public), get(login::show)),
        (route("POST", "/login", C::Public), post(login::submit)),
        (route("POST", "/logout", C::SignedIn), post(login::logout)),
        (route("GET", "/", C::ViewAggregates), get(dashboard::show)),
        (
            route("GET", "/indicators/{id}", C::ViewAggregates),
            get(indicator::show),
        ),
        (
            route("GET", "/indicators/{id}/children", C::ViewChildLevel),
            get(indicator::children),
        ),
        (
            route("GET", "/children/{id}", C::ViewChildLevel),
            get(child::show),
        ),
        (
            route("GET", "/worklists", C::ViewChildLevel),
            get(worklists::index),
        ),
        (
            route("GET", "/worklists/{team}", C::ViewChildLevel),
            get(worklists::team),
        ),
        (
            route("GET", "/snapshots", C::ViewSnapshots),
            get(snapshots::index),
        ),
        (
            route("GET", "/admin/users", C::ManageUsers),
            get(admin::users),
        ),
        (
            route("POST", "/admin/users", C::ManageUsers),
            post(admin::add_user),
        ),
        (
            route("POST", "/admin/users/{name}/status", C::ManageUsers),
            post(admin::set_status),
        ),
        (
            route("GET", "/admin/audit", C::ReadAudit),
            get(admin::audit),
        ),
        // The improvement plan (aggregate: every role reads it; owners post updates).
        (route("GET", "/plan", C::ViewAggregates), get(plan::show)),
        (
            route("GET", "/plan/priorities/{id}", C::ViewAggregates),
            get(plan::priority),
        ),
        (
            route("POST", "/plan/priorities/{id}/updates", C::UpdatePlan),
            post(plan::post_update),
        ),
        // Analysts' uploads of statutory files.
        (route("GET", "/imports", C::ImportData), get(imports::show)),
        (
            route("POST", "/imports", C::ImportData),
            post(imports::upload).layer(axum::extract::DefaultBodyLimit::max(imports::MAX_UPLOAD)),
        ),
        // Report downloads: the route decides the version (public, internal, child-level).
        (
            route("GET", "/reports", C::ViewAggregates),
            get(reports::index),
        ),
        (
            route(
                "GET",
                "/reports/public/{report}/{format}",
                C::ViewAggregates,
            ),
            get(reports::public),
        ),
        (
            route(
                "GET",
                "/reports/internal/{report}/{format}",
                C::ViewExactSmallNumbers,
            ),
            get(reports::internal),
        ),
        (
            route(
                "GET",
                "/reports/child-level/{report}/{format}",
                C::ExportChildLevel,
            ),
            get(reports::child_level),
        ),
    ]
}

/// Every route and its capability (for the documentation and the route × role test).
pub fn routes() -> Vec<Route> {
    table().into_iter().map(|(r, _)| r).collect()
}

/// The application.
pub fn router(state: AppState) -> Router {
    let mut router = Router::new();
    for (spec, handler) in table() {
        let guarded = handler.route_layer(middleware::from_fn_with_state(
            (state.clone(), spec.capability),
            guard,
        ));
        router = router.route(spec.path, guarded);
    }
    router
        .fallback(|| async { PageError::NotFound })
        .layer(middleware::from_fn(security_headers))
        .with_state(state)
}

/// `GET /healthz`: the process is up and serving (for load balancers).
async fn healthz() -> &'static str {
    "ok"
}

/// `GET /assets/sightline.css`.
async fn stylesheet() -> Response {
    (
        [
            (header::CONTENT_TYPE, "text/css; charset=utf-8"),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        STYLESHEET,
    )
        .into_response()
}

/// The content security policy: only our own stylesheet, no script at all, no framing.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

/// Adds the security headers to every response; pages (which may hold child-level data) are
/// never cached.
async fn security_headers(req: Request, next: Next) -> Response {
    let mut response = next.run(req).await;
    let h = response.headers_mut();
    let set = [
        (header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY),
        (header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        (header::X_FRAME_OPTIONS, "DENY"),
        (header::REFERRER_POLICY, "same-origin"),
        (
            header::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
    ];
    for (name, value) in set {
        h.insert(name, HeaderValue::from_static(value));
    }
    if !h.contains_key(header::CACHE_CONTROL) {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}
