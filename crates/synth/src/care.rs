//! Children looked after: the referral that leads into care, periods of care as SSDA903 episodes
//! (legal status and placement timelines merged), reviews, health outcomes, missing episodes,
//! permanence, and care leavers.
//!
//! SSDA903 rules shape the episodes: a period starts with RNE S and continues with X1 joins;
//! L/P/T/U/B say exactly what changed; temporary placements return to the usual placement;
//! P1 only under a care order with provider PR0; placed for adoption under E1; periods end by the
//! 18th birthday, with E17 only on it; every placement that needs an Ofsted URN has one.

use crate::dice::plus;
use crate::frontdoor::Ref;
use crate::geo::{Ring, placement_distance_miles, postcode_in, postcode_la};
use crate::journey::Unit;
use crate::people::{self, FactorKind};
use chrono::{Datelike, NaiveDate};
use sightline_calendar::add_months;
use sightline_model::codes::*;
use sightline_model::ids::Postcode;
use sightline_model::records::*;

/// How a period of care ends.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Exit {
    Home,
    Adoption,
    Sgo,
    Cao,
    Eighteen,
    Independent,
    Other,
    Remand,
    Died,
}

/// Kinds of placement, before they become 903 codes.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Kind {
    InHouse,
    Agency,
    Kin,
    Home,
    Supported,
    Secure,
    School,
    MotherBaby,
    Parents,
    Custody,
    Other,
}

#[derive(Clone)]
struct Place {
    ptype: PlacementType,
    provider: Option<PlacementProvider>,
    postcode: Option<Postcode>,
    urn: Option<String>,
    carer: u32,
}

impl Place {
    fn same_setting(&self, other: &Place) -> bool {
        self.ptype == other.ptype
            && self.provider == other.provider
            && self.postcode == other.postcode
            && self.urn == other.urn
    }
}

/// A planned period of care.
struct Period {
    start: NaiveDate,
    end: NaiveDate,
    exit: Exit,
    need: CategoryOfNeed,
    legal: Vec<(NaiveDate, LegalStatus)>,
    places: Vec<(NaiveDate, Place)>,
    adoption: Option<Adoption>,
    reversed_adm: Option<(NaiveDate, NaiveDate)>,
}

struct Adoption {
    adm: NaiveDate,
    order: NaiveDate,
    matched: NaiveDate,
    placed: NaiveDate,
}

/// A period as it was recorded: what the rest of the journey needs to know.
struct Done {
    start: NaiveDate,
    end: NaiveDate,
    exit: Exit,
    reason: ReasonEpisodeCeased,
}

impl Unit<'_> {
    /// A child whose first period of care starts on `anchor`. Returns false when the child had
    /// left long before the range and is not a care leaver in it (nothing is recorded then).
    pub(crate) fn care_entrant(&mut self, anchor: NaiveDate) -> bool {
        let uasc = self.dice.chance(0.068);
        let age_days = if uasc {
            self.dice.range(14 * 365 + 30, 17 * 365 + 280)
        } else {
            let (lo, hi) = self.dice.pick(&[
                ((0, 10), 12.0),
                ((11, 364), 8.0),
                ((365, 5 * 365 - 1), 18.0),
                ((5 * 365, 10 * 365 - 1), 18.0),
                ((10 * 365, 16 * 365 - 1), 22.5),
                ((16 * 365, 17 * 365 + 250), 19.5),
            ]);
            self.dice.range(lo, hi)
        };
        self.dob = plus(anchor, -age_days);
        if uasc {
            self.sex = people::sex(&mut self.dice, 0.93);
            self.ethnicity = people::ethnicity_uasc(&mut self.dice);
            let ceased = self.birthday(18);
            self.uasc = Some(UascStatus {
                from: Some(anchor),
                ceased: Some(ceased),
            });
        } else {
            self.sex = people::sex(&mut self.dice, 0.54);
            self.ethnicity = people::ethnicity_care(&mut self.dice);
            if self.dice.chance(0.16) {
                self.disabilities = people::disabilities(&mut self.dice);
            }
        }
        let period = self.plan_period(anchor);
        let leaver_until = self.birthday(21);
        if plus(period.end, 3 * 365) < self.ctx.start && leaver_until < self.ctx.start {
            return false;
        }
        let mut r = self.care_referral(anchor);
        self.previous_permanence(anchor);
        let mut done = self.record_period(&r, period);
        let mut reentries = 0;
        while let Some((r2, next)) = self.after_care(&r, &done, reentries < 2) {
            reentries += 1;
            let period = self.plan_period(next);
            done = self.record_period(&r2, period);
            r = r2;
        }
        self.care_leaver(&done);
        true
    }

    // ---------------------------------------------------------------- referral into care

    fn care_referral(&mut self, c: NaiveDate) -> Ref {
        let floor = plus(self.dob, -120);
        if self.uasc.is_some() {
            let r = plus(c, -self.dice.range(0, 2));
            let source = self.dice.pick(&[
                (ReferralSource::S7, 40.0),
                (ReferralSource::S6, 40.0),
                (ReferralSource::S5C, 20.0),
            ]);
            self.contact(r, source, ContactOutcome::Referral);
            let rf = self.open_referral(r, source, PrimaryNeed::N8, false);
            let days = self.dice.range(5, 40);
            self.assessment(
                &rf,
                r,
                days,
                AssessmentOutcome::LookedAfter,
                FactorKind::Uasc,
            );
            self.segment(
                r,
                Some(c),
                Service::LookedAfter,
                SwChangeReason::FCONTA,
                Some(rf.idx),
            );
            return rf;
        }
        let newborn = (c - self.dob).num_days() <= 10;
        let path = self.dice.pick(&[(0u8, 35.0), (1, 22.0), (2, 43.0)]);
        let (r, path) = match path {
            _ if newborn => (
                plus(self.dob, -self.dice.range(30, 140)),
                if self.dice.chance(0.45) { 1 } else { 2 },
            ),
            0 => (plus(c, -self.dice.range(0, 5)).max(self.dob), 0),
            1 => (plus(c, -self.dice.range(120, 540)).max(floor), 1),
            _ => (plus(c, -self.dice.range(30, 240)).max(floor), 2),
        };
        if r > plus(self.dob, 200) && self.dice.chance(0.5) {
            let first = plus(r, -self.dice.range(90, 900)).max(self.dob);
            if first < plus(r, -14) {
                self.contact_chain(first, Some(plus(r, -7)));
            }
        }
        let source = if newborn {
            self.dice.pick(&[
                (ReferralSource::S3B, 2.0),
                (ReferralSource::S3F, 5.0),
                (ReferralSource::S5A, 2.0),
            ])
        } else {
            {
                let age = self.age(r).max(0);
                people::contact_source(&mut self.dice, age)
            }
        };
        self.contact(r, source, ContactOutcome::Referral);
        let need = people::primary_need(&mut self.dice, path != 2);
        let need = if need == PrimaryNeed::N9 {
            PrimaryNeed::N1
        } else {
            need
        };
        let rf = self.open_referral(r, source, need, false);
        let service = if need == PrimaryNeed::N2 {
            Service::Disabilities
        } else {
            Service::AssessmentIntervention
        };
        self.segment(r, Some(c), service, SwChangeReason::FCONTA, Some(rf.idx));
        match path {
            0 => {
                let strategy = self.working_on_or_after(r);
                self.protection_enquiry(&rf, strategy, S47Outcome::CinPlan);
                let days = self.dice.range(5, 45);
                self.assessment(
                    &rf,
                    r,
                    days,
                    AssessmentOutcome::LookedAfter,
                    FactorKind::Usual,
                );
            }
            1 => {
                let strategy = self.working_on_or_after(r);
                let enquiry = self.protection_enquiry(&rf, strategy, S47Outcome::Icpc);
                let days = self.assessment_days().min(45);
                self.assessment(
                    &rf,
                    r,
                    days,
                    AssessmentOutcome::StrategyDiscussion,
                    FactorKind::Usual,
                );
                match enquiry.icpc {
                    Some((conf, icpc, true)) if icpc < plus(c, -14) => {
                        self.cp_plan(&rf, conf, icpc, Some(c));
                    }
                    _ => {}
                }
            }
            _ => {
                let days = self.assessment_days().min(45);
                let auth =
                    self.assessment(&rf, r, days, AssessmentOutcome::CinPlan, FactorKind::Usual);
                let from = plus(auth, self.dice.range(1, 10));
                if from < plus(c, -30) {
                    self.cin_plan(&rf, from, c);
                }
            }
        }
        rf
    }

    fn previous_permanence(&mut self, c: NaiveDate) {
        let kind = if self.uasc.is_some() {
            PreviousPermanence::Z1
        } else {
            self.dice.pick(&[
                (PreviousPermanence::Z1, 92.0),
                (PreviousPermanence::P2, 4.0),
                (PreviousPermanence::P3, 2.5),
                (PreviousPermanence::P1, 1.5),
            ])
        };
        let (la, date) = if kind == PreviousPermanence::Z1 || c < plus(self.dob, 400) {
            (None, None)
        } else {
            let when = self.dice.day_between(plus(self.dob, 180), plus(c, -120));
            let la = if self.dice.chance(0.7) {
                self.ctx.la.to_string()
            } else {
                "383".to_owned()
            };
            let day_known = self.dice.chance(0.7);
            (
                Some(la),
                Some(PartialDate {
                    day: day_known.then_some(when.day() as u8),
                    month: Some(when.month() as u8),
                    year: Some(when.year() as u16),
                }),
            )
        };
        let kind = if la.is_none() {
            PreviousPermanence::Z1
        } else {
            kind
        };
        self.out.previous_permanence.push(PreviousPermanenceRecord {
            child: self.child.clone(),
            kind,
            la,
            date,
        });
    }

    // ---------------------------------------------------------------- planning a period

    fn plan_period(&mut self, c: NaiveDate) -> Period {
        let eighteen = self.birthday(18);
        let age = self.age(c);
        let uasc = self.uasc.is_some();
        let mut exit = if uasc {
            self.dice.pick(&[
                (Exit::Eighteen, 85.0),
                (Exit::Other, 9.0),
                (Exit::Independent, 6.0),
            ])
        } else if age >= 10 && self.dice.chance(0.035) {
            Exit::Remand
        } else {
            match age {
                0 => self.dice.pick(&[
                    (Exit::Adoption, 33.0),
                    (Exit::Sgo, 20.0),
                    (Exit::Home, 25.0),
                    (Exit::Cao, 4.0),
                    (Exit::Eighteen, 18.0),
                ]),
                1..=4 => self.dice.pick(&[
                    (Exit::Adoption, 20.0),
                    (Exit::Sgo, 20.0),
                    (Exit::Home, 28.0),
                    (Exit::Cao, 4.0),
                    (Exit::Eighteen, 28.0),
                ]),
                5..=9 => self.dice.pick(&[
                    (Exit::Adoption, 2.0),
                    (Exit::Sgo, 20.0),
                    (Exit::Home, 38.0),
                    (Exit::Cao, 4.0),
                    (Exit::Eighteen, 36.0),
                ]),
                10..=15 => self.dice.pick(&[
                    (Exit::Sgo, 5.0),
                    (Exit::Home, 55.0),
                    (Exit::Cao, 2.0),
                    (Exit::Eighteen, 26.0),
                    (Exit::Independent, 5.0),
                    (Exit::Other, 7.0),
                ]),
                _ => self.dice.pick(&[
                    (Exit::Home, 33.0),
                    (Exit::Eighteen, 47.0),
                    (Exit::Independent, 12.0),
                    (Exit::Other, 8.0),
                ]),
            }
        };
        if self.dice.chance(0.0015) {
            exit = Exit::Died;
        }
        let hearing = plus(c, self.dice.range(190, 330));
        let mut adoption = None;
        let mut end = match exit {
            Exit::Home => plus(c, self.dice.lognormal_days(330.0, 1.05, 4)),
            Exit::Sgo => plus(hearing, self.dice.range(60, 420)),
            Exit::Cao => hearing.max(plus(c, self.dice.range(200, 330))),
            Exit::Eighteen => eighteen,
            Exit::Independent => self
                .dice
                .day_between(plus(self.birthday(16), 120), plus(eighteen, -30))
                .max(plus(c, 60)),
            Exit::Other => plus(c, self.dice.lognormal_days(120.0, 0.9, 7)),
            Exit::Remand => plus(c, self.dice.range(20, 120)),
            Exit::Died => plus(c, self.dice.range(30, 900)),
            Exit::Adoption => {
                let adm = plus(hearing, -self.dice.range(20, 100)).max(plus(c, 30));
                let matched = plus(hearing, self.dice.range(60, 240));
                let placed = plus(matched, self.dice.range(7, 40));
                let order = plus(placed, self.dice.range(120, 330));
                adoption = Some(Adoption {
                    adm,
                    order: hearing,
                    matched,
                    placed,
                });
                order
            }
        };
        if end >= eighteen {
            end = eighteen;
            exit = Exit::Eighteen;
            adoption = None;
        }
        let end = end.max(plus(c, 1));
        let need = if uasc {
            CategoryOfNeed::N8
        } else if !self.disabilities.is_empty() && self.dice.chance(0.3) {
            CategoryOfNeed::N2
        } else {
            self.dice.pick(&[
                (CategoryOfNeed::N1, 64.0),
                (CategoryOfNeed::N3, 3.0),
                (CategoryOfNeed::N4, 8.0),
                (CategoryOfNeed::N5, 14.0),
                (CategoryOfNeed::N6, 4.0),
                (CategoryOfNeed::N7, 0.3),
                (CategoryOfNeed::N8, 6.0),
            ])
        };
        let legal = self.plan_legal(c, end, exit, hearing, uasc);
        let reversed_adm = (adoption.is_none()
            && age < 3
            && matches!(exit, Exit::Sgo | Exit::Eighteen | Exit::Home)
            && self.dice.chance(0.12))
        .then(|| {
            let adm = plus(c, self.dice.range(60, 150));
            let rev = plus(adm, self.dice.range(20, 120));
            (adm, rev)
        })
        .filter(|&(_, rev)| rev < end);
        let mut period = Period {
            start: c,
            end,
            exit,
            need,
            legal,
            places: Vec::new(),
            adoption,
            reversed_adm,
        };
        self.plan_places(&mut period);
        period
    }

    fn plan_legal(
        &mut self,
        c: NaiveDate,
        end: NaiveDate,
        exit: Exit,
        hearing: NaiveDate,
        uasc: bool,
    ) -> Vec<(NaiveDate, LegalStatus)> {
        use LegalStatus::*;
        let young = self.age(c) < 5;
        let court = matches!(exit, Exit::Adoption | Exit::Sgo | Exit::Cao);
        let mut legal = Vec::with_capacity(4);
        if uasc {
            legal.push((c, V2));
            return legal;
        }
        if exit == Exit::Remand {
            legal.push((c, J1));
            return legal;
        }
        let entry = if young {
            self.dice
                .pick(&[(C1, 55.0), (V2, 33.0), (L2, 5.0), (L1, 7.0)])
        } else {
            self.dice
                .pick(&[(C1, 38.0), (V2, 44.0), (L1, 14.0), (L2, 4.0)])
        };
        let entry = if court && entry == V2 { C1 } else { entry };
        legal.push((c, entry));
        let mut t = c;
        let mut ls = entry;
        if ls == L1 {
            t = plus(c, self.dice.range(1, 2));
            ls = if court || self.dice.chance(0.4) {
                C1
            } else {
                V2
            };
            legal.push((t, ls));
        } else if ls == L2 {
            t = plus(c, self.dice.range(3, 21));
            ls = C1;
            legal.push((t, ls));
        }
        if ls == V2 && end > plus(c, 240) && self.dice.chance(0.5) {
            t = plus(c, self.dice.range(60, 200));
            ls = C1;
            legal.push((t, ls));
        }
        if ls == C1 {
            let final_hearing = if t == c || t < plus(c, 30) {
                hearing
            } else {
                plus(t, self.dice.range(180, 300))
            };
            if exit == Exit::Adoption {
                legal.push((final_hearing, E1));
            } else if final_hearing < end && !matches!(exit, Exit::Sgo | Exit::Cao) {
                legal.push((final_hearing, C2));
            }
        }
        legal.retain(|&(d, _)| d < end);
        legal
    }

    fn legal_on(period: &Period, date: NaiveDate) -> LegalStatus {
        period
            .legal
            .iter()
            .rev()
            .find(|(d, _)| *d <= date)
            .map_or(LegalStatus::V2, |&(_, ls)| ls)
    }

    fn plan_places(&mut self, p: &mut Period) {
        let mut carer = 0u32;
        let first_kind = self.choose_kind(p, p.start, true);
        let mut current = self.make_place(first_kind, p.start, &mut carer, None);
        p.places.push((p.start, current.clone()));
        let mut t = p.start;
        let parents_from = self.parents_date(p);
        let supported_from = self.supported_date(p);
        let mut long_term_done = false;
        loop {
            let stay = match current.ptype {
                PlacementType::U1 | PlacementType::U2 | PlacementType::U3 => {
                    self.dice.lognormal_days(900.0, 0.9, 30)
                }
                PlacementType::K2 | PlacementType::K1 => self.dice.lognormal_days(260.0, 0.9, 14),
                PlacementType::K3 => self.dice.lognormal_days(320.0, 0.8, 30),
                PlacementType::R3 => self.dice.range(42, 120),
                PlacementType::P1 | PlacementType::A5 | PlacementType::A6 => 100_000,
                _ => {
                    let median = if self.age(t) >= 11 { 380.0 } else { 560.0 };
                    self.dice.lognormal_days(median, 0.9, 14)
                }
            };
            let mut next = plus(t, stay);
            let mut forced: Option<Kind> = None;
            let mut adopt = false;
            let mut long_term = false;
            if let Some(a) = p
                .adoption
                .as_ref()
                .filter(|a| a.placed > t && a.placed <= next)
            {
                next = a.placed;
                adopt = true;
            }
            if let Some(d) = parents_from.filter(|&d| d > t && d <= next && !adopt) {
                next = d;
                forced = Some(Kind::Parents);
            }
            let supported = supported_from.filter(|&d| {
                d > t
                    && d <= next
                    && !adopt
                    && forced.is_none()
                    && current.ptype != PlacementType::P1
            });
            if let Some(d) = supported {
                next = d;
                forced = Some(Kind::Supported);
            }
            if !long_term_done
                && !adopt
                && forced.is_none()
                && matches!(current.ptype, PlacementType::U6 | PlacementType::U3)
            {
                let when = plus(t, self.dice.range(300, 520));
                if when < next && self.dice.chance(0.5) && p.exit != Exit::Home {
                    next = when;
                    long_term = true;
                }
            }
            if next >= p.end {
                break;
            }
            let place = if adopt {
                self.adoption_place(&current, &mut carer)
            } else if long_term {
                long_term_done = true;
                let mut lt = current.clone();
                lt.ptype = if current.ptype == PlacementType::U3 {
                    PlacementType::U1
                } else {
                    PlacementType::U4
                };
                lt
            } else {
                let kind = match forced {
                    Some(k) => k,
                    None => self.choose_kind(p, next, false),
                };
                self.make_place(kind, next, &mut carer, Some(&current))
            };
            if place.same_setting(&current) {
                t = next;
                continue;
            }
            p.places.push((next, place.clone()));
            current = place;
            t = next;
            if matches!(
                current.ptype,
                PlacementType::A5 | PlacementType::A6 | PlacementType::P1
            ) {
                break;
            }
        }
        self.insert_temporary(p, &mut carer);
    }

    /// When a child on a care order goes home on placement with parents before the order ends.
    fn parents_date(&mut self, p: &Period) -> Option<NaiveDate> {
        if p.exit == Exit::Eighteen && p.end > plus(p.start, 730) {
            // Some long-term children return home under their care order for their last months.
            let from = plus(p.end, -self.dice.range(150, 540)).max(plus(p.start, 365));
            let settled = Self::legal_on(p, from) == LegalStatus::C2;
            return (settled && from < plus(p.end, -120) && self.dice.chance(0.5)).then_some(from);
        }
        if p.exit != Exit::Home || p.end < plus(p.start, 90) {
            return None;
        }
        let early = plus(p.start, self.dice.range(20, 90));
        if Self::legal_on(p, early) == LegalStatus::C1
            && early < plus(p.end, -30)
            && p.end < plus(p.start, 900)
            && self.dice.chance(0.9)
        {
            return Some(early);
        }
        let from = plus(p.end, -self.dice.range(90, 560)).max(plus(p.start, 30));
        let ls = Self::legal_on(p, from);
        let later_change = p.legal.iter().any(|&(d, l)| d > from && !l.is_care_order());
        (ls.is_care_order() && !later_change && self.dice.chance(0.8) && from < plus(p.end, -14))
            .then_some(from)
    }

    /// When an older child moves on to supported accommodation (16+).
    fn supported_date(&mut self, p: &Period) -> Option<NaiveDate> {
        if !matches!(p.exit, Exit::Eighteen | Exit::Independent) || !self.dice.chance(0.4) {
            return None;
        }
        let d = plus(self.birthday(16), self.dice.range(0, 400)).max(plus(p.start, 30));
        (d < plus(p.end, -30)).then_some(d)
    }

    fn choose_kind(&mut self, p: &Period, date: NaiveDate, first: bool) -> Kind {
        let age = self.age(date);
        let ls = Self::legal_on(p, date);
        if self.uasc.is_some() {
            return if age >= 16 {
                self.dice.pick(&[
                    (Kind::Supported, 62.0),
                    (Kind::Agency, 22.0),
                    (Kind::InHouse, 11.0),
                    (Kind::Home, 5.0),
                ])
            } else {
                self.dice.pick(&[
                    (Kind::InHouse, 45.0),
                    (Kind::Agency, 45.0),
                    (Kind::Home, 10.0),
                ])
            };
        }
        if ls == LegalStatus::J1 {
            return self.dice.pick(&[
                (Kind::Home, 40.0),
                (Kind::InHouse, 20.0),
                (Kind::Agency, 20.0),
                (Kind::Custody, 20.0),
            ]);
        }
        // Placement with parents is planned (see `parents_date`), never a random move.
        let w: Vec<(Kind, f64)> = match age {
            i32::MIN..=0 => vec![
                (Kind::InHouse, 46.0),
                (Kind::Agency, 24.0),
                (Kind::Kin, 12.5),
                (Kind::MotherBaby, if first { 8.0 } else { 0.0 }),
            ],
            1..=4 => vec![
                (Kind::InHouse, 46.0),
                (Kind::Agency, 31.0),
                (Kind::Kin, 14.0),
            ],
            5..=10 => vec![
                (Kind::InHouse, 44.0),
                (Kind::Agency, 33.0),
                (Kind::Kin, 12.5),
                (Kind::Home, 6.0),
                (Kind::School, 1.0),
            ],
            11..=15 => vec![
                (Kind::InHouse, 33.0),
                (Kind::Agency, 29.0),
                (Kind::Kin, 8.0),
                (Kind::Home, 20.0),
                (Kind::Secure, 0.8),
                (Kind::School, 1.5),
            ],
            _ => vec![
                (Kind::InHouse, 18.0),
                (Kind::Agency, 18.0),
                (Kind::Kin, 8.0),
                (Kind::Home, 22.0),
                (Kind::Supported, if first { 18.0 } else { 30.0 }),
                (Kind::Other, 0.6),
            ],
        };
        self.dice.pick(&w)
    }

    fn make_place(
        &mut self,
        kind: Kind,
        date: NaiveDate,
        carer: &mut u32,
        previous: Option<&Place>,
    ) -> Place {
        use PlacementProvider::*;
        use PlacementType::*;
        *carer += 1;
        let la = self.ctx.la.0;
        let (ptype, provider, ring) = match kind {
            Kind::InHouse => (
                if self.dice.chance(0.05) && self.age(date) < 2 {
                    U5
                } else {
                    U6
                },
                PR1,
                Ring::Inside,
            ),
            Kind::Kin => (U3, PR1, Ring::Inside),
            Kind::Agency => {
                let ring = self.dice.pick(&[
                    (Ring::Inside, 45.0),
                    (Ring::Near, 20.0),
                    (Ring::Mid, 22.0),
                    (Ring::Far, 13.0),
                ]);
                (U6, if self.dice.chance(0.82) { PR4 } else { PR5 }, ring)
            }
            Kind::Home => {
                if self.dice.chance(0.2) {
                    (K2, PR1, Ring::Inside)
                } else {
                    let ring = self.dice.pick(&[
                        (Ring::Inside, 18.0),
                        (Ring::Near, 17.0),
                        (Ring::Mid, 35.0),
                        (Ring::Far, 30.0),
                    ]);
                    (K2, if self.dice.chance(0.9) { PR4 } else { PR5 }, ring)
                }
            }
            Kind::Supported => {
                if self.dice.chance(0.15) {
                    (K3, PR1, Ring::Inside)
                } else {
                    let ring = self.dice.pick(&[
                        (Ring::Inside, 45.0),
                        (Ring::Near, 25.0),
                        (Ring::Mid, 20.0),
                        (Ring::Far, 10.0),
                    ]);
                    (K3, if self.dice.chance(0.75) { PR4 } else { PR5 }, ring)
                }
            }
            Kind::Secure => (
                K1,
                PR2,
                self.dice.pick(&[(Ring::Mid, 40.0), (Ring::Far, 60.0)]),
            ),
            Kind::School => (
                S1,
                if self.dice.chance(0.65) { PR4 } else { PR5 },
                self.dice
                    .pick(&[(Ring::Near, 30.0), (Ring::Mid, 40.0), (Ring::Far, 30.0)]),
            ),
            Kind::MotherBaby => (
                R3,
                PR4,
                self.dice
                    .pick(&[(Ring::Inside, 40.0), (Ring::Near, 30.0), (Ring::Mid, 30.0)]),
            ),
            Kind::Parents => (P1, PR0, Ring::Inside),
            Kind::Custody => (
                R5,
                PR3,
                self.dice.pick(&[(Ring::Mid, 50.0), (Ring::Far, 50.0)]),
            ),
            Kind::Other => (
                Z14,
                PR4,
                self.dice.pick(&[(Ring::Inside, 60.0), (Ring::Near, 40.0)]),
            ),
        };
        let provider = (!matches!(ptype, Z11 | Z12 | Z13 | Z14)).then_some(provider);
        let postcode = if ptype == P1 {
            if previous.is_some() && self.dice.chance(0.3) {
                self.postcode_near_home()
            } else {
                self.home.clone()
            }
        } else {
            self.placement_postcode(ring)
        };
        let urn = self.urn(ptype, provider, &postcode, la);
        Place {
            ptype,
            provider,
            postcode: Some(postcode),
            urn,
            carer: *carer,
        }
    }

    /// A placement postcode in the ring that is not the child's home address.
    fn placement_postcode(&mut self, ring: Ring) -> Postcode {
        let sector = self.ctx.geo.sector_in(ring, &mut self.dice);
        let mut pc = postcode_in(sector, &mut self.dice);
        for _ in 0..5 {
            if pc != self.home {
                break;
            }
            pc = postcode_in(sector, &mut self.dice);
        }
        pc
    }

    fn urn(
        &mut self,
        ptype: PlacementType,
        provider: Option<PlacementProvider>,
        postcode: &Postcode,
        la: u16,
    ) -> Option<String> {
        use PlacementProvider::*;
        use PlacementType::*;
        let sector_hash = postcode
            .as_str()
            .bytes()
            .fold(7u64, |h, b| h.wrapping_mul(31).wrapping_add(u64::from(b)));
        let own = provider == Some(PR1);
        match ptype {
            U1 | U2 | U3 | U4 | U5 | U6 => Some(if own {
                format!("SC{:03}{:03}", la % 1000, 1)
            } else {
                format!("SC{:06}", 600_000 + self.dice.range(0, 39) * 1_237)
            }),
            A3 | A4 | A5 | A6 => Some(if own {
                format!("SC{:03}{:03}", la % 1000, 2)
            } else {
                format!("SC{:06}", 700_000 + self.dice.range(0, 19) * 2_011)
            }),
            K1 | K2 | R3 => Some(format!(
                "SC{:06}",
                100_000 + (sector_hash % 400_000) + self.dice.range(0, 2) as u64
            )),
            K3 => Some(format!("2{:06}", 100_000 + sector_hash % 800_000)),
            S1 => Some(format!("1{:05}", 10_000 + sector_hash % 80_000)),
            _ => None,
        }
    }

    fn adoption_place(&mut self, current: &Place, carer: &mut u32) -> Place {
        use PlacementProvider::*;
        use PlacementType::*;
        let la = self.ctx.la.0;
        let fostered = matches!(current.ptype, U4 | U5 | U6);
        if fostered && (current.ptype == U5 || self.dice.chance(0.2)) {
            // The foster carers adopt: same carers and home.
            let inside = current.postcode.as_ref().and_then(postcode_la) == Some(self.ctx.la);
            let provider = if inside { PR1 } else { PR5 };
            let postcode = current.postcode.clone();
            let urn = postcode
                .as_ref()
                .and_then(|pc| self.urn(A5, Some(provider), pc, la));
            return Place {
                ptype: A5,
                provider: Some(provider),
                postcode,
                urn,
                carer: current.carer,
            };
        }
        *carer += 1;
        let own = self.dice.chance(0.45);
        let (provider, ring) = if own {
            (PR1, Ring::Inside)
        } else {
            (
                PR5,
                self.dice
                    .pick(&[(Ring::Near, 40.0), (Ring::Mid, 40.0), (Ring::Far, 20.0)]),
            )
        };
        let postcode = self.placement_postcode(ring);
        let urn = self.urn(A6, Some(provider), &postcode, la);
        Place {
            ptype: A6,
            provider: Some(provider),
            postcode: Some(postcode),
            urn,
            carer: *carer,
        }
    }

    /// Short temporary placements (carers' holiday, hospital, respite) inside long foster stays,
    /// returning to the same placement afterwards.
    fn insert_temporary(&mut self, p: &mut Period, carer: &mut u32) {
        let mut out: Vec<(NaiveDate, Place)> = Vec::with_capacity(p.places.len() + 2);
        let n = p.places.len();
        for i in 0..n {
            let Some((from, place)) = p.places.get(i).cloned() else {
                continue;
            };
            let to = p.places.get(i + 1).map_or(p.end, |x| x.0);
            out.push((from, place.clone()));
            let foster = place.ptype.is_foster();
            if !foster || (to - from).num_days() < 200 || !self.dice.chance(0.12) {
                continue;
            }
            let (ptype, len) = self.dice.pick(&[
                ((PlacementType::T3, (7i64, 18i64)), 60.0),
                ((PlacementType::T4, (2, 7)), 25.0),
                ((PlacementType::T1, (3, 20)), 15.0),
            ]);
            let s = plus(from, self.dice.range(60, (to - from).num_days() - 60));
            let e = plus(s, self.dice.range(len.0, len.1));
            let clash = p
                .legal
                .iter()
                .any(|&(d, _)| d >= plus(s, -1) && d <= plus(e, 1));
            if clash || e >= plus(to, -30) {
                continue;
            }
            *carer += 1;
            let postcode = self.placement_postcode(Ring::Inside);
            out.push((
                s,
                Place {
                    ptype,
                    provider: None,
                    postcode: Some(postcode),
                    urn: None,
                    carer: *carer,
                },
            ));
            out.push((e, place));
        }
        p.places = out;
    }

    // ---------------------------------------------------------------- recording a period

    fn record_period(&mut self, r: &Ref, p: Period) -> Done {
        let eps = self.episodes(&p);
        let reason = eps
            .last()
            .and_then(|e| e.reason_ceased)
            .unwrap_or(ReasonEpisodeCeased::E8);
        self.out.cla_episodes.extend(eps);
        self.segment(
            p.start,
            Some(p.end),
            Service::LookedAfter,
            SwChangeReason::TSPROC,
            Some(r.idx),
        );
        self.reviews(&p);
        self.plan_visits(VisitKind::LookedAfter, p.start, p.end);
        self.health(&p);
        if self.age(p.end) >= 11 {
            let from = p.start.max(self.birthday(11));
            let prone = if p
                .places
                .iter()
                .any(|(_, pl)| matches!(pl.ptype, PlacementType::K2 | PlacementType::K3))
            {
                0.35
            } else {
                0.15
            };
            if from < p.end && self.dice.chance(prone) {
                self.missing_between(from, p.end, 0.5);
            }
        }
        self.permanence(&p);
        self.in_care_assessments(r, &p);
        self.motherhood_in(&p);
        if p.exit == Exit::Died {
            self.died = Some(p.end);
        }
        Done {
            start: p.start,
            end: p.end,
            exit: p.exit,
            reason,
        }
    }

    fn episodes(&mut self, p: &Period) -> Vec<ClaEpisode> {
        let mut bounds: Vec<NaiveDate> = p
            .legal
            .iter()
            .map(|x| x.0)
            .chain(p.places.iter().map(|x| x.0))
            .filter(|&d| d >= p.start && d < p.end)
            .collect();
        bounds.sort_unstable();
        bounds.dedup();
        let uasc = self.uasc.is_some();
        let home = (!uasc).then(|| self.home.clone());
        let mut eps: Vec<ClaEpisode> = Vec::with_capacity(bounds.len());
        let mut prev: Option<(LegalStatus, Place)> = None;
        for &b in &bounds {
            let ls = Self::legal_on(p, b);
            let Some(place) = p
                .places
                .iter()
                .rev()
                .find(|(d, _)| *d <= b)
                .map(|(_, pl)| pl.clone())
            else {
                continue;
            };
            let rne = match &prev {
                None => ReasonNewEpisode::S,
                Some((pls, pp)) => {
                    let ls_changed = *pls != ls;
                    let moved = !pp.same_setting(&place);
                    let same_carer = pp.carer == place.carer;
                    match (ls_changed, moved, same_carer) {
                        (false, false, _) => continue,
                        (true, false, _) => ReasonNewEpisode::L,
                        (false, true, true) => ReasonNewEpisode::T,
                        (false, true, false) => ReasonNewEpisode::P,
                        (true, true, true) => ReasonNewEpisode::U,
                        (true, true, false) => ReasonNewEpisode::B,
                    }
                }
            };
            if let Some(last) = eps.last_mut() {
                last.end = Some(b);
                last.reason_ceased = Some(ReasonEpisodeCeased::X1);
            }
            let placement_la = place.postcode.as_ref().and_then(postcode_la);
            let distance = match (&home, &place.postcode) {
                (Some(h), Some(pl)) => placement_distance_miles(h, pl),
                _ => None,
            };
            let id = self.id("EP");
            eps.push(ClaEpisode {
                id,
                child: self.child.clone(),
                start: b,
                reason_new: rne,
                legal_status: ls,
                category_of_need: p.need,
                placement: place.ptype,
                provider: place.provider,
                end: None,
                reason_ceased: None,
                reason_place_change: None,
                home_postcode: home.clone(),
                placement_postcode: place.postcode.clone(),
                urn: place.urn.clone(),
                placement_la,
                placement_distance_miles: distance,
            });
            prev = Some((ls, place));
        }
        if let Some(last) = eps.last_mut() {
            last.end = Some(p.end);
        }
        let final_reason = self.exit_reason(p, eps.last().map(|e| e.placement));
        if let Some(last) = eps.last_mut() {
            last.reason_ceased = Some(final_reason);
        }
        // Reasons for placement changes, except around temporary placements.
        for i in 0..eps.len().saturating_sub(1) {
            let (Some(this), Some(next)) = (eps.get(i), eps.get(i + 1)) else {
                continue;
            };
            let moves = matches!(
                next.reason_new,
                ReasonNewEpisode::P
                    | ReasonNewEpisode::T
                    | ReasonNewEpisode::U
                    | ReasonNewEpisode::B
            );
            if !moves || this.placement.is_temporary() || next.placement.is_temporary() {
                continue;
            }
            let same_carer = matches!(next.reason_new, ReasonNewEpisode::T | ReasonNewEpisode::U);
            let older = self.age(next.start) >= 10;
            let reason = if same_carer {
                ReasonPlaceChange::PLACE
            } else if next.placement == PlacementType::R5 && older {
                ReasonPlaceChange::CUSTOD
            } else {
                self.dice.pick(&[
                    (ReasonPlaceChange::CARPL, 40.0),
                    (ReasonPlaceChange::CREQB, 12.0),
                    (ReasonPlaceChange::CREQO, 8.0),
                    (ReasonPlaceChange::CHILD, 8.0),
                    (ReasonPlaceChange::LAREQ, 5.0),
                    (ReasonPlaceChange::STAND, 3.0),
                    (ReasonPlaceChange::CLOSE, 3.0),
                    (ReasonPlaceChange::ALLEG, 2.0),
                    (ReasonPlaceChange::APPRR, 2.0),
                    (ReasonPlaceChange::OTHER, 5.0),
                ])
            };
            if let Some(e) = eps.get_mut(i) {
                e.reason_place_change = Some(reason);
            }
        }
        eps
    }

    fn exit_reason(&mut self, p: &Period, last: Option<PlacementType>) -> ReasonEpisodeCeased {
        use ReasonEpisodeCeased::*;
        let place = last.unwrap_or(PlacementType::U6);
        match p.exit {
            Exit::Died => E2,
            Exit::Adoption if place.is_placed_for_adoption() => {
                if self.dice.chance(0.4) {
                    E11
                } else {
                    E12
                }
            }
            Exit::Adoption => E8,
            Exit::Home => {
                if place == PlacementType::P1 {
                    E4A
                } else {
                    self.dice.pick(&[(E4A, 82.0), (E4B, 6.0), (E13, 12.0)])
                }
            }
            Exit::Sgo => {
                if place.is_family_and_friends() {
                    if self.dice.chance(0.7) { E45 } else { E47 }
                } else if place.is_foster() {
                    if self.dice.chance(0.5) { E46 } else { E48 }
                } else {
                    self.dice.pick(&[(E47, 2.0), (E48, 1.0)])
                }
            }
            Exit::Cao => E41,
            Exit::Eighteen => {
                if place.is_foster() && self.dice.chance(0.55) {
                    E17
                } else if place == PlacementType::P1 {
                    E8
                } else {
                    self.dice.pick(&[(E5, 80.0), (E6, 10.0), (E8, 10.0)])
                }
            }
            Exit::Independent => {
                if self.dice.chance(0.75) {
                    E5
                } else {
                    E6
                }
            }
            Exit::Remand => E14,
            Exit::Other => {
                if self.uasc.is_some() {
                    self.dice.pick(&[(E15, 5.0), (E8, 4.0)])
                } else if self.age(p.end) >= 10 {
                    self.dice
                        .pick(&[(E13, 40.0), (E8, 25.0), (E3, 15.0), (E9, 12.0), (E16, 8.0)])
                } else {
                    self.dice
                        .pick(&[(E13, 50.0), (E8, 25.0), (E3, 15.0), (E16, 10.0)])
                }
            }
        }
    }

    fn reviews(&mut self, p: &Period) {
        let first_days = if self.dice.chance(0.94) {
            self.dice.range(5, 20)
        } else {
            self.dice.range(21, 35)
        };
        let mut date = self.wd(p.start, first_days);
        let mut n = 0;
        let last = p.end.min(self.ctx.end);
        while date < last {
            let age = self.age(date);
            let participation = if age < 4 {
                ReviewParticipation::PN0
            } else {
                self.dice.pick(&[
                    (ReviewParticipation::PN1, 58.0),
                    (ReviewParticipation::PN2, 6.0),
                    (ReviewParticipation::PN3, 5.0),
                    (ReviewParticipation::PN4, 5.0),
                    (ReviewParticipation::PN5, 5.0),
                    (ReviewParticipation::PN6, 16.0),
                    (ReviewParticipation::PN7, 5.0),
                ])
            };
            let id = self.id("RV");
            self.out.cla_reviews.push(ClaReview {
                id,
                child: self.child.clone(),
                date,
                participation,
            });
            n += 1;
            let due = if n == 1 {
                add_months(date, 3)
            } else {
                add_months(date, 6)
            };
            date = if self.dice.chance(0.94) {
                plus(due, -self.dice.range(0, 30))
            } else {
                plus(due, self.dice.range(1, 30))
            };
        }
    }

    fn health(&mut self, p: &Period) {
        let first = p.start.year().max(self.ctx.start.year());
        for year in first..=self.ctx.end.year() + 1 {
            let (Some(march), Some(year_before)) = (
                NaiveDate::from_ymd_opt(year, 3, 31),
                NaiveDate::from_ymd_opt(year - 1, 3, 31),
            ) else {
                continue;
            };
            if march < self.ctx.start
                || march > self.ctx.end
                || p.start > year_before
                || p.end <= march
            {
                continue;
            }
            let age_end = self.age(march);
            let age_start = self.age(plus(year_before, 1));
            let sdq_due = age_end >= 4 && age_start <= 16;
            let sdq_score =
                (sdq_due && self.dice.chance(0.78)).then(|| self.dice.range(2, 32) as u8);
            let sdq_reason = (sdq_due && sdq_score.is_none()).then(|| {
                self.dice.pick(&[
                    (SdqReason::SDQ2, 2.0),
                    (SdqReason::SDQ3, 2.0),
                    (SdqReason::SDQ4, 3.0),
                    (SdqReason::SDQ5, 3.0),
                ])
            });
            let misuse = age_end >= 11 && self.dice.chance(0.06);
            let received = misuse.then(|| self.dice.chance(0.6));
            let offered = (received == Some(false)).then(|| self.dice.chance(0.7));
            self.out.health_outcomes.push(ClaHealthOutcome {
                child: self.child.clone(),
                year_ending: year,
                sdq_score,
                sdq_reason,
                convicted: (age_end >= 10).then(|| self.dice.chance(0.03)),
                health_check: (age_end < 5).then(|| self.dice.chance(0.9)),
                immunisations: Some(self.dice.chance(0.86)),
                teeth_check: Some(self.dice.chance(0.8)),
                health_assessment: Some(self.dice.chance(0.9)),
                substance_misuse: Some(misuse),
                intervention_received: received,
                intervention_offered: offered,
            });
        }
    }

    /// Missing and away episodes at a rate per month between two dates, each over before `to`.
    pub(crate) fn missing_between(&mut self, from: NaiveDate, to: NaiveDate, per_month: f64) {
        let last = to.min(self.ctx.end);
        let mut t = plus(from, self.dice.exponential(30.4 / per_month) as i64);
        while plus(t, 3) < last {
            let end = plus(
                t,
                self.dice
                    .pick(&[(0i64, 45.0), (1, 35.0), (2, 14.0), (3, 6.0)]),
            );
            if end >= plus(to, -1) {
                break;
            }
            let kind = if self.dice.chance(0.85) {
                MissingKind::M
            } else {
                MissingKind::A
            };
            let offered = (kind == MissingKind::M && self.dice.chance(0.92))
                .then(|| plus(end, self.dice.range(0, 1)));
            let completed = offered.filter(|_| self.dice.chance(0.7)).map(|o| {
                let k = if self.dice.chance(0.63) {
                    self.dice.range(1, 3)
                } else {
                    self.dice.range(4, 12)
                };
                plus(end, k).max(o)
            });
            let id = self.id("MS");
            self.out.missing.push(MissingEpisode {
                id,
                child: self.child.clone(),
                kind,
                start: t,
                end: Some(end),
                rhi_offered: offered,
                rhi_completed: completed,
            });
            t = plus(end, 1 + self.dice.exponential(30.4 / per_month) as i64);
        }
    }

    fn permanence(&mut self, p: &Period) {
        let plan_date = Some(plus(p.start, self.dice.range(90, 140))).filter(|&d| d < p.end);
        let record = match (&p.adoption, p.exit) {
            (Some(a), Exit::Adoption) => {
                let adopted = p
                    .places
                    .last()
                    .is_some_and(|(_, pl)| pl.ptype.is_placed_for_adoption());
                let foster_carers = p
                    .places
                    .last()
                    .is_some_and(|(_, pl)| pl.ptype == PlacementType::A5);
                let count = if self.dice.chance(0.82) { 2 } else { 1 };
                let (sex, legal_status) = if count == 1 {
                    if self.dice.chance(0.85) {
                        (AdopterSex::F1, AdopterLegalStatus::L0)
                    } else {
                        (AdopterSex::M1, AdopterLegalStatus::L0)
                    }
                } else {
                    self.dice.pick(&[
                        ((AdopterSex::MF, AdopterLegalStatus::L11), 62.0),
                        ((AdopterSex::MF, AdopterLegalStatus::L3), 18.0),
                        ((AdopterSex::FF, AdopterLegalStatus::L12), 5.0),
                        ((AdopterSex::MM, AdopterLegalStatus::L12), 5.0),
                        ((AdopterSex::FF, AdopterLegalStatus::L2), 4.0),
                        ((AdopterSex::MM, AdopterLegalStatus::L4), 3.0),
                        ((AdopterSex::FF, AdopterLegalStatus::L4), 3.0),
                    ])
                };
                Permanence {
                    id: self.id("PM"),
                    child: self.child.clone(),
                    plan_date: plan_date.map(|d| d.min(a.adm)),
                    adm_decision: Some(a.adm),
                    placement_order: Some(a.order),
                    matched: Some(a.matched),
                    placed_for_adoption: Some(a.placed),
                    decision_reversed: None,
                    reversal_reason: None,
                    order: adopted.then_some(PermanenceOrder::Adoption),
                    order_date: adopted.then_some(p.end),
                    adopters: adopted.then_some(Adopters {
                        foster_carers,
                        count,
                        sex,
                        legal_status,
                    }),
                }
            }
            (_, Exit::Sgo | Exit::Cao) => Permanence {
                id: self.id("PM"),
                child: self.child.clone(),
                plan_date,
                adm_decision: p.reversed_adm.map(|x| x.0),
                placement_order: None,
                matched: None,
                placed_for_adoption: None,
                decision_reversed: p.reversed_adm.map(|x| x.1),
                reversal_reason: p.reversed_adm.map(|_| {
                    self.dice.pick(&[
                        (ReasonPlacedCeased::RD1, 3.0),
                        (ReasonPlacedCeased::RD2, 3.0),
                        (ReasonPlacedCeased::RD4, 2.0),
                    ])
                }),
                order: Some(if p.exit == Exit::Sgo {
                    PermanenceOrder::SpecialGuardianship
                } else {
                    PermanenceOrder::ChildArrangements
                }),
                order_date: Some(p.end),
                adopters: None,
            },
            _ if p.reversed_adm.is_some() => Permanence {
                id: self.id("PM"),
                child: self.child.clone(),
                plan_date,
                adm_decision: p.reversed_adm.map(|x| x.0),
                placement_order: None,
                matched: None,
                placed_for_adoption: None,
                decision_reversed: p.reversed_adm.map(|x| x.1),
                reversal_reason: Some(self.dice.pick(&[
                    (ReasonPlacedCeased::RD1, 3.0),
                    (ReasonPlacedCeased::RD2, 3.0),
                    (ReasonPlacedCeased::RD3, 1.0),
                    (ReasonPlacedCeased::RD4, 2.0),
                ])),
                order: None,
                order_date: None,
                adopters: None,
            },
            _ => return,
        };
        self.out.permanence.push(record);
    }

    /// Occasional fresh assessments while a child is in care, each authorised before care ends.
    fn in_care_assessments(&mut self, r: &Ref, p: &Period) {
        let years = (p.end - p.start).num_days() / 365;
        for k in 1..=years.min(20) {
            if !self.dice.chance(0.3) {
                continue;
            }
            let start = plus(p.start, k * 365 - self.dice.range(0, 200));
            let days = self.dice.range(10, 40);
            if self.wd(start, days) < p.end && start > p.start {
                self.assessment(
                    r,
                    start,
                    days,
                    AssessmentOutcome::LookedAfter,
                    FactorKind::Usual,
                );
            }
        }
    }

    fn motherhood_in(&mut self, p: &Period) {
        if self.sex != Sex::Female || self.motherhood.is_some() {
            return;
        }
        let from = p.start.max(plus(self.birthday(14), 180));
        let to = p.end.min(self.ctx.end);
        if (to - from).num_days() < 60 || !self.dice.chance(0.05) {
            return;
        }
        let born = self.dice.day_between(from, plus(to, -30));
        self.motherhood = Some(Motherhood {
            first_child_born: Some(born),
        });
    }

    // ---------------------------------------------------------------- after care

    /// Closes the referral after the period and maybe starts another period later.
    fn after_care(&mut self, r: &Ref, done: &Done, may_return: bool) -> Option<(Ref, NaiveDate)> {
        use ReasonEpisodeCeased::*;
        let end = done.end;
        let (closure, reason) = match done.reason {
            E2 => (end, ReasonForClosure::RC2),
            E11 | E12 => (end, ReasonForClosure::RC1),
            E45 | E46 | E47 | E48 => (end, ReasonForClosure::RC4),
            E41 => (end, ReasonForClosure::RC3),
            E3 => (end, ReasonForClosure::RC5),
            E4A | E4B | E13 if done.exit == Exit::Home || done.exit == Exit::Other => {
                let closure = if self.dice.chance(0.35) {
                    let cin_end = plus(end, self.dice.range(60, 240));
                    self.cin_plan(r, plus(end, 1), cin_end);
                    plus(cin_end, self.dice.range(0, 20))
                } else {
                    plus(end, self.dice.range(1, 30))
                };
                (closure, ReasonForClosure::RC7)
            }
            _ => (end, ReasonForClosure::RC7),
        };
        // An assessment started on the way into care is authorised before the case closes.
        let last_authorised = self
            .out
            .assessments
            .iter()
            .filter(|a| a.referral == r.id)
            .filter_map(|a| a.authorised)
            .max();
        let closure = last_authorised.map_or(closure, |a| closure.max(a));
        self.close_referral(r, closure, reason);
        self.case_closed = Some(closure);
        if closure > end {
            self.segment(
                end,
                Some(closure),
                Service::AssessmentIntervention,
                SwChangeReason::TSPROC,
                Some(r.idx),
            );
        }
        if done.reason == E2 {
            return None;
        }
        let home = matches!(done.reason, E4A | E4B | E13);
        if !home || !may_return || !self.dice.chance(0.12) {
            return None;
        }
        let again = plus(closure, self.dice.range(60, 600));
        if again > self.ctx.end || again > plus(self.birthday(18), -90) {
            return None;
        }
        let age = self.age(again);
        let source = people::contact_source(&mut self.dice, age);
        self.contact(again, source, ContactOutcome::Referral);
        let rf = self.open_referral(again, source, PrimaryNeed::N1, false);
        let days = self.dice.range(3, 40);
        let c = plus(again, self.dice.range(1, 45));
        self.assessment(
            &rf,
            again,
            days,
            AssessmentOutcome::LookedAfter,
            FactorKind::Usual,
        );
        self.segment(
            again,
            Some(c),
            Service::AssessmentIntervention,
            SwChangeReason::FCONTA,
            Some(rf.idx),
        );
        Some((rf, c))
    }

    /// Care leaver contacts around the 17th-21st birthdays and pathway plans, for young people
    /// looked after at least 13 weeks after their 14th birthday, including time after their
    /// 16th, who left care to adult life.
    fn care_leaver(&mut self, done: &Done) {
        use ReasonEpisodeCeased::*;
        let sixteen = self.birthday(16);
        let fourteen = self.birthday(14);
        let qualifying = done.end > sixteen
            && (done.end - done.start.max(fourteen)).num_days() >= 91
            && matches!(done.reason, E5 | E6 | E17 | E8 | E13 | E9);
        if !qualifying {
            return;
        }
        let twenty_one = self.birthday(21);
        // The personal adviser takes over once the social work case has closed.
        let from = self.case_closed.unwrap_or(done.end).max(done.end);
        self.segment(
            from,
            Some(twenty_one),
            Service::LeavingCare,
            SwChangeReason::FCONTA,
            None,
        );
        self.leaver_from = Some(from);
        let staying_put = done.reason == E17;
        for age in 17..=21u8 {
            let day = self.birthday(u32::from(age));
            if day < done.end || day < self.ctx.start || day > self.ctx.end {
                continue;
            }
            self.leaver_contact(age, day, staying_put);
        }
        let mut date = plus(done.start.max(sixteen), self.dice.range(30, 90));
        let last = twenty_one.min(self.ctx.end);
        while date < last {
            let id = self.id("PP");
            self.out.pathway_plans.push(PathwayPlan {
                id,
                child: self.child.clone(),
                date,
                personal_adviser: None,
            });
            date = add_months(date, 6);
            date = if self.dice.chance(0.95) {
                plus(date, -self.dice.range(0, 20))
            } else {
                plus(date, self.dice.range(1, 40))
            };
        }
    }

    fn leaver_contact(&mut self, age: u8, day: NaiveDate, staying_put: bool) {
        let in_touch = self.dice.pick(&[
            (InTouch::YES, 90.5),
            (InTouch::NO, 5.0),
            (InTouch::REFU, 2.5),
            (InTouch::NREQ, 2.0),
        ]);
        let (activity, accommodation) = if in_touch == InTouch::YES {
            let activity = self.dice.pick(&[
                (Activity::F1, 7.0),
                (Activity::P1, 1.0),
                (Activity::F2, 26.0),
                (Activity::P2, 4.0),
                (Activity::F4, 5.0),
                (Activity::P4, 1.0),
                (Activity::F5, 10.0),
                (Activity::P5, 4.0),
                (Activity::G4, 8.0),
                (Activity::G5, 28.0),
                (Activity::G6, 6.0),
            ]);
            let adult = age >= 18;
            let accommodation = if self.dice.chance(0.93) {
                if staying_put && adult && self.dice.chance(0.7) {
                    Accommodation::Z1
                } else {
                    self.dice.pick(&[
                        (Accommodation::U1, 26.0),
                        (Accommodation::D1, 22.0),
                        (Accommodation::E1, 8.0),
                        (Accommodation::B1, 15.0),
                        (Accommodation::T1, if adult { 5.0 } else { 0.0 }),
                        (Accommodation::Z1, if adult { 8.0 } else { 0.0 }),
                        (Accommodation::C1, 4.0),
                        (Accommodation::K1, 3.0),
                        (Accommodation::Y1, 3.0),
                    ])
                }
            } else {
                self.dice.pick(&[
                    (Accommodation::S2, 3.0),
                    (Accommodation::V2, 2.0),
                    (Accommodation::X2, 2.0),
                    (Accommodation::B2, 2.0),
                    (Accommodation::U2, 2.0),
                    (Accommodation::W2, 1.0),
                ])
            };
            (activity, accommodation)
        } else {
            (Activity::A0, Accommodation::A0)
        };
        let contact_date = (in_touch == InTouch::YES).then(|| {
            let from = plus(day, -60);
            let to = plus(day, 30).min(self.ctx.end);
            self.dice.day_between(from, to)
        });
        let id = self.id("OC");
        self.out.care_leavers.push(CareLeaverContact {
            id,
            child: self.child.clone(),
            birthday_age: age,
            contact_date,
            in_touch,
            activity,
            accommodation,
        });
    }
}
