//! Determinism: the same config gives identical records on any number of threads; another seed
//! gives different ones.

use sightline_synth::{SynthConfig, generate};

fn small(seed: u64) -> SynthConfig {
    SynthConfig {
        population: 15_000,
        seed,
        years: 2,
        ..SynthConfig::default()
    }
}

#[test]
fn same_seed_same_records_on_one_thread_or_many() {
    let many = generate(&small(3));
    let one = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| generate(&small(3)));
    assert!(many.records.total() > 10_000);
    assert_eq!(many, one);
    assert_eq!(generate(&small(3)), many);
}

#[test]
fn another_seed_gives_another_council() {
    let a = generate(&small(3));
    let b = generate(&small(4));
    assert_ne!(a.records.children, b.records.children);
    assert_ne!(a.records.contacts, b.records.contacts);
}

#[test]
fn progress_is_reported_up_to_the_total() {
    use std::sync::Mutex;
    let seen = Mutex::new(Vec::new());
    sightline_synth::generate_with_progress(&small(5), &|done, total| {
        seen.lock().unwrap().push((done, total));
    });
    let seen = seen.into_inner().unwrap();
    let (done, total) = *seen.iter().max().unwrap();
    assert!(total > 0);
    assert_eq!(done, total);
    assert_eq!(seen.first(), Some(&(0, total)));
}
