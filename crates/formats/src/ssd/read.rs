//! Reads SSD tables back into [`CaseRecords`]: one streaming pass per file, then the joins
//! (a child's disabilities, addresses and identifiers; an assessment's factors; episodes).

use std::borrow::Cow;
use std::collections::HashMap;
use std::path::PathBuf;

use sightline_model::CaseRecords;
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;

use super::codes;
use super::json;
use super::schema::*;
use super::table::{Col, IdMap, Row, TableReader, TableSpec};
use super::write::{FORMER_UPN, HOME_ADDRESS, UASC_STATUS};
use crate::FormatError;

/// The files of each table, in the order given.
pub(crate) struct TableFiles {
    files: HashMap<&'static str, Vec<PathBuf>>,
}

impl TableFiles {
    pub(crate) fn new() -> TableFiles {
        TableFiles {
            files: HashMap::new(),
        }
    }

    pub(crate) fn add(&mut self, table: &'static str, file: PathBuf) {
        self.files.entry(table).or_default().push(file);
    }

    fn of(&self, spec: &TableSpec) -> &[PathBuf] {
        self.files.get(spec.name).map_or(&[], Vec::as_slice)
    }
}

/// Reads every row of every file of `spec`, handing each row to `each`.
fn for_each_row(
    files: &TableFiles,
    spec: &'static TableSpec,
    mut each: impl FnMut(&Cols, &Row<'_>) -> Result<(), FormatError>,
) -> Result<(), FormatError> {
    for file in files.of(spec) {
        let mut t = TableReader::open(file, spec)?;
        let cols = Cols { spec };
        while let Some(row) = t.next_row()? {
            each(&cols, &row)?;
        }
    }
    Ok(())
}

/// Looks columns up by name in a table's declaration.
struct Cols {
    spec: &'static TableSpec,
}

impl Cols {
    fn get(&self, name: &str) -> Col {
        self.spec.col(name)
    }
}

fn record_id(row: &Row<'_>, col: Col) -> Result<RecordId, FormatError> {
    row.required_text(col).map(RecordId::new)
}

fn child_id(row: &Row<'_>, col: Col) -> Result<ChildId, FormatError> {
    row.required_text(col).map(ChildId::new)
}

fn opt_child_id(row: &Row<'_>, col: Col) -> Result<Option<ChildId>, FormatError> {
    Ok(row.opt_text(col)?.map(ChildId::new))
}

fn opt_record_id(row: &Row<'_>, col: Col) -> Result<Option<RecordId>, FormatError> {
    Ok(row.opt_text(col)?.map(RecordId::new))
}

fn opt_worker_id(row: &Row<'_>, col: Col) -> Result<Option<WorkerId>, FormatError> {
    Ok(row.opt_text(col)?.map(WorkerId::new))
}

/// The keys of the flags set to yes in a JSON outcome cell.
fn set_flags<'r>(row: &Row<'r>, col: Col) -> Result<Vec<Cow<'r, str>>, FormatError> {
    let Some(text) = row.opt_text(col)? else {
        return Ok(Vec::new());
    };
    let pairs = json::parse_flat_object(text).map_err(|m| row.error(col, text, m))?;
    Ok(pairs
        .into_iter()
        .filter(|(_, v)| super::cells::parse_flag(v) == Ok(true))
        .map(|(k, _)| k)
        .collect())
}

/// Reads every table present in `files` into one set of records.
pub(crate) fn read_tables(files: &TableFiles) -> Result<CaseRecords, FormatError> {
    let __t = std::time::Instant::now();
    let mut r = CaseRecords {
        children: read_people(files)?,
        ..CaseRecords::default()
    };
    eprintln!("people {:?}", __t.elapsed());
    let __t = std::time::Instant::now();
    read_contacts(files, &mut r.contacts)?;
    eprintln!("{:>30} {:?}", "read_contacts(files, &mut r.co", __t.elapsed());
    let __t = std::time::Instant::now();
    read_early_help(files, &mut r.early_help)?;
    eprintln!("{:>30} {:?}", "read_early_help(files, &mut r.", __t.elapsed());
    let __t = std::time::Instant::now();
    read_referrals(files, &mut r.referrals)?;
    eprintln!("{:>30} {:?}", "read_referrals(files, &mut r.r", __t.elapsed());
    let __t = std::time::Instant::now();
    r.assessments = read_assessments(files)?;
    eprintln!("{:>30} {:?}", "r.assessments = read_assessmen", __t.elapsed());
    let __t = std::time::Instant::now();
    read_cin_plans(files, &mut r.cin_plans)?;
    eprintln!("{:>30} {:?}", "read_cin_plans(files, &mut r.c", __t.elapsed());
    let __t = std::time::Instant::now();
    r.visits = read_visits(files)?;
    eprintln!("{:>30} {:?}", "r.visits = read_visits(files)?", __t.elapsed());
    let __t = std::time::Instant::now();
    read_section47s(files, &mut r.section47s)?;
    eprintln!("{:>30} {:?}", "read_section47s(files, &mut r.", __t.elapsed());
    let __t = std::time::Instant::now();
    r.conferences = read_conferences(files)?;
    eprintln!("{:>30} {:?}", "r.conferences = read_conferenc", __t.elapsed());
    let __t = std::time::Instant::now();
    read_cp_plans(files, &mut r.cp_plans)?;
    eprintln!("{:>30} {:?}", "read_cp_plans(files, &mut r.cp", __t.elapsed());
    r.cla_episodes = super::cla::read_episodes(
        files.of(&CLA_EPISODES),
        files.of(&CLA_PLACEMENT),
        files.of(&LEGAL_STATUS),
    )?;
    let __t = std::time::Instant::now();
    read_cla_reviews(files, &mut r.cla_reviews)?;
    eprintln!("{:>30} {:?}", "read_cla_reviews(files, &mut r", __t.elapsed());
    let __t = std::time::Instant::now();
    read_missing(files, &mut r.missing)?;
    eprintln!("{:>30} {:?}", "read_missing(files, &mut r.mis", __t.elapsed());
    let __t = std::time::Instant::now();
    read_care_leavers(files, &mut r.care_leavers)?;
    eprintln!("{:>30} {:?}", "read_care_leavers(files, &mut ", __t.elapsed());
    let __t = std::time::Instant::now();
    read_permanence(files, &mut r.permanence)?;
    eprintln!("{:>30} {:?}", "read_permanence(files, &mut r.", __t.elapsed());
    let __t = std::time::Instant::now();
    read_previous_permanence(files, &mut r.previous_permanence)?;
    eprintln!("{:>30} {:?}", "read_previous_permanence(files", __t.elapsed());
    let __t = std::time::Instant::now();
    read_workers(files, &mut r.workers)?;
    eprintln!("{:>30} {:?}", "read_workers(files, &mut r.wor", __t.elapsed());
    let __t = std::time::Instant::now();
    read_teams(files, &mut r.teams)?;
    eprintln!("{:>30} {:?}", "read_teams(files, &mut r.teams", __t.elapsed());
    let __t = std::time::Instant::now();
    read_allocations(files, &mut r.allocations)?;
    eprintln!("{:>30} {:?}", "read_allocations(files, &mut r", __t.elapsed());
    let __t = std::time::Instant::now();
    read_strategy_discussions(files, &mut r.strategy_discussions)?;
    eprintln!("{:>30} {:?}", "read_strategy_discussions(file", __t.elapsed());
    let __t = std::time::Instant::now();
    read_core_groups(files, &mut r.core_groups)?;
    eprintln!("{:>30} {:?}", "read_core_groups(files, &mut r", __t.elapsed());
    let __t = std::time::Instant::now();
    read_cin_plan_reviews(files, &mut r.cin_plan_reviews)?;
    eprintln!("{:>30} {:?}", "read_cin_plan_reviews(files, &", __t.elapsed());
    let __t = std::time::Instant::now();
    read_pathway_plans(files, &mut r.pathway_plans)?;
    eprintln!("{:>30} {:?}", "read_pathway_plans(files, &mut", __t.elapsed());
    let __t = std::time::Instant::now();
    read_health_outcomes(files, &mut r.health_outcomes)?;
    eprintln!("{:>30} {:?}", "read_health_outcomes(files, &m", __t.elapsed());
    let __t = std::time::Instant::now();
    read_supervisions(files, &mut r.supervisions)?;
    eprintln!("{:>30} {:?}", "read_supervisions(files, &mut ", __t.elapsed());
    let __t = std::time::Instant::now();
    read_audits(files, &mut r.audits)?;
    eprintln!("{:>30} {:?}", "read_audits(files, &mut r.audi", __t.elapsed());
    let __t = std::time::Instant::now();
    read_complaints(files, &mut r.complaints)?;
    eprintln!("{:>30} {:?}", "read_complaints(files, &mut r.", __t.elapsed());
    let __t = std::time::Instant::now();
    read_foster_households(files, &mut r.foster_households)?;
    eprintln!("{:>30} {:?}", "read_foster_households(files, ", __t.elapsed());
    let __t = std::time::Instant::now();
    read_private_fostering(files, &mut r.private_fostering)?;
    eprintln!("{:>30} {:?}", "read_private_fostering(files, ", __t.elapsed());
    let __t = std::time::Instant::now();
    read_lado(files, &mut r.lado_allegations)?;
    eprintln!("{:>30} {:?}", "read_lado(files, &mut r.lado_a", __t.elapsed());
    Ok(r)
}

fn read_people(files: &TableFiles) -> Result<Vec<Child>, FormatError> {
    let mut children = Vec::new();
    let mut index: IdMap<String, usize> = IdMap::default();
    for_each_row(files, &PERSON, |c, row| {
        let id_col = c.get("pers_person_id");
        let id = row.required_text(id_col)?;
        if index.insert(id.to_owned(), children.len()).is_some() {
            return Err(row.error(id_col, id, "duplicate person id"));
        }
        let is_mother = row.opt_flag(c.get("pers_is_mother"))?.unwrap_or(false);
        children.push(Child {
            id: ChildId::new(id),
            upn: row.opt_text(c.get("pers_upn"))?.map(Upn::new),
            upn_unknown: row.opt_code(
                c.get("pers_upn_unknown"),
                "UpnUnknown",
                UpnUnknown::from_code,
            )?,
            former_upn: None,
            sex: row
                .opt_code(c.get("pers_sex"), "Sex", Sex::from_code)?
                .unwrap_or(Sex::Unknown),
            date_of_birth: row.opt_date(c.get("pers_dob"))?,
            expected_date_of_birth: row.opt_date(c.get("pers_expected_dob"))?,
            date_of_death: row.opt_date(c.get("pers_death_date"))?,
            ethnicity: row
                .opt_code(c.get("pers_ethnicity"), "Ethnicity", Ethnicity::from_code)?
                .unwrap_or(Ethnicity::NOBT),
            disabilities: Vec::new(),
            uasc: None,
            home_postcode: None,
            locality: row
                .opt_text(c.get("pers_x_locality"))?
                .map(|l| Locality(l.to_owned())),
            motherhood: is_mother.then_some(Motherhood {
                first_child_born: None,
            }),
        });
        Ok(())
    })?;

    // Rows of the child's other tables name the child; a row for an unknown child is an error,
    // since the model keeps these details on the child.
    let child_of = |row: &Row<'_>, col: Col| -> Result<usize, FormatError> {
        let id = row.required_text(col)?;
        index
            .get(id)
            .copied()
            .ok_or_else(|| row.error(col, id, "no ssd_person row has this id"))
    };
    let mut updates: Vec<(usize, ChildPart)> = Vec::new();
    for_each_row(files, &DISABILITY, |c, row| {
        let i = child_of(row, c.get("disa_person_id"))?;
        let code = row.code(
            c.get("disa_disability_code"),
            "Disability",
            Disability::from_code,
        )?;
        // NONE marks a child without disabilities; the model stores that as an empty list.
        if code != Disability::NONE {
            updates.push((i, ChildPart::Disability(code)));
        }
        Ok(())
    })?;
    for_each_row(files, &ADDRESS, |c, row| {
        let i = child_of(row, c.get("addr_person_id"))?;
        let kind = row.opt_text(c.get("addr_address_type"))?;
        let current = row.opt_date(c.get("addr_address_end_date"))?.is_none();
        if current
            && kind.is_none_or(|k| k.eq_ignore_ascii_case(HOME_ADDRESS))
            && let Some(pc) = row.opt_text(c.get("addr_address_postcode"))?
        {
            updates.push((i, ChildPart::Postcode(Postcode::normalised(pc))));
        }
        Ok(())
    })?;
    for_each_row(files, &IMMIGRATION_STATUS, |c, row| {
        let i = child_of(row, c.get("immi_person_id"))?;
        let status = row.text(c.get("immi_immigration_status"))?;
        if status.eq_ignore_ascii_case(UASC_STATUS) || status.eq_ignore_ascii_case("U") {
            updates.push((
                i,
                ChildPart::Uasc(UascStatus {
                    from: row.opt_date(c.get("immi_immigration_status_start_date"))?,
                    ceased: row.opt_date(c.get("immi_immigration_status_end_date"))?,
                }),
            ));
        }
        Ok(())
    })?;
    for_each_row(files, &MOTHER, |c, row| {
        let i = child_of(row, c.get("moth_person_id"))?;
        let born = row.opt_date(c.get("moth_childs_dob"))?;
        updates.push((i, ChildPart::FirstChildBorn(born)));
        Ok(())
    })?;
    for_each_row(files, &LINKED_IDENTIFIERS, |c, row| {
        let i = child_of(row, c.get("link_person_id"))?;
        let kind = row.text(c.get("link_identifier_type"))?;
        if kind.eq_ignore_ascii_case(FORMER_UPN)
            && let Some(upn) = row.opt_text(c.get("link_identifier_value"))?
        {
            updates.push((i, ChildPart::FormerUpn(Upn::new(upn))));
        }
        Ok(())
    })?;
    for (i, part) in updates {
        if let Some(child) = children.get_mut(i) {
            part.apply(child);
        }
    }
    Ok(children)
}

/// A detail of a child held in a table other than `ssd_person`.
enum ChildPart {
    Disability(Disability),
    Postcode(Postcode),
    Uasc(UascStatus),
    FirstChildBorn(Option<chrono::NaiveDate>),
    FormerUpn(Upn),
}

impl ChildPart {
    fn apply(self, child: &mut Child) {
        match self {
            ChildPart::Disability(d) => child.disabilities.push(d),
            ChildPart::Postcode(p) => child.home_postcode = Some(p),
            ChildPart::Uasc(u) => child.uasc = Some(u),
            ChildPart::FirstChildBorn(born) => {
                let m = child.motherhood.get_or_insert(Motherhood {
                    first_child_born: None,
                });
                if m.first_child_born.is_none() {
                    m.first_child_born = born;
                }
            }
            ChildPart::FormerUpn(u) => child.former_upn = Some(u),
        }
    }
}

fn read_contacts(files: &TableFiles, out: &mut Vec<Contact>) -> Result<(), FormatError> {
    for_each_row(files, &CONTACTS, |c, row| {
        let flags = set_flags(row, c.get("cont_contact_outcome_json"))?;
        out.push(Contact {
            id: record_id(row, c.get("cont_contact_id"))?,
            child: child_id(row, c.get("cont_person_id"))?,
            date: row.date(c.get("cont_contact_date"))?,
            source: row.code(
                c.get("cont_contact_source_code"),
                "ReferralSource",
                ReferralSource::from_code,
            )?,
            outcome: codes::contact_outcome_from_flags(&flags),
        });
        Ok(())
    })
}

fn read_early_help(files: &TableFiles, out: &mut Vec<EarlyHelpEpisode>) -> Result<(), FormatError> {
    for_each_row(files, &EARLY_HELP, |c, row| {
        let reason = row.text(c.get("earl_episode_reason"))?;
        let end_reason = row.text(c.get("earl_episode_end_reason"))?;
        let step = if end_reason.eq_ignore_ascii_case(codes::STEP_UP_REASON) {
            Some(StepChange::StepUp)
        } else if reason.eq_ignore_ascii_case(codes::STEP_DOWN_REASON) {
            Some(StepChange::StepDown)
        } else {
            None
        };
        out.push(EarlyHelpEpisode {
            id: record_id(row, c.get("earl_episode_id"))?,
            child: child_id(row, c.get("earl_person_id"))?,
            locality: row
                .opt_text(c.get("earl_x_locality"))?
                .map(|l| Locality(l.to_owned())),
            organisation: row
                .opt_text(c.get("earl_episode_organisation"))?
                .map(str::to_owned),
            start: row.date(c.get("earl_episode_start_date"))?,
            end: row.opt_date(c.get("earl_episode_end_date"))?,
            step,
            worker: opt_worker_id(row, c.get("earl_episode_worker_id"))?,
        });
        Ok(())
    })
}

fn read_referrals(files: &TableFiles, out: &mut Vec<Referral>) -> Result<(), FormatError> {
    for_each_row(files, &CIN_EPISODES, |c, row| {
        out.push(Referral {
            id: record_id(row, c.get("cine_referral_id"))?,
            child: child_id(row, c.get("cine_person_id"))?,
            date: row.date(c.get("cine_referral_date"))?,
            source: row.code(
                c.get("cine_referral_source_code"),
                "ReferralSource",
                ReferralSource::from_code,
            )?,
            primary_need: row.opt_code(
                c.get("cine_cin_primary_need_code"),
                "PrimaryNeed",
                PrimaryNeed::from_code,
            )?,
            nfa: row.opt_flag(c.get("cine_referral_nfa"))?.unwrap_or(false),
            closure_date: row.opt_date(c.get("cine_close_date"))?,
            closure_reason: row.opt_code(
                c.get("cine_close_reason"),
                "ReasonForClosure",
                ReasonForClosure::from_code,
            )?,
            team: row.opt_text(c.get("cine_referral_team"))?.map(TeamId::new),
        });
        Ok(())
    })
}

fn read_assessments(files: &TableFiles) -> Result<Vec<Assessment>, FormatError> {
    let mut out = Vec::new();
    let mut index: IdMap<String, usize> = IdMap::default();
    for_each_row(files, &CIN_ASSESSMENTS, |c, row| {
        let id_col = c.get("cina_assessment_id");
        let id = row.required_text(id_col)?;
        if index.insert(id.to_owned(), out.len()).is_some() {
            return Err(row.error(id_col, id, "duplicate assessment id"));
        }
        let flags = set_flags(row, c.get("cina_assessment_outcome_json"))?;
        let mut outcome = codes::assessment_outcome_from_flags(&flags);
        if outcome.is_none() && row.opt_flag(c.get("cina_assessment_outcome_nfa"))? == Some(true) {
            outcome = Some(AssessmentOutcome::NoFurtherAction);
        }
        out.push(Assessment {
            id: RecordId::new(id),
            child: child_id(row, c.get("cina_person_id"))?,
            referral: record_id(row, c.get("cina_referral_id"))?,
            start: row.date(c.get("cina_assessment_start_date"))?,
            authorised: row.opt_date(c.get("cina_assessment_auth_date"))?,
            factors: Vec::new(),
            outcome,
            worker: opt_worker_id(row, c.get("cina_assessment_worker_id"))?,
        });
        Ok(())
    })?;
    for_each_row(files, &ASSESSMENT_FACTORS, |c, row| {
        let id_col = c.get("cinf_assessment_id");
        let id = row.required_text(id_col)?;
        let i = *index
            .get(id)
            .ok_or_else(|| row.error(id_col, id, "no ssd_cin_assessments row has this id"))?;
        let list_col = c.get("cinf_assessment_factors_json");
        let text = row.text(list_col)?;
        let items = if text.is_empty() {
            Vec::new()
        } else {
            json::parse_string_array(text).map_err(|m| row.error(list_col, text, m))?
        };
        for item in items {
            let factor = AssessmentFactor::from_code(&item)
                .ok_or_else(|| row.error(list_col, &item, "not an AssessmentFactor code"))?;
            if let Some(a) = out.get_mut(i) {
                a.factors.push(factor);
            }
        }
        Ok(())
    })?;
    Ok(out)
}

fn read_cin_plans(files: &TableFiles, out: &mut Vec<CinPlan>) -> Result<(), FormatError> {
    for_each_row(files, &CIN_PLANS, |c, row| {
        out.push(CinPlan {
            id: record_id(row, c.get("cinp_cin_plan_id"))?,
            child: child_id(row, c.get("cinp_person_id"))?,
            referral: record_id(row, c.get("cinp_referral_id"))?,
            start: row.date(c.get("cinp_cin_plan_start_date"))?,
            end: row.opt_date(c.get("cinp_cin_plan_end_date"))?,
        });
        Ok(())
    })
}

/// Puts records split over several tables back into their original order, using the `x_order`
/// extension column; rows without it keep table order after the ordered ones.
fn restore_order<T>(mut items: Vec<(Option<u64>, T)>) -> Vec<T> {
    items.sort_by_key(|(order, _)| order.unwrap_or(u64::MAX));
    items.into_iter().map(|(_, item)| item).collect()
}

fn read_visits(files: &TableFiles) -> Result<Vec<Visit>, FormatError> {
    let mut items = Vec::new();
    for (spec, kind, prefix, long) in [
        (&CIN_VISITS, VisitKind::ChildInNeed, "cinv", "cin"),
        (&CP_VISITS, VisitKind::ChildProtection, "cppv", "cp"),
        (&CLA_VISITS, VisitKind::LookedAfter, "clav", "cla"),
    ] {
        // Column names differ only by prefix; resolve them once, not per row.
        let col = |suffix: String| spec.col(&format!("{prefix}_{suffix}"));
        let id = col(format!("{long}_visit_id"));
        let person = col("person_id".into());
        let date = col(format!("{long}_visit_date"));
        let seen = col(format!("{long}_visit_seen"));
        let seen_alone = col(format!("{long}_visit_seen_alone"));
        let worker = col("x_worker_id".into());
        let order = col("x_order".into());
        for_each_row(files, spec, |_, row| {
            let visit = Visit {
                id: record_id(row, id)?,
                child: child_id(row, person)?,
                kind,
                date: row.date(date)?,
                seen: row.opt_flag(seen)?.unwrap_or(false),
                seen_alone: row.opt_flag(seen_alone)?.unwrap_or(false),
                worker: opt_worker_id(row, worker)?,
            };
            items.push((row.opt_whole::<u64>(order)?, visit));
            Ok(())
        })?;
    }
    Ok(restore_order(items))
}

fn read_section47s(files: &TableFiles, out: &mut Vec<Section47>) -> Result<(), FormatError> {
    for_each_row(files, &S47_ENQUIRY, |c, row| {
        let flags = set_flags(row, c.get("s47e_s47_outcome_json"))?;
        let mut outcome = codes::s47_outcome_from_flags(&flags);
        if outcome.is_none() && row.opt_flag(c.get("s47e_s47_nfa"))? == Some(true) {
            outcome = Some(S47Outcome::NoFurtherAction);
        }
        out.push(Section47 {
            id: record_id(row, c.get("s47e_s47_enquiry_id"))?,
            child: child_id(row, c.get("s47e_person_id"))?,
            referral: record_id(row, c.get("s47e_referral_id"))?,
            strategy_discussion: opt_record_id(row, c.get("s47e_x_strategy_discussion_id"))?,
            start: row.date(c.get("s47e_s47_start_date"))?,
            end: row.opt_date(c.get("s47e_s47_end_date"))?,
            icpc_target: row.opt_date(c.get("s47e_x_icpc_target_date"))?,
            icpc_required: flags
                .iter()
                .any(|f| f.eq_ignore_ascii_case(codes::CP_CONFERENCE_FLAG)),
            outcome,
        });
        Ok(())
    })
}

fn read_conferences(files: &TableFiles) -> Result<Vec<ChildProtectionConference>, FormatError> {
    let mut items = Vec::new();
    for_each_row(files, &INITIAL_CP_CONFERENCE, |c, row| {
        let transfer_in = row
            .opt_flag(c.get("icpc_icpc_transfer_in"))?
            .unwrap_or(false);
        let conference = ChildProtectionConference {
            id: record_id(row, c.get("icpc_icpc_id"))?,
            child: child_id(row, c.get("icpc_person_id"))?,
            referral: record_id(row, c.get("icpc_referral_id"))?,
            kind: if transfer_in {
                ConferenceKind::TransferIn
            } else {
                ConferenceKind::Initial
            },
            s47: opt_record_id(row, c.get("icpc_s47_enquiry_id"))?,
            plan: opt_record_id(row, c.get("icpc_cp_plan_id"))?,
            date: row.date(c.get("icpc_icpc_date"))?,
            plan_decided: row
                .opt_flag(c.get("icpc_icpc_outcome_cp_flag"))?
                .unwrap_or(false),
        };
        items.push((row.opt_whole::<u64>(c.get("icpc_x_order"))?, conference));
        Ok(())
    })?;
    for_each_row(files, &CP_REVIEWS, |c, row| {
        let conference = ChildProtectionConference {
            id: record_id(row, c.get("cppr_cp_review_id"))?,
            child: child_id(row, c.get("cppr_person_id"))?,
            referral: record_id(row, c.get("cppr_x_referral_id"))?,
            kind: ConferenceKind::Review,
            s47: opt_record_id(row, c.get("cppr_x_s47_enquiry_id"))?,
            plan: opt_record_id(row, c.get("cppr_cp_plan_id"))?,
            date: row.date(c.get("cppr_cp_review_date"))?,
            plan_decided: row
                .opt_flag(c.get("cppr_cp_review_outcome_continue_cp"))?
                .unwrap_or(false),
        };
        items.push((row.opt_whole::<u64>(c.get("cppr_x_order"))?, conference));
        Ok(())
    })?;
    Ok(restore_order(items))
}

fn read_cp_plans(
    files: &TableFiles,
    out: &mut Vec<ChildProtectionPlan>,
) -> Result<(), FormatError> {
    for_each_row(files, &CP_PLANS, |c, row| {
        out.push(ChildProtectionPlan {
            id: record_id(row, c.get("cppl_cp_plan_id"))?,
            child: child_id(row, c.get("cppl_person_id"))?,
            referral: record_id(row, c.get("cppl_referral_id"))?,
            start: row.date(c.get("cppl_cp_plan_start_date"))?,
            end: row.opt_date(c.get("cppl_cp_plan_end_date"))?,
            initial_category: row.code(
                c.get("cppl_cp_plan_initial_category"),
                "CategoryOfAbuse",
                CategoryOfAbuse::from_code,
            )?,
            latest_category: row.code(
                c.get("cppl_cp_plan_latest_category"),
                "CategoryOfAbuse",
                CategoryOfAbuse::from_code,
            )?,
            previous_plans: row.opt_whole(c.get("cppl_x_previous_plans"))?.unwrap_or(0),
        });
        Ok(())
    })
}

fn read_cla_reviews(files: &TableFiles, out: &mut Vec<ClaReview>) -> Result<(), FormatError> {
    for_each_row(files, &CLA_REVIEWS, |c, row| {
        out.push(ClaReview {
            id: record_id(row, c.get("clar_cla_review_id"))?,
            child: child_id(row, c.get("clar_cla_person_id"))?,
            date: row.date(c.get("clar_cla_review_date"))?,
            participation: row.code(
                c.get("clar_cla_review_participation"),
                "ReviewParticipation",
                ReviewParticipation::from_code,
            )?,
        });
        Ok(())
    })
}

fn read_missing(files: &TableFiles, out: &mut Vec<MissingEpisode>) -> Result<(), FormatError> {
    for_each_row(files, &MISSING, |c, row| {
        let start = row.date(c.get("miss_missing_episode_start_date"))?;
        let end = row.opt_date(c.get("miss_missing_episode_end_date"))?;
        // Standard extracts say only Y/N; the return date (or the start, while still missing)
        // is then the nearest known date of the offer or interview.
        let nearest = end.unwrap_or(start);
        let dated = |date_col: &str, flag_col: &str| -> Result<_, FormatError> {
            match row.opt_date(c.get(date_col))? {
                Some(d) => Ok(Some(d)),
                None => Ok(match row.text(c.get(flag_col))? {
                    t if super::cells::parse_flag(t) == Ok(true) => Some(nearest),
                    _ => None,
                }),
            }
        };
        let kind_col = c.get("miss_missing_episode_type");
        out.push(MissingEpisode {
            id: record_id(row, c.get("miss_table_id"))?,
            child: child_id(row, c.get("miss_person_id"))?,
            kind: row.parse(kind_col, |t| {
                MissingKind::from_code(t)
                    .or_else(|| match t.to_ascii_lowercase().as_str() {
                        "missing" => Some(MissingKind::M),
                        "away" | "absent" => Some(MissingKind::A),
                        _ => None,
                    })
                    .ok_or_else(|| "not a MissingKind code (M or A)".to_owned())
            })?,
            start,
            end,
            rhi_offered: dated("miss_x_rhi_offered_date", "miss_missing_rhi_offered")?,
            rhi_completed: dated("miss_x_rhi_completed_date", "miss_missing_rhi_accepted")?,
        });
        Ok(())
    })
}

/// Joins the SSD's accommodation type and suitability back into one 903 code; a full code in
/// the type column is accepted as it is.
fn accommodation(
    row: &Row<'_>,
    kind_col: Col,
    suitable_col: Col,
) -> Result<Accommodation, FormatError> {
    let kind = row.required_text(kind_col)?;
    if kind.len() > 1 || kind == "0" {
        return row.code(kind_col, "Accommodation", Accommodation::from_code);
    }
    let suitable = row.text(suitable_col)?.to_ascii_lowercase();
    let digit = match suitable.as_str() {
        "suitable" | "1" | "y" | "yes" => "1",
        "unsuitable" | "not suitable" | "2" | "n" | "no" => "2",
        _ => {
            return Err(row.error(
                suitable_col,
                &suitable,
                "not a suitability (Suitable or Unsuitable)",
            ));
        }
    };
    let code = format!("{kind}{digit}");
    Accommodation::from_code(&code).ok_or_else(|| {
        row.error(
            kind_col,
            &code,
            "not an Accommodation code with this suitability",
        )
    })
}

fn read_care_leavers(
    files: &TableFiles,
    out: &mut Vec<CareLeaverContact>,
) -> Result<(), FormatError> {
    for_each_row(files, &CARE_LEAVERS, |c, row| {
        out.push(CareLeaverContact {
            id: record_id(row, c.get("clea_table_id"))?,
            child: child_id(row, c.get("clea_person_id"))?,
            birthday_age: row.whole(c.get("clea_x_birthday_age"))?,
            contact_date: row.opt_date(c.get("clea_care_leaver_latest_contact"))?,
            in_touch: row.code(
                c.get("clea_care_leaver_in_touch"),
                "InTouch",
                InTouch::from_code,
            )?,
            activity: row.code(
                c.get("clea_care_leaver_activity"),
                "Activity",
                Activity::from_code,
            )?,
            accommodation: accommodation(
                row,
                c.get("clea_care_leaver_accommodation"),
                c.get("clea_care_leaver_accom_suitable"),
            )?,
        });
        Ok(())
    })
}

fn read_permanence(files: &TableFiles, out: &mut Vec<Permanence>) -> Result<(), FormatError> {
    for_each_row(files, &PERMANENCE, |c, row| {
        let sex_col = c.get("perm_adopter_sex");
        let sex = row.opt_code(sex_col, "AdopterSex", AdopterSex::from_code)?;
        let legal = row.opt_code(
            c.get("perm_adopter_legal_status"),
            "AdopterLegalStatus",
            AdopterLegalStatus::from_code,
        )?;
        let count = row.opt_whole::<u8>(c.get("perm_number_of_adopters"))?;
        let by_carer = row.opt_flag(c.get("perm_adopted_by_carer_flag"))?;
        let adopters = match (sex, legal, count, by_carer) {
            (Some(sex), Some(legal_status), Some(count), Some(foster_carers)) => Some(Adopters {
                foster_carers,
                count,
                sex,
                legal_status,
            }),
            (None, None, None, None) => None,
            _ => {
                return Err(row.error(
                    sex_col,
                    row.text(sex_col)?,
                    "adopter sex, legal status, number and adopted-by-carer flag must be given together",
                ));
            }
        };
        out.push(Permanence {
            id: record_id(row, c.get("perm_table_id"))?,
            child: child_id(row, c.get("perm_person_id"))?,
            plan_date: row.opt_date(c.get("perm_x_plan_date"))?,
            adm_decision: row.opt_date(c.get("perm_adm_decision_date"))?,
            placement_order: row.opt_date(c.get("perm_placement_order_date"))?,
            matched: row.opt_date(c.get("perm_matched_date"))?,
            placed_for_adoption: row.opt_date(c.get("perm_placed_for_adoption_date"))?,
            decision_reversed: row.opt_date(c.get("perm_decision_reversed_date"))?,
            reversal_reason: row.opt_code(
                c.get("perm_decision_reversed_reason"),
                "ReasonPlacedCeased",
                ReasonPlacedCeased::from_code,
            )?,
            order: row.opt_parse(c.get("perm_permanence_order_type"), |t| {
                codes::order_from_text(t).ok_or_else(|| "not a permanence order type".to_owned())
            })?,
            order_date: row.opt_date(c.get("perm_permanence_order_date"))?,
            adopters,
        });
        Ok(())
    })
}

/// Parses a 903 partial date `dd/mm/yyyy` where any part may be `zz`/`zzzz` (unknown).
pub(crate) fn parse_partial_date(text: &str) -> Result<PartialDate, String> {
    const EXPECTED: &str = "not a partial date (dd/mm/yyyy, zz for an unknown part)";
    let mut parts = text.trim().split('/');
    let (Some(d), Some(m), Some(y), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(EXPECTED.into());
    };
    fn part<T: TryFrom<u64>>(
        p: &str,
        range: std::ops::RangeInclusive<u64>,
    ) -> Result<Option<T>, ()> {
        if !p.is_empty() && p.chars().all(|c| c.eq_ignore_ascii_case(&'z')) {
            return Ok(None);
        }
        let n: u64 = p.parse().map_err(|_| ())?;
        if !range.contains(&n) {
            return Err(());
        }
        T::try_from(n).map(Some).map_err(|_| ())
    }
    Ok(PartialDate {
        day: part(d, 1..=31).map_err(|()| EXPECTED.to_owned())?,
        month: part(m, 1..=12).map_err(|()| EXPECTED.to_owned())?,
        year: part(y, 0..=9999).map_err(|()| EXPECTED.to_owned())?,
    })
}

fn read_previous_permanence(
    files: &TableFiles,
    out: &mut Vec<PreviousPermanenceRecord>,
) -> Result<(), FormatError> {
    for_each_row(files, &PREVIOUS_PERMANENCE, |c, row| {
        out.push(PreviousPermanenceRecord {
            child: child_id(row, c.get("lapp_person_id"))?,
            kind: row.code(
                c.get("lapp_previous_permanence_option"),
                "PreviousPermanence",
                PreviousPermanence::from_code,
            )?,
            la: row
                .opt_text(c.get("lapp_previous_permanence_la"))?
                .map(str::to_owned),
            date: row.opt_parse(
                c.get("lapp_previous_permanence_order_date"),
                parse_partial_date,
            )?,
        });
        Ok(())
    })
}

fn read_workers(files: &TableFiles, out: &mut Vec<Worker>) -> Result<(), FormatError> {
    for_each_row(files, &PROFESSIONALS, |c, row| {
        out.push(Worker {
            id: WorkerId::new(row.required_text(c.get("prof_professional_id"))?),
            team: TeamId::new(row.required_text(c.get("prof_x_team_id"))?),
            role: row.parse(c.get("prof_x_role"), |t| {
                codes::role_from_text(t).ok_or_else(|| "not a worker role".to_owned())
            })?,
            fte: row.parse(c.get("prof_full_time_equivalency"), |t| {
                super::cells::parse_decimal(t).map_err(String::from)
            })?,
            agency: row
                .opt_flag(c.get("prof_agency_worker_flag"))?
                .unwrap_or(false),
            start: row.date(c.get("prof_x_start_date"))?,
            end: row.opt_date(c.get("prof_x_end_date"))?,
        });
        Ok(())
    })
}

fn read_teams(files: &TableFiles, out: &mut Vec<Team>) -> Result<(), FormatError> {
    for_each_row(files, &DEPARTMENT, |c, row| {
        out.push(Team {
            id: TeamId::new(row.required_text(c.get("dept_team_id"))?),
            name: row.text(c.get("dept_team_name"))?.to_owned(),
            service: row.parse(c.get("dept_x_service"), |t| {
                codes::service_from_text(t).ok_or_else(|| "not a service".to_owned())
            })?,
            locality: row
                .opt_text(c.get("dept_x_locality"))?
                .map(|l| Locality(l.to_owned())),
        });
        Ok(())
    })
}

fn read_allocations(files: &TableFiles, out: &mut Vec<Allocation>) -> Result<(), FormatError> {
    for_each_row(files, &INVOLVEMENTS, |c, row| {
        out.push(Allocation {
            id: record_id(row, c.get("invo_involvements_id"))?,
            child: child_id(row, c.get("invo_person_id"))?,
            worker: WorkerId::new(row.required_text(c.get("invo_professional_id"))?),
            start: row.date(c.get("invo_involvement_start_date"))?,
            end: row.opt_date(c.get("invo_involvement_end_date"))?,
            reason: row.opt_code(
                c.get("invo_worker_change_reason"),
                "SwChangeReason",
                SwChangeReason::from_code,
            )?,
        });
        Ok(())
    })
}

fn read_strategy_discussions(
    files: &TableFiles,
    out: &mut Vec<StrategyDiscussion>,
) -> Result<(), FormatError> {
    for_each_row(files, &X_STRATEGY_DISCUSSIONS, |c, row| {
        out.push(StrategyDiscussion {
            id: record_id(row, c.get("strd_strategy_discussion_id"))?,
            child: child_id(row, c.get("strd_person_id"))?,
            referral: record_id(row, c.get("strd_referral_id"))?,
            date: row.date(c.get("strd_strategy_discussion_date"))?,
            s47_started: row.flag(c.get("strd_s47_started"))?,
        });
        Ok(())
    })
}

fn read_core_groups(files: &TableFiles, out: &mut Vec<CoreGroup>) -> Result<(), FormatError> {
    for_each_row(files, &X_CORE_GROUPS, |c, row| {
        out.push(CoreGroup {
            id: record_id(row, c.get("cpcg_core_group_id"))?,
            child: child_id(row, c.get("cpcg_person_id"))?,
            plan: record_id(row, c.get("cpcg_cp_plan_id"))?,
            date: row.date(c.get("cpcg_core_group_date"))?,
        });
        Ok(())
    })
}

fn read_cin_plan_reviews(
    files: &TableFiles,
    out: &mut Vec<CinPlanReview>,
) -> Result<(), FormatError> {
    for_each_row(files, &X_CIN_PLAN_REVIEWS, |c, row| {
        out.push(CinPlanReview {
            id: record_id(row, c.get("cinr_cin_review_id"))?,
            child: child_id(row, c.get("cinr_person_id"))?,
            plan: record_id(row, c.get("cinr_cin_plan_id"))?,
            date: row.date(c.get("cinr_cin_review_date"))?,
        });
        Ok(())
    })
}

fn read_pathway_plans(files: &TableFiles, out: &mut Vec<PathwayPlan>) -> Result<(), FormatError> {
    for_each_row(files, &X_PATHWAY_PLANS, |c, row| {
        out.push(PathwayPlan {
            id: record_id(row, c.get("pwpl_pathway_plan_id"))?,
            child: child_id(row, c.get("pwpl_person_id"))?,
            date: row.date(c.get("pwpl_pathway_plan_date"))?,
            personal_adviser: opt_worker_id(row, c.get("pwpl_personal_adviser_id"))?,
        });
        Ok(())
    })
}

fn read_health_outcomes(
    files: &TableFiles,
    out: &mut Vec<ClaHealthOutcome>,
) -> Result<(), FormatError> {
    for_each_row(files, &X_HEALTH_OUTCOMES, |c, row| {
        let flag = |name: &str| row.opt_flag(c.get(name));
        out.push(ClaHealthOutcome {
            child: child_id(row, c.get("clho_person_id"))?,
            year_ending: row.whole::<u32>(c.get("clho_year_ending")).and_then(|y| {
                i32::try_from(y).map_err(|_| {
                    row.error(
                        c.get("clho_year_ending"),
                        &y.to_string(),
                        "year out of range",
                    )
                })
            })?,
            sdq_score: row.opt_whole(c.get("clho_sdq_score"))?,
            sdq_reason: row.opt_code(
                c.get("clho_sdq_reason"),
                "SdqReason",
                SdqReason::from_code,
            )?,
            convicted: flag("clho_convicted")?,
            health_check: flag("clho_health_check")?,
            immunisations: flag("clho_immunisations")?,
            teeth_check: flag("clho_teeth_check")?,
            health_assessment: flag("clho_health_assessment")?,
            substance_misuse: flag("clho_substance_misuse")?,
            intervention_received: flag("clho_intervention_received")?,
            intervention_offered: flag("clho_intervention_offered")?,
        });
        Ok(())
    })
}

fn read_supervisions(files: &TableFiles, out: &mut Vec<Supervision>) -> Result<(), FormatError> {
    for_each_row(files, &X_SUPERVISIONS, |c, row| {
        out.push(Supervision {
            id: record_id(row, c.get("supv_supervision_id"))?,
            worker: WorkerId::new(row.required_text(c.get("supv_professional_id"))?),
            child: opt_child_id(row, c.get("supv_person_id"))?,
            date: row.date(c.get("supv_supervision_date"))?,
        });
        Ok(())
    })
}

fn read_audits(files: &TableFiles, out: &mut Vec<CaseAudit>) -> Result<(), FormatError> {
    for_each_row(files, &X_AUDITS, |c, row| {
        out.push(CaseAudit {
            id: record_id(row, c.get("caud_audit_id"))?,
            child: child_id(row, c.get("caud_person_id"))?,
            worker: opt_worker_id(row, c.get("caud_professional_id"))?,
            due: row.date(c.get("caud_due_date"))?,
            completed: row.opt_date(c.get("caud_completed_date"))?,
            grade: row.opt_parse(c.get("caud_grade"), |t| {
                codes::grade_from_text(t).ok_or_else(|| "not an audit grade".to_owned())
            })?,
        });
        Ok(())
    })
}

fn read_complaints(files: &TableFiles, out: &mut Vec<Complaint>) -> Result<(), FormatError> {
    for_each_row(files, &X_COMPLAINTS, |c, row| {
        out.push(Complaint {
            id: record_id(row, c.get("cmpl_complaint_id"))?,
            child: opt_child_id(row, c.get("cmpl_person_id"))?,
            received: row.date(c.get("cmpl_received_date"))?,
            responded: row.opt_date(c.get("cmpl_responded_date"))?,
        });
        Ok(())
    })
}

fn read_foster_households(
    files: &TableFiles,
    out: &mut Vec<FosterHousehold>,
) -> Result<(), FormatError> {
    for_each_row(files, &X_FOSTER_HOUSEHOLDS, |c, row| {
        out.push(FosterHousehold {
            id: HouseholdId::new(row.required_text(c.get("fohh_household_id"))?),
            kind: row.parse(c.get("fohh_household_type"), |t| {
                codes::household_from_text(t)
                    .ok_or_else(|| "not a foster household type".to_owned())
            })?,
            approved: row.date(c.get("fohh_approved_date"))?,
            deregistered: row.opt_date(c.get("fohh_deregistered_date"))?,
            places: row.whole(c.get("fohh_approved_places"))?,
        });
        Ok(())
    })
}

fn read_private_fostering(
    files: &TableFiles,
    out: &mut Vec<PrivateFostering>,
) -> Result<(), FormatError> {
    for_each_row(files, &X_PRIVATE_FOSTERING, |c, row| {
        out.push(PrivateFostering {
            id: record_id(row, c.get("prfo_arrangement_id"))?,
            child: child_id(row, c.get("prfo_person_id"))?,
            notified: row.date(c.get("prfo_notified_date"))?,
            start: row.date(c.get("prfo_start_date"))?,
            end: row.opt_date(c.get("prfo_end_date"))?,
            assessed: row.opt_date(c.get("prfo_assessed_date"))?,
        });
        Ok(())
    })
}

fn read_lado(files: &TableFiles, out: &mut Vec<LadoAllegation>) -> Result<(), FormatError> {
    for_each_row(files, &X_LADO_ALLEGATIONS, |c, row| {
        out.push(LadoAllegation {
            id: record_id(row, c.get("lado_allegation_id"))?,
            child: opt_child_id(row, c.get("lado_person_id"))?,
            received: row.date(c.get("lado_received_date"))?,
            concluded: row.opt_date(c.get("lado_concluded_date"))?,
            outcome: row.opt_parse(c.get("lado_outcome"), |t| {
                codes::lado_from_text(t).ok_or_else(|| "not a LADO outcome".to_owned())
            })?,
        });
        Ok(())
    })
}
