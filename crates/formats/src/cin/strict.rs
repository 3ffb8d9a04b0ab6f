//! Stage 2 of reading a CIN census file: one lenient child into the case model, refusing the
//! first invalid value (or a blank where the model needs a value) with its element path.
//!
//! The census has no ids below the child; ids are made up from positions within the parent:
//! `<child>/ref/<i>` for the i-th `CINdetails`, then `<ref>/assessment/<j>`, `<ref>/cinplan/<j>`,
//! `<ref>/s47/<j>`, `<ref>/cpp/<j>`, `<cpp>/review/<k>`, `<s47>/icpc` and `<ref>/icpc`.
//! Conferences are rebuilt from dates: an S47's `DateOfInitialCPC` is an initial conference
//! linked to it; an episode-level `DateOfInitialCPC` is a transfer-in conference; each
//! `CPPreviewDate` is a review conference of its plan. A conference is linked to the plan of the
//! same episode starting on its date, if there is one.

use std::path::Path;

use chrono::NaiveDate;
use sightline_model::CaseRecords;
use sightline_model::codes::Disability;
use sightline_model::ids::{ChildId, RecordId};
use sightline_model::records::*;

use super::lenient::{CinChild, CinDetails, CinHeader, Item};
use crate::ssda903::Cell;
use crate::{FormatError, Location};

const DATE: &str = "not a date (yyyy-mm-dd)";
const CODE: &str = "not a valid code";
const BOOL: &str = "not true, false, 1 or 0";
const BLANK: &str = "required value is blank";

/// Reads values of one child, naming the file in errors.
struct Strict<'a> {
    file: &'a Path,
}

impl Strict<'_> {
    fn error(&self, path: String, field: &str, value: &str, message: &str) -> FormatError {
        FormatError::Field {
            file: self.file.to_path_buf(),
            location: Location::Element(path),
            field: field.to_owned(),
            value: value.to_owned(),
            message: message.to_owned(),
        }
    }

    /// An optional element of the group at `group_path`.
    fn opt<T: Clone>(
        &self,
        cell: &Cell<T>,
        group_path: &str,
        field: &str,
        what: &str,
    ) -> Result<Option<T>, FormatError> {
        match cell {
            Cell::Blank => Ok(None),
            Cell::Value(v) => Ok(Some(v.clone())),
            Cell::Invalid(text) => {
                Err(self.error(format!("{group_path}/{field}"), field, text, what))
            }
        }
    }

    /// A required element of the group at `group_path`.
    fn req<T: Clone>(
        &self,
        cell: &Cell<T>,
        group_path: &str,
        field: &str,
        what: &str,
    ) -> Result<T, FormatError> {
        self.opt(cell, group_path, field, what)?
            .ok_or_else(|| self.error(format!("{group_path}/{field}"), field, "", BLANK))
    }

    /// Every item of a repeated element.
    fn items<T: Clone>(&self, items: &[Item<T>], field: &str) -> Result<Vec<T>, FormatError> {
        items
            .iter()
            .filter_map(|item| match &item.value {
                Cell::Blank => None,
                Cell::Value(v) => Some(Ok(v.clone())),
                Cell::Invalid(text) => Some(Err(self.error(item.path.clone(), field, text, CODE))),
            })
            .collect()
    }
}

/// Checks the header's values: a value that is present must be valid.
pub(crate) fn check_header(header: &CinHeader, file: &Path) -> Result<(), FormatError> {
    let s = Strict { file };
    let details = "Message/Header/CollectionDetails";
    let source = "Message/Header/Source";
    s.opt(&header.year, details, "Year", "not a year")?;
    s.opt(&header.reference_date, details, "ReferenceDate", DATE)?;
    s.opt(&header.lea, source, "LEA", "not a 3-digit LA code")?;
    s.opt(
        &header.date_time,
        source,
        "DateTime",
        "not a date and time (yyyy-mm-ddThh:mm:ss)",
    )?;
    Ok(())
}

/// Maps one child and everything under it into `records`.
pub(crate) fn add_child(
    child: &CinChild,
    file: &Path,
    records: &mut CaseRecords,
) -> Result<(), FormatError> {
    let s = Strict { file };
    let ids = format!("{}/ChildIdentifiers", child.path);
    let chars = format!("{}/ChildCharacteristics", child.path);
    let sex_element = if child.sex_is_legacy_gender {
        "GenderCurrent"
    } else {
        "Sex"
    };
    let id: ChildId = s.req(&child.la_child_id, &ids, "LAchildID", CODE)?;
    let disabilities = s
        .items(&child.disabilities, "Disability")?
        .into_iter()
        .filter(|d| *d != Disability::NONE)
        .collect();
    records.children.push(Child {
        id: id.clone(),
        upn: s.opt(
            &child.upn,
            &ids,
            "UPN",
            "not a UPN (a letter and 12 characters)",
        )?,
        upn_unknown: s.opt(&child.upn_unknown, &ids, "UPNunknown", CODE)?,
        former_upn: s.opt(
            &child.former_upn,
            &ids,
            "FormerUPN",
            "not a UPN (a letter and 12 characters)",
        )?,
        sex: s.req(&child.sex, &ids, sex_element, CODE)?,
        date_of_birth: s.opt(&child.person_birth_date, &ids, "PersonBirthDate", DATE)?,
        expected_date_of_birth: s.opt(
            &child.expected_person_birth_date,
            &ids,
            "ExpectedPersonBirthDate",
            DATE,
        )?,
        date_of_death: s.opt(&child.person_death_date, &ids, "PersonDeathDate", DATE)?,
        ethnicity: s.req(&child.ethnicity, &chars, "Ethnicity", CODE)?,
        disabilities,
        uasc: None,
        home_postcode: None,
        locality: None,
        motherhood: None,
    });
    for (i, details) in child.cin_details.iter().enumerate() {
        let referral = RecordId::new(format!("{}/ref/{}", id.as_str(), i + 1));
        add_episode(&s, details, &id, referral, records)?;
    }
    Ok(())
}

fn add_episode(
    s: &Strict<'_>,
    d: &CinDetails,
    child: &ChildId,
    referral: RecordId,
    records: &mut CaseRecords,
) -> Result<(), FormatError> {
    let p = d.path.as_str();
    records.referrals.push(Referral {
        id: referral.clone(),
        child: child.clone(),
        date: s.req(&d.referral_date, p, "CINreferralDate", DATE)?,
        source: s.req(&d.referral_source, p, "ReferralSource", CODE)?,
        primary_need: s.opt(&d.primary_need, p, "PrimaryNeedCode", CODE)?,
        nfa: s.req(&d.referral_nfa, p, "ReferralNFA", BOOL)?,
        closure_date: s.opt(&d.closure_date, p, "CINclosureDate", DATE)?,
        closure_reason: s.opt(&d.reason_for_closure, p, "ReasonForClosure", CODE)?,
        team: None,
    });
    let episode_icpc = s.opt(&d.date_of_initial_cpc, p, "DateOfInitialCPC", DATE)?;
    for (j, a) in d.assessments.iter().enumerate() {
        let ap = a.path.as_str();
        records.assessments.push(Assessment {
            id: RecordId::new(format!("{referral}/assessment/{}", j + 1)),
            child: child.clone(),
            referral: referral.clone(),
            start: s.req(&a.start, ap, "AssessmentActualStartDate", DATE)?,
            authorised: s.opt(
                &a.authorisation_date,
                ap,
                "AssessmentAuthorisationDate",
                DATE,
            )?,
            factors: s.items(&a.factors, "AssessmentFactors")?,
            outcome: None,
            worker: None,
        });
    }
    for (j, plan) in d.cin_plans.iter().enumerate() {
        let pp = plan.path.as_str();
        records.cin_plans.push(CinPlan {
            id: RecordId::new(format!("{referral}/cinplan/{}", j + 1)),
            child: child.clone(),
            referral: referral.clone(),
            start: s.req(&plan.start, pp, "CINPlanStartDate", DATE)?,
            end: s.opt(&plan.end, pp, "CINPlanEndDate", DATE)?,
        });
    }
    // Plans first, so that conferences can be linked to the plan they started.
    let mut plans: Vec<(RecordId, NaiveDate)> = Vec::new();
    let mut reviews: Vec<(RecordId, usize, NaiveDate)> = Vec::new();
    for (j, plan) in d.cp_plans.iter().enumerate() {
        let pp = plan.path.as_str();
        let id = RecordId::new(format!("{referral}/cpp/{}", j + 1));
        let start = s.req(&plan.start, pp, "CPPstartDate", DATE)?;
        records.cp_plans.push(ChildProtectionPlan {
            id: id.clone(),
            child: child.clone(),
            referral: referral.clone(),
            start,
            end: s.opt(&plan.end, pp, "CPPendDate", DATE)?,
            initial_category: s.req(&plan.initial_category, pp, "InitialCategoryOfAbuse", CODE)?,
            latest_category: s.req(&plan.latest_category, pp, "LatestCategoryOfAbuse", CODE)?,
            previous_plans: s.req(
                &plan.previous_plans,
                pp,
                "NumberOfPreviousCPP",
                "not a whole number",
            )?,
        });
        let mut held = 0;
        for review in &plan.reviews {
            match &review.value {
                Cell::Blank => {}
                Cell::Value(date) => {
                    held += 1;
                    reviews.push((id.clone(), held, *date));
                }
                Cell::Invalid(text) => {
                    return Err(s.error(review.path.clone(), "CPPreviewDate", text, DATE));
                }
            }
        }
        plans.push((id, start));
    }
    let plan_starting = |date: NaiveDate| {
        plans
            .iter()
            .find(|(_, start)| *start == date)
            .map(|(id, _)| id.clone())
    };
    let conference =
        |id: RecordId, kind, s47, plan: Option<RecordId>, date| ChildProtectionConference {
            id,
            child: child.clone(),
            referral: referral.clone(),
            kind,
            s47,
            plan_decided: plan.is_some() || kind == ConferenceKind::Review,
            plan,
            date,
        };
    for (j, s47) in d.section47s.iter().enumerate() {
        let sp = s47.path.as_str();
        let id = RecordId::new(format!("{referral}/s47/{}", j + 1));
        let not_required: bool = s.req(&s47.icpc_not_required, sp, "ICPCnotRequired", BOOL)?;
        let icpc = s.opt(&s47.date_of_initial_cpc, sp, "DateOfInitialCPC", DATE)?;
        records.section47s.push(Section47 {
            id: id.clone(),
            child: child.clone(),
            referral: referral.clone(),
            strategy_discussion: None,
            start: s.req(&s47.start, sp, "S47ActualStartDate", DATE)?,
            end: None,
            icpc_target: s.opt(&s47.initial_cpc_target, sp, "InitialCPCtarget", DATE)?,
            icpc_required: !not_required,
            outcome: None,
        });
        if let Some(date) = icpc {
            let conf_id = RecordId::new(format!("{id}/icpc"));
            records.conferences.push(conference(
                conf_id,
                ConferenceKind::Initial,
                Some(id),
                plan_starting(date),
                date,
            ));
        }
    }
    if let Some(date) = episode_icpc {
        let conf_id = RecordId::new(format!("{referral}/icpc"));
        records.conferences.push(conference(
            conf_id,
            ConferenceKind::TransferIn,
            None,
            plan_starting(date),
            date,
        ));
    }
    for (plan, k, date) in reviews {
        let conf_id = RecordId::new(format!("{plan}/review/{k}"));
        records.conferences.push(conference(
            conf_id,
            ConferenceKind::Review,
            None,
            Some(plan),
            date,
        ));
    }
    Ok(())
}
