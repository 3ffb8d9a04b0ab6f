//! The typed case model of Sightline: one child's journey through children's services, and the
//! workforce around it, as plain data.
//!
//! Everything else stands on these types: readers fill them from statutory files, the store keeps
//! them as dated snapshots, indicators and timescales compute over them.
//!
//! **Invariant:** this crate does no I/O and never reads the clock; it depends only on `chrono`.
//!
//! # Example
//! ```
//! use sightline_model::{codes::LegalStatus, ids::ChildId};
//! let child = ChildId::new("C0001");
//! assert_eq!(format!("{child:?}"), "ChildId(***)");
//! assert!(LegalStatus::V3.is_short_break());
//! ```

pub mod codes;
pub mod ids;
pub mod records;

pub use chrono::NaiveDate;

use ids::LaCode;
use records::*;

/// A text that is not a code in the named DfE list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownCode {
    /// The code list, e.g. `PlacementType`.
    pub list: &'static str,
    /// The text that was not recognised.
    pub value: String,
}

impl std::fmt::Display for UnknownCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "'{}' is not a {} code", self.value, self.list)
    }
}

impl std::error::Error for UnknownCode {}

/// The council an extract belongs to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Council {
    /// 3-digit DfE LA code.
    pub la_code: LaCode,
    /// Name, e.g. "Kirklees".
    pub name: String,
}

/// Every record of one extract of a council's case system, by kind.
///
/// Readers of a format fill the kinds that format carries and leave the rest empty.
#[derive(Clone, Debug, Default, PartialEq)]
#[allow(missing_docs)]
pub struct CaseRecords {
    pub children: Vec<Child>,
    pub contacts: Vec<Contact>,
    pub early_help: Vec<EarlyHelpEpisode>,
    pub referrals: Vec<Referral>,
    pub assessments: Vec<Assessment>,
    pub strategy_discussions: Vec<StrategyDiscussion>,
    pub section47s: Vec<Section47>,
    pub conferences: Vec<ChildProtectionConference>,
    pub cp_plans: Vec<ChildProtectionPlan>,
    pub core_groups: Vec<CoreGroup>,
    pub visits: Vec<Visit>,
    pub cin_plans: Vec<CinPlan>,
    pub cin_plan_reviews: Vec<CinPlanReview>,
    pub cla_episodes: Vec<ClaEpisode>,
    pub cla_reviews: Vec<ClaReview>,
    pub missing: Vec<MissingEpisode>,
    pub care_leavers: Vec<CareLeaverContact>,
    pub pathway_plans: Vec<PathwayPlan>,
    pub permanence: Vec<Permanence>,
    pub previous_permanence: Vec<PreviousPermanenceRecord>,
    pub health_outcomes: Vec<ClaHealthOutcome>,
    pub teams: Vec<Team>,
    pub workers: Vec<Worker>,
    pub allocations: Vec<Allocation>,
    pub supervisions: Vec<Supervision>,
    pub audits: Vec<CaseAudit>,
    pub complaints: Vec<Complaint>,
    pub foster_households: Vec<FosterHousehold>,
    pub private_fostering: Vec<PrivateFostering>,
    pub lado_allegations: Vec<LadoAllegation>,
}

/// Calls `$m!(field, "label")` for every record kind, so that counts, storage and tests can't
/// forget a kind when one is added.
#[macro_export]
macro_rules! for_each_record_kind {
    ($m:ident) => {
        $m!(children, "children");
        $m!(contacts, "contacts");
        $m!(early_help, "early help episodes");
        $m!(referrals, "referrals");
        $m!(assessments, "assessments");
        $m!(strategy_discussions, "strategy discussions");
        $m!(section47s, "section 47 enquiries");
        $m!(conferences, "child protection conferences");
        $m!(cp_plans, "child protection plans");
        $m!(core_groups, "core groups");
        $m!(visits, "visits");
        $m!(cin_plans, "CIN plans");
        $m!(cin_plan_reviews, "CIN plan reviews");
        $m!(cla_episodes, "looked-after episodes");
        $m!(cla_reviews, "looked-after reviews");
        $m!(missing, "missing episodes");
        $m!(care_leavers, "care leaver contacts");
        $m!(pathway_plans, "pathway plans");
        $m!(permanence, "permanence records");
        $m!(previous_permanence, "previous permanence");
        $m!(health_outcomes, "health outcomes");
        $m!(teams, "teams");
        $m!(workers, "workers");
        $m!(allocations, "allocations");
        $m!(supervisions, "supervisions");
        $m!(audits, "case audits");
        $m!(complaints, "complaints");
        $m!(foster_households, "foster households");
        $m!(private_fostering, "private fostering arrangements");
        $m!(lado_allegations, "LADO allegations");
    };
}

impl CaseRecords {
    /// Number of records of each kind, in a fixed order, with a plain label; kinds with none are kept.
    pub fn counts(&self) -> Vec<(&'static str, usize)> {
        let mut out = Vec::new();
        macro_rules! count {
            ($field:ident, $label:literal) => {
                out.push(($label, self.$field.len()));
            };
        }
        for_each_record_kind!(count);
        out
    }

    /// Total number of records of every kind.
    pub fn total(&self) -> usize {
        self.counts().iter().map(|(_, n)| n).sum()
    }

    /// The latest event date in the records (contacts, referrals, assessments, plans, episodes,
    /// reviews, visits...): a sensible default extract date for files that do not carry one.
    pub fn latest_event_date(&self) -> Option<NaiveDate> {
        let dates = self
            .contacts
            .iter()
            .map(|r| r.date)
            .chain(
                self.referrals
                    .iter()
                    .flat_map(|r| [Some(r.date), r.closure_date])
                    .flatten(),
            )
            .chain(
                self.assessments
                    .iter()
                    .flat_map(|r| [Some(r.start), r.authorised])
                    .flatten(),
            )
            .chain(self.section47s.iter().map(|r| r.start))
            .chain(self.conferences.iter().map(|r| r.date))
            .chain(
                self.cp_plans
                    .iter()
                    .flat_map(|r| [Some(r.start), r.end])
                    .flatten(),
            )
            .chain(self.visits.iter().map(|r| r.date))
            .chain(
                self.cla_episodes
                    .iter()
                    .flat_map(|r| [Some(r.start), r.end])
                    .flatten(),
            )
            .chain(self.cla_reviews.iter().map(|r| r.date))
            .chain(self.missing.iter().map(|r| r.start));
        dates.max()
    }

    /// Appends every record of `other` (used when one snapshot is read from several files).
    pub fn extend(&mut self, other: CaseRecords) {
        macro_rules! ext {
            ($field:ident, $label:literal) => {
                self.$field.extend(other.$field);
            };
        }
        for_each_record_kind!(ext);
    }
}

/// Age in whole years on `on` for someone born on `born` (a 29 February birthday falls on 1 March
/// in non-leap years, as in English law).
pub fn age_on(born: NaiveDate, on: NaiveDate) -> i32 {
    use chrono::Datelike;
    let mut age = on.year() - born.year();
    if (on.month(), on.day()) < (born.month(), born.day()) {
        age -= 1;
    }
    age
}

/// The DfE collection year (1 April to 31 March) containing `date`, named by its ending year.
pub fn collection_year_ending(date: NaiveDate) -> i32 {
    use chrono::Datelike;
    if date.month() >= 4 {
        date.year() + 1
    } else {
        date.year()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn ages_turn_on_the_birthday() {
        assert_eq!(age_on(d(2010, 6, 15), d(2020, 6, 14)), 9);
        assert_eq!(age_on(d(2010, 6, 15), d(2020, 6, 15)), 10);
        // A leapling turns 18 on 1 March in a common year.
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(age_on(d(2008, 2, 29), d(2026, 3, 1)), 18);
    }

    #[test]
    fn collection_years_run_april_to_march() {
        assert_eq!(collection_year_ending(d(2025, 3, 31)), 2025);
        assert_eq!(collection_year_ending(d(2025, 4, 1)), 2026);
    }

    #[test]
    fn counts_cover_every_kind() {
        let records = CaseRecords::default();
        assert_eq!(records.counts().len(), 30);
        assert_eq!(records.total(), 0);
    }
}
