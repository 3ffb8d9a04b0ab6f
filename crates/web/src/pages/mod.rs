//! One module per page group; each handler extracts, authorises (through its route's capability
//! and the caller's scope), records an audit entry when it shows child-level data, and renders with
//! the shared layout.

pub mod admin;
pub mod child;
pub mod dashboard;
pub mod imports;
pub mod indicator;
pub mod login;
pub mod plan;
pub mod reports;
pub mod snapshots;
pub mod worklists;

use crate::capability::{Capability, ChildScope};
use crate::chart::Point;
use crate::error::PageError;
use crate::figures::Disclosure;
use crate::guard::CurrentUser;
use crate::state::AppState;
use crate::view::SnapshotView;
use maud::{Markup, html};
use sightline_measures::engine::Series;
use sightline_measures::period::Period;
use sightline_measures::rag::Rag;
use std::sync::Arc;

/// The computed snapshot, or the "no data yet" page.
pub(crate) fn view(state: &AppState) -> Result<Arc<SnapshotView>, PageError> {
    state.view().ok_or(PageError::NoSnapshot)
}

/// How the caller sees small numbers.
pub(crate) fn disclosure(user: &CurrentUser) -> Disclosure {
    if user.can(Capability::ViewExactSmallNumbers) {
        Disclosure::Exact
    } else {
        Disclosure::Suppressed
    }
}

/// Whether the caller may see a child: in scope, or 404 (a child outside a manager's team looks
/// exactly like a child that does not exist).
pub(crate) fn child_in_scope(view: &SnapshotView, scope: &ChildScope, child: u32) -> bool {
    match scope {
        ChildScope::Nobody => false,
        ChildScope::All => true,
        ChildScope::Team(team) => match view.team(team) {
            Some(mine) => {
                view.team_of_child(child) == Some(mine) || view.on_worklist_of(child, mine)
            }
            None => false,
        },
    }
}

/// The monthly points of a series, the last `months` of them, with suppressed figures left out.
pub(crate) fn month_points(series: &Series, disclosure: Disclosure, months: usize) -> Vec<Point> {
    let monthly: Vec<_> = series
        .measurements
        .iter()
        .filter(|m| matches!(m.period, Period::Month(_)))
        .collect();
    let skip = monthly.len().saturating_sub(months);
    monthly
        .into_iter()
        .skip(skip)
        .map(|m| {
            let label = match m.period {
                Period::Month(month) => month.to_string(),
                Period::DfeYear(y) => y.to_string(),
            };
            let shown = disclosure.value(m.unit, m.value, m.numerator, m.denominator);
            let value = if shown == crate::figures::SUPPRESSED {
                None
            } else {
                m.value
            };
            (label, value)
        })
        .collect()
}

/// A RAG tag with its word (never colour alone).
pub(crate) fn rag_tag(rag: Option<Rag>) -> Markup {
    match rag {
        Some(r) => {
            html! { strong class=(format!("govuk-tag govuk-tag--{}", r.name())) { (r.label()) } }
        }
        None => html! { strong class="govuk-tag govuk-tag--grey" { "No target" } },
    }
}
