//! Measures the application store as a web server uses it: `THREADS` concurrent "requests", each a
//! session lookup plus an audit append (the work every page view does), and prints latency
//! percentiles and throughput. Synthetic users only.
//!
//! ```text
//! cargo run --release -p sightline-store --example bench_app -- [DATABASE] [THREADS] [REQUESTS]
//! ```
//! `DATABASE` is a `--database` argument (default: an SQLite file in a temporary directory; a
//! `postgres://` URL uses that server, in a schema made for the run and dropped after it).
//! `THREADS` defaults to 64, `REQUESTS` (per thread) to 200.

use std::error::Error;
use std::sync::Arc;
use std::time::{Duration, Instant};

use chrono::NaiveDateTime;
use sightline_store::{AppStore, NewAuditEntry, NewSession, NewUser, open_app_store};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let database = args.next();
    let threads: usize = args.next().map_or(Ok(64), |t| t.parse())?;
    let requests: usize = args.next().map_or(Ok(200), |t| t.parse())?;
    let temp = tempfile::tempdir()?;

    let mut cleanup: Option<(postgres::Client, String)> = None;
    let target = match database {
        Some(url) if url.starts_with("postgres") => {
            let schema = format!("sightline_bench_app_{}", std::process::id());
            let mut admin = postgres::Client::connect(&url, postgres::NoTls)?;
            admin.batch_execute(&format!("CREATE SCHEMA {schema}"))?;
            cleanup = Some((admin, schema.clone()));
            let separator = if url.contains('?') { '&' } else { '?' };
            format!("{url}{separator}options=-csearch_path%3D{schema}")
        }
        Some(path) => path,
        None => temp.path().join("app.db").display().to_string(),
    };
    let result = run(&target, threads, requests);
    if let Some((mut admin, schema)) = cleanup {
        admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))?;
    }
    result
}

fn run(database: &str, threads: usize, requests: usize) -> Result<(), Box<dyn Error>> {
    let store: Arc<dyn AppStore> = open_app_store(database)?.into();
    let at: NaiveDateTime = "2026-01-05T09:00:00".parse()?;
    for t in 0..threads {
        let user = store.add_user(&NewUser {
            name: format!("user{t}"),
            role: "social_worker".to_owned(),
            team: None,
            password_hash: "$argon2id$synthetic".to_owned(),
            created_at: at,
        })?;
        store.create_session(&NewSession {
            token_hash: format!("token{t}"),
            user_id: user.id,
            csrf_token: "csrf".to_owned(),
            created_at: at,
            expires_at: at + chrono::Duration::hours(8),
        })?;
    }

    let started = Instant::now();
    let workers: Vec<_> = (0..threads)
        .map(|t| {
            let store = Arc::clone(&store);
            std::thread::spawn(move || -> Result<Vec<Duration>, String> {
                let mut latencies = Vec::with_capacity(requests);
                for i in 0..requests {
                    let begun = Instant::now();
                    let session = store
                        .session(&format!("token{t}"), at)
                        .map_err(|e| e.to_string())?
                        .ok_or("session missing")?;
                    store
                        .append_audit(&NewAuditEntry {
                            at,
                            user_name: session.user.name,
                            role: session.user.role,
                            action: "view_child".to_owned(),
                            subject: format!("child:S{i}"),
                            page: format!("/children/S{i}"),
                        })
                        .map_err(|e| e.to_string())?;
                    latencies.push(begun.elapsed());
                }
                Ok(latencies)
            })
        })
        .collect();
    let mut all = Vec::with_capacity(threads * requests);
    for worker in workers {
        all.extend(worker.join().map_err(|_| "a worker panicked")??);
    }
    let wall = started.elapsed();
    all.sort();
    let pct = |p: f64| all[((all.len() as f64 * p) as usize).min(all.len() - 1)];
    println!(
        "{threads} threads x {requests} requests (session lookup + audit append): {:.0} requests/s; \
         p50 {:.2?}, p99 {:.2?}, max {:.2?}",
        all.len() as f64 / wall.as_secs_f64(),
        pct(0.50),
        pct(0.99),
        all.last().copied().unwrap_or_default()
    );
    match store.verify_audit_chain()? {
        Ok(n) if n == all.len() as u64 => println!("audit chain intact: {n} entries"),
        other => return Err(format!("audit chain check gave {other:?}").into()),
    }
    Ok(())
}
