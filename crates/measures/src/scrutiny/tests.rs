//! Golden figures of the children-in-care report on a six-child council worked by hand.

use super::*;
use crate::testkit::*;
use sightline_model::codes::{Ethnicity, LegalStatus, PlacementType, ReasonEpisodeCeased};
use sightline_model::ids::LaCode;
use sightline_model::records::UascStatus;

const ELSEWHERE: LaCode = LaCode(381);

/// Six children, reported for March 2025 (trend from March 2024):
/// - C1 boy, 12, White British, in foster care since 2023 placed elsewhere 25 miles away;
/// - C2 girl, 17, Black African, UASC from 1 Sep 2024, section 20 in semi-independent (H5);
/// - C3 girl, baby, Mixed, entered care 10 Mar 2025 on an interim care order (U6);
/// - C4 boy, 9, Pakistani, in a children's home elsewhere 30 miles away, ceased 31 Mar 2025;
/// - C5 short breaks only (never counted);
/// - C6 boy, 14 (in 2024), White British, looked after Feb to 1 Aug 2024.
fn council() -> Dataset {
    let mut ds = Dataset::new();
    ds.child("C1")
        .male()
        .born(d(2012, 6, 1))
        .ethnicity(Ethnicity::WBRI);
    ds.child("C2")
        .female()
        .born(d(2008, 1, 15))
        .ethnicity(Ethnicity::BAFR)
        .with(|c| {
            c.uasc = Some(UascStatus {
                from: Some(d(2024, 9, 1)),
                ceased: None,
            })
        });
    ds.child("C3")
        .female()
        .born(d(2024, 12, 1))
        .ethnicity(Ethnicity::MWBC);
    ds.child("C4")
        .male()
        .born(d(2015, 5, 5))
        .ethnicity(Ethnicity::APKN);
    ds.child("C5");
    ds.child("C6")
        .male()
        .born(d(2010, 2, 2))
        .ethnicity(Ethnicity::WBRI);
    ds.episode("E1", "C1", d(2023, 1, 1))
        .placed(ELSEWHERE, 25.0);
    ds.episode("E2", "C2", d(2024, 9, 1))
        .legal_status(LegalStatus::V2)
        .placement(PlacementType::H5);
    ds.episode("E3", "C3", d(2025, 3, 10))
        .legal_status(LegalStatus::C1)
        .placement(PlacementType::U6);
    ds.episode("E4", "C4", d(2023, 6, 1))
        .placement(PlacementType::K2)
        .placed(ELSEWHERE, 30.0)
        .ended(d(2025, 3, 31), ReasonEpisodeCeased::E4A);
    ds.episode("E5", "C5", d(2024, 1, 1))
        .legal_status(LegalStatus::V3);
    ds.episode("E6", "C6", d(2024, 2, 1))
        .ended(d(2024, 8, 1), ReasonEpisodeCeased::E4A);
    ds
}

fn march_2025() -> Month {
    Month {
        year: 2025,
        month: 3,
    }
}

fn figures(ds: &Dataset) -> ChildrenInCare {
    children_in_care(&ds.context(), march_2025(), SnVersion::default()).unwrap()
}

fn count<G: PartialEq + Copy>(groups: &[(G, u64)], group: G) -> u64 {
    groups
        .iter()
        .find(|(g, _)| *g == group)
        .map(|(_, n)| *n)
        .unwrap()
}

#[test]
fn thirteen_months_of_counts_with_uasc() {
    let ds = council();
    let f = figures(&ds);
    assert_eq!(f.monthly.len(), 13);
    let at = |i: usize| (f.monthly[i].looked_after, f.monthly[i].uasc);
    // 31 Mar 2024: C1, C4, C6.
    assert_eq!(f.monthly[0].month.to_string(), "2024-03");
    assert_eq!(at(0), (3, 0));
    // 31 Jul 2024: C1, C4, C6; 31 Aug: C6 ceased on 1 Aug, so C1, C4.
    assert_eq!(at(4), (3, 0));
    assert_eq!(at(5), (2, 0));
    // 30 Sep 2024: C1, C2 (UASC from 1 Sep), C4.
    assert_eq!(at(6), (3, 1));
    // 28 Feb 2025: C1, C2, C4; 31 Mar 2025: C4 ceased that day, C3 entered: C1, C2, C3.
    assert_eq!(at(11), (3, 1));
    assert_eq!(at(12), (3, 1));
    assert_eq!(f.latest().unwrap().month, march_2025());
}

#[test]
fn rate_per_10000_against_published_comparators() {
    let ds = council();
    let f = figures(&ds);
    // Population 10,000: the rate equals the count.
    assert!((f.rate.rate.unwrap() - 3.0).abs() < 1e-9);
    assert!((f.rate.previous_rate.unwrap() - 3.0).abs() < 1e-9);
    assert_eq!(f.rate.population, 10_000);
    // The test council is 382 (Kirklees): its neighbours and LAIT figures are embedded.
    assert_eq!(f.rate.council_name.as_deref(), Some("Kirklees"));
    assert_eq!(f.rate.neighbours.len(), 10);
    assert!(f.rate.sn_average.is_some() && f.rate.england.is_some());
}

#[test]
fn ethnicity_now_a_year_ago_and_of_entrants() {
    let ds = council();
    let f = figures(&ds);
    use EthnicGroup::*;
    let now: Vec<u64> = f.ethnicity_now.iter().map(|(_, n)| *n).collect();
    // White, Mixed, Asian, Black, Other, Not recorded.
    assert_eq!(now, [1, 1, 0, 1, 0, 0]);
    assert_eq!(count(&f.ethnicity_year_ago, White), 2);
    assert_eq!(count(&f.ethnicity_year_ago, Asian), 1);
    assert_eq!(count(&f.ethnicity_year_ago, Black), 0);
    // Only C3 entered care in March 2025 (C5's short breaks do not count).
    assert_eq!(f.entrants_total(), 1);
    assert_eq!(count(&f.entrants, Mixed), 1);
}

#[test]
fn age_and_sex_now_and_last_month() {
    let ds = council();
    let f = figures(&ds);
    let row = |rows: &[AgeSexRow], band| rows.iter().find(|r| r.band == band).cloned().unwrap();
    assert_eq!(row(&f.age_sex, AgeBand::Under1).female, 1);
    assert_eq!(row(&f.age_sex, AgeBand::From10To15).male, 1);
    assert_eq!(row(&f.age_sex, AgeBand::From16To17).female, 1);
    assert_eq!(row(&f.age_sex, AgeBand::From5To9).total(), 0);
    assert_eq!(f.age_sex.iter().map(AgeSexRow::total).sum::<u64>(), 3);
    // 28 Feb 2025: C4 (9) was still looked after, C3 was not.
    assert_eq!(row(&f.age_sex_previous, AgeBand::From5To9).male, 1);
    assert_eq!(row(&f.age_sex_previous, AgeBand::Under1).total(), 0);
    assert!(f.age_sex.iter().all(|r| r.band != AgeBand::Unborn));
}

#[test]
fn legal_status_and_placements() {
    let ds = council();
    let f = figures(&ds);
    assert_eq!(count(&f.legal_status, LegalGroup::FullCareOrder), 1);
    assert_eq!(count(&f.legal_status, LegalGroup::Section20), 1);
    assert_eq!(count(&f.legal_status, LegalGroup::InterimCareOrder), 1);
    assert_eq!(count(&f.legal_status, LegalGroup::ShortBreaks), 0);
    assert_eq!(count(&f.placements, PlacementGroup::Foster), 2);
    assert_eq!(count(&f.placements, PlacementGroup::SemiIndependent), 1);
}

#[test]
fn children_placed_more_than_20_miles_away() {
    let ds = council();
    let f = figures(&ds);
    let last = f.placed_far.last().unwrap();
    // March 2025: C1 of C1, C2, C3.
    assert_eq!((last.count, last.looked_after), (1, 3));
    assert!((last.percent.unwrap() - 100.0 / 3.0).abs() < 1e-9);
    // February 2025: C1 and C4 of three.
    let feb = &f.placed_far[11];
    assert_eq!((feb.count, feb.looked_after), (2, 3));
    assert_eq!(count(&f.placed_far_by_placement, PlacementGroup::Foster), 1);
    assert_eq!(
        count(&f.placed_far_by_placement, PlacementGroup::ChildrensHome),
        0
    );
}

#[test]
fn uasc_status_on_a_date() {
    let mut ds = Dataset::new();
    ds.child("C1").with(|c| {
        c.uasc = Some(UascStatus {
            from: Some(d(2024, 1, 10)),
            ceased: Some(d(2024, 6, 1)),
        })
    });
    ds.child("C2").with(|c| {
        c.uasc = Some(UascStatus {
            from: None,
            ceased: None,
        })
    });
    let records = ds.records();
    let (c1, c2) = (&records.children[0], &records.children[1]);
    assert!(!is_uasc_on(c1, d(2024, 1, 9)));
    assert!(is_uasc_on(c1, d(2024, 1, 10)));
    assert!(is_uasc_on(c1, d(2024, 5, 31)));
    assert!(!is_uasc_on(c1, d(2024, 6, 1)));
    assert!(is_uasc_on(c2, d(2000, 1, 1)));
}

#[test]
fn an_empty_council_gives_zeros_not_errors() {
    let ds = Dataset::new();
    let f = figures(&ds);
    assert!(f.monthly.iter().all(|m| m.looked_after == 0));
    assert_eq!(f.placed_far.last().unwrap().percent, None);
    assert_eq!(f.entrants_total(), 0);
}
