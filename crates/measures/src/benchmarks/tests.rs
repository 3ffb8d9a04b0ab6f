//! Benchmark lookups checked against the shared public data by hand.
//!
//! Every expected number below was read from
//! `/work/shared/reference/public-data/benchmarks/lait_csc_values_long.csv` (not from our cut of
//! it) with commands such as
//! `grep -E '^ReReferral,2025,(382|970|982),' lait_csc_values_long.csv`, and the neighbour means
//! with `grep -E '^ReReferral,2025,(373|357|...),' ... | awk -F, '$4!="-"{s+=$4;n++} END{print s/n, n}'`.
//! The neighbour lists come from `statistical-neighbours/statistical_neighbours_*_long.csv`
//! (`grep '^382,'`) and agree with `la-lookup/d2i_la_provider_lookup.csv` (`stat_neighbours`).

use super::*;

const KIRKLEES: LaCode = LaCode(382);

#[track_caller]
fn assert_valued(actual: &Option<Valued>, value: f64, year: i32, label: &str) {
    let Some(v) = actual else {
        panic!("expected {value} for {year}, got nothing");
    };
    assert!(
        (v.value - value).abs() < 1e-9,
        "value {} != {value}",
        v.value
    );
    assert_eq!((v.year, v.label.as_str()), (year, label));
}

#[test]
fn kirklees_is_in_yorkshire_and_the_humber() {
    let info = council(KIRKLEES).unwrap();
    assert_eq!(info.name, "Kirklees");
    assert_eq!(info.ons_code, "E08000034");
    assert_eq!(info.region_code, "E12000003");
    assert_eq!(info.region_name, "Yorkshire and The Humber");
    assert_eq!(info.benchmark_region, 982);
    assert_eq!(info.benchmark_region_name, "Yorkshire and the Humber");
    assert!(council(LaCode(999)).is_none());
}

#[test]
fn london_boroughs_compare_with_inner_or_outer_london() {
    // lait_areas.csv: Camden (202) is Inner London, Greenwich (203) Outer London.
    assert_eq!(council(LaCode(202)).unwrap().benchmark_region, 987);
    assert_eq!(council(LaCode(203)).unwrap().benchmark_region, 988);
    assert_eq!(council(LaCode(203)).unwrap().region_code, "E12000007");
    // grep -E '^LAC,2025,(202|987),': Camden 58, London (Inner) 59.
    let b = benchmarks("cla_rate_10k", LaCode(202), SnVersion::May2025).unwrap();
    assert_eq!(b.region_name, "London (Inner)");
    assert_valued(&b.region, 59.0, 2025, "at 31 March 2025");
    assert_valued(&b.council, 58.0, 2025, "at 31 March 2025");
}

#[test]
fn population_uses_the_previous_mid_year_for_a_dfe_year() {
    // ons_mid-year_population_estimates_2012_to_2024.csv, Kirklees rows: 2024 99822, 2018 98869.
    assert_eq!(population_0_17(KIRKLEES, 2024), Some(99_822));
    assert_eq!(population_for_dfe_year(KIRKLEES, 2025), Some(99_822));
    assert_eq!(population_for_dfe_year(KIRKLEES, 2019), Some(98_869));
    assert_eq!(population_0_17(KIRKLEES, 2025), None);
    // cla_number_and_rate_per_10k_children.csv agrees: Kirklees 2025 population_estimate 99822.
    // Cumberland (942) exists from mid-2023 only.
    assert_eq!(population_0_17(LaCode(942), 2022), None);
    assert!(population_0_17(LaCode(942), 2023).is_some());
}

#[test]
fn kirklees_neighbours_in_both_groupings() {
    let may_2025: Vec<u16> = statistical_neighbours(KIRKLEES, SnVersion::May2025)
        .iter()
        .map(|l| l.0)
        .collect();
    assert_eq!(may_2025, [373, 357, 851, 831, 879, 354, 351, 384, 908, 390]);
    let april_2021: Vec<u16> = statistical_neighbours(KIRKLEES, SnVersion::April2021)
        .iter()
        .map(|l| l.0)
        .collect();
    assert_eq!(
        april_2021,
        [350, 381, 332, 351, 831, 354, 808, 383, 888, 894]
    );
    let first = &neighbours(KIRKLEES, SnVersion::May2025)[0];
    assert_eq!((first.rank, first.closeness.as_str()), (1, "Very close"));
    // Cumberland has no neighbours in the April 2021 groupings ("-" in the DfE file).
    assert!(statistical_neighbours(LaCode(942), SnVersion::April2021).is_empty());
    assert_eq!(
        statistical_neighbours(LaCode(942), SnVersion::May2025).len(),
        10
    );
}

#[test]
fn rereferrals_latest_for_kirklees() {
    let b = benchmarks("rereferrals_12m_pct", KIRKLEES, SnVersion::May2025).unwrap();
    assert_eq!(b.mapping.lait_measure, "ReReferral");
    // ReReferral 2025: Kirklees 19.7, England 22.6, Yorkshire and the Humber (982) 21.7.
    assert_valued(&b.council, 19.7, 2025, "2024-25");
    assert_valued(&b.england, 22.6, 2025, "2024-25");
    assert_valued(&b.region, 21.7, 2025, "2024-25");
    assert_eq!(b.region_name, "Yorkshire and the Humber");
    // Neighbours 2025: 16.5 + 27.7 + 23.9 + 23.1 + 26 + 17.2 + 26 + 18.5 + 27.9 + 13.9
    // = 220.7 over 10 neighbours = 22.07.
    assert_valued(&b.sn_average, 22.07, 2025, "2024-25");
    assert_eq!((b.sn_used, b.sn_size), (10, 10));
    // April 2021 neighbours (350 381 332 351 831 354 808 383 888 894): 214.8 / 10 = 21.48.
    let b = benchmarks("rereferrals_12m_pct", KIRKLEES, SnVersion::April2021).unwrap();
    assert_valued(&b.sn_average, 21.48, 2025, "2024-25");
}

#[test]
fn a_chosen_year_reads_that_year_only() {
    // ReReferral 2019: Kirklees 19.7, England 22.6, Yorkshire and the Humber 24.6.
    let b = benchmarks_for_year("rereferrals_12m_pct", KIRKLEES, SnVersion::May2025, 2019).unwrap();
    assert_valued(&b.council, 19.7, 2019, "2018-19");
    assert_valued(&b.england, 22.6, 2019, "2018-19");
    assert_valued(&b.region, 24.6, 2019, "2018-19");
    assert_eq!(b.sn_average.as_ref().map(|v| v.year), Some(2019));
    // LAC_Parents_OR_Others is published from 2020 only.
    let b = benchmarks_for_year(
        "cla_placed_with_parents_pct",
        KIRKLEES,
        SnVersion::May2025,
        2019,
    )
    .unwrap();
    assert_eq!(
        (b.council, b.england, b.sn_average, b.sn_used),
        (None, None, None, 0)
    );
}

#[test]
fn snapshot_and_workforce_measures_are_labelled_by_their_date() {
    // LAC 2025: Kirklees 64, England 67, Yorkshire and the Humber 77.
    let b = benchmarks("cla_rate_10k", KIRKLEES, SnVersion::May2025).unwrap();
    assert_valued(&b.council, 64.0, 2025, "at 31 March 2025");
    assert_valued(&b.england, 67.0, 2025, "at 31 March 2025");
    assert_valued(&b.region, 77.0, 2025, "at 31 March 2025");
    // Work_Force_AvgNumCase_SW 2025: Kirklees 16.8, England 15.2.
    let b = benchmarks("average_caseload", KIRKLEES, SnVersion::May2025).unwrap();
    assert_valued(&b.council, 16.8, 2025, "at 30 September 2025");
    assert_valued(&b.england, 15.2, 2025, "at 30 September 2025");
}

#[test]
fn in_touch_is_the_complement_and_suppressed_values_are_skipped() {
    let b = benchmarks("care_leavers_in_touch_pct", KIRKLEES, SnVersion::May2025).unwrap();
    // CareLeavers_LA_NotInTouch for Kirklees is "-" in every year but 2019 (0): in touch 100,
    // so the council's latest figure is older than England's.
    assert_valued(&b.council, 100.0, 2019, "2018-19");
    // England 2025 not in touch 4 -> in touch 96; Yorkshire and the Humber 2025 4 -> 96.
    assert_valued(&b.england, 96.0, 2025, "2024-25");
    assert_valued(&b.region, 96.0, 2025, "2024-25");
    // Neighbours 2025: 373=6, 831=6, 879=0, 384=7; the other six are "-".
    // Mean not in touch 19 / 4 = 4.75 -> in touch 95.25, from 4 of 10 neighbours.
    assert_valued(&b.sn_average, 95.25, 2025, "2024-25");
    assert_eq!((b.sn_used, b.sn_size), (4, 10));
}

#[test]
fn series_and_unknown_ids() {
    // "CPP_Total_Rateper10,000" (a quoted name with a comma): Kirklees 2016 ... 2025.
    let series = published_series("referrals_rate_10k", Area::La(KIRKLEES));
    assert_eq!(series.len(), 10);
    assert_valued(&series.last().cloned(), 328.3, 2025, "2024-25");
    assert_valued(
        &published_series("referrals_rate_10k", Area::England)
            .last()
            .cloned(),
        519.4,
        2025,
        "2024-25",
    );
    assert!(benchmarks("contacts", KIRKLEES, SnVersion::May2025).is_none());
    assert!(mapping::no_benchmark_reason("contacts").is_some());
    assert!(benchmarks("no_such_indicator", KIRKLEES, SnVersion::May2025).is_none());
    // An unknown LA still gets England.
    let b = benchmarks("cla_rate_10k", LaCode(999), SnVersion::May2025).unwrap();
    assert!(b.england.is_some() && b.council.is_none() && b.region.is_none());
    assert_eq!((b.sn_size, b.region_name.as_str()), (0, ""));
}

#[test]
fn mapping_table_is_consistent() {
    let data = data::load().as_ref().unwrap();
    let mut ids: Vec<&str> = MAPPINGS.iter().map(|m| m.indicator_id).collect();
    ids.extend(NO_BENCHMARK.iter().map(|(id, _)| *id));
    let count = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), count, "an indicator id is listed twice");
    for m in MAPPINGS {
        // Every mapped measure has data for England, so a typo in a short_desc cannot hide.
        assert!(
            data.series(m.lait_measure, ENGLAND).is_some(),
            "{} has no data",
            m.lait_measure
        );
    }
    // Every fixed id of the issue is either mapped or has a reason.
    for id in crate::targets::PLAN_INDICATOR_IDS {
        assert!(
            mapping::mapping(id).is_some() || mapping::no_benchmark_reason(id).is_some(),
            "{id} is neither mapped nor explained"
        );
    }
    assert!(check_embedded_data().is_ok());
}

#[test]
fn sn_versions_have_stable_names() {
    for sn in [SnVersion::May2025, SnVersion::April2021] {
        assert_eq!(SnVersion::parse(sn.name()), Some(sn));
    }
    assert_eq!(SnVersion::default(), SnVersion::May2025);
    assert_eq!(YearBasis::FinancialYear.label(2000), "1999-00");
}

#[test]
fn ons_codes_map_to_dfe_numbers() {
    assert_eq!(super::dfe_code_for_ons("E08000034"), Some(LaCode(382)));
    assert_eq!(super::dfe_code_for_ons("E99999999"), None);
}
