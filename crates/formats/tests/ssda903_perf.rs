//! Scale check for the 903 writer and reader: a council of `SIGHTLINE_PERF_CHILDREN` looked-after
//! children (2,000 by default so the suite stays quick) is written and read back, and the
//! timings printed. Run in release with e.g. `SIGHTLINE_PERF_CHILDREN=100000` to measure.

use std::time::Instant;

use chrono::{Days, NaiveDate};
use sightline_formats::ExtractSpec;
use sightline_formats::ssda903;
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
        let id = ChildId::new(format!("P{i:07}"));
        let dob = d(
            2008 + (i % 16) as i32,
            1 + (i % 12) as u32,
            1 + (i % 28) as u32,
        );
        r.children.push(Child {
            id: id.clone(),
            upn: Some(Upn::new(format!("A{:012}", i))),
            upn_unknown: None,
            former_upn: None,
            sex: if i % 2 == 0 { Sex::Female } else { Sex::Male },
            date_of_birth: Some(dob),
            expected_date_of_birth: None,
            date_of_death: None,
            ethnicity: Ethnicity::ALL[i % Ethnicity::ALL.len()],
            disabilities: Vec::new(),
            uasc: None,
            home_postcode: None,
            locality: None,
            motherhood: None,
        });
        let start = d(2024, 6, 1)
            .checked_add_days(Days::new((i % 200) as u64))
            .unwrap();
        let moved = d(2025, 8, 1)
            .checked_add_days(Days::new((i % 100) as u64))
            .unwrap();
        let episode = |n: u32, start, rne, place, end: Option<NaiveDate>| ClaEpisode {
            id: RecordId::new(format!("{i}/e{n}")),
            child: id.clone(),
            start,
            reason_new: rne,
            legal_status: LegalStatus::C2,
            category_of_need: CategoryOfNeed::N1,
            placement: place,
            provider: Some(PlacementProvider::PR1),
            end,
            reason_ceased: end.map(|_| ReasonEpisodeCeased::X1),
            reason_place_change: end.map(|_| ReasonPlaceChange::CARPL),
            home_postcode: Some(Postcode::normalised("HD1 2AB")),
            placement_postcode: Some(Postcode::normalised("HD2 3CD")),
            urn: Some("SC123456".into()),
            placement_la: None,
            placement_distance_miles: None,
        };
        r.cla_episodes.push(episode(
            1,
            start,
            ReasonNewEpisode::S,
            PlacementType::U4,
            Some(moved),
        ));
        r.cla_episodes.push(episode(
            2,
            moved,
            ReasonNewEpisode::P,
            PlacementType::K2,
            None,
        ));
        for (k, date) in [d(2025, 5, 1), d(2025, 11, 1)].into_iter().enumerate() {
            r.cla_reviews.push(ClaReview {
                id: RecordId::new(format!("{i}/r{k}")),
                child: id.clone(),
                date,
                participation: ReviewParticipation::PN1,
            });
        }
        r.allocations.push(Allocation {
            id: RecordId::new(format!("{i}/a")),
            child: id.clone(),
            worker: WorkerId::new(format!("SW{:04}", i % 900)),
            start,
            end: None,
            reason: Some(SwChangeReason::FCONTA),
        });
        if i % 10 == 0 {
            r.missing.push(MissingEpisode {
                id: RecordId::new(format!("{i}/m")),
                child: id.clone(),
                kind: MissingKind::M,
                start: d(2025, 9, 1),
                end: Some(d(2025, 9, 2)),
                rhi_offered: None,
                rhi_completed: None,
            });
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
fn a_council_writes_and_reads_back_at_scale() {
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
    let paths = ssda903::write(dir.path(), &records, &spec).unwrap();
    let written = started.elapsed();
    let write_cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    let cpu = cpu_seconds();
    let started = Instant::now();
    let read = ssda903::read(&paths).unwrap();
    let read_time = started.elapsed();
    let read_cpu = cpu_seconds().zip(cpu).map(|(b, a)| b - a);
    let bytes: u64 = paths
        .iter()
        .map(|p| std::fs::metadata(p).unwrap().len())
        .sum();
    println!(
        "903: {n} children, {bytes} bytes: write {written:?} (cpu {write_cpu:?} s), read {read_time:?} (cpu {read_cpu:?} s)"
    );
    assert_eq!(read.children.len(), n);
    assert_eq!(read.cla_episodes.len(), 2 * n);
    assert_eq!(read.cla_reviews.len(), 2 * n);
    assert_eq!(read.allocations.len(), n);
    assert_eq!(read.missing.len(), n.div_ceil(10));
}
