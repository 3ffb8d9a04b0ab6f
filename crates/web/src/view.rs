//! The latest snapshot, computed once and kept in memory: every indicator (all periods, the
//! last 12 months, benchmarks, RAG), the breakdowns of the latest month, the timescales and
//! worklists, and indexes to find a child, their team and their records quickly.
//!
//! Pages read a [`SnapshotView`] through an `Arc` and never compute figures per request, so the
//! dashboard costs only its rendering. **Invariant:** built from records alone (no store, no
//! clock): the as-of date is the snapshot's extract date.

use anyhow::Result;
use chrono::NaiveDate;
use sightline_measures::breakdown::{self, Figure};
use sightline_measures::context::{Context, RecordKind, kinds};
use sightline_measures::indicator::{Dimension, RecordRef};
use sightline_measures::period::Month;
use sightline_measures::targets::TargetsConfig;
use sightline_measures::timescales::{self, GroupBy, Task, WorklistGroup, WorklistKey};
use sightline_model::CaseRecords;
use sightline_service::{IndicatorLine, Loaded};
use sightline_store::SnapshotSummary;
use std::collections::HashMap;

/// One indicator as the pages show it.
pub struct IndicatorView {
    /// The figures (latest month, series, benchmarks, RAG).
    pub line: IndicatorLine,
    /// The dashboard group it belongs to.
    pub area: &'static str,
    /// The latest month split by each of the indicator's dimensions.
    pub breakdowns: Vec<(Dimension, Vec<(String, Figure)>)>,
}

/// Page bodies rendered once per snapshot.
#[derive(Default)]
pub struct PageCache {
    /// The dashboard's main content with exact figures.
    pub dashboard_exact: std::sync::OnceLock<String>,
    /// The dashboard's main content with small numbers suppressed.
    pub dashboard_suppressed: std::sync::OnceLock<String>,
}

/// One entry of a child's timeline (16 bytes: there is one per record of the snapshot).
#[derive(Clone, Copy, Debug)]
pub struct TimelineEntry {
    /// The record's date (see `Context::record_date`).
    pub date: Option<NaiveDate>,
    /// Position of the record's kind in `CHILD_KINDS`.
    kind: u8,
    /// Index of the record in its kind's vector.
    index: u32,
}

impl TimelineEntry {
    /// The record.
    pub fn record(&self) -> RecordRef {
        RecordRef {
            kind: CHILD_KINDS.get(self.kind as usize).copied().unwrap_or(""),
            index: self.index,
        }
    }
}

/// The latest snapshot, computed.
pub struct SnapshotView {
    /// What the store says about it.
    pub summary: SnapshotSummary,
    /// Its records.
    pub records: CaseRecords,
    /// The month the dashboard reports (the latest complete month).
    pub month: Month,
    /// Children aged 0-17 used for rates (0 when unknown).
    pub population: u64,
    /// Every indicator, in catalogue order.
    pub indicators: Vec<IndicatorView>,
    indicator_index: HashMap<&'static str, usize>,
    child_index: HashMap<String, u32>,
    child_team: Vec<Option<u32>>,
    /// Teams whose worklist holds a task of the child (a child who moved team can be on the old
    /// team's list until the task is done): (child, team), sorted.
    worklist_children: Vec<(u32, u32)>,
    timeline_start: Vec<u32>,
    timeline: Vec<TimelineEntry>,
    /// Outstanding statutory tasks on the extract date.
    pub tasks: Vec<Task>,
    /// Those tasks grouped by team, most overdue first.
    pub worklists: Vec<WorklistGroup>,
    /// Pages rendered once per snapshot (they depend only on it and on disclosure control).
    pub cache: PageCache,
}

/// Record kinds that belong to a child, in the order a timeline lists same-day records.
const CHILD_KINDS: &[&str] = &[
    kinds::CONTACTS,
    kinds::EARLY_HELP,
    kinds::REFERRALS,
    kinds::ASSESSMENTS,
    kinds::STRATEGY_DISCUSSIONS,
    kinds::SECTION47S,
    kinds::CONFERENCES,
    kinds::CP_PLANS,
    kinds::CORE_GROUPS,
    kinds::VISITS,
    kinds::CIN_PLANS,
    kinds::CIN_PLAN_REVIEWS,
    kinds::CLA_EPISODES,
    kinds::CLA_REVIEWS,
    kinds::MISSING,
    kinds::CARE_LEAVERS,
    kinds::PATHWAY_PLANS,
    kinds::PERMANENCE,
    kinds::ALLOCATIONS,
    kinds::SUPERVISIONS,
];

impl SnapshotView {
    /// Computes everything the pages show from a loaded snapshot.
    pub fn compute(loaded: Loaded, targets: Option<&TargetsConfig>) -> Result<SnapshotView> {
        let population = sightline_service::population(
            loaded.summary.la_code,
            loaded.summary.extract_date,
            None,
        )
        .unwrap_or(0);
        let as_of = loaded.summary.extract_date;
        let ctx = sightline_service::context(&loaded, population);
        let lines = sightline_service::indicator_lines(&ctx, as_of, None, targets)?;
        let month = lines.first().map(|l| l.month).unwrap_or(Month::of(as_of));
        let indicators: Vec<IndicatorView> = lines
            .into_iter()
            .map(|line| {
                let dims = line.meta.breakdowns;
                let breakdowns = match line
                    .series
                    .get(sightline_measures::period::Period::Month(month))
                {
                    Some(m) => dims
                        .iter()
                        .copied()
                        .zip(breakdown::breakdowns(&ctx, m, dims))
                        .collect(),
                    None => Vec::new(),
                };
                IndicatorView {
                    area: area_of(line.meta.id),
                    line,
                    breakdowns,
                }
            })
            .collect();
        let indicator_index = indicators
            .iter()
            .enumerate()
            .map(|(i, v)| (v.line.meta.id, i))
            .collect();
        let records = &loaded.records;
        let child_index = records
            .children
            .iter()
            .enumerate()
            .map(|(i, c)| (c.id.as_str().to_owned(), i as u32))
            .collect();
        let child_team = (0..records.children.len() as u32)
            .map(|child| {
                let allocation = ctx.allocation_at_or_before(child, as_of)?;
                let worker = ctx.allocation_worker(allocation)?;
                ctx.worker_team(worker)
            })
            .collect();
        let (timeline_start, timeline) = timelines(&ctx);
        let tasks = timescales::tasks(&ctx, as_of);
        let worklists = timescales::worklist(&tasks, GroupBy::Team);
        let mut worklist_children: Vec<(u32, u32)> = tasks
            .iter()
            .filter_map(|t| Some((t.child, ctx.team(t.team.as_ref()?)?)))
            .collect();
        worklist_children.sort_unstable();
        worklist_children.dedup();
        drop(ctx);
        Ok(SnapshotView {
            summary: loaded.summary,
            records: loaded.records,
            month,
            population,
            indicators,
            indicator_index,
            child_index,
            child_team,
            worklist_children,
            timeline_start,
            timeline,
            tasks,
            worklists,
            cache: PageCache::default(),
        })
    }

    /// An indicator by id.
    pub fn indicator(&self, id: &str) -> Option<&IndicatorView> {
        self.indicator_index
            .get(id)
            .and_then(|&i| self.indicators.get(i))
    }

    /// A child's index by id.
    pub fn child(&self, id: &str) -> Option<u32> {
        self.child_index.get(id).copied()
    }

    /// The id of a child by index (personal data: pages for permitted roles only, never logs).
    pub fn child_id(&self, child: u32) -> Option<&str> {
        self.records
            .children
            .get(child as usize)
            .map(|c| c.id.as_str())
    }

    /// The team (index into `records.teams`) holding a child's case on the extract date: that of
    /// the worker allocated then, or last allocated before.
    pub fn team_of_child(&self, child: u32) -> Option<u32> {
        self.child_team.get(child as usize).copied().flatten()
    }

    /// Whether a child is on a team's worklist.
    pub fn on_worklist_of(&self, child: u32, team: u32) -> bool {
        self.worklist_children.binary_search(&(child, team)).is_ok()
    }

    /// A team's index by id or (case-insensitive) name.
    pub fn team(&self, id_or_name: &str) -> Option<u32> {
        let teams = &self.records.teams;
        teams
            .iter()
            .position(|t| t.id.as_str() == id_or_name)
            .or_else(|| {
                teams
                    .iter()
                    .position(|t| t.name.eq_ignore_ascii_case(id_or_name))
            })
            .map(|i| i as u32)
    }

    /// A team's display name.
    pub fn team_name(&self, team: u32) -> &str {
        self.records
            .teams
            .get(team as usize)
            .map(|t| t.name.as_str())
            .unwrap_or("Unknown team")
    }

    /// The name of a worklist's team.
    pub fn worklist_name(&self, key: &WorklistKey) -> String {
        match key {
            WorklistKey::Team(id) => self
                .team(id.as_str())
                .map(|t| self.team_name(t).to_owned())
                .unwrap_or_else(|| id.as_str().to_owned()),
            WorklistKey::Worker(w) => w.as_str().to_owned(),
            WorklistKey::Unallocated => "Unallocated".to_owned(),
        }
    }

    /// The id of a record of a child's timeline.
    pub fn record_id(&self, record: RecordRef) -> Option<&str> {
        sightline_measures::engine::record_id_in(&self.records, record).map(|x| x.as_str())
    }

    /// A short description of a timeline record: what it was and how it ended.
    pub fn record_detail(&self, record: RecordRef) -> String {
        let r = &self.records;
        let i = record.index as usize;
        let ended = |end: Option<NaiveDate>| match end {
            Some(d) => format!("ended {d}"),
            None => "open".to_owned(),
        };
        let detail = match record.kind {
            kinds::REFERRALS => r.referrals.get(i).map(|x| match x.closure_date {
                Some(d) => format!("closed {d}"),
                None => "open".to_owned(),
            }),
            kinds::ASSESSMENTS => r.assessments.get(i).map(|x| match x.authorised {
                Some(d) => format!("authorised {d}"),
                None => "not authorised".to_owned(),
            }),
            kinds::SECTION47S => r.section47s.get(i).map(|x| ended(x.end)),
            kinds::CIN_PLANS => r.cin_plans.get(i).map(|x| ended(x.end)),
            kinds::EARLY_HELP => r.early_help.get(i).map(|x| ended(x.end)),
            kinds::CLA_EPISODES => r.cla_episodes.get(i).map(|x| {
                format!(
                    "{} ({}); {} ({}); {}",
                    x.legal_status.description(),
                    x.legal_status.code(),
                    x.placement.description(),
                    x.placement.code(),
                    ended(x.end)
                )
            }),
            kinds::MISSING => r.missing.get(i).map(|x| {
                let rhi = match x.rhi_completed {
                    Some(d) => format!("return interview {d}"),
                    None => "no return interview recorded".to_owned(),
                };
                format!("{}; {rhi}", ended(x.end))
            }),
            kinds::VISITS => r.visits.get(i).map(|x| {
                match (x.seen, x.seen_alone) {
                    (true, true) => "child seen, and seen alone",
                    (true, false) => "child seen",
                    _ => "child not seen",
                }
                .to_owned()
            }),
            kinds::ALLOCATIONS => r
                .allocations
                .get(i)
                .map(|x| format!("worker {}; {}", x.worker.as_str(), ended(x.end))),
            _ => None,
        };
        detail.unwrap_or_default()
    }

    /// Every record of a child, in date order (undated records last).
    pub fn timeline(&self, child: u32) -> &[TimelineEntry] {
        let i = child as usize;
        match (self.timeline_start.get(i), self.timeline_start.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.timeline[a as usize..b as usize],
            _ => &[],
        }
    }
}

/// Builds every child's timeline at once: entries grouped by child (offsets in the first vector),
/// each child's in date order.
fn timelines(ctx: &Context) -> (Vec<u32>, Vec<TimelineEntry>) {
    let children = ctx.records.children.len();
    let mut all: Vec<(u32, TimelineEntry)> = Vec::new();
    for (position, &kind) in CHILD_KINDS.iter().enumerate() {
        let resolved = RecordKind::of(kind);
        let count = ctx
            .records
            .counts()
            .into_iter()
            .find(|(label, _)| *label == kind)
            .map(|(_, n)| n)
            .unwrap_or(0);
        for index in 0..count as u32 {
            if let Some(child) = ctx.child_of_record(resolved, index) {
                let date = ctx.record_date_of(resolved, index);
                all.push((
                    child,
                    TimelineEntry {
                        date,
                        kind: position as u8,
                        index,
                    },
                ));
            }
        }
    }
    // A stable sort keeps the kind order for records of the same day.
    all.sort_by_key(|(child, e)| (*child, e.date.is_none(), e.date));
    let mut start = vec![0u32; children + 1];
    for (child, _) in &all {
        start[*child as usize + 1] += 1;
    }
    for i in 0..children {
        start[i + 1] += start[i];
    }
    (start, all.into_iter().map(|(_, e)| e).collect())
}

/// The dashboard's areas, in the order of a child's journey through services.
pub const AREA_ORDER: &[&str] = &[
    "Front door",
    "Early help",
    "Assessment",
    "Children in need",
    "Child protection",
    "Children in care",
    "Placements and sufficiency",
    "Permanence",
    "Care leavers",
    "Workforce",
    "Other measures",
];

/// The dashboard group of an indicator. Until the improvement plan crate gives each indicator
/// its priority, indicators are grouped by the area of practice their id names.
pub fn area_of(id: &str) -> &'static str {
    const AREAS: &[(&str, &str)] = &[
        ("contacts", "Front door"),
        ("referral", "Front door"),
        ("rereferrals", "Front door"),
        ("early_help", "Early help"),
        ("assessments", "Assessment"),
        ("s47", "Child protection"),
        ("icpc", "Child protection"),
        ("initial_core_groups", "Child protection"),
        ("core_groups", "Child protection"),
        ("cp_", "Child protection"),
        ("cin_", "Children in need"),
        ("open_cases", "Children in need"),
        ("cla_", "Children in care"),
        ("missing", "Children in care"),
        ("rhi_", "Children in care"),
        ("placement_", "Children in care"),
        ("foster", "Placements and sufficiency"),
        ("residential", "Placements and sufficiency"),
        ("adoption", "Permanence"),
        ("care_leavers", "Care leavers"),
        ("pathway_plans", "Care leavers"),
        ("average_caseload", "Workforce"),
        ("caseload", "Workforce"),
        ("supervisions", "Workforce"),
    ];
    AREAS
        .iter()
        .find(|(prefix, _)| id.starts_with(prefix))
        .map(|(_, area)| *area)
        .unwrap_or("Other measures")
}

#[cfg(test)]
mod tests {
    use super::area_of;

    #[test]
    fn indicators_are_grouped_by_area() {
        assert_eq!(area_of("contacts_rate_10k"), "Front door");
        assert_eq!(area_of("cla_visits_in_time_pct"), "Children in care");
        assert_eq!(area_of("care_leavers_eet_pct"), "Care leavers");
        assert_eq!(area_of("icpc_15wd_pct"), "Child protection");
        assert_eq!(area_of("something_new"), "Other measures");
    }

    #[test]
    fn every_catalogue_indicator_has_an_area() {
        for i in sightline_measures::indicators::INDICATORS {
            let id = i.meta().id;
            assert_ne!(area_of(id), "Other measures", "{id} has no dashboard area");
            assert!(super::AREA_ORDER.contains(&area_of(id)));
        }
    }
}
