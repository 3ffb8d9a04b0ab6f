//! Reading a plan file: TOML into raw structs (the file's shape), then checked conversion into the
//! model. Every problem is collected, not just the first, and each names the file, the line and
//! the TOML path of the offending value (`priorities[3].actions[2].due`, indexes from 0).
//!
//! The format is documented in `docs/plan-format.md`.

use crate::model::*;
use chrono::NaiveDate;
use serde::Deserialize;
use sightline_measures::benchmarks::{DEFAULT_COUNCIL, SnVersion};
use sightline_measures::indicator::Polarity;
use sightline_measures::period::Month;
use sightline_measures::targets::Tolerance;
use std::collections::HashMap;
use std::fmt;
use std::ops::Range;
use toml::Spanned;

/// One problem in a plan file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlanError {
    /// The file, as the caller named it.
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// TOML path of the value, e.g. `priorities[3].actions[2].due` (empty for syntax errors).
    pub path: String,
    /// What is wrong and what to do.
    pub message: String,
}

impl fmt::Display for PlanError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ":{line}")?;
        }
        if !self.path.is_empty() {
            write!(f, ": {}", self.path)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Every problem found in a plan file (at least one).
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub struct PlanErrors(pub Vec<PlanError>);

impl fmt::Display for PlanErrors {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let n = self.0.len();
        write!(
            f,
            "{n} problem{} in the plan file",
            if n == 1 { "" } else { "s" }
        )?;
        for e in &self.0 {
            write!(f, "\n  {e}")?;
        }
        Ok(())
    }
}

/// Parses and validates a plan. `file` names the file in messages.
pub fn parse_plan(file: &str, text: &str) -> Result<Plan, PlanErrors> {
    let mut cx = Cx {
        file,
        text,
        errors: Vec::new(),
    };
    let raw: RawFile = match toml::from_str(text) {
        Ok(raw) => raw,
        Err(e) => {
            let span = e.span();
            cx.error(String::new(), span, e.message().trim().to_owned());
            return Err(PlanErrors(cx.errors));
        }
    };
    let plan = convert(&mut cx, raw);
    if cx.errors.is_empty() {
        Ok(plan)
    } else {
        Err(PlanErrors(cx.errors))
    }
}

/// Whether a TOML text looks like a plan file (has a `[plan]` table) rather than a bare targets
/// file, so a `--targets` option can accept either.
pub fn looks_like_plan(text: &str) -> bool {
    text.lines().any(|l| l.trim() == "[plan]")
}

/// Checks one progress update against a plan (the priority and action exist, the commentary is
/// not empty): what the web app calls before appending an update to the store.
pub fn check_update(plan: &Plan, update: &ProgressUpdate) -> Result<(), String> {
    let Some(priority) = plan.priority(&update.priority) else {
        return Err(format!("no priority `{}` in the plan", update.priority));
    };
    if let Some(action) = &update.action
        && !priority.actions.iter().any(|a| &a.id == action)
    {
        return Err(format!(
            "no action `{action}` in priority `{}`",
            priority.id
        ));
    }
    if update.author.trim().is_empty() {
        return Err("the author is empty".to_owned());
    }
    if update.commentary.trim().is_empty() {
        return Err("the commentary is empty".to_owned());
    }
    Ok(())
}

struct Cx<'a> {
    file: &'a str,
    text: &'a str,
    errors: Vec<PlanError>,
}

impl Cx<'_> {
    fn error(&mut self, path: String, span: Option<Range<usize>>, message: String) {
        let line = span.map(|s| line_of(self.text, s.start));
        self.errors.push(PlanError {
            file: self.file.to_owned(),
            line,
            path,
            message,
        });
    }

    fn at<T>(&mut self, path: String, value: &Spanned<T>, message: String) {
        self.error(path, Some(value.span()), message);
    }

    fn non_empty(&mut self, path: String, value: &Spanned<String>) -> String {
        if value.get_ref().trim().is_empty() {
            self.at(path, value, "must not be empty".to_owned());
        }
        value.get_ref().trim().to_owned()
    }

    fn date(&mut self, path: String, value: &Spanned<toml::Value>) -> Option<NaiveDate> {
        let parsed = match value.get_ref() {
            toml::Value::Datetime(dt) if dt.time.is_none() && dt.offset.is_none() => {
                dt.date.and_then(|d| {
                    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
                })
            }
            toml::Value::String(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").ok(),
            _ => None,
        };
        if parsed.is_none() {
            let shown = value.get_ref().to_string();
            self.at(
                path,
                value,
                format!("expected a date such as 2019-12-31, found {shown}"),
            );
        }
        parsed
    }

    fn month(&mut self, path: String, value: &Spanned<String>) -> Option<Month> {
        let parsed = Month::parse(value.get_ref().trim());
        if parsed.is_none() {
            let found = value.get_ref();
            self.at(
                path,
                value,
                format!("expected a month as \"YYYY-MM\", found {found:?}"),
            );
        }
        parsed
    }

    fn tolerance(
        &mut self,
        path: &str,
        points: Option<&Spanned<f64>>,
        percent: Option<&Spanned<f64>>,
    ) -> Option<Tolerance> {
        let (key, spanned, tolerance) = match (points, percent) {
            (Some(_), Some(percent)) => {
                let message = "set `tolerance_points` or `tolerance_percent`, not both".to_owned();
                self.at(format!("{path}tolerance_percent"), percent, message);
                return None;
            }
            (Some(p), None) => ("tolerance_points", p, Tolerance::Points(*p.get_ref())),
            (None, Some(p)) => ("tolerance_percent", p, Tolerance::Percent(*p.get_ref())),
            (None, None) => return None,
        };
        let v = *spanned.get_ref();
        if !(v.is_finite() && v >= 0.0) {
            let message = "must be a number of 0 or more".to_owned();
            self.at(format!("{path}{key}"), spanned, message);
            return None;
        }
        Some(tolerance)
    }

    /// Records duplicates among `ids` (path of each, value).
    fn unique(&mut self, what: &str, ids: &[(String, &Spanned<String>)]) {
        let mut seen: HashMap<&str, &str> = HashMap::new();
        for (path, id) in ids {
            let key = id.get_ref().trim();
            if key.is_empty() {
                continue;
            }
            match seen.get(key) {
                Some(first) => {
                    let message = format!("duplicate {what} id `{key}` (first used at {first})");
                    self.at(format!("{path}.id"), id, message);
                }
                None => {
                    seen.insert(key, path);
                }
            }
        }
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    let end = offset.min(text.len());
    text.as_bytes()[..end]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn convert(cx: &mut Cx, raw: RawFile) -> Plan {
    let h = &raw.plan;
    let title = cx.non_empty("plan.title".into(), &h.title);
    let council = cx.non_empty("plan.council".into(), &h.council);
    let start = cx.date("plan.start".into(), &h.start);
    let end = cx.date("plan.end".into(), &h.end);
    if let (Some(s), Some(e)) = (start, end)
        && s > e
    {
        cx.at(
            "plan.end".into(),
            &h.end,
            format!("the plan ends ({e}) before it starts ({s})"),
        );
    }
    let (start, end) = (
        start.unwrap_or(NaiveDate::MIN),
        end.unwrap_or(NaiveDate::MAX),
    );
    let la_code = match &h.la_code {
        None => DEFAULT_COUNCIL,
        Some(code) => match code.get_ref().trim().parse() {
            Ok(la) => la,
            Err(_) => {
                let found = code.get_ref();
                let message =
                    format!("expected a 3-digit DfE LA number such as \"382\", found {found:?}");
                cx.at("plan.la_code".into(), code, message);
                DEFAULT_COUNCIL
            }
        },
    };
    let statistical_neighbours = match &h.statistical_neighbours {
        None => SnVersion::default(),
        Some(sn) => SnVersion::parse(sn.get_ref().trim()).unwrap_or_else(|| {
            let found = sn.get_ref();
            let message = format!("expected \"may-2025\" or \"april-2021\", found {found:?}");
            cx.at("plan.statistical_neighbours".into(), sn, message);
            SnVersion::default()
        }),
    };
    let tolerance = cx
        .tolerance(
            "plan.",
            h.tolerance_points.as_ref(),
            h.tolerance_percent.as_ref(),
        )
        .unwrap_or(Tolerance::DEFAULT);

    let phases = convert_phases(cx, &raw.phases);
    let inspections = convert_inspections(cx, &raw.inspections);
    let recommendations = convert_recommendations(cx, &raw.recommendations, &inspections);
    let rec_ids: Vec<String> = recommendations.iter().map(|r| r.id.clone()).collect();
    let period = (start, end);
    let priorities: Vec<Priority> = raw
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| convert_priority(cx, i, p, &rec_ids, period))
        .collect();
    let ids: Vec<(String, &Spanned<String>)> = raw
        .priorities
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("priorities[{i}]"), &p.id))
        .collect();
    cx.unique("priority", &ids);
    check_target_overlaps(cx, &priorities, start, end);
    let governance = convert_governance(cx, &raw.governance);
    let mut plan = Plan {
        title,
        council,
        la_code,
        start,
        end,
        statistical_neighbours,
        tolerance,
        phases,
        inspections,
        recommendations,
        priorities,
        governance,
        updates: Vec::new(),
    };
    plan.updates = convert_updates(cx, &raw.updates, &plan);
    plan
}

/// One indicator may carry targets in several measures only for months that do not overlap;
/// otherwise which target rates a month would depend on file order.
fn check_target_overlaps(cx: &mut Cx, priorities: &[Priority], start: NaiveDate, end: NaiveDate) {
    let (first, last) = (Month::of(start), Month::of(end));
    let mut seen: Vec<(&str, Month, Month, String)> = Vec::new();
    for (i, p) in priorities.iter().enumerate() {
        for (j, m) in p.measures.iter().enumerate() {
            let (Some(id), true) = (&m.indicator, m.target.is_some() || m.stretch.is_some()) else {
                continue;
            };
            let (from, to) = (m.from.unwrap_or(first), m.to.unwrap_or(last));
            let path = format!("priorities[{i}].measures[{j}]");
            if let Some((_, _, _, other)) = seen
                .iter()
                .find(|(o, f, t, _)| *o == id.as_str() && *f <= to && from <= *t)
            {
                let message = format!(
                    "`{id}` already has a target for these months at {other}: give each target its own `from`/`to`"
                );
                cx.errors.push(PlanError {
                    file: cx.file.to_owned(),
                    line: Some(m.line),
                    path: format!("{path}.indicator"),
                    message,
                });
            } else {
                seen.push((id, from, to, path));
            }
        }
    }
}

fn convert_phases(cx: &mut Cx, raw: &[RawPhase]) -> Vec<Phase> {
    let ids: Vec<(String, &Spanned<String>)> = raw
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("phases[{i}]"), &p.id))
        .collect();
    cx.unique("phase", &ids);
    raw.iter()
        .enumerate()
        .map(|(i, p)| Phase {
            id: cx.non_empty(format!("phases[{i}].id"), &p.id),
            name: cx.non_empty(format!("phases[{i}].name"), &p.name),
            start: cx
                .date(format!("phases[{i}].start"), &p.start)
                .unwrap_or(NaiveDate::MIN),
            subtitle: p.subtitle.clone(),
            description: p.description.clone(),
            milestones: p.milestones.clone(),
        })
        .collect()
}

fn convert_inspections(cx: &mut Cx, raw: &[RawInspection]) -> Vec<Inspection> {
    let ids: Vec<(String, &Spanned<String>)> = raw
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("inspections[{i}]"), &p.id))
        .collect();
    cx.unique("inspection", &ids);
    raw.iter()
        .enumerate()
        .map(|(i, r)| Inspection {
            id: cx.non_empty(format!("inspections[{i}].id"), &r.id),
            body: r.body.trim().to_owned(),
            title: r.title.trim().to_owned(),
            date: cx
                .date(format!("inspections[{i}].date"), &r.date)
                .unwrap_or(NaiveDate::MIN),
            judgements: r
                .judgements
                .iter()
                .map(|j| Judgement {
                    area: j.area.trim().to_owned(),
                    grade: j.grade.trim().to_owned(),
                })
                .collect(),
        })
        .collect()
}

fn convert_recommendations(
    cx: &mut Cx,
    raw: &[RawRecommendation],
    inspections: &[Inspection],
) -> Vec<Recommendation> {
    let ids: Vec<(String, &Spanned<String>)> = raw
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("recommendations[{i}]"), &p.id))
        .collect();
    cx.unique("recommendation", &ids);
    raw.iter()
        .enumerate()
        .map(|(i, r)| {
            let inspection = r.inspection.as_ref().map(|ins| {
                let id = ins.get_ref().trim().to_owned();
                if !inspections.iter().any(|x| x.id == id) {
                    let message =
                        format!("unknown inspection `{id}`: list it under [[inspections]]");
                    cx.at(format!("recommendations[{i}].inspection"), ins, message);
                }
                id
            });
            Recommendation {
                id: cx.non_empty(format!("recommendations[{i}].id"), &r.id),
                body: r.body.trim().to_owned(),
                inspection,
                text: cx.non_empty(format!("recommendations[{i}].text"), &r.text),
            }
        })
        .collect()
}

/// Checks references to recommendations; returns the ids.
fn references(cx: &mut Cx, path: &str, refs: &[Spanned<String>], known: &[String]) -> Vec<String> {
    refs.iter()
        .enumerate()
        .map(|(k, r)| {
            let id = r.get_ref().trim().to_owned();
            if !known.contains(&id) {
                let message = format!(
                    "unknown recommendation reference `{id}` (known: {})",
                    if known.is_empty() {
                        "none".to_owned()
                    } else {
                        known.join(", ")
                    }
                );
                cx.at(format!("{path}[{k}]"), r, message);
            }
            id
        })
        .collect()
}

fn convert_priority(
    cx: &mut Cx,
    i: usize,
    p: &RawPriority,
    rec_ids: &[String],
    (start, end): (NaiveDate, NaiveDate),
) -> Priority {
    let path = format!("priorities[{i}]");
    let owner = cx.non_empty(format!("{path}.owner"), &p.owner);
    let alignment = references(cx, &format!("{path}.alignment"), &p.alignment, rec_ids);
    let ids: Vec<(String, &Spanned<String>)> = p
        .actions
        .iter()
        .enumerate()
        .map(|(j, a)| (format!("{path}.actions[{j}]"), &a.id))
        .collect();
    cx.unique("action", &ids);
    let actions = p
        .actions
        .iter()
        .enumerate()
        .map(|(j, a)| {
            let apath = format!("{path}.actions[{j}]");
            let due = a.due.as_ref().and_then(|due| {
                let date = cx.date(format!("{apath}.due"), due)?;
                if date < start || date > end {
                    let message =
                        format!("due date {date} is outside the plan period ({start} to {end})");
                    cx.at(format!("{apath}.due"), due, message);
                }
                Some(date)
            });
            let status = match &a.status {
                None => ActionStatus::NotStarted,
                Some(s) => ActionStatus::parse(s.get_ref()).unwrap_or_else(|| {
                    cx.at(format!("{apath}.status"), s, unknown_status(s.get_ref()));
                    ActionStatus::NotStarted
                }),
            };
            Action {
                id: cx.non_empty(format!("{apath}.id"), &a.id),
                text: cx.non_empty(format!("{apath}.text"), &a.text),
                details: a.details.clone(),
                owner: a
                    .owner
                    .as_ref()
                    .map(|o| o.trim().to_owned())
                    .filter(|o| !o.is_empty())
                    .unwrap_or_else(|| owner.clone()),
                due,
                recommendations: references(
                    cx,
                    &format!("{apath}.recommendations"),
                    &a.recommendations,
                    rec_ids,
                ),
                status,
            }
        })
        .collect();
    let measures = p
        .measures
        .iter()
        .enumerate()
        .map(|(j, m)| convert_measure(cx, &format!("{path}.measures[{j}]"), m))
        .collect();
    Priority {
        id: cx.non_empty(format!("{path}.id"), &p.id),
        title: cx.non_empty(format!("{path}.title"), &p.title),
        owner,
        alignment,
        alignment_note: p.alignment_note.clone(),
        aims: p.aims.clone(),
        actions,
        measures,
    }
}

fn unknown_status(found: &str) -> String {
    let names: Vec<String> = ActionStatus::ALL
        .iter()
        .map(|s| format!("\"{}\"", s.name()))
        .collect();
    format!(
        "unknown status {found:?}: expected one of {}",
        names.join(", ")
    )
}

fn convert_measure(cx: &mut Cx, path: &str, m: &RawMeasure) -> SuccessMeasure {
    let text = cx.non_empty(format!("{path}.text"), &m.text);
    let indicator = m.indicator.as_ref().map(|i| {
        let id = i.get_ref().trim().to_owned();
        if id.is_empty() {
            cx.at(format!("{path}.indicator"), i, "must not be empty".into());
        }
        id
    });
    for (key, value) in [("target", &m.target), ("stretch", &m.stretch)] {
        if let Some(v) = value {
            if !v.get_ref().is_finite() {
                cx.at(format!("{path}.{key}"), v, "must be a finite number".into());
            }
            if indicator.is_none() {
                let message = "a target needs an `indicator` to be judged against".to_owned();
                cx.at(format!("{path}.{key}"), v, message);
            }
        }
    }
    let polarity = m.polarity.as_ref().and_then(|p| {
        let parsed = [Polarity::High, Polarity::Low, Polarity::NotApplicable]
            .into_iter()
            .find(|x| x.name() == p.get_ref().trim());
        if parsed.is_none() {
            let found = p.get_ref();
            let message = format!("expected \"high\", \"low\" or \"n/a\", found {found:?}");
            cx.at(format!("{path}.polarity"), p, message);
        }
        parsed
    });
    let tolerance = cx.tolerance(
        &format!("{path}."),
        m.tolerance_points.as_ref(),
        m.tolerance_percent.as_ref(),
    );
    let from = m
        .from
        .as_ref()
        .and_then(|v| cx.month(format!("{path}.from"), v));
    let to =
        m.to.as_ref()
            .and_then(|v| cx.month(format!("{path}.to"), v));
    if let (Some(f), Some(t), Some(span)) = (from, to, m.to.as_ref())
        && f > t
    {
        cx.at(
            format!("{path}.to"),
            span,
            format!("`from` {f} is after `to` {t}"),
        );
    }
    SuccessMeasure {
        text,
        indicator,
        target: m.target.as_ref().map(|v| *v.get_ref()),
        stretch: m.stretch.as_ref().map(|v| *v.get_ref()),
        polarity,
        tolerance,
        from,
        to,
        update: m.update.clone(),
        note: m.note.clone(),
        line: line_of(cx.text, m.text.span().start),
    }
}

fn convert_governance(cx: &mut Cx, raw: &[RawBody]) -> Vec<GovernanceBody> {
    let ids: Vec<(String, &Spanned<String>)> = raw
        .iter()
        .enumerate()
        .map(|(i, p)| (format!("governance[{i}]"), &p.id))
        .collect();
    cx.unique("governance body", &ids);
    raw.iter()
        .enumerate()
        .map(|(i, b)| {
            let receives = b
                .receives
                .iter()
                .enumerate()
                .map(|(k, r)| {
                    let rpath = format!("governance[{i}].receives[{k}]");
                    let name = r.report.get_ref().trim();
                    let report = match name {
                        "board-pack" => ReportKind::BoardPack,
                        "children-in-care" => ReportKind::ChildrenInCare,
                        "worklists" => ReportKind::Worklists,
                        "data-quality" => ReportKind::DataQuality,
                        "other" => match r.title.as_deref().map(str::trim) {
                            Some(t) if !t.is_empty() => ReportKind::Other(t.to_owned()),
                            _ => {
                                let message = "a report `other` needs a `title`".to_owned();
                                cx.at(format!("{rpath}.report"), &r.report, message);
                                ReportKind::Other(String::new())
                            }
                        },
                        _ => {
                            let message = format!(
                                "unknown report {name:?}: expected \"board-pack\", \"children-in-care\", \"worklists\", \"data-quality\" or \"other\" with a `title`"
                            );
                            cx.at(format!("{rpath}.report"), &r.report, message);
                            ReportKind::Other(name.to_owned())
                        }
                    };
                    let frequency = Frequency::ALL
                        .into_iter()
                        .find(|f| f.name() == r.frequency.get_ref().trim())
                        .unwrap_or_else(|| {
                            let names: Vec<String> =
                                Frequency::ALL.iter().map(|f| format!("\"{}\"", f.name())).collect();
                            let found = r.frequency.get_ref();
                            let message = format!(
                                "unknown frequency {found:?}: expected one of {}",
                                names.join(", ")
                            );
                            cx.at(format!("{rpath}.frequency"), &r.frequency, message);
                            Frequency::AsRequired
                        });
                    ReportSchedule {
                        report,
                        frequency,
                        note: r.note.clone(),
                    }
                })
                .collect();
            GovernanceBody {
                id: cx.non_empty(format!("governance[{i}].id"), &b.id),
                name: cx.non_empty(format!("governance[{i}].name"), &b.name),
                role: b.role.trim().to_owned(),
                chair: b.chair.clone(),
                receives,
            }
        })
        .collect()
}

fn convert_updates(cx: &mut Cx, raw: &[RawUpdate], plan: &Plan) -> Vec<ProgressUpdate> {
    let mut previous: Option<NaiveDate> = None;
    raw.iter()
        .enumerate()
        .filter_map(|(i, u)| {
            let path = format!("updates[{i}]");
            let date = cx.date(format!("{path}.date"), &u.date);
            if let (Some(d), Some(p)) = (date, previous)
                && d < p
            {
                let message = format!(
                    "dated {d}, before the update above it ({p}): the log is append-only, add new updates at the end in date order"
                );
                cx.at(format!("{path}.date"), &u.date, message);
            }
            previous = date.or(previous);
            let rag = ProgressRag::parse(u.rag.get_ref()).or_else(|| {
                let found = u.rag.get_ref();
                let message = format!("unknown rag {found:?}: expected \"red\", \"amber\" or \"green\"");
                cx.at(format!("{path}.rag"), &u.rag, message);
                None
            });
            let status = u.status.as_ref().and_then(|s| {
                let parsed = ActionStatus::parse(s.get_ref());
                if parsed.is_none() {
                    cx.at(format!("{path}.status"), s, unknown_status(s.get_ref()));
                }
                parsed
            });
            if status.is_some() && u.action.is_none() {
                let message = "a status belongs to an action: set `action` too".to_owned();
                if let Some(s) = &u.status {
                    cx.at(format!("{path}.status"), s, message);
                }
            }
            let author = cx.non_empty(format!("{path}.author"), &u.author);
            let commentary = cx.non_empty(format!("{path}.commentary"), &u.commentary);
            let priority_id = u.priority.get_ref().trim().to_owned();
            let Some(priority) = plan.priority(&priority_id) else {
                let message = format!("unknown priority `{priority_id}`");
                cx.at(format!("{path}.priority"), &u.priority, message);
                return None;
            };
            let action = u.action.as_ref().map(|a| a.get_ref().trim().to_owned());
            if let (Some(id), Some(spanned)) = (&action, &u.action)
                && !priority.actions.iter().any(|a| &a.id == id)
            {
                let message = format!("unknown action `{id}` in priority `{priority_id}`");
                cx.at(format!("{path}.action"), spanned, message);
                return None;
            }
            let update = ProgressUpdate {
                date: date?,
                author,
                priority: priority_id,
                action,
                rag: rag?,
                status,
                commentary,
            };
            Some(update)
        })
        .collect()
}

// The file's shape. Unknown keys are errors, so a misspelt key never silently drops a value.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawFile {
    plan: RawHeader,
    #[serde(default)]
    phases: Vec<RawPhase>,
    #[serde(default)]
    inspections: Vec<RawInspection>,
    #[serde(default)]
    recommendations: Vec<RawRecommendation>,
    #[serde(default)]
    priorities: Vec<RawPriority>,
    #[serde(default)]
    governance: Vec<RawBody>,
    #[serde(default)]
    updates: Vec<RawUpdate>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawHeader {
    title: Spanned<String>,
    council: Spanned<String>,
    la_code: Option<Spanned<String>>,
    start: Spanned<toml::Value>,
    end: Spanned<toml::Value>,
    statistical_neighbours: Option<Spanned<String>>,
    tolerance_points: Option<Spanned<f64>>,
    tolerance_percent: Option<Spanned<f64>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPhase {
    id: Spanned<String>,
    name: Spanned<String>,
    start: Spanned<toml::Value>,
    subtitle: Option<String>,
    description: Option<String>,
    #[serde(default)]
    milestones: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawInspection {
    id: Spanned<String>,
    body: String,
    title: String,
    date: Spanned<toml::Value>,
    #[serde(default)]
    judgements: Vec<RawJudgement>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJudgement {
    area: String,
    grade: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRecommendation {
    id: Spanned<String>,
    body: String,
    inspection: Option<Spanned<String>>,
    text: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawPriority {
    id: Spanned<String>,
    title: Spanned<String>,
    owner: Spanned<String>,
    #[serde(default)]
    alignment: Vec<Spanned<String>>,
    alignment_note: Option<String>,
    #[serde(default)]
    aims: Vec<String>,
    #[serde(default)]
    actions: Vec<RawAction>,
    #[serde(default)]
    measures: Vec<RawMeasure>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawAction {
    id: Spanned<String>,
    text: Spanned<String>,
    #[serde(default)]
    details: Vec<String>,
    owner: Option<String>,
    due: Option<Spanned<toml::Value>>,
    #[serde(default)]
    recommendations: Vec<Spanned<String>>,
    status: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawMeasure {
    text: Spanned<String>,
    indicator: Option<Spanned<String>>,
    target: Option<Spanned<f64>>,
    stretch: Option<Spanned<f64>>,
    polarity: Option<Spanned<String>>,
    tolerance_points: Option<Spanned<f64>>,
    tolerance_percent: Option<Spanned<f64>>,
    from: Option<Spanned<String>>,
    to: Option<Spanned<String>>,
    update: Option<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawBody {
    id: Spanned<String>,
    name: Spanned<String>,
    role: String,
    chair: Option<String>,
    #[serde(default)]
    receives: Vec<RawSchedule>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSchedule {
    report: Spanned<String>,
    title: Option<String>,
    frequency: Spanned<String>,
    note: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawUpdate {
    date: Spanned<toml::Value>,
    author: Spanned<String>,
    priority: Spanned<String>,
    action: Option<Spanned<String>>,
    rag: Spanned<String>,
    status: Option<Spanned<String>>,
    commentary: Spanned<String>,
}
