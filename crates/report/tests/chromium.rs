//! Looks at the HTML as a person would: renders the sample document (every block kind) in
//! headless Chromium (Debian's `chromium`) to a PNG screenshot and to a printed A4 PDF, and
//! checks both are non-trivial. Fails when Chromium is missing, unless
//! `SIGHTLINE_SKIP_BROWSER=1`. Set `SIGHTLINE_SCREENSHOT_DIR` to keep the files for review.

use sightline_report::Audience;
use sightline_report::render::write_html;
use sightline_report::sample::sample_document;
use std::path::{Path, PathBuf};
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

fn out_dir() -> (PathBuf, Option<tempfile::TempDir>) {
    match std::env::var_os("SIGHTLINE_SCREENSHOT_DIR") {
        Some(dir) => {
            let dir = PathBuf::from(dir);
            std::fs::create_dir_all(&dir).unwrap();
            (dir, None)
        }
        None => {
            let tmp = tempfile::tempdir().unwrap();
            (tmp.path().to_path_buf(), Some(tmp))
        }
    }
}

fn chromium(profile: &Path, args: &[String]) {
    let output = Command::new(CHROMIUM)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--hide-scrollbars",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(args)
        .output()
        .expect("chromium runs");
    assert!(
        output.status.success(),
        "chromium failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
}

/// Width and height from a PNG's IHDR chunk.
fn png_size(bytes: &[u8]) -> (u32, u32) {
    assert_eq!(&bytes[..8], b"\x89PNG\r\n\x1a\n", "a PNG");
    let be = |i: usize| u32::from_be_bytes(bytes[i..i + 4].try_into().unwrap());
    (be(16), be(20))
}

#[test]
fn the_sample_pack_renders_in_headless_chromium() {
    if !Path::new(CHROMIUM).exists() {
        if std::env::var("SIGHTLINE_SKIP_BROWSER").as_deref() == Ok("1") {
            eprintln!("skipped: {CHROMIUM} missing and SIGHTLINE_SKIP_BROWSER=1");
            return;
        }
        panic!(
            "{CHROMIUM} is missing: apt-get install -y chromium, or set SIGHTLINE_SKIP_BROWSER=1"
        );
    }
    let (dir, _keep) = out_dir();
    for (name, audience) in [
        ("internal", Audience::Internal),
        ("public", Audience::Public),
    ] {
        let html = dir.join(format!("sample-{name}.html"));
        write_html(&sample_document(audience), &html).unwrap();
        let url = format!("file://{}", html.canonicalize().unwrap().display());
        let profile = tempfile::tempdir().unwrap();

        // The first screen, at A4 proportions.
        let png = dir.join(format!("sample-{name}.png"));
        chromium(
            profile.path(),
            &[
                format!("--screenshot={}", png.display()),
                "--window-size=1240,1754".into(),
                url.clone(),
            ],
        );
        let bytes = std::fs::read(&png).unwrap();
        assert_eq!(png_size(&bytes), (1240, 1754));
        assert!(
            bytes.len() > 50_000,
            "a page with content, not blank: {} bytes",
            bytes.len()
        );

        // The whole page, for review.
        let full = dir.join(format!("sample-{name}-full.png"));
        chromium(
            profile.path(),
            &[
                format!("--screenshot={}", full.display()),
                "--window-size=1240,7600".into(),
                url.clone(),
            ],
        );
        assert!(std::fs::metadata(&full).unwrap().len() > 100_000);

        // The print layout: A4 pages, the sections that ask for it on new pages.
        let pdf = dir.join(format!("sample-{name}-print.pdf"));
        chromium(
            profile.path(),
            &[
                format!("--print-to-pdf={}", pdf.display()),
                "--no-pdf-header-footer".into(),
                url,
            ],
        );
        let printed = std::fs::read(&pdf).unwrap();
        assert!(printed.starts_with(b"%PDF-"));
        let printed = lopdf::Document::load_mem(&printed).unwrap();
        let numbers: Vec<u32> = printed.get_pages().keys().copied().collect();
        let pages = numbers.len();
        assert!((4..=12).contains(&pages), "{pages} printed pages");
        // The running footer: the audience marking and the page number on every page.
        // Text runs come out one per line: compare with whitespace collapsed.
        let text = printed.extract_text(&numbers).unwrap();
        let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
        let marking = audience.marking();
        assert!(
            text.matches(marking).count() > pages,
            "{marking} on every page and at the top"
        );
        for page in 1..=pages {
            assert!(
                text.contains(&format!("Page {page} of {pages}")),
                "page {page}"
            );
        }
    }
}
