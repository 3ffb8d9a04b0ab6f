//! Stored words for the model's own enums (those that are not DfE code lists and so have no
//! official code text). These words are part of the schema: never change one, only add.

use super::columns::CodeText;
use sightline_model::records::*;

macro_rules! stored_words {
    ($($ty:ident { $($variant:ident = $word:literal,)+ })+) => {$(
        impl CodeText for $ty {
            const LIST: &'static str = stringify!($ty);
            fn text(self) -> &'static str {
                match self { $($ty::$variant => $word,)+ }
            }
            fn parse(text: &str) -> Option<Self> {
                match text { $($word => Some($ty::$variant),)+ _ => None }
            }
        }
    )+

        /// Every stored word of every enum, as (list, word, whether it parses back to itself).
        #[cfg(test)]
        pub(crate) fn all_words() -> Vec<(&'static str, &'static str, bool)> {
            vec![$($((
                stringify!($ty),
                $word,
                $ty::parse($word).map(CodeText::text) == Some($word),
            ),)+)+]
        }
    };
}

stored_words! {
    ContactOutcome {
        NoFurtherAction = "no_further_action",
        Signposting = "signposting",
        EarlyHelp = "early_help",
        Referral = "referral",
    }
    StepChange {
        StepUp = "step_up",
        StepDown = "step_down",
    }
    AssessmentOutcome {
        NoFurtherAction = "no_further_action",
        EarlyHelp = "early_help",
        CinPlan = "cin_plan",
        StrategyDiscussion = "strategy_discussion",
        LookedAfter = "looked_after",
    }
    S47Outcome {
        NoFurtherAction = "no_further_action",
        CinPlan = "cin_plan",
        Icpc = "icpc",
    }
    ConferenceKind {
        Initial = "initial",
        TransferIn = "transfer_in",
        Review = "review",
    }
    VisitKind {
        ChildInNeed = "child_in_need",
        ChildProtection = "child_protection",
        LookedAfter = "looked_after",
    }
    PermanenceOrder {
        Adoption = "adoption",
        SpecialGuardianship = "special_guardianship",
        ChildArrangements = "child_arrangements",
    }
    WorkerRole {
        SocialWorker = "social_worker",
        PersonalAdviser = "personal_adviser",
        TeamManager = "team_manager",
        EarlyHelpWorker = "early_help_worker",
    }
    Service {
        FrontDoor = "front_door",
        EarlySupport = "early_support",
        AssessmentIntervention = "assessment_intervention",
        Disabilities = "disabilities",
        LookedAfter = "looked_after",
        LeavingCare = "leaving_care",
        FosteringAdoption = "fostering_adoption",
    }
    AuditGrade {
        Outstanding = "outstanding",
        Good = "good",
        RequiresImprovement = "requires_improvement",
        Inadequate = "inadequate",
    }
    FosterHouseholdKind {
        InHouse = "in_house",
        IndependentAgency = "independent_agency",
        FamilyAndFriends = "family_and_friends",
    }
    LadoOutcome {
        Substantiated = "substantiated",
        Unsubstantiated = "unsubstantiated",
        False = "false",
        Unfounded = "unfounded",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_parses_back_to_itself() {
        let words = all_words();
        // 4 + 2 + 5 + 3 + 3 + 3 + 3 + 4 + 7 + 4 + 3 + 4 variants, counted from records.rs.
        assert_eq!(words.len(), 45);
        for (list, word, round_trips) in words {
            assert!(round_trips, "{list}: {word}");
        }
    }

    #[test]
    fn words_are_unique_within_a_list() {
        let mut words = all_words();
        let before = words.len();
        words.sort();
        words.dedup_by(|a, b| a.0 == b.0 && a.1 == b.1);
        assert_eq!(words.len(), before);
    }
}
