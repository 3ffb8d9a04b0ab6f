//! Scale check for the SSD writer and reader: `SIGHTLINE_SSD_PERF_CONTACTS` contacts (20,000 by
//! default so the suite stays quick), with children, referrals, assessments, visits and
//! episodes in proportion, are written and read back losslessly, and the timings printed.
//! Measure in release with e.g. `SIGHTLINE_SSD_PERF_CONTACTS=10000000 cargo test --release
//! -p sightline-formats --test ssd_perf -- --nocapture`.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use sightline_formats::ssd;
use sightline_model::CaseRecords;
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;

fn day(n: usize) -> NaiveDate {
    NaiveDate::from_ymd_opt(2020, 4, 1)
        .unwrap()
        .checked_add_days(Days::new((n % 1826) as u64))
        .unwrap()
}

/// A council with `contacts` contacts over five years: one child per three contacts, a referral
/// per three contacts, an assessment per referral, two visits per referral, and a period of care
/// of two episodes for one child in twenty.
fn council(contacts: usize) -> CaseRecords {
    let children = contacts / 3 + 1;
    let mut r = CaseRecords::default();
    for i in 0..children {
        r.children.push(Child {
            id: ChildId::new(format!("C{i:08}")),
            upn: Some(Upn::new(format!("A{i:012}"))),
            upn_unknown: None,
            former_upn: None,
            sex: if i % 2 == 0 { Sex::Female } else { Sex::Male },
            date_of_birth: Some(day(i * 7)),
            expected_date_of_birth: None,
            date_of_death: None,
            ethnicity: Ethnicity::ALL[i % Ethnicity::ALL.len()],
            disabilities: if i % 10 == 0 {
                vec![Disability::AUT]
            } else {
                Vec::new()
            },
            uasc: None,
            home_postcode: Some(Postcode::normalised("HD1 2AB")),
            locality: None,
            motherhood: None,
        });
    }
    for i in 0..contacts {
        let child = ChildId::new(format!("C{:08}", i % children));
        r.contacts.push(Contact {
            id: RecordId::new(format!("K{i:09}")),
            child: child.clone(),
            date: day(i),
            source: ReferralSource::ALL[i % ReferralSource::ALL.len()],
            outcome: if i % 3 == 0 {
                ContactOutcome::Referral
            } else {
                ContactOutcome::NoFurtherAction
            },
        });
        if i % 3 != 0 {
            continue;
        }
        let referral = RecordId::new(format!("R{i:09}"));
        r.referrals.push(Referral {
            id: referral.clone(),
            child: child.clone(),
            date: day(i),
            source: ReferralSource::S2A,
            primary_need: Some(PrimaryNeed::N1),
            nfa: false,
            closure_date: Some(day(i + 90)),
            closure_reason: Some(ReasonForClosure::RC7),
            team: Some(TeamId::new("T1")),
        });
        r.assessments.push(Assessment {
            id: RecordId::new(format!("A{i:09}")),
            child: child.clone(),
            referral,
            start: day(i + 1),
            authorised: Some(day(i + 30)),
            factors: vec![AssessmentFactor::F3A, AssessmentFactor::F16A],
            outcome: Some(AssessmentOutcome::CinPlan),
            worker: Some(WorkerId::new("SW01")),
        });
        for v in 0..2 {
            r.visits.push(Visit {
                id: RecordId::new(format!("V{i:09}{v}")),
                child: child.clone(),
                kind: VisitKind::ChildInNeed,
                date: day(i + 10 * (v + 1)),
                seen: true,
                seen_alone: v == 1,
                worker: Some(WorkerId::new("SW01")),
            });
        }
        if i % 60 == 0 {
            for e in 0..2 {
                r.cla_episodes.push(ClaEpisode {
                    id: RecordId::new(format!("E{i:09}{e}")),
                    child: child.clone(),
                    start: day(i + 100 * e),
                    reason_new: if e == 0 {
                        ReasonNewEpisode::S
                    } else {
                        ReasonNewEpisode::P
                    },
                    legal_status: LegalStatus::C2,
                    category_of_need: CategoryOfNeed::N1,
                    placement: if e == 0 {
                        PlacementType::U4
                    } else {
                        PlacementType::K2
                    },
                    provider: Some(PlacementProvider::PR1),
                    end: (e == 0).then(|| day(i + 100)),
                    reason_ceased: (e == 0).then_some(ReasonEpisodeCeased::X1),
                    reason_place_change: (e == 0).then_some(ReasonPlaceChange::CARPL),
                    home_postcode: Some(Postcode::normalised("HD1 2AB")),
                    placement_postcode: Some(Postcode::normalised("HD2 3CD")),
                    urn: None,
                    placement_la: Some(LaCode(382)),
                    placement_distance_miles: Some(3.5),
                });
            }
        }
    }
    r
}

#[test]
fn a_large_extract_round_trips_and_reports_its_speed() {
    let contacts: usize = std::env::var("SIGHTLINE_SSD_PERF_CONTACTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20_000);
    let records = council(contacts);
    let rows = records.total();
    let dir = tempfile::tempdir().unwrap();

    let (started, cpu) = (Instant::now(), thread_cpu_seconds());
    let files = ssd::write(dir.path(), &records, &common_spec()).unwrap();
    let (wrote, wrote_cpu) = (started.elapsed().as_secs_f64(), thread_cpu_seconds() - cpu);
    let bytes: u64 = files
        .iter()
        .map(|f| std::fs::metadata(f).unwrap().len())
        .sum();
    let counts = records.counts();
    // The generator is deterministic: the original is rebuilt for the comparison rather than
    // held in memory while reading, so the read is measured as a real import would run.
    drop(records);

    let (started, cpu) = (Instant::now(), thread_cpu_seconds());
    let back = ssd::read(&files).unwrap();
    let (read, read_cpu) = (started.elapsed().as_secs_f64(), thread_cpu_seconds() - cpu);

    println!(
        "ssd: {rows} records ({contacts} contacts), {:.1} MB; write {wrote:.2}s wall, {wrote_cpu:.2}s CPU \
         ({:.0} records per CPU second); read {read:.2}s wall, {read_cpu:.2}s CPU ({:.0} records per CPU second)",
        bytes as f64 / 1e6,
        rows as f64 / wrote_cpu,
        rows as f64 / read_cpu,
    );
    assert_eq!(back.counts(), counts);
    assert!(
        back == council(contacts),
        "the large extract read back differently"
    );
}

/// CPU time of the current thread, so that figures stay meaningful on a busy machine (Linux;
/// elsewhere 0, and only wall-clock figures mean anything).
fn thread_cpu_seconds() -> f64 {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<f64>().ok())
        .map_or(0.0, |ns| ns / 1e9)
}

fn common_spec() -> sightline_formats::ExtractSpec {
    sightline_formats::ExtractSpec {
        council: sightline_model::Council {
            la_code: LaCode(382),
            name: "Kirklees".into(),
        },
        extract_date: NaiveDate::from_ymd_opt(2025, 3, 31).unwrap(),
        collection_year_ending: 2025,
    }
}
