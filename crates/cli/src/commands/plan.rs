//! `sightline plan check [FILE]`: validates an improvement plan file (default: the shipped
//! example, embedded) and lists its warnings: recommendations no action addresses, indicator ids
//! the catalogue no longer has.

use crate::args::{PlanArgs, PlanCommand};
use anyhow::{Context as _, Result, bail};
use sightline_plan::{
    KIRKLEES_2019_20, TargetWindow, catalogue_polarity, parse_plan, targets_config, warnings,
};

pub fn run(args: &PlanArgs) -> Result<()> {
    match &args.command {
        PlanCommand::Check { file, strict } => check(file.as_deref(), *strict),
    }
}

fn check(file: Option<&std::path::Path>, strict: bool) -> Result<()> {
    let (name, text) = match file {
        Some(path) => (
            path.display().to_string(),
            std::fs::read_to_string(path)
                .with_context(|| format!("cannot read {}", path.display()))?,
        ),
        None => (
            "plans/kirklees-2019-20.toml (embedded)".to_owned(),
            KIRKLEES_2019_20.to_owned(),
        ),
    };
    let plan = match parse_plan(&name, &text) {
        Ok(plan) => plan,
        Err(errors) => {
            for e in &errors.0 {
                eprintln!("error: {e}");
            }
            bail!(
                "{name}: {} error(s); the plan cannot be used",
                errors.0.len()
            );
        }
    };
    let found = warnings(&plan, catalogue_polarity);
    for w in &found {
        println!("warning: {name}: {w}");
    }
    let actions: usize = plan.priorities.iter().map(|p| p.actions.len()).sum();
    let targets = targets_config(&plan, TargetWindow::PlanPeriod)
        .targets
        .len();
    println!(
        "{name}: {} ({}, {} to {}): {} priorities, {actions} actions, {} recommendations, {targets} targets, {} updates; {} warning(s)",
        plan.title,
        plan.council,
        plan.start,
        plan.end,
        plan.priorities.len(),
        plan.recommendations.len(),
        plan.updates.len(),
        found.len()
    );
    if strict && !found.is_empty() {
        bail!("{name}: {} warning(s) and --strict", found.len());
    }
    Ok(())
}
