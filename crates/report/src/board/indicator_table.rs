//! A priority's indicator table in the seed plan's layout, plus RAG, direction of travel and a
//! 13-month sparkline: one row per success measure that names an indicator.

use super::inputs::IndicatorFigures;
use crate::doc::{Audience, Cell, Column, Direction as DocDirection, RagStatus, Table};
use sightline_measures::indicator::{Polarity, Unit};
use sightline_measures::rag::{Change, Direction, Rag};
use sightline_plan::SuccessMeasure;

/// The column headings, as the seed plan prints them, then the pack's additions.
pub const COLUMNS: [&str; 14] = [
    "Indicator",
    "Unit",
    "Good performance is",
    "Statistical neighbours",
    "England",
    "Region",
    "Council (published)",
    "Last 12 months average",
    "Latest month",
    "Target",
    "Stretch target",
    "RAG",
    "Direction of travel",
    "Last 13 months",
];

/// The table of `measures` (those without an indicator are skipped), each with its figures when
/// computed. `None` when no measure names an indicator.
///
/// Public tables keep small counts out of the cells the generic disclosure control cannot read:
/// a count indicator's sparkline leaves out months of 1 to 5, and its last-12-months average is
/// withheld when the year's total is 1 to 5 (the month's count is a [`Cell::Count`], suppressed
/// by the renderers).
pub fn indicator_table(
    id: &str,
    caption: &str,
    measures: &[(&SuccessMeasure, Option<&IndicatorFigures>)],
    audience: Audience,
) -> Option<Table> {
    let columns = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, title)| match i {
            0..=2 => Column::text(*title),
            11..=13 => Column::center(*title),
            _ => Column::number(*title),
        })
        .collect();
    let mut table = Table::new(id, caption, columns);
    let mut missing = Vec::new();
    let mut region = None;
    for (measure, figures) in measures {
        let Some(indicator) = &measure.indicator else {
            continue;
        };
        match figures {
            Some(f) => {
                if region.is_none() {
                    region = f
                        .benchmarks
                        .as_ref()
                        .map(|b| b.region_name.clone())
                        .filter(|n| !n.is_empty());
                }
                table.push_row(row(measure, f, audience));
            }
            None => {
                missing.push(indicator.clone());
                let mut cells = vec![Cell::text(&measure.text)];
                cells.extend((1..COLUMNS.len()).map(|i| match i {
                    9 => target_cell(measure.target),
                    10 => target_cell(measure.stretch),
                    11 => Cell::Rag(RagStatus::NotRated),
                    12 => Cell::Trend(DocDirection::NotApplicable),
                    _ => Cell::text(""),
                }));
                table.push_row(cells);
            }
        }
    }
    if table.rows.is_empty() {
        return None;
    }
    table.push_note(format!(
        "Benchmarks: DfE LAIT, each comparator's latest published year, for rates and percentages (published counts are annual totals for whole areas); statistical neighbours is the average of the council's DfE neighbours; region is {}.",
        region.as_deref().unwrap_or("the council's region")
    ));
    table.push_note(
        "RAG: Blue meets the stretch target, Green the target, Amber misses it within tolerance, Red by more. Direction of travel compares the latest month with the month before; volume measures show up or down.",
    );
    if audience == Audience::Public {
        table.push_note(
            "Public version: monthly counts of 1 to 5 are left out of the sparklines, and averages of counts totalling 1 to 5 over the year are shown as c.",
        );
    }
    if !missing.is_empty() {
        table.push_note(format!(
            "No figures for {}: the indicator is not in this snapshot's results.",
            missing.join(", ")
        ));
    }
    Some(table)
}

fn row(measure: &SuccessMeasure, f: &IndicatorFigures, audience: Audience) -> Vec<Cell> {
    // Published counts are annual totals for a whole area: not comparable with a month's count.
    let b = f.benchmarks.as_ref().filter(|_| !f.is_count());
    let bench = |v: Option<f64>| figure(v, f.meta.unit);
    vec![
        Cell::text(&measure.text),
        Cell::text(f.meta.unit.label()),
        Cell::text(good_is(f.polarity)),
        bench(b.and_then(|b| b.sn_average.as_ref()).map(|v| v.value)),
        bench(b.and_then(|b| b.england.as_ref()).map(|v| v.value)),
        bench(b.and_then(|b| b.region.as_ref()).map(|v| v.value)),
        bench(b.and_then(|b| b.council.as_ref()).map(|v| v.value)),
        average(f, audience),
        latest(f),
        target_cell(f.target),
        target_cell(f.stretch),
        Cell::Rag(rag_status(f.rag)),
        Cell::Trend(direction(f.direction, f.change)),
        sparkline(f, audience),
    ]
}

/// Whether a count is small enough to identify children (DfE: 1 to 5).
fn small(count: f64) -> bool {
    (1..=5).contains(&(count.round() as i64))
}

/// The last-12-months average; withheld in public when it stands for a yearly count of 1 to 5.
/// (Builders do not usually create `Suppressed`: the renderers' disclosure control cannot tell
/// that this average hides a small total.)
pub(super) fn average(f: &IndicatorFigures, audience: Audience) -> Cell {
    match f.last_12_months_average {
        Some(avg) if audience == Audience::Public && f.is_count() && small(avg * 12.0) => {
            Cell::Suppressed
        }
        avg => Cell::maybe_number(avg, 1, ""),
    }
}

/// The 13 months; in public, a count's months of 1 to 5 are left out.
fn sparkline(f: &IndicatorFigures, audience: Audience) -> Cell {
    let hide = audience == Audience::Public && f.is_count();
    Cell::Sparkline(
        f.last_13_months
            .iter()
            .map(|v| v.filter(|v| !(hide && small(*v))))
            .collect(),
    )
}

/// "Good performance is" as the plan prints it.
pub fn good_is(polarity: Polarity) -> &'static str {
    match polarity {
        Polarity::High => "High",
        Polarity::Low => "Low",
        Polarity::NotApplicable => "N/A",
    }
}

/// Decimal places a unit is shown with.
fn decimals(unit: Unit) -> u8 {
    match unit {
        Unit::MonthlyNumber | Unit::SnapshotNumber | Unit::Days => 0,
        Unit::AnnualRatePer10k | Unit::RatePer10k | Unit::Percent | Unit::Average => 1,
    }
}

fn figure(value: Option<f64>, unit: Unit) -> Cell {
    Cell::maybe_number(value, decimals(unit), "")
}

/// The month's value: a count of children (subject to disclosure control) for count units.
pub(super) fn latest(f: &IndicatorFigures) -> Cell {
    if f.is_count() {
        Cell::Count(f.latest.map(|v| v.round() as i64))
    } else {
        figure(f.latest, f.meta.unit)
    }
}

fn target_cell(value: Option<f64>) -> Cell {
    Cell::maybe_number(value, 1, "")
}

/// The document's RAG for a measures RAG (`None`: not rated).
pub fn rag_status(rag: Option<Rag>) -> RagStatus {
    match rag {
        Some(Rag::Blue) => RagStatus::Blue,
        Some(Rag::Green) => RagStatus::Green,
        Some(Rag::Amber) => RagStatus::Amber,
        Some(Rag::Red) => RagStatus::Red,
        None => RagStatus::NotRated,
    }
}

/// The document's direction: improving/worsening by polarity, or plain up/down for a volume.
pub fn direction(direction: Direction, change: Option<Change>) -> DocDirection {
    match (direction, change) {
        (Direction::Improving, _) => DocDirection::Improving,
        (Direction::Worsening, _) => DocDirection::Worsening,
        (Direction::Same, _) => DocDirection::Same,
        (Direction::NotApplicable, Some(Change::Up)) => DocDirection::Up,
        (Direction::NotApplicable, Some(Change::Down)) => DocDirection::Down,
        (Direction::NotApplicable, Some(Change::Same)) => DocDirection::Same,
        (Direction::NotApplicable, None) => DocDirection::NotApplicable,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::testkit::{figures, small_plan};

    fn texts(table: &Table) -> Vec<Vec<String>> {
        table
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::display_text).collect())
            .collect()
    }

    #[test]
    fn rows_follow_the_seed_layout() {
        let plan = small_plan();
        let measures = &plan.priorities[0].measures;
        // Re-referrals (low is good): 26.0 this month, 24.0 last month, target 24.6.
        let rereferrals = figures("rereferrals_12m_pct", Some(26.0), Some(24.0));
        // Contacts, a volume: 1,500 this month, 1,400 before.
        let contacts = figures("contacts", Some(1500.0), Some(1400.0));
        let rows = [
            (&measures[0], Some(&rereferrals)),
            (&measures[1], Some(&contacts)),
            (&measures[2], None),
        ];
        let table = indicator_table("t", "caption", &rows, Audience::Internal).unwrap();
        let header: Vec<&str> = table.columns.iter().map(|c| c.title.as_str()).collect();
        assert_eq!(header, COLUMNS);
        assert_eq!(
            texts(&table),
            [
                vec![
                    "Re-referrals within 12 months",
                    "%",
                    "Low",
                    "22.1",
                    "22.6",
                    "24.6",
                    "19.7",
                    "25.0",
                    "26.0",
                    "24.6",
                    "22.1",
                    "Red",
                    "Worsening",
                    "-, -, -, -, -, -, -, -, -, -, -, 24.0, 26.0",
                ],
                vec![
                    "Contacts",
                    "Monthly number",
                    "N/A",
                    "",
                    "",
                    "",
                    "",
                    "1,450.0",
                    "1,500",
                    "",
                    "",
                    "Not rated",
                    "Up",
                    "-, -, -, -, -, -, -, -, -, -, -, 1,400.0, 1,500.0",
                ],
                vec![
                    "Referrals",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "Not rated",
                    "Not applicable",
                    "",
                ],
            ]
        );
        // The month's count is a count of children: suppressed when public.
        assert_eq!(table.rows[1].cells[8], Cell::Count(Some(1500)));
        assert_eq!(
            table.notes[2],
            "No figures for referrals: the indicator is not in this snapshot's results."
        );
    }

    #[test]
    fn public_tables_keep_small_counts_out_of_averages_and_sparklines() {
        let plan = small_plan();
        let measures = &plan.priorities[0].measures;
        // Contacts: 3 this month, 7 the month before.
        let mut few = figures("contacts", Some(3.0), Some(7.0));
        few.last_12_months_average = Some(4.0 / 12.0); // 4 contacts in the year
        let rows = [(&measures[1], Some(&few))];
        let public = indicator_table("t", "c", &rows, Audience::Public).unwrap();
        let cells = &public.rows[0].cells;
        assert_eq!(cells[7], Cell::Suppressed);
        assert_eq!(
            cells[8],
            Cell::Count(Some(3)),
            "the renderers suppress the month's count"
        );
        let Cell::Sparkline(values) = &cells[13] else {
            panic!("{cells:?}")
        };
        assert_eq!(values[11..], [Some(7.0), None]);
        assert!(public.notes.iter().any(|n| n.starts_with("Public version")));
        // Internal: everything shown.
        let internal = indicator_table("t", "c", &rows, Audience::Internal).unwrap();
        assert_eq!(internal.rows[0].cells[7].display_text(), "0.3");
        // A percentage is not a count: its sparkline is shown whole.
        let pct = figures("rereferrals_12m_pct", Some(3.0), Some(4.0));
        let rows = [(&measures[0], Some(&pct))];
        let public = indicator_table("t", "c", &rows, Audience::Public).unwrap();
        let Cell::Sparkline(values) = &public.rows[0].cells[13] else {
            panic!()
        };
        assert_eq!(values[11..], [Some(4.0), Some(3.0)]);
    }

    #[test]
    fn direction_of_travel_follows_polarity() {
        // Low is good: a fall is an improvement, a rise is worsening.
        let falling = figures("rereferrals_12m_pct", Some(22.0), Some(24.0));
        assert_eq!(
            direction(falling.direction, falling.change),
            DocDirection::Improving
        );
        let rising = figures("rereferrals_12m_pct", Some(24.0), Some(22.0));
        assert_eq!(
            direction(rising.direction, rising.change),
            DocDirection::Worsening
        );
        // High is good: the same fall is worsening.
        let falling_high = figures("assessments_45wd_pct", Some(80.0), Some(84.0));
        assert_eq!(
            direction(falling_high.direction, falling_high.change),
            DocDirection::Worsening
        );
        // A volume has no good direction: plain down; no previous month: not applicable.
        let volume = figures("contacts", Some(1300.0), Some(1400.0));
        assert_eq!(
            direction(volume.direction, volume.change),
            DocDirection::Down
        );
        let first = figures("contacts", Some(1300.0), None);
        assert_eq!(
            direction(first.direction, first.change),
            DocDirection::NotApplicable
        );
    }

    #[test]
    fn no_table_without_indicators() {
        let plan = small_plan();
        let qualitative = &plan.priorities[1].measures;
        assert!(qualitative[0].indicator.is_none());
        assert!(indicator_table("t", "c", &[(&qualitative[0], None)], Audience::Public).is_none());
    }
}
