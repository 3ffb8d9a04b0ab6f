//! `sightline generate`: write a synthetic council's statutory files.

use crate::args::GenerateArgs;
use crate::progress::Ui;
use anyhow::{Result, bail};
use sightline_formats::faults::FaultSpec;

pub fn run(args: &GenerateArgs, ui: &Ui) -> Result<()> {
    if !(0.0..=1.0).contains(&args.faults) {
        bail!(
            "--faults {}: expected a probability between 0 and 1",
            args.faults
        );
    }
    let synthetic = super::synthesise(&args.synth, ui)?;
    let faults = (args.faults > 0.0).then_some(FaultSpec {
        rate: args.faults,
        seed: args.synth.seed,
    });
    let step = ui.step("writing statutory files");
    let files = sightline_cli::pipeline::write_files(&args.out, &synthetic, faults.as_ref())?;
    ui.done(step, format!("wrote {} files", files.len()));
    for (format, path) in &files {
        println!("{}\t{}", format.name(), path.display());
    }
    Ok(())
}
