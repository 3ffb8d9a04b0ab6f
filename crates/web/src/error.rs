//! Error pages: what a handler returns when it cannot show the page.

use crate::layout;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use maud::html;

/// Why a page is not shown.
#[derive(Debug)]
pub enum PageError {
    /// No such page, or a child outside the caller's scope (the two look the same on purpose).
    NotFound,
    /// The caller's role lacks the route's capability.
    Forbidden,
    /// A form came without the right CSRF token.
    CsrfRejected,
    /// No snapshot has been imported yet.
    NoSnapshot,
    /// Something failed on our side; logged, never shown.
    Internal(anyhow::Error),
}

impl From<anyhow::Error> for PageError {
    fn from(e: anyhow::Error) -> Self {
        PageError::Internal(e)
    }
}

impl IntoResponse for PageError {
    fn into_response(self) -> Response {
        let (status, title, text) = match self {
            PageError::NotFound => (
                StatusCode::NOT_FOUND,
                "Page not found",
                "If you typed the web address, check it is correct. You may not have access to this record.",
            ),
            PageError::Forbidden => (
                StatusCode::FORBIDDEN,
                "You do not have access to this page",
                "Your role does not include this page. Ask an administrator if you need it.",
            ),
            PageError::CsrfRejected => (
                StatusCode::FORBIDDEN,
                "The form could not be sent",
                "The form had expired or did not come from this site. Go back, reload the page and try again.",
            ),
            PageError::NoSnapshot => (
                StatusCode::SERVICE_UNAVAILABLE,
                "No data yet",
                "No snapshot has been imported. Run `sightline demo` or `sightline import`, then restart the server.",
            ),
            PageError::Internal(e) => {
                // The chain names files and tables, never a child: store errors carry no record data.
                tracing::error!("internal error: {e:#}");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Sorry, there is a problem with the service",
                    "Try again later.",
                )
            }
        };
        let body = layout::page(
            title,
            None,
            html! {
                h1 class="govuk-heading-l" { (title) }
                p class="govuk-body" { (text) }
                p class="govuk-body" { a class="govuk-link" href="/" { "Go to the dashboard" } }
            },
        );
        (status, body).into_response()
    }
}
