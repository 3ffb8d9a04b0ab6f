//! The front door and child protection: contacts, referrals, assessments, strategy discussions,
//! section 47 enquiries, conferences, child protection plans, child in need plans and early help.
//!
//! CIN census rules shape the sequences: an episode (referral) holds at most one open assessment,
//! S47 or plan at a time; CIN and CP plans never overlap; nothing is dated after the closure;
//! RC8/RC9 closures only follow an assessment with no S47 or plan; "21" factors stand alone.

use crate::dice::plus;
use crate::journey::Unit;
use crate::params;
use crate::people::{self, FactorKind};
use chrono::NaiveDate;
use sightline_calendar::add_months;
use sightline_model::codes::SwChangeReason;
use sightline_model::codes::{CategoryOfAbuse, PrimaryNeed, ReasonForClosure, ReferralSource};
use sightline_model::ids::RecordId;
use sightline_model::records::*;

/// A referral (CIN episode) being built: its index in the unit's referrals and its id.
#[derive(Clone)]
pub(crate) struct Ref {
    pub(crate) idx: usize,
    pub(crate) id: RecordId,
    pub(crate) date: NaiveDate,
}

/// What a section 47 enquiry led to.
pub(crate) struct Enquiry {
    pub(crate) end: NaiveDate,
    /// The initial conference (index in conferences, date) and whether it decided a plan.
    pub(crate) icpc: Option<(usize, NaiveDate, bool)>,
}

/// Probability that a referral leads to a strategy discussion and section 47 enquiry.
const P_PROTECTION: f64 = 0.385;
/// Probability that a referral ends with no further action before assessment.
const P_NFA: f64 = 0.07;

impl Unit<'_> {
    pub(crate) fn contact(
        &mut self,
        date: NaiveDate,
        source: ReferralSource,
        outcome: ContactOutcome,
    ) {
        let id = self.id("CT");
        self.out.contacts.push(Contact {
            id,
            child: self.child.clone(),
            date,
            source,
            outcome,
        });
        self.maybe_lado(date);
    }

    pub(crate) fn open_referral(
        &mut self,
        date: NaiveDate,
        source: ReferralSource,
        need: PrimaryNeed,
        nfa: bool,
    ) -> Ref {
        let id = self.id("RF");
        self.out.referrals.push(Referral {
            id: id.clone(),
            child: self.child.clone(),
            date,
            source,
            primary_need: Some(need),
            nfa,
            closure_date: None,
            closure_reason: None,
            team: None,
        });
        Ref {
            idx: self.out.referrals.len() - 1,
            id,
            date,
        }
    }

    pub(crate) fn close_referral(&mut self, r: &Ref, date: NaiveDate, reason: ReasonForClosure) {
        if let Some(x) = self.out.referrals.get_mut(r.idx) {
            x.closure_date = Some(date.max(r.date));
            x.closure_reason = Some(reason);
        }
    }

    /// Working days from start to authorisation: about 82% within 45.
    pub(crate) fn assessment_days(&mut self) -> i64 {
        let band = self.dice.pick(&[
            ((0, 0), 4.0),
            ((1, 10), 14.0),
            ((11, 20), 18.0),
            ((21, 30), 18.0),
            ((31, 40), 17.0),
            ((41, 45), 11.0),
            ((46, 50), 6.0),
            ((51, 60), 6.0),
            ((61, 90), 6.0),
        ]);
        self.dice.range(band.0, band.1)
    }

    /// Records an assessment and returns its authorisation date.
    pub(crate) fn assessment(
        &mut self,
        r: &Ref,
        start: NaiveDate,
        days: i64,
        outcome: AssessmentOutcome,
        kind: FactorKind,
    ) -> NaiveDate {
        // One assessment of a referral at a time (CIN rules 8896 and 8863Q): a further
        // assessment starts after the previous one was authorised.
        let previous_authorised = self
            .out
            .assessments
            .iter()
            .filter(|a| a.referral == r.id)
            .filter_map(|a| a.authorised)
            .max();
        let start = previous_authorised.map_or(start, |p| start.max(plus(p, 1)));
        let authorised = self.wd(start, days);
        let factors = people::factors(&mut self.dice, kind);
        let id = self.id("AS");
        self.out.assessments.push(Assessment {
            id,
            child: self.child.clone(),
            referral: r.id.clone(),
            start,
            authorised: Some(authorised),
            factors,
            outcome: Some(outcome),
            worker: None,
        });
        authorised
    }

    /// A strategy discussion that decided against an enquiry.
    pub(crate) fn strategy_only(&mut self, r: &Ref, date: NaiveDate) {
        let id = self.id("SD");
        self.out.strategy_discussions.push(StrategyDiscussion {
            id,
            child: self.child.clone(),
            referral: r.id.clone(),
            date,
            s47_started: false,
        });
    }

    /// A strategy discussion and the S47 enquiry it starts on `date`.
    pub(crate) fn protection_enquiry(
        &mut self,
        r: &Ref,
        date: NaiveDate,
        outcome: S47Outcome,
    ) -> Enquiry {
        let sd = self.id("SD");
        self.out.strategy_discussions.push(StrategyDiscussion {
            id: sd.clone(),
            child: self.child.clone(),
            referral: r.id.clone(),
            date,
            s47_started: true,
        });
        let icpc_date = (outcome == S47Outcome::Icpc).then(|| {
            let k = if self.dice.chance(0.775) {
                self.dice.range(4, 15)
            } else {
                self.dice.range(16, 30)
            };
            self.wd(date, k)
        });
        let concluded = self.wd_between(date, 5, 15);
        let end = icpc_date.map_or(concluded, |i| concluded.min(i));
        let s47 = self.id("SE");
        let target = self.wd(date, 15);
        self.out.section47s.push(Section47 {
            id: s47.clone(),
            child: self.child.clone(),
            referral: r.id.clone(),
            strategy_discussion: Some(sd),
            start: date,
            end: Some(end),
            icpc_target: Some(target),
            icpc_required: outcome == S47Outcome::Icpc,
            outcome: Some(outcome),
        });
        let icpc = icpc_date.map(|d| {
            let decided = self.dice.chance(0.88);
            let id = self.id("CF");
            self.out.conferences.push(ChildProtectionConference {
                id,
                child: self.child.clone(),
                referral: r.id.clone(),
                kind: ConferenceKind::Initial,
                s47: Some(s47.clone()),
                plan: None,
                date: d,
                plan_decided: decided,
            });
            (self.out.conferences.len() - 1, d, decided)
        });
        Enquiry { end, icpc }
    }

    /// A child protection plan from the conference `conf` on `start`, with its review
    /// conferences, core groups and visits; ends at a review conference or on `forced_end`.
    pub(crate) fn cp_plan(
        &mut self,
        r: &Ref,
        conf: usize,
        start: NaiveDate,
        forced_end: Option<NaiveDate>,
    ) -> NaiveDate {
        let reviews_held = self.dice.pick(&[
            (1usize, 36.0),
            (2, 38.0),
            (3, 16.0),
            (4, 6.0),
            (5, 3.0),
            (6, 1.0),
        ]);
        let mut reviews = Vec::with_capacity(reviews_held);
        let mut prev = start;
        for k in 0..reviews_held {
            let due = if k == 0 {
                add_months(start, 3)
            } else {
                add_months(prev, 6)
            };
            let date = if self.dice.chance(0.9) {
                plus(due, -self.dice.range(0, 28))
            } else {
                plus(due, self.dice.range(1, 30))
            };
            let date = self.working_on_or_before(date).max(plus(prev, 14));
            reviews.push(date);
            prev = date;
        }
        let natural_end = reviews.last().copied().unwrap_or(plus(start, 90));
        let end = forced_end
            .map_or(natural_end, |f| f.min(natural_end))
            .max(plus(start, 1));
        let category = self.dice.pick(&[
            (CategoryOfAbuse::NEG, 50.0),
            (CategoryOfAbuse::EMO, 36.0),
            (CategoryOfAbuse::PHY, 8.0),
            (CategoryOfAbuse::SAB, 4.0),
            (CategoryOfAbuse::MUL, 2.0),
        ]);
        let latest = if self.dice.chance(0.9) {
            category
        } else {
            self.dice
                .pick(&[(CategoryOfAbuse::NEG, 1.0), (CategoryOfAbuse::EMO, 1.0)])
        };
        let plan = self.id("CP");
        self.out.cp_plans.push(ChildProtectionPlan {
            id: plan.clone(),
            child: self.child.clone(),
            referral: r.id.clone(),
            start,
            end: Some(end),
            initial_category: category,
            latest_category: latest,
            previous_plans: self.cp_plans,
        });
        self.cp_plans += 1;
        if let Some(c) = self.out.conferences.get_mut(conf) {
            c.plan = Some(plan.clone());
        }
        for &date in reviews.iter().filter(|&&d| d <= end) {
            let id = self.id("CF");
            self.out.conferences.push(ChildProtectionConference {
                id,
                child: self.child.clone(),
                referral: r.id.clone(),
                kind: ConferenceKind::Review,
                s47: None,
                plan: Some(plan.clone()),
                date,
                plan_decided: date < end,
            });
        }
        self.core_groups(&plan, start, end);
        self.plan_visits(VisitKind::ChildProtection, start, end);
        end
    }

    fn core_groups(&mut self, plan: &RecordId, start: NaiveDate, end: NaiveDate) {
        let first = if self.dice.chance(0.6) {
            self.dice.range(2, 10)
        } else {
            self.dice.range(11, 18)
        };
        let mut date = self.wd(start, first);
        let last = end.min(self.ctx.end);
        while date < last {
            let id = self.id("CG");
            self.out.core_groups.push(CoreGroup {
                id,
                child: self.child.clone(),
                plan: plan.clone(),
                date,
            });
            let due = i64::from(params::CORE_GROUP_INTERVAL_WORKING_DAYS);
            let k = if self.dice.chance(0.6) {
                self.dice.range(due - 8, due)
            } else {
                self.dice.range(due + 1, due + 12)
            };
            date = self.wd(date, k);
        }
    }

    /// A child in need plan with its reviews and visits.
    pub(crate) fn cin_plan(&mut self, r: &Ref, start: NaiveDate, end: NaiveDate) {
        let end = end.max(plus(start, 7));
        let plan = self.id("CN");
        self.out.cin_plans.push(CinPlan {
            id: plan.clone(),
            child: self.child.clone(),
            referral: r.id.clone(),
            start,
            end: Some(end),
        });
        let mut date = plus(start, self.dice.range(28, 45));
        let last = end.min(self.ctx.end);
        while date < last {
            let id = self.id("CR");
            self.out.cin_plan_reviews.push(CinPlanReview {
                id,
                child: self.child.clone(),
                plan: plan.clone(),
                date,
            });
            date = plus(date, self.dice.range(70, 100));
        }
        self.plan_visits(VisitKind::ChildInNeed, start, end);
    }

    /// An early help episode; returns its end and whether it stepped up to social care.
    pub(crate) fn early_help(&mut self, start: NaiveDate, step_down: bool) -> (NaiveDate, bool) {
        let end = plus(start, self.dice.lognormal_days(150.0, 0.6, 28));
        let stepped_up = !step_down && self.dice.chance(0.07);
        let organisation = if step_down {
            "Early Support"
        } else {
            self.dice.pick(&[
                ("Early Support", 50.0),
                ("School", 25.0),
                ("Health visiting", 10.0),
                ("Family Hub", 15.0),
            ])
        };
        let ctx = self.ctx;
        let teams = ctx.wf.teams_for(Service::EarlySupport, Some(self.locality));
        let team = teams
            .get(self.dice.range(0, teams.len() as i64 - 1) as usize)
            .copied();
        let worker = team
            .and_then(|t| ctx.wf.pick(t, start, &mut self.dice))
            .and_then(|w| ctx.wf.worker(w))
            .map(|w| w.id.clone());
        let id = self.id("EH");
        self.out.early_help.push(EarlyHelpEpisode {
            id,
            child: self.child.clone(),
            locality: ctx.geo.localities.get(self.locality).cloned(),
            organisation: Some(organisation.to_owned()),
            start,
            end: Some(end),
            step: if stepped_up {
                Some(StepChange::StepUp)
            } else if step_down {
                Some(StepChange::StepDown)
            } else {
                None
            },
            worker,
        });
        (end, stepped_up)
    }

    /// Demographics of a child first contacted on `anchor`, and their repeat contacts.
    pub(crate) fn front_door(&mut self, anchor: NaiveDate) {
        let unborn = self.dice.chance(0.025);
        let age_days = if unborn {
            -self.dice.range(40, 150)
        } else {
            let (lo, hi) = self.dice.pick(&[
                ((0, 364), 8.0),
                ((365, 5 * 365 - 1), 20.0),
                ((5 * 365, 10 * 365 - 1), 27.0),
                ((10 * 365, 16 * 365 - 1), 33.0),
                ((16 * 365, 18 * 365 - 20), 12.0),
            ]);
            self.dice.range(lo, hi)
        };
        self.dob = plus(anchor, -age_days);
        self.sex = people::sex(&mut self.dice, 0.51);
        self.ethnicity = people::ethnicity_general(&mut self.dice);
        if self.dice.chance(0.09) {
            self.disabilities = people::disabilities(&mut self.dice);
        }
        self.contact_chain(anchor, None);
    }

    /// Contacts from `first` on, each possibly a referral, until the chain stops, the child turns
    /// 18, the extract date passes, or `until` is reached.
    pub(crate) fn contact_chain(&mut self, first: NaiveDate, until: Option<NaiveDate>) {
        let stop = until.unwrap_or(self.ctx.end).min(self.ctx.end);
        let eighteen = self.birthday(18);
        let mut t = first;
        let mut last_referral: Option<NaiveDate> = None;
        let mut last_contact: Option<NaiveDate> = None;
        let mut forced = false;
        while t <= stop && t < eighteen {
            let source = if forced {
                ReferralSource::S5D
            } else {
                {
                    let age = self.age(t);
                    people::contact_source(&mut self.dice, age)
                }
            };
            if source != ReferralSource::S6 && !self.cal().is_working_day(t) {
                t = self.working_on_or_after(t);
                if t > stop {
                    break;
                }
            }
            let within_year = |d: Option<NaiveDate>| d.is_some_and(|d| (t - d).num_days() < 365);
            let p_referral = if forced {
                0.9
            } else if t < self.dob {
                0.6
            } else if within_year(last_referral) {
                0.5
            } else if within_year(last_contact) {
                0.3
            } else {
                0.25
            };
            // A referral needs room to close before `until` when one is set.
            let referral = self.dice.chance(p_referral) && until.is_none();
            let (next_base, p_next) = if referral {
                self.contact(t, source, ContactOutcome::Referral);
                let closure = self.referral_path(t, source);
                last_referral = Some(t);
                (plus(closure, 1), 0.58)
            } else {
                let outcome = self.dice.pick(&[
                    (ContactOutcome::NoFurtherAction, 40.0),
                    (ContactOutcome::Signposting, 32.0),
                    (ContactOutcome::EarlyHelp, 28.0),
                ]);
                self.contact(t, source, outcome);
                if outcome == ContactOutcome::EarlyHelp && t >= self.dob {
                    let (end, up) = {
                        let from = plus(t, self.dice.range(1, 10));
                        self.early_help(from, false)
                    };
                    if up && until.is_none() {
                        last_contact = Some(t);
                        t = end;
                        forced = true;
                        continue;
                    }
                }
                (plus(t, 1), 0.45)
            };
            forced = false;
            last_contact = Some(t);
            if !self.dice.chance(p_next) {
                break;
            }
            t = plus(next_base, self.dice.lognormal_days(110.0, 1.0, 1));
        }
    }

    /// A front-door referral: its path through assessment, enquiry and plans; returns the
    /// (natural) closure date.
    fn referral_path(&mut self, date: NaiveDate, source: ReferralSource) -> NaiveDate {
        let nfa = self.dice.chance(P_NFA);
        let protection = !nfa && self.dice.chance(P_PROTECTION);
        let need = people::primary_need(&mut self.dice, protection);
        let r = self.open_referral(date, source, need, nfa);
        if nfa {
            self.close_referral(&r, date, ReasonForClosure::RC7);
            return date;
        }
        let service = if need == PrimaryNeed::N2 {
            Service::Disabilities
        } else {
            Service::AssessmentIntervention
        };
        let delay = self
            .dice
            .pick(&[(0i64, 45.0), (1, 25.0), (2, 12.0), (3, 10.0), (5, 8.0)]);
        let a_start = self.wd(date, delay);
        let closure = if protection {
            self.protection_path(&r, a_start)
        } else {
            self.assessment_path(&r, a_start)
        };
        self.segment(
            date,
            Some(closure),
            service,
            SwChangeReason::FCONTA,
            Some(r.idx),
        );
        self.community_missing(date, closure);
        closure
    }

    fn protection_path(&mut self, r: &Ref, a_start: NaiveDate) -> NaiveDate {
        let strategy = self.working_on_or_after(r.date);
        let outcome = self.dice.pick(&[
            (S47Outcome::Icpc, 34.5),
            (S47Outcome::CinPlan, 22.0),
            (S47Outcome::NoFurtherAction, 43.5),
        ]);
        let enquiry = self.protection_enquiry(r, strategy, outcome);
        let a_start = a_start.min(strategy);
        let days = self.assessment_days();
        let a_outcome = match outcome {
            S47Outcome::Icpc | S47Outcome::CinPlan => AssessmentOutcome::StrategyDiscussion,
            S47Outcome::NoFurtherAction => AssessmentOutcome::NoFurtherAction,
        };
        let auth = self.assessment(r, a_start, days, a_outcome, FactorKind::Usual);
        let mut closure = match enquiry.icpc {
            Some((conf, icpc, true)) => {
                let plan_end = self.cp_plan(r, conf, icpc, None);
                self.after_plan(r, plan_end)
            }
            Some((_, icpc, false)) => {
                let from = plus(icpc.max(auth), 1);
                self.maybe_cin(r, from, 0.6)
            }
            None if outcome == S47Outcome::CinPlan => {
                let from = plus(auth.max(enquiry.end), self.dice.range(1, 7));
                self.maybe_cin(r, from, 1.0)
            }
            None => plus(auth.max(enquiry.end), self.dice.range(0, 10)),
        };
        closure = closure.max(auth).max(enquiry.end);
        self.close_referral(r, closure, ReasonForClosure::RC7);
        closure
    }

    /// After a CP plan ends: often a step-down CIN plan, sometimes a fresh assessment.
    fn after_plan(&mut self, r: &Ref, plan_end: NaiveDate) -> NaiveDate {
        let mut last = plan_end;
        if self.dice.chance(0.6) {
            let start = plus(plan_end, -self.dice.range(20, 40));
            let days = self.dice.range(5, 25);
            let done = self.wd(start, days);
            if done < plan_end {
                last = last.max(self.assessment(
                    r,
                    start,
                    days,
                    AssessmentOutcome::CinPlan,
                    FactorKind::Usual,
                ));
            }
        }
        self.maybe_cin(r, plus(last, 1), 0.55)
    }

    /// With probability `p` a CIN plan from `from`; returns the closure date of the episode.
    fn maybe_cin(&mut self, r: &Ref, from: NaiveDate, p: f64) -> NaiveDate {
        if !self.dice.chance(p) {
            return plus(from, self.dice.range(0, 14));
        }
        let end = plus(from, self.dice.lognormal_days(125.0, 0.55, 30));
        self.cin_plan(r, from, end);
        if end > plus(from, 110) && self.dice.chance(0.7) {
            let start = plus(from, self.dice.range(70, 120));
            let days = self.dice.range(10, 35);
            if self.wd(start, days) < end {
                self.assessment(
                    r,
                    start,
                    days,
                    AssessmentOutcome::CinPlan,
                    FactorKind::Usual,
                );
            }
        }
        let closure = plus(end, self.dice.range(0, 20));
        if self.dice.chance(0.2) {
            {
                let from = plus(closure, self.dice.range(1, 10));
                self.early_help(from, true)
            };
        }
        closure
    }

    fn assessment_path(&mut self, r: &Ref, a_start: NaiveDate) -> NaiveDate {
        if self.dice.chance(0.1) {
            let d = self.working_on_or_after(r.date);
            self.strategy_only(r, d);
        }
        let outcome = self.dice.pick(&[
            (AssessmentOutcome::NoFurtherAction, 51.0),
            (AssessmentOutcome::EarlyHelp, 18.0),
            (AssessmentOutcome::CinPlan, 31.0),
        ]);
        let days = self.assessment_days();
        match outcome {
            AssessmentOutcome::CinPlan => {
                let auth = self.assessment(r, a_start, days, outcome, FactorKind::Usual);
                let from = plus(auth, self.dice.range(1, 10));
                let closure = self.maybe_cin(r, from, 1.0).max(auth);
                self.close_referral(r, closure, ReasonForClosure::RC7);
                closure
            }
            AssessmentOutcome::EarlyHelp => {
                let auth = self.assessment(r, a_start, days, outcome, FactorKind::MaybeNone);
                let closure = plus(auth, self.dice.range(0, 5));
                self.close_referral(r, closure, ReasonForClosure::RC9);
                {
                    let from = plus(closure, self.dice.range(1, 10));
                    self.early_help(from, true)
                };
                closure
            }
            _ => {
                let auth = self.assessment(r, a_start, days, outcome, FactorKind::MaybeNone);
                let closure = plus(auth, self.dice.range(0, 5));
                self.close_referral(r, closure, ReasonForClosure::RC8);
                closure
            }
        }
    }

    /// Missing episodes of an older child living at home while their case is open.
    fn community_missing(&mut self, from: NaiveDate, to: NaiveDate) {
        if self.age(from) < 11 || !self.dice.chance(0.06) {
            return;
        }
        self.missing_between(from, to, 0.25);
    }
}
