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

/// Looks columns up by name in a table's declaration, for the few readers that compute a
/// column name; the others resolve their columns once, before the first row.
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
    let mut r = CaseRecords {
        children: read_people(files)?,
        ..CaseRecords::default()
    };
    read_contacts(files, &mut r.contacts)?;
    read_early_help(files, &mut r.early_help)?;
    read_referrals(files, &mut r.referrals)?;
    r.assessments = read_assessments(files)?;
    read_cin_plans(files, &mut r.cin_plans)?;
    r.visits = read_visits(files)?;
    read_section47s(files, &mut r.section47s)?;
    r.conferences = read_conferences(files)?;
    read_cp_plans(files, &mut r.cp_plans)?;
    r.cla_episodes = super::cla::read_episodes(
        files.of(&CLA_EPISODES),
        files.of(&CLA_PLACEMENT),
        files.of(&LEGAL_STATUS),
    )?;
    read_cla_reviews(files, &mut r.cla_reviews)?;
    read_missing(files, &mut r.missing)?;
    read_care_leavers(files, &mut r.care_leavers)?;
    read_permanence(files, &mut r.permanence)?;
    read_previous_permanence(files, &mut r.previous_permanence)?;
    read_workers(files, &mut r.workers)?;
    read_teams(files, &mut r.teams)?;
    read_allocations(files, &mut r.allocations)?;
    read_strategy_discussions(files, &mut r.strategy_discussions)?;
    read_core_groups(files, &mut r.core_groups)?;
    read_cin_plan_reviews(files, &mut r.cin_plan_reviews)?;
    read_pathway_plans(files, &mut r.pathway_plans)?;
    read_health_outcomes(files, &mut r.health_outcomes)?;
    read_supervisions(files, &mut r.supervisions)?;
    read_audits(files, &mut r.audits)?;
    read_complaints(files, &mut r.complaints)?;
    read_foster_households(files, &mut r.foster_households)?;
    read_private_fostering(files, &mut r.private_fostering)?;
    read_lado(files, &mut r.lado_allegations)?;
    Ok(r)
}

fn read_people(files: &TableFiles) -> Result<Vec<Child>, FormatError> {
    let mut children = Vec::new();
    // Where each child was read, to report a duplicate id once the index is built.
    let mut places: Vec<(usize, u64)> = Vec::new();
    let pers_person_id = PERSON.col("pers_person_id");
    let pers_is_mother = PERSON.col("pers_is_mother");
    let pers_upn = PERSON.col("pers_upn");
    let pers_upn_unknown = PERSON.col("pers_upn_unknown");
    let pers_sex = PERSON.col("pers_sex");
    let pers_dob = PERSON.col("pers_dob");
    let pers_expected_dob = PERSON.col("pers_expected_dob");
    let pers_death_date = PERSON.col("pers_death_date");
    let pers_ethnicity = PERSON.col("pers_ethnicity");
    let pers_x_locality = PERSON.col("pers_x_locality");
    for (file_index, file) in files.of(&PERSON).iter().enumerate() {
        let mut t = TableReader::open(file, &PERSON)?;
        while let Some(row) = t.next_row()? {
            let is_mother = row.opt_flag(pers_is_mother)?.unwrap_or(false);
            children.push(Child {
                id: ChildId::new(row.required_text(pers_person_id)?),
                upn: row.opt_text(pers_upn)?.map(Upn::new),
                upn_unknown: row.opt_code(pers_upn_unknown, "UpnUnknown", UpnUnknown::from_code)?,
                former_upn: None,
                sex: row
                    .opt_code(pers_sex, "Sex", Sex::from_code)?
                    .unwrap_or(Sex::Unknown),
                date_of_birth: row.opt_date(pers_dob)?,
                expected_date_of_birth: row.opt_date(pers_expected_dob)?,
                date_of_death: row.opt_date(pers_death_date)?,
                ethnicity: row
                    .opt_code(pers_ethnicity, "Ethnicity", Ethnicity::from_code)?
                    .unwrap_or(Ethnicity::NOBT),
                disabilities: Vec::new(),
                uasc: None,
                home_postcode: None,
                locality: row
                    .opt_text(pers_x_locality)?
                    .map(|l| Locality(l.to_owned())),
                motherhood: is_mother.then_some(Motherhood {
                    first_child_born: None,
                }),
            });
            places.push((file_index, row.line()));
        }
    }
    let index = unique_index(
        &children,
        |c| c.id.as_str(),
        &places,
        files.of(&PERSON),
        "pers_person_id",
        "duplicate person id",
    )?;

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
    let disa_person_id = DISABILITY.col("disa_person_id");
    let disa_disability_code = DISABILITY.col("disa_disability_code");
    for_each_row(files, &DISABILITY, |_, row| {
        let i = child_of(row, disa_person_id)?;
        let code = row.code(disa_disability_code, "Disability", Disability::from_code)?;
        // NONE marks a child without disabilities; the model stores that as an empty list.
        if code != Disability::NONE {
            updates.push((i, ChildPart::Disability(code)));
        }
        Ok(())
    })?;
    let addr_person_id = ADDRESS.col("addr_person_id");
    let addr_address_type = ADDRESS.col("addr_address_type");
    let addr_address_end_date = ADDRESS.col("addr_address_end_date");
    let addr_address_postcode = ADDRESS.col("addr_address_postcode");
    for_each_row(files, &ADDRESS, |_, row| {
        let i = child_of(row, addr_person_id)?;
        let kind = row.opt_text(addr_address_type)?;
        let current = row.opt_date(addr_address_end_date)?.is_none();
        if current
            && kind.is_none_or(|k| k.eq_ignore_ascii_case(HOME_ADDRESS))
            && let Some(pc) = row.opt_text(addr_address_postcode)?
        {
            updates.push((i, ChildPart::Postcode(Postcode::normalised(pc))));
        }
        Ok(())
    })?;
    let immi_person_id = IMMIGRATION_STATUS.col("immi_person_id");
    let immi_immigration_status = IMMIGRATION_STATUS.col("immi_immigration_status");
    let immi_immigration_status_start_date =
        IMMIGRATION_STATUS.col("immi_immigration_status_start_date");
    let immi_immigration_status_end_date =
        IMMIGRATION_STATUS.col("immi_immigration_status_end_date");
    for_each_row(files, &IMMIGRATION_STATUS, |_, row| {
        let i = child_of(row, immi_person_id)?;
        let status = row.text(immi_immigration_status)?;
        if status.eq_ignore_ascii_case(UASC_STATUS) || status.eq_ignore_ascii_case("U") {
            updates.push((
                i,
                ChildPart::Uasc(UascStatus {
                    from: row.opt_date(immi_immigration_status_start_date)?,
                    ceased: row.opt_date(immi_immigration_status_end_date)?,
                }),
            ));
        }
        Ok(())
    })?;
    let moth_person_id = MOTHER.col("moth_person_id");
    let moth_childs_dob = MOTHER.col("moth_childs_dob");
    for_each_row(files, &MOTHER, |_, row| {
        let i = child_of(row, moth_person_id)?;
        let born = row.opt_date(moth_childs_dob)?;
        updates.push((i, ChildPart::FirstChildBorn(born)));
        Ok(())
    })?;
    let link_person_id = LINKED_IDENTIFIERS.col("link_person_id");
    let link_identifier_type = LINKED_IDENTIFIERS.col("link_identifier_type");
    let link_identifier_value = LINKED_IDENTIFIERS.col("link_identifier_value");
    for_each_row(files, &LINKED_IDENTIFIERS, |_, row| {
        let i = child_of(row, link_person_id)?;
        let kind = row.text(link_identifier_type)?;
        if kind.eq_ignore_ascii_case(FORMER_UPN)
            && let Some(upn) = row.opt_text(link_identifier_value)?
        {
            updates.push((i, ChildPart::FormerUpn(Upn::new(upn))));
        }
        Ok(())
    })?;
    drop(index);
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
    let cont_contact_outcome_json = CONTACTS.col("cont_contact_outcome_json");
    let cont_contact_id = CONTACTS.col("cont_contact_id");
    let cont_person_id = CONTACTS.col("cont_person_id");
    let cont_contact_date = CONTACTS.col("cont_contact_date");
    let cont_contact_source_code = CONTACTS.col("cont_contact_source_code");
    for_each_row(files, &CONTACTS, |_, row| {
        let flags = set_flags(row, cont_contact_outcome_json)?;
        out.push(Contact {
            id: record_id(row, cont_contact_id)?,
            child: child_id(row, cont_person_id)?,
            date: row.date(cont_contact_date)?,
            source: row.code(
                cont_contact_source_code,
                "ReferralSource",
                ReferralSource::from_code,
            )?,
            outcome: codes::contact_outcome_from_flags(&flags),
        });
        Ok(())
    })
}

fn read_early_help(files: &TableFiles, out: &mut Vec<EarlyHelpEpisode>) -> Result<(), FormatError> {
    let earl_episode_reason = EARLY_HELP.col("earl_episode_reason");
    let earl_episode_end_reason = EARLY_HELP.col("earl_episode_end_reason");
    let earl_episode_id = EARLY_HELP.col("earl_episode_id");
    let earl_person_id = EARLY_HELP.col("earl_person_id");
    let earl_x_locality = EARLY_HELP.col("earl_x_locality");
    let earl_episode_organisation = EARLY_HELP.col("earl_episode_organisation");
    let earl_episode_start_date = EARLY_HELP.col("earl_episode_start_date");
    let earl_episode_end_date = EARLY_HELP.col("earl_episode_end_date");
    let earl_episode_worker_id = EARLY_HELP.col("earl_episode_worker_id");
    for_each_row(files, &EARLY_HELP, |_, row| {
        let reason = row.text(earl_episode_reason)?;
        let end_reason = row.text(earl_episode_end_reason)?;
        let step = if end_reason.eq_ignore_ascii_case(codes::STEP_UP_REASON) {
            Some(StepChange::StepUp)
        } else if reason.eq_ignore_ascii_case(codes::STEP_DOWN_REASON) {
            Some(StepChange::StepDown)
        } else {
            None
        };
        out.push(EarlyHelpEpisode {
            id: record_id(row, earl_episode_id)?,
            child: child_id(row, earl_person_id)?,
            locality: row
                .opt_text(earl_x_locality)?
                .map(|l| Locality(l.to_owned())),
            organisation: row.opt_text(earl_episode_organisation)?.map(str::to_owned),
            start: row.date(earl_episode_start_date)?,
            end: row.opt_date(earl_episode_end_date)?,
            step,
            worker: opt_worker_id(row, earl_episode_worker_id)?,
        });
        Ok(())
    })
}

fn read_referrals(files: &TableFiles, out: &mut Vec<Referral>) -> Result<(), FormatError> {
    let cine_referral_id = CIN_EPISODES.col("cine_referral_id");
    let cine_person_id = CIN_EPISODES.col("cine_person_id");
    let cine_referral_date = CIN_EPISODES.col("cine_referral_date");
    let cine_referral_source_code = CIN_EPISODES.col("cine_referral_source_code");
    let cine_cin_primary_need_code = CIN_EPISODES.col("cine_cin_primary_need_code");
    let cine_referral_nfa = CIN_EPISODES.col("cine_referral_nfa");
    let cine_close_date = CIN_EPISODES.col("cine_close_date");
    let cine_close_reason = CIN_EPISODES.col("cine_close_reason");
    let cine_referral_team = CIN_EPISODES.col("cine_referral_team");
    for_each_row(files, &CIN_EPISODES, |_, row| {
        out.push(Referral {
            id: record_id(row, cine_referral_id)?,
            child: child_id(row, cine_person_id)?,
            date: row.date(cine_referral_date)?,
            source: row.code(
                cine_referral_source_code,
                "ReferralSource",
                ReferralSource::from_code,
            )?,
            primary_need: row.opt_code(
                cine_cin_primary_need_code,
                "PrimaryNeed",
                PrimaryNeed::from_code,
            )?,
            nfa: row.opt_flag(cine_referral_nfa)?.unwrap_or(false),
            closure_date: row.opt_date(cine_close_date)?,
            closure_reason: row.opt_code(
                cine_close_reason,
                "ReasonForClosure",
                ReasonForClosure::from_code,
            )?,
            team: row.opt_text(cine_referral_team)?.map(TeamId::new),
        });
        Ok(())
    })
}

fn read_assessments(files: &TableFiles) -> Result<Vec<Assessment>, FormatError> {
    let mut out = Vec::new();
    let mut places: Vec<(usize, u64)> = Vec::new();
    let cina_assessment_id = CIN_ASSESSMENTS.col("cina_assessment_id");
    let cina_assessment_outcome_json = CIN_ASSESSMENTS.col("cina_assessment_outcome_json");
    let cina_assessment_outcome_nfa = CIN_ASSESSMENTS.col("cina_assessment_outcome_nfa");
    let cina_person_id = CIN_ASSESSMENTS.col("cina_person_id");
    let cina_referral_id = CIN_ASSESSMENTS.col("cina_referral_id");
    let cina_assessment_start_date = CIN_ASSESSMENTS.col("cina_assessment_start_date");
    let cina_assessment_auth_date = CIN_ASSESSMENTS.col("cina_assessment_auth_date");
    let cina_assessment_worker_id = CIN_ASSESSMENTS.col("cina_assessment_worker_id");
    for (file_index, file) in files.of(&CIN_ASSESSMENTS).iter().enumerate() {
        let mut t = TableReader::open(file, &CIN_ASSESSMENTS)?;
        while let Some(row) = t.next_row()? {
            let flags = set_flags(&row, cina_assessment_outcome_json)?;
            let mut outcome = codes::assessment_outcome_from_flags(&flags);
            if outcome.is_none() && row.opt_flag(cina_assessment_outcome_nfa)? == Some(true) {
                outcome = Some(AssessmentOutcome::NoFurtherAction);
            }
            out.push(Assessment {
                id: record_id(&row, cina_assessment_id)?,
                child: child_id(&row, cina_person_id)?,
                referral: record_id(&row, cina_referral_id)?,
                start: row.date(cina_assessment_start_date)?,
                authorised: row.opt_date(cina_assessment_auth_date)?,
                factors: Vec::new(),
                outcome,
                worker: opt_worker_id(&row, cina_assessment_worker_id)?,
            });
            places.push((file_index, row.line()));
        }
    }
    let index = unique_index(
        &out,
        |a| a.id.as_str(),
        &places,
        files.of(&CIN_ASSESSMENTS),
        "cina_assessment_id",
        "duplicate assessment id",
    )?;
    let mut factors: Vec<(usize, AssessmentFactor)> = Vec::new();
    let cinf_assessment_id = ASSESSMENT_FACTORS.col("cinf_assessment_id");
    let cinf_assessment_factors_json = ASSESSMENT_FACTORS.col("cinf_assessment_factors_json");
    for_each_row(files, &ASSESSMENT_FACTORS, |_, row| {
        let id = row.required_text(cinf_assessment_id)?;
        let i = *index.get(id).ok_or_else(|| {
            row.error(
                cinf_assessment_id,
                id,
                "no ssd_cin_assessments row has this id",
            )
        })?;
        let list_col = cinf_assessment_factors_json;
        let text = row.text(list_col)?;
        if text.is_empty() {
            return Ok(());
        }
        for item in json::parse_string_array(text).map_err(|m| row.error(list_col, text, m))? {
            let factor = AssessmentFactor::from_code(&item)
                .ok_or_else(|| row.error(list_col, &item, "not an AssessmentFactor code"))?;
            factors.push((i, factor));
        }
        Ok(())
    })?;
    drop(index);
    for (i, factor) in factors {
        if let Some(a) = out.get_mut(i) {
            a.factors.push(factor);
        }
    }
    Ok(out)
}

/// Indexes records by id; a repeated id is an error at the place the repeat was read.
fn unique_index<'a, T>(
    items: &'a [T],
    id: impl Fn(&'a T) -> &'a str,
    places: &[(usize, u64)],
    files: &[PathBuf],
    field: &str,
    message: &str,
) -> Result<IdMap<&'a str, usize>, FormatError> {
    let mut index: IdMap<&str, usize> = IdMap::default();
    index.reserve(items.len());
    for (i, item) in items.iter().enumerate() {
        let key = id(item);
        if index.insert(key, i).is_some() {
            let (file_index, line) = places.get(i).copied().unwrap_or((0, 0));
            return Err(FormatError::Field {
                file: files.get(file_index).cloned().unwrap_or_default(),
                location: crate::Location::Line(line),
                field: field.to_owned(),
                value: key.to_owned(),
                message: message.to_owned(),
            });
        }
    }
    Ok(index)
}

fn read_cin_plans(files: &TableFiles, out: &mut Vec<CinPlan>) -> Result<(), FormatError> {
    let cinp_cin_plan_id = CIN_PLANS.col("cinp_cin_plan_id");
    let cinp_person_id = CIN_PLANS.col("cinp_person_id");
    let cinp_referral_id = CIN_PLANS.col("cinp_referral_id");
    let cinp_cin_plan_start_date = CIN_PLANS.col("cinp_cin_plan_start_date");
    let cinp_cin_plan_end_date = CIN_PLANS.col("cinp_cin_plan_end_date");
    for_each_row(files, &CIN_PLANS, |_, row| {
        out.push(CinPlan {
            id: record_id(row, cinp_cin_plan_id)?,
            child: child_id(row, cinp_person_id)?,
            referral: record_id(row, cinp_referral_id)?,
            start: row.date(cinp_cin_plan_start_date)?,
            end: row.opt_date(cinp_cin_plan_end_date)?,
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
    let s47e_s47_outcome_json = S47_ENQUIRY.col("s47e_s47_outcome_json");
    let s47e_s47_nfa = S47_ENQUIRY.col("s47e_s47_nfa");
    let s47e_s47_enquiry_id = S47_ENQUIRY.col("s47e_s47_enquiry_id");
    let s47e_person_id = S47_ENQUIRY.col("s47e_person_id");
    let s47e_referral_id = S47_ENQUIRY.col("s47e_referral_id");
    let s47e_x_strategy_discussion_id = S47_ENQUIRY.col("s47e_x_strategy_discussion_id");
    let s47e_s47_start_date = S47_ENQUIRY.col("s47e_s47_start_date");
    let s47e_s47_end_date = S47_ENQUIRY.col("s47e_s47_end_date");
    let s47e_x_icpc_target_date = S47_ENQUIRY.col("s47e_x_icpc_target_date");
    for_each_row(files, &S47_ENQUIRY, |_, row| {
        let flags = set_flags(row, s47e_s47_outcome_json)?;
        let mut outcome = codes::s47_outcome_from_flags(&flags);
        if outcome.is_none() && row.opt_flag(s47e_s47_nfa)? == Some(true) {
            outcome = Some(S47Outcome::NoFurtherAction);
        }
        out.push(Section47 {
            id: record_id(row, s47e_s47_enquiry_id)?,
            child: child_id(row, s47e_person_id)?,
            referral: record_id(row, s47e_referral_id)?,
            strategy_discussion: opt_record_id(row, s47e_x_strategy_discussion_id)?,
            start: row.date(s47e_s47_start_date)?,
            end: row.opt_date(s47e_s47_end_date)?,
            icpc_target: row.opt_date(s47e_x_icpc_target_date)?,
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
    let icpc_icpc_transfer_in = INITIAL_CP_CONFERENCE.col("icpc_icpc_transfer_in");
    let icpc_icpc_id = INITIAL_CP_CONFERENCE.col("icpc_icpc_id");
    let icpc_person_id = INITIAL_CP_CONFERENCE.col("icpc_person_id");
    let icpc_referral_id = INITIAL_CP_CONFERENCE.col("icpc_referral_id");
    let icpc_s47_enquiry_id = INITIAL_CP_CONFERENCE.col("icpc_s47_enquiry_id");
    let icpc_cp_plan_id = INITIAL_CP_CONFERENCE.col("icpc_cp_plan_id");
    let icpc_icpc_date = INITIAL_CP_CONFERENCE.col("icpc_icpc_date");
    let icpc_icpc_outcome_cp_flag = INITIAL_CP_CONFERENCE.col("icpc_icpc_outcome_cp_flag");
    let icpc_x_order = INITIAL_CP_CONFERENCE.col("icpc_x_order");
    for_each_row(files, &INITIAL_CP_CONFERENCE, |_, row| {
        let transfer_in = row.opt_flag(icpc_icpc_transfer_in)?.unwrap_or(false);
        let conference = ChildProtectionConference {
            id: record_id(row, icpc_icpc_id)?,
            child: child_id(row, icpc_person_id)?,
            referral: record_id(row, icpc_referral_id)?,
            kind: if transfer_in {
                ConferenceKind::TransferIn
            } else {
                ConferenceKind::Initial
            },
            s47: opt_record_id(row, icpc_s47_enquiry_id)?,
            plan: opt_record_id(row, icpc_cp_plan_id)?,
            date: row.date(icpc_icpc_date)?,
            plan_decided: row.opt_flag(icpc_icpc_outcome_cp_flag)?.unwrap_or(false),
        };
        items.push((row.opt_whole::<u64>(icpc_x_order)?, conference));
        Ok(())
    })?;
    let cppr_cp_review_id = CP_REVIEWS.col("cppr_cp_review_id");
    let cppr_person_id = CP_REVIEWS.col("cppr_person_id");
    let cppr_x_referral_id = CP_REVIEWS.col("cppr_x_referral_id");
    let cppr_x_s47_enquiry_id = CP_REVIEWS.col("cppr_x_s47_enquiry_id");
    let cppr_cp_plan_id = CP_REVIEWS.col("cppr_cp_plan_id");
    let cppr_cp_review_date = CP_REVIEWS.col("cppr_cp_review_date");
    let cppr_cp_review_outcome_continue_cp = CP_REVIEWS.col("cppr_cp_review_outcome_continue_cp");
    let cppr_x_order = CP_REVIEWS.col("cppr_x_order");
    for_each_row(files, &CP_REVIEWS, |_, row| {
        let conference = ChildProtectionConference {
            id: record_id(row, cppr_cp_review_id)?,
            child: child_id(row, cppr_person_id)?,
            referral: record_id(row, cppr_x_referral_id)?,
            kind: ConferenceKind::Review,
            s47: opt_record_id(row, cppr_x_s47_enquiry_id)?,
            plan: opt_record_id(row, cppr_cp_plan_id)?,
            date: row.date(cppr_cp_review_date)?,
            plan_decided: row
                .opt_flag(cppr_cp_review_outcome_continue_cp)?
                .unwrap_or(false),
        };
        items.push((row.opt_whole::<u64>(cppr_x_order)?, conference));
        Ok(())
    })?;
    Ok(restore_order(items))
}

fn read_cp_plans(
    files: &TableFiles,
    out: &mut Vec<ChildProtectionPlan>,
) -> Result<(), FormatError> {
    let cppl_cp_plan_id = CP_PLANS.col("cppl_cp_plan_id");
    let cppl_person_id = CP_PLANS.col("cppl_person_id");
    let cppl_referral_id = CP_PLANS.col("cppl_referral_id");
    let cppl_cp_plan_start_date = CP_PLANS.col("cppl_cp_plan_start_date");
    let cppl_cp_plan_end_date = CP_PLANS.col("cppl_cp_plan_end_date");
    let cppl_cp_plan_initial_category = CP_PLANS.col("cppl_cp_plan_initial_category");
    let cppl_cp_plan_latest_category = CP_PLANS.col("cppl_cp_plan_latest_category");
    let cppl_x_previous_plans = CP_PLANS.col("cppl_x_previous_plans");
    for_each_row(files, &CP_PLANS, |_, row| {
        out.push(ChildProtectionPlan {
            id: record_id(row, cppl_cp_plan_id)?,
            child: child_id(row, cppl_person_id)?,
            referral: record_id(row, cppl_referral_id)?,
            start: row.date(cppl_cp_plan_start_date)?,
            end: row.opt_date(cppl_cp_plan_end_date)?,
            initial_category: row.code(
                cppl_cp_plan_initial_category,
                "CategoryOfAbuse",
                CategoryOfAbuse::from_code,
            )?,
            latest_category: row.code(
                cppl_cp_plan_latest_category,
                "CategoryOfAbuse",
                CategoryOfAbuse::from_code,
            )?,
            previous_plans: row.opt_whole(cppl_x_previous_plans)?.unwrap_or(0),
        });
        Ok(())
    })
}

fn read_cla_reviews(files: &TableFiles, out: &mut Vec<ClaReview>) -> Result<(), FormatError> {
    let clar_cla_review_id = CLA_REVIEWS.col("clar_cla_review_id");
    let clar_cla_person_id = CLA_REVIEWS.col("clar_cla_person_id");
    let clar_cla_review_date = CLA_REVIEWS.col("clar_cla_review_date");
    let clar_cla_review_participation = CLA_REVIEWS.col("clar_cla_review_participation");
    for_each_row(files, &CLA_REVIEWS, |_, row| {
        out.push(ClaReview {
            id: record_id(row, clar_cla_review_id)?,
            child: child_id(row, clar_cla_person_id)?,
            date: row.date(clar_cla_review_date)?,
            participation: row.code(
                clar_cla_review_participation,
                "ReviewParticipation",
                ReviewParticipation::from_code,
            )?,
        });
        Ok(())
    })
}

fn read_missing(files: &TableFiles, out: &mut Vec<MissingEpisode>) -> Result<(), FormatError> {
    let miss_missing_episode_start_date = MISSING.col("miss_missing_episode_start_date");
    let miss_missing_episode_end_date = MISSING.col("miss_missing_episode_end_date");
    let miss_missing_episode_type = MISSING.col("miss_missing_episode_type");
    let miss_table_id = MISSING.col("miss_table_id");
    let miss_person_id = MISSING.col("miss_person_id");
    for_each_row(files, &MISSING, |c, row| {
        let start = row.date(miss_missing_episode_start_date)?;
        let end = row.opt_date(miss_missing_episode_end_date)?;
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
        let kind_col = miss_missing_episode_type;
        out.push(MissingEpisode {
            id: record_id(row, miss_table_id)?,
            child: child_id(row, miss_person_id)?,
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
    let clea_table_id = CARE_LEAVERS.col("clea_table_id");
    let clea_person_id = CARE_LEAVERS.col("clea_person_id");
    let clea_x_birthday_age = CARE_LEAVERS.col("clea_x_birthday_age");
    let clea_care_leaver_latest_contact = CARE_LEAVERS.col("clea_care_leaver_latest_contact");
    let clea_care_leaver_in_touch = CARE_LEAVERS.col("clea_care_leaver_in_touch");
    let clea_care_leaver_activity = CARE_LEAVERS.col("clea_care_leaver_activity");
    let clea_care_leaver_accommodation = CARE_LEAVERS.col("clea_care_leaver_accommodation");
    let clea_care_leaver_accom_suitable = CARE_LEAVERS.col("clea_care_leaver_accom_suitable");
    for_each_row(files, &CARE_LEAVERS, |_, row| {
        out.push(CareLeaverContact {
            id: record_id(row, clea_table_id)?,
            child: child_id(row, clea_person_id)?,
            birthday_age: row.whole(clea_x_birthday_age)?,
            contact_date: row.opt_date(clea_care_leaver_latest_contact)?,
            in_touch: row.code(clea_care_leaver_in_touch, "InTouch", InTouch::from_code)?,
            activity: row.code(clea_care_leaver_activity, "Activity", Activity::from_code)?,
            accommodation: accommodation(
                row,
                clea_care_leaver_accommodation,
                clea_care_leaver_accom_suitable,
            )?,
        });
        Ok(())
    })
}

fn read_permanence(files: &TableFiles, out: &mut Vec<Permanence>) -> Result<(), FormatError> {
    let perm_adopter_sex = PERMANENCE.col("perm_adopter_sex");
    let perm_adopter_legal_status = PERMANENCE.col("perm_adopter_legal_status");
    let perm_number_of_adopters = PERMANENCE.col("perm_number_of_adopters");
    let perm_adopted_by_carer_flag = PERMANENCE.col("perm_adopted_by_carer_flag");
    let perm_table_id = PERMANENCE.col("perm_table_id");
    let perm_person_id = PERMANENCE.col("perm_person_id");
    let perm_x_plan_date = PERMANENCE.col("perm_x_plan_date");
    let perm_adm_decision_date = PERMANENCE.col("perm_adm_decision_date");
    let perm_placement_order_date = PERMANENCE.col("perm_placement_order_date");
    let perm_matched_date = PERMANENCE.col("perm_matched_date");
    let perm_placed_for_adoption_date = PERMANENCE.col("perm_placed_for_adoption_date");
    let perm_decision_reversed_date = PERMANENCE.col("perm_decision_reversed_date");
    let perm_decision_reversed_reason = PERMANENCE.col("perm_decision_reversed_reason");
    let perm_permanence_order_type = PERMANENCE.col("perm_permanence_order_type");
    let perm_permanence_order_date = PERMANENCE.col("perm_permanence_order_date");
    for_each_row(files, &PERMANENCE, |_, row| {
        let sex_col = perm_adopter_sex;
        let sex = row.opt_code(sex_col, "AdopterSex", AdopterSex::from_code)?;
        let legal = row.opt_code(
            perm_adopter_legal_status,
            "AdopterLegalStatus",
            AdopterLegalStatus::from_code,
        )?;
        let count = row.opt_whole::<u8>(perm_number_of_adopters)?;
        let by_carer = row.opt_flag(perm_adopted_by_carer_flag)?;
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
            id: record_id(row, perm_table_id)?,
            child: child_id(row, perm_person_id)?,
            plan_date: row.opt_date(perm_x_plan_date)?,
            adm_decision: row.opt_date(perm_adm_decision_date)?,
            placement_order: row.opt_date(perm_placement_order_date)?,
            matched: row.opt_date(perm_matched_date)?,
            placed_for_adoption: row.opt_date(perm_placed_for_adoption_date)?,
            decision_reversed: row.opt_date(perm_decision_reversed_date)?,
            reversal_reason: row.opt_code(
                perm_decision_reversed_reason,
                "ReasonPlacedCeased",
                ReasonPlacedCeased::from_code,
            )?,
            order: row.opt_parse(perm_permanence_order_type, |t| {
                codes::order_from_text(t).ok_or_else(|| "not a permanence order type".to_owned())
            })?,
            order_date: row.opt_date(perm_permanence_order_date)?,
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
    let lapp_person_id = PREVIOUS_PERMANENCE.col("lapp_person_id");
    let lapp_previous_permanence_option =
        PREVIOUS_PERMANENCE.col("lapp_previous_permanence_option");
    let lapp_previous_permanence_la = PREVIOUS_PERMANENCE.col("lapp_previous_permanence_la");
    let lapp_previous_permanence_order_date =
        PREVIOUS_PERMANENCE.col("lapp_previous_permanence_order_date");
    for_each_row(files, &PREVIOUS_PERMANENCE, |_, row| {
        out.push(PreviousPermanenceRecord {
            child: child_id(row, lapp_person_id)?,
            kind: row.code(
                lapp_previous_permanence_option,
                "PreviousPermanence",
                PreviousPermanence::from_code,
            )?,
            la: row
                .opt_text(lapp_previous_permanence_la)?
                .map(str::to_owned),
            date: row.opt_parse(lapp_previous_permanence_order_date, parse_partial_date)?,
        });
        Ok(())
    })
}

fn read_workers(files: &TableFiles, out: &mut Vec<Worker>) -> Result<(), FormatError> {
    let prof_professional_id = PROFESSIONALS.col("prof_professional_id");
    let prof_x_team_id = PROFESSIONALS.col("prof_x_team_id");
    let prof_x_role = PROFESSIONALS.col("prof_x_role");
    let prof_full_time_equivalency = PROFESSIONALS.col("prof_full_time_equivalency");
    let prof_agency_worker_flag = PROFESSIONALS.col("prof_agency_worker_flag");
    let prof_x_start_date = PROFESSIONALS.col("prof_x_start_date");
    let prof_x_end_date = PROFESSIONALS.col("prof_x_end_date");
    for_each_row(files, &PROFESSIONALS, |_, row| {
        out.push(Worker {
            id: WorkerId::new(row.required_text(prof_professional_id)?),
            team: TeamId::new(row.required_text(prof_x_team_id)?),
            role: row.parse(prof_x_role, |t| {
                codes::role_from_text(t).ok_or_else(|| "not a worker role".to_owned())
            })?,
            fte: row.parse(prof_full_time_equivalency, |t| {
                super::cells::parse_decimal(t).map_err(String::from)
            })?,
            agency: row.opt_flag(prof_agency_worker_flag)?.unwrap_or(false),
            start: row.date(prof_x_start_date)?,
            end: row.opt_date(prof_x_end_date)?,
        });
        Ok(())
    })
}

fn read_teams(files: &TableFiles, out: &mut Vec<Team>) -> Result<(), FormatError> {
    let dept_team_id = DEPARTMENT.col("dept_team_id");
    let dept_team_name = DEPARTMENT.col("dept_team_name");
    let dept_x_service = DEPARTMENT.col("dept_x_service");
    let dept_x_locality = DEPARTMENT.col("dept_x_locality");
    for_each_row(files, &DEPARTMENT, |_, row| {
        out.push(Team {
            id: TeamId::new(row.required_text(dept_team_id)?),
            name: row.text(dept_team_name)?.to_owned(),
            service: row.parse(dept_x_service, |t| {
                codes::service_from_text(t).ok_or_else(|| "not a service".to_owned())
            })?,
            locality: row
                .opt_text(dept_x_locality)?
                .map(|l| Locality(l.to_owned())),
        });
        Ok(())
    })
}

fn read_allocations(files: &TableFiles, out: &mut Vec<Allocation>) -> Result<(), FormatError> {
    let invo_involvements_id = INVOLVEMENTS.col("invo_involvements_id");
    let invo_person_id = INVOLVEMENTS.col("invo_person_id");
    let invo_professional_id = INVOLVEMENTS.col("invo_professional_id");
    let invo_involvement_start_date = INVOLVEMENTS.col("invo_involvement_start_date");
    let invo_involvement_end_date = INVOLVEMENTS.col("invo_involvement_end_date");
    let invo_worker_change_reason = INVOLVEMENTS.col("invo_worker_change_reason");
    for_each_row(files, &INVOLVEMENTS, |_, row| {
        out.push(Allocation {
            id: record_id(row, invo_involvements_id)?,
            child: child_id(row, invo_person_id)?,
            worker: WorkerId::new(row.required_text(invo_professional_id)?),
            start: row.date(invo_involvement_start_date)?,
            end: row.opt_date(invo_involvement_end_date)?,
            reason: row.opt_code(
                invo_worker_change_reason,
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
    let strd_strategy_discussion_id = X_STRATEGY_DISCUSSIONS.col("strd_strategy_discussion_id");
    let strd_person_id = X_STRATEGY_DISCUSSIONS.col("strd_person_id");
    let strd_referral_id = X_STRATEGY_DISCUSSIONS.col("strd_referral_id");
    let strd_strategy_discussion_date = X_STRATEGY_DISCUSSIONS.col("strd_strategy_discussion_date");
    let strd_s47_started = X_STRATEGY_DISCUSSIONS.col("strd_s47_started");
    for_each_row(files, &X_STRATEGY_DISCUSSIONS, |_, row| {
        out.push(StrategyDiscussion {
            id: record_id(row, strd_strategy_discussion_id)?,
            child: child_id(row, strd_person_id)?,
            referral: record_id(row, strd_referral_id)?,
            date: row.date(strd_strategy_discussion_date)?,
            s47_started: row.flag(strd_s47_started)?,
        });
        Ok(())
    })
}

fn read_core_groups(files: &TableFiles, out: &mut Vec<CoreGroup>) -> Result<(), FormatError> {
    let cpcg_core_group_id = X_CORE_GROUPS.col("cpcg_core_group_id");
    let cpcg_person_id = X_CORE_GROUPS.col("cpcg_person_id");
    let cpcg_cp_plan_id = X_CORE_GROUPS.col("cpcg_cp_plan_id");
    let cpcg_core_group_date = X_CORE_GROUPS.col("cpcg_core_group_date");
    for_each_row(files, &X_CORE_GROUPS, |_, row| {
        out.push(CoreGroup {
            id: record_id(row, cpcg_core_group_id)?,
            child: child_id(row, cpcg_person_id)?,
            plan: record_id(row, cpcg_cp_plan_id)?,
            date: row.date(cpcg_core_group_date)?,
        });
        Ok(())
    })
}

fn read_cin_plan_reviews(
    files: &TableFiles,
    out: &mut Vec<CinPlanReview>,
) -> Result<(), FormatError> {
    let cinr_cin_review_id = X_CIN_PLAN_REVIEWS.col("cinr_cin_review_id");
    let cinr_person_id = X_CIN_PLAN_REVIEWS.col("cinr_person_id");
    let cinr_cin_plan_id = X_CIN_PLAN_REVIEWS.col("cinr_cin_plan_id");
    let cinr_cin_review_date = X_CIN_PLAN_REVIEWS.col("cinr_cin_review_date");
    for_each_row(files, &X_CIN_PLAN_REVIEWS, |_, row| {
        out.push(CinPlanReview {
            id: record_id(row, cinr_cin_review_id)?,
            child: child_id(row, cinr_person_id)?,
            plan: record_id(row, cinr_cin_plan_id)?,
            date: row.date(cinr_cin_review_date)?,
        });
        Ok(())
    })
}

fn read_pathway_plans(files: &TableFiles, out: &mut Vec<PathwayPlan>) -> Result<(), FormatError> {
    let pwpl_pathway_plan_id = X_PATHWAY_PLANS.col("pwpl_pathway_plan_id");
    let pwpl_person_id = X_PATHWAY_PLANS.col("pwpl_person_id");
    let pwpl_pathway_plan_date = X_PATHWAY_PLANS.col("pwpl_pathway_plan_date");
    let pwpl_personal_adviser_id = X_PATHWAY_PLANS.col("pwpl_personal_adviser_id");
    for_each_row(files, &X_PATHWAY_PLANS, |_, row| {
        out.push(PathwayPlan {
            id: record_id(row, pwpl_pathway_plan_id)?,
            child: child_id(row, pwpl_person_id)?,
            date: row.date(pwpl_pathway_plan_date)?,
            personal_adviser: opt_worker_id(row, pwpl_personal_adviser_id)?,
        });
        Ok(())
    })
}

fn read_health_outcomes(
    files: &TableFiles,
    out: &mut Vec<ClaHealthOutcome>,
) -> Result<(), FormatError> {
    let clho_person_id = X_HEALTH_OUTCOMES.col("clho_person_id");
    let clho_year_ending = X_HEALTH_OUTCOMES.col("clho_year_ending");
    let clho_sdq_score = X_HEALTH_OUTCOMES.col("clho_sdq_score");
    let clho_sdq_reason = X_HEALTH_OUTCOMES.col("clho_sdq_reason");
    for_each_row(files, &X_HEALTH_OUTCOMES, |c, row| {
        let flag = |name: &str| row.opt_flag(c.get(name));
        out.push(ClaHealthOutcome {
            child: child_id(row, clho_person_id)?,
            year_ending: row.whole::<u32>(clho_year_ending).and_then(|y| {
                i32::try_from(y)
                    .map_err(|_| row.error(clho_year_ending, &y.to_string(), "year out of range"))
            })?,
            sdq_score: row.opt_whole(clho_sdq_score)?,
            sdq_reason: row.opt_code(clho_sdq_reason, "SdqReason", SdqReason::from_code)?,
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
    let supv_supervision_id = X_SUPERVISIONS.col("supv_supervision_id");
    let supv_professional_id = X_SUPERVISIONS.col("supv_professional_id");
    let supv_person_id = X_SUPERVISIONS.col("supv_person_id");
    let supv_supervision_date = X_SUPERVISIONS.col("supv_supervision_date");
    for_each_row(files, &X_SUPERVISIONS, |_, row| {
        out.push(Supervision {
            id: record_id(row, supv_supervision_id)?,
            worker: WorkerId::new(row.required_text(supv_professional_id)?),
            child: opt_child_id(row, supv_person_id)?,
            date: row.date(supv_supervision_date)?,
        });
        Ok(())
    })
}

fn read_audits(files: &TableFiles, out: &mut Vec<CaseAudit>) -> Result<(), FormatError> {
    let caud_audit_id = X_AUDITS.col("caud_audit_id");
    let caud_person_id = X_AUDITS.col("caud_person_id");
    let caud_professional_id = X_AUDITS.col("caud_professional_id");
    let caud_due_date = X_AUDITS.col("caud_due_date");
    let caud_completed_date = X_AUDITS.col("caud_completed_date");
    let caud_grade = X_AUDITS.col("caud_grade");
    for_each_row(files, &X_AUDITS, |_, row| {
        out.push(CaseAudit {
            id: record_id(row, caud_audit_id)?,
            child: child_id(row, caud_person_id)?,
            worker: opt_worker_id(row, caud_professional_id)?,
            due: row.date(caud_due_date)?,
            completed: row.opt_date(caud_completed_date)?,
            grade: row.opt_parse(caud_grade, |t| {
                codes::grade_from_text(t).ok_or_else(|| "not an audit grade".to_owned())
            })?,
        });
        Ok(())
    })
}

fn read_complaints(files: &TableFiles, out: &mut Vec<Complaint>) -> Result<(), FormatError> {
    let cmpl_complaint_id = X_COMPLAINTS.col("cmpl_complaint_id");
    let cmpl_person_id = X_COMPLAINTS.col("cmpl_person_id");
    let cmpl_received_date = X_COMPLAINTS.col("cmpl_received_date");
    let cmpl_responded_date = X_COMPLAINTS.col("cmpl_responded_date");
    for_each_row(files, &X_COMPLAINTS, |_, row| {
        out.push(Complaint {
            id: record_id(row, cmpl_complaint_id)?,
            child: opt_child_id(row, cmpl_person_id)?,
            received: row.date(cmpl_received_date)?,
            responded: row.opt_date(cmpl_responded_date)?,
        });
        Ok(())
    })
}

fn read_foster_households(
    files: &TableFiles,
    out: &mut Vec<FosterHousehold>,
) -> Result<(), FormatError> {
    let fohh_household_id = X_FOSTER_HOUSEHOLDS.col("fohh_household_id");
    let fohh_household_type = X_FOSTER_HOUSEHOLDS.col("fohh_household_type");
    let fohh_approved_date = X_FOSTER_HOUSEHOLDS.col("fohh_approved_date");
    let fohh_deregistered_date = X_FOSTER_HOUSEHOLDS.col("fohh_deregistered_date");
    let fohh_approved_places = X_FOSTER_HOUSEHOLDS.col("fohh_approved_places");
    for_each_row(files, &X_FOSTER_HOUSEHOLDS, |_, row| {
        out.push(FosterHousehold {
            id: HouseholdId::new(row.required_text(fohh_household_id)?),
            kind: row.parse(fohh_household_type, |t| {
                codes::household_from_text(t)
                    .ok_or_else(|| "not a foster household type".to_owned())
            })?,
            approved: row.date(fohh_approved_date)?,
            deregistered: row.opt_date(fohh_deregistered_date)?,
            places: row.whole(fohh_approved_places)?,
        });
        Ok(())
    })
}

fn read_private_fostering(
    files: &TableFiles,
    out: &mut Vec<PrivateFostering>,
) -> Result<(), FormatError> {
    let prfo_arrangement_id = X_PRIVATE_FOSTERING.col("prfo_arrangement_id");
    let prfo_person_id = X_PRIVATE_FOSTERING.col("prfo_person_id");
    let prfo_notified_date = X_PRIVATE_FOSTERING.col("prfo_notified_date");
    let prfo_start_date = X_PRIVATE_FOSTERING.col("prfo_start_date");
    let prfo_end_date = X_PRIVATE_FOSTERING.col("prfo_end_date");
    let prfo_assessed_date = X_PRIVATE_FOSTERING.col("prfo_assessed_date");
    for_each_row(files, &X_PRIVATE_FOSTERING, |_, row| {
        out.push(PrivateFostering {
            id: record_id(row, prfo_arrangement_id)?,
            child: child_id(row, prfo_person_id)?,
            notified: row.date(prfo_notified_date)?,
            start: row.date(prfo_start_date)?,
            end: row.opt_date(prfo_end_date)?,
            assessed: row.opt_date(prfo_assessed_date)?,
        });
        Ok(())
    })
}

fn read_lado(files: &TableFiles, out: &mut Vec<LadoAllegation>) -> Result<(), FormatError> {
    let lado_allegation_id = X_LADO_ALLEGATIONS.col("lado_allegation_id");
    let lado_person_id = X_LADO_ALLEGATIONS.col("lado_person_id");
    let lado_received_date = X_LADO_ALLEGATIONS.col("lado_received_date");
    let lado_concluded_date = X_LADO_ALLEGATIONS.col("lado_concluded_date");
    let lado_outcome = X_LADO_ALLEGATIONS.col("lado_outcome");
    for_each_row(files, &X_LADO_ALLEGATIONS, |_, row| {
        out.push(LadoAllegation {
            id: record_id(row, lado_allegation_id)?,
            child: opt_child_id(row, lado_person_id)?,
            received: row.date(lado_received_date)?,
            concluded: row.opt_date(lado_concluded_date)?,
            outcome: row.opt_parse(lado_outcome, |t| {
                codes::lado_from_text(t).ok_or_else(|| "not a LADO outcome".to_owned())
            })?,
        });
        Ok(())
    })
}
