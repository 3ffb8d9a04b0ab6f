//! The shared page layout, following the GOV.UK Design System's template: skip link, header with
//! the service name and navigation, phase banner, `main` landmark, footer. Every page module calls
//! [`page`]; the navigation shows only what the caller's capabilities reach.

use crate::capability::Capability;
use crate::guard::{CSRF_FIELD, CurrentUser};
use axum::response::Html;
use maud::{DOCTYPE, Markup, html};

/// The self-hosted stylesheet (GOV.UK conventions, no web fonts, no CDN).
pub const STYLESHEET: &str = include_str!("../assets/sightline.css");

/// A full page.
pub fn page(title: &str, user: Option<&CurrentUser>, body: Markup) -> Html<String> {
    Html(
        html! {
            (DOCTYPE)
            html lang="en" class="govuk-template" {
                head {
                    meta charset="utf-8";
                    title { (title) " – Sightline" }
                    meta name="viewport" content="width=device-width, initial-scale=1";
                    link rel="stylesheet" href="/assets/sightline.css";
                }
                body class="govuk-template__body" {
                    a href="#main-content" class="govuk-skip-link" { "Skip to main content" }
                    header class="govuk-header" {
                        div class="govuk-header__container govuk-width-container" {
                            a href="/" class="govuk-header__link govuk-header__service-name" { "Sightline" }
                            @if let Some(u) = user { (navigation(u)) }
                        }
                    }
                    div class="govuk-width-container" {
                        div class="govuk-phase-banner" {
                            strong class="govuk-tag" { "Synthetic data" }
                            span class="govuk-phase-banner__text" {
                                " Every record here is generated: no real child's data."
                            }
                        }
                        main class="govuk-main-wrapper" id="main-content" {
                            (body)
                        }
                    }
                    footer class="govuk-footer" {
                        div class="govuk-width-container" {
                            p { "Sightline: children's services performance. Child-level views are recorded in the audit log." }
                        }
                    }
                }
            }
        }
        .into_string(),
    )
}

fn navigation(user: &CurrentUser) -> Markup {
    let links: Vec<(&str, &str, Capability)> = vec![
        ("/", "Dashboard", Capability::ViewAggregates),
        ("/worklists", "Worklists", Capability::ViewChildLevel),
        ("/plan", "Plan", Capability::ViewAggregates),
        ("/reports", "Reports", Capability::ViewAggregates),
        ("/imports", "Import", Capability::ImportData),
        ("/snapshots", "Snapshots", Capability::ViewSnapshots),
        ("/admin/users", "Users", Capability::ManageUsers),
        ("/admin/audit", "Audit log", Capability::ReadAudit),
    ];
    html! {
        nav class="govuk-header__navigation" aria-label="Menu" {
            ul class="govuk-header__navigation-list" {
                @for (href, label, cap) in links {
                    @if user.can(cap) {
                        li class="govuk-header__navigation-item" {
                            a class="govuk-header__link" href=(href) { (label) }
                        }
                    }
                }
            }
        }
        div class="govuk-header__account" {
            span { "Signed in as " strong { (user.name) } " (" (user.role.name()) ")" }
            form method="post" action="/logout" class="govuk-header__signout" {
                (csrf_input(user))
                button type="submit" class="govuk-button govuk-button--secondary govuk-button--small" { "Sign out" }
            }
        }
    }
}

/// The hidden CSRF field every form must carry.
pub fn csrf_input(user: &CurrentUser) -> Markup {
    html! { input type="hidden" name=(CSRF_FIELD) value=(user.csrf); }
}

/// A back link.
pub fn back_link(href: &str, text: &str) -> Markup {
    html! { a href=(href) class="govuk-back-link" { (text) } }
}
