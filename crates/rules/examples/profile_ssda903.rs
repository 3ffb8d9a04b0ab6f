//! Reads a 903 return (every `.csv` in DIR, and in PREVIOUS), validates it in parallel as the
//! CLI does, writes every outcome to OUT (one line per finding, for diffing two builds) and
//! times each rule on its own, slowest first.
//! `cargo run --release -p sightline-rules --example profile_ssda903 -- DIR PREVIOUS OUT`

use sightline_rules::Findings;
use sightline_rules::Outcome;
use sightline_rules::ssda903::{RULES, Ssda903Return, validate};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::Instant;

fn csvs(dir: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("readable folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "csv"))
        .collect();
    files.sort();
    files
}

fn main() {
    let args: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    let [dir, previous, out] = &args[..] else {
        panic!("usage: profile_ssda903 DIR PREVIOUS OUT");
    };
    let start = Instant::now();
    let current = sightline_formats::ssda903::read_tables(&csvs(dir)).expect("current return");
    let previous = sightline_formats::ssda903::read_tables(&csvs(previous)).expect("previous");
    println!("read: {:.2} s", start.elapsed().as_secs_f64());
    let data = Ssda903Return {
        current: &current,
        previous: Some(&previous),
        year: 2026,
        postcodes: None,
        la_code: None,
        providers: None,
    };
    let start = Instant::now();
    let reports = validate(&data);
    println!(
        "validate (parallel): {:.2} s",
        start.elapsed().as_secs_f64()
    );
    let mut file = std::io::BufWriter::new(std::fs::File::create(out).expect("output file"));
    for report in &reports {
        match &report.outcome {
            Outcome::Failed(found) => {
                for f in found {
                    writeln!(
                        file,
                        "{},{},{:?},{:?},{}",
                        f.rule_code,
                        f.table,
                        f.row_number,
                        f.child_id,
                        f.fields.join(";")
                    )
                    .expect("write");
                }
            }
            other => writeln!(file, "{} {:?}", report.meta.code, other).expect("write"),
        }
    }
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
    for (secs, code, findings) in times.iter().take(25) {
        println!("{code:>10} {secs:>8.3} s {findings:>8} findings");
    }
}
