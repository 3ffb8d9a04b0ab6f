//! The smaller journeys and registers: disabled children on short breaks, private fostering
//! arrangements, and the council's foster households.

use crate::dice::{Dice, plus};
use crate::journey::Unit;
use crate::params;
use crate::people::{self, FactorKind};
use chrono::NaiveDate;
use sightline_model::codes::*;
use sightline_model::ids::HouseholdId;
use sightline_model::records::*;

impl Unit<'_> {
    /// A disabled child on a child in need plan who has regular short breaks (V3 episodes, each
    /// its own short period of care, with no postcodes and no reviews).
    pub(crate) fn short_breaks(&mut self, anchor: NaiveDate) -> bool {
        self.dob = plus(anchor, -self.dice.range(5 * 365, 15 * 365));
        self.sex = people::sex(&mut self.dice, 0.62);
        self.ethnicity = people::ethnicity_general(&mut self.dice);
        self.disabilities = people::disabilities(&mut self.dice);
        let source = self.dice.pick(&[
            (ReferralSource::S5A, 3.0),
            (ReferralSource::S3F, 3.0),
            (ReferralSource::S1A, 2.0),
            (ReferralSource::S2B, 2.0),
        ]);
        self.contact(anchor, source, ContactOutcome::Referral);
        let r = self.open_referral(anchor, source, PrimaryNeed::N2, false);
        let days = self.dice.range(10, 45);
        let auth = self.assessment(
            &r,
            anchor,
            days,
            AssessmentOutcome::CinPlan,
            FactorKind::Usual,
        );
        let from = plus(auth, self.dice.range(1, 10));
        let until = plus(from, self.dice.range(2 * 365, 6 * 365)).min(plus(self.birthday(18), -30));
        if until <= plus(from, 60) {
            return false;
        }
        self.cin_plan(&r, from, until);
        let closure = plus(until, self.dice.range(0, 20));
        self.close_referral(&r, closure, ReasonForClosure::RC7);
        self.segment(
            anchor,
            Some(closure),
            Service::Disabilities,
            SwChangeReason::FCONTA,
            Some(r.idx),
        );
        self.out.previous_permanence.push(PreviousPermanenceRecord {
            child: self.child.clone(),
            kind: PreviousPermanence::Z1,
            la: None,
            date: None,
        });
        // Short breaks are given in the council's own residential respite unit (R1). An
        // Ofsted-registered placement (K2 home, U6 foster carer) would need a URN under rule 218
        // while rule 214 forbids any URN on a V3/V4 short break, so no such episode can pass.
        let (ptype, provider) = (PlacementType::R1, PlacementProvider::PR1);
        let mut t = plus(from, self.dice.range(20, 90));
        while t < until && t <= self.ctx.end {
            let end = plus(t, self.dice.range(1, 4));
            let id = self.id("EP");
            self.out.cla_episodes.push(ClaEpisode {
                id,
                child: self.child.clone(),
                start: t,
                reason_new: ReasonNewEpisode::S,
                legal_status: LegalStatus::V3,
                category_of_need: CategoryOfNeed::N2,
                placement: ptype,
                provider: Some(provider),
                end: Some(end),
                reason_ceased: Some(ReasonEpisodeCeased::E4A),
                reason_place_change: None,
                home_postcode: None,
                placement_postcode: None,
                urn: None,
                placement_la: None,
                placement_distance_miles: None,
            });
            t = plus(end, self.dice.range(21, 50));
        }
        true
    }

    /// A child privately fostered and notified to the council, assessed for suitability.
    pub(crate) fn private_fostering(&mut self, anchor: NaiveDate) -> bool {
        self.dob = plus(anchor, -self.dice.range(8 * 365, 16 * 365));
        self.sex = people::sex(&mut self.dice, 0.5);
        self.ethnicity = people::ethnicity_general(&mut self.dice);
        let source = self.dice.pick(&[
            (ReferralSource::S2A, 5.0),
            (ReferralSource::S1A, 3.0),
            (ReferralSource::S8, 2.0),
        ]);
        self.contact(anchor, source, ContactOutcome::Referral);
        let r = self.open_referral(anchor, source, PrimaryNeed::N8, false);
        let start = self.wd_between(anchor, 0, 3);
        let days = self.dice.range(5, 40);
        let auth = self.assessment(
            &r,
            start,
            days,
            AssessmentOutcome::NoFurtherAction,
            FactorKind::PrivateFostering,
        );
        let closure = plus(auth, self.dice.range(0, 10));
        self.close_referral(&r, closure, ReasonForClosure::RC8);
        self.segment(
            anchor,
            Some(closure),
            Service::AssessmentIntervention,
            SwChangeReason::FCONTA,
            Some(r.idx),
        );
        let began = plus(anchor, -self.dice.range(0, 40));
        let ends = plus(began, self.dice.range(120, 700))
            .min(plus(self.birthday(16), 0))
            .max(plus(began, 28));
        let id = self.id("PF");
        self.out.private_fostering.push(PrivateFostering {
            id,
            child: self.child.clone(),
            notified: anchor,
            start: began,
            end: Some(ends),
            assessed: Some(auth),
        });
        true
    }
}

/// The council's foster households (in-house and family and friends, with the agency households
/// it uses), from before the horizon to the extract date.
pub(crate) fn foster_households(
    seed: u64,
    scale: f64,
    horizon: NaiveDate,
    end: NaiveDate,
) -> Vec<FosterHousehold> {
    // The register is simulated from the start of the range; `horizon` is that start here.
    let mut dice = Dice::new(seed, params::STREAM_HOUSEHOLDS, 0);
    let mut out = Vec::new();
    let tenure_days = params::FOSTER_MEAN_TENURE_MONTHS * 30.44;
    let initial = dice.poisson(params::FOSTER_INITIAL_STOCK * scale);
    let agency = dice.poisson(110.0 * scale);
    for i in 0..initial + agency {
        let kind = if i >= initial {
            FosterHouseholdKind::IndependentAgency
        } else if dice.chance(0.3) {
            FosterHouseholdKind::FamilyAndFriends
        } else {
            FosterHouseholdKind::InHouse
        };
        let approved = plus(horizon, -dice.range(30, 12 * 365));
        let leaves = plus(horizon, dice.exponential(tenure_days) as i64);
        push_household(&mut out, &mut dice, kind, approved, leaves, end);
    }
    let mut month = horizon;
    while month <= end {
        let next = plus(month, 30).min(plus(end, 1));
        for _ in 0..steady_count(&mut dice, params::FOSTER_APPROVALS * scale) {
            let kind = if dice.chance(0.3) {
                FosterHouseholdKind::FamilyAndFriends
            } else {
                FosterHouseholdKind::InHouse
            };
            let approved = dice.day_between(month, plus(next, -1));
            let leaves = plus(approved, dice.exponential(tenure_days).max(60.0) as i64);
            push_household(&mut out, &mut dice, kind, approved, leaves, end);
        }
        for _ in 0..dice.poisson(0.9 * scale) {
            let approved = dice.day_between(month, plus(next, -1));
            let leaves = plus(approved, dice.exponential(tenure_days).max(60.0) as i64);
            push_household(
                &mut out,
                &mut dice,
                FosterHouseholdKind::IndependentAgency,
                approved,
                leaves,
                end,
            );
        }
        month = next;
    }
    out
}

fn push_household(
    out: &mut Vec<FosterHousehold>,
    dice: &mut Dice,
    kind: FosterHouseholdKind,
    approved: NaiveDate,
    leaves: NaiveDate,
    end: NaiveDate,
) {
    if approved > end {
        return;
    }
    let places = dice.pick(&[(1u8, 35.0), (2, 45.0), (3, 20.0)]);
    out.push(FosterHousehold {
        id: HouseholdId::new(format!("FH{:06}", out.len() + 1)),
        kind,
        approved,
        deregistered: (leaves <= end).then_some(leaves.max(plus(approved, 1))),
        places,
    });
}

/// A count with mean `mean` and less spread than Poisson: the whole part, plus one with the
/// probability of the fraction. Used where a register's monthly flow is steady in reality.
fn steady_count(dice: &mut Dice, mean: f64) -> u64 {
    let whole = mean.floor();
    whole as u64 + u64::from(dice.chance(mean - whole))
}
