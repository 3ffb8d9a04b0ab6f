//! Scale check for the CIN census writer and reader: `SIGHTLINE_PERF_CHILDREN` children (2,000
//! by default so the suite stays quick), each with an episode, an assessment and a CIN plan, and
//! every fifth child with an S47, a conference and a CP plan with two reviews, is written and
//! streamed back, and the timings printed. Run in release with e.g.
//! `SIGHTLINE_PERF_CHILDREN=100000` to measure.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use sightline_formats::{ExtractSpec, cin};
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;
use sightline_model::{CaseRecords, Council};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn council(n: usize) -> CaseRecords {
    let mut r = CaseRecords::default();
    for i in 0..n {
        let child = ChildId::new(format!("P{i:07}"));
        r.children.push(Child {
            id: child.clone(),
            upn: Some(Upn::new(format!("A{:012}", i))),
            upn_unknown: None,
            former_upn: None,
            sex: if i % 2 == 0 { Sex::Female } else { Sex::Male },
            date_of_birth: Some(d(
                2008 + (i % 16) as i32,
                1 + (i % 12) as u32,
                1 + (i % 28) as u32,
            )),
            expected_date_of_birth: None,
            date_of_death: None,
            ethnicity: Ethnicity::ALL[i % Ethnicity::ALL.len()],
            disabilities: if i % 7 == 0 {
                vec![Disability::LD]
            } else {
                Vec::new()
            },
            uasc: None,
            home_postcode: None,
            locality: None,
            motherhood: None,
        });
        let date = d(2025, 4, 1)
            .checked_add_days(Days::new((i % 300) as u64))
            .unwrap();
        let at = |days: u64| date.checked_add_days(Days::new(days)).unwrap();
        let referral = RecordId::new(format!("{i}/r"));
        r.referrals.push(Referral {
            id: referral.clone(),
            child: child.clone(),
            date,
            source: ReferralSource::S2A,
            primary_need: Some(PrimaryNeed::N1),
            nfa: false,
            closure_date: None,
            closure_reason: None,
            team: None,
        });
        r.assessments.push(Assessment {
            id: RecordId::new(format!("{i}/a")),
            child: child.clone(),
            referral: referral.clone(),
            start: at(1),
            authorised: Some(at(30)),
            factors: vec![AssessmentFactor::F3A, AssessmentFactor::F16A],
            outcome: None,
            worker: None,
        });
        r.cin_plans.push(CinPlan {
            id: RecordId::new(format!("{i}/p")),
            child: child.clone(),
            referral: referral.clone(),
            start: at(30),
            end: Some(at(40)),
        });
        if i % 5 == 0 {
            let s47 = RecordId::new(format!("{i}/s"));
            let plan = RecordId::new(format!("{i}/cpp"));
            r.section47s.push(Section47 {
                id: s47.clone(),
                child: child.clone(),
                referral: referral.clone(),
                strategy_discussion: None,
                start: at(41),
                end: None,
                icpc_target: Some(at(55)),
                icpc_required: true,
                outcome: None,
            });
            r.cp_plans.push(ChildProtectionPlan {
                id: plan.clone(),
                child: child.clone(),
                referral: referral.clone(),
                start: at(50),
                end: None,
                initial_category: CategoryOfAbuse::NEG,
                latest_category: CategoryOfAbuse::NEG,
                previous_plans: 0,
            });
            for (k, (kind, day)) in [
                (ConferenceKind::Initial, 50),
                (ConferenceKind::Review, 51),
                (ConferenceKind::Review, 52),
            ]
            .into_iter()
            .enumerate()
            {
                r.conferences.push(ChildProtectionConference {
                    id: RecordId::new(format!("{i}/c{k}")),
                    child: child.clone(),
                    referral: referral.clone(),
                    kind,
                    s47: (kind == ConferenceKind::Initial).then(|| s47.clone()),
                    plan: Some(plan.clone()),
                    date: at(day),
                    plan_decided: true,
                });
            }
        }
    }
    r
}

/// CPU time of this process so far (user + system), from `/proc/self/stat` on Linux, so that
/// timings on a busy machine are not mistaken for slowness; `None` elsewhere.
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    let after_name = stat.rsplit_once(')')?.1;
    let fields: Vec<&str> = after_name.split_whitespace().collect();
    let ticks: f64 = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

#[test]
fn a_council_writes_and_streams_back_at_scale() {
    let n: usize = std::env::var("SIGHTLINE_PERF_CHILDREN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(2_000);
    let records = council(n);
    let spec = ExtractSpec {
        council: Council {
            la_code: LaCode(382),
            name: "Perf".into(),
        },
        extract_date: d(2026, 4, 20),
        collection_year_ending: 2026,
    };
    let dir = tempfile::tempdir().unwrap();
    let cpu = cpu_seconds();
    let started = Instant::now();
    let paths = cin::write(dir.path(), &records, &spec).unwrap();
    let written = started.elapsed();
    let write_cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    let cpu = cpu_seconds();
    let started = Instant::now();
    let read = cin::read(&paths).unwrap();
    let read_time = started.elapsed();
    let read_cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    let bytes = std::fs::metadata(&paths[0]).unwrap().len();
    println!(
        "CIN: {n} children, {bytes} bytes: write {written:?} (cpu {write_cpu:?} s), read {read_time:?} (cpu {read_cpu:?} s)"
    );
    assert_eq!(read.children.len(), n);
    assert_eq!(read.referrals.len(), n);
    assert_eq!(read.assessments.len(), n);
    assert_eq!(read.cp_plans.len(), n.div_ceil(5));
    assert_eq!(read.conferences.len(), 3 * n.div_ceil(5));
}
