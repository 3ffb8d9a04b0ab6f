//! A small hand-built council extract that holds at least one record of every kind, with the
//! awkward cases readers and writers must survive: an unborn child, a leapling, open and closed
//! episodes, interleaved visit and conference kinds, 903 episodes whose legal status and
//! placement change at different times, a short break, partial dates, missing optional fields.
//!
//! Shared by the integration tests of every format; each test binary uses a different part, so
//! unused helpers are allowed.
#![allow(dead_code)]

use sightline_formats::ExtractSpec;
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;
use sightline_model::{CaseRecords, Council, NaiveDate};

/// A date (panics on an invalid literal, which is a bug in the test).
pub fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
}

fn rid(s: &str) -> RecordId {
    RecordId::new(s)
}

fn cid(s: &str) -> ChildId {
    ChildId::new(s)
}

fn wid(s: &str) -> WorkerId {
    WorkerId::new(s)
}

/// The extract date of the fixture: 31 March 2025, end of the 2024-25 collection year.
pub fn extract_date() -> NaiveDate {
    d(2025, 3, 31)
}

/// The extract spec the fixture is written with.
pub fn spec() -> ExtractSpec {
    ExtractSpec {
        council: Council {
            la_code: LaCode(382),
            name: "Kirklees".into(),
        },
        extract_date: extract_date(),
        collection_year_ending: 2025,
    }
}

/// A child with everything optional left empty.
pub fn bare_child(id: &str, sex: Sex, ethnicity: Ethnicity, born: Option<NaiveDate>) -> Child {
    Child {
        id: cid(id),
        upn: None,
        upn_unknown: None,
        former_upn: None,
        sex,
        date_of_birth: born,
        expected_date_of_birth: None,
        date_of_death: None,
        ethnicity,
        disabilities: Vec::new(),
        uasc: None,
        home_postcode: None,
        locality: None,
        motherhood: None,
    }
}

fn children() -> Vec<Child> {
    vec![
        Child {
            upn: Some(Upn::new("A382123456789")),
            disabilities: vec![Disability::AUT, Disability::COMM],
            home_postcode: Some(Postcode::normalised("hd12ab")),
            locality: Some(Locality("Huddersfield".into())),
            ..bare_child("C001", Sex::Male, Ethnicity::WBRI, Some(d(2012, 5, 14)))
        },
        Child {
            former_upn: Some(Upn::new("B382000000001")),
            upn: Some(Upn::new("B382000000002")),
            uasc: Some(UascStatus {
                from: Some(d(2022, 6, 1)),
                ceased: None,
            }),
            motherhood: Some(Motherhood {
                first_child_born: Some(d(2024, 11, 2)),
            }),
            ..bare_child("C002", Sex::Female, Ethnicity::BAFR, Some(d(2008, 2, 29)))
        },
        Child {
            upn_unknown: Some(UpnUnknown::UN1),
            expected_date_of_birth: Some(d(2025, 5, 1)),
            ..bare_child("C003", Sex::Unknown, Ethnicity::NOBT, None)
        },
        Child {
            uasc: Some(UascStatus {
                from: None,
                ceased: Some(d(2024, 9, 10)),
            }),
            motherhood: Some(Motherhood {
                first_child_born: None,
            }),
            ..bare_child("C004", Sex::Male, Ethnicity::MWBC, Some(d(2006, 9, 10)))
        },
        bare_child("C005", Sex::Female, Ethnicity::WBRI, Some(d(2019, 1, 20))),
        Child {
            date_of_death: Some(d(2025, 3, 20)),
            disabilities: vec![Disability::DDA],
            ..bare_child("C006", Sex::Male, Ethnicity::AIND, Some(d(2015, 7, 7)))
        },
    ]
}

fn contact(
    id: &str,
    child: &str,
    date: NaiveDate,
    source: ReferralSource,
    outcome: ContactOutcome,
) -> Contact {
    Contact {
        id: rid(id),
        child: cid(child),
        date,
        source,
        outcome,
    }
}

fn visit(
    id: &str,
    child: &str,
    kind: VisitKind,
    date: NaiveDate,
    seen: bool,
    alone: bool,
    worker: Option<&str>,
) -> Visit {
    Visit {
        id: rid(id),
        child: cid(child),
        kind,
        date,
        seen,
        seen_alone: alone,
        worker: worker.map(wid),
    }
}

#[allow(clippy::too_many_arguments)]
fn episode(
    id: &str,
    child: &str,
    start: NaiveDate,
    reason_new: ReasonNewEpisode,
    legal_status: LegalStatus,
    placement: PlacementType,
    provider: Option<PlacementProvider>,
    end: Option<NaiveDate>,
    reason_ceased: Option<ReasonEpisodeCeased>,
) -> ClaEpisode {
    ClaEpisode {
        id: rid(id),
        child: cid(child),
        start,
        reason_new,
        legal_status,
        category_of_need: CategoryOfNeed::N4,
        placement,
        provider,
        end,
        reason_ceased,
        reason_place_change: None,
        home_postcode: None,
        placement_postcode: None,
        urn: None,
        placement_la: None,
        placement_distance_miles: None,
    }
}

fn cla_episodes() -> Vec<ClaEpisode> {
    use ReasonNewEpisode as Rne;
    let c002_first_placement = |e: ClaEpisode| ClaEpisode {
        home_postcode: Some(Postcode::normalised("HD2 1XY")),
        placement_postcode: Some(Postcode::normalised("HD3 4ZZ")),
        placement_la: Some(LaCode(382)),
        placement_distance_miles: Some(2.5),
        ..e
    };
    let c002_second_placement = |e: ClaEpisode| ClaEpisode {
        home_postcode: Some(Postcode::normalised("HD2 1XY")),
        placement_postcode: Some(Postcode::normalised("LS1 1AA")),
        urn: Some("SC123456".into()),
        placement_la: Some(LaCode(383)),
        placement_distance_miles: Some(12.75),
        ..e
    };
    vec![
        // C002: section 20, then an interim care order in the same foster placement...
        c002_first_placement(episode(
            "E1",
            "C002",
            d(2023, 3, 1),
            Rne::S,
            LegalStatus::V2,
            PlacementType::U6,
            Some(PlacementProvider::PR1),
            Some(d(2023, 9, 1)),
            Some(ReasonEpisodeCeased::X1),
        )),
        // C005's episodes sit between C002's, as they may in any extract.
        ClaEpisode {
            category_of_need: CategoryOfNeed::N1,
            ..episode(
                "E5",
                "C005",
                d(2020, 2, 1),
                Rne::S,
                LegalStatus::C2,
                PlacementType::U4,
                Some(PlacementProvider::PR1),
                Some(d(2023, 5, 1)),
                Some(ReasonEpisodeCeased::X1),
            )
        },
        ClaEpisode {
            reason_place_change: Some(ReasonPlaceChange::CARPL),
            ..c002_first_placement(episode(
                "E2",
                "C002",
                d(2023, 9, 1),
                Rne::L,
                LegalStatus::C1,
                PlacementType::U6,
                Some(PlacementProvider::PR1),
                Some(d(2024, 1, 10)),
                Some(ReasonEpisodeCeased::X1),
            ))
        },
        // ...then a move to a children's home under the same order...
        ClaEpisode {
            reason_place_change: Some(ReasonPlaceChange::CHILD),
            ..c002_second_placement(episode(
                "E3",
                "C002",
                d(2024, 1, 10),
                Rne::P,
                LegalStatus::C1,
                PlacementType::K2,
                Some(PlacementProvider::PR4),
                Some(d(2024, 6, 1)),
                Some(ReasonEpisodeCeased::X1),
            ))
        },
        ClaEpisode {
            category_of_need: CategoryOfNeed::N1,
            ..episode(
                "E6",
                "C005",
                d(2023, 5, 1),
                Rne::B,
                LegalStatus::E1,
                PlacementType::A5,
                Some(PlacementProvider::PR1),
                Some(d(2024, 12, 20)),
                Some(ReasonEpisodeCeased::E11),
            )
        },
        // ...then a full care order in the same home, still open.
        c002_second_placement(episode(
            "E4",
            "C002",
            d(2024, 6, 1),
            Rne::L,
            LegalStatus::C2,
            PlacementType::K2,
            Some(PlacementProvider::PR4),
            None,
            None,
        )),
        // A short break with a temporary placement (no provider).
        ClaEpisode {
            category_of_need: CategoryOfNeed::N2,
            ..episode(
                "E7",
                "C006",
                d(2024, 11, 1),
                Rne::S,
                LegalStatus::V3,
                PlacementType::T4,
                None,
                Some(d(2024, 11, 3)),
                Some(ReasonEpisodeCeased::E8),
            )
        },
    ]
}

/// The fixture: every record kind at least once.
pub fn fixture() -> CaseRecords {
    use AssessmentFactor as F;
    CaseRecords {
        children: children(),
        contacts: vec![
            contact(
                "K1",
                "C001",
                d(2024, 10, 1),
                ReferralSource::S2A,
                ContactOutcome::Referral,
            ),
            contact(
                "K2",
                "C003",
                d(2025, 1, 10),
                ReferralSource::S3B,
                ContactOutcome::EarlyHelp,
            ),
            contact(
                "K3",
                "C006",
                d(2024, 11, 20),
                ReferralSource::S6,
                ContactOutcome::Signposting,
            ),
            contact(
                "K4",
                "C001",
                d(2024, 3, 1),
                ReferralSource::S1A,
                ContactOutcome::NoFurtherAction,
            ),
            contact(
                "K5",
                "C002",
                d(2024, 12, 5),
                ReferralSource::S5D,
                ContactOutcome::Referral,
            ),
        ],
        early_help: vec![
            EarlyHelpEpisode {
                id: rid("EH1"),
                child: cid("C006"),
                locality: Some(Locality("Dewsbury".into())),
                organisation: Some("Ravensthorpe Primary".into()),
                start: d(2024, 10, 15),
                end: None,
                step: Some(StepChange::StepDown),
                worker: Some(wid("EH01")),
            },
            EarlyHelpEpisode {
                id: rid("EH2"),
                child: cid("C003"),
                locality: None,
                organisation: None,
                start: d(2023, 1, 1),
                end: Some(d(2023, 6, 1)),
                step: Some(StepChange::StepUp),
                worker: None,
            },
        ],
        referrals: vec![
            Referral {
                id: rid("R1"),
                child: cid("C001"),
                date: d(2024, 10, 2),
                source: ReferralSource::S2A,
                primary_need: Some(PrimaryNeed::N1),
                nfa: false,
                closure_date: None,
                closure_reason: None,
                team: Some(TeamId::new("T1")),
            },
            Referral {
                id: rid("R2"),
                child: cid("C002"),
                date: d(2024, 12, 6),
                source: ReferralSource::S5D,
                primary_need: Some(PrimaryNeed::N4),
                nfa: false,
                closure_date: None,
                closure_reason: None,
                team: Some(TeamId::new("T2")),
            },
            Referral {
                id: rid("R3"),
                child: cid("C003"),
                date: d(2025, 1, 12),
                source: ReferralSource::S3B,
                primary_need: None,
                nfa: true,
                closure_date: Some(d(2025, 1, 13)),
                closure_reason: Some(ReasonForClosure::RC8),
                team: None,
            },
            Referral {
                id: rid("R4"),
                child: cid("C001"),
                date: d(2023, 1, 5),
                source: ReferralSource::S6,
                primary_need: Some(PrimaryNeed::N5),
                nfa: false,
                closure_date: Some(d(2023, 6, 30)),
                closure_reason: Some(ReasonForClosure::RC7),
                team: Some(TeamId::new("T1")),
            },
        ],
        assessments: vec![
            Assessment {
                id: rid("A1"),
                child: cid("C001"),
                referral: rid("R1"),
                start: d(2024, 10, 3),
                authorised: Some(d(2024, 11, 1)),
                factors: vec![F::F3A, F::F4B],
                outcome: Some(AssessmentOutcome::StrategyDiscussion),
                worker: Some(wid("SW01")),
            },
            Assessment {
                id: rid("A2"),
                child: cid("C002"),
                referral: rid("R2"),
                start: d(2024, 12, 7),
                authorised: None,
                factors: Vec::new(),
                outcome: None,
                worker: None,
            },
        ],
        strategy_discussions: vec![
            StrategyDiscussion {
                id: rid("SD1"),
                child: cid("C001"),
                referral: rid("R1"),
                date: d(2024, 10, 20),
                s47_started: true,
            },
            StrategyDiscussion {
                id: rid("SD2"),
                child: cid("C002"),
                referral: rid("R2"),
                date: d(2024, 12, 10),
                s47_started: false,
            },
        ],
        section47s: vec![
            Section47 {
                id: rid("S1"),
                child: cid("C001"),
                referral: rid("R1"),
                strategy_discussion: Some(rid("SD1")),
                start: d(2024, 10, 20),
                end: Some(d(2024, 11, 5)),
                icpc_target: Some(d(2024, 11, 12)),
                icpc_required: true,
                outcome: Some(S47Outcome::Icpc),
            },
            Section47 {
                id: rid("S2"),
                child: cid("C002"),
                referral: rid("R2"),
                strategy_discussion: None,
                start: d(2024, 12, 11),
                end: None,
                icpc_target: None,
                icpc_required: false,
                outcome: None,
            },
        ],
        conferences: vec![
            ChildProtectionConference {
                id: rid("CF1"),
                child: cid("C001"),
                referral: rid("R1"),
                kind: ConferenceKind::Initial,
                s47: Some(rid("S1")),
                plan: Some(rid("CP1")),
                date: d(2024, 11, 12),
                plan_decided: true,
            },
            ChildProtectionConference {
                id: rid("CF2"),
                child: cid("C001"),
                referral: rid("R1"),
                kind: ConferenceKind::Review,
                s47: None,
                plan: Some(rid("CP1")),
                date: d(2025, 2, 10),
                plan_decided: true,
            },
            ChildProtectionConference {
                id: rid("CF3"),
                child: cid("C002"),
                referral: rid("R2"),
                kind: ConferenceKind::TransferIn,
                s47: None,
                plan: None,
                date: d(2024, 12, 20),
                plan_decided: false,
            },
        ],
        cp_plans: vec![
            ChildProtectionPlan {
                id: rid("CP1"),
                child: cid("C001"),
                referral: rid("R1"),
                start: d(2024, 11, 12),
                end: None,
                initial_category: CategoryOfAbuse::NEG,
                latest_category: CategoryOfAbuse::EMO,
                previous_plans: 1,
            },
            ChildProtectionPlan {
                id: rid("CP2"),
                child: cid("C001"),
                referral: rid("R4"),
                start: d(2023, 2, 1),
                end: Some(d(2023, 6, 30)),
                initial_category: CategoryOfAbuse::PHY,
                latest_category: CategoryOfAbuse::PHY,
                previous_plans: 0,
            },
        ],
        core_groups: vec![
            CoreGroup {
                id: rid("CG1"),
                child: cid("C001"),
                plan: rid("CP1"),
                date: d(2024, 11, 25),
            },
            CoreGroup {
                id: rid("CG2"),
                child: cid("C001"),
                plan: rid("CP1"),
                date: d(2025, 1, 6),
            },
        ],
        visits: vec![
            visit(
                "V1",
                "C001",
                VisitKind::ChildProtection,
                d(2024, 11, 20),
                true,
                true,
                Some("SW01"),
            ),
            visit(
                "V2",
                "C002",
                VisitKind::LookedAfter,
                d(2024, 12, 15),
                true,
                false,
                Some("SW02"),
            ),
            visit(
                "V3",
                "C001",
                VisitKind::ChildInNeed,
                d(2024, 10, 25),
                false,
                false,
                None,
            ),
            visit(
                "V4",
                "C001",
                VisitKind::ChildProtection,
                d(2025, 1, 10),
                true,
                false,
                Some("SW01"),
            ),
            visit(
                "V5",
                "C002",
                VisitKind::LookedAfter,
                d(2025, 2, 15),
                false,
                false,
                Some("SW02"),
            ),
        ],
        cin_plans: vec![
            CinPlan {
                id: rid("CINP1"),
                child: cid("C001"),
                referral: rid("R1"),
                start: d(2024, 10, 30),
                end: Some(d(2024, 11, 12)),
            },
            CinPlan {
                id: rid("CINP2"),
                child: cid("C002"),
                referral: rid("R2"),
                start: d(2024, 12, 21),
                end: None,
            },
        ],
        cin_plan_reviews: vec![CinPlanReview {
            id: rid("CR1"),
            child: cid("C002"),
            plan: rid("CINP2"),
            date: d(2025, 2, 1),
        }],
        cla_episodes: cla_episodes(),
        cla_reviews: vec![
            ClaReview {
                id: rid("RV1"),
                child: cid("C002"),
                date: d(2024, 12, 1),
                participation: ReviewParticipation::PN1,
            },
            ClaReview {
                id: rid("RV2"),
                child: cid("C005"),
                date: d(2024, 6, 1),
                participation: ReviewParticipation::PN0,
            },
        ],
        missing: vec![
            MissingEpisode {
                id: rid("M1"),
                child: cid("C002"),
                kind: MissingKind::M,
                start: d(2024, 11, 1),
                end: Some(d(2024, 11, 2)),
                rhi_offered: Some(d(2024, 11, 3)),
                rhi_completed: Some(d(2024, 11, 5)),
            },
            MissingEpisode {
                id: rid("M2"),
                child: cid("C002"),
                kind: MissingKind::A,
                start: d(2025, 1, 15),
                end: None,
                rhi_offered: None,
                rhi_completed: None,
            },
        ],
        care_leavers: vec![
            CareLeaverContact {
                id: rid("CL1"),
                child: cid("C004"),
                birthday_age: 17,
                contact_date: Some(d(2023, 9, 20)),
                in_touch: InTouch::YES,
                activity: Activity::F2,
                accommodation: Accommodation::D1,
            },
            CareLeaverContact {
                id: rid("CL2"),
                child: cid("C004"),
                birthday_age: 18,
                contact_date: Some(d(2024, 9, 15)),
                in_touch: InTouch::YES,
                activity: Activity::G5,
                accommodation: Accommodation::Z2,
            },
            CareLeaverContact {
                id: rid("CL3"),
                child: cid("C002"),
                birthday_age: 17,
                contact_date: None,
                in_touch: InTouch::NO,
                activity: Activity::A0,
                accommodation: Accommodation::A0,
            },
        ],
        pathway_plans: vec![
            PathwayPlan {
                id: rid("PP1"),
                child: cid("C004"),
                date: d(2024, 6, 1),
                personal_adviser: Some(wid("PA01")),
            },
            PathwayPlan {
                id: rid("PP2"),
                child: cid("C004"),
                date: d(2024, 12, 1),
                personal_adviser: Some(wid("PA01")),
            },
            PathwayPlan {
                id: rid("PP3"),
                child: cid("C002"),
                date: d(2025, 3, 1),
                personal_adviser: None,
            },
        ],
        permanence: vec![
            Permanence {
                id: rid("PM1"),
                child: cid("C005"),
                plan_date: Some(d(2022, 11, 1)),
                adm_decision: Some(d(2023, 1, 10)),
                placement_order: Some(d(2023, 4, 20)),
                matched: Some(d(2023, 4, 28)),
                placed_for_adoption: Some(d(2023, 5, 1)),
                decision_reversed: None,
                reversal_reason: None,
                order: Some(PermanenceOrder::Adoption),
                order_date: Some(d(2024, 12, 20)),
                adopters: Some(Adopters {
                    foster_carers: false,
                    count: 2,
                    sex: AdopterSex::MF,
                    legal_status: AdopterLegalStatus::L11,
                }),
            },
            Permanence {
                id: rid("PM2"),
                child: cid("C002"),
                plan_date: None,
                adm_decision: Some(d(2024, 7, 1)),
                placement_order: None,
                matched: None,
                placed_for_adoption: None,
                decision_reversed: Some(d(2025, 1, 20)),
                reversal_reason: Some(ReasonPlacedCeased::RD3),
                order: None,
                order_date: None,
                adopters: None,
            },
            Permanence {
                id: rid("PM3"),
                child: cid("C006"),
                plan_date: None,
                adm_decision: None,
                placement_order: None,
                matched: None,
                placed_for_adoption: None,
                decision_reversed: None,
                reversal_reason: None,
                order: Some(PermanenceOrder::SpecialGuardianship),
                order_date: Some(d(2024, 2, 2)),
                adopters: None,
            },
        ],
        previous_permanence: vec![
            PreviousPermanenceRecord {
                child: cid("C005"),
                kind: PreviousPermanence::P2,
                la: Some("382".into()),
                date: Some(PartialDate {
                    day: None,
                    month: Some(6),
                    year: Some(2018),
                }),
            },
            PreviousPermanenceRecord {
                child: cid("C002"),
                kind: PreviousPermanence::Z1,
                la: None,
                date: None,
            },
            PreviousPermanenceRecord {
                child: cid("C006"),
                kind: PreviousPermanence::P3,
                la: Some("WAL".into()),
                date: Some(PartialDate {
                    day: Some(5),
                    month: Some(3),
                    year: Some(2017),
                }),
            },
        ],
        health_outcomes: vec![
            ClaHealthOutcome {
                child: cid("C002"),
                year_ending: 2025,
                sdq_score: Some(14),
                sdq_reason: None,
                convicted: Some(false),
                health_check: None,
                immunisations: Some(true),
                teeth_check: Some(true),
                health_assessment: Some(true),
                substance_misuse: Some(false),
                intervention_received: None,
                intervention_offered: None,
            },
            ClaHealthOutcome {
                child: cid("C005"),
                year_ending: 2024,
                sdq_score: None,
                sdq_reason: Some(SdqReason::SDQ1),
                convicted: None,
                health_check: Some(true),
                immunisations: Some(false),
                teeth_check: None,
                health_assessment: None,
                substance_misuse: None,
                intervention_received: None,
                intervention_offered: None,
            },
        ],
        teams: vec![
            Team {
                id: TeamId::new("T1"),
                name: "Assessment Team North".into(),
                service: Service::AssessmentIntervention,
                locality: Some(Locality("Huddersfield".into())),
            },
            Team {
                id: TeamId::new("T2"),
                name: "Children in Care".into(),
                service: Service::LookedAfter,
                locality: None,
            },
            Team {
                id: TeamId::new("T3"),
                name: "Leaving Care".into(),
                service: Service::LeavingCare,
                locality: None,
            },
            Team {
                id: TeamId::new("T4"),
                name: "Early Support, Dewsbury".into(),
                service: Service::EarlySupport,
                locality: Some(Locality("Dewsbury".into())),
            },
        ],
        workers: vec![
            Worker {
                id: wid("SW01"),
                team: TeamId::new("T1"),
                role: WorkerRole::SocialWorker,
                fte: 1.0,
                agency: false,
                start: d(2020, 1, 6),
                end: None,
            },
            Worker {
                id: wid("SW02"),
                team: TeamId::new("T2"),
                role: WorkerRole::SocialWorker,
                fte: 0.6,
                agency: true,
                start: d(2023, 4, 1),
                end: None,
            },
            Worker {
                id: wid("PA01"),
                team: TeamId::new("T3"),
                role: WorkerRole::PersonalAdviser,
                fte: 0.8,
                agency: false,
                start: d(2019, 9, 1),
                end: None,
            },
            Worker {
                id: wid("TM01"),
                team: TeamId::new("T1"),
                role: WorkerRole::TeamManager,
                fte: 1.0,
                agency: false,
                start: d(2015, 1, 5),
                end: None,
            },
            Worker {
                id: wid("EH01"),
                team: TeamId::new("T4"),
                role: WorkerRole::EarlyHelpWorker,
                fte: 1.0,
                agency: false,
                start: d(2021, 5, 10),
                end: Some(d(2025, 2, 28)),
            },
        ],
        allocations: vec![
            Allocation {
                id: rid("AL1"),
                child: cid("C001"),
                worker: wid("SW01"),
                start: d(2024, 10, 2),
                end: None,
                reason: Some(SwChangeReason::FCONTA),
            },
            Allocation {
                id: rid("AL2"),
                child: cid("C002"),
                worker: wid("SW02"),
                start: d(2023, 3, 1),
                end: None,
                reason: Some(SwChangeReason::TSPROC),
            },
            Allocation {
                id: rid("AL3"),
                child: cid("C004"),
                worker: wid("PA01"),
                start: d(2024, 9, 10),
                end: None,
                reason: None,
            },
            Allocation {
                id: rid("AL4"),
                child: cid("C001"),
                worker: wid("SW01"),
                start: d(2023, 1, 5),
                end: Some(d(2023, 6, 30)),
                reason: Some(SwChangeReason::MANAGE),
            },
        ],
        supervisions: vec![
            Supervision {
                id: rid("SU1"),
                worker: wid("SW01"),
                child: Some(cid("C001")),
                date: d(2024, 11, 1),
            },
            Supervision {
                id: rid("SU2"),
                worker: wid("SW02"),
                child: None,
                date: d(2025, 1, 7),
            },
        ],
        audits: vec![
            CaseAudit {
                id: rid("AU1"),
                child: cid("C001"),
                worker: Some(wid("SW01")),
                due: d(2025, 1, 31),
                completed: Some(d(2025, 1, 28)),
                grade: Some(AuditGrade::Good),
            },
            CaseAudit {
                id: rid("AU2"),
                child: cid("C002"),
                worker: None,
                due: d(2025, 4, 30),
                completed: None,
                grade: None,
            },
        ],
        complaints: vec![
            Complaint {
                id: rid("CM1"),
                child: Some(cid("C002")),
                received: d(2024, 12, 1),
                responded: Some(d(2024, 12, 19)),
            },
            Complaint {
                id: rid("CM2"),
                child: None,
                received: d(2025, 3, 1),
                responded: None,
            },
        ],
        foster_households: vec![
            FosterHousehold {
                id: HouseholdId::new("FH1"),
                kind: FosterHouseholdKind::InHouse,
                approved: d(2018, 3, 1),
                deregistered: None,
                places: 3,
            },
            FosterHousehold {
                id: HouseholdId::new("FH2"),
                kind: FosterHouseholdKind::IndependentAgency,
                approved: d(2020, 7, 15),
                deregistered: Some(d(2024, 8, 31)),
                places: 2,
            },
            FosterHousehold {
                id: HouseholdId::new("FH3"),
                kind: FosterHouseholdKind::FamilyAndFriends,
                approved: d(2024, 1, 10),
                deregistered: None,
                places: 1,
            },
        ],
        private_fostering: vec![PrivateFostering {
            id: rid("PF1"),
            child: cid("C006"),
            notified: d(2024, 9, 1),
            start: d(2024, 8, 20),
            end: None,
            assessed: Some(d(2024, 10, 10)),
        }],
        lado_allegations: vec![
            LadoAllegation {
                id: rid("LA1"),
                child: Some(cid("C001")),
                received: d(2024, 12, 2),
                concluded: Some(d(2025, 1, 20)),
                outcome: Some(LadoOutcome::Unsubstantiated),
            },
            LadoAllegation {
                id: rid("LA2"),
                child: None,
                received: d(2025, 2, 14),
                concluded: None,
                outcome: None,
            },
        ],
    }
}

/// Asserts that every record kind of the fixture holds at least one record, so a test over the
/// fixture really covers every kind.
pub fn assert_every_kind_present(records: &CaseRecords) {
    for (label, n) in records.counts() {
        assert!(n > 0, "fixture has no {label}");
    }
}
