//! What every handler shares: the store, the computed latest snapshot, the settings and the clock.

use crate::view::SnapshotView;
use chrono::NaiveDateTime;
use sightline_measures::targets::TargetsConfig;
use sightline_store::{AppStore, StoreError};
use std::sync::{Arc, RwLock};

/// The server's settings.
pub struct Settings {
    /// Whether cookies carry `Secure` (sent over HTTPS only).
    pub secure_cookies: bool,
    /// How long a session lasts from login.
    pub session_hours: i64,
    /// Failed logins for one name within [`Settings::login_window_minutes`] that lock it.
    pub max_login_failures: u64,
    /// The window of the rate limit.
    pub login_window_minutes: i64,
    /// Targets for RAG ratings, when configured.
    pub targets: Option<TargetsConfig>,
    /// The improvement plan of `--plan`; `None`: the shipped one.
    pub plan: Option<ServedPlan>,
}

/// An improvement plan the server was started with, and the id its updates are stored under.
#[derive(Clone, Debug)]
pub struct ServedPlan {
    /// The id its progress updates are stored under (the file name without `.toml`).
    pub id: String,
    /// The plan.
    pub plan: std::sync::Arc<sightline_plan::Plan>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            secure_cookies: true,
            session_hours: 8,
            max_login_failures: 5,
            login_window_minutes: 15,
            targets: None,
            plan: None,
        }
    }
}

/// The clock: the web edge is the one place that reads the time (tests pass a fixed one).
pub type Clock = Arc<dyn Fn() -> NaiveDateTime + Send + Sync>;

/// The shared state of the server, cheap to clone.
#[derive(Clone)]
pub struct AppState {
    inner: Arc<Inner>,
}

struct Inner {
    store: Arc<dyn AppStore>,
    view: RwLock<Option<Arc<SnapshotView>>>,
    settings: Settings,
    clock: Clock,
}

impl AppState {
    /// State over a store, with the snapshot already computed (or none when the store is empty).
    pub fn new(
        store: Arc<dyn AppStore>,
        view: Option<SnapshotView>,
        settings: Settings,
        clock: Clock,
    ) -> AppState {
        AppState::sharing(store, view.map(Arc::new), settings, clock)
    }

    /// State over a store with a snapshot computed once and shared (several test servers).
    pub fn sharing(
        store: Arc<dyn AppStore>,
        view: Option<Arc<SnapshotView>>,
        settings: Settings,
        clock: Clock,
    ) -> AppState {
        AppState {
            inner: Arc::new(Inner {
                store,
                view: RwLock::new(view),
                settings,
                clock,
            }),
        }
    }

    /// The computed latest snapshot.
    pub fn view(&self) -> Option<Arc<SnapshotView>> {
        match self.inner.view.read() {
            Ok(v) => v.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Swaps in a newly computed snapshot (after an import); pages in flight keep the old one.
    pub fn replace_view(&self, view: SnapshotView) {
        let new = Some(Arc::new(view));
        match self.inner.view.write() {
            Ok(mut v) => *v = new,
            Err(poisoned) => *poisoned.into_inner() = new,
        }
    }

    /// The settings.
    pub fn settings(&self) -> &Settings {
        &self.inner.settings
    }

    /// The current time (UTC).
    pub fn now(&self) -> NaiveDateTime {
        (self.inner.clock)()
    }

    /// The store, for blocking calls.
    pub fn store(&self) -> Arc<dyn AppStore> {
        Arc::clone(&self.inner.store)
    }

    /// Runs a store call on the blocking pool (the store's calls block on disk or network).
    pub async fn with_store<T: Send + 'static>(
        &self,
        f: impl FnOnce(&dyn AppStore) -> Result<T, StoreError> + Send + 'static,
    ) -> anyhow::Result<T> {
        let store = self.store();
        let out = tokio::task::spawn_blocking(move || f(store.as_ref())).await?;
        Ok(out?)
    }
}
