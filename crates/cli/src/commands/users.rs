//! `sightline users add|list`: the web application's accounts. Passwords come from standard input
//! only, so they never appear in shell history or the process list.

use crate::args::{UsersAddArgs, UsersCommand, UsersNameArgs};
use anyhow::{Context, Result, bail};
use std::io::BufRead;

pub fn run(command: &UsersCommand) -> Result<()> {
    match command {
        UsersCommand::Add(args) => add(args),
        UsersCommand::Disable(args) => set_disabled(args, true),
        UsersCommand::Enable(args) => set_disabled(args, false),
        UsersCommand::List(args) => {
            let store = sightline_store::open_app_store(&args.database.database)?;
            println!("name\trole\tteam\tcreated\tstatus");
            for u in store.users()? {
                println!(
                    "{}\t{}\t{}\t{}\t{}",
                    u.name,
                    u.role,
                    u.team.as_deref().unwrap_or("-"),
                    u.created_at.format("%Y-%m-%d %H:%M"),
                    if u.disabled { "disabled" } else { "active" }
                );
            }
            Ok(())
        }
    }
}

fn add(args: &UsersAddArgs) -> Result<()> {
    if !args.password_stdin {
        bail!("give the password on standard input with --password-stdin");
    }
    let mut password = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut password)
        .context("cannot read the password from standard input")?;
    let password = password.trim_end_matches(['\r', '\n']);
    let store = sightline_store::open_app_store(&args.database.database)?;
    let now = sightline_web::utc_now();
    let user = sightline_web::accounts::create_user(
        store.as_ref(),
        &args.name,
        &args.role,
        args.team.as_deref(),
        password,
        now,
    )?;
    println!("added {} ({})", user.name, user.role);
    Ok(())
}

fn set_disabled(args: &UsersNameArgs, disabled: bool) -> Result<()> {
    let store = sightline_store::open_app_store(&args.database.database)?;
    let user = store
        .user_by_name(&args.name)?
        .with_context(|| format!("there is no user called {}", args.name))?;
    store.set_disabled(user.id, disabled)?;
    println!(
        "{} {}",
        if disabled { "disabled" } else { "enabled" },
        user.name
    );
    Ok(())
}
