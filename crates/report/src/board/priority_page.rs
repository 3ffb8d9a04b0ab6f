//! One priority's "plan on a page": owner and alignment, aims, actions with owner, due date,
//! recommendations and status (as moved on by the progress log), the latest updates, and how we
//! will know we are succeeding (the indicator table and the other measures).

use super::indicator_table::indicator_table;
use super::inputs::IndicatorFigures;
use crate::doc::{Audience, Block, Cell, Column, Inline, RagStatus, Section, Table};
use sightline_plan::{Priority, ProgressRag, ProgressUpdate, current_status, latest_for_priority};

/// Updates listed per priority.
pub const LATEST_UPDATES: usize = 3;

/// The section id of a priority's page (an anchor other sections link to).
pub fn section_id(priority: &Priority) -> String {
    format!("priority-{}", priority.id.to_ascii_lowercase())
}

/// "Priority 4: Children Looked After and Care Leavers" for id `P4`, "Priority X: ..." otherwise.
pub fn priority_title(priority: &Priority) -> String {
    let id = priority.id.as_str();
    let number = id
        .strip_prefix(['P', 'p'])
        .filter(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
        .unwrap_or(id);
    format!("Priority {number}: {}", priority.title)
}

/// The page. `updates` is the merged log up to the month; `figures` the month's indicators.
pub fn priority_page(
    priority: &Priority,
    updates: &[ProgressUpdate],
    figures: &[IndicatorFigures],
    audience: Audience,
) -> Section {
    let mut s = Section::new(section_id(priority), priority_title(priority)).on_new_page();
    let alignment = if priority.alignment.is_empty() {
        priority
            .alignment_note
            .clone()
            .unwrap_or_else(|| "none listed".to_owned())
    } else {
        priority.alignment.join(", ")
    };
    s.push(Block::Paragraph(vec![
        // One text run per phrase: renderers may put a space between runs.
        Inline::Strong("Strategic responsibility:".into()),
        Inline::Text(format!(" {}. ", priority.owner.trim_end_matches('.'))),
        Inline::Strong("Aligned to recommendations:".into()),
        Inline::Text(format!(" {alignment}.")),
    ]));
    if !priority.aims.is_empty() {
        s.push(Block::heading(3, "What we are aiming for"));
        s.push(Block::Bullets(
            priority
                .aims
                .iter()
                .map(|a| vec![Inline::Text(a.clone())])
                .collect(),
        ));
    }
    if !priority.actions.is_empty() {
        s.push(Block::Table(actions_table(priority, updates)));
    }
    let latest = latest_for_priority(&priority.id, updates, LATEST_UPDATES);
    if latest.is_empty() {
        s.push(Block::heading(3, "Latest updates"));
        s.push(Block::text("No progress update recorded yet."));
    } else {
        s.push(Block::Table(updates_table(priority, &latest)));
    }
    let measures: Vec<_> = priority
        .measures
        .iter()
        .map(|m| {
            let f = m
                .indicator
                .as_deref()
                .and_then(|id| figures.iter().find(|f| f.meta.id == id));
            (m, f)
        })
        .collect();
    let caption = format!("{}: how we will know we are succeeding", priority.title);
    let table = indicator_table(
        &format!("{}-indicators", section_id(priority)),
        &caption,
        &measures,
        audience,
    );
    let has_table = table.is_some();
    if let Some(table) = table {
        s.push(Block::Table(table));
    }
    let others: Vec<Vec<Inline>> = priority
        .measures
        .iter()
        .filter(|m| m.indicator.is_none() || m.update.is_some())
        .map(|m| {
            let mut item = vec![Inline::Text(m.text.clone())];
            if let Some(update) = &m.update {
                item.push(Inline::Text(": ".into()));
                item.push(Inline::Strong(update.clone()));
            }
            item
        })
        .collect();
    if !others.is_empty() {
        s.push(Block::heading(
            3,
            if has_table {
                "Other measures and their status"
            } else {
                "How we will know we are succeeding"
            },
        ));
        s.push(Block::Bullets(others));
    }
    s
}

/// Action | Owner | Due | Recommendations | Status.
fn actions_table(priority: &Priority, updates: &[ProgressUpdate]) -> Table {
    let mut t = Table::new(
        format!("{}-actions", section_id(priority)),
        format!("{}: how we will do this", priority.title),
        vec![
            Column::text("Action"),
            Column::text("What we will do"),
            Column::text("Owner"),
            Column::text("Due"),
            Column::text("Recommendations"),
            Column::text("Status"),
        ],
    );
    for a in &priority.actions {
        let text = if a.details.is_empty() {
            a.text.clone()
        } else {
            format!("{} \u{2022} {}", a.text, a.details.join(" \u{2022} "))
        };
        t.push_row(vec![
            Cell::text(&a.id),
            Cell::text(text),
            // The strategic owner is named above the table; only other owners are repeated.
            Cell::text(if a.owner == priority.owner {
                ""
            } else {
                &a.owner
            }),
            Cell::text(a.due.map(|d| d.to_string()).unwrap_or_default()),
            Cell::text(a.recommendations.join(", ")),
            Cell::text(current_status(&priority.id, a, updates).label()),
        ]);
    }
    t.push_note("Owner: the strategic owner unless another is named.");
    t
}

/// Date | About | Progress | Update | Author, newest first.
fn updates_table(priority: &Priority, latest: &[&ProgressUpdate]) -> Table {
    let mut t = Table::new(
        format!("{}-updates", section_id(priority)),
        format!("{}: latest updates", priority.title),
        vec![
            Column::text("Date"),
            Column::text("About"),
            Column::center("Progress"),
            Column::text("Update"),
            Column::text("Author"),
        ],
    );
    for u in latest {
        let about = match (&u.action, u.status) {
            (Some(a), Some(s)) => format!("{a} (now {})", s.label().to_lowercase()),
            (Some(a), None) => a.clone(),
            (None, _) => "The priority".to_owned(),
        };
        t.push_row(vec![
            Cell::text(u.date.to_string()),
            Cell::text(about),
            Cell::Rag(progress_rag(u.rag)),
            Cell::text(&u.commentary),
            Cell::text(&u.author),
        ]);
    }
    t
}

fn progress_rag(rag: ProgressRag) -> RagStatus {
    match rag {
        ProgressRag::Green => RagStatus::Green,
        ProgressRag::Amber => RagStatus::Amber,
        ProgressRag::Red => RagStatus::Red,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::board::testkit::{figures, small_plan};
    use sightline_plan::updates_until;

    fn table<'a>(s: &'a Section, id: &str) -> &'a Table {
        s.blocks
            .iter()
            .find_map(|b| match b {
                Block::Table(t) if t.id == id => Some(t),
                _ => None,
            })
            .unwrap()
    }

    fn cells(t: &Table) -> Vec<Vec<String>> {
        t.rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::display_text).collect())
            .collect()
    }

    #[test]
    fn actions_show_the_status_the_log_gives_them_by_the_month() {
        let plan = small_plan();
        let p1 = &plan.priorities[0];
        // October: only the August update is known, so A1 is at risk, not yet complete.
        let october = updates_until(&plan.updates, "2019-10-31".parse().unwrap());
        let s = priority_page(
            p1,
            &october,
            &[figures("contacts", Some(1.0), None)],
            Audience::Internal,
        );
        assert_eq!(s.title, "Priority 1: Front Door");
        assert!(s.page_break_before);
        assert_eq!(
            cells(table(&s, "priority-p1-actions")),
            [
                ["A1", "Train staff", "", "2019-09-30", "O1", "At risk"],
                [
                    "A2",
                    "Review plans",
                    "Service Manager",
                    "",
                    "O1, O2",
                    "On track"
                ],
            ]
        );
        assert_eq!(
            cells(table(&s, "priority-p1-updates")),
            [[
                "2019-08-31",
                "A1 (now at risk)",
                "Amber",
                "Trainer off sick; sessions moved.",
                "Head of Front Door"
            ]]
        );
        // December: the November update completes it.
        let december = updates_until(&plan.updates, "2019-12-31".parse().unwrap());
        let s = priority_page(p1, &december, &[], Audience::Internal);
        assert_eq!(cells(table(&s, "priority-p1-actions"))[0][5], "Complete");
        assert_eq!(cells(table(&s, "priority-p1-updates")).len(), 2);
    }

    #[test]
    fn measures_without_indicator_are_listed_with_their_update() {
        let plan = small_plan();
        let s = priority_page(&plan.priorities[1], &[], &[], Audience::Internal);
        let bullets = s
            .blocks
            .iter()
            .find_map(|b| match b {
                Block::Bullets(items)
                    if items[0][0] == Inline::Text("Staff feel supported".into()) =>
                {
                    Some(items)
                }
                _ => None,
            })
            .unwrap();
        assert_eq!(bullets[0][2], Inline::Strong("Survey in December".into()));
        assert!(
            s.blocks
                .contains(&Block::text("No progress update recorded yet."))
        );
        // Its indicator measure is in the table even without figures.
        assert_eq!(table(&s, "priority-p2-indicators").rows.len(), 1);
    }
}
