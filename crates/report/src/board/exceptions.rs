//! The exceptions page: indicators off target (red or amber) or worsening, worst first, and
//! actions at risk, off track or past their due date.

use super::indicator_table::{average, direction, latest, rag_status};
use super::inputs::IndicatorFigures;
use crate::doc::{Audience, Block, Cell, Column, Section, Table};
use sightline_measures::period::Month;
use sightline_measures::rag::Rag;
use sightline_plan::{ActionStatus, Plan, ProgressUpdate, current_status};

/// The section id.
pub const SECTION_ID: &str = "exceptions";

/// The page for `month`.
pub fn exceptions(
    plan: &Plan,
    month: Month,
    figures: &[IndicatorFigures],
    updates: &[ProgressUpdate],
    audience: Audience,
) -> Section {
    let mut s = Section::new(SECTION_ID, "Exceptions: off target or worsening").on_new_page();
    let indicators = indicator_exceptions(plan, figures, audience);
    if indicators.rows.is_empty() {
        s.push(Block::info(
            "No indicator is off target or worsening this month.",
        ));
    } else {
        s.push(Block::Table(indicators));
    }
    let actions = action_exceptions(plan, month, updates);
    if actions.rows.is_empty() {
        s.push(Block::info(
            "No action is at risk, off track or past its due date.",
        ));
    } else {
        s.push(Block::Table(actions));
    }
    s
}

/// Severity order: red, amber, then worsening only.
fn rank(f: &IndicatorFigures) -> u8 {
    match f.rag {
        Some(Rag::Red) => 0,
        Some(Rag::Amber) => 1,
        _ => 2,
    }
}

fn indicator_exceptions(plan: &Plan, figures: &[IndicatorFigures], audience: Audience) -> Table {
    let mut t = Table::new(
        "exceptions-indicators",
        "Indicators off target or worsening",
        vec![
            Column::text("Priority"),
            Column::text("Indicator"),
            Column::number("Latest month"),
            Column::number("Target"),
            Column::number("Last 12 months average"),
            Column::center("RAG"),
            Column::center("Direction of travel"),
            Column::text("Listed because"),
        ],
    );
    // Each indicator once, in plan order, with every priority that measures it.
    let mut seen: Vec<(&IndicatorFigures, Vec<&str>, &str)> = Vec::new();
    for p in &plan.priorities {
        for m in &p.measures {
            let Some(id) = m.indicator.as_deref() else {
                continue;
            };
            let Some(f) = figures.iter().find(|f| f.meta.id == id) else {
                continue;
            };
            if !(f.off_target() || f.worsening()) {
                continue;
            }
            let has_target = m.target.is_some() || m.stretch.is_some();
            match seen.iter_mut().find(|(g, _, _)| g.meta.id == id) {
                Some((_, priorities, text)) => {
                    if !priorities.contains(&p.id.as_str()) {
                        priorities.push(&p.id);
                    }
                    // Name it as the measure that sets its target does.
                    if has_target {
                        *text = &m.text;
                    }
                }
                None => seen.push((f, vec![&p.id], &m.text)),
            }
        }
    }
    seen.sort_by_key(|(f, _, _)| rank(f)); // stable: plan order within a rank
    for (f, priorities, text) in seen {
        let why = match (f.off_target(), f.worsening()) {
            (true, true) => "off target and worsening",
            (true, false) => "off target",
            _ => "worsening",
        };
        t.push_row(vec![
            Cell::text(priorities.join(", ")),
            Cell::text(text),
            latest(f),
            Cell::maybe_number(f.target.or(f.stretch), 1, ""),
            average(f, audience),
            Cell::Rag(rag_status(f.rag)),
            Cell::Trend(direction(f.direction, f.change)),
            Cell::text(why),
        ]);
    }
    t.push_note("The target column shows the stretch target where the plan sets only that.");
    t
}

fn action_exceptions(plan: &Plan, month: Month, updates: &[ProgressUpdate]) -> Table {
    let mut t = Table::new(
        "exceptions-actions",
        "Actions at risk, off track or past due",
        vec![
            Column::text("Priority"),
            Column::text("Action"),
            Column::text("What we will do"),
            Column::text("Owner"),
            Column::text("Due"),
            Column::text("Status"),
        ],
    );
    let month_end = month.last_day();
    let mut rows = Vec::new();
    for p in &plan.priorities {
        for a in &p.actions {
            let status = current_status(&p.id, a, updates);
            let past_due = a.due.is_some_and(|d| d < month_end) && status != ActionStatus::Complete;
            let flagged = matches!(status, ActionStatus::AtRisk | ActionStatus::OffTrack);
            if !(past_due || flagged) {
                continue;
            }
            let rank = match status {
                ActionStatus::OffTrack => 0,
                ActionStatus::AtRisk => 1,
                _ => 2,
            };
            let label = if past_due {
                format!("{} (past due)", status.label())
            } else {
                status.label().to_owned()
            };
            rows.push((
                rank,
                vec![
                    Cell::text(&p.id),
                    Cell::text(&a.id),
                    Cell::text(&a.text),
                    Cell::text(&a.owner),
                    Cell::text(a.due.map(|d| d.to_string()).unwrap_or_default()),
                    Cell::text(label),
                ],
            ));
        }
    }
    rows.sort_by_key(|(rank, _)| *rank);
    for (_, cells) in rows {
        t.push_row(cells);
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::testkit::{figures, october, small_plan};
    use sightline_plan::updates_until;

    fn rows(s: &Section, id: &str) -> Vec<Vec<String>> {
        s.blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.id == id => Some(
                    t.rows
                        .iter()
                        .map(|r| r.cells.iter().map(Cell::display_text).collect())
                        .collect(),
                ),
                _ => None,
            })
            .unwrap_or_default()
    }

    #[test]
    fn off_target_and_worsening_indicators_are_listed_worst_first() {
        let plan = small_plan();
        let figures = [
            // Low is good, 25.0 against 24.6 (amber up to 25.83), improving from 26.0: amber.
            figures("rereferrals_12m_pct", Some(25.0), Some(26.0)),
            // High is good, 70.0 against 82.1 and falling: red and worsening.
            figures("assessments_45wd_pct", Some(70.0), Some(75.0)),
            // A volume cannot be off target or worsening.
            figures("contacts", Some(2000.0), Some(1000.0)),
        ];
        let s = exceptions(&plan, october(), &figures, &[], Audience::Internal);
        assert_eq!(
            rows(&s, "exceptions-indicators"),
            [
                [
                    "P2",
                    "Assessments in 45 working days",
                    "70.0",
                    "82.1",
                    "72.5",
                    "Red",
                    "Worsening",
                    "off target and worsening"
                ],
                [
                    "P1",
                    "Re-referrals within 12 months",
                    "25.0",
                    "24.6",
                    "25.5",
                    "Amber",
                    "Improving",
                    "off target"
                ],
            ]
        );
    }

    #[test]
    fn a_green_indicator_that_worsens_is_listed_and_a_steady_green_is_not() {
        let plan = small_plan();
        // Low is good: 23.0 meets 24.6 but rose from 22.0.
        let worsening = [figures("rereferrals_12m_pct", Some(23.0), Some(22.0))];
        let s = exceptions(&plan, october(), &worsening, &[], Audience::Internal);
        let r = rows(&s, "exceptions-indicators");
        assert_eq!((r[0][5].as_str(), r[0][7].as_str()), ("Green", "worsening"));
        let steady = [figures("rereferrals_12m_pct", Some(23.0), Some(23.0))];
        let s = exceptions(&plan, october(), &steady, &[], Audience::Internal);
        assert!(rows(&s, "exceptions-indicators").is_empty());
        assert!(s.blocks.contains(&Block::info(
            "No indicator is off target or worsening this month."
        )));
    }

    #[test]
    fn small_counts_are_counts_in_public() {
        let plan = small_plan();
        // Foster carer approvals are counted (monthly number); none this month against 2.0.
        let mut approvals = figures("foster_carer_approvals", Some(1.0), Some(3.0));
        approvals.rag = Some(Rag::Red);
        approvals.last_12_months_average = Some(2.0 / 12.0);
        let plan_with = {
            let mut p = plan.clone();
            p.priorities[1].measures[0].indicator = Some("foster_carer_approvals".into());
            p
        };
        let s = exceptions(&plan_with, october(), &[approvals], &[], Audience::Public);
        let Block::Table(t) = &s.blocks[0] else {
            panic!("{:?}", s.blocks)
        };
        assert_eq!(t.rows[0].cells[2], Cell::Count(Some(1)));
        assert_eq!(t.rows[0].cells[4], Cell::Suppressed);
    }

    #[test]
    fn actions_off_track_at_risk_or_past_due_are_listed() {
        let plan = small_plan();
        // By October: P1 A1 is at risk (August update) and past its 30 September due date;
        // P2 A1 is off track in the file.
        let updates = updates_until(&plan.updates, october().last_day());
        let s = exceptions(&plan, october(), &[], &updates, Audience::Internal);
        let r = rows(&s, "exceptions-actions");
        let short: Vec<(&str, &str, &str)> = r
            .iter()
            .map(|r| (r[0].as_str(), r[1].as_str(), r[5].as_str()))
            .collect();
        assert_eq!(
            short,
            [
                ("P2", "A1", "Off track"),
                ("P1", "A1", "At risk (past due)")
            ]
        );
        // Once complete (November update), it is no longer listed.
        let december = Month::parse("2019-12").unwrap();
        let s = exceptions(&plan, december, &[], &plan.updates, Audience::Internal);
        assert_eq!(rows(&s, "exceptions-actions").len(), 1);
    }
}
