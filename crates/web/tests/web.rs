//! The web application driven in-process (tower `oneshot`) over a real SQLite store holding a
//! small synthetic council: sign-in, rate limiting, CSRF, session fixation, the route × role
//! matrix, a manager's scope, the board's aggregates-only view, the audit log and the logs.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use chrono::{Duration, NaiveDate, NaiveDateTime};
use http_body_util::BodyExt;
use sightline_store::{AppStore, AuditFilter, NewSnapshot};
use sightline_web::state::{AppState, Clock, Settings};
use sightline_web::view::SnapshotView;
use std::sync::{Arc, Mutex, OnceLock};
use tower::ServiceExt;

const PASSWORD: &str = "correct horse battery staple";

/// The synthetic council, generated once for all tests.
fn synthetic() -> &'static sightline_synth::Synthetic {
    static SYNTH: OnceLock<sightline_synth::Synthetic> = OnceLock::new();
    SYNTH.get_or_init(|| {
        sightline_synth::generate(&sightline_synth::SynthConfig {
            population: 4_000,
            years: 2,
            ..Default::default()
        })
    })
}

/// The computed snapshot, once for all tests (each test has its own store holding the same one).
fn shared_view(store: &dyn AppStore) -> Arc<SnapshotView> {
    static VIEW: OnceLock<Arc<SnapshotView>> = OnceLock::new();
    VIEW.get_or_init(|| {
        Arc::new(
            sightline_web::load_view(store, None)
                .unwrap()
                .expect("a snapshot"),
        )
    })
    .clone()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Arc<dyn AppStore>,
    app: Router,
    now: Arc<Mutex<NaiveDateTime>>,
    view: Arc<SnapshotView>,
    /// Team of the manager `mia`, and a child whose case it holds.
    team_a: String,
    child_a: String,
    /// Another team (manager `max`), and a child of theirs.
    team_b: String,
    child_b: String,
}

fn start() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 4, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("sightline.db");
    let store: Arc<dyn AppStore> =
        Arc::from(sightline_store::open_app_store(path.to_str().unwrap()).unwrap());
    let synth = synthetic();
    store
        .import_snapshots(&[NewSnapshot {
            source_format: "ssd".into(),
            la_code: Some(synth.council.la_code),
            extract_date: synth.end,
            imported_at: start(),
            files: Vec::new(),
            records: &synth.records,
        }])
        .unwrap();
    let view = shared_view(store.as_ref());
    // Two teams with a worklist, and one child whose case each holds.
    let mut teams: Vec<(u32, u32)> = Vec::new();
    for group in &view.worklists {
        let sightline_measures::timescales::WorklistKey::Team(id) = &group.key else {
            continue;
        };
        let Some(team) = view.team(id.as_str()) else {
            continue;
        };
        // For the second team, a child the first team's manager must not reach in any way.
        let first = teams.first().map(|(t, _)| *t);
        let child = (0..view.records.children.len() as u32).find(|&c| {
            view.team_of_child(c) == Some(team)
                && !view.timeline(c).is_empty()
                && first.is_none_or(|a| !view.on_worklist_of(c, a))
        });
        if let Some(child) = child {
            teams.push((team, child));
        }
    }
    let team_id = |t: u32| view.records.teams[t as usize].id.as_str().to_owned();
    let (team_a, child_a) = (
        team_id(teams[0].0),
        view.child_id(teams[0].1).unwrap().to_owned(),
    );
    let (team_b, child_b) = (
        team_id(teams[1].0),
        view.child_id(teams[1].1).unwrap().to_owned(),
    );
    let now = Arc::new(Mutex::new(start()));
    for (name, role, team) in [
        ("ada", "admin", None),
        ("ann", "analyst", None),
        ("lee", "leader", None),
        ("mia", "manager", Some(team_a.as_str())),
        ("max", "manager", Some(team_b.as_str())),
        ("bob", "board", None),
    ] {
        sightline_web::accounts::create_user(store.as_ref(), name, role, team, PASSWORD, start())
            .unwrap();
    }
    let clock_now = Arc::clone(&now);
    let clock: Clock = Arc::new(move || *clock_now.lock().unwrap());
    let state = AppState::sharing(
        Arc::clone(&store),
        Some(Arc::clone(&view)),
        Settings::default(),
        clock,
    );
    Fixture {
        _dir: dir,
        store,
        app: sightline_web::router::router(state),
        now,
        view,
        team_a,
        child_a,
        team_b,
        child_b,
    }
}

async fn send(app: &Router, req: Request<Body>) -> Response {
    app.clone().oneshot(req).await.unwrap()
}

async fn text(res: Response) -> String {
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).unwrap()
}

fn get(path: &str, session: Option<&str>) -> Request<Body> {
    let mut b = Request::get(path);
    if let Some(s) = session {
        b = b.header(header::COOKIE, format!("sightline_session={s}"));
    }
    b.body(Body::empty()).unwrap()
}

fn post(path: &str, cookie: Option<&str>, form: &str) -> Request<Body> {
    let mut b =
        Request::post(path).header(header::CONTENT_TYPE, "application/x-www-form-urlencoded");
    if let Some(c) = cookie {
        b = b.header(header::COOKIE, c);
    }
    b.body(Body::from(form.to_owned())).unwrap()
}

/// The value of a cookie set by a response.
fn set_cookie(res: &Response, name: &str) -> Option<(String, String)> {
    res.headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with(&format!("{name}=")))
        .map(|c| {
            let value = c[name.len() + 1..].split(';').next().unwrap().to_owned();
            (value, c.to_owned())
        })
}

/// The hidden CSRF field of a page.
fn csrf_of(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    html[at..].split('"').next().unwrap().to_owned()
}

/// Submits the login form as a browser would; returns the response.
async fn login_response(
    app: &Router,
    name: &str,
    password: &str,
    old_session: Option<&str>,
) -> Response {
    let page = send(app, get("/login", None)).await;
    let (login_csrf, _) = set_cookie(&page, "sightline_login_csrf").expect("login csrf cookie");
    let form_token = csrf_of(&text(page).await);
    assert_eq!(login_csrf, form_token);
    let mut cookie = format!("sightline_login_csrf={login_csrf}");
    if let Some(s) = old_session {
        cookie.push_str(&format!("; sightline_session={s}"));
    }
    let form = format!(
        "csrf={form_token}&name={name}&password={}",
        password.replace(' ', "+")
    );
    send(app, post("/login", Some(&cookie), &form)).await
}

/// Signs in; returns the session token.
async fn login(app: &Router, name: &str) -> String {
    let res = login_response(app, name, PASSWORD, None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "login of {name}");
    set_cookie(&res, "sightline_session")
        .expect("session cookie")
        .0
}

/// The session's CSRF token, read from the sign-out form of the dashboard.
async fn session_csrf(app: &Router, session: &str) -> String {
    csrf_of(&text(send(app, get("/", Some(session))).await).await)
}

#[tokio::test]
async fn login_works_and_the_cookie_is_locked_down() {
    let f = fixture();
    let res = login_response(&f.app, "lee", PASSWORD, None).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[header::LOCATION], "/");
    let (token, attributes) = set_cookie(&res, "sightline_session").unwrap();
    assert_eq!(token.len(), 64);
    for attribute in [
        "HttpOnly",
        "SameSite=Lax",
        "Max-Age=28800",
        "Secure",
        "Path=/",
    ] {
        assert!(
            attributes.contains(attribute),
            "{attribute} missing from {attributes}"
        );
    }
    let page = send(&f.app, get("/", Some(&token))).await;
    assert_eq!(page.status(), StatusCode::OK);
    let html = text(page).await;
    assert!(html.contains("Performance dashboard"));
    assert!(html.contains("Signed in as <strong>lee</strong>"));
    // Without a session the dashboard sends the browser to sign in.
    let anonymous = send(&f.app, get("/", None)).await;
    assert_eq!(anonymous.status(), StatusCode::SEE_OTHER);
    assert_eq!(anonymous.headers()[header::LOCATION], "/login?next=/");
}

#[tokio::test]
async fn a_wrong_password_fails_and_repeated_failures_lock_the_name() {
    let f = fixture();
    for _ in 0..5 {
        let res = login_response(&f.app, "lee", "not the right password", None).await;
        assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
        assert!(set_cookie(&res, "sightline_session").is_none());
        assert!(
            text(res)
                .await
                .contains("The user name or password is not right")
        );
    }
    // Even the right password is refused while the name is locked.
    let locked = login_response(&f.app, "lee", PASSWORD, None).await;
    assert_eq!(locked.status(), StatusCode::TOO_MANY_REQUESTS);
    assert!(set_cookie(&locked, "sightline_session").is_none());
    // Another name is not affected.
    assert_eq!(
        login_response(&f.app, "ann", PASSWORD, None).await.status(),
        StatusCode::SEE_OTHER
    );
    // After the window the name can sign in again.
    *f.now.lock().unwrap() += Duration::minutes(16);
    assert_eq!(
        login_response(&f.app, "lee", PASSWORD, None).await.status(),
        StatusCode::SEE_OTHER
    );
    // An unknown name fails the same way.
    assert_eq!(
        login_response(&f.app, "nobody", PASSWORD, None)
            .await
            .status(),
        StatusCode::UNAUTHORIZED
    );
}

#[tokio::test]
async fn a_post_without_the_csrf_token_is_rejected() {
    let f = fixture();
    let admin = login(&f.app, "ada").await;
    let cookie = format!("sightline_session={admin}");
    let form = "name=eve&role=board&password=another+long+pass+phrase";
    // No token, a wrong token: 403, and nothing happens.
    for body in [form.to_owned(), format!("csrf={}&{form}", "0".repeat(64))] {
        let res = send(&f.app, post("/admin/users", Some(&cookie), &body)).await;
        assert_eq!(res.status(), StatusCode::FORBIDDEN);
    }
    assert!(f.store.user_by_name("eve").unwrap().is_none());
    let res = send(&f.app, post("/logout", Some(&cookie), "")).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        send(&f.app, get("/", Some(&admin))).await.status(),
        StatusCode::OK
    );
    // With the session's token the same form works.
    let csrf = session_csrf(&f.app, &admin).await;
    let res = send(
        &f.app,
        post(
            "/admin/users",
            Some(&cookie),
            &format!("csrf={csrf}&{form}"),
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(f.store.user_by_name("eve").unwrap().is_some());
    // The login form needs its own token too.
    let res = send(
        &f.app,
        post(
            "/login",
            None,
            &format!("name=lee&password={}", PASSWORD.replace(' ', "+")),
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn signing_in_gives_a_new_session_and_ends_the_old_one() {
    let f = fixture();
    let first = login(&f.app, "lee").await;
    let res = login_response(&f.app, "lee", PASSWORD, Some(&first)).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let second = set_cookie(&res, "sightline_session").unwrap().0;
    assert_ne!(first, second);
    assert_eq!(
        send(&f.app, get("/", Some(&first))).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        send(&f.app, get("/", Some(&second))).await.status(),
        StatusCode::OK
    );
    // A token the attacker planted before login is never promoted to a session.
    let planted = "a".repeat(64);
    let res = login_response(&f.app, "lee", PASSWORD, Some(&planted)).await;
    assert_ne!(set_cookie(&res, "sightline_session").unwrap().0, planted);
    assert_eq!(
        send(&f.app, get("/", Some(&planted))).await.status(),
        StatusCode::SEE_OTHER
    );
    // Signing out ends the session.
    let csrf = session_csrf(&f.app, &second).await;
    let res = send(
        &f.app,
        post(
            "/logout",
            Some(&format!("sightline_session={second}")),
            &format!("csrf={csrf}"),
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        send(&f.app, get("/", Some(&second))).await.status(),
        StatusCode::SEE_OTHER
    );
    // A session expires after its hours.
    let third = login(&f.app, "lee").await;
    *f.now.lock().unwrap() += Duration::hours(9);
    assert_eq!(
        send(&f.app, get("/", Some(&third))).await.status(),
        StatusCode::SEE_OTHER
    );
}

/// What each caller gets from each route: written by hand from the policy, not derived
/// from the capability table, so a change to either shows here.
#[tokio::test]
async fn each_role_reaches_exactly_what_it_may() {
    let f = fixture();
    let roles = ["ada", "ann", "lee", "mia", "bob"];
    let mut sessions = Vec::new();
    for name in roles {
        let s = login(&f.app, name).await;
        let csrf = session_csrf(&f.app, &s).await;
        sessions.push((name, Some((s, csrf))));
    }
    sessions.push(("anonymous", None));
    use StatusCode as S;
    const OK: S = S::OK;
    const NO: S = S::FORBIDDEN;
    const LOGIN: S = S::SEE_OTHER;
    let indicator = "/indicators/cla_count";
    let children = "/indicators/cla_count/children";
    let child = format!("/children/{}", f.child_a);
    let worklist = format!("/worklists/{}", f.team_a);
    // (method, route pattern, concrete path, [admin, analyst, leader, manager, board, anonymous])
    let expected: Vec<(&str, &str, String, [S; 6])> = vec![
        (
            "GET",
            "/healthz",
            "/healthz".into(),
            [OK, OK, OK, OK, OK, OK],
        ),
        (
            "GET",
            "/assets/sightline.css",
            "/assets/sightline.css".into(),
            [OK, OK, OK, OK, OK, OK],
        ),
        ("GET", "/login", "/login".into(), [OK, OK, OK, OK, OK, OK]),
        ("POST", "/login", "/login".into(), [NO, NO, NO, NO, NO, NO]),
        ("GET", "/", "/".into(), [OK, OK, OK, OK, OK, LOGIN]),
        (
            "GET",
            "/indicators/{id}",
            indicator.into(),
            [OK, OK, OK, OK, OK, LOGIN],
        ),
        (
            "GET",
            "/indicators/{id}/children",
            children.into(),
            [NO, OK, OK, OK, NO, LOGIN],
        ),
        (
            "GET",
            "/children/{id}",
            child.clone(),
            [NO, OK, OK, OK, NO, LOGIN],
        ),
        (
            "GET",
            "/worklists",
            "/worklists".into(),
            [NO, OK, OK, OK, NO, LOGIN],
        ),
        (
            "GET",
            "/worklists/{team}",
            worklist.clone(),
            [NO, OK, OK, OK, NO, LOGIN],
        ),
        (
            "GET",
            "/snapshots",
            "/snapshots".into(),
            [NO, OK, OK, NO, NO, LOGIN],
        ),
        (
            "GET",
            "/admin/users",
            "/admin/users".into(),
            [OK, NO, NO, NO, NO, LOGIN],
        ),
        (
            "POST",
            "/admin/users",
            "/admin/users".into(),
            [S::BAD_REQUEST, NO, NO, NO, NO, NO],
        ),
        (
            "GET",
            "/admin/audit",
            "/admin/audit".into(),
            [OK, NO, NO, NO, NO, LOGIN],
        ),
        // Disables the manager `max`, who signs in nowhere in this test.
        (
            "POST",
            "/admin/users/{name}/status",
            "/admin/users/max/status".into(),
            [LOGIN, NO, NO, NO, NO, NO],
        ),
        // The plan, imports and reports (WEB-2). The posted form has no rating, so a role that
        // may post gets the form back with its error (400).
        ("GET", "/plan", "/plan".into(), [OK, OK, OK, OK, OK, LOGIN]),
        (
            "GET",
            "/plan/priorities/{id}",
            "/plan/priorities/P1".into(),
            [OK, OK, OK, OK, OK, LOGIN],
        ),
        (
            "POST",
            "/plan/priorities/{id}/updates",
            "/plan/priorities/P1/updates".into(),
            [NO, S::BAD_REQUEST, S::BAD_REQUEST, NO, NO, NO],
        ),
        (
            "GET",
            "/imports",
            "/imports".into(),
            [NO, OK, NO, NO, NO, LOGIN],
        ),
        // Not multipart: refused by the extractor once the capability admits the caller.
        (
            "POST",
            "/imports",
            "/imports".into(),
            [NO, S::BAD_REQUEST, NO, NO, NO, NO],
        ),
        (
            "GET",
            "/reports",
            "/reports".into(),
            [OK, OK, OK, OK, OK, LOGIN],
        ),
        (
            "GET",
            "/reports/public/{report}/{format}",
            "/reports/public/children-in-care/html".into(),
            [OK, OK, OK, OK, OK, LOGIN],
        ),
        (
            "GET",
            "/reports/internal/{report}/{format}",
            "/reports/internal/children-in-care/html".into(),
            [NO, OK, OK, OK, NO, LOGIN],
        ),
        (
            "GET",
            "/reports/child-level/{report}/{format}",
            "/reports/child-level/worklists/html".into(),
            [NO, OK, OK, NO, NO, LOGIN],
        ),
        (
            "POST",
            "/logout",
            "/logout".into(),
            [LOGIN, LOGIN, LOGIN, LOGIN, LOGIN, NO],
        ),
    ];
    // Every route of the table is in this test, and nothing else.
    let mut table: Vec<(&str, &str)> = sightline_web::router::routes()
        .iter()
        .map(|r| (r.method, r.path))
        .collect();
    let mut tested: Vec<(&str, &str)> = expected.iter().map(|(m, p, _, _)| (*m, *p)).collect();
    table.sort();
    tested.sort();
    assert_eq!(
        table, tested,
        "a route was added or removed: extend this matrix"
    );
    // Logout comes last, so the sessions stay valid for the other routes.
    for (method, _, path, statuses) in &expected {
        for ((name, session), want) in sessions.iter().zip(statuses) {
            let cookie = session
                .as_ref()
                .map(|(s, _)| format!("sightline_session={s}"));
            let req = match *method {
                "GET" => get(path, session.as_ref().map(|(s, _)| s.as_str())),
                _ => {
                    // A valid CSRF token where there is a session, so that only the capability
                    // decides; a weak password so that an admin's add-user form is refused (400).
                    let csrf = session.as_ref().map(|(_, c)| c.clone()).unwrap_or_default();
                    let form =
                        format!("csrf={csrf}&name=zed&role=board&password=short&disabled=true");
                    post(path, cookie.as_deref(), &form)
                }
            };
            let got = send(&f.app, req).await.status();
            assert_eq!(got, *want, "{method} {path} as {name}");
        }
    }
}

#[tokio::test]
async fn a_manager_cannot_reach_another_teams_children() {
    let f = fixture();
    let mia = login(&f.app, "mia").await;
    let own = send(&f.app, get(&format!("/children/{}", f.child_a), Some(&mia))).await;
    assert_eq!(own.status(), StatusCode::OK);
    // Another team's child looks exactly like a child that does not exist.
    let other = send(&f.app, get(&format!("/children/{}", f.child_b), Some(&mia))).await;
    assert_eq!(other.status(), StatusCode::NOT_FOUND);
    let unknown = send(&f.app, get("/children/NO-SUCH-CHILD", Some(&mia))).await;
    assert_eq!(unknown.status(), StatusCode::NOT_FOUND);
    assert_eq!(
        send(&f.app, get(&format!("/worklists/{}", f.team_b), Some(&mia)))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    // The worklists index lists only the manager's team.
    let index = text(send(&f.app, get("/worklists", Some(&mia))).await).await;
    assert!(index.contains(&format!("/worklists/{}\"", f.team_a)));
    assert!(!index.contains(&format!("/worklists/{}\"", f.team_b)));
    // The children behind a figure are narrowed to the team.
    for ind in ["cla_count", "open_cases", "referrals", "contacts"] {
        let html = text(
            send(
                &f.app,
                get(&format!("/indicators/{ind}/children"), Some(&mia)),
            )
            .await,
        )
        .await;
        for (i, c) in f.view.records.children.iter().enumerate() {
            if html.contains(&format!("/children/{}\"", c.id.as_str())) {
                // The team holds the case, or the child is still on the team's worklist.
                let team_a = f.view.team(&f.team_a).unwrap();
                let child = i as u32;
                assert!(
                    f.view.team_of_child(child) == Some(team_a)
                        || f.view.on_worklist_of(child, team_a),
                    "{ind} lists another team's child"
                );
            }
        }
    }
    // The leader sees both.
    let lee = login(&f.app, "lee").await;
    assert_eq!(
        send(&f.app, get(&format!("/children/{}", f.child_b), Some(&lee)))
            .await
            .status(),
        StatusCode::OK
    );
}

#[tokio::test]
async fn the_board_sees_aggregates_only_with_small_numbers_suppressed() {
    let f = fixture();
    let bob = login(&f.app, "bob").await;
    let pages = [
        "/".to_owned(),
        "/indicators/cla_count".to_owned(),
        "/indicators/icpc_15wd_pct".to_owned(),
        "/indicators/missing_episodes".to_owned(),
    ];
    let mut suppressed = 0;
    for page in &pages {
        let res = send(&f.app, get(page, Some(&bob))).await;
        assert_eq!(res.status(), StatusCode::OK, "{page}");
        let html = text(res).await;
        assert!(!html.contains("/children/"), "{page} links to a child");
        assert!(!html.contains("/indicators/cla_count/children"));
        for c in &f.view.records.children {
            assert!(
                !html.contains(&format!(">{}<", c.id.as_str())),
                "{page} shows a child id"
            );
        }
        suppressed += html.matches(">c<").count();
    }
    assert!(suppressed > 0, "small numbers show as c for the board");
    for path in [
        format!("/children/{}", f.child_a),
        "/indicators/cla_count/children".to_owned(),
        "/worklists".to_owned(),
        format!("/worklists/{}", f.team_a),
    ] {
        assert_eq!(
            send(&f.app, get(&path, Some(&bob))).await.status(),
            StatusCode::FORBIDDEN,
            "{path}"
        );
    }
    // A leader sees the same pages with exact figures.
    let lee = login(&f.app, "lee").await;
    for page in &pages {
        let html = text(send(&f.app, get(page, Some(&lee))).await).await;
        assert_eq!(html.matches(">c<").count(), 0, "{page}");
    }
    // The dashboard is rendered once per disclosure: the board's copy is not the leader's.
    let board = text(send(&f.app, get("/", Some(&bob))).await).await;
    assert!(board.contains(">c<"));
}

#[tokio::test]
async fn every_look_at_child_level_data_is_audited_first() {
    let f = fixture();
    let lee = login(&f.app, "lee").await;
    let child_path = format!("/children/{}", f.child_a);
    assert_eq!(
        send(&f.app, get(&child_path, Some(&lee))).await.status(),
        StatusCode::OK
    );
    assert_eq!(
        send(&f.app, get("/indicators/cla_count/children", Some(&lee)))
            .await
            .status(),
        StatusCode::OK
    );
    assert_eq!(
        send(&f.app, get(&format!("/worklists/{}", f.team_a), Some(&lee)))
            .await
            .status(),
        StatusCode::OK
    );
    // Aggregates are not audited; a child out of reach is not shown, so not audited either.
    assert_eq!(
        send(&f.app, get("/", Some(&lee))).await.status(),
        StatusCode::OK
    );
    let mia = login(&f.app, "mia").await;
    assert_eq!(
        send(&f.app, get(&format!("/children/{}", f.child_b), Some(&mia)))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );

    let entries = f.store.audit(&AuditFilter::default()).unwrap();
    let got: Vec<(String, String, String, String, String)> = entries
        .iter()
        .rev()
        .map(|e| {
            (
                e.user_name.clone(),
                e.role.clone(),
                e.action.clone(),
                e.subject.clone(),
                e.page.clone(),
            )
        })
        .collect();
    let month = f.view.month.to_string();
    let s = |x: &str| x.to_owned();
    assert_eq!(
        got,
        vec![
            (
                s("lee"),
                s("leader"),
                s("view_child"),
                format!("child:{}", f.child_a),
                child_path.clone()
            ),
            (
                s("lee"),
                s("leader"),
                s("view_children_behind"),
                format!("indicator:cla_count/{month}"),
                s("/indicators/cla_count/children")
            ),
            (
                s("lee"),
                s("leader"),
                s("view_worklist"),
                format!("worklist:team:{}", f.team_a),
                format!("/worklists/{}", f.team_a)
            ),
        ]
    );
    assert!(entries.iter().all(|e| e.at == start()));
    assert_eq!(f.store.verify_audit_chain().unwrap(), Ok(3));
    // The admin page lists them and says the chain verifies.
    let ada = login(&f.app, "ada").await;
    let html = text(send(&f.app, get("/admin/audit", Some(&ada))).await).await;
    assert!(html.contains("The chain of 3 entries verifies"));
    assert!(html.contains(&format!("child:{}", f.child_a)));
    let only_mia = text(send(&f.app, get("/admin/audit?user=mia", Some(&ada))).await).await;
    assert!(!only_mia.contains("view_child"));
    let later = text(send(&f.app, get("/admin/audit?since=2026-04-03", Some(&ada))).await).await;
    assert!(!later.contains("view_child"));
    let same_day = text(send(&f.app, get("/admin/audit?since=2026-04-02", Some(&ada))).await).await;
    assert!(same_day.contains("view_child"));
}

/// A writer into a shared buffer, for capturing the server's log.
#[derive(Clone, Default)]
struct Captured(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Captured {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(buf);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn the_log_never_names_a_child() {
    let f = fixture();
    let captured = Captured::default();
    let writer = captured.clone();
    let subscriber = tracing_subscriber::fmt()
        .with_max_level(tracing::Level::DEBUG)
        .with_ansi(false)
        .with_writer(move || writer.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let lee = login(&f.app, "lee").await;
    let mia = login(&f.app, "mia").await;
    for (session, path) in [
        (&lee, format!("/children/{}", f.child_a)),
        (&lee, "/indicators/cla_count/children".to_owned()),
        (&lee, format!("/worklists/{}", f.team_a)),
        (&mia, format!("/children/{}", f.child_b)),
        (&lee, format!("/children/{}?x=1", f.child_b)),
    ] {
        send(&f.app, get(&path, Some(session))).await;
    }
    let log = String::from_utf8(captured.0.lock().unwrap().clone()).unwrap();
    assert!(
        log.contains("route=/children/{id}"),
        "the log names the route: {log}"
    );
    assert!(log.contains("status=404"));
    for c in &f.view.records.children {
        assert!(!log.contains(c.id.as_str()), "the log names a child");
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let f = fixture();
    let lee = login(&f.app, "lee").await;
    for (path, session) in [
        ("/", Some(lee.as_str())),
        ("/healthz", None),
        ("/login", None),
        ("/no/such/page", None),
        ("/", None),
    ] {
        let res = send(&f.app, get(path, session)).await;
        let h = res.headers();
        let csp = h[header::CONTENT_SECURITY_POLICY].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{path}");
        assert!(!csp.contains("unsafe-inline"), "{path}");
        assert!(csp.contains("default-src 'none'"));
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff");
        assert_eq!(h[header::REFERRER_POLICY], "same-origin");
        assert_eq!(h[header::X_FRAME_OPTIONS], "DENY");
    }
    let page = send(&f.app, get("/", Some(&lee))).await;
    assert_eq!(page.headers()[header::CACHE_CONTROL], "no-store");
    let html = text(page).await;
    // No script of any kind, a skip link, one h1.
    assert!(!html.contains("<script"));
    assert!(html.contains("href=\"#main-content\""));
    assert_eq!(html.matches("<h1").count(), 1);
}

#[tokio::test]
async fn health_check_answers_without_a_session() {
    let f = fixture();
    let res = send(&f.app, get("/healthz", None)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(text(res).await, "ok");
}

#[tokio::test]
async fn a_disabled_account_loses_its_session_and_cannot_sign_in() {
    let f = fixture();
    let lee = login(&f.app, "lee").await;
    let ada = login(&f.app, "ada").await;
    let csrf = session_csrf(&f.app, &ada).await;
    let cookie = format!("sightline_session={ada}");
    let res = send(
        &f.app,
        post(
            "/admin/users/lee/status",
            Some(&cookie),
            &format!("csrf={csrf}&disabled=true"),
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert!(f.store.user_by_name("lee").unwrap().unwrap().disabled);
    assert_eq!(
        send(&f.app, get("/", Some(&lee))).await.status(),
        StatusCode::SEE_OTHER
    );
    assert_eq!(
        login_response(&f.app, "lee", PASSWORD, None).await.status(),
        StatusCode::UNAUTHORIZED
    );
    // An administrator cannot lock themselves out.
    let res = send(
        &f.app,
        post(
            "/admin/users/ada/status",
            Some(&cookie),
            &format!("csrf={csrf}&disabled=true"),
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // Enabled again, the account signs in.
    send(
        &f.app,
        post(
            "/admin/users/lee/status",
            Some(&cookie),
            &format!("csrf={csrf}&disabled=false"),
        ),
    )
    .await;
    assert_eq!(
        login_response(&f.app, "lee", PASSWORD, None).await.status(),
        StatusCode::SEE_OTHER
    );
}

#[tokio::test]
async fn a_childs_timeline_holds_each_of_their_records_in_date_order() {
    let f = fixture();
    let v = &f.view;
    let mut checked = 0;
    for (i, c) in v.records.children.iter().enumerate().take(300) {
        let timeline = v.timeline(i as u32);
        let dates: Vec<_> = timeline.iter().filter_map(|e| e.date).collect();
        assert!(dates.windows(2).all(|w| w[0] <= w[1]), "out of order");
        let of = |kind: &str| timeline.iter().filter(|e| e.record().kind == kind).count();
        let r = &v.records;
        assert_eq!(
            of("referrals"),
            r.referrals.iter().filter(|x| x.child == c.id).count()
        );
        assert_eq!(
            of("visits"),
            r.visits.iter().filter(|x| x.child == c.id).count()
        );
        assert_eq!(
            of("looked-after episodes"),
            r.cla_episodes.iter().filter(|x| x.child == c.id).count()
        );
        checked += timeline.len();
    }
    assert!(checked > 0);
    // The page shows them with their references.
    let lee = login(&f.app, "lee").await;
    let child = v.child(&f.child_a).unwrap();
    let html = text(send(&f.app, get(&format!("/children/{}", f.child_a), Some(&lee))).await).await;
    for e in v.timeline(child) {
        if let Some(id) = v.record_id(e.record()) {
            assert!(html.contains(&format!("<td>{id}</td>")), "{id} missing");
        }
    }
}

#[tokio::test]
async fn sql_shaped_input_is_data_not_sql() {
    let f = fixture();
    // A classic injection in the user name: with string-built SQL it would match every user.
    let injected = "lee'--";
    let encoded = "lee%27--";
    let res = login_response(&f.app, encoded, PASSWORD, None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED, "{injected}");
    let res = login_response(&f.app, "%27+OR+%271%27%3D%271", PASSWORD, None).await;
    assert_eq!(res.status(), StatusCode::UNAUTHORIZED);
    // Ids in paths are looked up as values too: an injected child id is simply not found.
    let session = login(&f.app, "lee").await;
    let res = send(
        &f.app,
        get("/children/x'%20OR%20'1'%3D'1", Some(session.as_str())),
    )
    .await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    // And nothing was damaged: every account is still there and still signs in.
    assert_eq!(f.store.users().unwrap().len(), 6);
    assert_eq!(
        login_response(&f.app, "ann", PASSWORD, None).await.status(),
        StatusCode::SEE_OTHER
    );
}
