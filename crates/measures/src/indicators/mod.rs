//! The indicator catalogue: one file per indicator, named by its id, each holding its `META`, a
//! unit struct implementing [`Indicator`] and its tests on a tiny hand-worked dataset.
//!
//! Shared shapes (events in the period, looked-after children at the period end, care leavers,
//! re-referrals) live in [`common`].
//!
//! To add an indicator: add its file `<id>.rs`, a `mod <id>;` line and an entry in [`INDICATORS`].
//! The catalogue tests check that ids are unique, that every file is registered under its own id,
//! and that the fixed ids are present.

use crate::indicator::Indicator;

pub mod common;

mod adoption_a1_days;
mod adoption_a2_days;
mod assessments;
mod assessments_45wd_pct;
mod assessments_rate_10k;
mod average_caseload;
mod care_leavers_eet_17_18_pct;
mod care_leavers_eet_19_21_pct;
mod care_leavers_eet_pct;
mod care_leavers_in_touch_17_18_pct;
mod care_leavers_in_touch_19_21_pct;
mod care_leavers_in_touch_pct;
mod care_leavers_suitable_accommodation_17_18_pct;
mod care_leavers_suitable_accommodation_19_21_pct;
mod care_leavers_suitable_accommodation_pct;
mod caseload_per_social_worker;
mod cla_16plus_supported_accommodation;
mod cla_count;
mod cla_entering_care_placed_over_20_miles;
mod cla_entering_care_placed_over_20_miles_pct;
mod cla_placed_over_20_miles;
mod cla_placed_over_20_miles_pct;
mod cla_placed_with_parents;
mod cla_placed_with_parents_full_care_order;
mod cla_placed_with_parents_interim_care_order;
mod cla_placed_with_parents_pct;
mod cla_rate_10k;
mod contacts;
mod contacts_nfa_signposting;
mod contacts_rate_10k;
mod contacts_to_referral_pct;
mod cp_plans;
mod cp_plans_2y_ended_pct;
mod cp_plans_2y_open_pct;
mod cp_plans_rate_10k;
mod cp_plans_repeat_pct;
mod cp_plans_started;
mod early_help_active;
mod early_help_step_downs;
mod early_help_step_ups;
mod foster_carer_approvals;
mod foster_carer_deregistrations;
mod foster_placements_family_and_friends;
mod foster_placements_ifa;
mod foster_placements_in_house;
mod icpc;
mod icpc_15wd_pct;
mod icpc_rate_10k;
mod missing_episodes;
mod open_cases;
mod placement_stability_3plus_pct;
mod placement_stability_long_term_pct;
mod referral_to_assessment_pct;
mod referrals;
mod referrals_progressed_to_assessment_pct;
mod referrals_rate_10k;
mod rereferrals_12m_pct;
mod rereferrals_3m_pct;
mod rereferrals_6m_pct;
mod residential_placements_external;
mod residential_placements_in_house;
mod s47_enquiries;
mod s47_enquiries_rate_10k;
mod supervisions;
// Timeliness indicators, built on `timescales`.
mod cin_reviews_in_time_pct;
mod cla_reviews_in_time_pct;
mod cla_visits_in_time_pct;
mod core_groups_in_time_pct;
mod cp_visits_in_time_pct;
mod initial_core_groups_10wd_pct;
mod pathway_plans_in_time_pct;
mod rhi_within_72h_pct;

/// Every indicator, in catalogue order: front door and early support; assessment and child
/// protection; looked-after children, stability and adoption; care leavers; sufficiency; workforce;
/// then the timeliness indicators.
///
/// The statutory-timeliness indicators (`cla_reviews_in_time_pct`, `rhi_within_72h_pct`, core
/// groups, visits, CIN reviews, pathway plans) are written with the timescales: append their
/// entries at the end of this list, after the marker comment.
pub static INDICATORS: &[&dyn Indicator] = &[
    &contacts::Contacts,
    &contacts_rate_10k::ContactsRate10k,
    &contacts_to_referral_pct::ContactsToReferralPct,
    &contacts_nfa_signposting::ContactsNfaSignposting,
    &referrals::Referrals,
    &referrals_rate_10k::ReferralsRate10k,
    &rereferrals_12m_pct::Rereferrals12mPct,
    &rereferrals_3m_pct::Rereferrals3mPct,
    &rereferrals_6m_pct::Rereferrals6mPct,
    &referral_to_assessment_pct::ReferralToAssessmentPct,
    &referrals_progressed_to_assessment_pct::ReferralsProgressedToAssessmentPct,
    &missing_episodes::MissingEpisodes,
    &early_help_active::EarlyHelpActive,
    &early_help_step_ups::EarlyHelpStepUps,
    &early_help_step_downs::EarlyHelpStepDowns,
    &assessments::Assessments,
    &assessments_rate_10k::AssessmentsRate10k,
    &assessments_45wd_pct::Assessments45wdPct,
    &s47_enquiries::S47Enquiries,
    &s47_enquiries_rate_10k::S47EnquiriesRate10k,
    &icpc::Icpc,
    &icpc_rate_10k::IcpcRate10k,
    &icpc_15wd_pct::Icpc15wdPct,
    &cp_plans::CpPlans,
    &cp_plans_rate_10k::CpPlansRate10k,
    &cp_plans_started::CpPlansStarted,
    &cp_plans_repeat_pct::CpPlansRepeatPct,
    &cp_plans_2y_ended_pct::CpPlans2yEndedPct,
    &cp_plans_2y_open_pct::CpPlans2yOpenPct,
    &open_cases::OpenCases,
    &cla_count::ClaCount,
    &cla_rate_10k::ClaRate10k,
    &cla_placed_with_parents::ClaPlacedWithParents,
    &cla_placed_with_parents_pct::ClaPlacedWithParentsPct,
    &cla_placed_with_parents_interim_care_order::ClaPlacedWithParentsInterimCareOrder,
    &cla_placed_with_parents_full_care_order::ClaPlacedWithParentsFullCareOrder,
    &placement_stability_3plus_pct::PlacementStability3plusPct,
    &placement_stability_long_term_pct::PlacementStabilityLongTermPct,
    &adoption_a1_days::AdoptionA1Days,
    &adoption_a2_days::AdoptionA2Days,
    &care_leavers_in_touch_pct::CareLeaversInTouchPct,
    &care_leavers_suitable_accommodation_pct::CareLeaversSuitableAccommodationPct,
    &care_leavers_eet_pct::CareLeaversEetPct,
    &care_leavers_in_touch_17_18_pct::CareLeaversInTouch1718Pct,
    &care_leavers_in_touch_19_21_pct::CareLeaversInTouch1921Pct,
    &care_leavers_suitable_accommodation_17_18_pct::CareLeaversSuitableAccommodation1718Pct,
    &care_leavers_suitable_accommodation_19_21_pct::CareLeaversSuitableAccommodation1921Pct,
    &care_leavers_eet_17_18_pct::CareLeaversEet1718Pct,
    &care_leavers_eet_19_21_pct::CareLeaversEet1921Pct,
    &foster_carer_approvals::FosterCarerApprovals,
    &foster_carer_deregistrations::FosterCarerDeregistrations,
    &foster_placements_in_house::FosterPlacementsInHouse,
    &foster_placements_family_and_friends::FosterPlacementsFamilyAndFriends,
    &foster_placements_ifa::FosterPlacementsIfa,
    &residential_placements_in_house::ResidentialPlacementsInHouse,
    &residential_placements_external::ResidentialPlacementsExternal,
    &cla_entering_care_placed_over_20_miles::ClaEnteringCarePlacedOver20Miles,
    &cla_entering_care_placed_over_20_miles_pct::ClaEnteringCarePlacedOver20MilesPct,
    &cla_placed_over_20_miles::ClaPlacedOver20Miles,
    &cla_placed_over_20_miles_pct::ClaPlacedOver20MilesPct,
    &cla_16plus_supported_accommodation::Cla16plusSupportedAccommodation,
    &average_caseload::AverageCaseload,
    &caseload_per_social_worker::CaseloadPerSocialWorker,
    &supervisions::Supervisions,
    // Timeliness indicators (built on `timescales`) go below this line.
    &cla_reviews_in_time_pct::ClaReviewsInTimePct,
    &rhi_within_72h_pct::RhiWithin72hPct,
    &initial_core_groups_10wd_pct::InitialCoreGroups10wdPct,
    &core_groups_in_time_pct::CoreGroupsInTimePct,
    &cp_visits_in_time_pct::CpVisitsInTimePct,
    &cla_visits_in_time_pct::ClaVisitsInTimePct,
    &cin_reviews_in_time_pct::CinReviewsInTimePct,
    &pathway_plans_in_time_pct::PathwayPlansInTimePct,
];

/// The indicator with this id.
pub fn find(id: &str) -> Option<&'static dyn Indicator> {
    INDICATORS.iter().copied().find(|i| i.meta().id == id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// The ids the issue fixes; users and other parts of the product rely on them.
    const FIXED_IDS: [&str; 21] = [
        "contacts",
        "referrals",
        "referrals_rate_10k",
        "rereferrals_12m_pct",
        "assessments",
        "assessments_45wd_pct",
        "s47_enquiries",
        "icpc",
        "icpc_15wd_pct",
        "cp_plans",
        "cla_count",
        "cla_rate_10k",
        "cla_placed_with_parents_pct",
        "cla_reviews_in_time_pct",
        "care_leavers_in_touch_pct",
        "care_leavers_suitable_accommodation_pct",
        "care_leavers_eet_pct",
        "cla_placed_over_20_miles_pct",
        "missing_episodes",
        "rhi_within_72h_pct",
        "average_caseload",
    ];

    #[test]
    fn ids_are_unique_snake_case_and_the_fixed_ones_are_present() {
        let mut seen = HashSet::new();
        for indicator in INDICATORS {
            let id = indicator.meta().id;
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(
                id.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_'),
                "{id}"
            );
        }
        for id in FIXED_IDS {
            assert!(find(id).is_some(), "fixed id {id} missing");
        }
        assert!(find("no_such_indicator").is_none());
    }

    #[test]
    fn every_indicator_describes_itself() {
        for indicator in INDICATORS {
            let m = indicator.meta();
            let d = m.definition;
            for (field, text) in [
                ("title", m.title),
                ("numerator", d.numerator),
                ("denominator", d.denominator),
                ("period", d.period),
                ("exclusions", d.exclusions),
                ("source", d.source),
            ] {
                assert!(!text.trim().is_empty(), "{}: empty {field}", m.id);
            }
        }
    }

    /// Every file of this folder (but `mod.rs` and `common.rs`) is an indicator registered under
    /// its file name, with its own tests.
    #[test]
    fn every_file_is_registered_under_its_id_and_tested() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/indicators");
        let mut files = 0;
        for entry in std::fs::read_dir(&folder).unwrap() {
            let path = entry.unwrap().path();
            let stem = path.file_stem().unwrap().to_str().unwrap().to_owned();
            if path.extension().is_none_or(|e| e != "rs") || stem == "mod" || stem == "common" {
                continue;
            }
            files += 1;
            assert!(
                find(&stem).is_some(),
                "{stem}.rs is not registered under the id {stem}"
            );
            let text = std::fs::read_to_string(&path).unwrap();
            assert!(text.contains("#[cfg(test)]"), "{stem}.rs has no tests");
            assert!(
                text.starts_with("//! `"),
                "{stem}.rs must open with a //! doc naming its id"
            );
        }
        assert_eq!(
            files,
            INDICATORS.len(),
            "every registered indicator has its own file"
        );
    }
}
