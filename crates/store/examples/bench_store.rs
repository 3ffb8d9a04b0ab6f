//! Measures the SQLite snapshot store on a synthetic council built by simple loops (no real data):
//! import rows/s, load rows/s and child lookup latency.
//!
//! ```text
//! cargo run --release -p sightline-store --example bench_store -- [ROWS] [DIR]
//! ```
//! `ROWS` is the approximate number of records (default 500000, the size of a large council;
//! England is about 35000000). `DIR` is where the database goes (default: a temporary directory).
//! With `BENCH_POSTGRES=postgres://...` the same snapshot is then imported into and loaded from
//! PostgreSQL too, in a schema made for the run and dropped after it.

use std::error::Error;
use std::path::PathBuf;
use std::time::Instant;

use chrono::{Days, NaiveDate};
use sightline_model::CaseRecords;
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;
use sightline_store::{FileProvenance, NewSnapshot, SnapshotStore, SqliteStore};

/// Records generated per child by [`add_child`] (checked at run time).
const ROWS_PER_CHILD: usize = 50;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let rows: usize = match args.next() {
        Some(text) => text.parse()?,
        None => 500_000,
    };
    let temp = tempfile::tempdir()?;
    let dir = args
        .next()
        .map_or_else(|| temp.path().to_owned(), PathBuf::from);
    let path = dir.join("bench.db");
    if path.exists() {
        return Err(format!("{} exists; give an empty directory", path.display()).into());
    }

    let started = Instant::now();
    let records = synthetic_council(rows / ROWS_PER_CHILD);
    let total = records.total();
    println!(
        "generated {total} records ({} children) in {:.1?}",
        records.children.len(),
        started.elapsed()
    );

    let mut store = SqliteStore::open(&path)?;
    let extract_date = day(2025, 3, 31);
    let snapshot = NewSnapshot {
        source_format: "ssd".to_owned(),
        la_code: Some(LaCode(382)),
        extract_date,
        imported_at: extract_date.and_hms_opt(9, 0, 0).ok_or("bad time")?,
        files: vec![FileProvenance {
            name: "synthetic".to_owned(),
            sha256: String::new(),
            bytes: 0,
        }],
        records: &records,
    };
    let id = measure("import", total, || Ok(store.import(&[snapshot])?[0]))?;
    let db_bytes = std::fs::metadata(&path)?.len()
        + std::fs::metadata(dir.join("bench.db-wal")).map_or(0, |m| m.len());
    println!("  database + log: {:.1} MiB", db_bytes as f64 / 1048576.0);
    // Closing checkpoints the log into the database; timed apart because it happens after the
    // import has committed.
    measure("close", 0, || {
        drop(store);
        Ok(())
    })?;
    if std::env::var_os("BENCH_IMPORT_ONLY").is_some() {
        return Ok(());
    }

    let store = SqliteStore::open(&path)?;
    let loaded = measure("load", total, || Ok(store.load(id)?))?;
    if loaded != records {
        return Err("loaded records differ from those imported".into());
    }

    if let Ok(url) = std::env::var("BENCH_POSTGRES") {
        bench_postgres(&url, &snapshot_of(&records)?, &records)?;
    }

    let lookups = 1000.min(records.children.len());
    let step = records.children.len() / lookups.max(1);
    let started = Instant::now();
    let mut found = 0;
    for child in records.children.iter().step_by(step.max(1)).take(lookups) {
        found += store.child(id, &child.id)?.total();
    }
    let elapsed = started.elapsed();
    println!(
        "child lookup: {lookups} children, {found} records, {:.2} ms per child",
        elapsed.as_secs_f64() * 1000.0 / lookups.max(1) as f64
    );
    Ok(())
}

/// The benchmark's snapshot of `records`.
fn snapshot_of(records: &CaseRecords) -> Result<NewSnapshot<'_>, Box<dyn Error>> {
    let extract_date = day(2025, 3, 31);
    Ok(NewSnapshot {
        source_format: "ssd".to_owned(),
        la_code: Some(LaCode(382)),
        extract_date,
        imported_at: extract_date.and_hms_opt(9, 0, 0).ok_or("bad time")?,
        files: Vec::new(),
        records,
    })
}

/// Import and load through PostgreSQL, in a schema of its own.
fn bench_postgres(
    url: &str,
    snapshot: &NewSnapshot<'_>,
    records: &CaseRecords,
) -> Result<(), Box<dyn Error>> {
    let schema = format!("sightline_bench_{}", std::process::id());
    let mut admin = postgres::Client::connect(url, postgres::NoTls)?;
    admin.batch_execute(&format!("CREATE SCHEMA {schema}"))?;
    let separator = if url.contains('?') { '&' } else { '?' };
    let scoped = format!("{url}{separator}options=-csearch_path%3D{schema}");
    let result = (|| -> Result<(), Box<dyn Error>> {
        let mut store = sightline_store::PostgresStore::connect(&scoped)?;
        let total = records.total();
        let id = measure("postgres import", total, || {
            Ok(store.import(std::slice::from_ref(snapshot))?[0])
        })?;
        let loaded = measure("postgres load", total, || Ok(store.load(id)?))?;
        if &loaded != records {
            return Err("records loaded from PostgreSQL differ from those imported".into());
        }
        Ok(())
    })();
    admin.batch_execute(&format!("DROP SCHEMA {schema} CASCADE"))?;
    result
}

/// Runs `work` and prints its wall-clock and CPU time (CPU time of this thread: other processes
/// on a shared machine inflate the first but not the second), with records/s when `records` > 0.
fn measure<T>(
    what: &str,
    records: usize,
    work: impl FnOnce() -> Result<T, Box<dyn Error>>,
) -> Result<T, Box<dyn Error>> {
    let cpu_before = thread_cpu_seconds();
    let started = Instant::now();
    let out = work()?;
    let wall = started.elapsed().as_secs_f64();
    let cpu = thread_cpu_seconds()
        .zip(cpu_before)
        .map_or(f64::NAN, |(after, before)| after - before);
    let rate = |seconds: f64| records as f64 / seconds;
    if records > 0 {
        println!(
            "{what}: {records} records in {wall:.2} s wall ({:.0} records/s), {cpu:.2} s CPU ({:.0} records/s)",
            rate(wall),
            rate(cpu)
        );
    } else {
        println!("{what}: {wall:.2} s wall, {cpu:.2} s CPU");
    }
    Ok(out)
}

/// CPU time of the calling thread (Linux only; `None` elsewhere).
fn thread_cpu_seconds() -> Option<f64> {
    let text = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos: f64 = text.split_whitespace().next()?.parse().ok()?;
    Some(nanos / 1e9)
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// A council of `children` children with about [`ROWS_PER_CHILD`] records each, plus its workforce.
fn synthetic_council(children: usize) -> CaseRecords {
    let mut records = CaseRecords::default();
    let workers = (children / 20).max(1);
    for w in 0..workers {
        records.teams.push(Team {
            id: TeamId::new(format!("T{:04}", w / 8)),
            name: format!("Team {}", w / 8),
            service: Service::AssessmentIntervention,
            locality: Some(Locality("North".to_owned())),
        });
        records.workers.push(Worker {
            id: WorkerId::new(format!("SW{w:06}")),
            team: TeamId::new(format!("T{:04}", w / 8)),
            role: WorkerRole::SocialWorker,
            fte: if w % 3 == 0 { 0.6 } else { 1.0 },
            agency: w % 7 == 0,
            start: day(2018, 1, 1) + Days::new((w % 2000) as u64),
            end: None,
        });
        records.foster_households.push(FosterHousehold {
            id: HouseholdId::new(format!("FH{w:06}")),
            kind: FosterHouseholdKind::InHouse,
            approved: day(2015, 6, 1),
            deregistered: None,
            places: 2,
        });
    }
    let before = records.total();
    for c in 0..children {
        add_child(&mut records, c, workers);
    }
    // Keeps the ROWS argument meaning what it says when add_child changes.
    debug_assert_eq!(records.total() - before, children * ROWS_PER_CHILD);
    records
}

/// Appends one child's records; dates and codes vary with `c` so that rows are not identical.
fn add_child(r: &mut CaseRecords, c: usize, workers: usize) {
    let child = ChildId::new(format!("C{c:08}"));
    let worker = || Some(WorkerId::new(format!("SW{:06}", c % workers)));
    let base = day(2018, 4, 1) + Days::new((c % 2500) as u64);
    let at = |days: u64| base + Days::new(days);
    let rid = |kind: &str, n: usize| RecordId::new(format!("{kind}{c:08}-{n}"));

    r.children.push(Child {
        id: child.clone(),
        upn: Some(Upn::new(format!("A{c:012}"))),
        upn_unknown: None,
        former_upn: None,
        sex: Sex::ALL[c % 3],
        date_of_birth: Some(base - Days::new(3000)),
        expected_date_of_birth: None,
        date_of_death: None,
        ethnicity: Ethnicity::ALL[c % Ethnicity::ALL.len()],
        disabilities: if c.is_multiple_of(5) {
            vec![Disability::AUT, Disability::LD]
        } else {
            vec![]
        },
        uasc: c.is_multiple_of(40).then_some(UascStatus {
            from: Some(base),
            ceased: None,
        }),
        home_postcode: Some(Postcode::normalised("HD1 2AB")),
        locality: Some(Locality("North".to_owned())),
        motherhood: None,
    });
    for n in 0..3 {
        r.contacts.push(Contact {
            id: rid("CON", n),
            child: child.clone(),
            date: at(n as u64 * 30),
            source: ReferralSource::ALL[(c + n) % ReferralSource::ALL.len()],
            outcome: ContactOutcome::Referral,
        });
    }
    r.early_help.push(EarlyHelpEpisode {
        id: rid("EH", 0),
        child: child.clone(),
        locality: Some(Locality("North".to_owned())),
        organisation: Some("Early Support Team".to_owned()),
        start: at(0),
        end: Some(at(90)),
        step: Some(StepChange::StepUp),
        worker: worker(),
    });
    for n in 0..2 {
        r.referrals.push(Referral {
            id: rid("REF", n),
            child: child.clone(),
            date: at(n as u64 * 200),
            source: ReferralSource::S6,
            primary_need: Some(PrimaryNeed::N1),
            nfa: false,
            closure_date: (n == 0).then(|| at(180)),
            closure_reason: (n == 0).then_some(ReasonForClosure::RC7),
            team: Some(TeamId::new("T0001")),
        });
        r.assessments.push(Assessment {
            id: rid("ASS", n),
            child: child.clone(),
            referral: rid("REF", n),
            start: at(n as u64 * 200 + 1),
            authorised: Some(at(n as u64 * 200 + 40)),
            factors: vec![AssessmentFactor::F3A, AssessmentFactor::F4B],
            outcome: Some(AssessmentOutcome::CinPlan),
            worker: worker(),
        });
        r.conferences.push(ChildProtectionConference {
            id: rid("CPC", n),
            child: child.clone(),
            referral: rid("REF", 0),
            kind: if n == 0 {
                ConferenceKind::Initial
            } else {
                ConferenceKind::Review
            },
            s47: Some(rid("S47", 0)),
            plan: Some(rid("CPP", 0)),
            date: at(20 + n as u64 * 90),
            plan_decided: true,
        });
        r.cin_plan_reviews.push(CinPlanReview {
            id: rid("CINR", n),
            child: child.clone(),
            plan: rid("CIN", 0),
            date: at(60 + n as u64 * 90),
        });
        r.allocations.push(Allocation {
            id: rid("AL", n),
            child: child.clone(),
            worker: WorkerId::new(format!("SW{:06}", (c + n) % workers)),
            start: at(n as u64 * 100),
            end: (n == 0).then(|| at(100)),
            reason: (n == 0).then_some(SwChangeReason::ALL[0]),
        });
        r.supervisions.push(Supervision {
            id: rid("SUP", n),
            worker: WorkerId::new(format!("SW{:06}", c % workers)),
            child: Some(child.clone()),
            date: at(30 + n as u64 * 30),
        });
    }
    r.strategy_discussions.push(StrategyDiscussion {
        id: rid("SD", 0),
        child: child.clone(),
        referral: rid("REF", 0),
        date: at(2),
        s47_started: true,
    });
    r.section47s.push(Section47 {
        id: rid("S47", 0),
        child: child.clone(),
        referral: rid("REF", 0),
        strategy_discussion: Some(rid("SD", 0)),
        start: at(2),
        end: Some(at(15)),
        icpc_target: Some(at(17)),
        icpc_required: true,
        outcome: Some(S47Outcome::Icpc),
    });
    r.cp_plans.push(ChildProtectionPlan {
        id: rid("CPP", 0),
        child: child.clone(),
        referral: rid("REF", 0),
        start: at(20),
        end: Some(at(300)),
        initial_category: CategoryOfAbuse::ALL[c % CategoryOfAbuse::ALL.len()],
        latest_category: CategoryOfAbuse::ALL[c % CategoryOfAbuse::ALL.len()],
        previous_plans: (c % 3) as u32,
    });
    for n in 0..3 {
        r.core_groups.push(CoreGroup {
            id: rid("CG", n),
            child: child.clone(),
            plan: rid("CPP", 0),
            date: at(30 + n as u64 * 30),
        });
    }
    for n in 0..10 {
        r.visits.push(Visit {
            id: rid("VIS", n),
            child: child.clone(),
            kind: VisitKind::ChildProtection,
            date: at(25 + n as u64 * 10),
            seen: true,
            seen_alone: n % 2 == 0,
            worker: worker(),
        });
    }
    r.cin_plans.push(CinPlan {
        id: rid("CIN", 0),
        child: child.clone(),
        referral: rid("REF", 1),
        start: at(240),
        end: None,
    });
    for n in 0..3 {
        r.cla_episodes.push(ClaEpisode {
            id: rid("EP", n),
            child: child.clone(),
            start: at(300 + n as u64 * 60),
            reason_new: if n == 0 {
                ReasonNewEpisode::S
            } else {
                ReasonNewEpisode::ALL[1]
            },
            legal_status: LegalStatus::C2,
            category_of_need: CategoryOfNeed::N1,
            placement: PlacementType::ALL[(c + n) % PlacementType::ALL.len()],
            provider: Some(PlacementProvider::ALL[0]),
            end: (n < 2).then(|| at(360 + n as u64 * 60)),
            reason_ceased: (n < 2).then_some(ReasonEpisodeCeased::ALL[0]),
            reason_place_change: (n < 2).then_some(ReasonPlaceChange::ALL[0]),
            home_postcode: Some(Postcode::normalised("HD1 2AB")),
            placement_postcode: Some(Postcode::normalised("LS1 4DT")),
            urn: Some("SC123456".to_owned()),
            placement_la: Some(LaCode(383)),
            placement_distance_miles: Some(12.5 + n as f64),
        });
        r.cla_reviews.push(ClaReview {
            id: rid("REV", n),
            child: child.clone(),
            date: at(320 + n as u64 * 90),
            participation: ReviewParticipation::ALL[0],
        });
    }
    r.missing.push(MissingEpisode {
        id: rid("MIS", 0),
        child: child.clone(),
        kind: MissingKind::ALL[0],
        start: at(400),
        end: Some(at(401)),
        rhi_offered: Some(at(402)),
        rhi_completed: None,
    });
    r.care_leavers.push(CareLeaverContact {
        id: rid("OC3", 0),
        child: child.clone(),
        birthday_age: 19,
        contact_date: Some(at(500)),
        in_touch: InTouch::ALL[0],
        activity: Activity::ALL[0],
        accommodation: Accommodation::B1,
    });
    r.pathway_plans.push(PathwayPlan {
        id: rid("PP", 0),
        child: child.clone(),
        date: at(480),
        personal_adviser: worker(),
    });
    r.permanence.push(Permanence {
        id: rid("PERM", 0),
        child: child.clone(),
        plan_date: Some(at(330)),
        adm_decision: None,
        placement_order: None,
        matched: None,
        placed_for_adoption: None,
        decision_reversed: None,
        reversal_reason: None,
        order: Some(PermanenceOrder::SpecialGuardianship),
        order_date: Some(at(600)),
        adopters: None,
    });
    r.previous_permanence.push(PreviousPermanenceRecord {
        child: child.clone(),
        kind: PreviousPermanence::ALL[0],
        la: None,
        date: None,
    });
    r.health_outcomes.push(ClaHealthOutcome {
        child: child.clone(),
        year_ending: 2025,
        sdq_score: Some((c % 40) as u8),
        sdq_reason: None,
        convicted: Some(false),
        health_check: None,
        immunisations: Some(true),
        teeth_check: Some(true),
        health_assessment: Some(true),
        substance_misuse: Some(false),
        intervention_received: None,
        intervention_offered: None,
    });
    r.audits.push(CaseAudit {
        id: rid("AUD", 0),
        child: child.clone(),
        worker: worker(),
        due: at(100),
        completed: Some(at(98)),
        grade: Some(AuditGrade::Good),
    });
    r.complaints.push(Complaint {
        id: rid("COMP", 0),
        child: Some(child.clone()),
        received: at(50),
        responded: Some(at(60)),
    });
    r.private_fostering.push(PrivateFostering {
        id: rid("PF", 0),
        child: child.clone(),
        notified: at(5),
        start: at(1),
        end: None,
        assessed: Some(at(20)),
    });
    r.lado_allegations.push(LadoAllegation {
        id: rid("LADO", 0),
        child: Some(child),
        received: at(70),
        concluded: Some(at(100)),
        outcome: Some(LadoOutcome::Unsubstantiated),
    });
}
