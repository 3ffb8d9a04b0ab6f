//! Stage 2 of reading a 903 return: lenient rows into the case model, refusing the first value
//! that is invalid or missing where the model needs it.
//!
//! The 903 carries no ids below the child, so record ids are made up deterministically from the
//! child and the row's position among that child's rows of the table (`<child>/episode/<n>`).
//! Some model fields come from more than one table: a child's UASC status from the UASC table,
//! a permanence record from AD1 and PlacedAdoption (joined on the decision date), the date of an
//! adoption order from the episode that ended with E11/E12.

use std::collections::HashMap;

use chrono::NaiveDate;
use sightline_model::CaseRecords;
use sightline_model::codes::{ReasonEpisodeCeased, Sex};
use sightline_model::ids::{ChildId, RecordId};
use sightline_model::records::*;

use super::cell::Cell;
use super::lenient::*;
use crate::{FormatError, Location};

const DATE: &str = "not a date (dd/mm/yyyy)";
const CODE: &str = "not a valid code";
const FLAG: &str = "not 0 or 1";
const BLANK: &str = "required value is blank";

fn field_error(at: &RowRef, field: &str, value: &str, message: &str) -> FormatError {
    FormatError::Field {
        file: at.file.to_path_buf(),
        location: Location::Line(at.line),
        field: field.to_owned(),
        value: value.to_owned(),
        message: message.to_owned(),
    }
}

/// An optional field: blank is `None`, invalid text is an error saying `what` is wrong.
fn opt<T: Clone>(
    cell: &Cell<T>,
    at: &RowRef,
    field: &str,
    what: &str,
) -> Result<Option<T>, FormatError> {
    match cell {
        Cell::Blank => Ok(None),
        Cell::Value(v) => Ok(Some(v.clone())),
        Cell::Invalid(text) => Err(field_error(at, field, text, what)),
    }
}

/// A field the model needs: blank is an error too.
fn req<T: Clone>(cell: &Cell<T>, at: &RowRef, field: &str, what: &str) -> Result<T, FormatError> {
    opt(cell, at, field, what)?.ok_or_else(|| field_error(at, field, "", BLANK))
}

/// The child a row belongs to. Child ids are personal data, so an error never repeats one.
fn child(cell: &Cell<ChildId>, at: &RowRef) -> Result<ChildId, FormatError> {
    req(cell, at, "CHILD", CODE)
}

/// Numbers each child's rows of one table: 1, 2, 3...
#[derive(Default)]
struct Numbering(HashMap<ChildId, u32>);

impl Numbering {
    fn next_id(&mut self, child: &ChildId, kind: &str) -> RecordId {
        let n = self.0.entry(child.clone()).or_insert(0);
        *n += 1;
        RecordId::new(format!("{}/{kind}/{n}", child.as_str()))
    }
}

/// Maps lenient tables into the case model. `collection_year_ending` is needed for the OC2
/// outcome year and the OC3 birthday; when `None` it is inferred from the dates in the tables.
pub fn to_records(
    tables: &Ssda903Tables,
    collection_year_ending: Option<i32>,
) -> Result<CaseRecords, FormatError> {
    let year = collection_year_ending.or_else(|| tables.inferred_collection_year());
    let mut records = CaseRecords::default();
    let mut children_by_id = HashMap::new();
    for row in &tables.header {
        let child = header_child(row)?;
        if let Some(first_line) = children_by_id.get(&child.id).map(|(line, _)| *line) {
            return Err(field_error(
                &row.at,
                "CHILD",
                "",
                &format!("the same child already has a Header row at line {first_line}"),
            ));
        }
        children_by_id.insert(child.id.clone(), (row.at.line, records.children.len()));
        records.children.push(child);
    }
    let mut numbering = Numbering::default();
    for row in &tables.episodes {
        records.cla_episodes.push(episode(row, &mut numbering)?);
    }
    for row in &tables.reviews {
        let id_child = child(&row.child, &row.at)?;
        records.cla_reviews.push(ClaReview {
            id: numbering.next_id(&id_child, "review"),
            child: id_child,
            date: req(&row.review, &row.at, "REVIEW", DATE)?,
            participation: req(&row.review_code, &row.at, "REVIEW_CODE", CODE)?,
        });
    }
    for row in &tables.uasc {
        let id = child(&row.child, &row.at)?;
        let ceased = opt(&row.duc, &row.at, "DUC", DATE)?;
        if let Some((_, index)) = children_by_id.get(&id)
            && let Some(c) = records.children.get_mut(*index)
        {
            c.uasc = Some(UascStatus { from: None, ceased });
        }
    }
    for row in &tables.oc2 {
        records.health_outcomes.push(health_outcome(row, year)?);
    }
    for row in &tables.oc3 {
        let header_dob = |id: &ChildId| {
            children_by_id
                .get(id)
                .and_then(|(_, i)| records.children.get(*i))
                .and_then(|c| c.date_of_birth)
        };
        if let Some(leaver) = care_leaver(row, year, header_dob)? {
            records.care_leavers.push(leaver);
        }
    }
    records.permanence = permanence(tables, &records.cla_episodes)?;
    for row in &tables.previous_permanence {
        records.previous_permanence.push(PreviousPermanenceRecord {
            child: child(&row.child, &row.at)?,
            kind: req(&row.prev_perm, &row.at, "PREV_PERM", CODE)?,
            la: opt(&row.la_perm, &row.at, "LA_PERM", CODE)?,
            date: opt(
                &row.date_perm,
                &row.at,
                "DATE_PERM",
                "not a date (dd/mm/yyyy, ZZ for an unknown day or month)",
            )?,
        });
    }
    for row in &tables.missing {
        let id = child(&row.child, &row.at)?;
        records.missing.push(MissingEpisode {
            id: numbering.next_id(&id, "missing"),
            child: id,
            kind: req(&row.missing, &row.at, "MISSING", CODE)?,
            start: req(&row.mis_start, &row.at, "MIS_START", DATE)?,
            end: opt(&row.mis_end, &row.at, "MIS_END", DATE)?,
            rhi_offered: None,
            rhi_completed: None,
        });
    }
    for row in &tables.sw_episodes {
        let id = child(&row.child, &row.at)?;
        records.allocations.push(Allocation {
            id: numbering.next_id(&id, "sw"),
            child: id,
            worker: req(&row.sw_id, &row.at, "SW_ID", CODE)?,
            start: req(&row.sw_decom, &row.at, "SW_DECOM", DATE)?,
            end: opt(&row.sw_dec, &row.at, "SW_DEC", DATE)?,
            reason: opt(&row.sw_reason, &row.at, "SW_REASON", CODE)?,
        });
    }
    Ok(records)
}

fn header_child(row: &HeaderRow) -> Result<Child, FormatError> {
    let at = &row.at;
    let id = child(&row.child, at)?;
    // Files of earlier years code sex 1/2; the case model takes either.
    let sex: Sex = match &row.sex {
        Cell::Invalid(text) => match super::lenient::legacy_sex_code(text) {
            Some(sex) => sex,
            None => req(&row.sex, at, "SEX", CODE)?,
        },
        _ => req(&row.sex, at, "SEX", CODE)?,
    };
    let date_of_birth = opt(&row.dob, at, "DOB", DATE)?;
    let ethnicity = req(&row.ethnic, at, "ETHNIC", CODE)?;
    let upn_field = opt(
        &row.upn,
        at,
        "UPN",
        "not a UPN or an unknown-UPN code (UN1-UN5)",
    )?;
    let mother = opt(&row.mother, at, "MOTHER", FLAG)?;
    let mc_dob = opt(&row.mc_dob, at, "MC_DOB", DATE)?;
    let (upn, upn_unknown) = match upn_field {
        Some(UpnField::Upn(upn)) => (Some(upn), None),
        Some(UpnField::Unknown(code)) => (None, Some(code)),
        None => (None, None),
    };
    Ok(Child {
        id,
        upn,
        upn_unknown,
        former_upn: None,
        sex,
        date_of_birth,
        expected_date_of_birth: None,
        date_of_death: None,
        ethnicity,
        disabilities: Vec::new(),
        uasc: None,
        home_postcode: None,
        locality: None,
        motherhood: (mother == Some(true)).then_some(Motherhood {
            first_child_born: mc_dob,
        }),
    })
}

fn episode(row: &EpisodeRow, numbering: &mut Numbering) -> Result<ClaEpisode, FormatError> {
    let at = &row.at;
    let id = child(&row.child, at)?;
    Ok(ClaEpisode {
        id: numbering.next_id(&id, "episode"),
        child: id,
        start: req(&row.decom, at, "DECOM", DATE)?,
        reason_new: req(&row.rne, at, "RNE", CODE)?,
        legal_status: req(&row.ls, at, "LS", CODE)?,
        category_of_need: req(&row.cin, at, "CIN", CODE)?,
        placement: req(&row.place, at, "PLACE", CODE)?,
        provider: opt(&row.place_provider, at, "PLACE_PROVIDER", CODE)?,
        end: opt(&row.dec, at, "DEC", DATE)?,
        reason_ceased: opt(&row.rec, at, "REC", CODE)?,
        reason_place_change: opt(&row.reason_place_change, at, "REASON_PLACE_CHANGE", CODE)?,
        home_postcode: opt(&row.home_post, at, "HOME_POST", "not a postcode")?,
        placement_postcode: opt(&row.pl_post, at, "PL_POST", "not a postcode")?,
        urn: opt(&row.urn, at, "URN", CODE)?,
        placement_la: None,
        placement_distance_miles: None,
    })
}

fn year_or_error(year: Option<i32>, at: &RowRef) -> Result<i32, FormatError> {
    year.ok_or_else(|| FormatError::Malformed {
        file: at.file.to_path_buf(),
        location: Location::Line(at.line),
        message: "cannot tell the collection year: the return has no episode, review, missing \
                  or social worker dates"
            .into(),
    })
}

fn health_outcome(row: &Oc2Row, year: Option<i32>) -> Result<ClaHealthOutcome, FormatError> {
    let at = &row.at;
    Ok(ClaHealthOutcome {
        child: child(&row.child, at)?,
        year_ending: year_or_error(year, at)?,
        sdq_score: opt(
            &row.sdq_score,
            at,
            "SDQ_SCORE",
            "not a whole number from 0 to 40",
        )?,
        sdq_reason: opt(&row.sdq_reason, at, "SDQ_REASON", CODE)?,
        convicted: opt(&row.convicted, at, "CONVICTED", FLAG)?,
        health_check: opt(&row.health_check, at, "HEALTH_CHECK", FLAG)?,
        immunisations: opt(&row.immunisations, at, "IMMUNISATIONS", FLAG)?,
        teeth_check: opt(&row.teeth_check, at, "TEETH_CHECK", FLAG)?,
        health_assessment: opt(&row.health_assessment, at, "HEALTH_ASSESSMENT", FLAG)?,
        substance_misuse: opt(&row.substance_misuse, at, "SUBSTANCE_MISUSE", FLAG)?,
        intervention_received: opt(
            &row.intervention_received,
            at,
            "INTERVENTION_RECEIVED",
            FLAG,
        )?,
        intervention_offered: opt(&row.intervention_offered, at, "INTERVENTION_OFFERED", FLAG)?,
    })
}

/// An OC3 row whose three items are all blank says nothing about the young person: the DfE
/// allows it (rule 153), and it becomes no record.
fn care_leaver(
    row: &Oc3Row,
    year: Option<i32>,
    header_dob: impl Fn(&ChildId) -> Option<NaiveDate>,
) -> Result<Option<CareLeaverContact>, FormatError> {
    let at = &row.at;
    let id = child(&row.child, at)?;
    if row.in_touch.is_blank() && row.activ.is_blank() && row.accom.is_blank() {
        return Ok(None);
    }
    let dob = match opt(&row.dob, at, "DOB", DATE)? {
        Some(dob) => dob,
        None => header_dob(&id).ok_or_else(|| field_error(at, "DOB", "", BLANK))?,
    };
    let year_end = NaiveDate::from_ymd_opt(year_or_error(year, at)?, 3, 31)
        .ok_or_else(|| field_error(at, "DOB", "", "collection year out of range"))?;
    // The birthday that falls in the collection year is the age reached by its last day.
    let age = sightline_model::age_on(dob, year_end);
    let birthday_age = u8::try_from(age)
        .map_err(|_| field_error(at, "DOB", &super::cell::format_dmy(dob), "age out of range"))?;
    Ok(Some(CareLeaverContact {
        id: RecordId::new(format!("{}/oc3/{birthday_age}", id.as_str())),
        child: id,
        birthday_age,
        contact_date: None,
        in_touch: req(&row.in_touch, at, "IN_TOUCH", CODE)?,
        activity: req(&row.activ, at, "ACTIV", CODE)?,
        accommodation: req(&row.accom, at, "ACCOM", CODE)?,
    }))
}

fn adopters(row: &Ad1Row) -> Result<Option<Adopters>, FormatError> {
    let at = &row.at;
    if row.foster_care.is_blank()
        && row.nb_adoptr.is_blank()
        && row.sex_adoptr.is_blank()
        && row.ls_adoptr.is_blank()
    {
        return Ok(None);
    }
    Ok(Some(Adopters {
        foster_carers: req(&row.foster_care, at, "FOSTER_CARE", FLAG)?,
        count: req(&row.nb_adoptr, at, "NB_ADOPTR", "not 1 or 2")?,
        sex: req(&row.sex_adoptr, at, "SEX_ADOPTR", CODE)?,
        legal_status: req(&row.ls_adoptr, at, "LS_ADOPTR", CODE)?,
    }))
}

/// Permanence records: one per PlacedAdoption row, with the child's AD1 row joined where its
/// `DATE_INT` equals `DATE_PLACED` (rule 523 requires it), and one more per AD1 row left over.
fn permanence(
    tables: &Ssda903Tables,
    episodes: &[ClaEpisode],
) -> Result<Vec<Permanence>, FormatError> {
    let mut adoption_order_dates: HashMap<&ChildId, NaiveDate> = HashMap::new();
    for ep in episodes {
        if matches!(
            ep.reason_ceased,
            Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
        ) && let Some(end) = ep.end
        {
            let latest = adoption_order_dates.entry(&ep.child).or_insert(end);
            *latest = (*latest).max(end);
        }
    }
    let mut out: Vec<Permanence> = Vec::new();
    let mut numbering = Numbering::default();
    for row in &tables.placed_for_adoption {
        let at = &row.at;
        let id = child(&row.child, at)?;
        out.push(Permanence {
            id: numbering.next_id(&id, "permanence"),
            child: id,
            plan_date: None,
            adm_decision: opt(&row.date_placed, at, "DATE_PLACED", DATE)?,
            placement_order: None,
            matched: None,
            placed_for_adoption: None,
            decision_reversed: opt(&row.date_placed_ceased, at, "DATE_PLACED_CEASED", DATE)?,
            reversal_reason: opt(&row.reason_placed_ceased, at, "REASON_PLACED_CEASED", CODE)?,
            order: None,
            order_date: None,
            adopters: None,
        });
    }
    for row in &tables.ad1 {
        let at = &row.at;
        let id = child(&row.child, at)?;
        let date_int = opt(&row.date_int, at, "DATE_INT", DATE)?;
        let matched = opt(&row.date_match, at, "DATE_MATCH", DATE)?;
        let adopters = adopters(row)?;
        let order_date = adoption_order_dates.get(&id).copied();
        let joined = out.iter_mut().find(|p| {
            p.child == id && p.order.is_none() && date_int.is_some() && p.adm_decision == date_int
        });
        let record = match joined {
            Some(record) => record,
            None => {
                out.push(Permanence {
                    id: numbering.next_id(&id, "permanence"),
                    child: id,
                    plan_date: None,
                    adm_decision: date_int,
                    placement_order: None,
                    matched: None,
                    placed_for_adoption: None,
                    decision_reversed: None,
                    reversal_reason: None,
                    order: None,
                    order_date: None,
                    adopters: None,
                });
                match out.last_mut() {
                    Some(record) => record,
                    None => continue,
                }
            }
        };
        record.matched = matched;
        record.adopters = adopters;
        record.order = Some(PermanenceOrder::Adoption);
        record.order_date = order_date;
    }
    Ok(out)
}
