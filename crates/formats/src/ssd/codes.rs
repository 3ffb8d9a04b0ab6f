//! Text forms of the model's own (non-DfE) enums as the SSD files spell them, and the outcome
//! flag names used inside the SSD's JSON outcome cells.

use sightline_model::records::*;

macro_rules! text_codes {
    ($ty:ty, $to:ident, $from:ident, { $($variant:path => $text:literal $(| $alias:literal)*),+ $(,)? }) => {
        /// The code written for a value.
        pub(crate) fn $to(value: $ty) -> &'static str {
            match value { $($variant => $text,)+ }
        }

        /// Parses the code (or an accepted alias), ignoring letter case and surrounding space.
        pub(crate) fn $from(text: &str) -> Option<$ty> {
            let t = text.trim();
            $(if t.eq_ignore_ascii_case($text) $(|| t.eq_ignore_ascii_case($alias))* {
                return Some($variant);
            })+
            None
        }
    };
}

text_codes!(PermanenceOrder, order_text, order_from_text, {
    PermanenceOrder::Adoption => "Adoption Order" | "Adoption" | "AO",
    PermanenceOrder::SpecialGuardianship => "Special Guardianship Order" | "SGO",
    PermanenceOrder::ChildArrangements => "Child Arrangements Order" | "CAO" | "Residence Order",
});

text_codes!(WorkerRole, role_text, role_from_text, {
    WorkerRole::SocialWorker => "SOCIAL_WORKER",
    WorkerRole::PersonalAdviser => "PERSONAL_ADVISER",
    WorkerRole::TeamManager => "TEAM_MANAGER",
    WorkerRole::EarlyHelpWorker => "EARLY_HELP_WORKER",
});

/// A job title for the standard `prof_professional_job_title` column.
pub(crate) fn role_job_title(role: WorkerRole) -> &'static str {
    match role {
        WorkerRole::SocialWorker => "Social Worker",
        WorkerRole::PersonalAdviser => "Personal Adviser",
        WorkerRole::TeamManager => "Team Manager",
        WorkerRole::EarlyHelpWorker => "Early Help Practitioner",
    }
}

text_codes!(Service, service_text, service_from_text, {
    Service::FrontDoor => "FRONT_DOOR",
    Service::EarlySupport => "EARLY_SUPPORT",
    Service::AssessmentIntervention => "ASSESSMENT_INTERVENTION",
    Service::Disabilities => "DISABILITIES",
    Service::LookedAfter => "LOOKED_AFTER",
    Service::LeavingCare => "LEAVING_CARE",
    Service::FosteringAdoption => "FOSTERING_ADOPTION",
});

text_codes!(AuditGrade, grade_text, grade_from_text, {
    AuditGrade::Outstanding => "OUTSTANDING",
    AuditGrade::Good => "GOOD",
    AuditGrade::RequiresImprovement => "REQUIRES_IMPROVEMENT",
    AuditGrade::Inadequate => "INADEQUATE",
});

text_codes!(FosterHouseholdKind, household_text, household_from_text, {
    FosterHouseholdKind::InHouse => "IN_HOUSE",
    FosterHouseholdKind::IndependentAgency => "IFA",
    FosterHouseholdKind::FamilyAndFriends => "FAMILY_AND_FRIENDS",
});

text_codes!(LadoOutcome, lado_text, lado_from_text, {
    LadoOutcome::Substantiated => "SUBSTANTIATED",
    LadoOutcome::Unsubstantiated => "UNSUBSTANTIATED",
    LadoOutcome::False => "FALSE",
    LadoOutcome::Unfounded => "UNFOUNDED",
});

/// `earl_episode_reason` of an episode stepped down from social care.
pub(crate) const STEP_DOWN_REASON: &str = "Step down from social care";
/// `earl_episode_end_reason` of an episode that ended by stepping up to social care.
pub(crate) const STEP_UP_REASON: &str = "Step up to social care";

/// The JSON outcome flag set for a contact outcome (`cont_contact_outcome_json`).
pub(crate) fn contact_outcome_flag(outcome: ContactOutcome) -> &'static str {
    match outcome {
        ContactOutcome::NoFurtherAction => "OUTCOME_NFA_FLAG",
        ContactOutcome::Signposting => "OUTCOME_ADVICE_FLAG",
        ContactOutcome::EarlyHelp => "OUTCOME_EARLY_HELP_FLAG",
        ContactOutcome::Referral => "OUTCOME_NEW_REFERRAL_FLAG",
    }
}

/// Reads a contact outcome from its set flags, strongest first; existing-referral and CP-enquiry
/// flags (used by real extracts) count as referrals. No flag set means no further action.
pub(crate) fn contact_outcome_from_flags(set: &[impl AsRef<str>]) -> ContactOutcome {
    let has = |key: &str| set.iter().any(|k| k.as_ref().eq_ignore_ascii_case(key));
    if has("OUTCOME_NEW_REFERRAL_FLAG")
        || has("OUTCOME_EXISTING_REFERRAL_FLAG")
        || has("OUTCOME_CP_ENQUIRY_FLAG")
    {
        ContactOutcome::Referral
    } else if has("OUTCOME_EARLY_HELP_FLAG") {
        ContactOutcome::EarlyHelp
    } else if has("OUTCOME_ADVICE_FLAG") {
        ContactOutcome::Signposting
    } else {
        ContactOutcome::NoFurtherAction
    }
}

/// The JSON outcome flag for an assessment outcome (`cina_assessment_outcome_json`).
pub(crate) fn assessment_outcome_flag(outcome: AssessmentOutcome) -> &'static str {
    match outcome {
        AssessmentOutcome::NoFurtherAction => "NFA_FLAG",
        AssessmentOutcome::EarlyHelp => "EARLY_HELP_FLAG",
        AssessmentOutcome::CinPlan => "CIN_PLAN_FLAG",
        AssessmentOutcome::StrategyDiscussion => "STRATEGY_DISCUSSION_FLAG",
        AssessmentOutcome::LookedAfter => "CLA_FLAG",
    }
}

/// Reads an assessment outcome from its set flags, most intensive first.
pub(crate) fn assessment_outcome_from_flags(set: &[impl AsRef<str>]) -> Option<AssessmentOutcome> {
    let has = |key: &str| set.iter().any(|k| k.as_ref().eq_ignore_ascii_case(key));
    [
        AssessmentOutcome::LookedAfter,
        AssessmentOutcome::StrategyDiscussion,
        AssessmentOutcome::CinPlan,
        AssessmentOutcome::EarlyHelp,
        AssessmentOutcome::NoFurtherAction,
    ]
    .into_iter()
    .find(|o| has(assessment_outcome_flag(*o)))
}

/// The JSON outcome flag for a section 47 outcome (`s47e_s47_outcome_json`).
pub(crate) fn s47_outcome_flag(outcome: S47Outcome) -> &'static str {
    match outcome {
        S47Outcome::NoFurtherAction => "NFA_FLAG",
        S47Outcome::CinPlan => "CIN_PLAN_FLAG",
        S47Outcome::Icpc => "ICPC_FLAG",
    }
}

/// The S47 JSON flag that says an initial conference is required (it drives the DfE API's
/// `icpc_required_flag`).
pub(crate) const CP_CONFERENCE_FLAG: &str = "CP_CONFERENCE_FLAG";

/// Reads a section 47 outcome from its set flags, most intensive first.
pub(crate) fn s47_outcome_from_flags(set: &[impl AsRef<str>]) -> Option<S47Outcome> {
    let has = |key: &str| set.iter().any(|k| k.as_ref().eq_ignore_ascii_case(key));
    [
        S47Outcome::Icpc,
        S47Outcome::CinPlan,
        S47Outcome::NoFurtherAction,
    ]
    .into_iter()
    .find(|o| has(s47_outcome_flag(*o)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back() {
        for o in [
            PermanenceOrder::Adoption,
            PermanenceOrder::SpecialGuardianship,
            PermanenceOrder::ChildArrangements,
        ] {
            assert_eq!(order_from_text(order_text(o)), Some(o));
        }
        assert_eq!(
            order_from_text(" sgo "),
            Some(PermanenceOrder::SpecialGuardianship)
        );
        for c in [
            ContactOutcome::NoFurtherAction,
            ContactOutcome::Signposting,
            ContactOutcome::EarlyHelp,
            ContactOutcome::Referral,
        ] {
            assert_eq!(contact_outcome_from_flags(&[contact_outcome_flag(c)]), c);
        }
        assert_eq!(
            contact_outcome_from_flags(&["OUTCOME_EXISTING_REFERRAL_FLAG"]),
            ContactOutcome::Referral
        );
        assert_eq!(lado_from_text("false"), Some(LadoOutcome::False));
        assert_eq!(grade_from_text("Good"), Some(AuditGrade::Good));
    }
}
