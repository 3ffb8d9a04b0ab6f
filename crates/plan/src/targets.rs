//! The plan's targets as the measures crate's [`TargetsConfig`], so RAG ratings are judged
//! against the numbers in the plan file: the plan is the single source of its targets.

use crate::model::Plan;
use crate::parse::{looks_like_plan, parse_plan};
use sightline_measures::period::Month;
use sightline_measures::targets::{Target, TargetsConfig};

/// When the plan's targets apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TargetWindow {
    /// During the plan period (or a measure's own `from`/`to`): the honest default.
    PlanPeriod,
    /// In every month, ignoring the plan period: for rating data dated outside it, such as the
    /// synthetic council's recent years against the 2019/20 example plan. Say so in the report.
    Always,
}

/// The targets of every success measure that names an indicator and a target or stretch.
pub fn targets_config(plan: &Plan, window: TargetWindow) -> TargetsConfig {
    let (first, last) = (Month::of(plan.start), Month::of(plan.end));
    let targets = plan
        .priorities
        .iter()
        .flat_map(|p| &p.measures)
        .filter(|m| m.target.is_some() || m.stretch.is_some())
        .filter_map(|m| {
            let indicator = m.indicator.clone()?;
            let (from, to) = match window {
                TargetWindow::PlanPeriod => (m.from.or(Some(first)), m.to.or(Some(last))),
                TargetWindow::Always => (None, None),
            };
            Some(Target {
                indicator,
                from,
                to,
                target: m.target,
                stretch: m.stretch,
                tolerance: m.tolerance.unwrap_or(plan.tolerance),
                polarity: m.polarity,
                note: m.note.clone().or_else(|| Some(m.text.clone())),
                line: m.line,
            })
        })
        .collect();
    TargetsConfig {
        la_code: plan.la_code,
        population: None,
        statistical_neighbours: plan.statistical_neighbours,
        tolerance: plan.tolerance,
        targets,
    }
}

/// Reads the targets of a `--targets` file: an improvement plan (recognised by its `[plan]`
/// table; its targets for the plan period) or a bare targets file
/// (`sightline_measures::targets::parse_targets`). `file` names it in messages.
pub fn targets_from_file_text(file: &str, text: &str) -> Result<TargetsConfig, String> {
    if looks_like_plan(text) {
        let plan = parse_plan(file, text).map_err(|e| e.to_string())?;
        return Ok(targets_config(&plan, TargetWindow::PlanPeriod));
    }
    sightline_measures::targets::parse_targets(text).map_err(|e| format!("{file}: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_targets_option_accepts_a_plan_or_a_bare_targets_file() {
        let bare = "[[target]]\nindicator = \"icpc_15wd_pct\"\ntarget = 77.8\n";
        let config = targets_from_file_text("t.toml", bare).unwrap();
        assert_eq!(config.targets[0].target, Some(77.8));
        let plan = crate::KIRKLEES_2019_20;
        assert_eq!(
            targets_from_file_text("p.toml", plan)
                .unwrap()
                .targets
                .len(),
            17
        );
        let broken = plan.replacen("status = \"on track\"", "status = \"fine\"", 1);
        let error = targets_from_file_text("p.toml", &broken).unwrap_err();
        assert!(
            error.contains("p.toml:") && error.contains("updates[0].status"),
            "{error}"
        );
        assert_eq!(
            targets_from_file_text("t.toml", "[[target]]\n").unwrap_err(),
            "t.toml: targets line 1, column 1: missing field `indicator`"
        );
    }
}
