//! Times the renderers on a document of realistic size: 10 sections, 40 tables and 30 charts
//! (as a monthly board pack), in each format and for both audiences.
//!
//! `cargo run --release -p sightline-report --example bench_render [-- ROUNDS]`

use sightline_report::render::{render_html, render_pdf, render_xlsx};
use sightline_report::sample::large_document;
use sightline_report::{Audience, Block, Document};
use std::time::{Duration, Instant};

fn count(doc: &Document) -> (usize, usize) {
    let blocks = doc.sections.iter().flat_map(|s| &s.blocks);
    blocks.fold((0, 0), |(t, c), b| match b {
        Block::Table(_) => (t + 1, c),
        Block::Chart(_) => (t, c + 1),
        _ => (t, c),
    })
}

/// The best of `rounds` timings of `f`, and the size of what it made.
fn best<F: FnMut() -> usize>(rounds: usize, mut f: F) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut size = 0;
    for _ in 0..rounds {
        let start = Instant::now();
        size = f();
        best = best.min(start.elapsed());
    }
    (best, size)
}

fn main() {
    let rounds: usize = std::env::args()
        .nth(1)
        .and_then(|r| r.parse().ok())
        .unwrap_or(5);
    for audience in [Audience::Internal, Audience::Public] {
        let doc = large_document(audience, 10);
        let (tables, charts) = count(&doc);
        println!(
            "{audience:?}: {} sections, {tables} tables, {charts} charts (best of {rounds})",
            doc.sections.len()
        );
        let (t, n) = best(rounds, || render_html(&doc).len());
        println!("  html  {:>8.1} ms  {:>9} bytes", t.as_secs_f64() * 1e3, n);
        let (t, n) = best(rounds, || render_xlsx(&doc).expect("xlsx renders").len());
        println!("  xlsx  {:>8.1} ms  {:>9} bytes", t.as_secs_f64() * 1e3, n);
        let (t, n) = best(rounds, || render_pdf(&doc).expect("pdf renders").len());
        println!("  pdf   {:>8.1} ms  {:>9} bytes", t.as_secs_f64() * 1e3, n);
    }
}
