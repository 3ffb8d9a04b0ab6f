//! `sightline timescales`: each open case's statutory tasks as of a date, as worklists by team
//! (or worker), most overdue first.

use crate::args::{TableFormat, TimescalesArgs};
use crate::progress::Ui;
use anyhow::{Context as _, Result};
use sightline_cli::measures::{context, load_snapshot, population};
use sightline_measures::timescales::{self, GroupBy, WorklistKey};
use std::io::Write;

pub fn run(args: &TimescalesArgs, ui: &Ui) -> Result<()> {
    let step = ui.step("loading the snapshot");
    let loaded = load_snapshot(&args.snapshot.db, args.snapshot.snapshot)?;
    ui.done(
        step,
        format!(
            "snapshot {} ({})",
            loaded.summary.id, loaded.summary.source_format
        ),
    );
    let population = population(
        loaded.summary.la_code,
        loaded.summary.extract_date,
        args.snapshot.population,
    )
    .unwrap_or(0);
    let as_of = args.as_of.unwrap_or(loaded.summary.extract_date);
    let ctx = context(&loaded, population);
    let tasks = timescales::tasks(&ctx, as_of);
    let group = if args.by_worker {
        GroupBy::Worker
    } else {
        GroupBy::Team
    };
    let team_name = |id: &str| {
        loaded
            .records
            .teams
            .iter()
            .find(|t| t.id.as_str() == id)
            .map(|t| t.name.clone())
            .unwrap_or_else(|| id.to_owned())
    };
    let groups: Vec<_> = timescales::worklist(&tasks, group)
        .into_iter()
        .filter(|g| match (&args.team, &g.key) {
            (None, _) => true,
            (Some(t), WorklistKey::Team(id)) => {
                id.as_str() == t || team_name(id.as_str()).eq_ignore_ascii_case(t)
            }
            (Some(t), WorklistKey::Worker(w)) => tasks.iter().any(|task| {
                task.worker.as_ref() == Some(w)
                    && task.team.as_ref().is_some_and(|id| id.as_str() == t)
            }),
            (Some(_), WorklistKey::Unallocated) => false,
        })
        .collect();
    let mut sink: Box<dyn Write> = match &args.out {
        Some(path) => Box::new(
            std::fs::File::create(path)
                .with_context(|| format!("cannot write {}", path.display()))?,
        ),
        None => Box::new(std::io::stdout().lock()),
    };
    let key = |k: &WorklistKey| match k {
        WorklistKey::Team(t) => team_name(t.as_str()),
        WorklistKey::Worker(w) => w.to_string(),
        WorklistKey::Unallocated => "unallocated".to_owned(),
    };
    let rows = groups.iter().flat_map(|g| {
        g.overdue
            .iter()
            .chain(&g.due_soon)
            .chain(&g.due)
            .map(move |t| (g, t))
    });
    match args.format {
        TableFormat::Json => {
            let items: Vec<serde_json::Value> = rows
                .map(|(g, t)| {
                    serde_json::json!({
                        "group": key(&g.key),
                        "child_id": loaded.records.children.get(t.child as usize).map(|c| c.id.as_str()),
                        "task": t.kind.id(),
                        "due": t.due.to_string(),
                        "status": t.status.name(),
                        "days_overdue": t.days_overdue(as_of),
                        "worker": t.worker.as_ref().map(|w| w.to_string()),
                    })
                })
                .collect();
            serde_json::to_writer_pretty(&mut sink, &items)?;
            writeln!(sink)?;
        }
        TableFormat::Csv | TableFormat::Xlsx => {
            let mut w = csv::Writer::from_writer(sink);
            w.write_record([
                "group",
                "child_id",
                "task",
                "due",
                "status",
                "days_overdue",
                "worker",
            ])?;
            for (g, t) in rows {
                let child = loaded
                    .records
                    .children
                    .get(t.child as usize)
                    .map(|c| c.id.as_str())
                    .unwrap_or("");
                w.write_record([
                    key(&g.key),
                    child.to_owned(),
                    t.kind.id().to_owned(),
                    t.due.to_string(),
                    t.status.name().to_owned(),
                    t.days_overdue(as_of).to_string(),
                    t.worker.as_ref().map(|w| w.to_string()).unwrap_or_default(),
                ])?;
            }
            w.flush()?;
        }
        TableFormat::Table => {
            writeln!(sink, "Statutory timescales as of {as_of}")?;
            for g in &groups {
                writeln!(
                    sink,
                    "\n{}: {} overdue, {} due soon, {} due",
                    key(&g.key),
                    g.overdue.len(),
                    g.due_soon.len(),
                    g.due.len()
                )?;
                for t in g.overdue.iter().chain(&g.due_soon) {
                    let child = loaded
                        .records
                        .children
                        .get(t.child as usize)
                        .map(|c| c.id.as_str())
                        .unwrap_or("");
                    writeln!(
                        sink,
                        "  {:<10} {:<26} due {}  {:<9} {}",
                        child,
                        t.kind.id(),
                        t.due,
                        t.status.name(),
                        if t.days_overdue(as_of) > 0 {
                            format!("{} days overdue", t.days_overdue(as_of))
                        } else {
                            String::new()
                        }
                    )?;
                }
            }
        }
    }
    Ok(())
}
