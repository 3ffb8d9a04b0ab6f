//! End to end as a new user would go: `sightline demo` prints one login per role, `sightline serve`
//! serves the demo database, the printed leader login works, a child's page is reachable and the
//! view shows up in `sightline audit`. Also the `users` verb's checks.

use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Output, Stdio};
use std::time::{Duration, Instant};

fn sightline(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sightline"))
        .args(args)
        .output()
        .expect("the sightline binary runs")
}

fn with_stdin(args: &[&str], input: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_sightline"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the sightline binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(input.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

/// The server, stopped when the test ends however it ends.
struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One HTTP/1.1 exchange: (status, headers, body).
fn http(port: u16, method: &str, path: &str, cookie: &str, form: &str) -> (u16, String, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let request = format!(
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: {cookie}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    );
    stream.write_all(request.as_bytes()).unwrap();
    let mut response = Vec::new();
    stream.read_to_end(&mut response).unwrap();
    let response = text(&response);
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    (status, head.to_owned(), body.to_owned())
}

fn cookie_value(head: &str, name: &str) -> Option<String> {
    head.lines()
        .filter_map(|l| l.strip_prefix("set-cookie: "))
        .find_map(|c| c.strip_prefix(&format!("{name}=")))
        .map(|c| c.split(';').next().unwrap_or("").to_owned())
}

fn field<'a>(html: &'a str, marker: &str) -> &'a str {
    let at = html
        .find(marker)
        .unwrap_or_else(|| panic!("{marker} not in page"))
        + marker.len();
    html[at..].split('"').next().unwrap()
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn demo(dir: &Path) -> String {
    let out = sightline(&[
        "demo",
        "--dir",
        dir.to_str().unwrap(),
        "--population",
        "4000",
        "--years",
        "2",
        "--quiet",
    ]);
    assert!(out.status.success(), "demo failed: {}", text(&out.stderr));
    text(&out.stdout)
}

#[test]
fn the_printed_demo_logins_work_on_the_served_demo() {
    let tmp = tempfile::tempdir().unwrap();
    let printed = demo(tmp.path());
    // One login per role, each with its own random password.
    let logins: Vec<(String, String)> = printed
        .lines()
        .filter_map(|l| {
            let mut words = l.split_whitespace();
            let name = words.next()?.to_owned();
            (name.starts_with("demo-") && words.next() == Some("password"))
                .then(|| (name, words.next().unwrap_or("").to_owned()))
        })
        .collect();
    let names: Vec<&str> = logins.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "demo-admin",
            "demo-analyst",
            "demo-leader",
            "demo-manager",
            "demo-board"
        ]
    );
    assert!(logins.iter().all(|(_, p)| p.len() >= 12));
    let leader_password = &logins[2].1;

    let db = tmp.path().join("sightline.db");
    let database = db.to_str().unwrap();
    let port = free_port();
    let listen = format!("127.0.0.1:{port}");
    let _server = Server(
        Command::new(env!("CARGO_BIN_EXE_sightline"))
            .args(["serve", "--database", database, "--listen", &listen])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap(),
    );
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err()
        || http(port, "GET", "/healthz", "", "").0 != 200
    {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(200));
    }

    let (status, head, body) = http(port, "GET", "/login", "", "");
    assert_eq!(status, 200);
    let login_csrf = cookie_value(&head, "sightline_login_csrf").unwrap();
    assert_eq!(field(&body, "name=\"csrf\" value=\""), login_csrf);
    let form = format!("csrf={login_csrf}&name=demo-leader&password={leader_password}&next=/");
    let (status, head, _) = http(
        port,
        "POST",
        "/login",
        &format!("sightline_login_csrf={login_csrf}"),
        &form,
    );
    assert_eq!(status, 303, "the printed leader login works");
    // Plain HTTP on loopback: no `Secure`, so the browser keeps the cookie.
    assert!(!head.to_lowercase().contains("secure"));
    let session = format!(
        "sightline_session={}",
        cookie_value(&head, "sightline_session").unwrap()
    );

    let (status, _, dashboard) = http(port, "GET", "/", &session, "");
    assert_eq!(status, 200);
    assert!(dashboard.contains("Performance dashboard"));
    let (status, _, children) = http(port, "GET", "/indicators/cla_count/children", &session, "");
    assert_eq!(status, 200);
    let child_path = format!("/children/{}", field(&children, "href=\"/children/"));
    let (status, _, child) = http(port, "GET", &child_path, &session, "");
    assert_eq!(status, 200);
    assert!(child.contains("Timeline"));

    let out = sightline(&[
        "audit",
        "--database",
        database,
        "--verify",
        "--user",
        "demo-leader",
    ]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let audit = text(&out.stdout);
    assert!(audit.contains("audit chain verified: 2 entries"), "{audit}");
    assert!(audit.contains(&format!("view_child\tchild:{}", &child_path[10..])));
    assert!(audit.contains("view_children_behind\tindicator:cla_count/"));
}

#[test]
fn users_add_reads_the_password_from_stdin_and_refuses_weak_ones() {
    let tmp = tempfile::tempdir().unwrap();
    let db = tmp.path().join("app.db");
    let database = db.to_str().unwrap();
    let add = |name: &str, role: &str, password: &str| {
        with_stdin(
            &[
                "users",
                "add",
                name,
                "--role",
                role,
                "--password-stdin",
                "--database",
                database,
            ],
            &format!("{password}\n"),
        )
    };
    let weak = add("amy", "leader", "short");
    assert_eq!(weak.status.code(), Some(1));
    assert!(
        text(&weak.stderr).contains("at least 12"),
        "{}",
        text(&weak.stderr)
    );
    let empty = add("amy", "leader", "");
    assert!(text(&empty.stderr).contains("empty"));
    let unknown = add("amy", "superuser", "a long enough pass phrase");
    assert!(text(&unknown.stderr).contains("role \"superuser\" is not known"));
    let teamless = add("mo", "manager", "a long enough pass phrase");
    assert!(text(&teamless.stderr).contains("--team"));
    let ok = add("amy", "leader", "a long enough pass phrase");
    assert!(ok.status.success(), "{}", text(&ok.stderr));
    let again = add("amy", "board", "another long pass phrase");
    assert!(text(&again.stderr).contains("already a user called amy"));
    let list = sightline(&["users", "list", "--database", database]);
    let listed = text(&list.stdout);
    assert!(listed.contains("amy\tleader\t-"));
    assert!(!listed.contains("argon2"), "hashes are never printed");
    let disabled = sightline(&["users", "disable", "amy", "--database", database]);
    assert!(disabled.status.success());
    let listed = text(&sightline(&["users", "list", "--database", database]).stdout);
    assert!(listed.contains("amy\tleader\t-\t"));
    assert!(listed.contains("\tdisabled"));
    let missing = sightline(&["users", "disable", "zoe", "--database", database]);
    assert!(text(&missing.stderr).contains("no user called zoe"));
    // Without --password-stdin the command line is refused (no password in argv, ever).
    let refused = sightline(&[
        "users",
        "add",
        "bo",
        "--role",
        "board",
        "--database",
        database,
    ]);
    assert_eq!(refused.status.code(), Some(2));
}
