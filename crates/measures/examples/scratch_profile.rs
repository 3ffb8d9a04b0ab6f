//! Scratch profile (removed before hand-over).
use sightline_measures::{
    breakdown, context::Context, engine, indicators, settings::PracticeStandards,
};
fn main() {
    let s = sightline_synth::generate(&sightline_synth::SynthConfig::default());
    let ctx = Context::new(&s.records, PracticeStandards::default(), 100_000);
    let periods = engine::snapshot_periods(&s.records, s.end);
    let all = engine::compute_all(&ctx, &periods);
    for series in &all {
        for m in &series.measurements {
            let _ = breakdown::breakdowns(&ctx, m, series.meta.breakdowns);
        }
    }
    eprintln!("start");
    let t = std::time::Instant::now();
    let mut n = 0;
    for series in &all {
        for m in &series.measurements {
            n += breakdown::breakdowns(&ctx, m, series.meta.breakdowns).len();
        }
    }
    println!(
        "breakdowns of everything: {:.3}s ({n})",
        t.elapsed().as_secs_f64()
    );
    let mut per: Vec<(f64, &str)> = all
        .iter()
        .map(|series| {
            let t = std::time::Instant::now();
            for m in &series.measurements {
                let _ = breakdown::breakdowns(&ctx, m, series.meta.breakdowns);
            }
            (t.elapsed().as_secs_f64(), series.id())
        })
        .collect();
    per.sort_by(|a, b| b.0.total_cmp(&a.0));
    println!("{:?}", &per[..10]);
    let _ = indicators::INDICATORS.len();
}
