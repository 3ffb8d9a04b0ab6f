//! The recommendations coverage page: each recommendation, the priorities aligned to it, the
//! actions that address it and where they stand.

use crate::doc::{Block, Cell, Column, Section, Table};
use sightline_plan::{ActionStatus, Plan, ProgressUpdate, current_status};

/// The section id.
pub const SECTION_ID: &str = "recommendations";

/// The page.
pub fn coverage(plan: &Plan, updates: &[ProgressUpdate]) -> Section {
    let mut s = Section::new(SECTION_ID, "Recommendations coverage").on_new_page();
    if plan.recommendations.is_empty() {
        s.push(Block::info("The plan lists no recommendations."));
        return s;
    }
    let mut t = Table::new(
        "recommendations-coverage",
        "Recommendations and the actions addressing them",
        vec![
            Column::text("Ref"),
            Column::text("Body"),
            Column::text("What needs to improve"),
            Column::text("Priorities aligned"),
            Column::text("Actions addressing it"),
            Column::text("Status of those actions"),
        ],
    );
    let mut unaddressed = Vec::new();
    for r in &plan.recommendations {
        let aligned: Vec<&str> = plan
            .priorities
            .iter()
            .filter(|p| p.alignment.contains(&r.id))
            .map(|p| p.id.as_str())
            .collect();
        let actions: Vec<(String, ActionStatus)> = plan
            .actions_addressing(&r.id)
            .map(|(p, a)| {
                (
                    format!("{} {}", p.id, a.id),
                    current_status(&p.id, a, updates),
                )
            })
            .collect();
        if actions.is_empty() {
            unaddressed.push(r.id.clone());
        }
        let status = if actions.is_empty() {
            "No action addresses this recommendation".to_owned()
        } else {
            ActionStatus::ALL
                .iter()
                .filter_map(|s| {
                    let n = actions.iter().filter(|(_, x)| x == s).count();
                    (n > 0).then(|| format!("{n} {}", s.label().to_lowercase()))
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        t.push_row(vec![
            Cell::text(&r.id),
            Cell::text(&r.body),
            Cell::text(&r.text),
            Cell::text(aligned.join(", ")),
            Cell::text(
                actions
                    .iter()
                    .map(|(a, _)| a.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            ),
            Cell::text(status),
        ]);
    }
    if !unaddressed.is_empty() {
        s.push(Block::warning(format!(
            "No action addresses {}: the plan should say how it will be met.",
            unaddressed.join(", ")
        )));
    }
    s.push(Block::Table(t));
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::testkit::small_plan;

    #[test]
    fn each_recommendation_with_its_actions_and_their_status() {
        let plan = small_plan();
        let s = coverage(&plan, &plan.updates);
        let Block::Table(t) = &s.blocks[1] else {
            panic!("{:?}", s.blocks)
        };
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::display_text).collect())
            .collect();
        assert_eq!(
            rows,
            [
                [
                    "O1",
                    "Ofsted",
                    "Better recording.",
                    "P1",
                    "P1 A1, P1 A2",
                    "1 on track, 1 complete"
                ],
                ["O2", "Ofsted", "Better plans.", "P1", "P1 A2", "1 on track"],
                [
                    "K1",
                    "Safeguarding board",
                    "Better partnership.",
                    "",
                    "",
                    "No action addresses this recommendation"
                ],
            ]
        );
        assert_eq!(
            s.blocks[0],
            Block::warning("No action addresses K1: the plan should say how it will be met.")
        );
    }
}
