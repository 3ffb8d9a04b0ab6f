//! SSDA903 reader and writer: round trip, sniffing, error messages, year selection, faults.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sightline_formats::faults::{FaultKind, FaultSpec};
use sightline_formats::ssda903::{self, Cell, Ssda903Table, Ssda903Tables};
use sightline_formats::{ExtractSpec, Format};
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;
use sightline_model::{CaseRecords, Council};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn spec() -> ExtractSpec {
    ExtractSpec {
        council: Council {
            la_code: LaCode(382),
            name: "Testshire".into(),
        },
        extract_date: d(2026, 4, 20),
        collection_year_ending: 2026,
    }
}

fn rid(s: &str) -> RecordId {
    RecordId::new(s)
}

fn child(id: &str, sex: Sex, dob: NaiveDate, ethnicity: Ethnicity) -> Child {
    Child {
        id: ChildId::new(id),
        upn: None,
        upn_unknown: None,
        former_upn: None,
        sex,
        date_of_birth: Some(dob),
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

#[allow(clippy::too_many_arguments)]
fn episode(
    id: &str,
    child: &str,
    start: NaiveDate,
    rne: ReasonNewEpisode,
    ls: LegalStatus,
    place: PlacementType,
    provider: Option<PlacementProvider>,
    end: Option<(NaiveDate, ReasonEpisodeCeased)>,
) -> ClaEpisode {
    ClaEpisode {
        id: rid(id),
        child: ChildId::new(child),
        start,
        reason_new: rne,
        legal_status: ls,
        category_of_need: CategoryOfNeed::N1,
        placement: place,
        provider,
        end: end.map(|(d, _)| d),
        reason_ceased: end.map(|(_, r)| r),
        reason_place_change: None,
        home_postcode: None,
        placement_postcode: None,
        urn: None,
        placement_la: None,
        placement_distance_miles: None,
    }
}

/// A small council covering every 903 table, as (records in the 2025-26 return, records of the
/// same children that fall outside it).
fn fixture() -> (CaseRecords, CaseRecords) {
    use LegalStatus::*;
    use PlacementType::*;
    use ReasonEpisodeCeased::*;
    use ReasonNewEpisode as Rne;
    let mut r = CaseRecords::default();
    let mut noise = CaseRecords::default();

    // C1: a girl in care since 2024, a mother, UASC, continuously looked after (OC2).
    let mut c1 = child("C1", Sex::Female, d(2010, 5, 12), Ethnicity::BAFR);
    c1.upn = Some(Upn::new("A123456789012"));
    c1.motherhood = Some(Motherhood {
        first_child_born: Some(d(2025, 1, 10)),
    });
    c1.uasc = Some(UascStatus {
        from: None,
        ceased: Some(d(2028, 5, 12)),
    });
    r.children.push(c1);
    let mut e = episode(
        "e1",
        "C1",
        d(2024, 1, 10),
        Rne::S,
        C2,
        U4,
        Some(PlacementProvider::PR1),
        Some((d(2025, 6, 1), X1)),
    );
    e.reason_place_change = Some(ReasonPlaceChange::CARPL);
    e.home_postcode = Some(Postcode::normalised("hd12ab"));
    e.placement_postcode = Some(Postcode::normalised("HD2 3CD"));
    e.urn = Some("SC123456".into());
    r.cla_episodes.push(e);
    let mut e = episode(
        "e2",
        "C1",
        d(2025, 6, 1),
        Rne::P,
        C2,
        K2,
        Some(PlacementProvider::PR4),
        None,
    );
    e.home_postcode = Some(Postcode::normalised("HD1 2AB"));
    e.placement_postcode = Some(Postcode::normalised("LS1 4AP"));
    e.urn = Some("1234567".into());
    r.cla_episodes.push(e);
    for (id, date) in [("rv1", d(2025, 5, 1)), ("rv2", d(2025, 11, 1))] {
        r.cla_reviews.push(ClaReview {
            id: rid(id),
            child: ChildId::new("C1"),
            date,
            participation: ReviewParticipation::PN1,
        });
    }
    noise.cla_reviews.push(ClaReview {
        id: rid("rv0"),
        child: ChildId::new("C1"),
        date: d(2025, 1, 5),
        participation: ReviewParticipation::PN2,
    });
    r.health_outcomes.push(ClaHealthOutcome {
        child: ChildId::new("C1"),
        year_ending: 2026,
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
    });
    noise.health_outcomes.push(ClaHealthOutcome {
        year_ending: 2025,
        sdq_score: Some(20),
        ..r.health_outcomes[0].clone()
    });
    r.missing.push(MissingEpisode {
        id: rid("m1"),
        child: ChildId::new("C1"),
        kind: MissingKind::M,
        start: d(2025, 7, 1),
        end: Some(d(2025, 7, 3)),
        rhi_offered: None,
        rhi_completed: None,
    });
    r.allocations.push(Allocation {
        id: rid("a1"),
        child: ChildId::new("C1"),
        worker: WorkerId::new("SW001"),
        start: d(2024, 1, 10),
        end: Some(d(2025, 9, 1)),
        reason: Some(SwChangeReason::FCONTA),
    });
    r.allocations.push(Allocation {
        id: rid("a2"),
        child: ChildId::new("C1"),
        worker: WorkerId::new("SW002"),
        start: d(2025, 9, 1),
        end: None,
        reason: Some(SwChangeReason::LEFTRL),
    });
    r.permanence.push(Permanence {
        id: rid("p1"),
        child: ChildId::new("C1"),
        plan_date: None,
        adm_decision: Some(d(2025, 4, 10)),
        placement_order: None,
        matched: None,
        placed_for_adoption: None,
        decision_reversed: Some(d(2025, 12, 1)),
        reversal_reason: Some(ReasonPlacedCeased::RD1),
        order: None,
        order_date: None,
        adopters: None,
    });

    // C2: a boy who started care in the year and was adopted (AD1, PlacedAdoption, PrevPerm).
    let mut c2 = child("C2", Sex::Male, d(2016, 3, 3), Ethnicity::WBRI);
    c2.upn_unknown = Some(UpnUnknown::UN4);
    r.children.push(c2);
    let mut e = episode(
        "e3",
        "C2",
        d(2025, 8, 1),
        Rne::S,
        L1,
        U6,
        Some(PlacementProvider::PR4),
        Some((d(2025, 8, 3), X1)),
    );
    e.urn = Some("SC111111".into());
    r.cla_episodes.push(e);
    r.cla_episodes.push(episode(
        "e4",
        "C2",
        d(2025, 8, 3),
        Rne::L,
        C1,
        T1,
        None,
        Some((d(2025, 10, 1), X1)),
    ));
    let mut e = episode(
        "e5",
        "C2",
        d(2025, 10, 1),
        Rne::B,
        E1,
        A4,
        Some(PlacementProvider::PR1),
        Some((d(2026, 2, 20), E11)),
    );
    e.urn = Some("SC222222".into());
    r.cla_episodes.push(e);
    r.cla_reviews.push(ClaReview {
        id: rid("rv3"),
        child: ChildId::new("C2"),
        date: d(2025, 8, 20),
        participation: ReviewParticipation::PN3,
    });
    r.previous_permanence.push(PreviousPermanenceRecord {
        child: ChildId::new("C2"),
        kind: PreviousPermanence::P2,
        la: Some("382".into()),
        date: Some(PartialDate {
            day: None,
            month: Some(5),
            year: Some(2019),
        }),
    });
    r.permanence.push(Permanence {
        id: rid("p2"),
        child: ChildId::new("C2"),
        plan_date: None,
        adm_decision: Some(d(2025, 9, 15)),
        placement_order: None,
        matched: Some(d(2025, 11, 1)),
        placed_for_adoption: None,
        decision_reversed: None,
        reversal_reason: None,
        order: Some(PermanenceOrder::Adoption),
        order_date: Some(d(2026, 2, 20)),
        adopters: Some(Adopters {
            foster_carers: false,
            count: 2,
            sex: AdopterSex::MF,
            legal_status: AdopterLegalStatus::L11,
        }),
    });
    r.missing.push(MissingEpisode {
        id: rid("m2"),
        child: ChildId::new("C2"),
        kind: MissingKind::A,
        start: d(2025, 9, 1),
        end: None,
        rhi_offered: None,
        rhi_completed: None,
    });
    // C2 was not looked after on 31 March, so the return has no social worker episode for him.
    noise.allocations.push(Allocation {
        id: rid("a3"),
        child: ChildId::new("C2"),
        worker: WorkerId::new("SW003"),
        start: d(2025, 8, 1),
        end: None,
        reason: Some(SwChangeReason::FCONTA),
    });

    // C3: short breaks only.
    r.children
        .push(child("C3", Sex::Male, d(2012, 2, 2), Ethnicity::APKN));
    r.cla_episodes.push(episode(
        "e6",
        "C3",
        d(2025, 5, 1),
        Rne::S,
        V3,
        K2,
        Some(PlacementProvider::PR1),
        Some((d(2025, 5, 3), E13)),
    ));

    // C4: a care leaver around her 19th birthday, not looked after in the year.
    r.children
        .push(child("C4", Sex::Female, d(2006, 7, 20), Ethnicity::MWBC));
    r.care_leavers.push(CareLeaverContact {
        id: rid("cl1"),
        child: ChildId::new("C4"),
        birthday_age: 19,
        contact_date: Some(d(2025, 7, 25)),
        in_touch: InTouch::YES,
        activity: Activity::F2,
        accommodation: Accommodation::B1,
    });
    noise.care_leavers.push(CareLeaverContact {
        id: rid("cl0"),
        birthday_age: 18,
        contact_date: Some(d(2024, 7, 25)),
        activity: Activity::G5,
        ..r.care_leavers[0].clone()
    });
    noise.cla_episodes.push(episode(
        "e0",
        "C4",
        d(2020, 1, 1),
        Rne::S,
        C2,
        U4,
        Some(PlacementProvider::PR1),
        Some((d(2024, 7, 20), E17)),
    ));

    // C5: known to the council but not looked after in the year: not in the return at all.
    noise
        .children
        .push(child("C5", Sex::Female, d(2015, 1, 1), Ethnicity::WBRI));
    noise.cla_episodes.push(episode(
        "e7",
        "C5",
        d(2023, 1, 1),
        Rne::S,
        V2,
        U4,
        Some(PlacementProvider::PR1),
        Some((d(2025, 3, 31), E4A)),
    ));
    (r, noise)
}

fn full_fixture() -> CaseRecords {
    let (mut records, noise) = fixture();
    records.extend(noise);
    records
}

/// The fields the 903 carries, record ids and non-903 fields left out, in a fixed order.
#[derive(Debug, PartialEq)]
struct Carried {
    children: Vec<String>,
    episodes: Vec<String>,
    reviews: Vec<String>,
    health: Vec<String>,
    leavers: Vec<String>,
    permanence: Vec<String>,
    previous: Vec<String>,
    missing: Vec<String>,
    allocations: Vec<String>,
}

fn carried(r: &CaseRecords) -> Carried {
    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }
    Carried {
        children: sorted(
            r.children
                .iter()
                .map(|c| {
                    format!(
                        "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                        c.id.as_str(),
                        c.sex,
                        c.date_of_birth,
                        c.ethnicity,
                        c.upn.as_ref().map(Upn::as_str),
                        c.upn_unknown,
                        c.motherhood,
                        c.uasc.as_ref().map(|u| u.ceased),
                    )
                })
                .collect(),
        ),
        episodes: sorted(
            r.cla_episodes
                .iter()
                .map(|e| {
                    format!(
                        "{} {} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                        e.child.as_str(),
                        e.start,
                        e.reason_new,
                        e.legal_status,
                        e.category_of_need,
                        e.placement,
                        e.provider,
                        e.end,
                        e.reason_ceased,
                        e.reason_place_change,
                        e.home_postcode.as_ref().map(Postcode::as_str),
                        e.placement_postcode.as_ref().map(Postcode::as_str),
                        e.urn,
                    )
                })
                .collect(),
        ),
        reviews: sorted(
            r.cla_reviews
                .iter()
                .map(|v| format!("{} {} {:?}", v.child.as_str(), v.date, v.participation))
                .collect(),
        ),
        health: sorted(
            r.health_outcomes
                .iter()
                .map(|h| {
                    format!(
                        "{} {:?}",
                        h.child.as_str(),
                        ClaHealthOutcome {
                            child: ChildId::new(""),
                            ..h.clone()
                        }
                    )
                })
                .collect(),
        ),
        leavers: sorted(
            r.care_leavers
                .iter()
                .map(|l| {
                    format!(
                        "{} {} {:?} {:?} {:?}",
                        l.child.as_str(),
                        l.birthday_age,
                        l.in_touch,
                        l.activity,
                        l.accommodation
                    )
                })
                .collect(),
        ),
        permanence: sorted(
            r.permanence
                .iter()
                .map(|p| {
                    format!(
                        "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                        p.child.as_str(),
                        p.adm_decision,
                        p.matched,
                        p.decision_reversed,
                        p.reversal_reason,
                        p.order,
                        p.order_date,
                        p.adopters,
                    )
                })
                .collect(),
        ),
        previous: sorted(
            r.previous_permanence
                .iter()
                .map(|p| format!("{} {:?} {:?} {:?}", p.child.as_str(), p.kind, p.la, p.date))
                .collect(),
        ),
        missing: sorted(
            r.missing
                .iter()
                .map(|m| format!("{} {:?} {} {:?}", m.child.as_str(), m.kind, m.start, m.end))
                .collect(),
        ),
        allocations: sorted(
            r.allocations
                .iter()
                .map(|a| {
                    format!(
                        "{} {} {} {:?} {:?}",
                        a.child.as_str(),
                        a.worker,
                        a.start,
                        a.end,
                        a.reason
                    )
                })
                .collect(),
        ),
    }
}

fn write_fixture(dir: &Path) -> Vec<PathBuf> {
    ssda903::write(dir, &full_fixture(), &spec()).unwrap()
}

fn read_text(path: &Path) -> String {
    std::fs::read_to_string(path).unwrap()
}

fn table_text(paths: &[PathBuf], table: Ssda903Table) -> String {
    let path = paths
        .iter()
        .find(|p| p.file_name().unwrap() == table.file_name())
        .unwrap();
    read_text(path)
}

mod round_trip {
    use super::*;

    #[test]
    fn every_table_round_trips_for_the_fields_it_carries() {
        let dir = tempfile::tempdir().unwrap();
        let paths = write_fixture(dir.path());
        assert_eq!(paths.len(), 11);
        let read = ssda903::read(&paths).unwrap();
        let (expected, _) = fixture();
        assert_eq!(carried(&read), carried(&expected));
    }

    #[test]
    fn record_ids_are_made_up_per_child_and_table() {
        let dir = tempfile::tempdir().unwrap();
        let read = ssda903::read(&write_fixture(dir.path())).unwrap();
        let ids: Vec<&str> = read.cla_episodes.iter().map(|e| e.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "C1/episode/1",
                "C1/episode/2",
                "C2/episode/1",
                "C2/episode/2",
                "C2/episode/3",
                "C3/episode/1"
            ]
        );
        assert_eq!(read.care_leavers[0].id.as_str(), "C4/oc3/19");
    }

    #[test]
    fn the_written_header_and_episodes_are_exactly_as_expected() {
        let dir = tempfile::tempdir().unwrap();
        let paths = write_fixture(dir.path());
        // Worked by hand from the fixture: MOTHER for the looked-after girl only; C4 (care
        // leaver) has a Header row but no MOTHER; C5 (not looked after in the year) is absent.
        assert_eq!(
            table_text(&paths, Ssda903Table::Header),
            "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n\
             C1,F,12/05/2010,BAFR,A123456789012,1,10/01/2025\n\
             C2,M,03/03/2016,WBRI,UN4,,\n\
             C3,M,02/02/2012,APKN,,,\n\
             C4,F,20/07/2006,MWBC,,,\n"
        );
        assert_eq!(
            table_text(&paths, Ssda903Table::Episodes),
            "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
             C1,10/01/2024,S,C2,N1,U4,PR1,01/06/2025,X1,CARPL,HD1 2AB,HD2 3CD,SC123456\n\
             C1,01/06/2025,P,C2,N1,K2,PR4,,,,HD1 2AB,LS1 4AP,1234567\n\
             C2,01/08/2025,S,L1,N1,U6,PR4,03/08/2025,X1,,,,SC111111\n\
             C2,03/08/2025,L,C1,N1,T1,,01/10/2025,X1,,,,\n\
             C2,01/10/2025,B,E1,N1,A4,PR1,20/02/2026,E11,,,,SC222222\n\
             C3,01/05/2025,S,V3,N1,K2,PR1,03/05/2025,E13,,,,\n"
        );
        assert_eq!(
            table_text(&paths, Ssda903Table::PreviousPermanence),
            "CHILD,DOB,PREV_PERM,LA_PERM,DATE_PERM\nC2,03/03/2016,P2,382,ZZ/05/2019\n"
        );
        assert_eq!(
            table_text(&paths, Ssda903Table::Ad1),
            "CHILD,DOB,DATE_INT,DATE_MATCH,FOSTER_CARE,NB_ADOPTR,SEX_ADOPTR,LS_ADOPTR\n\
             C2,03/03/2016,15/09/2025,01/11/2025,0,2,MF,L11\n"
        );
        assert_eq!(
            table_text(&paths, Ssda903Table::Oc3),
            "CHILD,DOB,IN_TOUCH,ACTIV,ACCOM\nC4,20/07/2006,YES,F2,B1\n"
        );
    }
}

mod year_selection {
    use super::*;

    fn written(records: &CaseRecords) -> Ssda903Tables {
        let dir = tempfile::tempdir().unwrap();
        let paths = ssda903::write(dir.path(), records, &spec()).unwrap();
        ssda903::read_tables(&paths).unwrap()
    }

    #[test]
    fn dates_after_the_year_end_are_not_yet_known() {
        let mut records = CaseRecords::default();
        records
            .children
            .push(child("C9", Sex::Male, d(2012, 1, 1), Ethnicity::WBRI));
        let mut e = episode(
            "x",
            "C9",
            d(2026, 1, 10),
            ReasonNewEpisode::S,
            LegalStatus::V2,
            PlacementType::U4,
            Some(PlacementProvider::PR1),
            Some((d(2026, 5, 1), ReasonEpisodeCeased::E4A)),
        );
        e.reason_place_change = Some(ReasonPlaceChange::CHILD);
        records.cla_episodes.push(e);
        records.missing.push(MissingEpisode {
            id: rid("m"),
            child: ChildId::new("C9"),
            kind: MissingKind::M,
            start: d(2026, 3, 30),
            end: Some(d(2026, 4, 2)),
            rhi_offered: None,
            rhi_completed: None,
        });
        let tables = written(&records);
        let row = &tables.episodes[0];
        assert!(row.dec.is_blank() && row.rec.is_blank() && row.reason_place_change.is_blank());
        assert!(tables.missing[0].mis_end.is_blank());
        assert_eq!(tables.missing[0].mis_start.get(), Some(d(2026, 3, 30)));
    }

    #[test]
    fn temporary_placements_carry_no_provider_and_short_breaks_no_postcodes() {
        let mut records = CaseRecords::default();
        records
            .children
            .push(child("C9", Sex::Female, d(2012, 1, 1), Ethnicity::WBRI));
        let mut e = episode(
            "x",
            "C9",
            d(2025, 6, 1),
            ReasonNewEpisode::S,
            LegalStatus::V3,
            PlacementType::T4,
            Some(PlacementProvider::PR1),
            Some((d(2025, 6, 3), ReasonEpisodeCeased::E13)),
        );
        e.home_postcode = Some(Postcode::normalised("HD1 1AA"));
        e.urn = Some("SC000001".into());
        records.cla_episodes.push(e);
        let tables = written(&records);
        let row = &tables.episodes[0];
        assert!(row.place_provider.is_blank() && row.home_post.is_blank() && row.urn.is_blank());
        // A short-break-only girl is not asked about motherhood.
        assert!(tables.header[0].mother.is_blank());
    }
}

mod year_rules {
    use super::*;

    fn written(records: &CaseRecords) -> Ssda903Tables {
        let dir = tempfile::tempdir().unwrap();
        let paths = ssda903::write(dir.path(), records, &spec()).unwrap();
        ssda903::read_tables(&paths).unwrap()
    }

    fn allocation(id: &str, child: &str, worker: &str, start: NaiveDate) -> Allocation {
        Allocation {
            id: rid(id),
            child: ChildId::new(child),
            worker: WorkerId::new(worker),
            start,
            end: None,
            reason: Some(SwChangeReason::FCONTA),
        }
    }

    fn worker(id: &str, role: WorkerRole) -> Worker {
        Worker {
            id: WorkerId::new(id),
            team: TeamId::new("T1"),
            role,
            fte: 1.0,
            agency: false,
            start: d(2020, 1, 1),
            end: None,
        }
    }

    #[test]
    fn social_worker_episodes_are_for_children_in_care_on_31_march_and_social_workers() {
        use LegalStatus::C2;
        use PlacementType::U4;
        let mut records = CaseRecords::default();
        for id in ["IN", "LEFT"] {
            records
                .children
                .push(child(id, Sex::Male, d(2012, 1, 1), Ethnicity::WBRI));
        }
        records.cla_episodes.push(episode(
            "e1",
            "IN",
            d(2025, 5, 1),
            ReasonNewEpisode::S,
            C2,
            U4,
            Some(PlacementProvider::PR1),
            None,
        ));
        records.cla_episodes.push(episode(
            "e2",
            "LEFT",
            d(2025, 5, 1),
            ReasonNewEpisode::S,
            C2,
            U4,
            Some(PlacementProvider::PR1),
            Some((d(2025, 9, 1), ReasonEpisodeCeased::E4A)),
        ));
        records
            .workers
            .push(worker("SW1", WorkerRole::SocialWorker));
        records
            .workers
            .push(worker("PA1", WorkerRole::PersonalAdviser));
        records
            .allocations
            .push(allocation("a1", "IN", "SW1", d(2024, 12, 1)));
        records
            .allocations
            .push(allocation("a2", "IN", "PA1", d(2025, 6, 1)));
        records
            .allocations
            .push(allocation("a3", "LEFT", "SW1", d(2025, 5, 1)));
        let tables = written(&records);
        let rows: Vec<(&str, &str)> = tables
            .sw_episodes
            .iter()
            .map(|r| {
                (
                    r.child.value().unwrap().as_str(),
                    r.sw_id.value().unwrap().as_str(),
                )
            })
            .collect();
        assert_eq!(rows, [("IN", "SW1")]);
    }

    #[test]
    fn no_oc3_for_a_17th_birthday_spent_in_care() {
        let mut records = CaseRecords::default();
        // 17 on 1 June 2025, in care until 1 September 2025.
        records
            .children
            .push(child("Y", Sex::Female, d(2008, 6, 1), Ethnicity::WBRI));
        records.cla_episodes.push(episode(
            "e",
            "Y",
            d(2024, 1, 1),
            ReasonNewEpisode::S,
            LegalStatus::V2,
            PlacementType::U4,
            Some(PlacementProvider::PR1),
            Some((d(2025, 9, 1), ReasonEpisodeCeased::E4A)),
        ));
        records.care_leavers.push(CareLeaverContact {
            id: rid("c"),
            child: ChildId::new("Y"),
            birthday_age: 17,
            contact_date: Some(d(2025, 6, 5)),
            in_touch: InTouch::YES,
            activity: Activity::F2,
            accommodation: Accommodation::B1,
        });
        let tables = written(&records);
        assert!(tables.oc3.is_empty());
        // Left before the birthday instead: she is a care leaver on it.
        records.cla_episodes[0].end = Some(d(2025, 5, 1));
        assert_eq!(written(&records).oc3.len(), 1);
    }

    #[test]
    fn a_mother_only_from_the_birth_of_her_first_child() {
        let mut records = CaseRecords::default();
        let mut girl = child("G", Sex::Female, d(2009, 6, 1), Ethnicity::WBRI);
        girl.motherhood = Some(Motherhood {
            first_child_born: Some(d(2026, 5, 1)),
        });
        records.children.push(girl);
        records.cla_episodes.push(episode(
            "e",
            "G",
            d(2025, 1, 1),
            ReasonNewEpisode::S,
            LegalStatus::C2,
            PlacementType::U4,
            Some(PlacementProvider::PR1),
            None,
        ));
        let header = &written(&records).header[0];
        assert_eq!(header.mother.get(), Some(false));
        assert!(header.mc_dob.is_blank());
        records.children[0].motherhood = Some(Motherhood {
            first_child_born: Some(d(2026, 3, 1)),
        });
        let header = &written(&records).header[0];
        assert_eq!(header.mother.get(), Some(true));
        assert_eq!(header.mc_dob.get(), Some(d(2026, 3, 1)));
    }
}

mod sniffing {
    use super::*;

    #[test]
    fn tables_are_recognised_by_columns_whatever_the_file_name() {
        let dir = tempfile::tempdir().unwrap();
        let paths = write_fixture(dir.path());
        let mut renamed = Vec::new();
        for (i, path) in paths.iter().enumerate() {
            let bytes = std::fs::read(path).unwrap();
            assert_eq!(ssda903::sniff(&bytes), Some(Ssda903Table::ALL[i]));
            let new = dir.path().join(format!("export_{i}.txt"));
            std::fs::write(&new, &bytes).unwrap();
            renamed.push(new);
        }
        renamed.reverse();
        let read = ssda903::read(&renamed).unwrap();
        assert_eq!(carried(&read), carried(&fixture().0));
    }

    #[test]
    fn shuffled_columns_bom_and_crlf_read_the_same() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("h.csv");
        std::fs::write(
            &path,
            "\u{feff}mc_dob,MOTHER,upn,ETHNIC,DOB,SEX,CHILD\r\n,,UN1,WBRI,01/02/2020,U,K7\r\n",
        )
        .unwrap();
        let records = ssda903::read(&[path]).unwrap();
        let c = &records.children[0];
        assert_eq!(c.id.as_str(), "K7");
        assert_eq!(c.sex, Sex::Unknown);
        assert_eq!(c.date_of_birth, Some(d(2020, 2, 1)));
        assert_eq!(c.upn_unknown, Some(UpnUnknown::UN1));
    }
}

mod errors {
    use super::*;

    fn read_one(name: &str, text: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let err = ssda903::read(&[path]).unwrap_err();
        err.to_string()
            .replace(&format!("{}/", dir.path().display()), "")
    }

    const EPISODES: &str = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n";

    #[test]
    fn an_impossible_date_names_file_line_field_and_value() {
        let text = format!(
            "{EPISODES}C1,01/04/2025,S,C2,N1,U4,PR1,,,,,,\nC1,31/02/2025,S,C2,N1,U4,PR1,,,,,,\n"
        );
        assert_eq!(
            read_one("episodes.csv", text.as_bytes()),
            "episodes.csv:3: field DECOM: not a date (dd/mm/yyyy) (value '31/02/2025')"
        );
    }

    #[test]
    fn an_unknown_code_is_refused() {
        let text = format!("{EPISODES}C1,01/04/2025,S,C2,N1,U9,PR1,,,,,,\n");
        assert_eq!(
            read_one("e.csv", text.as_bytes()),
            "e.csv:2: field PLACE: not a valid code (value 'U9')"
        );
    }

    #[test]
    fn a_blank_required_value_is_refused() {
        let text = format!("{EPISODES}C1,01/04/2025,,C2,N1,U4,PR1,,,,,,\n");
        assert_eq!(
            read_one("e.csv", text.as_bytes()),
            "e.csv:2: field RNE: required value is blank (value '')"
        );
    }

    #[test]
    fn wrong_columns_list_what_is_missing() {
        assert_eq!(
            read_one("x.csv", b"CHILD,DOB,REVIEW\nC1,01/01/2010,01/05/2025\n"),
            "x.csv: not a recognised SSDA903 table: the closest is Reviews, which lacks columns REVIEW_CODE"
        );
    }

    #[test]
    fn empty_files_and_bad_bytes_are_clear_errors() {
        assert_eq!(read_one("x.csv", b""), "x.csv: empty file: no header line");
        assert_eq!(
            read_one("x.csv", b"\xEF\xBB\xBF"),
            "x.csv: empty file: no header line"
        );
        assert_eq!(
            read_one(
                "r.csv",
                b"CHILD,DOB,REVIEW,REVIEW_CODE\nC1,01/01/2010,01/05/2025,PN\xff\n"
            ),
            "r.csv:2: field REVIEW_CODE: not valid UTF-8 text (value 'PN\u{fffd}')"
        );
    }

    #[test]
    fn a_second_header_row_for_a_child_is_refused_without_naming_the_child() {
        let text = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\nC1,M,01/01/2010,WBRI,UN1,,\nC1,M,01/01/2010,WBRI,UN1,,\n";
        assert_eq!(
            read_one("h.csv", text.as_bytes()),
            "h.csv:3: field CHILD: the same child already has a Header row at line 2 (value '')"
        );
    }
}

mod faults {
    use super::*;
    use sightline_formats::faults::InjectedFault;

    fn write_faulty(rate: f64, seed: u64) -> (tempfile::TempDir, Vec<PathBuf>, Vec<InjectedFault>) {
        let dir = tempfile::tempdir().unwrap();
        let (paths, faults) = ssda903::write_with_faults(
            dir.path(),
            &full_fixture(),
            &spec(),
            &FaultSpec { rate, seed },
        )
        .unwrap();
        (dir, paths, faults)
    }

    #[test]
    fn rate_zero_writes_exactly_what_write_writes() {
        let clean_dir = tempfile::tempdir().unwrap();
        let clean = write_fixture(clean_dir.path());
        let (_dir, paths, faults) = write_faulty(0.0, 99);
        assert!(faults.is_empty());
        for (a, b) in clean.iter().zip(&paths) {
            assert_eq!(read_text(a), read_text(b));
        }
    }

    #[test]
    fn injection_is_deterministic_from_the_seed() {
        let (_a, _, first) = write_faulty(0.5, 7);
        let (_b, _, again) = write_faulty(0.5, 7);
        let (_c, _, other) = write_faulty(0.5, 8);
        assert_eq!(first, again);
        assert_ne!(first, other);
    }

    /// The text of `field` in data row `row` of `table`.
    fn cell_text(paths: &[PathBuf], table: &str, row: u64, field: &str) -> String {
        let table = Ssda903Table::from_name(table).unwrap();
        let text = table_text(paths, table);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let column = reader
            .headers()
            .unwrap()
            .iter()
            .position(|c| c == field)
            .unwrap();
        let record = reader
            .records()
            .nth(usize::try_from(row - 1).unwrap())
            .unwrap()
            .unwrap();
        record.get(column).unwrap().to_owned()
    }

    #[test]
    fn every_listed_fault_is_in_the_files() {
        let clean_dir = tempfile::tempdir().unwrap();
        let clean = write_fixture(clean_dir.path());
        let (_dir, paths, faults) = write_faulty(1.0, 3);
        // Every row got one fault when the rate is 1 (each row has at least one candidate).
        let clean_rows: usize = clean.iter().map(|p| read_text(p).lines().count() - 1).sum();
        let duplicates = faults
            .iter()
            .filter(|f| f.kind == FaultKind::DuplicateId)
            .count();
        assert_eq!(faults.len(), clean_rows);
        let tables = ssda903::read_tables(&paths).unwrap();
        for fault in &faults {
            assert_eq!(fault.format, Format::Ssda903);
            let text = cell_text(&paths, &fault.table, fault.row_number, &fault.field);
            match fault.kind {
                FaultKind::MissingCode | FaultKind::MissingDate => {
                    assert_eq!(text, "", "{fault:?}")
                }
                FaultKind::InvalidCode | FaultKind::BadDate => {
                    assert!(!text.is_empty(), "{fault:?}");
                }
                FaultKind::DuplicateId => {
                    let previous = cell_text(&paths, &fault.table, fault.row_number - 1, "CHILD");
                    assert_eq!(text, previous);
                }
                FaultKind::DatesOutOfOrder | FaultKind::OverlappingEpisode => {
                    assert!(ssda903::parse_dmy(&text).is_some(), "{fault:?}");
                }
            }
        }
        // Invalid codes and bad dates are kept verbatim by the lenient reader.
        let invalid_episode_cells = tables
            .episodes
            .iter()
            .filter(|r| r.decom.is_invalid() || r.rne.is_invalid() || r.ls.is_invalid())
            .count();
        let expected_invalid = faults
            .iter()
            .filter(|f| {
                f.table == "Episodes"
                    && matches!(f.kind, FaultKind::BadDate | FaultKind::InvalidCode)
            })
            .count();
        assert_eq!(invalid_episode_cells, expected_invalid);
        assert_eq!(tables.header.len(), 4 + duplicates);
    }

    #[test]
    fn dates_out_of_order_put_the_end_before_the_start() {
        let (_dir, paths, faults) = write_faulty(1.0, 11);
        let tables = ssda903::read_tables(&paths).unwrap();
        for fault in faults
            .iter()
            .filter(|f| f.table == "Episodes" && f.kind == FaultKind::DatesOutOfOrder)
        {
            let row = &tables.episodes[usize::try_from(fault.row_number - 1).unwrap()];
            let (Cell::Value(start), Cell::Value(end)) = (&row.decom, &row.dec) else {
                panic!("dates expected");
            };
            assert!(end < start);
        }
    }
}
