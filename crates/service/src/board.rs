//! The Improvement Board pack's inputs, computed the same way for `sightline report`/`demo` and
//! the web app's downloads: the indicators over the 13 months the pack shows, rated against the
//! plan's targets; the plan file's progress log merged with the updates stored at run time; and
//! the returns' latest validation results.

use crate::validation::{return_name, validate_files};
use anyhow::Result;
use chrono::NaiveDate;
use sightline_measures::benchmarks::{self, SnVersion};
use sightline_measures::context::Context;
use sightline_measures::engine;
use sightline_measures::period::{Month, Period};
use sightline_measures::rag;
use sightline_measures::scrutiny;
use sightline_measures::targets::TargetsConfig;
use sightline_plan::{Plan, ProgressUpdate, TargetWindow, merged_updates, targets_config};
use sightline_report::board::{BoardInputs, IndicatorFigures, board_pack, last_13_months};
use sightline_report::scrutiny::{QualityFinding, ReturnQuality};
use sightline_report::{Audience, DataQualityReport, Document};
use sightline_store::{AppStore, PlanUpdate};
use std::path::PathBuf;

/// The id the shipped plan's progress updates are stored under.
pub const PLAN_ID: &str = "kirklees-2019-20";

/// The shipped 2019/20 plan (`plans/kirklees-2019-20.toml`, embedded in `sightline-plan`).
pub fn shipped_plan() -> Result<Plan> {
    sightline_plan::parse_plan(
        "plans/kirklees-2019-20.toml",
        sightline_plan::KIRKLEES_2019_20,
    )
    .map_err(|e| anyhow::anyhow!("the shipped plan does not parse: {e}"))
}

/// The id a plan file's updates are stored under: its file name without `.toml`
/// (`plans/kirklees-2019-20.toml` → `kirklees-2019-20`, the shipped plan's [`PLAN_ID`]).
pub fn plan_id_of(path: &std::path::Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| PLAN_ID.to_owned())
}

/// A stored plan update as the plan crate's log entry (`complete` is a green update that marks
/// the action complete); `None` for a RAG word the plan does not know.
pub fn progress_update(stored: &PlanUpdate) -> Option<ProgressUpdate> {
    sightline_plan::stored_update(
        &stored.target,
        &stored.rag,
        stored.at.date(),
        &stored.author,
        &stored.commentary,
    )
}

/// The plan's whole progress log: the file's updates and those stored under `plan_id`.
pub fn progress_log(
    store: &dyn AppStore,
    plan_id: &str,
    plan: &Plan,
) -> Result<Vec<ProgressUpdate>> {
    let stored: Vec<ProgressUpdate> = store
        .plan_updates(plan_id)?
        .iter()
        .filter_map(progress_update)
        .collect();
    Ok(merged_updates(&plan.updates, &stored))
}

/// The returns' validation results: the latest run stored for the latest SSDA903 and CIN
/// snapshots; for a return with none stored, its snapshot's files are validated now when they are
/// still where they were imported from.
pub fn quality_returns(store: &dyn AppStore) -> Result<Vec<ReturnQuality>> {
    let mut out = Vec::new();
    for format in ["ssda903", "cin"] {
        let Some(snapshot) = store.latest_snapshot(Some(format))? else {
            continue;
        };
        let year = sightline_model::collection_year_ending(snapshot.extract_date);
        if let Some(run) = store.validation_runs(snapshot.id)?.pop() {
            let findings = store
                .findings(run.id)?
                .into_iter()
                .map(|f| QualityFinding {
                    rule_code: f.rule_code,
                    severity: f.severity,
                    table: f.table,
                    row_number: f.row_number,
                    child_id: f.child_id,
                    fields: f.fields,
                    message: f.message,
                })
                .collect();
            out.push(ReturnQuality::from_findings(
                return_name(&run.ruleset, run.collection_year),
                format!(
                    "validation run {} of snapshot {}, {}",
                    run.id,
                    snapshot.id.0,
                    run.ran_at.format("%-d %b %Y %H:%M")
                ),
                run.rules_run,
                run.rules_skipped,
                findings,
            ));
            continue;
        }
        let files: Vec<PathBuf> = snapshot
            .files
            .iter()
            .map(|f| PathBuf::from(&f.name))
            .collect();
        if files.is_empty() || !files.iter().all(|f| f.exists()) {
            continue;
        }
        let reports = validate_files(format, &files, year, snapshot.la_code)?;
        let report = DataQualityReport {
            return_name: return_name(format, year),
            with_severity: format == "cin",
            reports: &reports,
        };
        out.push(ReturnQuality::from_report(
            &report,
            format!("validated now from the files of snapshot {}", snapshot.id.0),
        ));
    }
    Ok(out)
}

/// What the board pack is built from, computed once for its internal and public versions.
pub struct BoardData {
    plan: Plan,
    figures: Vec<IndicatorFigures>,
    updates: Vec<ProgressUpdate>,
    data_quality: Vec<ReturnQuality>,
    in_period: bool,
}

impl BoardData {
    /// The pack for one audience.
    pub fn document(&self, month: Month, audience: Audience) -> Document {
        let note = (!self.in_period).then_some(
            "The plan's targets are applied to every month: the figures fall outside the plan \
             period.",
        );
        board_pack(&BoardInputs {
            plan: &self.plan,
            month,
            audience,
            indicators: &self.figures,
            updates: &self.updates,
            data_quality: &self.data_quality,
            targets_note: note,
        })
    }

    /// The indicators' figures.
    pub fn figures(&self) -> &[IndicatorFigures] {
        &self.figures
    }
}

/// The targets a pack for `month` rates against: the plan's for its period, or (a month outside
/// it, as with synthetic data) the plan's targets applied to every month; and whether the month
/// is in the plan period.
pub fn plan_targets(plan: &Plan, month: Month) -> (TargetsConfig, bool) {
    let in_period = plan.covers(month.last_day());
    let window = if in_period {
        TargetWindow::PlanPeriod
    } else {
        TargetWindow::Always
    };
    (targets_config(plan, window), in_period)
}

/// Computes the board pack's inputs for `plan` (its updates stored under `plan_id`).
pub fn board_data(
    store: &dyn AppStore,
    ctx: &Context,
    month: Month,
    plan: Plan,
    plan_id: &str,
) -> Result<BoardData> {
    let (targets, in_period) = plan_targets(&plan, month);
    let figures = board_figures(ctx, month, &targets);
    let updates = progress_log(store, plan_id, &plan)?;
    let data_quality = quality_returns(store)?;
    Ok(BoardData {
        plan,
        figures,
        updates,
        data_quality,
        in_period,
    })
}

/// Every indicator's figures for the board pack: computed over only the 13 months the pack shows
/// (the month, the 11 before for the last-12-months average, one more for the sparkline), not the
/// snapshot's whole history, with the same rules as [`crate::indicator_lines`] (value, previous
/// month, direction of travel, RAG against the targets). Benchmarks are the snapshot's council's,
/// else (a snapshot naming no council, as the synthetic SSD one) the targets' council's.
pub fn board_figures(
    ctx: &Context,
    month: Month,
    targets: &TargetsConfig,
) -> Vec<IndicatorFigures> {
    let periods: Vec<Period> = scrutiny::trend_months(month)
        .into_iter()
        .map(Period::Month)
        .collect();
    engine::compute_all(ctx, &periods)
        .into_iter()
        .map(|series| {
            let meta = series.meta;
            let value = series.get(Period::Month(month)).and_then(|m| m.value);
            let previous = series
                .get(Period::Month(month.prev()))
                .and_then(|m| m.value);
            let target = targets.for_indicator(meta.id, month);
            IndicatorFigures {
                meta,
                polarity: targets
                    .targets
                    .iter()
                    .find(|t| t.indicator == meta.id)
                    .and_then(|t| t.polarity)
                    .unwrap_or(meta.polarity),
                latest: value,
                last_12_months_average: engine::last_12_months_average(&series.measurements, month),
                target: target.and_then(|t| t.target),
                stretch: target.and_then(|t| t.stretch),
                rag: match (value, target) {
                    (Some(v), Some(t)) => rag::rag(v, t, meta.polarity),
                    _ => None,
                },
                direction: rag::direction_of_travel(previous, value, meta.polarity),
                change: rag::change(previous, value),
                benchmarks: ctx
                    .council
                    .and_then(|la| benchmarks::benchmarks(meta.id, la, SnVersion::May2025))
                    .or_else(|| {
                        benchmarks::benchmarks(
                            meta.id,
                            targets.la_code,
                            targets.statistical_neighbours,
                        )
                    }),
                last_13_months: last_13_months(&series, month),
            }
        })
        .collect()
}

/// The date worklists are assessed on: the month's last day, or the extract date if earlier.
pub fn worklist_date(month: Month, extract_date: NaiveDate) -> NaiveDate {
    month.last_day().min(extract_date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn board_figures_agree_with_the_indicator_lines() {
        use sightline_measures::settings::PracticeStandards;
        let synthetic = sightline_synth::generate(&sightline_synth::SynthConfig {
            population: 2_000,
            seed: 3,
            years: 2,
            end: NaiveDate::from_ymd_opt(2026, 3, 31).unwrap(),
            la_code: sightline_model::ids::LaCode(382),
        });
        let ctx = Context::new(&synthetic.records, PracticeStandards::default(), 2_000)
            .with_council(sightline_model::ids::LaCode(382));
        let without_council = Context::new(&synthetic.records, PracticeStandards::default(), 2_000);
        let month = Month {
            year: 2026,
            month: 3,
        };
        let plan = sightline_plan::parse_plan("k.toml", sightline_plan::KIRKLEES_2019_20).unwrap();
        let targets = sightline_plan::targets_config(&plan, sightline_plan::TargetWindow::Always);
        let lines =
            crate::indicator_lines(&ctx, synthetic.end, Some(month), Some(&targets)).unwrap();
        let figures = board_figures(&ctx, month, &targets);
        assert_eq!(figures.len(), lines.len());
        for (f, l) in figures.iter().zip(&lines) {
            assert_eq!(f.meta.id, l.meta.id);
            assert_eq!(f.latest, l.value, "{}", f.meta.id);
            assert_eq!(
                f.last_12_months_average, l.last_12_months_average,
                "{}",
                f.meta.id
            );
            assert_eq!((f.rag, f.direction), (l.rag, l.direction), "{}", f.meta.id);
            assert_eq!(f.last_13_months.len(), 13);
        }
        assert!(figures.iter().any(|f| f.rag.is_some()), "no target rated");
        // A snapshot naming no council (the synthetic SSD one) is benchmarked against the
        // plan's council rather than not at all.
        let fallback = board_figures(&without_council, month, &targets);
        let with_benchmarks =
            |f: &[IndicatorFigures]| f.iter().filter(|f| f.benchmarks.is_some()).count();
        assert!(with_benchmarks(&figures) > 0);
        assert_eq!(with_benchmarks(&fallback), with_benchmarks(&figures));
    }
}
