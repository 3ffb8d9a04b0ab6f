//! The Improvement Board performance pack, built as a [`Document`] from the improvement plan and
//! one month's computed indicators:
//!
//! - a summary (RAG and action counts, the latest inspection's judgements, who receives the pack,
//!   contents);
//! - per priority, the plan on a page with its indicator table ([`priority_page`],
//!   [`indicator_table`]);
//! - the exceptions page ([`exceptions`]): indicators off target or worsening, actions at risk,
//!   off track or past due;
//! - the recommendations coverage page ([`coverage`]);
//! - a data-quality summary when validation results are supplied ([`data_quality`]).
//!
//! **Invariant:** computes no figure. Values, RAG and direction come in ([`IndicatorFigures`],
//! rated by `sightline_measures::rag` against the plan's targets); the builder selects, orders
//! and counts them.

pub mod coverage;
pub mod data_quality;
pub mod exceptions;
pub mod indicator_table;
mod inputs;
pub mod priority_page;
#[cfg(test)]
mod testkit;

pub use inputs::{BoardInputs, IndicatorFigures, last_13_months};

use crate::doc::{Block, Cell, Column, Document, Inline, KeyFigure, Section, Table};
use crate::scrutiny::sentences::month_name;
use sightline_measures::rag::Rag;
use sightline_plan::{ActionStatus, ReportKind, current_status, updates_until};

/// The pack's title.
pub const TITLE: &str = "Improvement Board performance pack";

/// Builds the pack for `inputs.month`.
///
/// The caller computes the figures: with `sightline_service::indicator_lines` (rated against
/// `sightline_plan::targets_config(&plan, ..)`), each `IndicatorLine` maps field for field
/// (`value` is `latest`), with `polarity` the target's override or the indicator's,
/// `change = sightline_measures::rag::change(line.previous, line.value)` and
/// `last_13_months = board::last_13_months(&line.series, month)`.
///
/// # Example
///
/// ```
/// use sightline_measures::{indicators, period::Month, rag};
/// use sightline_plan::{KIRKLEES_2019_20, merged_updates, parse_plan};
/// use sightline_report::board::{BoardInputs, IndicatorFigures, board_pack};
/// use sightline_report::Audience;
///
/// let plan = parse_plan("kirklees-2019-20.toml", KIRKLEES_2019_20).unwrap();
/// let month = Month::parse("2019-10").unwrap();
/// let meta = indicators::find("rereferrals_12m_pct").unwrap().meta();
/// let figures = [IndicatorFigures {
///     meta,
///     polarity: meta.polarity,
///     latest: Some(23.9),
///     last_12_months_average: Some(22.3),
///     target: Some(24.6),
///     stretch: Some(22.1),
///     rag: Some(rag::Rag::Green),
///     direction: rag::direction_of_travel(Some(24.0), Some(23.9), meta.polarity),
///     change: rag::change(Some(24.0), Some(23.9)),
///     benchmarks: None,
///     last_13_months: vec![None; 13],
/// }];
/// let updates = merged_updates(&plan.updates, &[]); // + the store's plan_updates
/// let doc = board_pack(&BoardInputs {
///     plan: &plan,
///     month,
///     audience: Audience::Internal,
///     indicators: &figures,
///     updates: &updates,
///     data_quality: &[],
///     targets_note: None,
/// });
/// assert_eq!(doc.period_label, "October 2019");
/// assert_eq!(doc.sections.len(), 1 + 10 + 2); // summary, priorities, exceptions, coverage
/// ```
pub fn board_pack(inputs: &BoardInputs) -> Document {
    let plan = inputs.plan;
    let updates = updates_until(inputs.updates, inputs.month.last_day());
    let mut doc = Document::new(
        TITLE,
        &plan.council,
        month_name(inputs.month),
        inputs.audience,
    )
    .with_subtitle(&plan.title);
    doc.push(summary(inputs, &updates));
    for p in &plan.priorities {
        doc.push(priority_page::priority_page(
            p,
            &updates,
            inputs.indicators,
            inputs.audience,
        ));
    }
    doc.push(exceptions::exceptions(
        plan,
        inputs.month,
        inputs.indicators,
        &updates,
        inputs.audience,
    ));
    doc.push(coverage::coverage(plan, &updates));
    if let Some(dq) = data_quality::data_quality_summary(inputs.data_quality) {
        doc.push(dq);
    }
    doc
}

/// The first page.
fn summary(inputs: &BoardInputs, updates: &[sightline_plan::ProgressUpdate]) -> Section {
    let plan = inputs.plan;
    let mut s = Section::new("summary", "Summary");
    s.push(Block::text(format!(
        "Progress against the {} for {}: for each of the plan's {} priorities, the plan on a page and its indicators; then the exceptions, the coverage of the inspection recommendations{}.",
        plan.title,
        month_name(inputs.month),
        plan.priorities.len(),
        if inputs.data_quality.is_empty() { "" } else { " and data quality" },
    )));
    // The improvement journey's phase the month falls in.
    if let Some(phase) = plan
        .phases
        .iter()
        .filter(|p| p.start <= inputs.month.last_day())
        .max_by_key(|p| p.start)
    {
        s.push(Block::Paragraph(vec![
            Inline::Strong("Improvement journey:".into()),
            Inline::Text(format!(
                " phase {}, {} (since {}){}.",
                phase.id,
                phase.name,
                month_name(sightline_measures::period::Month::of(phase.start)),
                phase
                    .description
                    .as_deref()
                    .map(|d| format!(": {}", d.to_lowercase()))
                    .unwrap_or_default()
            )),
        ]));
    }
    if let Some(note) = inputs.targets_note {
        s.push(Block::warning(note));
    }
    // Each indicator the plan measures, once.
    let mut rated: Vec<&IndicatorFigures> = Vec::new();
    for m in plan.priorities.iter().flat_map(|p| &p.measures) {
        let Some(id) = m.indicator.as_deref() else {
            continue;
        };
        if let Some(f) = inputs.indicators.iter().find(|f| f.meta.id == id)
            && !rated.iter().any(|g| g.meta.id == id)
        {
            rated.push(f);
        }
    }
    let n_rag = |r: Rag| rated.iter().filter(|f| f.rag == Some(r)).count();
    let actions: Vec<ActionStatus> = plan
        .priorities
        .iter()
        .flat_map(|p| p.actions.iter().map(|a| current_status(&p.id, a, updates)))
        .collect();
    let n_status = |s: &[ActionStatus]| actions.iter().filter(|a| s.contains(a)).count();
    // Counts of indicators and actions, not of children: plain numbers, never suppressed.
    let tile = |label: &str, n: usize, note: &str| {
        KeyFigure::new(label, Cell::number(n as f64, 0)).with_note(note)
    };
    s.push(Block::KeyFigures(vec![
        tile(
            "Indicators red",
            n_rag(Rag::Red),
            "short of target by more than the tolerance",
        ),
        tile(
            "Indicators amber",
            n_rag(Rag::Amber),
            "short of target, within tolerance",
        ),
        tile(
            "Indicators green or blue",
            n_rag(Rag::Green) + n_rag(Rag::Blue),
            "on or better than target",
        ),
        tile(
            "Indicators worsening",
            rated.iter().filter(|f| f.worsening()).count(),
            "since the previous month",
        ),
        tile(
            "Actions complete",
            n_status(&[ActionStatus::Complete]),
            &format!("of {}", actions.len()),
        ),
        tile(
            "Actions at risk or off track",
            n_status(&[ActionStatus::AtRisk, ActionStatus::OffTrack]),
            "see the exceptions page",
        ),
    ]));
    if let Some(inspection) = plan.inspections.iter().max_by_key(|i| i.date)
        && !inspection.judgements.is_empty()
    {
        let mut t = Table::new(
            "summary-judgements",
            format!("{} judgements ({})", inspection.body, inspection.date),
            vec![Column::text("Judgement"), Column::text("Grade")],
        );
        for j in &inspection.judgements {
            t.push_row(vec![Cell::text(&j.area), Cell::text(&j.grade)]);
        }
        s.push(Block::Table(t));
    }
    let receivers: Vec<Vec<Inline>> = plan
        .governance
        .iter()
        .filter_map(|g| {
            let schedule = g
                .receives
                .iter()
                .find(|r| r.report == ReportKind::BoardPack)?;
            Some(vec![
                Inline::Strong(g.name.clone()),
                Inline::Text(format!(": {}", schedule.frequency.name())),
            ])
        })
        .collect();
    if !receivers.is_empty() {
        s.push(Block::heading(3, "Who receives this pack"));
        s.push(Block::Bullets(receivers));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::testkit::{figures, october, small_plan};
    use super::*;
    use crate::doc::Audience;

    #[test]
    fn the_pack_has_a_page_per_priority_and_counts_in_its_summary() {
        let plan = small_plan();
        let figures = [
            figures("rereferrals_12m_pct", Some(26.0), Some(24.0)), // red, worsening
            figures("assessments_45wd_pct", Some(85.0), Some(84.0)), // blue, improving
            figures("contacts", Some(1500.0), Some(1400.0)),
        ];
        let doc = board_pack(&BoardInputs {
            plan: &plan,
            month: october(),
            audience: Audience::Internal,
            indicators: &figures,
            updates: &plan.updates,
            data_quality: &[],
            targets_note: Some("Targets of 2019/20 applied to every month."),
        });
        assert_eq!(doc.title, TITLE);
        assert_eq!(doc.subtitle.as_deref(), Some("Test plan 2019/20"));
        assert_eq!(
            (doc.council.as_str(), doc.period_label.as_str()),
            ("Testshire Council", "October 2019")
        );
        let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "summary",
                "priority-p1",
                "priority-p2",
                "exceptions",
                "recommendations"
            ]
        );
        let tiles = doc.sections[0]
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::KeyFigures(k) => Some(k),
                _ => None,
            })
            .unwrap();
        let shown: Vec<(String, String)> = tiles
            .iter()
            .map(|k| (k.label.clone(), k.value.display_text()))
            .collect();
        // October: P1 A1 at risk (the November "complete" is not yet known), P2 A1 off track.
        assert_eq!(
            shown,
            [
                ("Indicators red".to_owned(), "1".to_owned()),
                ("Indicators amber".into(), "0".into()),
                ("Indicators green or blue".into(), "1".into()),
                ("Indicators worsening".into(), "1".into()),
                ("Actions complete".into(), "0".into()),
                ("Actions at risk or off track".into(), "2".into()),
            ]
        );
        // The small plan has no phases; the shipped one is in phase 3 from July 2019.
        assert!(
            !doc.sections[0]
                .blocks
                .iter()
                .any(|b| matches!(b, Block::Paragraph(p) if p[0] == Inline::Strong("Improvement journey:".into())))
        );
        assert!(doc.sections[0].blocks.contains(&Block::warning(
            "Targets of 2019/20 applied to every month."
        )));
    }

    #[test]
    fn the_shipped_plan_builds_a_pack() {
        let plan = sightline_plan::parse_plan("k.toml", sightline_plan::KIRKLEES_2019_20).unwrap();
        let doc = board_pack(&BoardInputs {
            plan: &plan,
            month: october(),
            audience: Audience::Public,
            indicators: &[],
            updates: &plan.updates,
            data_quality: &[],
            targets_note: None,
        });
        assert_eq!(doc.sections.len(), 13);
        assert!(doc.sections[0].blocks.contains(&Block::Paragraph(vec![
            Inline::Strong("Improvement journey:".into()),
            Inline::Text(
                " phase 3, Embedding and adapting (since July 2019): delivering the approach and adapting it based on learning."
                    .into()
            ),
        ])));
        // Every priority page carries its actions table.
        for s in &doc.sections[1..11] {
            assert!(
                s.blocks
                    .iter()
                    .any(|b| matches!(b, Block::Table(t) if t.id.ends_with("-actions"))),
                "{}",
                s.id
            );
        }
    }
}
