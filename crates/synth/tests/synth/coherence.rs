//! Coherence of every journey, over the default council and a smaller one elsewhere, and the
//! DfE validation rules (SSDA903, CIN census) that concern record content.

use crate::{default_council, small_council};
use chrono::{Datelike, NaiveDate};
use sightline_calendar::{Calendar, add_months};
use sightline_model::codes::*;
use sightline_model::ids::Postcode;
use sightline_model::records::*;
use sightline_model::{CaseRecords, age_on};
use sightline_synth::{Synthetic, placement_distance_miles, postcode_la};
use std::collections::{HashMap, HashSet};

fn both(check: impl Fn(&Synthetic)) {
    check(default_council());
    check(small_council());
}

fn by_child<T>(items: &[T], child: impl Fn(&T) -> &str) -> HashMap<&str, Vec<&T>> {
    let mut map: HashMap<&str, Vec<&T>> = HashMap::new();
    for x in items {
        map.entry(child(x)).or_default().push(x);
    }
    map
}

fn children(r: &CaseRecords) -> HashMap<&str, &Child> {
    r.children.iter().map(|c| (c.id.as_str(), c)).collect()
}

fn birthday(dob: NaiveDate, years: i32) -> NaiveDate {
    NaiveDate::from_ymd_opt(dob.year() + years, dob.month(), dob.day())
        .unwrap_or_else(|| NaiveDate::from_ymd_opt(dob.year() + years, 3, 1).unwrap())
}

fn open_on(start: NaiveDate, end: Option<NaiveDate>, d: NaiveDate) -> bool {
    start <= d && end.is_none_or(|e| e > d)
}

/// A child's episodes in date order (short breaks included).
fn episodes(r: &CaseRecords) -> HashMap<&str, Vec<&ClaEpisode>> {
    let mut map = by_child(&r.cla_episodes, |e| e.child.as_str());
    for list in map.values_mut() {
        list.sort_by_key(|e| e.start);
    }
    map
}

#[test]
fn ids_are_unique_per_kind() {
    both(|s| {
        let r = &s.records;
        fn unique<'a>(label: &str, ids: impl Iterator<Item = &'a str>) {
            let mut seen = HashSet::new();
            for id in ids {
                assert!(seen.insert(id), "duplicate {label} id");
            }
        }
        unique("child", r.children.iter().map(|x| x.id.as_str()));
        unique("contact", r.contacts.iter().map(|x| x.id.as_str()));
        unique("referral", r.referrals.iter().map(|x| x.id.as_str()));
        unique("assessment", r.assessments.iter().map(|x| x.id.as_str()));
        unique(
            "strategy",
            r.strategy_discussions.iter().map(|x| x.id.as_str()),
        );
        unique("s47", r.section47s.iter().map(|x| x.id.as_str()));
        unique("conference", r.conferences.iter().map(|x| x.id.as_str()));
        unique("plan", r.cp_plans.iter().map(|x| x.id.as_str()));
        unique("core group", r.core_groups.iter().map(|x| x.id.as_str()));
        unique("visit", r.visits.iter().map(|x| x.id.as_str()));
        unique("cin plan", r.cin_plans.iter().map(|x| x.id.as_str()));
        unique("episode", r.cla_episodes.iter().map(|x| x.id.as_str()));
        unique("review", r.cla_reviews.iter().map(|x| x.id.as_str()));
        unique("missing", r.missing.iter().map(|x| x.id.as_str()));
        unique("allocation", r.allocations.iter().map(|x| x.id.as_str()));
        unique("worker", r.workers.iter().map(|x| x.id.as_str()));
        unique("team", r.teams.iter().map(|x| x.id.as_str()));
        unique(
            "household",
            r.foster_households.iter().map(|x| x.id.as_str()),
        );
        unique(
            "upn",
            r.children
                .iter()
                .filter_map(|c| c.upn.as_ref().map(|u| u.as_str())),
        );
        assert!(r.children.iter().all(|c| {
            let id = c.id.as_str();
            id.starts_with('C') && id.len() <= 20 && id[1..].bytes().all(|b| b.is_ascii_digit())
        }));
        assert!(r.workers.iter().all(|w| w.id.as_str().starts_with("SW")));
    });
}

#[test]
fn every_record_names_a_known_child_and_workers_belong_to_teams() {
    both(|s| {
        let r = &s.records;
        let kids = children(r);
        let known = |c: &str| kids.contains_key(c);
        assert!(r.contacts.iter().all(|x| known(x.child.as_str())));
        assert!(r.referrals.iter().all(|x| known(x.child.as_str())));
        assert!(r.assessments.iter().all(|x| known(x.child.as_str())));
        assert!(r.section47s.iter().all(|x| known(x.child.as_str())));
        assert!(r.cp_plans.iter().all(|x| known(x.child.as_str())));
        assert!(r.visits.iter().all(|x| known(x.child.as_str())));
        assert!(r.cla_episodes.iter().all(|x| known(x.child.as_str())));
        assert!(r.cla_reviews.iter().all(|x| known(x.child.as_str())));
        assert!(r.missing.iter().all(|x| known(x.child.as_str())));
        assert!(r.care_leavers.iter().all(|x| known(x.child.as_str())));
        assert!(r.allocations.iter().all(|x| known(x.child.as_str())));
        assert!(r.early_help.iter().all(|x| known(x.child.as_str())));
        assert!(r.health_outcomes.iter().all(|x| known(x.child.as_str())));
        assert!(r.permanence.iter().all(|x| known(x.child.as_str())));
        assert!(r.private_fostering.iter().all(|x| known(x.child.as_str())));
        assert!(
            r.supervisions
                .iter()
                .all(|x| x.child.as_ref().is_none_or(|c| known(c.as_str())))
        );
        assert!(
            r.lado_allegations
                .iter()
                .all(|x| x.child.as_ref().is_none_or(|c| known(c.as_str())))
        );
        let teams: HashSet<&str> = r.teams.iter().map(|t| t.id.as_str()).collect();
        assert!(r.workers.iter().all(|w| teams.contains(w.team.as_str())));
        let workers: HashSet<&str> = r.workers.iter().map(|w| w.id.as_str()).collect();
        assert!(
            r.allocations
                .iter()
                .all(|a| workers.contains(a.worker.as_str()))
        );
        assert!(r.visits.iter().all(|v| {
            v.worker
                .as_ref()
                .is_none_or(|w| workers.contains(w.as_str()))
        }));
        assert!(
            r.supervisions
                .iter()
                .all(|v| workers.contains(v.worker.as_str()))
        );
    });
}

#[test]
fn front_door_sequences_are_in_order() {
    both(|s| {
        let r = &s.records;
        let referrals: HashMap<&str, &Referral> =
            r.referrals.iter().map(|x| (x.id.as_str(), x)).collect();
        for a in &r.assessments {
            let rf = referrals[a.referral.as_str()];
            assert!(a.start >= rf.date, "assessment before its referral");
            assert!(
                a.authorised.is_none_or(|d| d >= a.start),
                "authorised before start"
            );
            assert!(!rf.nfa, "assessment on an NFA referral (8831)");
            assert!(
                rf.closure_date
                    .is_none_or(|c| a.authorised.is_some_and(|d| d <= c)),
                "8867/8565"
            );
            // Factors: only once authorised, no repeats, 21 alone and only on RC8/RC9 episodes.
            assert_eq!(a.factors.is_empty(), a.authorised.is_none());
            let set: HashSet<_> = a.factors.iter().collect();
            assert_eq!(set.len(), a.factors.len(), "8898");
            if a.factors.contains(&AssessmentFactor::F21) {
                assert_eq!(a.factors.len(), 1, "8869");
                assert!(
                    matches!(
                        rf.closure_reason,
                        None | Some(ReasonForClosure::RC8 | ReasonForClosure::RC9)
                    ),
                    "8873Q"
                );
            }
            assert!(
                !a.factors
                    .iter()
                    .any(|f| matches!(f, AssessmentFactor::F18A | AssessmentFactor::F19A))
            );
        }
        let strategies: HashMap<&str, &StrategyDiscussion> = r
            .strategy_discussions
            .iter()
            .map(|x| (x.id.as_str(), x))
            .collect();
        for e in &r.section47s {
            let sd = strategies[e
                .strategy_discussion
                .as_ref()
                .expect("every S47 has its strategy discussion")
                .as_str()];
            assert_eq!(sd.referral, e.referral);
            assert!(sd.s47_started && sd.date <= e.start);
            assert!(e.start >= referrals[e.referral.as_str()].date, "2889");
            assert!(e.end.is_none_or(|d| d >= e.start));
            assert!(
                e.icpc_target
                    .is_some_and(|t| Calendar::england_and_wales().is_working_day(t)),
                "8870Q"
            );
        }
        let s47s: HashMap<&str, &Section47> =
            r.section47s.iter().map(|x| (x.id.as_str(), x)).collect();
        for c in r
            .conferences
            .iter()
            .filter(|c| c.kind == ConferenceKind::Initial)
        {
            let e = s47s[c
                .s47
                .as_ref()
                .expect("initial conference names its S47")
                .as_str()];
            assert_eq!(e.referral, c.referral);
            assert!(c.date >= e.start, "8615");
            assert!(e.icpc_required);
            assert!(Calendar::england_and_wales().is_working_day(c.date), "8875");
        }
        for rf in &r.referrals {
            assert!(rf.closure_date.is_none_or(|c| c >= rf.date), "8630");
            assert_eq!(
                rf.closure_date.is_some(),
                rf.closure_reason.is_some(),
                "8805/8810"
            );
            assert!(rf.primary_need.is_some() || rf.nfa, "8610");
        }
    });
}

#[test]
fn episodes_of_a_child_never_overlap_and_close_before_the_next_referral() {
    both(|s| {
        let r = &s.records;
        for (_, mut list) in by_child(&r.referrals, |x| x.child.as_str()) {
            list.sort_by_key(|x| x.date);
            assert!(
                list.iter().filter(|x| x.closure_date.is_none()).count() <= 1,
                "8815"
            );
            for pair in list.windows(2) {
                let closed = pair[0]
                    .closure_date
                    .expect("8816: only the latest may be open");
                assert!(closed < pair[1].date, "8820: CIN episodes overlap");
            }
        }
    });
}

#[test]
fn plans_start_at_a_conference_and_hold_their_meetings_and_visits() {
    both(|s| {
        let r = &s.records;
        let starting: HashSet<(&str, NaiveDate)> = r
            .conferences
            .iter()
            .filter(|c| c.kind != ConferenceKind::Review && c.plan_decided)
            .filter_map(|c| c.plan.as_ref().map(|p| (p.as_str(), c.date)))
            .collect();
        let plans: HashMap<&str, &ChildProtectionPlan> =
            r.cp_plans.iter().map(|p| (p.id.as_str(), p)).collect();
        let inside =
            |p: &ChildProtectionPlan, d: NaiveDate| p.start <= d && p.end.is_none_or(|e| d <= e);
        for p in &r.cp_plans {
            assert!(
                starting.contains(&(p.id.as_str(), p.start)),
                "plan without a deciding conference"
            );
            assert!(p.end.is_none_or(|e| e > p.start), "8840/8925");
        }
        for c in r
            .conferences
            .iter()
            .filter(|c| c.kind == ConferenceKind::Review)
        {
            let p = plans[c.plan.as_ref().unwrap().as_str()];
            assert!(inside(p, c.date) && c.date > p.start, "8841");
        }
        for g in &r.core_groups {
            assert!(inside(plans[g.plan.as_str()], g.date));
        }
        let by = by_child(&r.cp_plans, |p| p.child.as_str());
        for v in r
            .visits
            .iter()
            .filter(|v| v.kind == VisitKind::ChildProtection)
        {
            assert!(
                by[v.child.as_str()].iter().any(|p| inside(p, v.date)),
                "CP visit outside a plan"
            );
        }
        for (_, mut list) in by {
            list.sort_by_key(|p| p.start);
            for (k, p) in list.iter().enumerate() {
                assert_eq!(p.previous_plans as usize, k, "NumberOfPreviousCPP");
            }
            for pair in list.windows(2) {
                assert!(pair[0].end.is_some_and(|e| e <= pair[1].start), "8935/8940");
            }
        }
    });
}

#[test]
fn cin_and_cp_plans_respect_the_census_rules() {
    both(|s| {
        let r = &s.records;
        let referrals: HashMap<&str, &Referral> =
            r.referrals.iter().map(|x| (x.id.as_str(), x)).collect();
        let cp = by_child(&r.cp_plans, |p| p.referral.as_str());
        let mut cin = by_child(&r.cin_plans, |p| p.referral.as_str());
        for (rid, list) in cin.iter_mut() {
            let rf = referrals[rid];
            list.sort_by_key(|p| p.start);
            for p in list.iter() {
                assert!(!rf.nfa, "4000");
                assert!(p.start >= rf.date, "4015");
                assert!(p.end.is_none_or(|e| e > p.start), "4011/4012Q");
                assert!(
                    rf.closure_date
                        .is_none_or(|c| p.end.is_some_and(|e| e <= c)),
                    "8565"
                );
                for q in cp.get(rid).into_iter().flatten() {
                    let cin_end = p.end.unwrap_or(NaiveDate::MAX);
                    let cp_end = q.end.unwrap_or(NaiveDate::MAX);
                    assert!(
                        cin_end < q.start || cp_end < p.start,
                        "4001/4016/4017: CIN and CP plans overlap"
                    );
                }
            }
            for pair in list.windows(2) {
                assert!(pair[0].end.is_some_and(|e| e < pair[1].start), "4014");
            }
        }
        for (rid, list) in &cp {
            let rf = referrals[rid];
            assert!(!rf.nfa, "8832");
            assert!(
                !matches!(
                    rf.closure_reason,
                    Some(ReasonForClosure::RC8 | ReasonForClosure::RC9)
                ),
                "2990"
            );
            for p in list {
                assert!(p.start >= rf.date, "1105");
                assert!(
                    rf.closure_date
                        .is_none_or(|c| p.end.is_some_and(|e| e <= c)),
                    "8565"
                );
            }
        }
        let with_assessment: HashSet<&str> =
            r.assessments.iter().map(|a| a.referral.as_str()).collect();
        let with_s47: HashSet<&str> = r.section47s.iter().map(|a| a.referral.as_str()).collect();
        for rf in &r.referrals {
            if matches!(
                rf.closure_reason,
                Some(ReasonForClosure::RC8 | ReasonForClosure::RC9)
            ) {
                assert!(with_assessment.contains(rf.id.as_str()), "8825Q");
                assert!(
                    !with_s47.contains(rf.id.as_str()) && !cin.contains_key(rf.id.as_str()),
                    "2990"
                );
            }
            if with_s47.contains(rf.id.as_str()) {
                assert!(with_assessment.contains(rf.id.as_str()), "2991Q");
            }
        }
    });
}

#[test]
fn care_episodes_join_up_and_say_what_changed() {
    both(|s| {
        let r = &s.records;
        for (_, list) in episodes(r) {
            let first = list[0];
            assert_eq!(first.reason_new, ReasonNewEpisode::S, "357");
            for pair in list.windows(2) {
                let (a, b) = (pair[0], pair[1]);
                let end = a.end.expect("142: an earlier episode is left open");
                assert!(end <= b.start, "501: episodes overlap");
                match a.reason_ceased {
                    Some(ReasonEpisodeCeased::X1) => {
                        assert_eq!(end, b.start, "433: X1 must join on the same day");
                        assert_ne!(b.reason_new, ReasonNewEpisode::S, "432");
                        let ls = a.legal_status != b.legal_status;
                        let place = a.placement != b.placement
                            || a.provider != b.provider
                            || a.placement_postcode != b.placement_postcode
                            || a.urn != b.urn;
                        match b.reason_new {
                            ReasonNewEpisode::L => assert!(ls && !place, "434"),
                            ReasonNewEpisode::P | ReasonNewEpisode::T => {
                                assert!(!ls && place, "435")
                            }
                            ReasonNewEpisode::U | ReasonNewEpisode::B => {
                                assert!(ls && place, "436")
                            }
                            ReasonNewEpisode::S => unreachable!(),
                        }
                        assert_eq!(a.category_of_need, b.category_of_need, "504");
                        let around_temporary =
                            a.placement.is_temporary() || b.placement.is_temporary();
                        if b.reason_new != ReasonNewEpisode::L && !around_temporary {
                            assert!(a.reason_place_change.is_some(), "225");
                        }
                        if around_temporary || b.reason_new == ReasonNewEpisode::L {
                            assert!(a.reason_place_change.is_none(), "226");
                        }
                    }
                    _ => {
                        assert_eq!(b.reason_new, ReasonNewEpisode::S, "432");
                        assert!(end < b.start, "431");
                        assert!(
                            !matches!(a.reason_ceased, Some(ReasonEpisodeCeased::E2)),
                            "437"
                        );
                    }
                }
            }
            for e in &list {
                assert!(e.end.is_none_or(|d| d > e.start), "355/356");
                assert_eq!(e.end.is_some(), e.reason_ceased.is_some(), "148");
                assert!(e.end.is_some() || e.reason_place_change.is_none(), "233");
            }
            let last = list.last().unwrap();
            assert_ne!(last.reason_ceased, Some(ReasonEpisodeCeased::X1), "388");
        }
    });
}

#[test]
fn placements_follow_the_903_rules() {
    use PlacementType::*;
    both(|s| {
        let r = &s.records;
        let kids = children(r);
        let la = s.council.la_code;
        for (child, list) in episodes(r) {
            let c = kids[child];
            let dob = c.date_of_birth.unwrap();
            let uasc = c.uasc.is_some();
            for (k, e) in list.iter().enumerate() {
                let age = age_on(dob, e.start);
                assert!(
                    !matches!(e.placement, H5 | P2 | Z1),
                    "146: code not valid for 2025-26"
                );
                assert_eq!(
                    e.placement == P1,
                    e.provider == Some(PlacementProvider::PR0),
                    "550/530/531"
                );
                if e.placement.is_temporary() {
                    assert!(
                        k > 0 && e.reason_new != ReasonNewEpisode::S,
                        "380: a period starts in a temporary placement"
                    );
                    match list.get(k + 1) {
                        Some(back) => assert!(
                            back.reason_new == ReasonNewEpisode::P
                                && back.placement == list[k - 1].placement,
                            "383"
                        ),
                        None => assert!(
                            e.end.is_none(),
                            "381: a period ends in a temporary placement"
                        ),
                    }
                }
                if e.placement.is_temporary() || matches!(e.placement, Z11 | Z12 | Z13 | Z14) {
                    assert!(e.provider.is_none(), "178/213");
                } else {
                    assert!(e.provider.is_some(), "526");
                }
                if let Some(days) = e.end.map(|d| (d - e.start).num_days()) {
                    match e.placement {
                        T1 => assert!(days <= 42, "375"),
                        T3 => assert!(days <= 21, "376"),
                        T4 => assert!(days <= 7, "379"),
                        _ => {}
                    }
                    match e.legal_status {
                        LegalStatus::L1 => assert!(days <= 3, "361"),
                        LegalStatus::L2 => assert!(days <= 21, "362"),
                        LegalStatus::L3 => assert!(days <= 7, "363"),
                        LegalStatus::V3 => assert!(days <= 17, "365"),
                        _ => {}
                    }
                }
                let exempt = matches!(
                    e.placement,
                    P1 | P2
                        | P3
                        | R1
                        | R2
                        | R5
                        | T0
                        | T1
                        | T2
                        | T3
                        | T4
                        | Z1
                        | Z11
                        | Z12
                        | Z13
                        | Z14
                );
                if e.legal_status.is_short_break() {
                    assert!(
                        e.urn.is_none()
                            && e.placement_postcode.is_none()
                            && e.home_postcode.is_none(),
                        "214/398"
                    );
                    assert!(e.placement_la.is_none(), "420");
                    assert!(
                        !matches!(e.placement, U1 | U4) && !e.placement.is_temporary(),
                        "382/384"
                    );
                    continue;
                }
                assert_eq!(e.urn.is_some(), !exempt, "218/222");
                assert!(e.urn.as_deref().is_none_or(|u| u != "XXXXXXX"), "242");
                if e.placement == K3 {
                    assert!(age >= 16, "371");
                }
                if e.placement == R5 {
                    assert!(age >= 10, "372");
                }
                if e.placement == S1 {
                    assert!(age >= 4, "373");
                }
                if matches!(e.placement, A5 | A6) {
                    assert_eq!(e.legal_status, LegalStatus::E1, "408");
                }
                if matches!(e.placement, A3 | A5) {
                    assert!(
                        matches!(
                            e.reason_new,
                            ReasonNewEpisode::S | ReasonNewEpisode::T | ReasonNewEpisode::U
                        ),
                        "217"
                    );
                    assert!(k > 0 && list[k - 1].placement.is_foster(), "336");
                }
                if e.placement == P1 {
                    assert!(e.legal_status != LegalStatus::V2, "378");
                }
                if matches!(
                    e.legal_status,
                    LegalStatus::J1 | LegalStatus::J2 | LegalStatus::J3
                ) {
                    assert!(age >= 10, "358");
                }
                assert!(
                    !matches!(e.legal_status, LegalStatus::D1 | LegalStatus::J2),
                    "445/364"
                );
                // Postcodes, placement authority and distance.
                let pl = e
                    .placement_postcode
                    .as_ref()
                    .expect("392b: placement postcode");
                assert!(valid_postcode(pl), "392c");
                assert_eq!(e.placement_la, postcode_la(pl), "169");
                if e.provider == Some(PlacementProvider::PR1) {
                    assert_eq!(e.placement_la, Some(la), "1015");
                }
                if uasc {
                    assert!(
                        e.placement_distance_miles.is_none() && e.home_postcode.is_none(),
                        "406"
                    );
                } else {
                    let home = e.home_postcode.as_ref().expect("392b: home postcode");
                    assert!(valid_postcode(home));
                    assert!(e.placement == P1 || home != pl, "392d");
                    let d = e.placement_distance_miles.expect("392a");
                    assert_eq!(Some(d), placement_distance_miles(home, pl));
                    assert!((0.0..=350.0).contains(&d), "454");
                }
            }
        }
    });
}

fn valid_postcode(p: &Postcode) -> bool {
    let s = p.as_str();
    let Some((outward, inward)) = s.split_once(' ') else {
        return false;
    };
    let o = outward.as_bytes();
    let i = inward.as_bytes();
    (2..=4).contains(&o.len())
        && o[0].is_ascii_uppercase()
        && o.iter().all(|b| b.is_ascii_alphanumeric())
        && i.len() == 3
        && i[0].is_ascii_digit()
        && i[1..].iter().all(|b| b"ABDEFGHJLNPQRSTUWXYZ".contains(b))
}

#[test]
fn legal_status_and_endings_agree_with_ages() {
    use ReasonEpisodeCeased::*;
    both(|s| {
        let r = &s.records;
        let kids = children(r);
        for (child, list) in episodes(r) {
            let c = kids[child];
            let dob = c.date_of_birth.expect("looked-after children are born");
            let eighteen = birthday(dob, 18);
            for e in &list {
                assert!(e.start >= dob, "302");
                assert!(e.start < eighteen, "352");
                match e.end {
                    Some(end) => assert!(end <= eighteen, "episodes end by the 18th birthday"),
                    None => assert!(s.end < eighteen, "359: still in care at 18"),
                }
                let age_end = e.end.map(|d| age_on(dob, d));
                match e.reason_ceased {
                    Some(E17) => assert_eq!(e.end, Some(eighteen), "460"),
                    Some(E5 | E6) => assert!(age_end >= Some(14), "387"),
                    Some(E7) => assert!(age_end >= Some(16), "389"),
                    Some(E11 | E12) => assert!(age_end < Some(18), "386"),
                    Some(E45 | E46 | E47 | E48) => assert!(age_end < Some(18), "407"),
                    _ => {}
                }
                if e.end == Some(eighteen) {
                    assert!(
                        matches!(e.reason_ceased, Some(E17 | E5 | E6 | E8 | E7)),
                        "ceased at 18 for an adult reason, not {:?}",
                        e.reason_ceased
                    );
                }
                if matches!(e.reason_ceased, Some(E45 | E46)) {
                    assert!(e.placement.is_foster(), "516");
                }
            }
        }
    });
}

#[test]
fn unaccompanied_children_are_teenagers_and_leave_the_status_at_18() {
    both(|s| {
        let r = &s.records;
        let uasc: Vec<&Child> = r.children.iter().filter(|c| c.uasc.is_some()).collect();
        assert!(!uasc.is_empty());
        let male = uasc.iter().filter(|c| c.sex == Sex::Male).count();
        assert!(
            male * 10 >= uasc.len() * 8,
            "mostly male: {male} of {}",
            uasc.len()
        );
        for c in uasc {
            let dob = c.date_of_birth.unwrap();
            let status = c.uasc.as_ref().unwrap();
            let from = status.from.unwrap();
            assert!((14..=17).contains(&age_on(dob, from)));
            match status.ceased {
                Some(d) => assert_eq!(d, birthday(dob, 18), "304"),
                None => assert!(birthday(dob, 18) > s.end),
            }
        }
    });
}

#[test]
fn care_leavers_qualify_and_are_recorded_at_their_birthdays() {
    both(|s| {
        let r = &s.records;
        let kids = children(r);
        let eps = episodes(r);
        for x in &r.care_leavers {
            let c = kids[x.child.as_str()];
            let dob = c.date_of_birth.unwrap();
            assert!((17..=21).contains(&x.birthday_age), "391");
            let day = birthday(dob, i32::from(x.birthday_age));
            assert!(day >= s.start && day <= s.end, "birthday in the range");
            let list = &eps[x.child.as_str()];
            let fourteen = birthday(dob, 14);
            let sixteen = birthday(dob, 16);
            let days_after_14: i64 = list
                .iter()
                .filter(|e| !e.legal_status.is_short_break())
                .map(|e| {
                    (e.end.unwrap_or(s.end) - e.start.max(fourteen))
                        .num_days()
                        .max(0)
                })
                .sum();
            assert!(days_after_14 >= 91, "looked after 13 weeks after 14 (1001)");
            assert!(
                list.iter().any(|e| e.end.is_none_or(|d| d > sixteen)),
                "including after 16"
            );
            assert!(
                !list.iter().any(|e| open_on(e.start, e.end, day)),
                "1007: still looked after"
            );
            assert!(
                list.iter().all(|e| !matches!(
                    e.reason_ceased,
                    Some(ReasonEpisodeCeased::E2 | ReasonEpisodeCeased::E3)
                )),
                "1000/1011"
            );
            let in_touch = x.in_touch == InTouch::YES;
            assert_eq!(in_touch, x.activity != Activity::A0, "345");
            assert_eq!(in_touch, x.accommodation != Accommodation::A0, "345");
            if x.birthday_age < 18 {
                assert!(
                    !matches!(x.accommodation, Accommodation::T1 | Accommodation::T2),
                    "347"
                );
                assert!(
                    !matches!(x.accommodation, Accommodation::Z1 | Accommodation::Z2),
                    "3001"
                );
            }
        }
    });
}

#[test]
fn permanence_milestones_are_in_order_and_adoptions_end_properly() {
    both(|s| {
        let r = &s.records;
        let eps = episodes(r);
        let adopted: HashSet<&str> = r
            .permanence
            .iter()
            .filter(|p| p.order == Some(PermanenceOrder::Adoption))
            .map(|p| p.child.as_str())
            .collect();
        for p in &r.permanence {
            let steps = [
                p.adm_decision,
                p.placement_order,
                p.matched,
                p.placed_for_adoption,
                p.order_date,
            ];
            let known: Vec<NaiveDate> = steps.iter().flatten().copied().collect();
            assert!(
                known.windows(2).all(|w| w[0] <= w[1]),
                "ADM <= order <= matched <= placed <= adopted"
            );
            if p.order == Some(PermanenceOrder::Adoption) {
                assert!(
                    p.adm_decision.is_some() && p.matched.is_some() && p.adopters.is_some(),
                    "601"
                );
                assert!(p.decision_reversed.is_none(), "558/525");
                assert!(p.matched < p.order_date, "582");
                let final_ep = eps[p.child.as_str()]
                    .iter()
                    .rev()
                    .find(|e| e.end == p.order_date)
                    .unwrap();
                assert!(matches!(
                    final_ep.reason_ceased,
                    Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
                ));
                assert!(final_ep.placement.is_placed_for_adoption(), "390");
                let a = p.adopters.as_ref().unwrap();
                assert_eq!(
                    a.foster_carers,
                    final_ep.placement == PlacementType::A5,
                    "335"
                );
                assert_eq!(
                    a.count == 1,
                    a.legal_status == AdopterLegalStatus::L0,
                    "514"
                );
                assert_eq!(
                    a.count == 1,
                    matches!(a.sex, AdopterSex::M1 | AdopterSex::F1),
                    "511"
                );
            } else {
                assert!(p.adopters.is_none(), "602");
            }
            assert_eq!(
                p.decision_reversed.is_some(),
                p.reversal_reason.is_some(),
                "119"
            );
        }
        for e in &r.cla_episodes {
            if matches!(
                e.reason_ceased,
                Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
            ) {
                assert!(
                    adopted.contains(e.child.as_str()),
                    "adopted without a permanence record"
                );
            }
        }
    });
}

#[test]
fn nothing_happens_after_death_or_the_extract_date() {
    both(|s| {
        let r = &s.records;
        let death: HashMap<&str, NaiveDate> = r
            .children
            .iter()
            .filter_map(|c| c.date_of_death.map(|d| (c.id.as_str(), d)))
            .collect();
        let last = |child: &str| death.get(child).copied().unwrap_or(s.end).min(s.end);
        let ok = |child: &str, d: NaiveDate| d <= last(child);
        assert!(r.contacts.iter().all(|x| ok(x.child.as_str(), x.date)));
        assert!(r.referrals.iter().all(|x| ok(x.child.as_str(), x.date)
            && x.closure_date.is_none_or(|c| ok(x.child.as_str(), c))));
        assert!(r.assessments.iter().all(|x| ok(x.child.as_str(), x.start)
            && x.authorised.is_none_or(|d| ok(x.child.as_str(), d))));
        assert!(r.visits.iter().all(|x| ok(x.child.as_str(), x.date)));
        assert!(r.core_groups.iter().all(|x| ok(x.child.as_str(), x.date)));
        assert!(r.conferences.iter().all(|x| ok(x.child.as_str(), x.date)));
        assert!(r.cla_reviews.iter().all(|x| ok(x.child.as_str(), x.date)));
        assert!(r.cla_episodes.iter().all(
            |x| ok(x.child.as_str(), x.start) && x.end.is_none_or(|d| ok(x.child.as_str(), d))
        ));
        assert!(
            r.cp_plans
                .iter()
                .all(|x| x.end.is_none_or(|d| ok(x.child.as_str(), d)))
        );
        assert!(r.missing.iter().all(|x| ok(x.child.as_str(), x.start)));
        assert!(r.allocations.iter().all(
            |x| ok(x.child.as_str(), x.start) && x.end.is_none_or(|d| ok(x.child.as_str(), d))
        ));
        assert!(r.pathway_plans.iter().all(|x| ok(x.child.as_str(), x.date)));
        assert!(r.supervisions.iter().all(|x| x.date <= s.end));
        assert!(
            r.workers
                .iter()
                .all(|w| w.end.is_none_or(|d| d <= s.end) && w.start <= s.end)
        );
        assert!(
            r.foster_households.iter().all(|h| h.approved <= s.end
                && h.deregistered.is_none_or(|d| d <= s.end && d > h.approved))
        );
        for c in &r.children {
            if let Some(d) = c.date_of_death {
                assert!(
                    r.referrals.iter().any(|x| x.child == c.id
                        && x.closure_reason == Some(ReasonForClosure::RC2)
                        && x.closure_date == Some(d)),
                    "8585Q"
                );
            }
            match (c.date_of_birth, c.expected_date_of_birth) {
                (Some(b), None) => assert!(b <= s.end),
                (None, Some(e)) => assert!(e > s.end && c.sex == Sex::Unknown, "8750/8525Q"),
                _ => panic!("8525Q: exactly one of birth and expected birth dates"),
            }
        }
    });
}

#[test]
fn allocations_never_overlap_and_cover_open_cases() {
    both(|s| {
        let r = &s.records;
        let allocations = by_child(&r.allocations, |a| a.child.as_str());
        for list in allocations.values() {
            let mut list = list.clone();
            list.sort_by_key(|a| a.start);
            for pair in list.windows(2) {
                assert!(
                    pair[0].end.is_some_and(|e| e <= pair[1].start),
                    "SW10: allocations overlap"
                );
                assert!(pair[0].start < pair[1].start, "SW19");
            }
            assert!(
                list.iter().all(|a| a.end.is_none_or(|e| e > a.start)),
                "SW09"
            );
            assert!(list.iter().all(|a| a.reason.is_some()), "SW13");
        }
        let mut d = s.start;
        while d <= s.end {
            for rf in r
                .referrals
                .iter()
                .filter(|x| open_on(x.date, x.closure_date, d))
            {
                let covered = allocations
                    .get(rf.child.as_str())
                    .is_some_and(|l| l.iter().any(|a| open_on(a.start, a.end, d)));
                assert!(covered, "open case on {d} without an allocated worker");
            }
            d = d.checked_add_months(chrono::Months::new(1)).unwrap();
        }
    });
}

#[test]
fn reviews_health_and_missing_follow_the_rules() {
    both(|s| {
        let r = &s.records;
        let kids = children(r);
        let eps = episodes(r);
        // Reviews: only for looked-after children, within a period, at most six months apart
        // (plus the few weeks' lateness the generator allows); PN0 exactly for under-4s.
        for (child, mut list) in by_child(&r.cla_reviews, |x| x.child.as_str()) {
            list.sort_by_key(|x| x.date);
            let dob = kids[child].date_of_birth.unwrap();
            let periods = &eps[child];
            assert!(
                periods.iter().all(|e| !e.legal_status.is_short_break()),
                "399"
            );
            for x in &list {
                assert_eq!(
                    age_on(dob, x.date) < 4,
                    x.participation == ReviewParticipation::PN0,
                    "440/441"
                );
                assert!(periods.iter().any(|e| open_on(e.start, e.end, x.date)));
            }
            for pair in list.windows(2) {
                let same_period = periods
                    .iter()
                    .filter(|e| e.start > pair[0].date && e.start <= pair[1].date)
                    .all(|e| e.reason_new != ReasonNewEpisode::S);
                if same_period {
                    assert!(
                        pair[1].date <= add_months(pair[0].date, 6) + chrono::Duration::days(31)
                    );
                }
            }
        }
        // OC2: looked after continuously 12 months at 31 March; items by age.
        for h in &r.health_outcomes {
            let dob = kids[h.child.as_str()].date_of_birth.unwrap();
            let march = NaiveDate::from_ymd_opt(h.year_ending, 3, 31).unwrap();
            let before = NaiveDate::from_ymd_opt(h.year_ending - 1, 3, 31).unwrap();
            let list = &eps[h.child.as_str()];
            let spell: Vec<&&ClaEpisode> = list
                .iter()
                .filter(|e| e.start <= march && e.end.is_none_or(|d| d >= before))
                .collect();
            assert!(
                spell.iter().any(|e| open_on(e.start, e.end, march)),
                "185/190"
            );
            assert!(spell.iter().all(|e| !e.legal_status.is_short_break()));
            let age = age_on(dob, march);
            assert_eq!(h.health_check.is_some(), age < 5, "545/546");
            assert_eq!(h.convicted.is_some(), age >= 10, "542/543");
            assert!(h.sdq_score.is_none() || h.sdq_reason.is_none(), "197a");
            if age < 4 {
                assert!(h.sdq_score.is_none() && h.sdq_reason.is_none(), "188");
            }
            assert!(
                h.immunisations.is_some()
                    && h.teeth_check.is_some()
                    && h.health_assessment.is_some()
                    && h.substance_misuse.is_some(),
                "191"
            );
            assert_eq!(
                h.intervention_received.is_some(),
                h.substance_misuse == Some(true),
                "192/193"
            );
            assert_eq!(
                h.intervention_offered.is_some(),
                h.intervention_received == Some(false),
                "158/159"
            );
            assert!(h.sdq_score.is_none_or(|x| x <= 40), "180");
        }
        // Missing: no overlaps; episodes of looked-after children fall inside care.
        for (child, mut list) in by_child(&r.missing, |x| x.child.as_str()) {
            list.sort_by_key(|x| x.start);
            for x in &list {
                assert!(x.end.is_none_or(|e| e >= x.start), "567");
                assert!(x.rhi_completed.is_none() || x.rhi_offered.is_some());
            }
            for pair in list.windows(2) {
                assert!(pair[0].end.is_some_and(|e| e < pair[1].start), "574");
            }
            if let Some(periods) = eps.get(child) {
                for x in &list {
                    let in_care = periods.iter().any(|e| open_on(e.start, e.end, x.start));
                    if in_care {
                        let period_end = periods
                            .iter()
                            .filter(|e| e.start >= x.start)
                            .filter_map(|e| e.end)
                            .max();
                        assert!(
                            period_end.is_none_or(|pe| x.end.is_some_and(|e| e < pe)),
                            "575/577"
                        );
                    }
                }
            }
        }
    });
}

#[test]
fn children_carry_valid_upns_mothers_and_previous_permanence() {
    both(|s| {
        let r = &s.records;
        let eps = episodes(r);
        let prev = by_child(&r.previous_permanence, |x| x.child.as_str());
        for c in &r.children {
            if let Some(u) = &c.upn {
                let u = u.as_str();
                assert_eq!(u.len(), 13, "168");
                let body = &u[1..];
                assert!(body.bytes().all(|b| b.is_ascii_digit()), "1540");
                let sum: u32 = body
                    .bytes()
                    .enumerate()
                    .map(|(i, b)| u32::from(b - b'0') * (i as u32 + 2))
                    .sum();
                let letter = b"ABCDEFGHJKLMNPQRTUVWXYZ"[(sum % 23) as usize] as char;
                assert_eq!(u.chars().next(), Some(letter), "1510");
                assert_eq!(&u[1..4], format!("{:03}", s.council.la_code.0), "1530");
            }
            if let Some(dob) = c.date_of_birth {
                let school_age = age_on(dob, s.end) >= 6;
                if c.upn.is_none() {
                    let reason = c.upn_unknown.expect("442/8770Q: a reason for no UPN");
                    assert!(reason != UpnUnknown::UN1 || !school_age, "209");
                    assert_ne!(reason, UpnUnknown::UN4, "210");
                }
            }
            if let Some(m) = &c.motherhood {
                assert_eq!(c.sex, Sex::Female, "174");
                let born = m.first_child_born.unwrap();
                assert!(age_on(c.date_of_birth.unwrap(), born) >= 11, "620");
                assert!(
                    eps[c.id.as_str()]
                        .iter()
                        .any(|e| open_on(e.start, e.end, born)),
                    "625"
                );
            }
            if let Some(list) = eps.get(c.id.as_str()) {
                let records = prev
                    .get(c.id.as_str())
                    .expect("630: previous permanence for a child in care");
                assert_eq!(records.len(), 1, "INT35");
                let p = records[0];
                assert_eq!(
                    p.kind == PreviousPermanence::Z1,
                    p.la.is_none() && p.date.is_none(),
                    "635"
                );
                if let Some(y) = p.date.and_then(|d| d.year) {
                    assert!(i32::from(y) <= list[0].start.year(), "632");
                }
            }
        }
        let disabled = r
            .children
            .iter()
            .filter(|c| !c.disabilities.is_empty())
            .count();
        let codes: HashSet<_> = r
            .children
            .iter()
            .flat_map(|c| c.disabilities.iter())
            .collect();
        assert!(disabled > 0 && codes.len() >= 8, "2887Q");
        assert!(r.children.iter().any(|c| c.disabilities.len() > 1), "2888Q");
        assert!(
            r.children
                .iter()
                .all(|c| !c.disabilities.contains(&Disability::NONE)),
            "8790"
        );
    });
}

#[test]
fn the_smaller_registers_are_present_at_plausible_volumes() {
    let s = default_council();
    let r = &s.records;
    let per_month = |n: usize| n as f64 / 60.0;
    let in_range = |d: NaiveDate| d >= s.start;
    let eh: Vec<&EarlyHelpEpisode> = r.early_help.iter().filter(|x| in_range(x.start)).collect();
    assert!(eh.iter().any(|x| x.step == Some(StepChange::StepUp)));
    assert!(eh.iter().any(|x| x.step == Some(StepChange::StepDown)));
    let monthly = [
        ("early help", per_month(eh.len()), 150.0, 600.0),
        (
            "audits",
            per_month(r.audits.iter().filter(|x| in_range(x.due)).count()),
            10.0,
            150.0,
        ),
        (
            "complaints",
            per_month(r.complaints.iter().filter(|x| in_range(x.received)).count()),
            3.0,
            40.0,
        ),
        (
            "supervisions",
            per_month(r.supervisions.iter().filter(|x| in_range(x.date)).count()),
            50.0,
            400.0,
        ),
        (
            "private fostering",
            per_month(
                r.private_fostering
                    .iter()
                    .filter(|x| in_range(x.notified))
                    .count(),
            ),
            0.3,
            3.0,
        ),
        (
            "LADO",
            per_month(
                r.lado_allegations
                    .iter()
                    .filter(|x| in_range(x.received))
                    .count(),
            ),
            2.0,
            25.0,
        ),
        (
            "missing",
            per_month(r.missing.iter().filter(|x| in_range(x.start)).count()),
            30.0,
            200.0,
        ),
    ];
    for (name, n, lo, hi) in monthly {
        assert!((lo..=hi).contains(&n), "{name}: {n:.1} a month");
    }
    let kinds: HashSet<_> = r.foster_households.iter().map(|h| h.kind).collect();
    assert_eq!(kinds.len(), 3);
    assert_eq!(
        r.children
            .iter()
            .filter_map(|c| c.locality.as_ref())
            .map(|l| l.0.as_str())
            .collect::<HashSet<_>>(),
        [
            "Huddersfield",
            "Dewsbury and Mirfield",
            "Batley and Spen",
            "Kirklees Rural"
        ]
        .into_iter()
        .collect()
    );
    // The West Yorkshire ethnicity mix: mostly White British, then Pakistani and Indian heritage.
    let share = |e: Ethnicity| {
        r.children.iter().filter(|c| c.ethnicity == e).count() as f64 / r.children.len() as f64
    };
    assert!(
        share(Ethnicity::WBRI) > 0.5
            && share(Ethnicity::APKN) > 0.08
            && share(Ethnicity::AIND) > 0.02
    );
    assert!(share(Ethnicity::MWBC) > 0.01 && share(Ethnicity::BCRB) > 0.005);
}
