//! Recording a look at child-level data. Handlers call [`record`] after deciding what to show and
//! before building the response: if the audit entry cannot be written, the page is not shown.

use crate::error::PageError;
use crate::guard::CurrentUser;
use crate::state::AppState;
use sightline_store::NewAuditEntry;

/// What was looked at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// A child's timeline.
    ViewChild,
    /// The children behind a figure.
    ViewChildrenBehind,
    /// A worklist (children with outstanding tasks).
    ViewWorklist,
    /// A download holding child ids.
    Export,
}

impl Action {
    /// The stored name.
    pub fn name(self) -> &'static str {
        match self {
            Action::ViewChild => "view_child",
            Action::ViewChildrenBehind => "view_children_behind",
            Action::ViewWorklist => "view_worklist",
            Action::Export => "export",
        }
    }
}

/// Appends the audit entry: who (the caller), when (now), what (`action` on `subject`, e.g.
/// `child:<id>` or `indicator:<id>/2026-03`), from which page (`page`, the request path).
pub async fn record(
    state: &AppState,
    user: &CurrentUser,
    action: Action,
    subject: String,
    page: String,
) -> Result<(), PageError> {
    let entry = NewAuditEntry {
        at: state.now(),
        user_name: user.name.clone(),
        role: user.role.name().to_owned(),
        action: action.name().to_owned(),
        subject,
        page,
    };
    state.with_store(move |s| s.append_audit(&entry)).await?;
    Ok(())
}
