//! One module per CLI verb; each is a thin composition of `sightline_cli::pipeline` steps.

pub mod demo;
pub mod generate;
pub mod import;
pub mod indicators;
pub mod plan;
pub mod report;
pub mod snapshots;
pub mod timescales;
pub mod validate;
// The web application's verbs.
pub mod audit;
pub mod serve;
pub mod users;

/// How a command ended when it did not fail.
pub enum Done {
    /// Nothing to report.
    Clean,
    /// `validate` found errors in the return.
    ErrorsFound,
}

use crate::args::SynthArgs;
use crate::progress::Ui;
use anyhow::{Context, Result};
use sightline_synth::{SynthConfig, Synthetic};

/// Builds the generator's configuration from the command line.
pub fn synth_config(args: &SynthArgs) -> Result<SynthConfig> {
    let la_code = args.la_code.parse().with_context(|| {
        format!(
            "--la {}: expected a 3-digit DfE LA code such as 382",
            args.la_code
        )
    })?;
    Ok(SynthConfig {
        population: args.population,
        seed: args.seed,
        years: args.years,
        end: args.end,
        la_code,
    })
}

/// Generates the synthetic council with a progress bar.
pub fn synthesise(args: &SynthArgs, ui: &Ui) -> Result<Synthetic> {
    let config = synth_config(args)?;
    let bar = ui.bar("generating synthetic council", 1);
    let synthetic = sightline_cli::pipeline::synthesise(&config, &|done, total| {
        bar.set_length(total);
        bar.set_position(done);
    });
    ui.done(
        bar,
        format!(
            "generated {} ({}), {} to {}: {} children, {} records",
            synthetic.council.name,
            synthetic.council.la_code,
            synthetic.start,
            synthetic.end,
            synthetic.records.children.len(),
            synthetic.records.total()
        ),
    );
    Ok(synthetic)
}
