//! The improvement plan: its model, its TOML file format, validation with errors that name the
//! file, line and TOML path, the progress log, and the plan's targets for RAG ratings.
//!
//! - [`model`]: plan, phases, inspections and judgements, recommendations (Ofsted, safeguarding
//!   board...), priorities with aims, actions and success measures, governance bodies, updates.
//! - [`parse`]: the file format (`docs/plan-format.md`) and its validation errors.
//! - [`check`]: warnings on a valid plan (unaddressed recommendations, unknown indicator ids).
//! - [`updates`]: merging the file's progress log with updates recorded at run time.
//! - [`targets`]: the plan's targets as `sightline_measures::targets::TargetsConfig`; the plan
//!   file is the single source of its targets.
//!
//! **Invariant:** pure: no filesystem, clock or database. Callers read the file and the stored
//! updates and pass them in. Depends on `sightline-measures` for its types (months, polarity,
//! targets) and its indicator catalogue; `measures` never depends on this crate.
//!
//! # Example
//!
//! ```
//! use sightline_plan::{parse_plan, targets_config, TargetWindow, KIRKLEES_2019_20};
//!
//! let plan = parse_plan("kirklees-2019-20.toml", KIRKLEES_2019_20).unwrap();
//! assert_eq!(plan.priorities.len(), 10);
//! let targets = targets_config(&plan, TargetWindow::PlanPeriod);
//! assert!(targets.targets.iter().any(|t| t.indicator == "rereferrals_12m_pct"));
//! ```

pub mod check;
pub mod model;
pub mod parse;
pub mod targets;
pub mod updates;

pub use check::{Warning, catalogue_polarity, known_indicator, warnings};
pub use model::*;
pub use parse::{PlanError, PlanErrors, check_update, looks_like_plan, parse_plan};
pub use targets::{TargetWindow, targets_config, targets_from_file_text};
pub use updates::{
    current_status, latest_for_priority, merged_updates, stored_update, update_target,
    updates_until,
};

/// The shipped example: the seed council's Children's Services Improvement Plan 2019/20
/// (`plans/kirklees-2019-20.toml`), embedded so `sightline plan check` works from any directory.
pub const KIRKLEES_2019_20: &str = include_str!("../../../plans/kirklees-2019-20.toml");

#[cfg(test)]
mod tests;
