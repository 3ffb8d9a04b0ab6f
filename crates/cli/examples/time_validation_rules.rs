//! Times each SSDA903 rule on its own over a return, slowest first: finds the rules that do not
//! scale. `cargo run --release -p sightline-cli --example time_validation_rules -- DIR [PREVIOUS]`

use anyhow::{Context, Result};
use sightline_formats::Format;
use sightline_rules::Findings;
use sightline_rules::ssda903::{RULES, Ssda903Return};
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<()> {
    let mut args = std::env::args().skip(1).map(PathBuf::from);
    let dir = args
        .next()
        .context("usage: time_validation_rules DIR [PREVIOUS]")?;
    let read = |p: PathBuf| -> Result<_> {
        let files = sightline_cli::validation::files_of(Format::Ssda903, &[p])?;
        Ok(sightline_formats::ssda903::read_tables(&files)?)
    };
    let start = Instant::now();
    let current = read(dir)?;
    let previous = args.next().map(read).transpose()?;
    println!("read: {:.2} s", start.elapsed().as_secs_f64());
    let data = Ssda903Return {
        current: &current,
        previous: previous.as_ref(),
        year: 2026,
        postcodes: None,
        la_code: None,
        providers: None,
    };
    let mut times: Vec<(f64, &str, usize)> = RULES
        .iter()
        .map(|rule| {
            let mut out = Findings::new(rule.meta());
            let t = Instant::now();
            rule.check(&data, &mut out);
            (t.elapsed().as_secs_f64(), rule.meta().code, out.len())
        })
        .collect();
    times.sort_by(|a, b| b.0.total_cmp(&a.0));
    let total: f64 = times.iter().map(|t| t.0).sum();
    println!("all rules, one thread: {total:.2} s");
    for (secs, code, findings) in times.iter().take(15) {
        println!("{code:>10} {secs:>8.3} s {findings:>8} findings");
    }
    Ok(())
}
