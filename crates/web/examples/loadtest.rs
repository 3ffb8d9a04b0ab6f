//! A load generator for a running `sightline serve`: signs in once (login form, CSRF token,
//! session cookie), then keeps `--connections` HTTP/1.1 keep-alive connections busy for
//! `--seconds`, each requesting the `--path`s in turn, and prints requests/s and the latency
//! percentiles (exact, from every request's time).
//!
//! ```sh
//! SIGHTLINE_PASSWORD=... cargo run --release -p sightline-web --example loadtest -- \
//!     --addr 127.0.0.1:8080 --user demo-leader --connections 64 --seconds 20 \
//!     --path / --path /indicators/cla_count
//! ```
//!
//! A plain HTTP/1.1 client over tokio's TCP streams (no client library needed for GETs with
//! `Content-Length` or chunked bodies on loopback).

use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

struct Args {
    addr: String,
    user: String,
    password: String,
    connections: usize,
    seconds: u64,
    paths: Vec<String>,
}

fn args() -> Result<Args, String> {
    let mut a = Args {
        addr: "127.0.0.1:8080".into(),
        user: "demo-leader".into(),
        password: std::env::var("SIGHTLINE_PASSWORD").unwrap_or_default(),
        connections: 64,
        seconds: 20,
        paths: Vec::new(),
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        match flag.as_str() {
            "--addr" => a.addr = value()?,
            "--user" => a.user = value()?,
            "--connections" => a.connections = value()?.parse().map_err(|e| format!("{e}"))?,
            "--seconds" => a.seconds = value()?.parse().map_err(|e| format!("{e}"))?,
            "--path" => a.paths.push(value()?),
            other => return Err(format!("unknown option {other}")),
        }
    }
    if a.paths.is_empty() {
        a.paths = vec!["/".into(), "/indicators/cla_count".into()];
    }
    if a.password.is_empty() {
        return Err("set SIGHTLINE_PASSWORD to the user's password".into());
    }
    Ok(a)
}

/// One response: status, `Set-Cookie` values, body.
struct Response {
    status: u16,
    cookies: Vec<String>,
    body: Vec<u8>,
}

async fn request(
    stream: &mut BufReader<TcpStream>,
    head: &str,
    body: &[u8],
) -> std::io::Result<Response> {
    stream.get_mut().write_all(head.as_bytes()).await?;
    stream.get_mut().write_all(body).await?;
    let mut line = String::new();
    stream.read_line(&mut line).await?;
    let status = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let (mut length, mut chunked, mut cookies) = (0usize, false, Vec::new());
    loop {
        line.clear();
        stream.read_line(&mut line).await?;
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        let (name, value) = l.split_once(':').unwrap_or((l, ""));
        let value = value.trim();
        match name.to_ascii_lowercase().as_str() {
            "content-length" => length = value.parse().unwrap_or(0),
            "transfer-encoding" => chunked = value.eq_ignore_ascii_case("chunked"),
            "set-cookie" => cookies.push(value.split(';').next().unwrap_or("").to_owned()),
            _ => {}
        }
    }
    let mut body = Vec::new();
    if chunked {
        loop {
            line.clear();
            stream.read_line(&mut line).await?;
            let size = usize::from_str_radix(line.trim(), 16).map_err(std::io::Error::other)?;
            let mut chunk = vec![0; size + 2];
            stream.read_exact(&mut chunk).await?;
            if size == 0 {
                break;
            }
            body.extend_from_slice(&chunk[..size]);
        }
    } else {
        body.resize(length, 0);
        stream.read_exact(&mut body).await?;
    }
    Ok(Response {
        status,
        cookies,
        body,
    })
}

fn get(path: &str, cookie: &str) -> String {
    format!("GET {path} HTTP/1.1\r\nHost: localhost\r\nCookie: {cookie}\r\n\r\n")
}

fn field<'a>(html: &'a str, name: &str) -> Option<&'a str> {
    let at = html.find(&format!("name=\"{name}\""))?;
    let rest = &html[at..];
    let v = rest.find("value=\"")? + 7;
    let end = rest[v..].find('"')?;
    Some(&rest[v..v + end])
}

fn form_encode(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Signs in and returns the session cookie (`sightline_session=...`).
async fn sign_in(a: &Args) -> Result<String, String> {
    let tcp = TcpStream::connect(&a.addr)
        .await
        .map_err(|e| format!("cannot connect to {}: {e}", a.addr))?;
    let mut s = BufReader::new(tcp);
    let form = request(&mut s, &get("/login", ""), b"")
        .await
        .map_err(|e| e.to_string())?;
    let html = String::from_utf8_lossy(&form.body);
    let csrf = field(&html, "csrf").ok_or("no CSRF field on the login form")?;
    let body = format!(
        "csrf={}&next=%2F&name={}&password={}",
        form_encode(csrf),
        form_encode(&a.user),
        form_encode(&a.password)
    );
    let head = format!(
        "POST /login HTTP/1.1\r\nHost: localhost\r\nCookie: {}\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        form.cookies.join("; "),
        body.len()
    );
    let done = request(&mut s, &head, body.as_bytes())
        .await
        .map_err(|e| e.to_string())?;
    done.cookies
        .into_iter()
        .find(|c| c.starts_with("sightline_session="))
        .ok_or(format!("sign-in refused (HTTP {})", done.status))
}

#[tokio::main]
async fn main() {
    let a = match args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("loadtest: {e}");
            std::process::exit(2);
        }
    };
    let cookie = match sign_in(&a).await {
        Ok(c) => c,
        Err(e) => {
            eprintln!("loadtest: {e}");
            std::process::exit(1);
        }
    };
    let deadline = Instant::now() + Duration::from_secs(a.seconds);
    let started = Instant::now();
    let mut workers = Vec::new();
    for w in 0..a.connections {
        let (addr, cookie, paths) = (a.addr.clone(), cookie.clone(), a.paths.clone());
        workers.push(tokio::spawn(async move {
            let mut times: Vec<u32> = Vec::new();
            let mut errors = 0u64;
            let Ok(tcp) = TcpStream::connect(&addr).await else {
                return (times, 1);
            };
            let _ = tcp.set_nodelay(true);
            let mut s = BufReader::with_capacity(64 * 1024, tcp);
            let mut i = w;
            while Instant::now() < deadline {
                let path = &paths[i % paths.len()];
                i += 1;
                let t = Instant::now();
                match request(&mut s, &get(path, &cookie), b"").await {
                    Ok(r) if r.status == 200 => times.push(t.elapsed().as_micros() as u32),
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        break;
                    }
                }
            }
            (times, errors)
        }));
    }
    let mut all = Vec::new();
    let mut errors = 0;
    for w in workers {
        if let Ok((t, e)) = w.await {
            all.extend(t);
            errors += e;
        }
    }
    let elapsed = started.elapsed().as_secs_f64();
    all.sort_unstable();
    let pct = |p: f64| -> f64 {
        if all.is_empty() {
            return 0.0;
        }
        let i = ((all.len() as f64 * p).ceil() as usize).clamp(1, all.len()) - 1;
        all[i] as f64 / 1000.0
    };
    println!(
        "{} requests in {elapsed:.1} s over {} connections ({}): {:.0} requests/s, p50 {:.1} ms, p90 {:.1} ms, p99 {:.1} ms, max {:.1} ms, {errors} errors",
        all.len(),
        a.connections,
        a.paths.join(" "),
        all.len() as f64 / elapsed,
        pct(0.50),
        pct(0.90),
        pct(0.99),
        pct(1.0),
    );
}
