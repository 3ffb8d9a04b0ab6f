//! The workforce: teams by service and locality, and the staff who fill each post over time.
//!
//! Each post (slot) is held by a chain of workers: when one leaves, the next starts the same day,
//! so every team is fully staffed at every date and caseloads stay level. Teams are sized from the
//! expected open cases per 100,000 children, so the average caseload per FTE lands near the
//! target whatever the population.

use crate::dice::{Dice, plus};
use crate::params;
use chrono::NaiveDate;
use sightline_model::ids::{TeamId, WorkerId};
use sightline_model::records::{Locality, Service, Team, Worker, WorkerRole};

/// Teams and workers, with the slot chains used to pick a worker at a date.
pub(crate) struct Workforce {
    pub(crate) teams: Vec<Team>,
    pub(crate) workers: Vec<Worker>,
    /// team -> case-holding slots -> worker indices in time order.
    slots: Vec<Vec<Vec<u32>>>,
    /// (service, locality) -> team indices; locality `None` for council-wide teams.
    index: Vec<(Service, Option<usize>, Vec<usize>)>,
}

/// One kind of team and how big it is per 100,000 children.
struct TeamKind {
    service: Service,
    label: &'static str,
    per_locality: bool,
    /// Case-holding (or practitioner) posts per 100,000 children.
    posts: f64,
    role: WorkerRole,
}

const TEAM_SIZE: f64 = 8.0;

const KINDS: &[TeamKind] = &[
    TeamKind {
        service: Service::FrontDoor,
        label: "Front Door",
        per_locality: false,
        posts: 10.0,
        role: WorkerRole::SocialWorker,
    },
    TeamKind {
        service: Service::AssessmentIntervention,
        label: "Assessment and Intervention",
        per_locality: true,
        posts: params::AI_POSTS,
        role: WorkerRole::SocialWorker,
    },
    TeamKind {
        service: Service::Disabilities,
        label: "Children with Disabilities",
        per_locality: false,
        posts: params::CWD_POSTS,
        role: WorkerRole::SocialWorker,
    },
    TeamKind {
        service: Service::LookedAfter,
        label: "Children Looked After",
        per_locality: false,
        posts: params::CLA_POSTS,
        role: WorkerRole::SocialWorker,
    },
    TeamKind {
        service: Service::LeavingCare,
        label: "Leaving Care",
        per_locality: false,
        posts: params::PA_POSTS,
        role: WorkerRole::PersonalAdviser,
    },
    TeamKind {
        service: Service::EarlySupport,
        label: "Early Support",
        per_locality: true,
        posts: params::EH_POSTS,
        role: WorkerRole::EarlyHelpWorker,
    },
    TeamKind {
        service: Service::FosteringAdoption,
        label: "Fostering and Adoption",
        per_locality: false,
        posts: 8.0,
        role: WorkerRole::SocialWorker,
    },
];

/// How many teams of each kind, and which locality each serves.
fn team_plan(scale: f64, localities: usize, share: &[f64]) -> Vec<(usize, Option<usize>, usize)> {
    let mut plan = Vec::new();
    for (k, kind) in KINDS.iter().enumerate() {
        let posts = (kind.posts * scale).max(1.0);
        if kind.per_locality {
            for loc in 0..localities {
                let p = (posts * share.get(loc).copied().unwrap_or(0.0)).max(1.0);
                let teams = (p / TEAM_SIZE).round().max(1.0) as usize;
                let per_team = (p / teams as f64).round().max(1.0) as usize;
                for _ in 0..teams {
                    plan.push((k, Some(loc), per_team));
                }
            }
        } else {
            let teams = (posts / TEAM_SIZE).round().max(1.0) as usize;
            let per_team = (posts / teams as f64).round().max(1.0) as usize;
            for _ in 0..teams {
                plan.push((k, None, per_team));
            }
        }
    }
    plan
}

impl Workforce {
    /// Builds the workforce for `scale` (population / 100,000) from `from` to `end`.
    pub(crate) fn build(
        seed: u64,
        scale: f64,
        localities: &[Locality],
        locality_share: &[f64],
        from: NaiveDate,
        end: NaiveDate,
    ) -> Workforce {
        let mut dice = Dice::new(seed, params::STREAM_WORKFORCE, 0);
        let plan = team_plan(scale, localities.len(), locality_share);
        let width = ((plan.len() + 1) as f64).log10().ceil().max(2.0) as usize;
        let mut wf = Workforce {
            teams: Vec::with_capacity(plan.len()),
            workers: Vec::new(),
            slots: Vec::with_capacity(plan.len()),
            index: Vec::new(),
        };
        let mut numbers = vec![0usize; KINDS.len() * (localities.len() + 1)];
        for (t, &(k, loc, posts)) in plan.iter().enumerate() {
            let Some(kind) = KINDS.get(k) else { continue };
            let id = TeamId::new(format!("T{:0width$}", t + 1));
            let slot_key = k * (localities.len() + 1) + loc.map_or(localities.len(), |l| l);
            let n = numbers.get_mut(slot_key).map_or(1, |x| {
                *x += 1;
                *x
            });
            let place = loc
                .and_then(|l| localities.get(l))
                .map_or(String::new(), |l| format!("{} ", l.0));
            wf.teams.push(Team {
                id: id.clone(),
                name: format!("{place}{} {n}", kind.label),
                service: kind.service,
                locality: loc.and_then(|l| localities.get(l)).cloned(),
            });
            match wf
                .index
                .iter_mut()
                .find(|e| e.0 == kind.service && e.1 == loc)
            {
                Some(e) => e.2.push(t),
                None => wf.index.push((kind.service, loc, vec![t])),
            }
            // The team manager's post holds no cases, so its chain is not kept for picking.
            wf.fill_slot(&mut dice, &id, WorkerRole::TeamManager, from, end);
            let mut team_slots = Vec::with_capacity(posts);
            for _ in 0..posts {
                team_slots.push(wf.fill_slot(&mut dice, &id, kind.role, from, end));
            }
            wf.slots.push(team_slots);
        }
        let digits = (wf.workers.len() as f64 + 1.0).log10().ceil().max(4.0) as usize;
        for (i, w) in wf.workers.iter_mut().enumerate() {
            w.id = WorkerId::new(format!("SW{:0digits$}", i + 1));
        }
        wf
    }

    /// Fills one post from before `from` until after `end` with a chain of workers.
    fn fill_slot(
        &mut self,
        dice: &mut Dice,
        team: &TeamId,
        role: WorkerRole,
        from: NaiveDate,
        end: NaiveDate,
    ) -> Vec<u32> {
        let mut chain = Vec::new();
        let mut start = plus(from, -dice.range(0, 6 * 365));
        loop {
            let agency = role == WorkerRole::SocialWorker && dice.chance(params::AGENCY_SHARE);
            let tenure = if agency {
                dice.lognormal_days(300.0, 0.6, 60)
            } else {
                dice.lognormal_days(1300.0, 0.8, 120)
            };
            let leaves = plus(start, tenure);
            let fte = dice.pick(&[(1.0, 0.75), (0.8, 0.1), (0.6, 0.1), (0.5, 0.05)]);
            chain.push(self.workers.len() as u32);
            self.workers.push(Worker {
                id: WorkerId::default(),
                team: team.clone(),
                role,
                fte,
                agency,
                start,
                end: (leaves <= end).then_some(leaves),
            });
            if leaves > end {
                break;
            }
            start = leaves;
        }
        chain
    }

    /// Teams giving `service` in a locality (or council-wide).
    pub(crate) fn teams_for(&self, service: Service, locality: Option<usize>) -> &[usize] {
        self.index
            .iter()
            .find(|e| e.0 == service && (e.1 == locality || e.1.is_none()))
            .or_else(|| self.index.iter().find(|e| e.0 == service))
            .map_or(&[], |e| &e.2)
    }

    /// A case-holding worker of `team` in post on `date`, chosen in proportion to FTE.
    pub(crate) fn pick(&self, team: usize, date: NaiveDate, dice: &mut Dice) -> Option<usize> {
        let slots = self.slots.get(team)?;
        let mut choices: Vec<(usize, f64)> = Vec::with_capacity(slots.len());
        for chain in slots {
            let i = chain.partition_point(|&w| {
                self.workers
                    .get(w as usize)
                    .is_some_and(|x| x.start <= date)
            });
            let Some(&w) = chain.get(i.saturating_sub(1)) else {
                continue;
            };
            let Some(worker) = self.workers.get(w as usize) else {
                continue;
            };
            if worker.start <= date && worker.end.is_none_or(|e| e > date) {
                choices.push((w as usize, worker.fte));
            }
        }
        if choices.is_empty() {
            return None;
        }
        Some(dice.pick(&choices))
    }

    pub(crate) fn worker(&self, index: usize) -> Option<&Worker> {
        self.workers.get(index)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn every_post_is_filled_at_every_date() {
        let locs: Vec<Locality> = ["A", "B"].iter().map(|n| Locality((*n).into())).collect();
        let wf = Workforce::build(1, 1.0, &locs, &[0.5, 0.5], d(2018, 4, 1), d(2026, 3, 31));
        let mut dice = Dice::new(1, 99, 0);
        for team in 0..wf.teams.len() {
            for day in [d(2018, 4, 1), d(2022, 7, 9), d(2026, 3, 31)] {
                let w = wf.pick(team, day, &mut dice).expect("a worker in post");
                let worker = wf.worker(w).unwrap();
                assert_eq!(worker.team, wf.teams[team].id);
                assert!(worker.start <= day && worker.end.is_none_or(|e| e > day));
            }
        }
        assert!(wf.workers.iter().all(|w| w.id.as_str().starts_with("SW")));
    }
}
