//! CIN census reader and writer: round trip, streaming, sniffing, error messages, faults.

use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sightline_formats::cin::{self, Cell, CinChildren};
use sightline_formats::faults::{FaultKind, FaultSpec};
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

fn cid(s: &str) -> ChildId {
    ChildId::new(s)
}

fn child(id: &str, sex: Sex, dob: Option<NaiveDate>, ethnicity: Ethnicity) -> Child {
    Child {
        id: cid(id),
        upn: None,
        upn_unknown: None,
        former_upn: None,
        sex,
        date_of_birth: dob,
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

fn referral(
    id: &str,
    child: &str,
    date: NaiveDate,
    closed: Option<(NaiveDate, ReasonForClosure)>,
) -> Referral {
    Referral {
        id: rid(id),
        child: cid(child),
        date,
        source: ReferralSource::S2A,
        primary_need: Some(PrimaryNeed::N1),
        nfa: false,
        closure_date: closed.map(|(d, _)| d),
        closure_reason: closed.map(|(_, r)| r),
        team: None,
    }
}

fn conference(
    id: &str,
    child: &str,
    referral: &str,
    kind: ConferenceKind,
    s47: Option<&str>,
    plan: Option<&str>,
    date: NaiveDate,
) -> ChildProtectionConference {
    ChildProtectionConference {
        id: rid(id),
        child: cid(child),
        referral: rid(referral),
        kind,
        s47: s47.map(rid),
        plan: plan.map(rid),
        date,
        plan_decided: true,
    }
}

/// Children covering every CIN element, as (records in the 2025-26 census, records of the same
/// council that fall outside it).
fn fixture() -> (CaseRecords, CaseRecords) {
    let mut r = CaseRecords::default();
    let mut noise = CaseRecords::default();

    // K1: two episodes; the first has every module, the second is a no-further-action referral.
    let mut k1 = child("K1", Sex::Female, Some(d(2014, 2, 1)), Ethnicity::AIND);
    k1.upn = Some(Upn::new("B123456789012"));
    k1.former_upn = Some(Upn::new("B12345678901C"));
    k1.disabilities = vec![Disability::LD, Disability::AUT];
    r.children.push(k1);
    r.referrals.push(referral(
        "r1",
        "K1",
        d(2025, 5, 1),
        Some((d(2026, 1, 15), ReasonForClosure::RC7)),
    ));
    r.assessments.push(Assessment {
        id: rid("as1"),
        child: cid("K1"),
        referral: rid("r1"),
        start: d(2025, 5, 2),
        authorised: Some(d(2025, 6, 10)),
        factors: vec![AssessmentFactor::F3A, AssessmentFactor::F16A],
        outcome: None,
        worker: None,
    });
    r.assessments.push(Assessment {
        id: rid("as2"),
        child: cid("K1"),
        referral: rid("r1"),
        start: d(2025, 10, 1),
        authorised: Some(d(2025, 11, 3)),
        factors: vec![AssessmentFactor::F21],
        outcome: None,
        worker: None,
    });
    r.cin_plans.push(CinPlan {
        id: rid("cp1"),
        child: cid("K1"),
        referral: rid("r1"),
        start: d(2025, 6, 10),
        end: Some(d(2025, 7, 1)),
    });
    r.section47s.push(Section47 {
        id: rid("s1"),
        child: cid("K1"),
        referral: rid("r1"),
        strategy_discussion: None,
        start: d(2025, 7, 1),
        end: None,
        icpc_target: Some(d(2025, 7, 22)),
        icpc_required: true,
        outcome: None,
    });
    r.section47s.push(Section47 {
        id: rid("s2"),
        child: cid("K1"),
        referral: rid("r1"),
        strategy_discussion: None,
        start: d(2025, 12, 22),
        end: None,
        icpc_target: None,
        icpc_required: false,
        outcome: None,
    });
    r.conferences.push(conference(
        "icpc1",
        "K1",
        "r1",
        ConferenceKind::Initial,
        Some("s1"),
        Some("pp1"),
        d(2025, 7, 20),
    ));
    r.cp_plans.push(ChildProtectionPlan {
        id: rid("pp1"),
        child: cid("K1"),
        referral: rid("r1"),
        start: d(2025, 7, 20),
        end: Some(d(2025, 12, 20)),
        initial_category: CategoryOfAbuse::NEG,
        latest_category: CategoryOfAbuse::EMO,
        previous_plans: 1,
    });
    r.conferences.push(conference(
        "rev1",
        "K1",
        "r1",
        ConferenceKind::Review,
        None,
        Some("pp1"),
        d(2025, 10, 15),
    ));
    r.conferences.push(conference(
        "rev2",
        "K1",
        "r1",
        ConferenceKind::Review,
        None,
        Some("pp1"),
        d(2025, 12, 1),
    ));
    let mut nfa = referral(
        "r2",
        "K1",
        d(2026, 2, 1),
        Some((d(2026, 2, 2), ReasonForClosure::RC8)),
    );
    nfa.source = ReferralSource::S6;
    nfa.primary_need = None;
    nfa.nfa = true;
    r.referrals.push(nfa);

    // K2: an unborn child transferred in on a plan (episode-level initial conference date).
    let mut k2 = child("K2", Sex::Unknown, None, Ethnicity::NOBT);
    k2.expected_date_of_birth = Some(d(2026, 5, 1));
    k2.upn_unknown = Some(UpnUnknown::UN1);
    r.children.push(k2);
    r.referrals.push(referral("r3", "K2", d(2026, 1, 10), None));
    r.conferences.push(conference(
        "tin",
        "K2",
        "r3",
        ConferenceKind::TransferIn,
        None,
        Some("pp2"),
        d(2026, 1, 20),
    ));
    r.cp_plans.push(ChildProtectionPlan {
        id: rid("pp2"),
        child: cid("K2"),
        referral: rid("r3"),
        start: d(2026, 1, 20),
        end: None,
        initial_category: CategoryOfAbuse::PHY,
        latest_category: CategoryOfAbuse::PHY,
        previous_plans: 0,
    });

    // K3: a referral from the previous year that closed when the child died; the assessment
    // completed before the year is not returned.
    let mut k3 = child("K3", Sex::Male, Some(d(2009, 9, 9)), Ethnicity::WBRI);
    k3.date_of_death = Some(d(2025, 12, 1));
    k3.upn = Some(Upn::new("C123456789012"));
    r.children.push(k3);
    r.referrals.push(referral(
        "r4",
        "K3",
        d(2024, 12, 1),
        Some((d(2025, 12, 1), ReasonForClosure::RC2)),
    ));
    r.cin_plans.push(CinPlan {
        id: rid("cp2"),
        child: cid("K3"),
        referral: rid("r4"),
        start: d(2025, 1, 10),
        end: Some(d(2025, 12, 1)),
    });
    noise.assessments.push(Assessment {
        id: rid("as0"),
        child: cid("K3"),
        referral: rid("r4"),
        start: d(2024, 12, 2),
        authorised: Some(d(2025, 1, 10)),
        factors: vec![AssessmentFactor::F4A],
        outcome: None,
        worker: None,
    });

    // K4: an episode closed before the year: not in the census at all.
    noise
        .children
        .push(child("K4", Sex::Male, Some(d(2011, 1, 1)), Ethnicity::WBRI));
    noise.referrals.push(referral(
        "r5",
        "K4",
        d(2024, 6, 1),
        Some((d(2025, 3, 1), ReasonForClosure::RC7)),
    ));
    (r, noise)
}

fn full_fixture() -> CaseRecords {
    let (mut records, noise) = fixture();
    records.extend(noise);
    records
}

/// The fields the census carries, with record links replaced by the linked record's date.
#[derive(Debug, PartialEq)]
struct Carried {
    children: Vec<String>,
    referrals: Vec<String>,
    assessments: Vec<String>,
    cin_plans: Vec<String>,
    section47s: Vec<String>,
    conferences: Vec<String>,
    cp_plans: Vec<String>,
}

fn carried(r: &CaseRecords) -> Carried {
    fn sorted(mut v: Vec<String>) -> Vec<String> {
        v.sort();
        v
    }
    let referral_date = |id: &RecordId| r.referrals.iter().find(|x| &x.id == id).map(|x| x.date);
    let s47_start = |id: &Option<RecordId>| {
        id.as_ref()
            .and_then(|id| r.section47s.iter().find(|x| &x.id == id))
            .map(|x| x.start)
    };
    let plan_start = |id: &Option<RecordId>| {
        id.as_ref()
            .and_then(|id| r.cp_plans.iter().find(|x| &x.id == id))
            .map(|x| x.start)
    };
    Carried {
        children: sorted(
            r.children
                .iter()
                .map(|c| {
                    format!(
                        "{} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?} {:?}",
                        c.id.as_str(),
                        c.upn.as_ref().map(Upn::as_str),
                        c.former_upn.as_ref().map(Upn::as_str),
                        c.upn_unknown,
                        c.sex,
                        c.date_of_birth,
                        c.expected_date_of_birth,
                        c.date_of_death,
                        c.ethnicity,
                        c.disabilities,
                    )
                })
                .collect(),
        ),
        referrals: sorted(
            r.referrals
                .iter()
                .map(|x| {
                    format!(
                        "{} {} {:?} {:?} {} {:?} {:?}",
                        x.child.as_str(),
                        x.date,
                        x.source,
                        x.primary_need,
                        x.nfa,
                        x.closure_date,
                        x.closure_reason
                    )
                })
                .collect(),
        ),
        assessments: sorted(
            r.assessments
                .iter()
                .map(|x| {
                    format!(
                        "{} {:?} {} {:?} {:?}",
                        x.child.as_str(),
                        referral_date(&x.referral),
                        x.start,
                        x.authorised,
                        x.factors
                    )
                })
                .collect(),
        ),
        cin_plans: sorted(
            r.cin_plans
                .iter()
                .map(|x| {
                    format!(
                        "{} {:?} {} {:?}",
                        x.child.as_str(),
                        referral_date(&x.referral),
                        x.start,
                        x.end
                    )
                })
                .collect(),
        ),
        section47s: sorted(
            r.section47s
                .iter()
                .map(|x| {
                    format!(
                        "{} {:?} {} {:?} {}",
                        x.child.as_str(),
                        referral_date(&x.referral),
                        x.start,
                        x.icpc_target,
                        x.icpc_required
                    )
                })
                .collect(),
        ),
        conferences: sorted(
            r.conferences
                .iter()
                .map(|x| {
                    format!(
                        "{} {:?} {:?} {:?} {:?} {}",
                        x.child.as_str(),
                        referral_date(&x.referral),
                        x.kind,
                        s47_start(&x.s47),
                        plan_start(&x.plan),
                        x.date
                    )
                })
                .collect(),
        ),
        cp_plans: sorted(
            r.cp_plans
                .iter()
                .map(|x| {
                    format!(
                        "{} {:?} {} {:?} {:?} {:?} {}",
                        x.child.as_str(),
                        referral_date(&x.referral),
                        x.start,
                        x.end,
                        x.initial_category,
                        x.latest_category,
                        x.previous_plans
                    )
                })
                .collect(),
        ),
    }
}

fn write_fixture(dir: &Path) -> PathBuf {
    let paths = cin::write(dir, &full_fixture(), &spec()).unwrap();
    assert_eq!(paths.len(), 1);
    paths.into_iter().next().unwrap()
}

fn write_text(dir: &Path, name: &str, text: &str) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path
}

/// A small hand-written file in the layout of the DfE samples: legacy and current sex
/// elements, several review dates in one `Reviews`, an empty factors block, the 2026-27
/// pre-proceedings module, and a stray element.
const SAMPLE: &str = r#"<?xml version="1.0" encoding="utf-8"?>
<Message>
  <Header>
    <CollectionDetails><Collection>CIN</Collection><Year>2025</Year><ReferenceDate>2025-03-31</ReferenceDate></CollectionDetails>
    <Source><SourceLevel>L</SourceLevel><LEA>201</LEA><SoftwareCode>hand</SoftwareCode><Release>1</Release><SerialNo>001</SerialNo><DateTime>2025-04-15T09:00:00</DateTime></Source>
  </Header>
  <Children>
    <Child>
      <ChildIdentifiers><LAchildID>S0001</LAchildID><UPN>D201601815908</UPN><PersonBirthDate>2011-08-22</PersonBirthDate><GenderCurrent>1</GenderCurrent></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>WIRI</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>
      <CINdetails>
        <CINreferralDate>2024-07-16</CINreferralDate><ReferralSource>3D</ReferralSource><PrimaryNeedCode>N2</PrimaryNeedCode>
        <Assessments><AssessmentActualStartDate>2024-07-17</AssessmentActualStartDate><AssessmentAuthorisationDate>2024-09-06</AssessmentAuthorisationDate><FactorsIdentifiedAtAssessment/></Assessments>
        <Section47><S47ActualStartDate>2024-07-22</S47ActualStartDate><InitialCPCtarget>2024-08-12</InitialCPCtarget><DateOfInitialCPC>2024-08-09</DateOfInitialCPC><ICPCnotRequired>FALSE</ICPCnotRequired></Section47>
        <ReferralNFA>0</ReferralNFA>
        <ChildProtectionPlans><CPPstartDate>2024-08-09</CPPstartDate><InitialCategoryOfAbuse>NEG</InitialCategoryOfAbuse><LatestCategoryOfAbuse>NEG</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP>
          <Reviews><CPPreviewDate>2024-11-01</CPPreviewDate><CPPreviewDate>2025-03-01</CPPreviewDate></Reviews></ChildProtectionPlans>
        <PreProceedingsandFGDM><PPStartDate>2024-09-09</PPStartDate><PPOutcome>A</PPOutcome></PreProceedingsandFGDM>
      </CINdetails>
    </Child>
    <Child>
      <ChildIdentifiers><LAchildID>S0002</LAchildID><UPNunknown>UN1</UPNunknown><ExpectedPersonBirthDate>2025-05-01</ExpectedPersonBirthDate><Sex>U</Sex><Nickname>x</Nickname></ChildIdentifiers>
      <ChildCharacteristics><Ethnicity>NOBT</Ethnicity></ChildCharacteristics>
      <CINdetails><CINreferralDate>2025-01-10</CINreferralDate><ReferralSource>3B</ReferralSource><ReferralNFA>true</ReferralNFA><CINclosureDate>2025-01-11</CINclosureDate><ReasonForClosure>RC8</ReasonForClosure></CINdetails>
      <CINdetails><CINreferralDate>2025-02-10</CINreferralDate><ReferralSource>10</ReferralSource><ReferralNFA>false</ReferralNFA></CINdetails>
    </Child>
  </Children>
</Message>
"#;

mod round_trip {
    use super::*;

    #[test]
    fn every_element_round_trips_for_the_fields_it_carries() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_fixture(dir.path());
        assert_eq!(path.file_name().unwrap(), "cin_census_2026.xml");
        let read = cin::read(&[path]).unwrap();
        assert_eq!(carried(&read), carried(&fixture().0));
    }

    #[test]
    fn ids_link_records_to_their_episode() {
        let dir = tempfile::tempdir().unwrap();
        let read = cin::read(&[write_fixture(dir.path())]).unwrap();
        let ids: Vec<&str> = read.referrals.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["K1/ref/1", "K1/ref/2", "K2/ref/1", "K3/ref/1"]);
        let icpc = read
            .conferences
            .iter()
            .find(|c| c.kind == ConferenceKind::Initial)
            .unwrap();
        assert_eq!(icpc.id.as_str(), "K1/ref/1/s47/1/icpc");
        assert_eq!(
            icpc.plan.as_ref().map(RecordId::as_str),
            Some("K1/ref/1/cpp/1")
        );
        let reviews: Vec<&str> = read
            .conferences
            .iter()
            .filter(|c| c.kind == ConferenceKind::Review)
            .map(|c| c.id.as_str())
            .collect();
        assert_eq!(
            reviews,
            ["K1/ref/1/cpp/1/review/1", "K1/ref/1/cpp/1/review/2"]
        );
    }

    #[test]
    fn the_written_episode_follows_the_xsd_order() {
        let dir = tempfile::tempdir().unwrap();
        let text = std::fs::read_to_string(write_fixture(dir.path())).unwrap();
        let expected_k2 = "<Child><ChildIdentifiers><LAchildID>K2</LAchildID><UPNunknown>UN1</UPNunknown>\
            <ExpectedPersonBirthDate>2026-05-01</ExpectedPersonBirthDate><Sex>U</Sex></ChildIdentifiers>\
            <ChildCharacteristics><Ethnicity>NOBT</Ethnicity><Disabilities><Disability>NONE</Disability></Disabilities></ChildCharacteristics>\
            <CINdetails><CINreferralDate>2026-01-10</CINreferralDate><ReferralSource>2A</ReferralSource><PrimaryNeedCode>N1</PrimaryNeedCode>\
            <DateOfInitialCPC>2026-01-20</DateOfInitialCPC><ReferralNFA>false</ReferralNFA>\
            <ChildProtectionPlans><CPPstartDate>2026-01-20</CPPstartDate><InitialCategoryOfAbuse>PHY</InitialCategoryOfAbuse>\
            <LatestCategoryOfAbuse>PHY</LatestCategoryOfAbuse><NumberOfPreviousCPP>0</NumberOfPreviousCPP></ChildProtectionPlans></CINdetails></Child>\n";
        assert!(text.contains(expected_k2), "{text}");
        assert!(text.starts_with(
            "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message><Header><CollectionDetails><Collection>CIN</Collection>\
             <Year>2026</Year><ReferenceDate>2026-03-31</ReferenceDate></CollectionDetails><Source><SourceLevel>L</SourceLevel><LEA>382</LEA>"
        ));
        assert!(
            !text.contains("K4"),
            "children with no episode in the year are left out"
        );
        assert!(text.contains("<Section47><S47ActualStartDate>2025-12-22</S47ActualStartDate><ICPCnotRequired>true</ICPCnotRequired></Section47><ReferralNFA>false</ReferralNFA><ChildProtectionPlans>"));
    }

    #[test]
    fn a_child_born_after_the_reference_date_is_returned_as_unborn() {
        let mut records = CaseRecords::default();
        records.children.push(child(
            "B",
            Sex::Female,
            Some(d(2026, 4, 10)),
            Ethnicity::WBRI,
        ));
        records
            .referrals
            .push(referral("r", "B", d(2026, 2, 1), None));
        let dir = tempfile::tempdir().unwrap();
        let paths = cin::write(dir.path(), &records, &spec()).unwrap();
        let read = cin::read(&paths).unwrap();
        let b = &read.children[0];
        assert_eq!(
            (b.date_of_birth, b.expected_date_of_birth, b.sex),
            (None, Some(d(2026, 4, 10)), Sex::Unknown)
        );
    }

    #[test]
    fn text_is_escaped() {
        let mut records = CaseRecords::default();
        records.children.push(child(
            "A&B<1>",
            Sex::Male,
            Some(d(2015, 1, 1)),
            Ethnicity::WBRI,
        ));
        records
            .referrals
            .push(referral("r", "A&B<1>", d(2025, 6, 1), None));
        let dir = tempfile::tempdir().unwrap();
        let paths = cin::write(dir.path(), &records, &spec()).unwrap();
        let text = std::fs::read_to_string(&paths[0]).unwrap();
        assert!(text.contains("<LAchildID>A&amp;B&lt;1&gt;</LAchildID>"));
        let read = cin::read(&paths).unwrap();
        assert_eq!(read.children[0].id.as_str(), "A&B<1>");
    }
}

mod reading {
    use super::*;

    #[test]
    fn a_sample_in_the_dfe_layout_reads() {
        let dir = tempfile::tempdir().unwrap();
        let path = write_text(dir.path(), "sample.xml", SAMPLE);
        let records = cin::read(std::slice::from_ref(&path)).unwrap();
        assert_eq!(records.children.len(), 2);
        let first = &records.children[0];
        assert_eq!(first.sex, Sex::Male, "legacy GenderCurrent 1 is male");
        assert!(first.disabilities.is_empty(), "NONE is not stored");
        assert_eq!(records.referrals.len(), 3);
        assert!(records.section47s[0].icpc_required, "ICPCnotRequired FALSE");
        let reviews: Vec<NaiveDate> = records
            .conferences
            .iter()
            .filter(|c| c.kind == ConferenceKind::Review)
            .map(|c| c.date)
            .collect();
        assert_eq!(
            reviews,
            [d(2024, 11, 1), d(2025, 3, 1)],
            "every date of one Reviews element"
        );
        assert_eq!(records.assessments[0].factors, []);
        let header = cin::read_header(&path).unwrap().unwrap();
        assert_eq!(header.lea.get(), Some(LaCode(201)));
        assert_eq!(header.reference_date.get(), Some(d(2025, 3, 31)));
    }

    #[test]
    fn reviews_elements_are_numbered_across_the_file() {
        let plan = |reviews: &str| {
            format!(
                "<CINdetails><ChildProtectionPlans><CPPstartDate>2025-05-01</CPPstartDate>{reviews}</ChildProtectionPlans></CINdetails>"
            )
        };
        let xml = format!(
            "<Message><Children><Child>{}</Child><Child>{}</Child></Children></Message>",
            plan("<Reviews><CPPreviewDate>2025-06-01</CPPreviewDate></Reviews><Reviews></Reviews>"),
            plan(
                "<Reviews><CPPreviewDate>2025-07-01</CPPreviewDate><CPPreviewDate>x</CPPreviewDate></Reviews>"
            ),
        );
        let children: Vec<_> = CinChildren::from_reader(xml.as_bytes(), Path::new("r.xml"))
            .map(|c| c.unwrap())
            .collect();
        let first = &children[0].cin_details[0].cp_plans[0];
        assert_eq!(first.reviews[0].position, 1);
        assert_eq!(first.empty_review_positions, [2]);
        let second = &children[1].cin_details[0].cp_plans[0];
        let positions: Vec<u64> = second.reviews.iter().map(|r| r.position).collect();
        assert_eq!(positions, [3, 3]);
        assert_eq!(
            second.reviews[1].path,
            "Message/Children/Child[2]/CINdetails[1]/ChildProtectionPlans[1]/Reviews[1]/CPPreviewDate[2]"
        );
    }

    #[test]
    fn streaming_keeps_paths_positions_and_unexpected_elements() {
        let mut children = CinChildren::from_reader(SAMPLE.as_bytes(), Path::new("s.xml"));
        let first = children.next().unwrap().unwrap();
        assert_eq!(children.header().unwrap().year.get(), Some(2025));
        let second = children.next().unwrap().unwrap();
        assert!(children.next().is_none());
        assert_eq!(first.path, "Message/Children/Child[1]");
        assert!(first.sex_is_legacy_gender);
        assert_eq!(
            first.cin_details[0].cp_plans[0].reviews[1].path,
            "Message/Children/Child[1]/CINdetails[1]/ChildProtectionPlans[1]/Reviews[1]/CPPreviewDate[2]"
        );
        let review_positions: Vec<u64> = first.cin_details[0].cp_plans[0]
            .reviews
            .iter()
            .map(|r| r.position)
            .collect();
        assert_eq!(
            review_positions,
            [1, 1],
            "dates of one Reviews element share its position"
        );
        assert!(first.cin_details[0].assessments[0].factors_present);
        assert_eq!(second.position, 2);
        assert_eq!(
            second.cin_details[1].position, 3,
            "positions count across the file"
        );
        assert_eq!(
            second.cin_details[1].path,
            "Message/Children/Child[2]/CINdetails[2]"
        );
        assert_eq!(
            second.unexpected,
            ["Message/Children/Child[2]/ChildIdentifiers/Nickname"]
        );
        assert!(second.person_birth_date.is_blank());
    }

    #[test]
    fn bad_values_are_kept_verbatim_by_the_lenient_reader() {
        let text = SAMPLE
            .replace("2024-07-16", "2022-13-45")
            .replace("<ReferralSource>3D", "<ReferralSource>3Z");
        let mut children = CinChildren::from_reader(text.as_bytes(), Path::new("s.xml"));
        let first = children.next().unwrap().unwrap();
        let details = &first.cin_details[0];
        assert_eq!(details.referral_date.invalid_text(), Some("2022-13-45"));
        assert_eq!(details.referral_source, Cell::Invalid("3Z".into()));
    }
}

mod sniffing {
    use super::*;

    #[test]
    fn cin_files_are_recognised_by_content() {
        assert!(cin::sniff(SAMPLE.as_bytes()));
        assert!(cin::sniff(&SAMPLE.as_bytes()[..300]));
        let with_bom = format!(
            "\u{feff}<!-- export -->{}",
            SAMPLE.trim_start_matches("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n")
        );
        assert!(cin::sniff(with_bom.as_bytes()));
        assert!(!cin::sniff(
            b"<?xml version=\"1.0\"?><Workbook><Children/></Workbook>"
        ));
        assert!(!cin::sniff(b"<Message><Other/></Message>"));
        assert!(!cin::sniff(b"CHILD,SEX,DOB\n"));
        assert!(!cin::sniff(b""));
    }
}

mod errors {
    use super::*;

    fn read_err(text: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cin.xml");
        std::fs::write(&path, text).unwrap();
        let err = cin::read(&[path]).unwrap_err();
        err.to_string()
            .replace(&format!("{}/", dir.path().display()), "")
    }

    #[test]
    fn an_impossible_date_names_the_element_path_and_value() {
        let text = SAMPLE.replace("2025-02-10", "2022-13-45");
        assert_eq!(
            read_err(text.as_bytes()),
            "cin.xml at Message/Children/Child[2]/CINdetails[2]/CINreferralDate: field CINreferralDate: not a date (yyyy-mm-dd) (value '2022-13-45')"
        );
    }

    #[test]
    fn an_unknown_code_in_a_repeated_element_names_its_position() {
        let text = SAMPLE.replace(
            "<Disability>NONE</Disability>",
            "<Disability>NONE</Disability><Disability>XYZ</Disability>",
        );
        assert_eq!(
            read_err(text.as_bytes()),
            "cin.xml at Message/Children/Child[1]/ChildCharacteristics/Disabilities/Disability[2]: field Disability: not a valid code (value 'XYZ')"
        );
    }

    #[test]
    fn a_missing_required_element_is_refused() {
        let text = SAMPLE.replace("<ReferralNFA>0</ReferralNFA>", "");
        assert_eq!(
            read_err(text.as_bytes()),
            "cin.xml at Message/Children/Child[1]/CINdetails[1]/ReferralNFA: field ReferralNFA: required value is blank (value '')"
        );
    }

    #[test]
    fn malformed_documents_are_clear_errors() {
        assert_eq!(read_err(b""), "cin.xml: empty file: no XML root element");
        assert_eq!(
            read_err(b"<Workbook/>"),
            "cin.xml: not a CIN census file: the root element is <Workbook>, expected <Message>"
        );
        let unclosed =
            read_err(b"<Message><Children><Child><ChildIdentifiers></Child></Children></Message>");
        assert!(
            unclosed.starts_with(
                "cin.xml at Message/Children/Child[1]/ChildIdentifiers: malformed XML:"
            ),
            "{unclosed}"
        );
        let bad_bytes = read_err(b"<Message><Children><Child><ChildIdentifiers><LAchildID>\xff</LAchildID></ChildIdentifiers></Child></Children></Message>");
        assert!(bad_bytes.contains("malformed XML"), "{bad_bytes}");
        assert_eq!(
            read_err(b"<Message><Children><Child>&bogus;</Child></Children></Message>"),
            "cin.xml at Message/Children/Child[1]: unknown entity &bogus;"
        );
    }
}

mod malformed {
    use super::*;

    fn stream_err(text: &[u8]) -> String {
        CinChildren::from_reader(text, Path::new("cin.xml"))
            .find_map(Result::err)
            .expect("an error")
            .to_string()
    }

    #[test]
    fn a_truncated_file_names_where_it_stops() {
        let cut = &SAMPLE.as_bytes()[..SAMPLE.find("<CINreferralDate>").unwrap() + 20];
        let err = stream_err(cut);
        assert!(
            err.starts_with("cin.xml at Message/Children/Child[1]/CINdetails/CINreferralDate"),
            "{err}"
        );
        assert!(err.contains("ends inside an element"), "{err}");
    }

    #[test]
    fn latin1_bytes_name_the_element_they_are_in() {
        let err = stream_err(
            b"<Message><Children><Child><ChildIdentifiers><LAchildID>Jos\xe9</LAchildID></ChildIdentifiers></Child></Children></Message>",
        );
        assert!(
            err.starts_with("cin.xml at Message/Children/Child[1]/ChildIdentifiers/LAchildID"),
            "{err}"
        );
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let with_bom = format!("\u{feff}{SAMPLE}");
        let children: Vec<_> = CinChildren::from_reader(with_bom.as_bytes(), Path::new("b.xml"))
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(children.len(), 2);
    }

    #[test]
    fn no_prefix_of_a_valid_file_panics() {
        // Every cut of the sample either reads or gives an error; none panics.
        for end in (0..SAMPLE.len()).step_by(7) {
            let cut = &SAMPLE.as_bytes()[..end];
            let _ = CinChildren::from_reader(cut, Path::new("c.xml")).count();
        }
    }
}

mod faults {
    use super::*;
    use sightline_formats::cin::CinChild;
    use sightline_formats::faults::InjectedFault;

    fn write_faulty(rate: f64, seed: u64) -> (tempfile::TempDir, PathBuf, Vec<InjectedFault>) {
        let dir = tempfile::tempdir().unwrap();
        let (paths, faults) = cin::write_with_faults(
            dir.path(),
            &full_fixture(),
            &spec(),
            &FaultSpec { rate, seed },
        )
        .unwrap();
        (dir, paths.into_iter().next().unwrap(), faults)
    }

    #[test]
    fn rate_zero_writes_exactly_what_write_writes() {
        let dir = tempfile::tempdir().unwrap();
        let clean = std::fs::read(write_fixture(dir.path())).unwrap();
        let (_d, path, faults) = write_faulty(0.0, 5);
        assert!(faults.is_empty());
        assert_eq!(std::fs::read(path).unwrap(), clean);
    }

    #[test]
    fn injection_is_deterministic_from_the_seed() {
        assert_eq!(write_faulty(0.6, 1).2, write_faulty(0.6, 1).2);
        assert_ne!(write_faulty(0.6, 1).2, write_faulty(0.6, 2).2);
    }

    /// The text (or blank/absent) of a faulted element, found by its group and position.
    fn faulted_value(children: &[CinChild], fault: &InjectedFault) -> Option<String> {
        let raw = |cell: &Cell<NaiveDate>| match cell {
            Cell::Blank => None,
            Cell::Value(d) => Some(d.format("%Y-%m-%d").to_string()),
            Cell::Invalid(t) => Some(t.clone()),
        };
        fn text<T: std::fmt::Debug>(cell: &Cell<T>) -> Option<String> {
            match cell {
                Cell::Blank => None,
                Cell::Value(v) => Some(format!("{v:?}")),
                Cell::Invalid(t) => Some(t.clone()),
            }
        }
        let details = children.iter().flat_map(|c| &c.cin_details);
        match (fault.table.as_str(), fault.field.as_str()) {
            ("ChildIdentifiers", "LAchildID") => children
                .iter()
                .find(|c| c.position == fault.row_number)
                .and_then(|c| c.la_child_id.value().map(|id| id.as_str().to_owned())),
            ("ChildIdentifiers", "PersonBirthDate") => children
                .iter()
                .find(|c| c.position == fault.row_number)
                .and_then(|c| raw(&c.person_birth_date)),
            ("ChildIdentifiers", "Sex") => children
                .iter()
                .find(|c| c.position == fault.row_number)
                .and_then(|c| text(&c.sex)),
            ("ChildCharacteristics", "Ethnicity") => children
                .iter()
                .find(|c| c.position == fault.row_number)
                .and_then(|c| text(&c.ethnicity)),
            ("ChildCharacteristics", "Disability") => children
                .iter()
                .find(|c| c.position == fault.row_number)
                .and_then(|c| text(&c.disabilities[0].value)),
            ("CINdetails", field) => details
                .clone()
                .find(|x| x.position == fault.row_number)
                .and_then(|x| match field {
                    "CINreferralDate" => raw(&x.referral_date),
                    "CINclosureDate" => raw(&x.closure_date),
                    "ReferralSource" => text(&x.referral_source),
                    "PrimaryNeedCode" => text(&x.primary_need),
                    "ReasonForClosure" => text(&x.reason_for_closure),
                    _ => panic!("unexpected field {field}"),
                }),
            ("Assessments", field) => details
                .clone()
                .flat_map(|x| &x.assessments)
                .find(|a| a.position == fault.row_number)
                .and_then(|a| match field {
                    "AssessmentActualStartDate" => raw(&a.start),
                    _ => raw(&a.authorisation_date),
                }),
            ("CINPlanDates", field) => details
                .clone()
                .flat_map(|x| &x.cin_plans)
                .find(|p| p.position == fault.row_number)
                .and_then(|p| match field {
                    "CINPlanStartDate" => raw(&p.start),
                    _ => raw(&p.end),
                }),
            ("Section47", field) => details
                .clone()
                .flat_map(|x| &x.section47s)
                .find(|s| s.position == fault.row_number)
                .and_then(|s| match field {
                    "S47ActualStartDate" => raw(&s.start),
                    "DateOfInitialCPC" => raw(&s.date_of_initial_cpc),
                    _ => text(&s.icpc_not_required),
                }),
            ("ChildProtectionPlans", field) => details
                .clone()
                .flat_map(|x| &x.cp_plans)
                .find(|p| p.position == fault.row_number)
                .and_then(|p| match field {
                    "InitialCategoryOfAbuse" => text(&p.initial_category),
                    "LatestCategoryOfAbuse" => text(&p.latest_category),
                    "CPPendDate" => raw(&p.end),
                    _ => text(&p.previous_plans),
                }),
            other => panic!("unexpected fault place {other:?}"),
        }
    }

    #[test]
    fn every_listed_fault_is_in_the_file_where_it_says() {
        for seed in 0..20 {
            let (_d, path, faults) = write_faulty(1.0, seed);
            assert!(!faults.is_empty());
            let children: Vec<CinChild> = CinChildren::open(&path)
                .unwrap()
                .map(Result::unwrap)
                .collect();
            let dir = tempfile::tempdir().unwrap();
            let clean_children: Vec<CinChild> = CinChildren::open(&write_fixture(dir.path()))
                .unwrap()
                .map(Result::unwrap)
                .collect();
            for fault in &faults {
                assert_eq!(fault.format, Format::CinCensus);
                let now = faulted_value(&children, fault);
                let before = faulted_value(&clean_children, fault);
                assert_ne!(now, before, "{fault:?}");
                match fault.kind {
                    FaultKind::MissingCode | FaultKind::MissingDate => {
                        assert_eq!(now, None, "{fault:?}")
                    }
                    FaultKind::BadDate => assert!(
                        now.as_deref()
                            .and_then(sightline_formats::ssda903::parse_ymd)
                            .is_none()
                    ),
                    FaultKind::DuplicateId => {
                        let previous = children
                            .iter()
                            .find(|c| c.position == fault.row_number - 1)
                            .unwrap();
                        assert_eq!(
                            now.as_deref(),
                            previous.la_child_id.value().map(ChildId::as_str)
                        );
                    }
                    _ => assert!(now.is_some(), "{fault:?}"),
                }
            }
        }
    }

    #[test]
    fn a_fault_makes_the_strict_reader_refuse_or_the_data_change() {
        let (_d, path, faults) = write_faulty(1.0, 4);
        let bad_text = faults
            .iter()
            .any(|f| matches!(f.kind, FaultKind::BadDate | FaultKind::InvalidCode));
        let result = cin::read(&[path]);
        if bad_text {
            assert!(result.is_err());
        }
    }
}
