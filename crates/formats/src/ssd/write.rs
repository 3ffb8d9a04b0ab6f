//! Writes every record kind to its SSD table (or extension table), one streaming pass per table.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use sightline_model::CaseRecords;
use sightline_model::records::*;

use super::codes;
use super::json;
use super::schema::*;
use super::table::TableWriter;
use crate::FormatError;

/// The immigration status that marks an unaccompanied asylum-seeking child.
pub(crate) const UASC_STATUS: &str = "UASC";
/// The linked-identifier type that holds a former UPN.
pub(crate) const FORMER_UPN: &str = "Former UPN";
/// The address type of a child's home address.
pub(crate) const HOME_ADDRESS: &str = "HOME";

/// Writes all tables into `dir` (which must exist) and returns the files in table order.
pub(crate) fn write_tables(dir: &Path, records: &CaseRecords) -> Result<Vec<PathBuf>, FormatError> {
    let mut files = Vec::with_capacity(CARRIED.len());
    files.extend(write_people(dir, &records.children)?);
    files.push(write_contacts(dir, &records.contacts)?);
    files.push(write_early_help(dir, &records.early_help)?);
    files.push(write_referrals(dir, &records.referrals)?);
    files.extend(write_assessments(dir, &records.assessments)?);
    files.push(write_cin_plans(dir, &records.cin_plans)?);
    files.extend(write_visits(dir, &records.visits)?);
    files.push(write_section47s(dir, &records.section47s)?);
    files.extend(write_conferences(dir, records)?);
    files.push(write_cp_plans(dir, records)?);
    files.extend(super::cla::write_episodes(dir, &records.cla_episodes)?);
    files.push(write_cla_reviews(dir, &records.cla_reviews)?);
    files.push(write_missing(dir, &records.missing)?);
    files.push(write_care_leavers(dir, records)?);
    files.push(write_permanence(dir, &records.permanence)?);
    files.push(write_previous_permanence(
        dir,
        &records.previous_permanence,
    )?);
    files.push(write_workers(dir, records)?);
    files.push(write_teams(dir, &records.teams)?);
    files.push(write_allocations(dir, records)?);
    files.push(write_strategy_discussions(
        dir,
        &records.strategy_discussions,
    )?);
    files.push(write_core_groups(dir, &records.core_groups)?);
    files.push(write_cin_plan_reviews(dir, &records.cin_plan_reviews)?);
    files.push(write_pathway_plans(dir, &records.pathway_plans)?);
    files.push(write_health_outcomes(dir, &records.health_outcomes)?);
    files.push(write_supervisions(dir, &records.supervisions)?);
    files.push(write_audits(dir, &records.audits)?);
    files.push(write_complaints(dir, &records.complaints)?);
    files.push(write_foster_households(dir, &records.foster_households)?);
    files.push(write_private_fostering(dir, &records.private_fostering)?);
    files.push(write_lado(dir, &records.lado_allegations)?);
    Ok(files)
}

/// A child becomes one `ssd_person` row plus rows in the tables that hold its repeating or
/// optional parts; those rows get sequential ids, as SSD row ids carry no meaning.
fn write_people(dir: &Path, children: &[Child]) -> Result<Vec<PathBuf>, FormatError> {
    let mut person = TableWriter::create(dir, &PERSON)?;
    let mut address = TableWriter::create(dir, &ADDRESS)?;
    let mut disability = TableWriter::create(dir, &DISABILITY)?;
    let mut immigration = TableWriter::create(dir, &IMMIGRATION_STATUS)?;
    let mut mother = TableWriter::create(dir, &MOTHER)?;
    let mut linked = TableWriter::create(dir, &LINKED_IDENTIFIERS)?;
    let (mut n_address, mut n_disability, mut n_immigration, mut n_mother, mut n_linked) =
        (0u64, 0u64, 0u64, 0u64, 0u64);
    for c in children {
        let id = c.id.as_str();
        person
            .blank()
            .text(id)
            .opt_text(c.upn.as_ref().map(|u| u.as_str()))
            .blank()
            .blank()
            .text(c.sex.code())
            .blank()
            .text(c.ethnicity.code())
            .opt_date(c.date_of_birth)
            .blank()
            .opt_text(c.upn_unknown.map(|u| u.code()))
            .blank()
            .opt_date(c.expected_date_of_birth)
            .opt_date(c.date_of_death)
            .flag(c.motherhood.is_some())
            .blank()
            .opt_text(c.locality.as_ref().map(|l| l.0.as_str()));
        person.end_row()?;
        if let Some(postcode) = &c.home_postcode {
            n_address += 1;
            address
                .number(n_address)
                .text(id)
                .text(HOME_ADDRESS)
                .blank()
                .blank()
                .text(postcode.as_str())
                .blank();
            address.end_row()?;
        }
        for d in &c.disabilities {
            n_disability += 1;
            disability.number(n_disability).text(id).text(d.code());
            disability.end_row()?;
        }
        if let Some(uasc) = &c.uasc {
            n_immigration += 1;
            immigration
                .number(n_immigration)
                .text(id)
                .opt_date(uasc.from)
                .opt_date(uasc.ceased)
                .text(UASC_STATUS);
            immigration.end_row()?;
        }
        if let Some(Motherhood {
            first_child_born: Some(born),
        }) = &c.motherhood
        {
            n_mother += 1;
            mother.number(n_mother).text(id).blank().date(*born);
            mother.end_row()?;
        }
        if let Some(former) = &c.former_upn {
            n_linked += 1;
            linked
                .number(n_linked)
                .text(id)
                .text(FORMER_UPN)
                .text(former.as_str())
                .blank()
                .blank();
            linked.end_row()?;
        }
    }
    Ok(vec![
        person.finish()?,
        address.finish()?,
        disability.finish()?,
        immigration.finish()?,
        mother.finish()?,
        linked.finish()?,
    ])
}

fn flag_json(key: &str, value: bool) -> String {
    format!(r#"{{"{key}":"{}"}}"#, super::cells::flag_text(value))
}

fn write_contacts(dir: &Path, contacts: &[Contact]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &CONTACTS)?;
    // One JSON text per outcome, built once rather than per row.
    let outcome_json: HashMap<ContactOutcome, String> = [
        ContactOutcome::NoFurtherAction,
        ContactOutcome::Signposting,
        ContactOutcome::EarlyHelp,
        ContactOutcome::Referral,
    ]
    .into_iter()
    .map(|o| (o, flag_json(codes::contact_outcome_flag(o), true)))
    .collect();
    for c in contacts {
        w.text(c.id.as_str())
            .text(c.child.as_str())
            .date(c.date)
            .text(c.source.code())
            .text(c.source.description())
            .opt_text(outcome_json.get(&c.outcome).map(String::as_str));
        w.end_row()?;
    }
    w.finish()
}

fn write_early_help(dir: &Path, episodes: &[EarlyHelpEpisode]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &EARLY_HELP)?;
    for e in episodes {
        let reason = (e.step == Some(StepChange::StepDown)).then_some(codes::STEP_DOWN_REASON);
        let end_reason = (e.step == Some(StepChange::StepUp)).then_some(codes::STEP_UP_REASON);
        w.text(e.id.as_str())
            .text(e.child.as_str())
            .date(e.start)
            .opt_date(e.end)
            .opt_text(reason)
            .opt_text(end_reason)
            .opt_text(e.organisation.as_deref())
            .opt_text(e.worker.as_ref().map(|w| w.as_str()))
            .opt_text(e.locality.as_ref().map(|l| l.0.as_str()));
        w.end_row()?;
    }
    w.finish()
}

fn write_referrals(dir: &Path, referrals: &[Referral]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &CIN_EPISODES)?;
    for r in referrals {
        w.text(r.id.as_str())
            .text(r.child.as_str())
            .date(r.date)
            .opt_text(r.primary_need.map(|n| n.code()))
            .text(r.source.code())
            .text(r.source.description())
            .blank()
            .flag(r.nfa)
            .opt_text(r.closure_reason.map(|c| c.code()))
            .opt_date(r.closure_date)
            .opt_text(r.team.as_ref().map(|t| t.as_str()))
            .blank();
        w.end_row()?;
    }
    w.finish()
}

fn write_assessments(dir: &Path, assessments: &[Assessment]) -> Result<Vec<PathBuf>, FormatError> {
    let mut w = TableWriter::create(dir, &CIN_ASSESSMENTS)?;
    let mut factors = TableWriter::create(dir, &ASSESSMENT_FACTORS)?;
    let mut n_factors = 0u64;
    for a in assessments {
        let outcome = a
            .outcome
            .map(|o| flag_json(codes::assessment_outcome_flag(o), true));
        let nfa = a.outcome.map(|o| o == AssessmentOutcome::NoFurtherAction);
        w.text(a.id.as_str())
            .text(a.child.as_str())
            .text(a.referral.as_str())
            .date(a.start)
            .blank()
            .opt_date(a.authorised)
            .opt_text(outcome.as_deref())
            .opt_flag(nfa)
            .blank()
            .opt_text(a.worker.as_ref().map(|w| w.as_str()));
        w.end_row()?;
        if !a.factors.is_empty() {
            n_factors += 1;
            let list = json::string_array(a.factors.iter().map(|f| f.code()));
            factors.number(n_factors).text(a.id.as_str()).text(&list);
            factors.end_row()?;
        }
    }
    Ok(vec![w.finish()?, factors.finish()?])
}

fn write_cin_plans(dir: &Path, plans: &[CinPlan]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &CIN_PLANS)?;
    for p in plans {
        w.text(p.id.as_str())
            .text(p.referral.as_str())
            .text(p.child.as_str())
            .date(p.start)
            .opt_date(p.end)
            .blank()
            .blank();
        w.end_row()?;
    }
    w.finish()
}

/// Visits go to the CIN, CP or CLA visit table by kind; `x_order` keeps their interleaving.
fn write_visits(dir: &Path, visits: &[Visit]) -> Result<Vec<PathBuf>, FormatError> {
    let mut cin = TableWriter::create(dir, &CIN_VISITS)?;
    let mut cp = TableWriter::create(dir, &CP_VISITS)?;
    let mut cla = TableWriter::create(dir, &CLA_VISITS)?;
    for (order, v) in visits.iter().enumerate() {
        let worker = v.worker.as_ref().map(|w| w.as_str());
        match v.kind {
            VisitKind::ChildInNeed => {
                cin.text(v.id.as_str())
                    .text(v.child.as_str())
                    .date(v.date)
                    .flag(v.seen)
                    .flag(v.seen_alone)
                    .blank()
                    .opt_text(worker)
                    .number(order);
                cin.end_row()?;
            }
            VisitKind::ChildProtection => {
                cp.text(v.id.as_str())
                    .text(v.child.as_str())
                    .blank()
                    .date(v.date)
                    .flag(v.seen)
                    .flag(v.seen_alone)
                    .blank()
                    .opt_text(worker)
                    .number(order);
                cp.end_row()?;
            }
            VisitKind::LookedAfter => {
                cla.text(v.id.as_str())
                    .blank()
                    .text(v.child.as_str())
                    .date(v.date)
                    .flag(v.seen)
                    .flag(v.seen_alone)
                    .opt_text(worker)
                    .number(order);
                cla.end_row()?;
            }
        }
    }
    Ok(vec![cin.finish()?, cp.finish()?, cla.finish()?])
}

fn write_section47s(dir: &Path, enquiries: &[Section47]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &S47_ENQUIRY)?;
    for s in enquiries {
        let mut outcome = format!(
            r#"{{"{}":"{}""#,
            codes::CP_CONFERENCE_FLAG,
            super::cells::flag_text(s.icpc_required)
        );
        if let Some(o) = s.outcome {
            outcome.push_str(&format!(r#","{}":"Y""#, codes::s47_outcome_flag(o)));
        }
        outcome.push('}');
        w.text(s.id.as_str())
            .text(s.referral.as_str())
            .text(s.child.as_str())
            .date(s.start)
            .opt_date(s.end)
            .opt_flag(s.outcome.map(|o| o == S47Outcome::NoFurtherAction))
            .text(&outcome)
            .blank()
            .blank()
            .opt_text(s.strategy_discussion.as_ref().map(|d| d.as_str()))
            .opt_date(s.icpc_target);
        w.end_row()?;
    }
    w.finish()
}

/// Initial and transfer-in conferences go to `ssd_initial_cp_conference`, reviews to
/// `ssd_cp_reviews`; `x_order` keeps their interleaving.
fn write_conferences(dir: &Path, records: &CaseRecords) -> Result<Vec<PathBuf>, FormatError> {
    let targets: HashMap<&str, _> = records
        .section47s
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.icpc_target?)))
        .collect();
    let mut initial = TableWriter::create(dir, &INITIAL_CP_CONFERENCE)?;
    let mut review = TableWriter::create(dir, &CP_REVIEWS)?;
    for (order, c) in records.conferences.iter().enumerate() {
        let s47 = c.s47.as_ref().map(|s| s.as_str());
        let plan = c.plan.as_ref().map(|p| p.as_str());
        match c.kind {
            ConferenceKind::Initial | ConferenceKind::TransferIn => {
                initial
                    .text(c.id.as_str())
                    .blank()
                    .opt_text(s47)
                    .text(c.child.as_str())
                    .opt_text(plan)
                    .text(c.referral.as_str())
                    .flag(c.kind == ConferenceKind::TransferIn)
                    .opt_date(s47.and_then(|s| targets.get(s).copied()))
                    .date(c.date)
                    .flag(c.plan_decided)
                    .blank()
                    .blank()
                    .blank()
                    .number(order);
                initial.end_row()?;
            }
            ConferenceKind::Review => {
                review
                    .text(c.id.as_str())
                    .text(c.child.as_str())
                    .opt_text(plan)
                    .blank()
                    .date(c.date)
                    .blank()
                    .flag(c.plan_decided)
                    .blank()
                    .blank()
                    .text(c.referral.as_str())
                    .opt_text(s47)
                    .number(order);
                review.end_row()?;
            }
        }
    }
    Ok(vec![initial.finish()?, review.finish()?])
}

fn write_cp_plans(dir: &Path, records: &CaseRecords) -> Result<PathBuf, FormatError> {
    // The standard `cppl_icpc_id` names the conference that started the plan.
    let started_by: HashMap<&str, &str> = records
        .conferences
        .iter()
        .filter(|c| c.kind != ConferenceKind::Review)
        .filter_map(|c| Some((c.plan.as_ref()?.as_str(), c.id.as_str())))
        .collect();
    let mut w = TableWriter::create(dir, &CP_PLANS)?;
    for p in &records.cp_plans {
        w.text(p.id.as_str())
            .text(p.referral.as_str())
            .opt_text(started_by.get(p.id.as_str()).copied())
            .text(p.child.as_str())
            .date(p.start)
            .opt_date(p.end)
            .blank()
            .text(p.initial_category.code())
            .text(p.latest_category.code())
            .number(p.previous_plans);
        w.end_row()?;
    }
    w.finish()
}

fn write_cla_reviews(dir: &Path, reviews: &[ClaReview]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &CLA_REVIEWS)?;
    for r in reviews {
        w.text(r.id.as_str())
            .blank()
            .text(r.child.as_str())
            .blank()
            .date(r.date)
            .blank()
            .text(r.participation.code());
        w.end_row()?;
    }
    w.finish()
}

fn write_missing(dir: &Path, missing: &[MissingEpisode]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &MISSING)?;
    for m in missing {
        w.text(m.id.as_str())
            .text(m.child.as_str())
            .date(m.start)
            .text(m.kind.code())
            .opt_date(m.end)
            .flag(m.rhi_offered.is_some())
            .flag(m.rhi_completed.is_some())
            .opt_date(m.rhi_offered)
            .opt_date(m.rhi_completed);
        w.end_row()?;
    }
    w.finish()
}

/// Splits a care leaver accommodation code into the SSD's type letter and suitability.
fn accommodation_parts(
    code: sightline_model::codes::Accommodation,
) -> (&'static str, &'static str) {
    let text = code.code();
    let suitability = match code.is_suitable() {
        Some(true) => "Suitable",
        Some(false) => "Unsuitable",
        None => "",
    };
    (text.get(..1).unwrap_or(text), suitability)
}

fn write_care_leavers(dir: &Path, records: &CaseRecords) -> Result<PathBuf, FormatError> {
    // The standard columns for the latest pathway plan and adviser are filled for SSD users;
    // the plans themselves travel in `ssdx_pathway_plans`.
    let mut latest_plan: HashMap<&str, &PathwayPlan> = HashMap::new();
    for p in &records.pathway_plans {
        let slot = latest_plan.entry(p.child.as_str()).or_insert(p);
        if p.date >= slot.date {
            *slot = p;
        }
    }
    let mut w = TableWriter::create(dir, &CARE_LEAVERS)?;
    for c in &records.care_leavers {
        let (kind, suitable) = accommodation_parts(c.accommodation);
        let plan = latest_plan.get(c.child.as_str());
        w.text(c.id.as_str())
            .text(c.child.as_str())
            .blank()
            .text(c.in_touch.code())
            .opt_date(c.contact_date)
            .text(kind)
            .text(suitable)
            .text(c.activity.code())
            .opt_date(plan.map(|p| p.date))
            .opt_text(
                plan.and_then(|p| p.personal_adviser.as_ref())
                    .map(|a| a.as_str()),
            )
            .blank()
            .blank()
            .number(c.birthday_age);
        w.end_row()?;
    }
    w.finish()
}

fn write_permanence(dir: &Path, records: &[Permanence]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &PERMANENCE)?;
    for p in records {
        let a = p.adopters.as_ref();
        w.text(p.id.as_str())
            .text(p.child.as_str())
            .blank()
            .opt_date(p.adm_decision)
            .blank()
            .blank()
            .blank()
            .blank()
            .opt_date(p.placement_order)
            .opt_date(p.matched)
            .opt_text(a.map(|a| a.sex.code()))
            .opt_text(a.map(|a| a.legal_status.code()))
            .opt_number(a.map(|a| a.count))
            .opt_date(p.placed_for_adoption)
            .opt_flag(a.map(|a| a.foster_carers))
            .blank()
            .blank()
            .blank()
            .opt_date(p.decision_reversed)
            .opt_text(p.reversal_reason.map(|r| r.code()))
            .opt_date(p.order_date)
            .opt_text(p.order.map(codes::order_text))
            .blank()
            .opt_date(p.plan_date);
        w.end_row()?;
    }
    w.finish()
}

/// Formats a 903 partial date as `dd/mm/yyyy` with `zz` for each unknown part.
pub(crate) fn partial_date_text(date: &PartialDate) -> String {
    let day = date.day.map_or("zz".to_owned(), |d| format!("{d:02}"));
    let month = date.month.map_or("zz".to_owned(), |m| format!("{m:02}"));
    let year = date.year.map_or("zzzz".to_owned(), |y| format!("{y:04}"));
    format!("{day}/{month}/{year}")
}

fn write_previous_permanence(
    dir: &Path,
    records: &[PreviousPermanenceRecord],
) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &PREVIOUS_PERMANENCE)?;
    for (n, p) in records.iter().enumerate() {
        w.number(n + 1)
            .text(p.child.as_str())
            .text(p.kind.code())
            .opt_text(p.la.as_deref())
            .opt_text(p.date.as_ref().map(partial_date_text).as_deref());
        w.end_row()?;
    }
    w.finish()
}

fn write_workers(dir: &Path, records: &CaseRecords) -> Result<PathBuf, FormatError> {
    let team_names: HashMap<&str, &str> = records
        .teams
        .iter()
        .map(|t| (t.id.as_str(), t.name.as_str()))
        .collect();
    let mut w = TableWriter::create(dir, &PROFESSIONALS)?;
    for p in &records.workers {
        w.text(p.id.as_str())
            .blank()
            .blank()
            .blank()
            .flag(p.agency)
            .text(codes::role_job_title(p.role))
            .blank()
            .opt_text(team_names.get(p.team.as_str()).copied())
            .number(p.fte)
            .text(p.team.as_str())
            .text(codes::role_text(p.role))
            .date(p.start)
            .opt_date(p.end);
        w.end_row()?;
    }
    w.finish()
}

fn write_teams(dir: &Path, teams: &[Team]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &DEPARTMENT)?;
    for t in teams {
        w.text(t.id.as_str())
            .text(&t.name)
            .blank()
            .blank()
            .text(codes::service_text(t.service))
            .opt_text(t.locality.as_ref().map(|l| l.0.as_str()));
        w.end_row()?;
    }
    w.finish()
}

fn write_allocations(dir: &Path, records: &CaseRecords) -> Result<PathBuf, FormatError> {
    let team_of: HashMap<&str, &str> = records
        .workers
        .iter()
        .map(|w| (w.id.as_str(), w.team.as_str()))
        .collect();
    let mut w = TableWriter::create(dir, &INVOLVEMENTS)?;
    for a in &records.allocations {
        w.text(a.id.as_str())
            .text(a.worker.as_str())
            .text("CW")
            .opt_text(team_of.get(a.worker.as_str()).copied())
            .text(a.child.as_str())
            .date(a.start)
            .opt_date(a.end)
            .opt_text(a.reason.map(|r| r.code()))
            .blank();
        w.end_row()?;
    }
    w.finish()
}

fn write_strategy_discussions(
    dir: &Path,
    discussions: &[StrategyDiscussion],
) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_STRATEGY_DISCUSSIONS)?;
    for d in discussions {
        w.text(d.id.as_str())
            .text(d.child.as_str())
            .text(d.referral.as_str())
            .date(d.date)
            .flag(d.s47_started);
        w.end_row()?;
    }
    w.finish()
}

fn write_core_groups(dir: &Path, groups: &[CoreGroup]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_CORE_GROUPS)?;
    for g in groups {
        w.text(g.id.as_str())
            .text(g.child.as_str())
            .text(g.plan.as_str())
            .date(g.date);
        w.end_row()?;
    }
    w.finish()
}

fn write_cin_plan_reviews(dir: &Path, reviews: &[CinPlanReview]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_CIN_PLAN_REVIEWS)?;
    for r in reviews {
        w.text(r.id.as_str())
            .text(r.child.as_str())
            .text(r.plan.as_str())
            .date(r.date);
        w.end_row()?;
    }
    w.finish()
}

fn write_pathway_plans(dir: &Path, plans: &[PathwayPlan]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_PATHWAY_PLANS)?;
    for p in plans {
        w.text(p.id.as_str())
            .text(p.child.as_str())
            .date(p.date)
            .opt_text(p.personal_adviser.as_ref().map(|a| a.as_str()));
        w.end_row()?;
    }
    w.finish()
}

fn write_health_outcomes(
    dir: &Path,
    outcomes: &[ClaHealthOutcome],
) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_HEALTH_OUTCOMES)?;
    for (n, h) in outcomes.iter().enumerate() {
        w.number(n + 1)
            .text(h.child.as_str())
            .number(h.year_ending)
            .opt_number(h.sdq_score)
            .opt_text(h.sdq_reason.map(|r| r.code()))
            .opt_flag(h.convicted)
            .opt_flag(h.health_check)
            .opt_flag(h.immunisations)
            .opt_flag(h.teeth_check)
            .opt_flag(h.health_assessment)
            .opt_flag(h.substance_misuse)
            .opt_flag(h.intervention_received)
            .opt_flag(h.intervention_offered);
        w.end_row()?;
    }
    w.finish()
}

fn write_supervisions(dir: &Path, supervisions: &[Supervision]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_SUPERVISIONS)?;
    for s in supervisions {
        w.text(s.id.as_str())
            .text(s.worker.as_str())
            .opt_text(s.child.as_ref().map(|c| c.as_str()))
            .date(s.date);
        w.end_row()?;
    }
    w.finish()
}

fn write_audits(dir: &Path, audits: &[CaseAudit]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_AUDITS)?;
    for a in audits {
        w.text(a.id.as_str())
            .text(a.child.as_str())
            .opt_text(a.worker.as_ref().map(|w| w.as_str()))
            .date(a.due)
            .opt_date(a.completed)
            .opt_text(a.grade.map(codes::grade_text));
        w.end_row()?;
    }
    w.finish()
}

fn write_complaints(dir: &Path, complaints: &[Complaint]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_COMPLAINTS)?;
    for c in complaints {
        w.text(c.id.as_str())
            .opt_text(c.child.as_ref().map(|c| c.as_str()))
            .date(c.received)
            .opt_date(c.responded);
        w.end_row()?;
    }
    w.finish()
}

fn write_foster_households(
    dir: &Path,
    households: &[FosterHousehold],
) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_FOSTER_HOUSEHOLDS)?;
    for h in households {
        w.text(h.id.as_str())
            .text(codes::household_text(h.kind))
            .date(h.approved)
            .opt_date(h.deregistered)
            .number(h.places);
        w.end_row()?;
    }
    w.finish()
}

fn write_private_fostering(
    dir: &Path,
    arrangements: &[PrivateFostering],
) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_PRIVATE_FOSTERING)?;
    for p in arrangements {
        w.text(p.id.as_str())
            .text(p.child.as_str())
            .date(p.notified)
            .date(p.start)
            .opt_date(p.end)
            .opt_date(p.assessed);
        w.end_row()?;
    }
    w.finish()
}

fn write_lado(dir: &Path, allegations: &[LadoAllegation]) -> Result<PathBuf, FormatError> {
    let mut w = TableWriter::create(dir, &X_LADO_ALLEGATIONS)?;
    for l in allegations {
        w.text(l.id.as_str())
            .opt_text(l.child.as_ref().map(|c| c.as_str()))
            .date(l.received)
            .opt_date(l.concluded)
            .opt_text(l.outcome.map(codes::lado_text));
        w.end_row()?;
    }
    w.finish()
}
