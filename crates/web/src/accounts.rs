//! Creating accounts, shared by `sightline users add`, `sightline demo` and the admin page: the
//! checks (known role, a team for managers, the password policy) live here once.

use crate::auth;
use crate::capability::Role;
use anyhow::{Result, bail};
use chrono::NaiveDateTime;
use sightline_store::{AppStore, NewUser, StoreError, User};

/// Checks and creates an account; the password is hashed here and never stored.
pub fn create_user(
    store: &dyn AppStore,
    name: &str,
    role: &str,
    team: Option<&str>,
    password: &str,
    now: NaiveDateTime,
) -> Result<User> {
    let name = name.trim();
    if name.is_empty()
        || name.len() > 64
        || name.chars().any(|c| c.is_whitespace() || c.is_control())
    {
        bail!("user name {name:?}: use 1 to 64 characters without spaces");
    }
    let Some(parsed) = Role::parse(role) else {
        let known: Vec<&str> = Role::ALL.iter().map(|r| r.name()).collect();
        bail!(
            "role {role:?} is not known: use one of {}",
            known.join(", ")
        );
    };
    let team = team.map(str::trim).filter(|t| !t.is_empty());
    if parsed == Role::Manager && team.is_none() {
        bail!("a manager sees only their team's children: give --team (a team id or name)");
    }
    if let Some(problem) = auth::password_problem(name, password) {
        bail!("{problem}");
    }
    let user = NewUser {
        name: name.to_owned(),
        role: parsed.name().to_owned(),
        team: team.map(str::to_owned),
        password_hash: auth::hash_password(password)?,
        created_at: now,
    };
    match store.add_user(&user) {
        Ok(u) => Ok(u),
        Err(StoreError::Conflict { .. }) => bail!("there is already a user called {name}"),
        Err(e) => Err(e.into()),
    }
}

/// A demo account, with the password printed once by `sightline demo`.
pub struct DemoAccount {
    /// Login name.
    pub name: String,
    /// Role.
    pub role: Role,
    /// Team (the manager's).
    pub team: Option<String>,
    /// The generated password.
    pub password: String,
}

/// Creates one account per role in a demo database, with random passwords (nothing is fixed or
/// guessable, even in the demo). The manager gets the team holding the most allocations.
pub fn create_demo_accounts(
    store: &dyn AppStore,
    records: &sightline_model::CaseRecords,
    now: NaiveDateTime,
) -> Result<Vec<DemoAccount>> {
    let mut counts: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    let team_of_worker: std::collections::HashMap<&str, &str> = records
        .workers
        .iter()
        .map(|w| (w.id.as_str(), w.team.as_str()))
        .collect();
    for a in &records.allocations {
        if let Some(team) = team_of_worker.get(a.worker.as_str()) {
            *counts.entry(team).or_default() += 1;
        }
    }
    let busiest = counts
        .into_iter()
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(t, _)| t.to_owned());
    let mut out = Vec::new();
    for role in Role::ALL {
        let name = format!("demo-{}", role.name());
        let team = (role == Role::Manager).then(|| busiest.clone()).flatten();
        if role == Role::Manager && team.is_none() {
            continue;
        }
        let password = auth::generated_password();
        create_user(store, &name, role.name(), team.as_deref(), &password, now)?;
        out.push(DemoAccount {
            name,
            role,
            team,
            password,
        });
    }
    Ok(out)
}
