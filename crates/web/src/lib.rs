//! The Sightline web application: the indicator dashboard, drill-down to the children behind a
//! figure and to a child's journey, worklists, snapshots, user administration and the audit log,
//! behind roles and sessions.
//!
//! - [`router`]: the route table (every route with its capability) and the security headers.
//! - [`guard`]: sessions, capability checks, CSRF, request logging.
//! - [`capability`]: roles as capabilities, the one access-policy table.
//! - [`view`]: the latest snapshot, computed once and kept in memory.
//! - `pages/`: one module per page group, over the shared [`layout`].
//! - [`audit`]: records every look at child-level data before it is sent.
//! - [`auth`], [`accounts`]: passwords, tokens, cookies; creating accounts.
//!
//! **Invariants:** no route without a capability; child-level data only through
//! `ViewChildLevel` routes, narrowed by the caller's scope and audited before the response is
//! built; request logs name the route pattern, never the path (which may hold a child's id).

pub mod accounts;
pub mod audit;
pub mod auth;
pub mod capability;
pub mod chart;
pub mod error;
pub mod figures;
pub mod guard;
pub mod layout;
pub mod pages;
pub mod router;
pub mod state;
pub mod view;

use anyhow::{Context as _, Result};
use sightline_measures::targets::TargetsConfig;
use sightline_service::Loaded;
use sightline_store::AppStore;
use state::{AppState, Settings};
use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use view::SnapshotView;

/// How `sightline serve` runs.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The database (`--database`): a file path, `sqlite://path` or `postgres://...`.
    pub database: String,
    /// Address to listen on.
    pub listen: SocketAddr,
    /// `Secure` cookies; `None`: on unless listening on a loopback address.
    pub secure_cookies: Option<bool>,
    /// Targets for RAG ratings (a targets file or a plan); `None`: the plan's.
    pub targets: Option<PathBuf>,
    /// The improvement plan (`--plan`); `None`: the shipped one.
    pub plan: Option<PathBuf>,
    /// How often to look for a newer snapshot.
    pub reload_every: Duration,
}

/// Whether cookies get `Secure`: as asked, else on except on loopback (plain-HTTP local use).
pub fn secure_cookies(asked: Option<bool>, listen: SocketAddr) -> bool {
    asked.unwrap_or(!listen.ip().is_loopback())
}

/// The snapshot the dashboard shows: the latest SSD one (the fullest picture), else the latest.
pub fn latest_summary(store: &dyn AppStore) -> Result<Option<sightline_store::SnapshotSummary>> {
    Ok(match store.latest_snapshot(Some("ssd"))? {
        Some(s) => Some(s),
        None => store.latest_snapshot(None)?,
    })
}

/// Loads and computes the latest snapshot; `None` when the store holds none.
pub fn load_view(
    store: &dyn AppStore,
    targets: Option<&TargetsConfig>,
) -> Result<Option<SnapshotView>> {
    let Some(summary) = latest_summary(store)? else {
        return Ok(None);
    };
    let records = store
        .load_snapshot(summary.id)
        .with_context(|| format!("cannot load snapshot {}", summary.id))?;
    Ok(Some(SnapshotView::compute(
        Loaded { summary, records },
        targets,
    )?))
}

/// Reads a `--targets` file: a bare targets file or an improvement plan (its targets for the
/// plan period).
pub fn read_targets(path: &std::path::Path) -> Result<TargetsConfig> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    sightline_plan::targets_from_file_text(&path.display().to_string(), &text)
        .map_err(anyhow::Error::msg)
}

/// Reads a `--plan` file; its updates are stored under its file name without `.toml`.
pub fn read_plan(path: &std::path::Path) -> Result<state::ServedPlan> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let plan = sightline_plan::parse_plan(&path.display().to_string(), &text)
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(state::ServedPlan {
        id: sightline_service::board::plan_id_of(path),
        plan: Arc::new(plan),
    })
}

/// The targets the server rates with when no `--targets` is given: the plan's, for its period
/// when the latest snapshot falls in it, else (synthetic data, a plan of past years) applied to
/// every month, as the board pack does.
pub fn plan_targets(
    plan: &sightline_plan::Plan,
    extract_date: Option<chrono::NaiveDate>,
) -> TargetsConfig {
    let window = match extract_date {
        Some(d) if !plan.covers(d) => sightline_plan::TargetWindow::Always,
        _ => sightline_plan::TargetWindow::PlanPeriod,
    };
    sightline_plan::targets_config(plan, window)
}

/// The current UTC time: the clock the server and the account verbs read.
pub fn utc_now() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

/// Runs the server until Ctrl-C.
pub async fn serve(options: ServeOptions) -> Result<()> {
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let database = options.database.clone();
    let store: Arc<dyn AppStore> = Arc::from(
        tokio::task::spawn_blocking(move || sightline_store::open_app_store(&database))
            .await?
            .with_context(|| "cannot open the database (--database)")?,
    );
    let plan = match &options.plan {
        Some(p) => Some(read_plan(p)?),
        None => None,
    };
    let targets = match &options.targets {
        Some(p) => read_targets(p)?,
        None => {
            let store2 = Arc::clone(&store);
            let latest = tokio::task::spawn_blocking(move || latest_summary(store2.as_ref()))
                .await??
                .map(|s| s.extract_date);
            match &plan {
                Some(p) => plan_targets(&p.plan, latest),
                None => plan_targets(&sightline_service::board::shipped_plan()?, latest),
            }
        }
    };
    let targets = Some(targets);
    let started = std::time::Instant::now();
    let (store2, targets2) = (Arc::clone(&store), targets.clone());
    let view = tokio::task::spawn_blocking(move || load_view(store2.as_ref(), targets2.as_ref()))
        .await??;
    match &view {
        Some(v) => tracing::info!(
            snapshot = v.summary.id.0,
            indicators = v.indicators.len(),
            seconds = started.elapsed().as_secs_f64(),
            "computed the latest snapshot"
        ),
        None => {
            tracing::warn!("the database holds no snapshot yet: pages say so until one is imported")
        }
    }
    let settings = Settings {
        secure_cookies: secure_cookies(options.secure_cookies, options.listen),
        targets,
        plan,
        ..Settings::default()
    };
    let clock: state::Clock = Arc::new(utc_now);
    let state = AppState::new(store, view, settings, clock);
    tokio::spawn(watch_for_new_snapshots(state.clone(), options.reload_every));
    let listener = tokio::net::TcpListener::bind(options.listen)
        .await
        .with_context(|| format!("cannot listen on {} (--listen)", options.listen))?;
    tracing::info!(address = %options.listen, secure_cookies = state.settings().secure_cookies, "listening");
    axum::serve(listener, router::router(state))
        .with_graceful_shutdown(shutdown_signal())
        .await?;
    Ok(())
}

/// Ctrl-C, or SIGTERM (what a container runtime or service manager sends): requests in flight
/// finish before the process exits.
async fn shutdown_signal() {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        match signal(SignalKind::terminate()) {
            Ok(mut term) => {
                tokio::select! {
                    _ = tokio::signal::ctrl_c() => {}
                    _ = term.recv() => {}
                }
            }
            Err(_) => {
                let _ = tokio::signal::ctrl_c().await;
            }
        }
    }
    #[cfg(not(unix))]
    {
        let _ = tokio::signal::ctrl_c().await;
    }
    tracing::info!("shutting down");
}

/// Recomputes the view when a newer snapshot appears (an import by any instance or the CLI), and
/// clears expired sessions.
async fn watch_for_new_snapshots(state: AppState, every: Duration) {
    loop {
        tokio::time::sleep(every).await;
        let current = state.view().map(|v| v.summary.id);
        let store = state.store();
        let now = state.now();
        let latest = tokio::task::spawn_blocking(move || {
            let _ = store.delete_expired_sessions(now);
            latest_summary(store.as_ref()).map(|s| s.map(|s| s.id))
        })
        .await;
        let latest = match latest {
            Ok(Ok(l)) => l,
            Ok(Err(e)) => {
                tracing::warn!("cannot check for a new snapshot: {e:#}");
                continue;
            }
            Err(_) => continue,
        };
        if latest.is_some() && latest != current {
            let store = state.store();
            let targets = state.settings().targets.clone();
            match tokio::task::spawn_blocking(move || load_view(store.as_ref(), targets.as_ref()))
                .await
            {
                Ok(Ok(Some(v))) => {
                    tracing::info!(snapshot = v.summary.id.0, "computed a new snapshot");
                    state.replace_view(v);
                }
                Ok(Err(e)) => tracing::warn!("cannot compute the new snapshot: {e:#}"),
                _ => {}
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use sightline_measures::period::Month;

    #[test]
    fn the_plan_rates_snapshots_outside_its_period_on_every_month() {
        let plan = sightline_service::board::shipped_plan().unwrap();
        let date = |s: &str| Some(s.parse::<chrono::NaiveDate>().unwrap());
        let rated = |t: &TargetsConfig, m: &str| {
            t.for_indicator("rereferrals_12m_pct", Month::parse(m).unwrap())
                .is_some()
        };
        // Synthetic data of 2026: the 2019/20 targets apply to every month.
        let outside = plan_targets(&plan, date("2026-03-31"));
        assert!(rated(&outside, "2026-03"));
        // Data within the plan period: its targets for its months only.
        let inside = plan_targets(&plan, date("2019-12-31"));
        assert!(rated(&inside, "2019-12"));
        assert!(!rated(&inside, "2026-03"));
    }

    #[test]
    fn targets_come_from_a_plan_or_a_bare_targets_file() {
        let dir = tempfile::tempdir().unwrap();
        let bare = dir.path().join("targets.toml");
        std::fs::write(
            &bare,
            "[[target]]\nindicator = \"icpc_15wd_pct\"\ntarget = 77.8\n",
        )
        .unwrap();
        assert_eq!(read_targets(&bare).unwrap().targets.len(), 1);
        let plan = dir.path().join("my-plan.toml");
        std::fs::write(&plan, sightline_plan::KIRKLEES_2019_20).unwrap();
        assert_eq!(read_targets(&plan).unwrap().targets.len(), 17);
        let served = read_plan(&plan).unwrap();
        assert_eq!(served.id, "my-plan");
        let broken = dir.path().join("broken.toml");
        std::fs::write(&broken, "[plan]\ntitle = 3\n").unwrap();
        let error = read_plan(&broken).unwrap_err().to_string();
        assert!(error.contains("broken.toml"), "{error}");
    }
}
