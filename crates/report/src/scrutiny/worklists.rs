//! Team managers' worklists: the statutory tasks overdue or due soon on the as-of date, counted by
//! kind of task and by team, then listed team by team (child, task, due date, days overdue,
//! worker), from [`sightline_measures::timescales`].
//!
//! Readability: when one kind of task makes up much of what is overdue (a recording gap rather
//! than a practice one, typically), the summary says so, and a team's list puts the kind that
//! dominates it after the others, so the rest of the list is not buried under it.
//!
//! The lists name children: this document is internal only ([`worklists_document`] always
//! builds an [`Audience::Internal`] document).

use super::sentences::{children, month_name};
use crate::doc::{Audience, Block, Cell, Column, Document, KeyFigure, Section, Table};
use sightline_measures::context::Context;
use sightline_measures::period::Month;
use sightline_measures::timescales::{Task, TaskKind, TaskStatus};
use sightline_model::NaiveDate;
use std::collections::BTreeMap;

/// The title.
pub const TITLE: &str = "Team manager worklists";

/// A kind of task counts as dominant when it is more than this share of the overdue tasks (of
/// the council in the summary, of the team in a team's list).
pub const DOMINANT_SHARE: f64 = 1.0 / 3.0;

/// Overdue and due-soon counts of one group.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    /// Overdue tasks.
    pub overdue: u64,
    /// Tasks due soon.
    pub due_soon: u64,
    /// Other outstanding tasks (due later).
    pub due_later: u64,
}

impl Counts {
    fn add(&mut self, status: TaskStatus) {
        match status {
            TaskStatus::Overdue => self.overdue += 1,
            TaskStatus::DueSoon => self.due_soon += 1,
            TaskStatus::Due => self.due_later += 1,
            TaskStatus::Met | TaskStatus::MetLate => {}
        }
    }
}

/// Outstanding tasks counted by kind, in registry order (kinds with none left out).
pub fn counts_by_kind(tasks: &[Task]) -> Vec<(TaskKind, Counts)> {
    let mut map: BTreeMap<TaskKind, Counts> = BTreeMap::new();
    for t in tasks.iter().filter(|t| t.status.is_outstanding()) {
        map.entry(t.kind).or_default().add(t.status);
    }
    TaskKind::ALL
        .iter()
        .filter_map(|k| map.remove(k).map(|c| (*k, c)))
        .collect()
}

/// The kind holding more than [`DOMINANT_SHARE`] of the overdue tasks, if one kind clearly
/// does: at least two tasks, and strictly more than any other kind.
pub fn dominant_kind(by_kind: &[(TaskKind, Counts)]) -> Option<(TaskKind, u64, u64)> {
    let total: u64 = by_kind.iter().map(|(_, c)| c.overdue).sum();
    let most = by_kind.iter().map(|(_, c)| c.overdue).max()?;
    let mut at_most = by_kind.iter().filter(|(_, c)| c.overdue == most);
    let (kind, _) = at_most.next()?;
    let clear = at_most.next().is_none() && most >= 2;
    (clear && most as f64 > DOMINANT_SHARE * total as f64).then_some((*kind, most, total))
}

/// The name of a task's team ("Unallocated" when none).
fn team_name(ctx: &Context, task: &Task) -> String {
    task.team
        .as_ref()
        .and_then(|id| ctx.team(id))
        .and_then(|i| ctx.records.teams.get(i as usize))
        .map(|t| t.name.clone())
        .unwrap_or_else(|| "Unallocated".to_owned())
}

/// Builds the worklists for the outstanding `tasks` (from `timescales::tasks(ctx, as_of)`).
pub fn worklists_document(
    ctx: &Context,
    tasks: &[Task],
    as_of: NaiveDate,
    council: &str,
) -> Document {
    let mut doc = Document::new(
        TITLE,
        council,
        month_name(Month::of(as_of)),
        Audience::Internal,
    )
    .with_subtitle(format!(
        "Statutory tasks overdue or due soon on {}",
        as_of.format("%-d %B %Y")
    ));
    let outstanding: Vec<&Task> = tasks
        .iter()
        .filter(|t| matches!(t.status, TaskStatus::Overdue | TaskStatus::DueSoon))
        .collect();
    let by_kind = counts_by_kind(tasks);
    let dominant = dominant_kind(&by_kind);
    doc.push(summary_section(ctx, tasks, &by_kind, dominant));
    let mut by_team: BTreeMap<String, Vec<&Task>> = BTreeMap::new();
    for t in &outstanding {
        by_team.entry(team_name(ctx, t)).or_default().push(t);
    }
    // Most overdue team first, in the summary and in the lists alike.
    let mut teams: Vec<(String, Vec<&Task>)> = by_team.into_iter().collect();
    teams.sort_by_key(|(name, list)| (std::cmp::Reverse(overdue_count(list)), name.clone()));
    doc.push(teams_section(&teams, as_of));
    for (i, (team, list)) in teams.iter().enumerate() {
        doc.push(team_section(ctx, i, team, list, as_of));
    }
    doc
}

fn summary_section(
    ctx: &Context,
    tasks: &[Task],
    by_kind: &[(TaskKind, Counts)],
    dominant: Option<(TaskKind, u64, u64)>,
) -> Section {
    let total = by_kind.iter().fold(Counts::default(), |mut a, (_, c)| {
        a.overdue += c.overdue;
        a.due_soon += c.due_soon;
        a.due_later += c.due_later;
        a
    });
    let mut affected: Vec<u32> = tasks
        .iter()
        .filter(|t| t.status == TaskStatus::Overdue)
        .map(|t| t.child)
        .collect();
    affected.sort_unstable();
    affected.dedup();
    let mut s = Section::new("summary", "Summary by kind of task");
    s.push(Block::KeyFigures(vec![
        KeyFigure::new("Overdue tasks", Cell::count(total.overdue as i64)),
        KeyFigure::new("Due soon", Cell::count(total.due_soon as i64))
            .with_note(format!("within {} days", ctx.standards.due_soon_days)),
        KeyFigure::new(
            "Children with an overdue task",
            Cell::count(affected.len() as i64),
        ),
    ]));
    s.push(Block::text(format!(
        "{} have at least one overdue statutory task.",
        capitalised(&children(Audience::Internal, affected.len() as u64))
    )));
    if let Some((kind, n, all)) = dominant {
        s.push(Block::warning(format!(
            "{n} of the {all} overdue tasks ({:.0}%) are \"{}\". So many of one kind usually \
             means the completing record is not being captured rather than the work not being \
             done: check recording first. A team's list shows the kind that dominates it last.",
            100.0 * n as f64 / all as f64,
            kind.meta().title
        )));
    }
    let mut table = Table::new(
        "by-kind",
        "Outstanding tasks by kind",
        vec![
            Column::text("Task"),
            Column::number("Overdue"),
            Column::number("Due soon"),
            Column::number("Due later"),
            Column::number("Total"),
        ],
    );
    let row = |label: &str, c: &Counts| {
        vec![
            Cell::text(label),
            Cell::count(c.overdue as i64),
            Cell::count(c.due_soon as i64),
            Cell::count(c.due_later as i64),
            Cell::count((c.overdue + c.due_soon + c.due_later) as i64),
        ]
    };
    for (kind, c) in by_kind {
        table.push_row(row(kind.meta().title, c));
    }
    table.push_total(row("Total", &total));
    s.push(Block::Table(table));
    s
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn overdue_count(list: &[&Task]) -> usize {
    list.iter()
        .filter(|t| t.status == TaskStatus::Overdue)
        .count()
}

fn teams_section(teams: &[(String, Vec<&Task>)], as_of: NaiveDate) -> Section {
    let mut table = Table::new(
        "by-team",
        "Overdue and due-soon tasks by team",
        vec![
            Column::text("Team"),
            Column::number("Overdue"),
            Column::number("Due soon"),
            Column::number("Most days overdue"),
            Column::number("Workers with overdue tasks"),
        ],
    );
    let rows: Vec<(&String, u64, u64, i64, usize)> = teams
        .iter()
        .map(|(team, list)| {
            let overdue = overdue_count(list) as u64;
            let soon = list.len() as u64 - overdue;
            let oldest = list
                .iter()
                .map(|t| t.days_overdue(as_of))
                .max()
                .unwrap_or(0);
            let mut workers: Vec<&str> = list
                .iter()
                .filter(|t| t.status == TaskStatus::Overdue)
                .filter_map(|t| t.worker.as_ref().map(|w| w.as_str()))
                .collect();
            workers.sort_unstable();
            workers.dedup();
            (team, overdue, soon, oldest, workers.len())
        })
        .collect();
    for (team, overdue, soon, oldest, workers) in rows {
        table.push_row(vec![
            Cell::text(team.as_str()),
            Cell::count(overdue as i64),
            Cell::count(soon as i64),
            Cell::number(oldest as f64, 0),
            Cell::count(workers as i64),
        ]);
    }
    Section::new("teams", "Summary by team").with(Block::Table(table))
}

fn team_section(
    ctx: &Context,
    index: usize,
    team: &str,
    list: &[&Task],
    as_of: NaiveDate,
) -> Section {
    let owned: Vec<Task> = list.iter().map(|t| (*t).clone()).collect();
    let team_dominant = dominant_kind(&counts_by_kind(&owned));
    let dominant = team_dominant.map(|d| d.0);
    let mut list: Vec<&Task> = list.to_vec();
    // The dominant kind last; then most overdue first within each kind, child, task.
    list.sort_by_key(|t| (Some(t.kind) == dominant, t.kind, t.due, t.child));
    let overdue = list
        .iter()
        .filter(|t| t.status == TaskStatus::Overdue)
        .count();
    let mut table = Table::new(
        format!("team-{}", index + 1),
        format!(
            "{team}: {overdue} overdue, {} due soon",
            list.len() - overdue
        ),
        vec![
            Column::text("Child"),
            Column::text("Task"),
            Column::text("Due"),
            Column::number("Days overdue"),
            Column::text("Status"),
            Column::text("Worker"),
        ],
    );
    for t in list {
        let child = ctx
            .records
            .children
            .get(t.child as usize)
            .map(|c| c.id.as_str().to_owned())
            .unwrap_or_default();
        table.push_row(vec![
            Cell::text(child),
            Cell::text(t.kind.meta().title),
            Cell::text(t.due.format("%-d %b %Y").to_string()),
            Cell::number(t.days_overdue(as_of) as f64, 0),
            Cell::text(match t.status {
                TaskStatus::Overdue => "Overdue",
                _ => "Due soon",
            }),
            Cell::text(
                t.worker
                    .as_ref()
                    .map(|w| w.as_str().to_owned())
                    .unwrap_or_else(|| "Unallocated".into()),
            ),
        ]);
    }
    if let Some((kind, n, all)) = team_dominant {
        table.push_note(format!(
            "{n} of the team's {all} overdue tasks are \"{}\": they are listed last.",
            kind.meta().title
        ));
    }
    Section::new(format!("team-{}", index + 1), team)
        .on_new_page()
        .with(Block::Table(table))
}

#[cfg(test)]
mod tests {
    use super::*;
    use sightline_measures::context::kinds;
    use sightline_measures::indicator::RecordRef;
    use sightline_measures::settings::PracticeStandards;
    use sightline_model::CaseRecords;
    use sightline_model::ids::{ChildId, TeamId, WorkerId};
    use sightline_model::records::{Child, Service, Team};

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn records() -> CaseRecords {
        let mut r = CaseRecords::default();
        for id in ["C1", "C2"] {
            r.children.push(Child {
                id: ChildId::new(id),
                upn: None,
                upn_unknown: None,
                former_upn: None,
                sex: sightline_model::codes::Sex::Unknown,
                date_of_birth: None,
                expected_date_of_birth: None,
                date_of_death: None,
                ethnicity: sightline_model::codes::Ethnicity::NOBT,
                disabilities: Vec::new(),
                uasc: None,
                home_postcode: None,
                locality: None,
                motherhood: None,
            });
        }
        r.teams.push(Team {
            id: TeamId::new("T1"),
            name: "North Looked After".into(),
            service: Service::LookedAfter,
            locality: None,
        });
        r
    }

    fn task(child: u32, kind: TaskKind, due: NaiveDate, status: TaskStatus, team: bool) -> Task {
        Task {
            child,
            kind,
            record: RecordRef {
                kind: kinds::CLA_EPISODES,
                index: 0,
            },
            done_by: None,
            due,
            done: None,
            status,
            case_open: true,
            team: team.then(|| TeamId::new("T1")),
            worker: team.then(|| WorkerId::new("SW1")),
        }
    }

    #[test]
    fn counts_by_kind_and_team_and_lists_with_the_dominant_kind_last() {
        use TaskKind::*;
        use TaskStatus::*;
        let r = records();
        let ctx = Context::new(&r, PracticeStandards::default(), 10_000);
        let as_of = d(2026, 3, 31);
        let tasks = vec![
            task(0, PermanencePlan, d(2025, 1, 1), Overdue, true),
            task(1, PermanencePlan, d(2025, 2, 1), Overdue, true),
            task(0, ClaReview, d(2026, 3, 21), Overdue, true),
            task(1, ClaVisit, d(2026, 4, 2), DueSoon, true),
            task(0, ClaVisit, d(2026, 6, 1), Due, false),
            task(1, ClaVisit, d(2026, 3, 1), Met, true),
        ];
        let by_kind = counts_by_kind(&tasks);
        let kinds: Vec<TaskKind> = by_kind.iter().map(|(k, _)| *k).collect();
        assert_eq!(kinds, [ClaReview, ClaVisit, PermanencePlan]);
        assert_eq!(
            by_kind[1].1,
            Counts {
                overdue: 0,
                due_soon: 1,
                due_later: 1
            }
        );
        assert_eq!(dominant_kind(&by_kind), Some((PermanencePlan, 2, 3)));

        let doc = worklists_document(&ctx, &tasks, as_of, "Test Council");
        assert_eq!(doc.audience, Audience::Internal);
        let ids: Vec<&str> = doc.sections.iter().map(|s| s.id.as_str()).collect();
        // The "due later" task is unallocated but not listed: no Unallocated section.
        assert_eq!(ids, ["summary", "teams", "team-1"]);
        let Some(Block::Table(list)) = doc.sections[2].blocks.first() else {
            panic!("no list")
        };
        assert_eq!(list.caption, "North Looked After: 3 overdue, 1 due soon");
        let rows: Vec<Vec<String>> = list
            .rows
            .iter()
            .map(|r| r.cells.iter().map(Cell::display_text).collect())
            .collect();
        assert_eq!(rows[0][0], "C1");
        assert_eq!(
            rows[0][3], "10",
            "due 21 March, 10 days overdue on 31 March"
        );
        assert_eq!(rows[1][4], "Due soon");
        assert_eq!(rows[2][2], "1 Jan 2025", "permanence plans come last");
        assert_eq!(
            list.notes,
            [
                "2 of the team's 3 overdue tasks are \"Permanence plan by the second looked-after review\": they are listed last."
            ]
        );
        assert_eq!(rows[3][3], "423");
        let summary = &doc.sections[0];
        assert!(summary.blocks.iter().any(|b| matches!(
            b,
            Block::Notice { text, .. } if text.starts_with("2 of the 3 overdue tasks (67%)")
        )));
    }

    #[test]
    fn the_most_overdue_team_comes_first() {
        use TaskKind::*;
        use TaskStatus::*;
        let r = records();
        let ctx = Context::new(&r, PracticeStandards::default(), 10_000);
        let as_of = d(2026, 3, 31);
        // "Unallocated" sorts after "North Looked After" by name, but has more overdue tasks.
        let tasks = vec![
            task(0, ClaVisit, d(2026, 3, 1), Overdue, true),
            task(1, ClaVisit, d(2026, 3, 2), Overdue, false),
            task(1, ClaReview, d(2026, 3, 3), Overdue, false),
        ];
        let doc = worklists_document(&ctx, &tasks, as_of, "Test Council");
        let titles: Vec<&str> = doc.sections.iter().map(|s| s.title.as_str()).collect();
        assert_eq!(titles[2..], ["Unallocated", "North Looked After"]);
        let Some(Block::Table(by_team)) = doc.sections[1].blocks.first() else {
            panic!("no team table")
        };
        assert_eq!(by_team.rows[0].cells[0].display_text(), "Unallocated");
        assert_eq!(by_team.rows[0].cells[3].display_text(), "29");
    }

    #[test]
    fn no_dominant_kind_when_overdue_tasks_are_spread() {
        use TaskKind::*;
        let c = |overdue| Counts {
            overdue,
            due_soon: 0,
            due_later: 0,
        };
        assert_eq!(
            dominant_kind(&[(ClaReview, c(2)), (ClaVisit, c(2)), (CinVisit, c(2))]),
            None
        );
        assert_eq!(
            dominant_kind(&[(ClaReview, c(3)), (ClaVisit, c(2)), (CinVisit, c(2))]),
            Some((ClaReview, 3, 7))
        );
        assert_eq!(dominant_kind(&[(ClaReview, c(0))]), None);
        assert_eq!(
            dominant_kind(&[(ClaReview, c(1))]),
            None,
            "one task swamps nothing"
        );
    }
}
