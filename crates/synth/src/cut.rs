//! Cutting a journey at the extract date: what happens later is dropped, and what was still
//! open on the date is reopened, with every field that would only be known later cleared.

use chrono::NaiveDate;
use sightline_model::CaseRecords;
use sightline_model::records::StepChange;

fn after(d: Option<NaiveDate>, cut: NaiveDate) -> bool {
    d.is_some_and(|d| d > cut)
}

/// Drops records dated after `cut` and reopens intervals still open on it.
pub(crate) fn cut(r: &mut CaseRecords, cut: NaiveDate) {
    r.contacts.retain(|x| x.date <= cut);
    r.early_help.retain(|x| x.start <= cut);
    for x in &mut r.early_help {
        if after(x.end, cut) {
            x.end = None;
            if x.step == Some(StepChange::StepUp) {
                x.step = None;
            }
        }
    }
    r.referrals.retain(|x| x.date <= cut);
    for x in &mut r.referrals {
        if after(x.closure_date, cut) {
            x.closure_date = None;
            x.closure_reason = None;
        }
    }
    r.assessments.retain(|x| x.start <= cut);
    for x in &mut r.assessments {
        if after(x.authorised, cut) {
            x.authorised = None;
            x.factors.clear();
            x.outcome = None;
        }
    }
    r.strategy_discussions.retain(|x| x.date <= cut);
    r.section47s.retain(|x| x.start <= cut);
    for x in &mut r.section47s {
        if after(x.end, cut) {
            x.end = None;
            x.outcome = None;
            // Undecided: a conference may yet be needed (ICPCnotRequired false).
            x.icpc_required = true;
        }
    }
    r.conferences.retain(|x| x.date <= cut);
    r.cp_plans.retain(|x| x.start <= cut);
    for x in &mut r.cp_plans {
        if after(x.end, cut) {
            x.end = None;
        }
    }
    // A conference links to its plan only once the plan exists (it always starts the same day).
    r.core_groups.retain(|x| x.date <= cut);
    r.visits.retain(|x| x.date <= cut);
    r.cin_plans.retain(|x| x.start <= cut);
    for x in &mut r.cin_plans {
        if after(x.end, cut) {
            x.end = None;
        }
    }
    r.cin_plan_reviews.retain(|x| x.date <= cut);
    r.cla_episodes.retain(|x| x.start <= cut);
    for x in &mut r.cla_episodes {
        if after(x.end, cut) {
            x.end = None;
            x.reason_ceased = None;
            x.reason_place_change = None;
        }
    }
    r.cla_reviews.retain(|x| x.date <= cut);
    r.missing.retain(|x| x.start <= cut);
    for x in &mut r.missing {
        if after(x.end, cut) {
            x.end = None;
        }
        if after(x.rhi_offered, cut) {
            x.rhi_offered = None;
        }
        if after(x.rhi_completed, cut) {
            x.rhi_completed = None;
        }
    }
    r.care_leavers
        .retain(|x| x.contact_date.is_none_or(|d| d <= cut));
    r.pathway_plans.retain(|x| x.date <= cut);
    for p in &mut r.permanence {
        for d in [
            &mut p.plan_date,
            &mut p.adm_decision,
            &mut p.placement_order,
            &mut p.matched,
            &mut p.placed_for_adoption,
        ] {
            if after(*d, cut) {
                *d = None;
            }
        }
        if after(p.decision_reversed, cut) {
            p.decision_reversed = None;
            p.reversal_reason = None;
        }
        if after(p.order_date, cut) {
            p.order = None;
            p.order_date = None;
            p.adopters = None;
        }
    }
    r.permanence
        .retain(|p| p.plan_date.is_some() || p.adm_decision.is_some() || p.order_date.is_some());
    r.allocations.retain(|x| x.start <= cut);
    for x in &mut r.allocations {
        if after(x.end, cut) {
            x.end = None;
        }
    }
    r.supervisions.retain(|x| x.date <= cut);
    r.audits.retain(|x| x.due <= cut);
    for x in &mut r.audits {
        if after(x.completed, cut) {
            x.completed = None;
            x.grade = None;
        }
    }
    r.complaints.retain(|x| x.received <= cut);
    for x in &mut r.complaints {
        if after(x.responded, cut) {
            x.responded = None;
        }
    }
    r.private_fostering
        .retain(|x| x.notified <= cut && x.start <= cut);
    for x in &mut r.private_fostering {
        if after(x.end, cut) {
            x.end = None;
        }
        if after(x.assessed, cut) {
            x.assessed = None;
        }
    }
    r.lado_allegations.retain(|x| x.received <= cut);
    for x in &mut r.lado_allegations {
        if after(x.concluded, cut) {
            x.concluded = None;
            x.outcome = None;
        }
    }
}

/// Whether anything in the journey is dated on or after `start` or still open on it.
pub(crate) fn touches(r: &CaseRecords, start: NaiveDate) -> bool {
    let open = |end: Option<NaiveDate>| end.is_none_or(|e| e >= start);
    r.contacts.iter().any(|x| x.date >= start)
        || r.referrals.iter().any(|x| open(x.closure_date))
        || r.early_help.iter().any(|x| open(x.end))
        || r.cla_episodes.iter().any(|x| open(x.end))
        || !r.care_leavers.is_empty()
        || r.pathway_plans.iter().any(|x| x.date >= start)
        || r.private_fostering.iter().any(|x| open(x.end))
        || r.allocations.iter().any(|x| open(x.end))
}

/// Drops the repeating and free-standing records that ended before `history` (one year before
/// the range): contacts, early help, visits, core groups, CIN plan reviews, missing episodes,
/// pathway plans, supervision, audits, complaints and allocations. Nothing refers to them, so the
/// structure (referrals, enquiries, plans, episodes, reviews) stays whole.
pub(crate) fn forget_old(r: &mut CaseRecords, history: NaiveDate) {
    let kept = |end: Option<NaiveDate>| end.is_none_or(|e| e >= history);
    r.contacts.retain(|x| x.date >= history);
    r.early_help.retain(|x| kept(x.end));
    r.visits.retain(|x| x.date >= history);
    r.core_groups.retain(|x| x.date >= history);
    r.cin_plan_reviews.retain(|x| x.date >= history);
    r.missing.retain(|x| kept(x.end));
    r.pathway_plans.retain(|x| x.date >= history);
    r.supervisions.retain(|x| x.date >= history);
    r.audits.retain(|x| x.due >= history);
    r.complaints.retain(|x| x.received >= history);
    r.allocations.retain(|x| kept(x.end));
}
