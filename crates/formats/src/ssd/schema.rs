//! The SSD tables Sightline reads and writes, with their columns in file order, and the other
//! published SSD tables it recognises but does not carry.
//!
//! Standard column names are those of `shared/reference/ssd/tables.csv`. Extension columns
//! carry model fields the SSD has no home for; their names use the table's prefix followed by
//! `x_` so that they stand out. Extension tables are named `ssdx_<kind>`.

use super::table::{TableSpec, ext, ext_req, opt, req};

macro_rules! table {
    ($ident:ident, $name:literal, $prefix:literal, [$($col:expr),+ $(,)?]) => {
        pub(crate) static $ident: TableSpec = TableSpec {
            name: $name,
            prefix: $prefix,
            columns: &[$($col),+],
        };
    };
}

table!(
    PERSON,
    "ssd_person",
    "pers_",
    [
        opt("pers_legacy_id"),
        req("pers_person_id"),
        req("pers_upn"),
        opt("pers_forename"),
        opt("pers_surname"),
        req("pers_sex"),
        opt("pers_gender"),
        req("pers_ethnicity"),
        req("pers_dob"),
        opt("pers_single_unique_id"),
        req("pers_upn_unknown"),
        opt("pers_send_flag"),
        req("pers_expected_dob"),
        req("pers_death_date"),
        req("pers_is_mother"),
        opt("pers_nationality"),
        ext("pers_x_locality"),
    ]
);

table!(
    ADDRESS,
    "ssd_address",
    "addr_",
    [
        opt("addr_table_id"),
        req("addr_person_id"),
        opt("addr_address_type"),
        opt("addr_address_start_date"),
        opt("addr_address_end_date"),
        req("addr_address_postcode"),
        opt("addr_address_json"),
    ]
);

table!(
    DISABILITY,
    "ssd_disability",
    "disa_",
    [
        opt("disa_table_id"),
        req("disa_person_id"),
        req("disa_disability_code"),
    ]
);

table!(
    IMMIGRATION_STATUS,
    "ssd_immigration_status",
    "immi_",
    [
        opt("immi_immigration_status_id"),
        req("immi_person_id"),
        req("immi_immigration_status_start_date"),
        req("immi_immigration_status_end_date"),
        req("immi_immigration_status"),
    ]
);

table!(
    MOTHER,
    "ssd_mother",
    "moth_",
    [
        opt("moth_table_id"),
        req("moth_person_id"),
        opt("moth_childs_person_id"),
        req("moth_childs_dob"),
    ]
);

table!(
    LINKED_IDENTIFIERS,
    "ssd_linked_identifiers",
    "link_",
    [
        opt("link_table_id"),
        req("link_person_id"),
        req("link_identifier_type"),
        req("link_identifier_value"),
        opt("link_valid_from_date"),
        opt("link_valid_to_date"),
    ]
);

table!(
    CONTACTS,
    "ssd_contacts",
    "cont_",
    [
        req("cont_contact_id"),
        req("cont_person_id"),
        req("cont_contact_date"),
        req("cont_contact_source_code"),
        opt("cont_contact_source_desc"),
        req("cont_contact_outcome_json"),
    ]
);

table!(
    EARLY_HELP,
    "ssd_early_help_episodes",
    "earl_",
    [
        req("earl_episode_id"),
        req("earl_person_id"),
        req("earl_episode_start_date"),
        req("earl_episode_end_date"),
        opt("earl_episode_reason"),
        opt("earl_episode_end_reason"),
        req("earl_episode_organisation"),
        req("earl_episode_worker_id"),
        ext("earl_x_locality"),
    ]
);

table!(
    CIN_EPISODES,
    "ssd_cin_episodes",
    "cine_",
    [
        req("cine_referral_id"),
        req("cine_person_id"),
        req("cine_referral_date"),
        req("cine_cin_primary_need_code"),
        req("cine_referral_source_code"),
        opt("cine_referral_source_desc"),
        opt("cine_referral_outcome_json"),
        req("cine_referral_nfa"),
        req("cine_close_reason"),
        req("cine_close_date"),
        req("cine_referral_team"),
        opt("cine_referral_worker_id"),
    ]
);

table!(
    CIN_ASSESSMENTS,
    "ssd_cin_assessments",
    "cina_",
    [
        req("cina_assessment_id"),
        req("cina_person_id"),
        req("cina_referral_id"),
        req("cina_assessment_start_date"),
        opt("cina_assessment_child_seen"),
        req("cina_assessment_auth_date"),
        req("cina_assessment_outcome_json"),
        opt("cina_assessment_outcome_nfa"),
        opt("cina_assessment_team"),
        req("cina_assessment_worker_id"),
    ]
);

table!(
    ASSESSMENT_FACTORS,
    "ssd_assessment_factors",
    "cinf_",
    [
        opt("cinf_table_id"),
        req("cinf_assessment_id"),
        req("cinf_assessment_factors_json"),
    ]
);

table!(
    CIN_PLANS,
    "ssd_cin_plans",
    "cinp_",
    [
        req("cinp_cin_plan_id"),
        req("cinp_referral_id"),
        req("cinp_person_id"),
        req("cinp_cin_plan_start_date"),
        req("cinp_cin_plan_end_date"),
        opt("cinp_cin_plan_team"),
        opt("cinp_cin_plan_worker_id"),
    ]
);

table!(
    CIN_VISITS,
    "ssd_cin_visits",
    "cinv_",
    [
        req("cinv_cin_visit_id"),
        req("cinv_person_id"),
        req("cinv_cin_visit_date"),
        req("cinv_cin_visit_seen"),
        req("cinv_cin_visit_seen_alone"),
        opt("cinv_cin_visit_bedroom"),
        ext("cinv_x_worker_id"),
        ext("cinv_x_order"),
    ]
);

table!(
    S47_ENQUIRY,
    "ssd_s47_enquiry",
    "s47e_",
    [
        req("s47e_s47_enquiry_id"),
        req("s47e_referral_id"),
        req("s47e_person_id"),
        req("s47e_s47_start_date"),
        req("s47e_s47_end_date"),
        opt("s47e_s47_nfa"),
        req("s47e_s47_outcome_json"),
        opt("s47e_s47_completed_by_team"),
        opt("s47e_s47_completed_by_worker_id"),
        ext("s47e_x_strategy_discussion_id"),
        ext("s47e_x_icpc_target_date"),
    ]
);

table!(
    INITIAL_CP_CONFERENCE,
    "ssd_initial_cp_conference",
    "icpc_",
    [
        req("icpc_icpc_id"),
        opt("icpc_icpc_meeting_id"),
        req("icpc_s47_enquiry_id"),
        req("icpc_person_id"),
        req("icpc_cp_plan_id"),
        req("icpc_referral_id"),
        req("icpc_icpc_transfer_in"),
        opt("icpc_icpc_target_date"),
        req("icpc_icpc_date"),
        req("icpc_icpc_outcome_cp_flag"),
        opt("icpc_icpc_outcome_json"),
        opt("icpc_icpc_team"),
        opt("icpc_icpc_worker_id"),
        ext("icpc_x_order"),
    ]
);

table!(
    CP_PLANS,
    "ssd_cp_plans",
    "cppl_",
    [
        req("cppl_cp_plan_id"),
        req("cppl_referral_id"),
        opt("cppl_icpc_id"),
        req("cppl_person_id"),
        req("cppl_cp_plan_start_date"),
        req("cppl_cp_plan_end_date"),
        opt("cppl_cp_plan_ola"),
        req("cppl_cp_plan_initial_category"),
        req("cppl_cp_plan_latest_category"),
        ext("cppl_x_previous_plans"),
    ]
);

table!(
    CP_VISITS,
    "ssd_cp_visits",
    "cppv_",
    [
        req("cppv_cp_visit_id"),
        req("cppv_person_id"),
        opt("cppv_cp_plan_id"),
        req("cppv_cp_visit_date"),
        req("cppv_cp_visit_seen"),
        req("cppv_cp_visit_seen_alone"),
        opt("cppv_cp_visit_bedroom"),
        ext("cppv_x_worker_id"),
        ext("cppv_x_order"),
    ]
);

table!(
    CP_REVIEWS,
    "ssd_cp_reviews",
    "cppr_",
    [
        req("cppr_cp_review_id"),
        req("cppr_person_id"),
        req("cppr_cp_plan_id"),
        opt("cppr_cp_review_due"),
        req("cppr_cp_review_date"),
        opt("cppr_cp_review_meeting_id"),
        req("cppr_cp_review_outcome_continue_cp"),
        opt("cppr_cp_review_quorate"),
        opt("cppr_cp_review_participation"),
        ext_req("cppr_x_referral_id"),
        ext("cppr_x_s47_enquiry_id"),
        ext("cppr_x_order"),
    ]
);

table!(
    CLA_EPISODES,
    "ssd_cla_episodes",
    "clae_",
    [
        req("clae_cla_episode_id"),
        req("clae_person_id"),
        req("clae_cla_placement_id"),
        req("clae_cla_episode_start_date"),
        req("clae_cla_episode_start_reason"),
        req("clae_cla_primary_need_code"),
        req("clae_cla_episode_ceased_date"),
        req("clae_cla_episode_ceased_reason"),
        opt("clae_cla_id"),
        opt("clae_referral_id"),
        opt("clae_cla_last_iro_contact_date"),
        opt("clae_entered_care_date"),
        ext("clae_x_legal_status_id"),
        ext("clae_x_home_postcode"),
    ]
);

table!(
    CLA_PLACEMENT,
    "ssd_cla_placement",
    "clap_",
    [
        req("clap_cla_placement_id"),
        opt("clap_cla_id"),
        req("clap_person_id"),
        req("clap_cla_placement_start_date"),
        req("clap_cla_placement_type"),
        req("clap_cla_placement_urn"),
        req("clap_cla_placement_distance"),
        req("clap_cla_placement_provider"),
        req("clap_cla_placement_postcode"),
        req("clap_cla_placement_end_date"),
        req("clap_cla_placement_change_reason"),
        ext("clap_x_placement_la"),
    ]
);

table!(
    LEGAL_STATUS,
    "ssd_legal_status",
    "lega_",
    [
        req("lega_legal_status_id"),
        req("lega_person_id"),
        req("lega_legal_status"),
        req("lega_legal_status_start_date"),
        req("lega_legal_status_end_date"),
    ]
);

table!(
    CLA_REVIEWS,
    "ssd_cla_reviews",
    "clar_",
    [
        req("clar_cla_review_id"),
        opt("clar_cla_id"),
        req("clar_cla_person_id"),
        opt("clar_cla_review_due_date"),
        req("clar_cla_review_date"),
        opt("clar_cla_review_cancelled"),
        req("clar_cla_review_participation"),
    ]
);

table!(
    CLA_VISITS,
    "ssd_cla_visits",
    "clav_",
    [
        req("clav_cla_visit_id"),
        opt("clav_cla_id"),
        req("clav_person_id"),
        req("clav_cla_visit_date"),
        req("clav_cla_visit_seen"),
        req("clav_cla_visit_seen_alone"),
        ext("clav_x_worker_id"),
        ext("clav_x_order"),
    ]
);

table!(
    MISSING,
    "ssd_missing",
    "miss_",
    [
        req("miss_table_id"),
        req("miss_person_id"),
        req("miss_missing_episode_start_date"),
        req("miss_missing_episode_type"),
        req("miss_missing_episode_end_date"),
        req("miss_missing_rhi_offered"),
        req("miss_missing_rhi_accepted"),
        ext("miss_x_rhi_offered_date"),
        ext("miss_x_rhi_completed_date"),
    ]
);

table!(
    CARE_LEAVERS,
    "ssd_care_leavers",
    "clea_",
    [
        req("clea_table_id"),
        req("clea_person_id"),
        opt("clea_care_leaver_eligibility"),
        req("clea_care_leaver_in_touch"),
        req("clea_care_leaver_latest_contact"),
        req("clea_care_leaver_accommodation"),
        req("clea_care_leaver_accom_suitable"),
        req("clea_care_leaver_activity"),
        opt("clea_pathway_plan_review_date"),
        opt("clea_care_leaver_personal_advisor"),
        opt("clea_care_leaver_allocated_team"),
        opt("clea_care_leaver_worker_id"),
        ext_req("clea_x_birthday_age"),
    ]
);

table!(
    PERMANENCE,
    "ssd_permanence",
    "perm_",
    [
        req("perm_table_id"),
        req("perm_person_id"),
        opt("perm_cla_id"),
        req("perm_adm_decision_date"),
        opt("perm_part_of_sibling_group"),
        opt("perm_siblings_placed_together"),
        opt("perm_siblings_placed_apart"),
        opt("perm_ffa_cp_decision_date"),
        req("perm_placement_order_date"),
        req("perm_matched_date"),
        req("perm_adopter_sex"),
        req("perm_adopter_legal_status"),
        req("perm_number_of_adopters"),
        req("perm_placed_for_adoption_date"),
        req("perm_adopted_by_carer_flag"),
        opt("perm_placed_foster_carer_date"),
        opt("perm_placed_ffa_cp_date"),
        opt("perm_placement_provider_urn"),
        req("perm_decision_reversed_date"),
        req("perm_decision_reversed_reason"),
        req("perm_permanence_order_date"),
        req("perm_permanence_order_type"),
        opt("perm_adoption_worker_id"),
        ext("perm_x_plan_date"),
    ]
);

table!(
    PREVIOUS_PERMANENCE,
    "ssd_cla_previous_permanence",
    "lapp_",
    [
        opt("lapp_table_id"),
        req("lapp_person_id"),
        req("lapp_previous_permanence_option"),
        req("lapp_previous_permanence_la"),
        req("lapp_previous_permanence_order_date"),
    ]
);

table!(
    PROFESSIONALS,
    "ssd_professionals",
    "prof_",
    [
        req("prof_professional_id"),
        opt("prof_staff_id"),
        opt("prof_professional_name"),
        opt("prof_social_worker_registration_no"),
        req("prof_agency_worker_flag"),
        opt("prof_professional_job_title"),
        opt("prof_professional_caseload"),
        opt("prof_professional_department"),
        req("prof_full_time_equivalency"),
        ext_req("prof_x_team_id"),
        ext_req("prof_x_role"),
        ext_req("prof_x_start_date"),
        ext("prof_x_end_date"),
    ]
);

table!(
    DEPARTMENT,
    "ssd_department",
    "dept_",
    [
        req("dept_team_id"),
        req("dept_team_name"),
        opt("dept_team_parent_id"),
        opt("dept_team_parent_name"),
        ext_req("dept_x_service"),
        ext("dept_x_locality"),
    ]
);

table!(
    INVOLVEMENTS,
    "ssd_involvements",
    "invo_",
    [
        req("invo_involvements_id"),
        req("invo_professional_id"),
        opt("invo_professional_role_id"),
        opt("invo_professional_team"),
        req("invo_person_id"),
        req("invo_involvement_start_date"),
        req("invo_involvement_end_date"),
        req("invo_worker_change_reason"),
        opt("invo_referral_id"),
    ]
);

table!(
    X_STRATEGY_DISCUSSIONS,
    "ssdx_strategy_discussions",
    "strd_",
    [
        req("strd_strategy_discussion_id"),
        req("strd_person_id"),
        req("strd_referral_id"),
        req("strd_strategy_discussion_date"),
        req("strd_s47_started"),
    ]
);

table!(
    X_CORE_GROUPS,
    "ssdx_core_groups",
    "cpcg_",
    [
        req("cpcg_core_group_id"),
        req("cpcg_person_id"),
        req("cpcg_cp_plan_id"),
        req("cpcg_core_group_date"),
    ]
);

table!(
    X_CIN_PLAN_REVIEWS,
    "ssdx_cin_plan_reviews",
    "cinr_",
    [
        req("cinr_cin_review_id"),
        req("cinr_person_id"),
        req("cinr_cin_plan_id"),
        req("cinr_cin_review_date"),
    ]
);

table!(
    X_PATHWAY_PLANS,
    "ssdx_pathway_plans",
    "pwpl_",
    [
        req("pwpl_pathway_plan_id"),
        req("pwpl_person_id"),
        req("pwpl_pathway_plan_date"),
        req("pwpl_personal_adviser_id"),
    ]
);

table!(
    X_HEALTH_OUTCOMES,
    "ssdx_health_outcomes",
    "clho_",
    [
        opt("clho_table_id"),
        req("clho_person_id"),
        req("clho_year_ending"),
        req("clho_sdq_score"),
        req("clho_sdq_reason"),
        req("clho_convicted"),
        req("clho_health_check"),
        req("clho_immunisations"),
        req("clho_teeth_check"),
        req("clho_health_assessment"),
        req("clho_substance_misuse"),
        req("clho_intervention_received"),
        req("clho_intervention_offered"),
    ]
);

table!(
    X_SUPERVISIONS,
    "ssdx_supervisions",
    "supv_",
    [
        req("supv_supervision_id"),
        req("supv_professional_id"),
        req("supv_person_id"),
        req("supv_supervision_date"),
    ]
);

table!(
    X_AUDITS,
    "ssdx_audits",
    "caud_",
    [
        req("caud_audit_id"),
        req("caud_person_id"),
        req("caud_professional_id"),
        req("caud_due_date"),
        req("caud_completed_date"),
        req("caud_grade"),
    ]
);

table!(
    X_COMPLAINTS,
    "ssdx_complaints",
    "cmpl_",
    [
        req("cmpl_complaint_id"),
        req("cmpl_person_id"),
        req("cmpl_received_date"),
        req("cmpl_responded_date"),
    ]
);

table!(
    X_FOSTER_HOUSEHOLDS,
    "ssdx_foster_households",
    "fohh_",
    [
        req("fohh_household_id"),
        req("fohh_household_type"),
        req("fohh_approved_date"),
        req("fohh_deregistered_date"),
        req("fohh_approved_places"),
    ]
);

table!(
    X_PRIVATE_FOSTERING,
    "ssdx_private_fostering",
    "prfo_",
    [
        req("prfo_arrangement_id"),
        req("prfo_person_id"),
        req("prfo_notified_date"),
        req("prfo_start_date"),
        req("prfo_end_date"),
        req("prfo_assessed_date"),
    ]
);

table!(
    X_LADO_ALLEGATIONS,
    "ssdx_lado_allegations",
    "lado_",
    [
        req("lado_allegation_id"),
        req("lado_person_id"),
        req("lado_received_date"),
        req("lado_concluded_date"),
        req("lado_outcome"),
    ]
);

/// Every table Sightline writes, in the order they are written.
pub(crate) static CARRIED: &[&TableSpec] = &[
    &PERSON,
    &ADDRESS,
    &DISABILITY,
    &IMMIGRATION_STATUS,
    &MOTHER,
    &LINKED_IDENTIFIERS,
    &CONTACTS,
    &EARLY_HELP,
    &CIN_EPISODES,
    &CIN_ASSESSMENTS,
    &ASSESSMENT_FACTORS,
    &CIN_PLANS,
    &CIN_VISITS,
    &S47_ENQUIRY,
    &INITIAL_CP_CONFERENCE,
    &CP_PLANS,
    &CP_VISITS,
    &CP_REVIEWS,
    &CLA_EPISODES,
    &CLA_PLACEMENT,
    &LEGAL_STATUS,
    &CLA_REVIEWS,
    &CLA_VISITS,
    &MISSING,
    &CARE_LEAVERS,
    &PERMANENCE,
    &PREVIOUS_PERMANENCE,
    &PROFESSIONALS,
    &DEPARTMENT,
    &INVOLVEMENTS,
    &X_STRATEGY_DISCUSSIONS,
    &X_CORE_GROUPS,
    &X_CIN_PLAN_REVIEWS,
    &X_PATHWAY_PLANS,
    &X_HEALTH_OUTCOMES,
    &X_SUPERVISIONS,
    &X_AUDITS,
    &X_COMPLAINTS,
    &X_FOSTER_HOUSEHOLDS,
    &X_PRIVATE_FOSTERING,
    &X_LADO_ALLEGATIONS,
];

/// Published SSD tables the model has nothing for, recognised by columns only they have so that
/// a complete SSD extract folder is accepted; their rows are skipped.
pub(crate) static IGNORED: &[(&str, &[&str])] = &[
    ("ssd_dim_date", &["date_key", "full_date"]),
    ("ssd_cohort", &["dim_person_id", "has_contact"]),
    ("ssd_family", &["fami_table_id", "fami_family_id"]),
    ("ssd_cla_convictions", &["clac_cla_conviction_id"]),
    ("ssd_cla_health", &["clah_health_check_id"]),
    ("ssd_cla_immunisations", &["clai_person_id"]),
    ("ssd_cla_substance_misuse", &["clas_substance_misuse_id"]),
    ("ssd_pre_cla_care_plan", &["fact_form_id", "answer_no"]),
    ("ssd_cla_care_plan", &["lacp_table_id"]),
    ("ssd_sdq_scores", &["csdq_table_id"]),
    ("ssd_s251_finance", &["s251_table_id"]),
    ("ssd_voice_of_child", &["voch_table_id"]),
    ("ssd_pre_proceedings", &["prep_table_id"]),
    ("ssd_send", &["send_table_id"]),
    ("ssd_sen_need", &["senn_table_id"]),
    ("ssd_ehcp_requests", &["ehcr_ehcp_request_id"]),
    ("ssd_ehcp_assessment", &["ehca_ehcp_assessment_id"]),
    ("ssd_ehcp_named_plan", &["ehcn_named_plan_id"]),
    ("ssd_ehcp_active_plans", &["ehcp_active_ehcp_id"]),
    ("ssd_api_data_staging", &["json_payload", "row_state"]),
];

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    /// Every standard column name written must exist in the published SSD field list.
    #[test]
    fn standard_columns_exist_in_the_published_ssd() {
        let reference = include_str!("../../../../../shared/reference/ssd/tables.csv");
        let known: HashSet<(String, String)> = reference
            .lines()
            .skip(1)
            .filter_map(|line| {
                let mut parts = line.split(',');
                Some((parts.next()?.to_owned(), parts.next()?.to_owned()))
            })
            .collect();
        for table in CARRIED.iter().filter(|t| !t.is_extension()) {
            let extension = format!("{}x_", table.prefix);
            for column in table
                .columns
                .iter()
                .filter(|c| !c.name.starts_with(&extension))
            {
                assert!(
                    known.contains(&(table.name.to_owned(), column.name.to_owned())),
                    "{}.{} is not in tables.csv",
                    table.name,
                    column.name
                );
            }
        }
    }

    #[test]
    fn names_prefixes_and_columns_are_consistent() {
        let mut names = HashSet::new();
        let mut prefixes = HashSet::new();
        for table in CARRIED {
            assert!(names.insert(table.name), "duplicate table {}", table.name);
            assert!(
                prefixes.insert(table.prefix),
                "duplicate prefix {}",
                table.prefix
            );
            let mut columns = HashSet::new();
            for column in table.columns {
                assert!(column.name.starts_with(table.prefix), "{}", column.name);
                assert!(columns.insert(column.name), "duplicate {}", column.name);
            }
        }
    }
}
