//! Calibration: each figure computed from the records the way `kpi-definitions.md` defines it,
//! over the last 12 months of the default council, within 15% of the Kirklees target.

use crate::default_council;
use chrono::{Datelike, Months, NaiveDate};
use sightline_calendar::{Calendar, add_months};
use sightline_model::codes::{
    LegalStatus, PlacementProvider as Pr, PlacementType, ReasonNewEpisode, Sex,
};
use sightline_model::records::*;
use sightline_model::{CaseRecords, age_on};
use sightline_synth::{SynthConfig, Synthetic, generate};
use std::collections::HashMap;

/// The 12 months ending on the extract date, and their month ends.
struct Window {
    from: NaiveDate,
    to: NaiveDate,
    month_ends: Vec<NaiveDate>,
}

fn window(s: &Synthetic) -> Window {
    let to = s.end;
    let from = to
        .checked_sub_months(Months::new(12))
        .unwrap()
        .succ_opt()
        .unwrap();
    let month_ends = (0..12)
        .map(|k| {
            let first = from.checked_add_months(Months::new(k + 1)).unwrap();
            first.pred_opt().unwrap()
        })
        .collect();
    Window {
        from,
        to,
        month_ends,
    }
}

impl Window {
    fn has(&self, d: NaiveDate) -> bool {
        d >= self.from && d <= self.to
    }
    fn has_opt(&self, d: Option<NaiveDate>) -> bool {
        d.is_some_and(|d| self.has(d))
    }
    /// Average over the month ends of a snapshot count.
    fn average(&self, f: impl Fn(NaiveDate) -> f64) -> f64 {
        self.month_ends.iter().map(|&d| f(d)).sum::<f64>() / self.month_ends.len() as f64
    }
}

fn open_on(start: NaiveDate, end: Option<NaiveDate>, d: NaiveDate) -> bool {
    start <= d && end.is_none_or(|e| e > d)
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// The looked-after episode of each child open on `d` (short breaks excluded).
fn in_care_on(r: &CaseRecords, d: NaiveDate) -> Vec<&ClaEpisode> {
    r.cla_episodes
        .iter()
        .filter(|e| open_on(e.start, e.end, d) && !e.legal_status.is_short_break())
        .collect()
}

pub struct Figure {
    pub name: &'static str,
    pub target: f64,
    pub value: f64,
}

/// Every calibrated figure of a council.
pub fn figures(s: &Synthetic) -> Vec<Figure> {
    let r = &s.records;
    let w = window(s);
    let cal = Calendar::england_and_wales();
    let la = s.council.la_code;
    let children: HashMap<&str, &Child> = r.children.iter().map(|c| (c.id.as_str(), c)).collect();
    let mut out = Vec::new();
    let mut fig = |name, target, value| {
        out.push(Figure {
            name,
            target,
            value,
        })
    };

    // Front door.
    fig(
        "contacts a month",
        1570.0,
        r.contacts.iter().filter(|c| w.has(c.date)).count() as f64 / 12.0,
    );
    let referrals: Vec<&Referral> = r.referrals.iter().filter(|x| w.has(x.date)).collect();
    fig("referrals a month", 470.0, referrals.len() as f64 / 12.0);
    let mut by_child: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for x in &r.referrals {
        by_child.entry(x.child.as_str()).or_default().push(x.date);
    }
    let rereferrals = referrals
        .iter()
        .filter(|x| {
            by_child[x.child.as_str()]
                .iter()
                .any(|&p| p < x.date && (x.date - p).num_days() <= 365)
        })
        .count();
    fig(
        "% re-referrals within 12 months",
        23.0,
        pct(rereferrals, referrals.len()),
    );
    let completed: Vec<&Assessment> = r
        .assessments
        .iter()
        .filter(|a| w.has_opt(a.authorised))
        .collect();
    fig(
        "assessments completed a month",
        540.0,
        completed.len() as f64 / 12.0,
    );
    let in45 = completed
        .iter()
        .filter(|a| cal.working_days_between(a.start, a.authorised.unwrap()) <= 45)
        .count();
    fig(
        "% assessments within 45 working days",
        82.5,
        pct(in45, completed.len()),
    );

    // Child protection.
    fig(
        "S47 enquiries a month",
        180.0,
        r.section47s.iter().filter(|x| w.has(x.start)).count() as f64 / 12.0,
    );
    let icpcs: Vec<&ChildProtectionConference> = r
        .conferences
        .iter()
        .filter(|c| c.kind != ConferenceKind::Review && w.has(c.date))
        .collect();
    fig("ICPCs a month", 59.0, icpcs.len() as f64 / 12.0);
    let s47: HashMap<&str, &Section47> = r.section47s.iter().map(|x| (x.id.as_str(), x)).collect();
    let timed: Vec<i64> = icpcs
        .iter()
        .filter_map(|c| c.s47.as_ref().and_then(|id| s47.get(id.as_str())))
        .zip(icpcs.iter())
        .map(|(e, c)| cal.working_days_between(e.start, c.date))
        .filter(|&d| d >= 0)
        .collect();
    fig(
        "% ICPCs within 15 working days",
        76.5,
        pct(timed.iter().filter(|&&d| d <= 15).count(), timed.len()),
    );
    fig(
        "CP plans open",
        450.0,
        w.average(|d| {
            r.cp_plans
                .iter()
                .filter(|p| open_on(p.start, p.end, d))
                .count() as f64
        }),
    );

    // Children looked after.
    let cla = w.average(|d| in_care_on(r, d).len() as f64);
    fig("children looked after", 620.0, cla);
    let share = |f: &dyn Fn(&ClaEpisode) -> bool| {
        w.average(|d| in_care_on(r, d).into_iter().filter(|e| f(e)).count() as f64)
    };
    let foster = share(&|e| e.placement.is_foster());
    fig("% CLA in foster care", 75.0, 100.0 * foster / cla);
    use PlacementType::*;
    fig(
        "in-house foster placements",
        223.0,
        share(&|e| matches!(e.placement, U4 | U5 | U6) && e.provider == Some(Pr::PR1)),
    );
    fig(
        "family and friends foster placements",
        90.0,
        share(&|e| e.placement.is_family_and_friends()),
    );
    fig(
        "IFA foster placements",
        164.0,
        share(&|e| e.placement.is_foster() && matches!(e.provider, Some(Pr::PR4 | Pr::PR5))),
    );
    let parents = share(&|e| e.placement == P1);
    fig("% CLA placed with parents", 7.0, 100.0 * parents / cla);
    fig(
        "placed with parents on interim care orders",
        12.0,
        share(&|e| e.placement == P1 && e.legal_status == LegalStatus::C1),
    );
    fig(
        "placed with parents on full care orders",
        32.0,
        share(&|e| e.placement == P1 && e.legal_status == LegalStatus::C2),
    );
    let far = share(&|e| {
        e.placement_la != Some(la) && e.placement_distance_miles.is_some_and(|m| m > 20.0)
    });
    fig(
        "% CLA outside the council and 20+ miles",
        15.0,
        100.0 * far / cla,
    );
    let uasc = share(&|e| {
        children
            .get(e.child.as_str())
            .is_some_and(|c| c.uasc.is_some())
    });
    fig("% CLA who are UASC", 4.0, 100.0 * uasc / cla);
    let entering = r
        .cla_episodes
        .iter()
        .filter(|e| {
            e.reason_new == ReasonNewEpisode::S
                && !e.legal_status.is_short_break()
                && w.has(e.start)
        })
        .count();
    fig(
        "children entering care a month",
        15.0,
        entering as f64 / 12.0,
    );
    let band = |sex: Sex| {
        w.average(|d| {
            in_care_on(r, d)
                .into_iter()
                .filter(|e| {
                    children.get(e.child.as_str()).is_some_and(|c| {
                        c.sex == sex
                            && c.date_of_birth
                                .is_some_and(|b| (11..=15).contains(&age_on(b, d)))
                    })
                })
                .count() as f64
        })
    };
    fig("CLA boys aged 11-15", 115.0, band(Sex::Male));
    fig("CLA girls aged 11-15", 91.0, band(Sex::Female));
    fig("% CLA reviews on time", 94.0, reviews_on_time(r, &w, cal));
    fig(
        "% CLA visits within 6 weeks",
        85.0,
        cla_visits_on_time(r, &w),
    );

    // Care leavers (birthdays in the window).
    let leavers: Vec<&CareLeaverContact> = r
        .care_leavers
        .iter()
        .filter(|x| {
            children
                .get(x.child.as_str())
                .and_then(|c| c.date_of_birth)
                .is_some_and(|b| {
                    w.has(
                        b.with_year(b.year() + i32::from(x.birthday_age))
                            .unwrap_or(b),
                    )
                })
        })
        .collect();
    fig(
        "% care leavers in touch",
        90.0,
        pct(
            leavers
                .iter()
                .filter(|x| x.in_touch == sightline_model::codes::InTouch::YES)
                .count(),
            leavers.len(),
        ),
    );
    let known = leavers
        .iter()
        .filter(|x| !matches!(x.accommodation.code().chars().next(), Some('G' | 'H' | 'R')))
        .count();
    fig(
        "% care leavers in suitable accommodation",
        85.5,
        pct(
            leavers
                .iter()
                .filter(|x| x.accommodation.is_suitable() == Some(true))
                .count(),
            known,
        ),
    );
    fig(
        "% care leavers in EET",
        52.0,
        pct(
            leavers.iter().filter(|x| x.activity.is_eet()).count(),
            leavers.len(),
        ),
    );

    // Core groups, visits, missing.
    let (initial, subsequent) = core_groups_on_time(r, &w, cal);
    fig(
        "% initial core groups within 10 working days",
        60.0,
        initial,
    );
    fig(
        "% subsequent core groups within 20 working days",
        60.0,
        subsequent,
    );
    fig(
        "% CP visits within 15 working days",
        72.0,
        cp_visits_on_time(r, &w, cal),
    );
    let rhis: Vec<&MissingEpisode> = r
        .missing
        .iter()
        .filter(|m| w.has_opt(m.rhi_completed) && m.end.is_some())
        .collect();
    let quick = rhis
        .iter()
        .filter(|m| (m.rhi_completed.unwrap() - m.end.unwrap()).num_days() <= 3)
        .count();
    fig("% RHIs within 72 hours", 60.0, pct(quick, rhis.len()));

    // Workforce and open cases.
    let open_cases = w.average(|d| {
        let mut kids: Vec<&str> = r
            .referrals
            .iter()
            .filter(|x| open_on(x.date, x.closure_date, d))
            .map(|x| x.child.as_str())
            .collect();
        kids.sort_unstable();
        kids.dedup();
        kids.len() as f64
    });
    fig("open cases", 2450.0, open_cases);
    fig(
        "average caseload per FTE social worker",
        17.0,
        w.average(|d| caseload(r, d)),
    );
    let internal = |h: &&FosterHousehold| h.kind != FosterHouseholdKind::IndependentAgency;
    fig(
        "foster household approvals a month",
        2.0,
        r.foster_households
            .iter()
            .filter(internal)
            .filter(|h| w.has(h.approved))
            .count() as f64
            / 12.0,
    );
    fig(
        "foster household de-registrations a month",
        3.0,
        r.foster_households
            .iter()
            .filter(internal)
            .filter(|h| w.has_opt(h.deregistered))
            .count() as f64
            / 12.0,
    );
    out
}

/// Periods of care per child: (start, end) from the episodes.
fn periods(r: &CaseRecords) -> HashMap<&str, Vec<(NaiveDate, Option<NaiveDate>)>> {
    let mut eps: Vec<&ClaEpisode> = r
        .cla_episodes
        .iter()
        .filter(|e| !e.legal_status.is_short_break())
        .collect();
    eps.sort_by_key(|e| (e.child.as_str(), e.start));
    let mut out: HashMap<&str, Vec<(NaiveDate, Option<NaiveDate>)>> = HashMap::new();
    for e in eps {
        let list = out.entry(e.child.as_str()).or_default();
        if e.reason_new == ReasonNewEpisode::S || list.is_empty() {
            list.push((e.start, e.end));
        } else if let Some(last) = list.last_mut() {
            last.1 = e.end;
        }
    }
    out
}

/// Reviews in the window held by their due date: 20 working days after care starts, then
/// three months, then six months after the previous review.
fn reviews_on_time(r: &CaseRecords, w: &Window, cal: &Calendar) -> f64 {
    let periods = periods(r);
    let mut by_child: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for x in &r.cla_reviews {
        by_child.entry(x.child.as_str()).or_default().push(x.date);
    }
    let (mut due, mut on_time) = (0, 0);
    for (child, mut dates) in by_child {
        dates.sort_unstable();
        for p in periods.get(child).into_iter().flatten() {
            let held: Vec<NaiveDate> = dates
                .iter()
                .copied()
                .filter(|&d| open_on(p.0, p.1, d))
                .collect();
            for (k, &d) in held.iter().enumerate() {
                let deadline = match k {
                    0 => cal.add_working_days(p.0, 20),
                    1 => add_months(held[0], 3),
                    _ => add_months(held[k - 1], 6),
                };
                if w.has(d) {
                    due += 1;
                    on_time += usize::from(d <= deadline);
                }
            }
        }
    }
    pct(on_time, due)
}

/// Looked-after visits in the window within six weeks of the previous visit in the period.
fn cla_visits_on_time(r: &CaseRecords, w: &Window) -> f64 {
    let periods = periods(r);
    let mut by_child: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for v in r.visits.iter().filter(|v| v.kind == VisitKind::LookedAfter) {
        by_child.entry(v.child.as_str()).or_default().push(v.date);
    }
    let (mut n, mut ok) = (0, 0);
    for (child, mut dates) in by_child {
        dates.sort_unstable();
        for pair in dates.windows(2) {
            let same_period = periods.get(child).is_some_and(|ps| {
                ps.iter()
                    .any(|p| open_on(p.0, p.1, pair[0]) && open_on(p.0, p.1, pair[1]))
            });
            if same_period && w.has(pair[1]) {
                n += 1;
                ok += usize::from(
                    (pair[1] - pair[0]).num_days()
                        <= sightline_synth::params::CLA_VISIT_INTERVAL_DAYS,
                );
            }
        }
    }
    pct(ok, n)
}

fn core_groups_on_time(r: &CaseRecords, w: &Window, cal: &Calendar) -> (f64, f64) {
    let mut by_plan: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for g in &r.core_groups {
        by_plan.entry(g.plan.as_str()).or_default().push(g.date);
    }
    let (mut first_n, mut first_ok, mut next_n, mut next_ok) = (0, 0, 0, 0);
    for p in &r.cp_plans {
        let mut dates = by_plan.get(p.id.as_str()).cloned().unwrap_or_default();
        dates.sort_unstable();
        let due = cal.add_working_days(p.start, 10);
        if w.has(p.start) && due <= w.to && p.end.is_none_or(|e| e > due) {
            first_n += 1;
            first_ok += usize::from(dates.first().is_some_and(|&d| d <= due));
        }
        for pair in dates.windows(2) {
            if w.has(pair[1]) {
                next_n += 1;
                let due = i64::from(sightline_synth::params::CORE_GROUP_INTERVAL_WORKING_DAYS);
                next_ok += usize::from(cal.working_days_between(pair[0], pair[1]) <= due);
            }
        }
    }
    (pct(first_ok, first_n), pct(next_ok, next_n))
}

/// CP visits in the window within 15 working days of the previous visit under the same plan.
fn cp_visits_on_time(r: &CaseRecords, w: &Window, cal: &Calendar) -> f64 {
    let mut plans: HashMap<&str, Vec<(NaiveDate, Option<NaiveDate>)>> = HashMap::new();
    for p in &r.cp_plans {
        plans
            .entry(p.child.as_str())
            .or_default()
            .push((p.start, p.end));
    }
    let mut by_child: HashMap<&str, Vec<NaiveDate>> = HashMap::new();
    for v in r
        .visits
        .iter()
        .filter(|v| v.kind == VisitKind::ChildProtection)
    {
        by_child.entry(v.child.as_str()).or_default().push(v.date);
    }
    let (mut n, mut ok) = (0, 0);
    for (child, mut dates) in by_child {
        dates.sort_unstable();
        for pair in dates.windows(2) {
            let same = plans.get(child).is_some_and(|ps| {
                ps.iter()
                    .any(|p| p.0 <= pair[0] && p.1.is_none_or(|e| e >= pair[1]))
            });
            if same && w.has(pair[1]) {
                n += 1;
                ok += usize::from(cal.working_days_between(pair[0], pair[1]) <= 15);
            }
        }
    }
    pct(ok, n)
}

/// Cases held by social workers on `d` divided by the FTE of those holding at least one.
fn caseload(r: &CaseRecords, d: NaiveDate) -> f64 {
    let workers: HashMap<&str, &Worker> = r.workers.iter().map(|w| (w.id.as_str(), w)).collect();
    let mut held: HashMap<&str, usize> = HashMap::new();
    for a in r.allocations.iter().filter(|a| open_on(a.start, a.end, d)) {
        if workers
            .get(a.worker.as_str())
            .is_some_and(|w| w.role == WorkerRole::SocialWorker)
        {
            *held.entry(a.worker.as_str()).or_default() += 1;
        }
    }
    let fte: f64 = held.keys().map(|w| workers[w].fte).sum();
    held.values().sum::<usize>() as f64 / fte
}

fn table(figures: &[Figure]) -> String {
    let mut s = String::from("figure | target | generated | ratio\n");
    for f in figures {
        s += &format!(
            "{} | {:.1} | {:.1} | {:.2}\n",
            f.name,
            f.target,
            f.value,
            f.value / f.target
        );
    }
    s
}

#[test]
fn default_council_matches_kirklees_within_15_percent() {
    let figures = figures(default_council());
    let report = table(&figures);
    println!("{report}");
    let off: Vec<&Figure> = figures
        .iter()
        .filter(|f| (f.value / f.target - 1.0).abs() > 0.15)
        .collect();
    assert!(
        off.is_empty(),
        "outside 15%:\n{}",
        table(
            &off.into_iter()
                .map(|f| Figure {
                    name: f.name,
                    target: f.target,
                    value: f.value
                })
                .collect::<Vec<_>>()
        )
    );
}

/// No trend artefacts: every year's average number in care is within 5% of the five-year mean,
/// and no month strays more than 10% from it (a stock of about 620 children wanders by a few
/// percent month to month by chance alone).
#[test]
fn children_in_care_are_flat_across_the_range() {
    let s = default_council();
    let mut counts = Vec::new();
    let mut d = s
        .start
        .checked_add_months(Months::new(1))
        .unwrap()
        .pred_opt()
        .unwrap();
    while d <= s.end {
        counts.push(in_care_on(&s.records, d).len() as f64);
        d = d
            .succ_opt()
            .unwrap()
            .checked_add_months(Months::new(1))
            .unwrap()
            .pred_opt()
            .unwrap();
    }
    let mean = counts.iter().sum::<f64>() / counts.len() as f64;
    assert_eq!(counts.len(), 60);
    for year in counts.chunks(12) {
        let average = year.iter().sum::<f64>() / 12.0;
        assert!(
            (average / mean - 1.0).abs() <= 0.05,
            "a year averages {average:.0} against {mean:.0}: {counts:?}"
        );
    }
    let worst = counts
        .iter()
        .map(|c| (c / mean - 1.0).abs())
        .fold(0.0, f64::max);
    assert!(
        worst <= 0.10,
        "a month deviates {:.1}% from the mean {mean:.0}: {counts:?}",
        worst * 100.0
    );
}

#[test]
fn children_aged_11_to_15_are_the_largest_age_band_in_care() {
    let s = default_council();
    let kids: HashMap<&str, &Child> = s
        .records
        .children
        .iter()
        .map(|c| (c.id.as_str(), c))
        .collect();
    let mut bands = [0usize; 5];
    for e in in_care_on(&s.records, s.end) {
        let age = age_on(kids[e.child.as_str()].date_of_birth.unwrap(), s.end);
        let band = match age {
            0 => 0,
            1..=4 => 1,
            5..=10 => 2,
            11..=15 => 3,
            _ => 4,
        };
        bands[band] += 1;
    }
    let largest = bands
        .iter()
        .enumerate()
        .max_by_key(|(_, n)| **n)
        .map(|(i, _)| i);
    assert_eq!(
        largest,
        Some(3),
        "bands under 1, 1-4, 5-10, 11-15, 16-17: {bands:?}"
    );
    assert!(bands.iter().all(|&n| n > 0));
}

#[test]
fn half_the_population_gives_half_the_volumes() {
    let full = default_council();
    let half = generate(&SynthConfig {
        population: 50_000,
        ..SynthConfig::default()
    });
    let (a, b) = (figures(full), figures(&half));
    for name in [
        "contacts a month",
        "referrals a month",
        "S47 enquiries a month",
        "children looked after",
        "CP plans open",
        "open cases",
    ] {
        let x = a.iter().find(|f| f.name == name).unwrap().value;
        let y = b.iter().find(|f| f.name == name).unwrap().value;
        let ratio = y / x;
        assert!(
            (0.425..=0.575).contains(&ratio),
            "{name}: {y:.1} at 50,000 vs {x:.1} at 100,000"
        );
    }
    for name in [
        "% re-referrals within 12 months",
        "% assessments within 45 working days",
        "average caseload per FTE social worker",
    ] {
        let x = a.iter().find(|f| f.name == name).unwrap().value;
        let y = b.iter().find(|f| f.name == name).unwrap().value;
        assert!((y / x - 1.0).abs() < 0.15, "{name}: {y:.1} vs {x:.1}");
    }
}
