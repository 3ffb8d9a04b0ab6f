//! The plan, import and report pages driven in-process over a real SQLite store holding a small
//! synthetic council: posting plan updates (author from the session, CSRF, who may post),
//! uploading statutory files (validation recorded, figures refreshed, bad files refused with
//! nothing stored), and downloading reports (formats, public versions, audited exports).

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use axum::response::Response;
use chrono::{NaiveDate, NaiveDateTime};
use http_body_util::BodyExt;
use sightline_store::{AppStore, AuditFilter, NewSnapshot};
use sightline_web::state::{AppState, Clock, Settings};
use std::path::PathBuf;
use std::sync::{Arc, OnceLock};
use tower::ServiceExt;

const PASSWORD: &str = "correct horse battery staple";

fn synthetic() -> &'static sightline_synth::Synthetic {
    static SYNTH: OnceLock<sightline_synth::Synthetic> = OnceLock::new();
    SYNTH.get_or_init(|| {
        sightline_synth::generate(&sightline_synth::SynthConfig {
            population: 2_000,
            years: 2,
            ..Default::default()
        })
    })
}

fn now() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(2026, 4, 2)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap()
}

struct Fixture {
    _dir: tempfile::TempDir,
    store: Arc<dyn AppStore>,
    state: AppState,
    app: Router,
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
            imported_at: now(),
            files: Vec::new(),
            records: &synth.records,
        }])
        .unwrap();
    let view = sightline_web::load_view(store.as_ref(), None)
        .unwrap()
        .unwrap();
    for (name, role) in [
        ("ann", "analyst"),
        ("lee", "leader"),
        ("bob", "board"),
        ("ada", "admin"),
    ] {
        sightline_web::accounts::create_user(store.as_ref(), name, role, None, PASSWORD, now())
            .unwrap();
    }
    let clock: Clock = Arc::new(now);
    let state = AppState::new(Arc::clone(&store), Some(view), Settings::default(), clock);
    Fixture {
        _dir: dir,
        store,
        app: sightline_web::router::router(state.clone()),
        state,
    }
}

async fn send(app: &Router, req: Request<Body>) -> Response {
    app.clone().oneshot(req).await.unwrap()
}

async fn bytes(res: Response) -> Vec<u8> {
    res.into_body().collect().await.unwrap().to_bytes().to_vec()
}

async fn text(res: Response) -> String {
    String::from_utf8(bytes(res).await).unwrap()
}

fn get(path: &str, session: &str) -> Request<Body> {
    Request::get(path)
        .header(header::COOKIE, format!("sightline_session={session}"))
        .body(Body::empty())
        .unwrap()
}

fn post_form(path: &str, session: &str, form: &str) -> Request<Body> {
    Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header(header::COOKIE, format!("sightline_session={session}"))
        .body(Body::from(form.to_owned()))
        .unwrap()
}

fn csrf_of(html: &str) -> String {
    let at = html.find("name=\"csrf\" value=\"").expect("a csrf field") + 19;
    html[at..].split('"').next().unwrap().to_owned()
}

/// Signs in through the login form; returns (session token, session CSRF token).
async fn login(app: &Router, name: &str) -> (String, String) {
    let page = send(app, Request::get("/login").body(Body::empty()).unwrap()).await;
    let cookie = page
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .find_map(|v| {
            let v = v.to_str().ok()?;
            v.starts_with("sightline_login_csrf=")
                .then(|| v.split(';').next().unwrap().to_owned())
        })
        .unwrap();
    let token = csrf_of(&text(page).await);
    let form = format!(
        "csrf={token}&name={name}&password={}",
        PASSWORD.replace(' ', "+")
    );
    let res = send(
        app,
        Request::post("/login")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .header(header::COOKIE, cookie)
            .body(Body::from(form))
            .unwrap(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "login of {name}");
    let session = res
        .headers()
        .get_all(header::SET_COOKIE)
        .iter()
        .find_map(|v| {
            let v = v.to_str().ok()?;
            v.strip_prefix("sightline_session=")
                .map(|rest| rest.split(';').next().unwrap().to_owned())
        })
        .unwrap();
    let csrf = csrf_of(&text(send(app, get("/", &session)).await).await);
    (session, csrf)
}

#[tokio::test]
async fn a_leader_posts_a_plan_update_signed_with_their_session() {
    let f = fixture();
    let (lee, csrf) = login(&f.app, "lee").await;
    let page = text(send(&f.app, get("/plan/priorities/P1", &lee)).await).await;
    assert!(page.contains("Post a progress update"));
    let action = sightline_web::pages::plan::plan().unwrap().priorities[0].actions[0]
        .id
        .clone();
    // The author field in the form is ignored: the author is the session's user.
    let form = format!(
        "csrf={csrf}&target={action}&rag=complete&author=someone+else&commentary=Early+help+hub+open"
    );
    let res = send(
        &f.app,
        post_form("/plan/priorities/P1/updates", &lee, &form),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let second = format!("csrf={csrf}&target=priority&rag=amber&commentary=Recruitment+behind");
    send(
        &f.app,
        post_form("/plan/priorities/P1/updates", &lee, &second),
    )
    .await;
    let stored = f.store.plan_updates("kirklees-2019-20").unwrap();
    assert_eq!(stored.len(), 2);
    assert_eq!(stored[0].author, "lee");
    assert_eq!(stored[0].target, format!("P1/{action}"));
    assert_eq!(stored[0].at, now());
    // Listed newest first; the action now shows as complete.
    let page = text(send(&f.app, get("/plan/priorities/P1", &lee)).await).await;
    let (newer, older) = (
        page.find("Recruitment behind").unwrap(),
        page.find("Early help hub open").unwrap(),
    );
    assert!(newer < older, "updates are not newest first");
    let row = &page[page.find(&format!("id=\"action-{action}\"")).unwrap()..];
    let row = &row[..row.find("</tr>").unwrap()];
    assert!(row.contains(">Complete<"), "{row}");
    // Without the CSRF token: refused, nothing stored.
    let res = send(
        &f.app,
        post_form(
            "/plan/priorities/P1/updates",
            &lee,
            "target=priority&rag=red&commentary=x",
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    // An empty commentary gives the form back with the error.
    let res = send(
        &f.app,
        post_form(
            "/plan/priorities/P1/updates",
            &lee,
            &format!("csrf={csrf}&target=priority&rag=red&commentary=+"),
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::BAD_REQUEST);
    assert!(text(res).await.contains("Enter what has happened"));
    // The board reads the plan but has no form and cannot post.
    let (bob, bob_csrf) = login(&f.app, "bob").await;
    let page = text(send(&f.app, get("/plan/priorities/P1", &bob)).await).await;
    assert!(page.contains("Recruitment behind") && !page.contains("Post a progress update"));
    let res = send(
        &f.app,
        post_form(
            "/plan/priorities/P1/updates",
            &bob,
            &format!("csrf={bob_csrf}&target=priority&rag=red&commentary=x"),
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(f.store.plan_updates("kirklees-2019-20").unwrap().len(), 2);
}

/// The synthetic council's files, written once: (format name, path). `faulty`: with recording
/// errors injected (1% of records), which the readers refuse to import.
fn extract_files(faulty: bool) -> &'static (tempfile::TempDir, Vec<(String, PathBuf)>) {
    static CLEAN: OnceLock<(tempfile::TempDir, Vec<(String, PathBuf)>)> = OnceLock::new();
    static FAULTY: OnceLock<(tempfile::TempDir, Vec<(String, PathBuf)>)> = OnceLock::new();
    let cell = if faulty { &FAULTY } else { &CLEAN };
    cell.get_or_init(|| {
        let synth = synthetic();
        let dir = tempfile::tempdir().unwrap();
        let spec = sightline_formats::ExtractSpec {
            council: synth.council.clone(),
            extract_date: synth.end,
            collection_year_ending: sightline_model::collection_year_ending(synth.end),
        };
        let faults = sightline_formats::faults::FaultSpec {
            rate: if faulty { 0.01 } else { 0.0 },
            seed: 7,
        };
        let written =
            sightline_formats::write_extract(dir.path(), &synth.records, &spec, Some(&faults))
                .unwrap();
        let files = written
            .into_iter()
            .map(|(format, path)| (format.name().to_owned(), path))
            .collect();
        (dir, files)
    })
}

fn multipart(csrf: &str, files: &[(String, Vec<u8>)]) -> (String, Vec<u8>) {
    let boundary = "sightline-test-boundary";
    let mut body = Vec::new();
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n{csrf}\r\n")
            .as_bytes(),
    );
    for (name, bytes) in files {
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"files\"; filename=\"{name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(bytes);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

fn upload(session: &str, csrf: &str, files: &[(String, Vec<u8>)]) -> Request<Body> {
    let (content_type, body) = multipart(csrf, files);
    Request::post("/imports")
        .header(header::CONTENT_TYPE, content_type)
        .header(header::COOKIE, format!("sightline_session={session}"))
        .body(Body::from(body))
        .unwrap()
}

fn files_of(format: &str) -> Vec<(String, Vec<u8>)> {
    read_files(extract_files(false), format)
}

fn read_files(
    extract: &(tempfile::TempDir, Vec<(String, PathBuf)>),
    format: &str,
) -> Vec<(String, Vec<u8>)> {
    extract
        .1
        .iter()
        .filter(|(f, _)| f == format)
        .map(|(_, p)| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read(p).unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn an_analyst_uploads_a_return_which_is_validated_and_recorded() {
    let f = fixture();
    let (ann, csrf) = login(&f.app, "ann").await;
    let before = f.store.list_snapshots().unwrap().len();
    let cin = files_of("cin");
    assert!(!cin.is_empty(), "the extract has a CIN census file");
    let res = send(&f.app, upload(&ann, &csrf, &cin)).await;
    let status = res.status();
    let page = text(res).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("Files imported"), "{page}");
    let snapshots = f.store.list_snapshots().unwrap();
    assert_eq!(snapshots.len(), before + 1);
    let new = snapshots.iter().max_by_key(|s| s.id).unwrap();
    assert_eq!(new.source_format, "cin");
    // The council is the store's, so rates and benchmarks keep working.
    assert_eq!(new.la_code, Some(synthetic().council.la_code));
    let runs = f.store.validation_runs(new.id).unwrap();
    assert_eq!(runs.len(), 1);
    assert!(runs[0].rules_run > 0);
    let shown = format!("{} errors, {} queries", runs[0].errors, runs[0].queries);
    assert!(page.contains(&shown), "the page does not say {shown}");
    // Counts by rule only: no child id on the page.
    let findings = f.store.findings(runs[0].id).unwrap();
    for c in findings.iter().filter_map(|f| f.child_id.as_deref()) {
        assert!(
            !page.contains(&format!(">{c}<")),
            "a child id is on the page"
        );
    }
}

#[tokio::test]
async fn an_ssd_upload_refreshes_the_dashboard_figures() {
    let f = fixture();
    let (ann, csrf) = login(&f.app, "ann").await;
    let old = f.state.view().unwrap().summary.id;
    let res = send(&f.app, upload(&ann, &csrf, &files_of("ssd"))).await;
    assert_eq!(res.status(), StatusCode::OK);
    let new = f.state.view().unwrap().summary.id;
    assert!(new > old, "the view still shows snapshot {old}");
    let dashboard = text(send(&f.app, get("/", &ann)).await).await;
    assert!(
        dashboard.contains(&format!("Snapshot {new} ")),
        "dashboard not refreshed"
    );
}

#[tokio::test]
async fn a_bad_file_is_refused_by_name_and_nothing_is_stored() {
    let f = fixture();
    let (ann, csrf) = login(&f.app, "ann").await;
    let before = f.store.list_snapshots().unwrap().len();
    // A good CIN file beside one that is no statutory format: all refused.
    let mut files = files_of("cin");
    files.push(("notes.csv".into(), b"colour,size\nred,3\n".to_vec()));
    let res = send(&f.app, upload(&ann, &csrf, &files)).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(res).await;
    assert!(
        page.contains("notes.csv"),
        "the error does not name the file: {page}"
    );
    assert!(
        !page.contains("/tmp/"),
        "the error names the server's folder"
    );
    // Truncated XML.
    let (name, bytes) = files_of("cin").remove(0);
    let res = send(
        &f.app,
        upload(
            &ann,
            &csrf,
            &[(name.clone(), bytes[..bytes.len() / 2].to_vec())],
        ),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert!(text(res).await.contains(&name));
    // A CIN census file with recording errors: refused with the element and value at fault.
    let res = send(
        &f.app,
        upload(&ann, &csrf, &read_files(extract_files(true), "cin")),
    )
    .await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let page = text(res).await;
    assert!(page.contains("Message/Children/Child["), "{page}");
    // No file at all.
    let res = send(&f.app, upload(&ann, &csrf, &[])).await;
    assert_eq!(res.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(f.store.list_snapshots().unwrap().len(), before);
    // Without the CSRF token: refused before anything is read.
    let res = send(&f.app, upload(&ann, "forged", &files_of("cin"))).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert_eq!(f.store.list_snapshots().unwrap().len(), before);
}

#[tokio::test]
async fn reports_download_in_each_format_and_child_level_exports_are_audited() {
    let f = fixture();
    let (lee, _) = login(&f.app, "lee").await;
    let month = f.state.view().unwrap().month;
    for (format, magic) in [
        ("pdf", &b"%PDF"[..]),
        ("xlsx", b"PK"),
        ("html", b"<!DOCTYPE"),
    ] {
        let res = send(
            &f.app,
            get(
                &format!("/reports/internal/children-in-care/{format}"),
                &lee,
            ),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK, "{format}");
        let disposition = res.headers()[header::CONTENT_DISPOSITION]
            .to_str()
            .unwrap()
            .to_owned();
        assert!(
            disposition.contains(&format!("children-in-care-{month}.{format}")),
            "{disposition}"
        );
        let body = bytes(res).await;
        assert!(
            body.starts_with(magic),
            "{format} does not start with its magic bytes"
        );
    }
    let res = send(&f.app, get("/reports/public/board/html", &lee)).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        String::from_utf8(bytes(res).await)
            .unwrap()
            .contains("Improvement Board")
    );
    // Child-level reports only through the audited route, never as public versions.
    assert_eq!(
        send(&f.app, get("/reports/public/worklists/html", &lee))
            .await
            .status(),
        StatusCode::NOT_FOUND
    );
    assert!(f.store.audit(&AuditFilter::default()).unwrap().is_empty());
    let res = send(&f.app, get("/reports/child-level/worklists/xlsx", &lee)).await;
    assert_eq!(res.status(), StatusCode::OK);
    let audit = f.store.audit(&AuditFilter::default()).unwrap();
    assert_eq!(audit.len(), 1);
    assert_eq!(
        (
            audit[0].user_name.as_str(),
            audit[0].action.as_str(),
            audit[0].subject.clone()
        ),
        ("lee", "export", format!("report:worklists/{month}"))
    );
    // The board gets the public children-in-care report only.
    let (bob, _) = login(&f.app, "bob").await;
    let index = text(send(&f.app, get("/reports", &bob)).await).await;
    assert!(index.contains("/reports/public/children-in-care/pdf"));
    assert!(!index.contains("/reports/internal/") && !index.contains("/reports/child-level/"));
    assert_eq!(
        send(&f.app, get("/reports/public/children-in-care/pdf", &bob))
            .await
            .status(),
        StatusCode::OK
    );
}
