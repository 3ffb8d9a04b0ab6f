//! What the board pack is built from: the plan, one month's indicator figures (computed by
//! `sightline_measures`, rated against the plan's targets by the caller), the merged progress log
//! and, when a validation ran, the data-quality findings.

use crate::scrutiny::ReturnQuality;
use sightline_measures::benchmarks::Benchmarks;
use sightline_measures::indicator::{IndicatorMeta, Polarity, Unit};
use sightline_measures::period::Month;
use sightline_measures::rag::{Change, Direction, Rag};
use sightline_plan::{Plan, ProgressUpdate};

use crate::doc::Audience;

/// Everything [`super::board_pack`] needs.
#[derive(Clone, Copy, Debug)]
pub struct BoardInputs<'a> {
    /// The plan (`sightline_plan::parse_plan`).
    pub plan: &'a Plan,
    /// The month reported.
    pub month: Month,
    /// Internal (unsuppressed) or public.
    pub audience: Audience,
    /// One entry per computed indicator; measures whose indicator is missing here show empty
    /// cells and a note.
    pub indicators: &'a [IndicatorFigures],
    /// The progress log: the file's updates merged with the store's
    /// (`sightline_plan::merged_updates`). Updates dated after the month are ignored.
    pub updates: &'a [ProgressUpdate],
    /// Validation results per return, for the data-quality summary (section left out if empty).
    pub data_quality: &'a [ReturnQuality],
    /// A note on how targets were applied, shown on the summary page (e.g. that the 2019/20
    /// targets rate every month of a synthetic council).
    pub targets_note: Option<&'a str>,
}

/// One indicator's figures for the month: the fields of the CLI's `IndicatorLine`, plus the
/// 13-month sparkline and the raw change for volume measures.
#[derive(Clone, Debug)]
pub struct IndicatorFigures {
    /// The indicator's description (id, title, unit, polarity).
    pub meta: &'static IndicatorMeta,
    /// The polarity used for RAG and direction: the plan's override, else the indicator's.
    pub polarity: Polarity,
    /// The value in the month.
    pub latest: Option<f64>,
    /// Mean of the last 12 monthly values.
    pub last_12_months_average: Option<f64>,
    /// Target in force for the month.
    pub target: Option<f64>,
    /// Stretch target in force for the month.
    pub stretch: Option<f64>,
    /// RAG against the target (`sightline_measures::rag::rag`).
    pub rag: Option<Rag>,
    /// Direction of travel against the previous month
    /// (`sightline_measures::rag::direction_of_travel`).
    pub direction: Direction,
    /// Which way the value moved, whatever the polarity (`sightline_measures::rag::change`):
    /// shown as up/down for volume measures.
    pub change: Option<Change>,
    /// Published benchmarks (statistical neighbours, England, region, the council).
    pub benchmarks: Option<Benchmarks>,
    /// The 13 monthly values ending with the month, oldest first ([`last_13_months`]).
    pub last_13_months: Vec<Option<f64>>,
}

impl IndicatorFigures {
    /// Whether the figure is off target (red or amber).
    pub fn off_target(&self) -> bool {
        matches!(self.rag, Some(Rag::Red | Rag::Amber))
    }

    /// Whether it moved the wrong way since last month.
    pub fn worsening(&self) -> bool {
        self.direction == Direction::Worsening
    }

    /// Counts (monthly or snapshot numbers) are shown whole and are subject to disclosure
    /// control.
    pub fn is_count(&self) -> bool {
        matches!(self.meta.unit, Unit::MonthlyNumber | Unit::SnapshotNumber)
    }
}

/// The 13 monthly values ending with `month` (oldest first) from a computed series: `None` where
/// the series has no value. Selects values; computes none.
pub fn last_13_months(
    series: &sightline_measures::engine::Series,
    month: Month,
) -> Vec<Option<f64>> {
    let mut months = vec![month];
    for _ in 0..12 {
        let earliest = months[months.len() - 1];
        months.push(earliest.prev());
    }
    months.reverse();
    months
        .into_iter()
        .map(|m| {
            series
                .get(sightline_measures::period::Period::Month(m))
                .and_then(|x| x.value)
        })
        .collect()
}
