//! Which published DfE LAIT measure benchmarks which of our indicators: one data table, so a new
//! mapping is one row (plus the measure's name in `data/cut.py` if its values are not yet shipped).
//!
//! Every row says how LAIT's figure relates to ours (a transform where the unit differs), which
//! date the published year refers to, and the caveats a reader of the comparison needs. Indicator
//! ids with no public benchmark are listed too, with the reason, so reports can say why a
//! comparator column is blank instead of leaving the reader guessing.

use crate::indicator::Polarity;

/// How a LAIT value is turned into our indicator's unit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Transform {
    /// The published value, unchanged.
    AsPublished,
    /// `100 - x`: LAIT publishes the complement of our percentage (e.g. "not in touch" vs "in touch").
    ComplementOf100,
}

impl Transform {
    /// Applies the transform to one published value.
    pub fn apply(self, published: f64) -> f64 {
        match self {
            Transform::AsPublished => published,
            Transform::ComplementOf100 => 100.0 - published,
        }
    }
}

/// What the published year `Y` of a measure refers to, which decides its label.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YearBasis {
    /// Events in the year 1 April `Y-1` to 31 March `Y`: label `2024-25`.
    FinancialYear,
    /// A snapshot on 31 March `Y`: label `at 31 March 2025`.
    At31March,
    /// The children's social work workforce census on 30 September `Y`: label `at 30 September 2025`.
    At30September,
}

impl YearBasis {
    /// The label of published year `year` (a DfE "year ending" number).
    pub fn label(self, year: i32) -> String {
        match self {
            YearBasis::FinancialYear => format!("{}-{:02}", year - 1, year.rem_euclid(100)),
            YearBasis::At31March => format!("at 31 March {year}"),
            YearBasis::At30September => format!("at 30 September {year}"),
        }
    }
}

/// One row of the mapping table: our indicator id and the LAIT measure that benchmarks it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BenchmarkMapping {
    /// Our stable indicator id.
    pub indicator_id: &'static str,
    /// LAIT `short_desc` (column 1 of `data/lait_values.csv`).
    pub lait_measure: &'static str,
    /// LAIT's measure name, as published.
    pub lait_title: &'static str,
    /// How LAIT's value becomes ours.
    pub transform: Transform,
    /// What the published year refers to.
    pub year_basis: YearBasis,
    /// Decimal places DfE publishes for LA figures (CLA and care-leaver percentages and CLA rates
    /// are whole numbers; CIN and CP figures have one decimal place). Use it to print comparators.
    pub decimals: u8,
    /// Which direction LAIT calls good, after the transform (`NotApplicable` where LAIT says "-").
    pub lait_polarity: Polarity,
    /// What differs between LAIT's figure and ours, in one or two sentences for a report footnote.
    pub caveat: &'static str,
}

/// The mapping table. Keep it in the same order as `MEASURES` in `data/cut.py`.
pub const MAPPINGS: &[BenchmarkMapping] = &[
    BenchmarkMapping {
        indicator_id: "referrals",
        lait_measure: "CPP_Total_NumRef",
        lait_title: "Number of referrals to Children's Social Services",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 0,
        lait_polarity: Polarity::NotApplicable,
        caveat: "Referrals in the year, each referral counted. A count: compare areas by the rate \
                 (referrals_rate_10k); England and regional counts are rounded to the nearest 10.",
    },
    BenchmarkMapping {
        indicator_id: "referrals_rate_10k",
        lait_measure: "CPP_Total_Rateper10,000",
        lait_title: "Rates per 10,000 of referrals to Children's Social Services",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 1,
        lait_polarity: Polarity::NotApplicable,
        caveat: "Referrals in the year per 10,000 children aged 0-17 (ONS mid-year estimate of the \
                 previous calendar year). A monthly figure must be annualised before comparing.",
    },
    BenchmarkMapping {
        indicator_id: "rereferrals_12m_pct",
        lait_measure: "ReReferral",
        lait_title: "Percentage of re-referrals to children's social care within 12 months",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 1,
        lait_polarity: Polarity::Low,
        caveat: "Referrals in the year within 12 months of a previous referral of the same child, \
                 as a % of all referrals in the year.",
    },
    BenchmarkMapping {
        indicator_id: "assessments_45wd_pct",
        lait_measure: "Continue_Assess_Comp",
        lait_title: "Continuous assessments completed within 45 working days",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 1,
        lait_polarity: Polarity::High,
        caveat: "Assessments completed (authorised) in the year, % within 45 working days. DfE \
                 counts from the recorded assessment start date; LAIT's text says 'of a referral'.",
    },
    BenchmarkMapping {
        indicator_id: "s47_rate_10k",
        lait_measure: "Section_47",
        lait_title: "Section 47 enquiries rate per 10,000 children",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 1,
        lait_polarity: Polarity::NotApplicable,
        caveat: "S47 enquiries starting in the year, each occasion, per 10,000 children aged 0-17.",
    },
    BenchmarkMapping {
        indicator_id: "icpc_rate_10k",
        lait_measure: "ISCP_Conf",
        lait_title: "Rate of Initial Stage Child Protection conferences",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 1,
        lait_polarity: Polarity::NotApplicable,
        caveat: "ICPCs in the year per 10,000 children aged 0-17, including transfer-in ICPCs for \
                 children already on a plan elsewhere; England's count includes DfE estimates.",
    },
    BenchmarkMapping {
        indicator_id: "icpc_15wd_pct",
        lait_measure: "CP_conf_15days",
        lait_title: "Percentage of child protection conferences held within 15 days",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 1,
        lait_polarity: Polarity::High,
        caveat: "Working days from the S47 start (strategy discussion) to the ICPC; ICPCs dated \
                 before the S47 start, and transfer-in ICPCs, are outside DfE's timeliness bands.",
    },
    BenchmarkMapping {
        indicator_id: "cp_plans",
        lait_measure: "CPP_Num",
        lait_title: "Number of Children with CPP",
        transform: Transform::AsPublished,
        year_basis: YearBasis::At31March,
        decimals: 0,
        lait_polarity: Polarity::NotApplicable,
        caveat: "Children on a plan at 31 March only: compare with our snapshot at 31 March. A \
                 count: compare areas by the rate (cp_plans_rate_10k).",
    },
    BenchmarkMapping {
        indicator_id: "cp_plans_rate_10k",
        lait_measure: "CPP_rate",
        lait_title: "Child Protection Plans rate per 10,000",
        transform: Transform::AsPublished,
        year_basis: YearBasis::At31March,
        decimals: 1,
        lait_polarity: Polarity::NotApplicable,
        caveat: "Children on a plan at 31 March per 10,000 children aged 0-17.",
    },
    BenchmarkMapping {
        indicator_id: "repeat_cp_plans_pct",
        lait_measure: "PrevRegCPR",
        lait_title: "Percentage of children who became the subject of a plan for a second or \
                     subsequent time",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 1,
        lait_polarity: Polarity::Low,
        caveat: "Plans starting in the year where the child had a previous plan in the same LA \
                 however long ago; not the 'within 2 years' measure some councils report.",
    },
    BenchmarkMapping {
        indicator_id: "cp_plans_2yrs_pct",
        lait_measure: "CPPlans2yrs",
        lait_title: "Child Protection Plans lasting 2 years or more which cease during the year",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 1,
        lait_polarity: Polarity::Low,
        caveat: "Plans ENDING in the year that lasted 2 years or more (730+ days), as a % of plans \
                 ending. The open-plans variant at 31 March is LAIT `CPPlans2yrsActive` (not shipped).",
    },
    BenchmarkMapping {
        indicator_id: "cla_count",
        lait_measure: "LACnum",
        lait_title: "Number of Children looked after",
        transform: Transform::AsPublished,
        year_basis: YearBasis::At31March,
        decimals: 0,
        lait_polarity: Polarity::NotApplicable,
        caveat: "Children looked after at 31 March, excluding short breaks (V3/V4). England and \
                 regional counts are rounded to the nearest 10; compare areas by cla_rate_10k.",
    },
    BenchmarkMapping {
        indicator_id: "cla_rate_10k",
        lait_measure: "LAC",
        lait_title: "Children looked after rate per 10,000",
        transform: Transform::AsPublished,
        year_basis: YearBasis::At31March,
        decimals: 0,
        lait_polarity: Polarity::NotApplicable,
        caveat: "Children looked after at 31 March per 10,000 children aged 0-17, published as a \
                 whole number.",
    },
    BenchmarkMapping {
        indicator_id: "cla_placed_with_parents_pct",
        lait_measure: "LAC_Parents_OR_Others",
        lait_title: "% of CLA placed with parents or other person with parental responsibility",
        transform: Transform::AsPublished,
        year_basis: YearBasis::At31March,
        decimals: 0,
        lait_polarity: Polarity::High,
        caveat: "Placement type P1 at 31 March, whole numbers, published from 2020 only. LAIT calls \
                 higher good; the Kirklees 2019/20 plan calls lower good.",
    },
    BenchmarkMapping {
        indicator_id: "cla_placed_over_20_miles_pct",
        lait_measure: "LACDistance",
        lait_title: "Children looked after placed more than 20 miles from home, outside LA \
                     Boundary (%)",
        transform: Transform::AsPublished,
        year_basis: YearBasis::At31March,
        decimals: 0,
        lait_polarity: Polarity::Low,
        caveat: "CLA at 31 March placed BOTH outside the LA boundary AND more than 20 miles from \
                 home, as a % of all CLA at 31 March; whole numbers.",
    },
    BenchmarkMapping {
        indicator_id: "placement_stability_3plus_pct",
        lait_measure: "LACStable_2016on",
        lait_title: "Placement 1 - % CLA with three or more placements",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 0,
        lait_polarity: Polarity::Low,
        caveat: "CLA at 31 March with 3 or more placements during the year, as a % of CLA at \
                 31 March; whole numbers.",
    },
    BenchmarkMapping {
        indicator_id: "placement_stability_long_term_pct",
        lait_measure: "LAC_LongStable%",
        lait_title: "Long Term Placement Stability (%)",
        transform: Transform::AsPublished,
        year_basis: YearBasis::At31March,
        decimals: 0,
        lait_polarity: Polarity::High,
        caveat: "CLA under 16 at 31 March, looked after for 2.5+ years, in the same placement for \
                 2+ years (or placed for adoption); published from 2018; whole numbers.",
    },
    BenchmarkMapping {
        indicator_id: "care_leavers_in_touch_pct",
        lait_measure: "CareLeavers_LA_NotInTouch",
        lait_title: "Care Leavers - Local authority not in touch (%)",
        transform: Transform::ComplementOf100,
        year_basis: YearBasis::FinancialYear,
        decimals: 0,
        lait_polarity: Polarity::High,
        caveat: "100 minus LAIT's 'not in touch' % (care leavers aged 19-21), so young people who \
                 refused contact or no longer need services count as in touch: higher than DfE's \
                 own 'in touch' %. Many LA figures are suppressed.",
    },
    BenchmarkMapping {
        indicator_id: "care_leavers_suitable_accommodation_pct",
        lait_measure: "CareLeaverAcc",
        lait_title: "Care Leavers - Suitable accommodation (%)",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 0,
        lait_polarity: Polarity::High,
        caveat: "Care leavers aged 19-21 at their birthday in the year; excludes those whose \
                 residence or suitability is unknown (abroad, deported); whole numbers.",
    },
    BenchmarkMapping {
        indicator_id: "care_leavers_eet_pct",
        lait_measure: "CareLeaverEET",
        lait_title: "Care Leavers - Education, Employment & Training (EET) (%)",
        transform: Transform::AsPublished,
        year_basis: YearBasis::FinancialYear,
        decimals: 0,
        lait_polarity: Polarity::High,
        caveat: "Care leavers aged 19-21 at their birthday in the year, whole cohort including \
                 those not in touch; whole numbers.",
    },
    BenchmarkMapping {
        indicator_id: "average_caseload",
        lait_measure: "Work_Force_AvgNumCase_SW",
        lait_title: "Average number of cases per children and family social worker (based on FTE \
                     counts)",
        transform: Transform::AsPublished,
        year_basis: YearBasis::At30September,
        decimals: 1,
        lait_polarity: Polarity::Low,
        caveat: "Workforce census at 30 September: cases held / FTE social workers (incl. agency) \
                 holding at least one case. Personal advisers are not included.",
    },
];

/// Indicator ids of the plan with no public benchmark in the shipped data, and why.
pub const NO_BENCHMARK: &[(&str, &str)] = &[
    (
        "contacts",
        "contacts are a local measure (Annex A list 1); DfE publishes no statistic",
    ),
    (
        "assessments",
        "LAIT has no assessment count; the EES C2 table is not in the shipped data",
    ),
    (
        "assessments_rate_10k",
        "LAIT has no assessment rate; the EES C2 table is not in the shipped data",
    ),
    (
        "s47_enquiries",
        "LAIT publishes the rate only: see s47_rate_10k",
    ),
    ("icpc", "LAIT publishes the rate only: see icpc_rate_10k"),
    (
        "cla_reviews_in_time_pct",
        "DfE no longer publishes CLA review timeliness (former NI 66)",
    ),
    (
        "missing_episodes",
        "DfE publishes the % of CLA who went missing, not a count of episodes",
    ),
    (
        "rhi_within_72h_pct",
        "no national statistic on return home interview timeliness",
    ),
];

/// The mapping row of an indicator id, if it has a published benchmark.
pub fn mapping(indicator_id: &str) -> Option<&'static BenchmarkMapping> {
    MAPPINGS.iter().find(|m| m.indicator_id == indicator_id)
}

/// Why an indicator id has no benchmark, if it is one of the known unbenchmarked ids.
pub fn no_benchmark_reason(indicator_id: &str) -> Option<&'static str> {
    NO_BENCHMARK
        .iter()
        .find(|(id, _)| *id == indicator_id)
        .map(|(_, reason)| *reason)
}
