//! Roles as capabilities: the one table that says what each role may do.
//!
//! Routes declare the [`Capability`] they need (see `router.rs`); the guard checks it against
//! [`Role::allows`] before any handler runs. Handlers never test a role: they ask for the
//! [`ChildScope`] of the caller, which narrows child-level data to a manager's own team.

/// A stored role, parsed. Unknown role names are refused at login and at `users add`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Users and the audit log.
    Admin,
    /// Imports and all data.
    Analyst,
    /// All child-level data, read only.
    Leader,
    /// Child-level data of their own team only.
    Manager,
    /// Aggregates only, with small numbers suppressed.
    Board,
}

impl Role {
    /// Every role, in display order.
    pub const ALL: [Role; 5] = [
        Role::Admin,
        Role::Analyst,
        Role::Leader,
        Role::Manager,
        Role::Board,
    ];

    /// The stored name: `admin`, `analyst`, `leader`, `manager`, `board`.
    pub fn name(self) -> &'static str {
        match self {
            Role::Admin => "admin",
            Role::Analyst => "analyst",
            Role::Leader => "leader",
            Role::Manager => "manager",
            Role::Board => "board",
        }
    }

    /// The role a stored name means.
    pub fn parse(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }

    /// Whether this role has a capability. This table is the whole access policy.
    #[must_use]
    pub fn allows(self, capability: Capability) -> bool {
        use Capability as C;
        match capability {
            C::Public | C::SignedIn | C::ViewAggregates => true,
            C::ViewExactSmallNumbers => {
                matches!(self, Role::Analyst | Role::Leader | Role::Manager)
            }
            C::ViewChildLevel => matches!(self, Role::Analyst | Role::Leader | Role::Manager),
            C::ViewSnapshots => matches!(self, Role::Analyst | Role::Leader),
            C::ImportData => matches!(self, Role::Analyst),
            C::ManageUsers | C::ReadAudit => matches!(self, Role::Admin),
            // The plan's owners are senior leaders; analysts keep its log for them.
            C::UpdatePlan => matches!(self, Role::Analyst | Role::Leader),
            // Whole-council lists of children (worklists, data-quality findings) as files.
            C::ExportChildLevel => matches!(self, Role::Analyst | Role::Leader),
        }
    }
}

/// What a route needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Capability {
    /// Anyone, signed in or not (login page, health check, stylesheet).
    Public,
    /// Any signed-in user (sign out).
    SignedIn,
    /// Aggregate figures: the dashboard and indicator pages.
    ViewAggregates,
    /// Figures of 1 to 5 shown as they are; without it they show as "c" (disclosure control).
    ViewExactSmallNumbers,
    /// Child-level data: children behind a figure, a child's timeline, worklists. Narrowed by
    /// [`ChildScope`].
    ViewChildLevel,
    /// The snapshots and their validation findings counts.
    ViewSnapshots,
    /// Importing statutory files.
    ImportData,
    /// Managing user accounts.
    ManageUsers,
    /// Reading the audit log.
    ReadAudit,
    /// Posting progress updates on the improvement plan.
    UpdatePlan,
    /// Downloading reports that list children across the whole council (audited).
    ExportChildLevel,
}

/// Which children a signed-in user may see.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ChildScope {
    /// None: aggregates only.
    Nobody,
    /// Every child.
    All,
    /// Children whose case is held by this team (team id or name, as stored on the account).
    Team(String),
}

impl ChildScope {
    /// The scope of a role (with the team stored on the account, for managers). A manager with no
    /// team sees no child.
    #[must_use]
    pub fn of(role: Role, team: Option<&str>) -> ChildScope {
        if !role.allows(Capability::ViewChildLevel) {
            return ChildScope::Nobody;
        }
        match role {
            Role::Manager => match team {
                Some(t) if !t.trim().is_empty() => ChildScope::Team(t.trim().to_owned()),
                _ => ChildScope::Nobody,
            },
            _ => ChildScope::All,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_names_round_trip() {
        for role in Role::ALL {
            assert_eq!(Role::parse(role.name()), Some(role));
        }
        assert_eq!(Role::parse("superuser"), None);
        assert_eq!(Role::parse("Admin"), None);
    }

    #[test]
    fn board_and_admin_never_see_child_level_data() {
        for role in [Role::Board, Role::Admin] {
            assert!(!role.allows(Capability::ViewChildLevel));
            assert_eq!(ChildScope::of(role, Some("t1")), ChildScope::Nobody);
        }
    }

    #[test]
    fn a_manager_is_narrowed_to_their_team() {
        assert_eq!(
            ChildScope::of(Role::Manager, Some(" T1 ")),
            ChildScope::Team("T1".into())
        );
        assert_eq!(ChildScope::of(Role::Manager, None), ChildScope::Nobody);
        assert_eq!(ChildScope::of(Role::Leader, Some("T1")), ChildScope::All);
    }
}
