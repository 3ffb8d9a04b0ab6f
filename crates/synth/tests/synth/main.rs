//! Integration tests of the synthetic council: coherence of every journey, the DfE validation
//! rules on record content, calibration against the Kirklees figures, determinism and scaling.
//!
//! The default council (100,000 children) is generated once per test binary and shared.

mod calibration;
mod coherence;
mod determinism;

use sightline_synth::{SynthConfig, Synthetic, generate};
use std::sync::OnceLock;

/// The default council: Kirklees, 100,000 children, five years to 31 March 2026, seed 1.
pub fn default_council() -> &'static Synthetic {
    static COUNCIL: OnceLock<Synthetic> = OnceLock::new();
    COUNCIL.get_or_init(|| generate(&SynthConfig::default()))
}

/// A smaller council elsewhere (Leeds' geography), three years, another seed.
pub fn small_council() -> &'static Synthetic {
    static COUNCIL: OnceLock<Synthetic> = OnceLock::new();
    COUNCIL.get_or_init(|| {
        generate(&SynthConfig {
            population: 20_000,
            seed: 7,
            years: 3,
            la_code: sightline_model::ids::LaCode(383),
            ..SynthConfig::default()
        })
    })
}
