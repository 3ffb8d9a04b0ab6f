//! Builds the rows of each Annex A list from the model, as typed cell values, for the xlsx and
//! CSV writers alike.
//!
//! Windows are inclusive and look back from the extract date: "the last 6 months" is from the
//! same day six calendar months earlier up to the extract date; "the last 12 months" likewise.

use std::hash::{BuildHasherDefault, Hasher};

use chrono::{Months, NaiveDate};
use sightline_model::codes::*;
use sightline_model::records::*;
use sightline_model::{CaseRecords, age_on};

use super::categories as cat;
use super::lists::{self, ListSpec};
use crate::ExtractSpec;

/// Maps keyed by child and worker ids. The ids are short strings from our own records, so a
/// fast non-keyed hash does; SipHash was a fifth of the time taken to write the workbook.
type HashMap<K, V> = std::collections::HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The Fx hash (as used in rustc): a word at a time, rotate, xor, multiply.
#[derive(Clone, Copy, Default)]
struct FxHasher(u64);

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(word);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = words.remainder();
        if !rest.is_empty() {
            // The last byte carries the length, so trailing zero bytes still count.
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            buf[7] = rest.len() as u8;
            self.add(u64::from_le_bytes(buf));
        }
    }

    fn write_u8(&mut self, byte: u8) {
        self.add(u64::from(byte));
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The multiply leaves the high bits best mixed; the table indexes by the low bits.
        self.0.rotate_left(26)
    }
}

/// One cell of a list.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Value {
    Empty,
    Text(String),
    Date(NaiveDate),
    Number(i64),
}

impl Value {
    /// Text as written to CSV (dates `dd/mm/yyyy`).
    pub(crate) fn to_csv(&self) -> String {
        match self {
            Value::Empty => String::new(),
            Value::Text(t) => t.clone(),
            Value::Date(d) => crate::ssd::cells::format_dmy_date(*d),
            Value::Number(n) => n.to_string(),
        }
    }
}

fn text(s: impl Into<String>) -> Value {
    Value::Text(s.into())
}

fn opt_text(s: Option<impl Into<String>>) -> Value {
    s.map_or(Value::Empty, text)
}

fn date(d: Option<NaiveDate>) -> Value {
    d.map_or(Value::Empty, Value::Date)
}

fn count(n: usize) -> Value {
    Value::Number(i64::try_from(n).unwrap_or(i64::MAX))
}

/// A list and its rows, each row in the list's column order.
pub(crate) struct Sheet {
    pub list: &'static ListSpec,
    pub rows: Vec<Vec<Value>>,
}

/// A row under construction: cells are set by heading so the code reads like the template.
struct RowBuilder {
    list: &'static ListSpec,
    cells: Vec<Value>,
}

impl RowBuilder {
    fn new(list: &'static ListSpec) -> RowBuilder {
        RowBuilder {
            list,
            cells: vec![Value::Empty; list.columns.len()],
        }
    }

    fn set(&mut self, heading: &str, value: Value) -> &mut Self {
        if let Some(cell) = self.cells.get_mut(self.list.col(heading)) {
            *cell = value;
        }
        self
    }
}

/// Everything the lists look up about a child and around it, indexed once.
struct Context<'a> {
    extract: NaiveDate,
    six_months_ago: NaiveDate,
    twelve_months_ago: NaiveDate,
    la: sightline_model::ids::LaCode,
    children: HashMap<&'a str, &'a Child>,
    team_names: HashMap<&'a str, &'a str>,
    worker_teams: HashMap<&'a str, &'a str>,
    allocations: HashMap<&'a str, Vec<&'a Allocation>>,
    visits: HashMap<&'a str, Vec<&'a Visit>>,
    referrals: HashMap<&'a str, Vec<&'a Referral>>,
    episodes: HashMap<&'a str, Vec<&'a ClaEpisode>>,
    section47s: HashMap<&'a str, Vec<&'a Section47>>,
    conferences: HashMap<&'a str, Vec<&'a ChildProtectionConference>>,
    cp_plans: HashMap<&'a str, Vec<&'a ChildProtectionPlan>>,
    cin_plans: HashMap<&'a str, Vec<&'a CinPlan>>,
    assessments: HashMap<&'a str, Vec<&'a Assessment>>,
    cla_reviews: HashMap<&'a str, Vec<&'a ClaReview>>,
    missing: HashMap<&'a str, Vec<&'a MissingEpisode>>,
    pathway_plans: HashMap<&'a str, Vec<&'a PathwayPlan>>,
    records: &'a CaseRecords,
}

/// The records of one child in a per-child index (none when the child has none).
fn of<'m, T>(map: &'m HashMap<&str, Vec<T>>, child: &str) -> &'m [T] {
    map.get(child).map_or(&[], Vec::as_slice)
}

/// Groups records by child, keeping their order.
fn by_child<'a, T>(
    items: &'a [T],
    child: impl Fn(&'a T) -> &'a str,
) -> HashMap<&'a str, Vec<&'a T>> {
    let mut map: HashMap<&str, Vec<&T>> = HashMap::default();
    for item in items {
        map.entry(child(item)).or_default().push(item);
    }
    map
}

impl<'a> Context<'a> {
    fn new(records: &'a CaseRecords, spec: &ExtractSpec) -> Context<'a> {
        let extract = spec.extract_date;
        let back = |months| {
            extract
                .checked_sub_months(Months::new(months))
                .unwrap_or(NaiveDate::MIN)
        };
        let mut episodes = by_child(&records.cla_episodes, |e| e.child.as_str());
        for list in episodes.values_mut() {
            list.sort_by_key(|e| e.start);
        }
        Context {
            extract,
            six_months_ago: back(6),
            twelve_months_ago: back(12),
            la: spec.council.la_code,
            children: records
                .children
                .iter()
                .map(|c| (c.id.as_str(), c))
                .collect(),
            team_names: records
                .teams
                .iter()
                .map(|t| (t.id.as_str(), t.name.as_str()))
                .collect(),
            worker_teams: records
                .workers
                .iter()
                .map(|w| (w.id.as_str(), w.team.as_str()))
                .collect(),
            allocations: by_child(&records.allocations, |a| a.child.as_str()),
            visits: by_child(&records.visits, |v| v.child.as_str()),
            referrals: by_child(&records.referrals, |r| r.child.as_str()),
            episodes,
            section47s: by_child(&records.section47s, |s| s.child.as_str()),
            conferences: by_child(&records.conferences, |c| c.child.as_str()),
            cp_plans: by_child(&records.cp_plans, |p| p.child.as_str()),
            cin_plans: by_child(&records.cin_plans, |p| p.child.as_str()),
            assessments: by_child(&records.assessments, |a| a.child.as_str()),
            cla_reviews: by_child(&records.cla_reviews, |r| r.child.as_str()),
            missing: by_child(&records.missing, |m| m.child.as_str()),
            pathway_plans: by_child(&records.pathway_plans, |p| p.child.as_str()),
            records,
        }
    }

    fn in_six_months(&self, d: NaiveDate) -> bool {
        self.six_months_ago <= d && d <= self.extract
    }

    fn in_twelve_months(&self, d: NaiveDate) -> bool {
        self.twelve_months_ago <= d && d <= self.extract
    }

    /// The child columns every list starts with, and the disability answer when the list has it.
    fn child_row(&self, list: &'static ListSpec, child: &str) -> RowBuilder {
        let mut row = RowBuilder::new(list);
        row.set(lists::CHILD_ID, text(child));
        match self.children.get(child) {
            Some(c) => {
                row.set(lists::GENDER, text(cat::gender_text(c.sex)))
                    .set(lists::ETHNICITY, text(cat::ethnicity_text(c.ethnicity)))
                    .set(lists::DOB, date(c.date_of_birth))
                    .set(
                        lists::AGE,
                        c.date_of_birth
                            .filter(|b| *b <= self.extract)
                            .map_or(Value::Empty, |b| {
                                Value::Number(age_on(b, self.extract).into())
                            }),
                    );
                if list
                    .columns
                    .iter()
                    .any(|col| col.heading == lists::DISABILITY)
                {
                    row.set(
                        lists::DISABILITY,
                        text(cat::yes_no_text(!c.disabilities.is_empty())),
                    );
                }
            }
            None => {
                if list
                    .columns
                    .iter()
                    .any(|col| col.heading == lists::DISABILITY)
                {
                    row.set(lists::DISABILITY, text("c) Unknown"));
                }
            }
        }
        row
    }

    /// The worker allocated at the extract date (latest start) and that worker's team name.
    fn allocated(&self, child: &str) -> (Option<&'a str>, Option<&'a str>) {
        let worker = self
            .allocations
            .get(child)
            .and_then(|list| {
                list.iter()
                    .filter(|a| a.start <= self.extract && a.end.is_none_or(|e| e >= self.extract))
                    .max_by_key(|a| a.start)
            })
            .map(|a| a.worker.as_str());
        let team = worker
            .and_then(|w| self.worker_teams.get(w))
            .map(|t| self.team_names.get(t).copied().unwrap_or(t));
        (team, worker)
    }

    fn set_allocation(&self, row: &mut RowBuilder, child: &str, team: Option<&str>) {
        let (allocated_team, worker) = self.allocated(child);
        let team = team
            .map(|t| self.team_names.get(t).copied().unwrap_or(t))
            .or(allocated_team);
        row.set(lists::TEAM, opt_text(team))
            .set(lists::WORKER, opt_text(worker));
    }

    /// The latest visit of a kind where the child was seen, dated within `from..=to`.
    fn last_seen_visit(
        &self,
        child: &str,
        kind: VisitKind,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Option<&'a Visit> {
        of(&self.visits, child)
            .iter()
            .filter(|v| v.kind == kind && v.seen && from <= v.date && v.date <= to)
            .max_by_key(|v| v.date)
            .copied()
    }
}

/// Builds all eleven lists.
pub(crate) fn build(records: &CaseRecords, spec: &ExtractSpec) -> Vec<Sheet> {
    let cx = Context::new(records, spec);
    vec![
        list_1(&cx),
        list_2(&cx),
        list_3(&cx),
        list_4(&cx),
        list_5(&cx),
        list_6(&cx),
        list_7(&cx),
        list_8(&cx),
        list_9(&cx),
        list_10(&cx),
        list_11(&cx),
    ]
}

fn list_1(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_1;
    let rows = cx
        .records
        .contacts
        .iter()
        .filter(|c| cx.in_six_months(c.date))
        .map(|c| {
            let mut row = cx.child_row(list, c.child.as_str());
            row.set("Date of Contact", Value::Date(c.date))
                .set("Contact Source", text(cat::source_text(c.source)));
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

fn list_2(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_2;
    let rows = cx
        .records
        .early_help
        .iter()
        .filter(|e| {
            let open_now = e.start <= cx.extract && e.end.is_none_or(|end| end >= cx.extract);
            cx.in_six_months(e.start) || open_now
        })
        .map(|e| {
            let mut row = cx.child_row(list, e.child.as_str());
            row.set("Assessment start date", Value::Date(e.start))
                .set("Assessment completion date", date(e.end))
                .set(
                    "Organisation completing assessment",
                    opt_text(e.organisation.as_deref()),
                );
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

fn list_3(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_3;
    let rows = cx
        .records
        .referrals
        .iter()
        .filter(|r| cx.in_six_months(r.date))
        .map(|r| {
            let year_before = r
                .date
                .checked_sub_months(Months::new(12))
                .unwrap_or(NaiveDate::MIN);
            let previous = cx.referrals.get(r.child.as_str()).map_or(0, |list| {
                list.iter()
                    .filter(|p| year_before <= p.date && p.date < r.date)
                    .count()
            });
            let mut row = cx.child_row(list, r.child.as_str());
            row.set("Date of Referral", Value::Date(r.date))
                .set("Referral Source", text(cat::source_text(r.source)))
                .set("Referral NFA?", text(cat::yes_no_text(r.nfa)))
                .set("Number of Referrals in Last 12 Months", count(previous));
            cx.set_allocation(
                &mut row,
                r.child.as_str(),
                r.team.as_ref().map(|t| t.as_str()),
            );
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

/// Whether an assessment found the child needed social care support: yes for outcomes that keep
/// the child with social care, no for no further action or early help.
fn needs_support(outcome: AssessmentOutcome) -> bool {
    !matches!(
        outcome,
        AssessmentOutcome::NoFurtherAction | AssessmentOutcome::EarlyHelp
    )
}

fn list_4(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_4;
    let rows = cx
        .records
        .assessments
        .iter()
        .filter(|a| cx.in_six_months(a.start))
        .map(|a| {
            let mut row = cx.child_row(list, a.child.as_str());
            row.set("Continuous Assessment Start Date", Value::Date(a.start))
                .set(
                    "Continuous Assessment Date of Authorisation",
                    date(a.authorised),
                )
                .set(
                    "Was the child assessed as requiring LA children's social care support?",
                    opt_text(a.outcome.map(|o| cat::yes_no_text(needs_support(o)))),
                );
            cx.set_allocation(&mut row, a.child.as_str(), None);
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

fn list_5(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_5;
    let mut initial_of: HashMap<&str, &ChildProtectionConference> = HashMap::default();
    for c in &cx.records.conferences {
        if c.kind == ConferenceKind::Initial
            && let Some(s47) = &c.s47
        {
            let slot = initial_of.entry(s47.as_str()).or_insert(c);
            if c.date < slot.date {
                *slot = c;
            }
        }
    }
    let rows = cx
        .records
        .section47s
        .iter()
        .filter(|s| cx.in_six_months(s.start))
        .map(|s| {
            let icpc = initial_of.get(s.id.as_str());
            let child = s.child.as_str();
            let count_before = |dates: &mut dyn Iterator<Item = NaiveDate>| {
                let from = s
                    .start
                    .checked_sub_months(Months::new(12))
                    .unwrap_or(NaiveDate::MIN);
                dates.filter(|d| from <= *d && *d < s.start).count()
            };
            let s47s = count_before(&mut of(&cx.section47s, child).iter().map(|o| o.start));
            let icpcs = count_before(
                &mut of(&cx.conferences, child)
                    .iter()
                    .filter(|c| c.kind == ConferenceKind::Initial)
                    .map(|c| c.date),
            );
            let mut row = cx.child_row(list, child);
            row.set(
                "Strategy discussion initiating Section 47 Enquiry Start Date",
                Value::Date(s.start),
            )
            .set(
                "Was an Initial Child Protection Conference deemed unnecessary?",
                text(cat::yes_no_text(!s.icpc_required)),
            )
            .set(
                "Date of Initial Child Protection Conference",
                date(icpc.map(|c| c.date)),
            )
            .set(
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
                opt_text(icpc.map(|c| cat::yes_no_text(c.plan_decided))),
            )
            .set(
                "Number of Section 47 Enquiries in the last 12 months",
                count(s47s),
            )
            .set("Number of ICPCs in the last 12 months", count(icpcs));
            cx.set_allocation(&mut row, child, None);
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

/// The child's status at the extract date, for list 6.
fn case_status(cx: &Context<'_>, r: &Referral) -> Option<&'static str> {
    if r.closure_date.is_some_and(|d| d <= cx.extract) {
        return Some("e) Closed episode");
    }
    let child = r.child.as_str();
    let open = |start: NaiveDate, end: Option<NaiveDate>| {
        start <= cx.extract && end.is_none_or(|e| e > cx.extract)
    };
    if of(&cx.episodes, child).iter().any(|e| open(e.start, e.end)) {
        Some("a) Looked after child")
    } else if of(&cx.cp_plans, child).iter().any(|p| open(p.start, p.end)) {
        Some("b) Child protection plan")
    } else if of(&cx.cin_plans, child)
        .iter()
        .any(|p| open(p.start, p.end))
    {
        Some("c) Child in need plan")
    } else if of(&cx.assessments, child)
        .iter()
        .any(|a| a.start <= cx.extract && a.authorised.is_none())
    {
        Some("d) Open assessment")
    } else {
        None
    }
}

fn list_6(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_6;
    let rows = cx
        .records
        .referrals
        .iter()
        .filter(|r| {
            !r.nfa && r.date <= cx.extract && r.closure_date.is_none_or(|d| d >= cx.six_months_ago)
        })
        .map(|r| {
            let child = r.child.as_str();
            let last_seen = cx.visits.get(child).and_then(|v| {
                v.iter()
                    .filter(|v| v.seen && v.date <= cx.extract)
                    .map(|v| v.date)
                    .max()
            });
            let mut row = cx.child_row(list, child);
            row.set("CIN Start Date", Value::Date(r.date))
                .set(
                    "Primary Need Code",
                    opt_text(r.primary_need.map(|n| n.code())),
                )
                .set("Date Child Was Last Seen", date(last_seen))
                .set("CIN Closure Date", date(r.closure_date))
                .set(
                    "Reason for Closure",
                    opt_text(r.closure_reason.map(|c| c.code())),
                )
                .set("Case Status", opt_text(case_status(cx, r)));
            cx.set_allocation(&mut row, child, r.team.as_ref().map(|t| t.as_str()));
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

fn list_7(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_7;
    let rows = cx
        .records
        .cp_plans
        .iter()
        .filter(|p| p.start <= cx.extract && p.end.is_none_or(|e| e >= cx.six_months_ago))
        .map(|p| {
            let child = p.child.as_str();
            let until = p.end.map_or(cx.extract, |e| e.min(cx.extract));
            let visit = cx.last_seen_visit(child, VisitKind::ChildProtection, p.start, until);
            let review = of(&cx.conferences, child)
                .iter()
                .filter(|c| {
                    c.kind == ConferenceKind::Review
                        && c.plan.as_ref() == Some(&p.id)
                        && c.date <= cx.extract
                })
                .map(|c| c.date)
                .max();
            let protected = cx.episodes.get(child).is_some_and(|l| {
                l.iter().any(|e| {
                    matches!(e.legal_status, LegalStatus::L1 | LegalStatus::L2) && cx.in_six_months(e.start)
                })
            });
            let mut row = cx.child_row(list, child);
            row.set("Child Protection Plan Start Date", Value::Date(p.start))
                .set("Initial Category of Abuse", text(cat::abuse_text(p.initial_category)))
                .set("Latest Category of Abuse", text(cat::abuse_text(p.latest_category)))
                .set("Date of the Last Statutory Visit", date(visit.map(|v| v.date)))
                .set(
                    "Was the Child Seen Alone?",
                    opt_text(visit.map(|v| cat::yes_no_text(v.seen_alone))),
                )
                .set("Date of latest review conference", date(review))
                .set("Child Protection Plan End Date", date(p.end))
                .set(
                    "Subject to Emergency Protection Order or Protected Under Police Powers in Last Six Months (Y/N)",
                    text(cat::y_n_text(protected)),
                )
                .set("Number of Previous Child Protection Plans", Value::Number(p.previous_plans.into()));
            cx.set_allocation(&mut row, child, None);
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

/// A child's periods of care: runs of episodes joined without a gap, each new period starting
/// with `RNE` = S or after an episode that ended the period (any reason but X1).
pub(crate) fn periods<'a>(episodes: &[&'a ClaEpisode]) -> Vec<Vec<&'a ClaEpisode>> {
    let mut out: Vec<Vec<&ClaEpisode>> = Vec::new();
    for e in episodes {
        let continues = out.last().and_then(|p| p.last()).is_some_and(|prev| {
            e.reason_new != ReasonNewEpisode::S
                && prev.end == Some(e.start)
                && prev
                    .reason_ceased
                    .is_none_or(|r| r == ReasonEpisodeCeased::X1)
        });
        match out.last_mut() {
            Some(period) if continues => period.push(e),
            _ => out.push(vec![e]),
        }
    }
    out
}

/// Start of the latest episode up to `current` whose `RNE` is one of `reasons`.
fn latest_start(
    period: &[&ClaEpisode],
    current: usize,
    reasons: &[ReasonNewEpisode],
) -> Option<NaiveDate> {
    period
        .get(..=current)?
        .iter()
        .rev()
        .find(|e| reasons.contains(&e.reason_new))
        .map(|e| e.start)
}

fn list_8(cx: &Context<'_>) -> Sheet {
    use ReasonNewEpisode as Rne;
    let list = &lists::LIST_8;
    let mut rows = Vec::new();
    for child in &cx.records.children {
        let id = child.id.as_str();
        let Some(episodes) = cx.episodes.get(id) else {
            continue;
        };
        let all = periods(episodes);
        let Some((index, period)) = all.iter().enumerate().rev().find(|(_, p)| {
            p.first().is_some_and(|f| f.start <= cx.extract)
                && p.last()
                    .is_some_and(|l| l.end.is_none_or(|e| e >= cx.six_months_ago))
        }) else {
            continue;
        };
        let Some(current_index) = period.iter().rposition(|e| e.start <= cx.extract) else {
            continue;
        };
        let Some(current) = period.get(current_index) else {
            continue;
        };
        if current.legal_status.is_short_break() {
            continue;
        }
        let (Some(first), Some(last)) = (period.first(), period.last()) else {
            continue;
        };
        let ceased = last.end.filter(|e| *e <= cx.extract);
        let until = ceased.unwrap_or(cx.extract);
        let previous_period_recent = index
            .checked_sub(1)
            .and_then(|i| all.get(i))
            .and_then(|p| p.last())
            .and_then(|e| e.end)
            .is_some_and(|end| {
                first
                    .start
                    .checked_sub_months(Months::new(12))
                    .is_some_and(|from| end >= from)
            });
        let review = of(&cx.cla_reviews, id)
            .iter()
            .filter(|r| first.start <= r.date && r.date <= until)
            .map(|r| r.date)
            .max();
        let visit = cx.last_seen_visit(id, VisitKind::LookedAfter, first.start, until);
        let placements = placements_in_last_year(cx, period);
        let missing: Vec<&MissingEpisode> = of(&cx.missing, id)
            .iter()
            .copied()
            .filter(|m| cx.in_twelve_months(m.start))
            .collect();
        let count_kind = |k: MissingKind| missing.iter().filter(|m| m.kind == k).count();
        let last_missing = missing
            .iter()
            .filter(|m| m.kind == MissingKind::M)
            .max_by_key(|m| m.start);
        let uasc_recent = child
            .uasc
            .as_ref()
            .is_some_and(|u| u.ceased.is_none_or(|c| c >= cx.twelve_months_ago));
        let location = current.placement_la.map(|la| {
            if la == cx.la {
                "In area"
            } else {
                "Out of area"
            }
        });
        let mut row = cx.child_row(list, id);
        row.set(
            "Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)",
            text(cat::y_n_text(uasc_recent)),
        )
        .set("Date Started to be Looked After", Value::Date(first.start))
        .set("Child's Category of Need", text(current.category_of_need.code()))
        .set(
            "Is this a second or subsequent period of being a Looked After Child within the last 12 months (Y/N)",
            text(cat::y_n_text(previous_period_recent)),
        )
        .set(
            "Start date of current legal status",
            date(latest_start(period, current_index, &[Rne::S, Rne::L, Rne::U, Rne::B])),
        )
        .set("Child's Legal Status", text(current.legal_status.code()))
        .set("Date of Latest Statutory Review", date(review))
        .set("Date of Last Social Work Visit", date(visit.map(|v| v.date)))
        .set("Number of Placements in the Last 12 months", count(placements))
        .set("Date Ceased to be Looked After", date(ceased))
        .set(
            "Reason Ceased to be Looked After",
            opt_text(ceased.and(last.reason_ceased).map(|r| r.code())),
        )
        .set(
            "Start Date of Most Recent Placement",
            date(latest_start(period, current_index, &[Rne::S, Rne::P, Rne::T, Rne::U, Rne::B])),
        )
        .set("Placement Type", text(current.placement.code()))
        .set("Placement Provider", opt_text(current.provider.map(|p| p.code())))
        .set("Placement postcode", opt_text(current.placement_postcode.as_ref().map(|p| p.as_str())))
        .set("URN of Placement", opt_text(current.urn.as_deref()))
        .set("Placement Location", opt_text(location))
        .set("LA of Placement", opt_text(current.placement_la.map(|la| la.to_string())))
        .set(
            "Number of Episodes the Child has been 'Missing' from their Placement in the last 12 months",
            count(count_kind(MissingKind::M)),
        )
        .set(
            "Number of Episodes the Child has been 'Absent' from their Placement in the last 12 months",
            count(count_kind(MissingKind::A)),
        )
        .set(
            "Was the child offered a Return Interview after their last missing episode (Y/N)?",
            opt_text(last_missing.map(|m| cat::y_n_text(m.rhi_offered.is_some()))),
        )
        .set(
            "Did the child accept a Return Interview after their last missing episode (Y/N)?",
            opt_text(last_missing.map(|m| cat::y_n_text(m.rhi_completed.is_some()))),
        );
        cx.set_allocation(&mut row, id, None);
        rows.push(row.cells);
    }
    Sheet { list, rows }
}

/// Placements the child had during the last 12 months of the period: each episode that began a
/// placement in the window, plus the placement already running when the window opened.
fn placements_in_last_year(cx: &Context<'_>, period: &[&ClaEpisode]) -> usize {
    let overlapping: Vec<&&ClaEpisode> = period
        .iter()
        .filter(|e| e.start <= cx.extract && e.end.is_none_or(|end| end > cx.twelve_months_ago))
        .collect();
    let new_placements = overlapping
        .iter()
        .filter(|e| e.start >= cx.twelve_months_ago && e.reason_new != ReasonNewEpisode::L)
        .count();
    let running_at_start = overlapping
        .first()
        .is_some_and(|e| e.start < cx.twelve_months_ago || e.reason_new == ReasonNewEpisode::L);
    new_placements + usize::from(running_at_start)
}

fn list_9(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_9;
    let mut latest: Vec<&CareLeaverContact> = Vec::new();
    let mut position: HashMap<&str, usize> = HashMap::default();
    for c in &cx.records.care_leavers {
        match position
            .get(c.child.as_str())
            .and_then(|i| latest.get_mut(*i))
        {
            Some(slot) => {
                if (c.birthday_age, c.contact_date) >= (slot.birthday_age, slot.contact_date) {
                    *slot = c;
                }
            }
            None => {
                position.insert(c.child.as_str(), latest.len());
                latest.push(c);
            }
        }
    }
    let rows = latest
        .into_iter()
        .map(|c| {
            let child = c.child.as_str();
            let plan = of(&cx.pathway_plans, child)
                .iter()
                .filter(|p| p.date <= cx.extract)
                .max_by_key(|p| p.date);
            let uasc = cx.children.get(child).is_some_and(|ch| ch.uasc.is_some());
            let code = c.accommodation.code();
            let kind = if c.accommodation == Accommodation::A0 {
                ""
            } else {
                code.get(..1).unwrap_or("")
            };
            let mut row = cx.child_row(list, child);
            row.set(
                "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
                text(cat::y_n_text(uasc)),
            )
            .set(
                "Allocated Personal Advisor",
                opt_text(
                    plan.and_then(|p| p.personal_adviser.as_ref())
                        .map(|a| a.as_str()),
                ),
            )
            .set(
                "Latest Pathway Plan Review Date",
                date(plan.map(|p| p.date)),
            )
            .set("LA in Touch", text(c.in_touch.code()))
            .set("Latest Date of Contact", date(c.contact_date))
            .set("Type of Accommodation", text(kind))
            .set(
                "Suitability of Accommodation",
                text(cat::suitability_text(c.accommodation)),
            )
            .set(
                "Activity Status",
                text(if c.activity == Activity::A0 {
                    ""
                } else {
                    c.activity.code()
                }),
            );
            cx.set_allocation(&mut row, child, None);
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

/// Whether a permanence record belongs on list 10: an adoption decision or order, still open or
/// concluded (adopted or reversed) in the last 12 months.
fn on_adoption_list(cx: &Context<'_>, p: &Permanence) -> bool {
    let adoption_order = if p.order == Some(PermanenceOrder::Adoption) {
        p.order_date
    } else {
        None
    };
    if p.adm_decision.is_none() && adoption_order.is_none() {
        return false;
    }
    let recent = |d: Option<NaiveDate>| d.is_some_and(|d| cx.in_twelve_months(d));
    let open = adoption_order.is_none() && p.decision_reversed.is_none();
    open || recent(adoption_order) || recent(p.decision_reversed)
}

fn list_10(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_10;
    let rows = cx
        .records
        .permanence
        .iter()
        .filter(|p| on_adoption_list(cx, p))
        .map(|p| {
            let child = p.child.as_str();
            let episodes = cx.episodes.get(child).map(Vec::as_slice).unwrap_or(&[]);
            let anchor = p.adm_decision.or(p.order_date).unwrap_or(cx.extract);
            let entered = periods(episodes)
                .iter()
                .filter_map(|period| period.first().map(|e| e.start))
                .filter(|start| *start <= anchor)
                .max();
            let ffa = episodes
                .iter()
                .filter(|e| matches!(e.placement, PlacementType::U2 | PlacementType::U5))
                .map(|e| e.start)
                .min();
            let adoption_order = if p.order == Some(PermanenceOrder::Adoption) { p.order_date } else { None };
            let mut row = cx.child_row(list, child);
            row.set("Family identifier", text(p.id.as_str()))
                .set("Date the Child Entered Care", date(entered))
                .set("Date of Decision that Child Should be Placed for Adoption", date(p.adm_decision))
                .set("Date of Placement Order", date(p.placement_order))
                .set("Date of Matching Child and Prospective Adopters", date(p.matched))
                .set("Date Placed for Adoption", date(p.placed_for_adoption))
                .set("Date of Adoption Order", date(adoption_order))
                .set(
                    "Date of Decision that Child Should No Longer be Placed for Adoption",
                    date(p.decision_reversed),
                )
                .set(
                    "Reason Why Child No Longer Placed for Adoption",
                    opt_text(p.reversal_reason.map(|r| r.code())),
                )
                .set(
                    "Date the child was placed for fostering in FFA or concurrent planning placement",
                    date(ffa),
                );
            row.cells
        })
        .collect();
    Sheet { list, rows }
}

/// List 11 from the adopters recorded on permanence (903 AD1): one row per adopter of each
/// adoption concluded or progressing in the last 12 months. Enquiry, stage and approval dates are
/// not in the model and stay blank.
fn list_11(cx: &Context<'_>) -> Sheet {
    let list = &lists::LIST_11;
    let mut rows = Vec::new();
    for p in &cx.records.permanence {
        let Some(adopters) = &p.adopters else {
            continue;
        };
        let recent = [p.matched, p.placed_for_adoption, p.order_date]
            .into_iter()
            .flatten()
            .any(|d| cx.in_twelve_months(d));
        if !recent {
            continue;
        }
        let genders: &[Sex] = match adopters.sex {
            AdopterSex::M1 => &[Sex::Male],
            AdopterSex::F1 => &[Sex::Female],
            AdopterSex::MM => &[Sex::Male, Sex::Male],
            AdopterSex::FF => &[Sex::Female, Sex::Female],
            AdopterSex::MF => &[Sex::Male, Sex::Female],
        };
        let adoption_order = if p.order == Some(PermanenceOrder::Adoption) {
            p.order_date
        } else {
            None
        };
        for n in 0..usize::from(adopters.count.max(1)) {
            let mut row = RowBuilder::new(list);
            row.set(
                "Individual adopter identifier",
                text(format!("{}-{}", p.id.as_str(), n + 1)),
            )
            .set("Family identifier", text(p.id.as_str()))
            .set(
                "Gender",
                opt_text(genders.get(n).map(|s| cat::gender_text(*s))),
            )
            .set("Disability", text("c) Unknown"))
            .set("Date adopter matched with child(ren)", date(p.matched))
            .set(
                "Date child/children placed with adopter(s)",
                date(p.placed_for_adoption),
            )
            .set("No. of children placed", Value::Number(1))
            .set("Date of Adoption Order", date(adoption_order));
            rows.push(row.cells);
        }
    }
    Sheet { list, rows }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn the_id_hash_separates_ids_that_differ_in_length_or_one_character() {
        let hash = |s: &str| BuildHasherDefault::<FxHasher>::default().hash_one(s);
        assert_ne!(hash("C1234567"), hash("C12345678"));
        assert_ne!(hash("C1234567"), hash("C1234568"));
        assert_ne!(hash(""), hash("\0"));
        let ids: std::collections::HashSet<u64> =
            (0..10_000).map(|i| hash(&format!("C{i:07}"))).collect();
        assert_eq!(ids.len(), 10_000);
    }
}
