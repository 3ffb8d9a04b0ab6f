//! A deterministic, synthetic `CaseRecords` with one record of every kind per child, either with
//! every optional field set ("full") or every optional field empty ("sparse").
//!
//! Every struct is written as a literal naming all its fields, so a field added to the model
//! breaks this file until the fixture (and so the round-trip test) covers it.

use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;
use sightline_model::{CaseRecords, NaiveDate};

pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

/// Full records for child `C1` followed by sparse records for child `C2`.
pub fn every_kind() -> CaseRecords {
    let mut records = for_child("C1", Fill::Full);
    records.extend(for_child("C2", Fill::Sparse));
    records
}

/// Whether optional fields are set.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Fill {
    Full,
    Sparse,
}

/// One record of every kind for `child` (teams, workers and households included, named after it).
pub fn for_child(child: &str, fill: Fill) -> CaseRecords {
    let full = fill == Fill::Full;
    // `some(x)` is Some(x) for full records and None for sparse ones.
    fn pick<T>(full: bool, value: T) -> Option<T> {
        full.then_some(value)
    }
    let some = |value: NaiveDate| pick(full, value);
    let id = |kind: &str| RecordId::new(format!("{kind}-{child}"));
    let child_id = ChildId::new(child);
    let worker = WorkerId::new(format!("SW-{child}"));
    let team = TeamId::new(format!("T-{child}"));
    let locality = Locality(format!("Locality, \"{child}\" ✓"));

    CaseRecords {
        children: vec![Child {
            id: child_id.clone(),
            upn: pick(full, Upn::new("A123456789012")),
            upn_unknown: pick(full, UpnUnknown::UN4),
            former_upn: pick(full, Upn::new("B123456789012")),
            sex: if full { Sex::Female } else { Sex::Unknown },
            date_of_birth: some(d(2010, 2, 28)),
            expected_date_of_birth: some(d(2010, 3, 1)),
            date_of_death: some(d(2024, 12, 31)),
            ethnicity: if full {
                Ethnicity::MWBA
            } else {
                Ethnicity::NOBT
            },
            disabilities: if full {
                vec![Disability::MOB, Disability::AUT, Disability::MOB]
            } else {
                vec![]
            },
            // A present group whose fields are partly empty must not come back as None.
            uasc: pick(
                full,
                UascStatus {
                    from: None,
                    ceased: Some(d(2028, 2, 28)),
                },
            ),
            home_postcode: pick(full, Postcode::normalised("hd1 2ab")),
            locality: pick(full, locality.clone()),
            motherhood: pick(
                full,
                Motherhood {
                    first_child_born: None,
                },
            ),
        }],
        contacts: vec![Contact {
            id: id("CON"),
            child: child_id.clone(),
            date: d(2024, 4, 1),
            source: if full {
                ReferralSource::S1A
            } else {
                ReferralSource::S10
            },
            outcome: if full {
                ContactOutcome::Referral
            } else {
                ContactOutcome::NoFurtherAction
            },
        }],
        early_help: vec![EarlyHelpEpisode {
            id: id("EH"),
            child: child_id.clone(),
            locality: pick(full, locality.clone()),
            organisation: pick(full, "St Mary's, Primary".to_owned()),
            start: d(2023, 9, 4),
            end: some(d(2024, 3, 28)),
            step: pick(full, StepChange::StepUp),
            worker: pick(full, worker.clone()),
        }],
        referrals: vec![Referral {
            id: id("REF"),
            child: child_id.clone(),
            date: d(2024, 4, 2),
            source: ReferralSource::S2A,
            primary_need: pick(full, PrimaryNeed::N1),
            nfa: !full,
            closure_date: some(d(2025, 1, 10)),
            closure_reason: pick(full, ReasonForClosure::RC8),
            team: pick(full, team.clone()),
        }],
        assessments: vec![Assessment {
            id: id("ASS"),
            child: child_id.clone(),
            referral: id("REF"),
            start: d(2024, 4, 3),
            authorised: some(d(2024, 5, 20)),
            factors: if full {
                vec![AssessmentFactor::F3A, AssessmentFactor::F10A]
            } else {
                vec![]
            },
            outcome: pick(full, AssessmentOutcome::StrategyDiscussion),
            worker: pick(full, worker.clone()),
        }],
        strategy_discussions: vec![StrategyDiscussion {
            id: id("SD"),
            child: child_id.clone(),
            referral: id("REF"),
            date: d(2024, 4, 4),
            s47_started: full,
        }],
        section47s: vec![Section47 {
            id: id("S47"),
            child: child_id.clone(),
            referral: id("REF"),
            strategy_discussion: pick(full, id("SD")),
            start: d(2024, 4, 4),
            end: some(d(2024, 4, 18)),
            icpc_target: some(d(2024, 5, 2)),
            icpc_required: full,
            outcome: pick(full, S47Outcome::Icpc),
        }],
        conferences: vec![ChildProtectionConference {
            id: id("CPC"),
            child: child_id.clone(),
            referral: id("REF"),
            kind: if full {
                ConferenceKind::Initial
            } else {
                ConferenceKind::Review
            },
            s47: pick(full, id("S47")),
            plan: pick(full, id("CPP")),
            date: d(2024, 4, 30),
            plan_decided: full,
        }],
        cp_plans: vec![ChildProtectionPlan {
            id: id("CPP"),
            child: child_id.clone(),
            referral: id("REF"),
            start: d(2024, 4, 30),
            end: some(d(2025, 2, 1)),
            initial_category: CategoryOfAbuse::ALL[0],
            latest_category: *CategoryOfAbuse::ALL.last().unwrap(),
            previous_plans: if full { u32::MAX } else { 0 },
        }],
        core_groups: vec![CoreGroup {
            id: id("CG"),
            child: child_id.clone(),
            plan: id("CPP"),
            date: d(2024, 5, 10),
        }],
        visits: vec![Visit {
            id: id("VIS"),
            child: child_id.clone(),
            kind: if full {
                VisitKind::ChildProtection
            } else {
                VisitKind::LookedAfter
            },
            date: d(2024, 5, 14),
            seen: full,
            seen_alone: full,
            worker: pick(full, worker.clone()),
        }],
        cin_plans: vec![CinPlan {
            id: id("CIN"),
            child: child_id.clone(),
            referral: id("REF"),
            start: d(2024, 6, 1),
            end: some(d(2024, 12, 1)),
        }],
        cin_plan_reviews: vec![CinPlanReview {
            id: id("CINR"),
            child: child_id.clone(),
            plan: id("CIN"),
            date: d(2024, 9, 1),
        }],
        cla_episodes: vec![ClaEpisode {
            id: id("EP"),
            child: child_id.clone(),
            start: d(2024, 7, 1),
            reason_new: ReasonNewEpisode::ALL[0],
            legal_status: LegalStatus::C2,
            category_of_need: CategoryOfNeed::N1,
            placement: if full {
                PlacementType::U4
            } else {
                PlacementType::T0
            },
            provider: pick(full, PlacementProvider::ALL[0]),
            end: some(d(2025, 1, 31)),
            reason_ceased: pick(full, ReasonEpisodeCeased::E14),
            reason_place_change: pick(full, ReasonPlaceChange::ALL[0]),
            home_postcode: pick(full, Postcode::normalised("HD12AB")),
            placement_postcode: pick(full, Postcode::normalised("LS1 4DT")),
            urn: pick(full, "SC123456".to_owned()),
            placement_la: pick(full, LaCode(382)),
            // Not exactly representable in decimal: must come back bit for bit.
            placement_distance_miles: pick(full, 0.1 + 0.2),
        }],
        cla_reviews: vec![ClaReview {
            id: id("REV"),
            child: child_id.clone(),
            date: d(2024, 7, 29),
            participation: ReviewParticipation::ALL[1],
        }],
        missing: vec![MissingEpisode {
            id: id("MIS"),
            child: child_id.clone(),
            kind: *MissingKind::ALL.last().unwrap(),
            start: d(2024, 8, 3),
            end: some(d(2024, 8, 4)),
            rhi_offered: some(d(2024, 8, 5)),
            rhi_completed: some(d(2024, 8, 6)),
        }],
        care_leavers: vec![CareLeaverContact {
            id: id("OC3"),
            child: child_id.clone(),
            birthday_age: if full { 21 } else { 17 },
            contact_date: some(d(2025, 3, 1)),
            in_touch: InTouch::ALL[0],
            activity: Activity::ALL[2],
            accommodation: Accommodation::B1,
        }],
        pathway_plans: vec![PathwayPlan {
            id: id("PP"),
            child: child_id.clone(),
            date: d(2025, 2, 14),
            personal_adviser: pick(full, WorkerId::new(format!("PA-{child}"))),
        }],
        permanence: vec![Permanence {
            id: id("PERM"),
            child: child_id.clone(),
            plan_date: some(d(2024, 9, 1)),
            adm_decision: some(d(2024, 10, 1)),
            placement_order: some(d(2024, 11, 1)),
            matched: some(d(2024, 12, 1)),
            placed_for_adoption: some(d(2025, 1, 1)),
            decision_reversed: some(d(2025, 2, 1)),
            reversal_reason: pick(full, ReasonPlacedCeased::ALL[0]),
            order: pick(full, PermanenceOrder::SpecialGuardianship),
            order_date: some(d(2025, 3, 1)),
            adopters: pick(
                full,
                Adopters {
                    foster_carers: true,
                    count: 2,
                    sex: AdopterSex::ALL[0],
                    legal_status: AdopterLegalStatus::ALL[0],
                },
            ),
        }],
        previous_permanence: vec![PreviousPermanenceRecord {
            child: child_id.clone(),
            kind: PreviousPermanence::ALL[0],
            la: pick(full, "WAL".to_owned()),
            // Day unknown ("ZZ" in the 903) but month and year known.
            date: pick(
                full,
                PartialDate {
                    day: None,
                    month: Some(6),
                    year: Some(2019),
                },
            ),
        }],
        health_outcomes: vec![ClaHealthOutcome {
            child: child_id.clone(),
            year_ending: 2025,
            sdq_score: pick(full, 40),
            sdq_reason: pick(full, SdqReason::ALL[0]),
            convicted: pick(full, false),
            health_check: pick(full, true),
            immunisations: pick(full, false),
            teeth_check: pick(full, true),
            health_assessment: pick(full, false),
            substance_misuse: pick(full, true),
            intervention_received: pick(full, false),
            intervention_offered: pick(full, true),
        }],
        teams: vec![Team {
            id: team.clone(),
            name: format!("Team {child}"),
            service: Service::AssessmentIntervention,
            locality: pick(full, locality.clone()),
        }],
        workers: vec![Worker {
            id: worker.clone(),
            team: team.clone(),
            role: if full {
                WorkerRole::TeamManager
            } else {
                WorkerRole::SocialWorker
            },
            fte: if full { 0.6 } else { 1.0 },
            agency: full,
            start: d(2019, 1, 7),
            end: some(d(2025, 3, 31)),
        }],
        allocations: vec![Allocation {
            id: id("ALLOC"),
            child: child_id.clone(),
            worker: worker.clone(),
            start: d(2024, 4, 2),
            end: some(d(2024, 10, 2)),
            reason: pick(full, SwChangeReason::ALL[0]),
        }],
        supervisions: vec![Supervision {
            id: id("SUP"),
            worker: worker.clone(),
            child: pick(full, child_id.clone()),
            date: d(2024, 6, 12),
        }],
        audits: vec![CaseAudit {
            id: id("AUD"),
            child: child_id.clone(),
            worker: pick(full, worker.clone()),
            due: d(2024, 11, 30),
            completed: some(d(2024, 11, 28)),
            grade: pick(full, AuditGrade::RequiresImprovement),
        }],
        complaints: vec![Complaint {
            id: id("COMP"),
            child: pick(full, child_id.clone()),
            received: d(2024, 10, 1),
            responded: some(d(2024, 10, 20)),
        }],
        foster_households: vec![FosterHousehold {
            id: HouseholdId::new(format!("FH-{child}")),
            kind: FosterHouseholdKind::FamilyAndFriends,
            approved: d(2018, 5, 1),
            deregistered: some(d(2025, 1, 1)),
            places: if full { u8::MAX } else { 0 },
        }],
        private_fostering: vec![PrivateFostering {
            id: id("PF"),
            child: child_id.clone(),
            notified: d(2024, 1, 5),
            start: d(2024, 1, 1),
            end: some(d(2024, 7, 1)),
            assessed: some(d(2024, 2, 1)),
        }],
        lado_allegations: vec![LadoAllegation {
            id: id("LADO"),
            child: pick(full, child_id),
            received: d(2024, 3, 3),
            concluded: some(d(2024, 5, 5)),
            outcome: pick(full, LadoOutcome::Unfounded),
        }],
    }
}
