//! `sightline serve`: runs the web application on the latest snapshot of the database.

use crate::args::ServeArgs;
use anyhow::{Context, Result};
use std::time::Duration;

pub fn run(args: &ServeArgs) -> Result<()> {
    let options = sightline_web::ServeOptions {
        database: args.database.database.clone(),
        listen: args.listen,
        secure_cookies: args.secure_cookies,
        targets: args.targets.clone(),
        plan: args.plan.clone(),
        reload_every: Duration::from_secs(args.reload_seconds.max(1)),
    };
    if !options.database.starts_with("postgres")
        && !std::path::Path::new(options.database.trim_start_matches("sqlite://")).exists()
    {
        anyhow::bail!(
            "no database at {}: run `sightline demo` first, or pass --database",
            options.database
        );
    }
    let secure = sightline_web::secure_cookies(options.secure_cookies, options.listen);
    eprintln!(
        "Sightline on http://{} (database {}; cookies {}); Ctrl-C stops it",
        options.listen,
        redact(&options.database),
        if secure {
            "Secure: HTTPS only"
        } else {
            "without Secure: plain HTTP on loopback"
        }
    );
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot start the server's runtime")?;
    runtime.block_on(sightline_web::serve(options))
}

/// A database URL without its password, for messages.
pub fn redact(database: &str) -> String {
    match (database.find("://"), database.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            let userinfo = &database[scheme + 3..at];
            match userinfo.split_once(':') {
                Some((user, _)) => {
                    format!("{}{user}:***{}", &database[..scheme + 3], &database[at..])
                }
                None => database.to_owned(),
            }
        }
        _ => database.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::redact;

    #[test]
    fn database_passwords_are_not_printed() {
        assert_eq!(
            redact("postgres://amy:secret@db/sl"),
            "postgres://amy:***@db/sl"
        );
        assert_eq!(redact("postgres://amy@db/sl"), "postgres://amy@db/sl");
        assert_eq!(redact("sightline.db"), "sightline.db");
    }
}
