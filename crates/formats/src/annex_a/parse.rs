//! Turns the rows of Annex A lists back into model records.
//!
//! Annex A is lossy: it holds only some fields, inside look-back windows, without record ids.
//! The reader rebuilds what the carried columns say and nothing more:
//! - ids are made up as `AA<list>-<n>` (list 10 uses its family identifier when given);
//! - a child seen on several lists is one child, its details filled from the first list that
//!   gives each of them; a disability answered yes becomes the single code `DDA` (other);
//! - list 6 rows complete the list 3 referral with the same child and date, otherwise they are
//!   new referrals with source `10` (unknown);
//! - assessments, enquiries, conferences and plans are attached to the child's latest referral
//!   on or before their date, when the lists hold one;
//! - list 7's last statutory visit and latest review, list 8's last social work visit and list
//!   9's latest pathway plan become one visit, review conference or pathway plan each;
//! - a list 8 row becomes one episode per distinct start among "Date Started to be Looked
//!   After", "Start date of current legal status" and "Start Date of Most Recent Placement",
//!   each carrying the current legal status and placement;
//! - values the lists never hold take a neutral default: contact outcome no further action,
//!   assessment outcome CIN plan (needs support) or no further action, review participation and
//!   adopters absent, care leaver birthday from the age column (17 to 21);
//! - list 11 (adopters) is recognised and skipped: the model has no adopter records.

use std::collections::HashMap;
use std::path::Path;

use chrono::NaiveDate;
use sightline_model::CaseRecords;
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::*;

use super::categories as cat;
use super::io::{Cell, ListTable, SourceRow};
use super::lists::{self, ListSpec};
use crate::FormatError;
use crate::ssd::cells;

/// One row with typed accessors whose errors name the file, place and heading.
struct RowReader<'a> {
    file: &'a Path,
    list: &'static ListSpec,
    row: &'a SourceRow,
}

impl RowReader<'_> {
    fn cell(&self, heading: &str) -> &Cell {
        self.row
            .cells
            .get(self.list.col(heading))
            .unwrap_or(&Cell::Empty)
    }

    fn error(&self, heading: &str, message: impl Into<String>) -> FormatError {
        FormatError::Field {
            file: self.file.to_path_buf(),
            location: self.row.location.clone(),
            field: heading.to_owned(),
            value: self.cell(heading).as_text(),
            message: message.into(),
        }
    }

    fn text(&self, heading: &str) -> Option<String> {
        let cell = self.cell(heading);
        (!cell.is_blank()).then(|| cell.as_text())
    }

    fn required_text(&self, heading: &str) -> Result<String, FormatError> {
        self.text(heading)
            .ok_or_else(|| self.error(heading, "required value is blank"))
    }

    fn date(&self, heading: &str) -> Result<Option<NaiveDate>, FormatError> {
        const EXPECTED: &str = "not a date (dd/mm/yyyy, yyyy-mm-dd or an Excel date)";
        match self.cell(heading) {
            Cell::Empty => Ok(None),
            Cell::Date(d) => Ok(Some(*d)),
            Cell::BadDate(_) => {
                Err(self.error(heading, "not a real date (Excel serial out of range)"))
            }
            Cell::Number(n) => cells::excel_serial_to_date(*n)
                .map(Some)
                .ok_or_else(|| self.error(heading, EXPECTED)),
            Cell::Bool(_) => Err(self.error(heading, EXPECTED)),
            Cell::Text(t) if t.trim().is_empty() => Ok(None),
            Cell::Text(t) => {
                let t = t.trim();
                if let Ok(d) = cells::parse_date(t) {
                    return Ok(Some(d));
                }
                // A serial number that arrived as text (e.g. a workbook saved as CSV).
                let serial = (t.len() <= 7 && t.bytes().all(|b| b.is_ascii_digit() || b == b'.'))
                    .then(|| t.parse::<f64>().ok())
                    .flatten()
                    .and_then(cells::excel_serial_to_date);
                serial
                    .map(Some)
                    .ok_or_else(|| self.error(heading, EXPECTED))
            }
        }
    }

    fn required_date(&self, heading: &str) -> Result<NaiveDate, FormatError> {
        self.date(heading)?
            .ok_or_else(|| self.error(heading, "required date is blank"))
    }

    fn category<T>(
        &self,
        heading: &str,
        what: &str,
        parse: impl FnOnce(&str) -> Option<T>,
    ) -> Result<Option<T>, FormatError> {
        match self.text(heading) {
            None => Ok(None),
            Some(t) => parse(&t)
                .map(Some)
                .ok_or_else(|| self.error(heading, format!("not {what}"))),
        }
    }

    fn code<T>(
        &self,
        heading: &str,
        list: &str,
        from_code: impl Fn(&str) -> Option<T>,
    ) -> Result<Option<T>, FormatError> {
        self.category(heading, &format!("a {list} code"), |t| {
            cat::parse_code(t, from_code)
        })
    }

    fn required_code<T>(
        &self,
        heading: &str,
        list: &str,
        from_code: impl Fn(&str) -> Option<T>,
    ) -> Result<T, FormatError> {
        self.code(heading, list, from_code)?
            .ok_or_else(|| self.error(heading, "required value is blank"))
    }

    fn yes_no(&self, heading: &str) -> Result<Option<bool>, FormatError> {
        match self.text(heading) {
            None => Ok(None),
            Some(t) if cat::is_unknown(&t) => Ok(None),
            Some(t) => cat::parse_yes_no(&t)
                .map(Some)
                .ok_or_else(|| self.error(heading, "not a yes/no answer (a) Yes, b) No, Y or N)")),
        }
    }

    fn whole(&self, heading: &str) -> Result<Option<u32>, FormatError> {
        match self.text(heading) {
            None => Ok(None),
            Some(t) => cells::parse_whole(&t)
                .map(Some)
                .map_err(|m| self.error(heading, m)),
        }
    }
}

/// Builds records from list tables, list by list in number order.
#[derive(Default)]
struct Assembler {
    records: CaseRecords,
    child_index: HashMap<String, usize>,
    referral_by_day: HashMap<(String, NaiveDate), usize>,
    counters: [u64; 12],
}

impl Assembler {
    fn next_id(&mut self, list: u8, suffix: &str) -> RecordId {
        let n = self.counters.get_mut(usize::from(list)).map_or(0, |c| {
            *c += 1;
            *c
        });
        RecordId::new(format!("AA{list}{suffix}-{n}"))
    }

    /// Records the child of a row, merging details with earlier rows about the same child.
    fn child(&mut self, r: &RowReader<'_>) -> Result<ChildId, FormatError> {
        let id = r.required_text(lists::CHILD_ID)?;
        let sex = r.category(
            lists::GENDER,
            "a gender (a) Male, b) Female, c) Not stated/recorded)",
            cat::parse_gender,
        )?;
        let ethnicity = r.category(
            lists::ETHNICITY,
            "an ethnicity code (e.g. a) WBRI)",
            cat::parse_ethnicity,
        )?;
        let born = r.date(lists::DOB)?;
        let has_disability = if r
            .list
            .columns
            .iter()
            .any(|c| c.heading == lists::DISABILITY)
        {
            r.yes_no(lists::DISABILITY)?
        } else {
            None
        };
        let index = match self.child_index.get(&id) {
            Some(i) => *i,
            None => {
                self.child_index
                    .insert(id.clone(), self.records.children.len());
                self.records.children.push(Child {
                    id: ChildId::new(id.as_str()),
                    upn: None,
                    upn_unknown: None,
                    former_upn: None,
                    sex: Sex::Unknown,
                    date_of_birth: None,
                    expected_date_of_birth: None,
                    date_of_death: None,
                    ethnicity: Ethnicity::NOBT,
                    disabilities: Vec::new(),
                    uasc: None,
                    home_postcode: None,
                    locality: None,
                    motherhood: None,
                });
                self.records.children.len() - 1
            }
        };
        if let Some(child) = self.records.children.get_mut(index) {
            if child.sex == Sex::Unknown
                && let Some(s) = sex
            {
                child.sex = s;
            }
            if child.ethnicity == Ethnicity::NOBT
                && let Some(e) = ethnicity
            {
                child.ethnicity = e;
            }
            if child.date_of_birth.is_none() {
                child.date_of_birth = born;
            }
            if has_disability == Some(true) && child.disabilities.is_empty() {
                child.disabilities.push(Disability::DDA);
            }
        }
        Ok(ChildId::new(id))
    }

    fn mark_uasc(&mut self, child: &ChildId, uasc: Option<bool>) {
        if uasc == Some(true)
            && let Some(c) = self
                .child_index
                .get(child.as_str())
                .and_then(|i| self.records.children.get_mut(*i))
            && c.uasc.is_none()
        {
            c.uasc = Some(UascStatus {
                from: None,
                ceased: None,
            });
        }
    }

    fn add(&mut self, table: &ListTable) -> Result<(), FormatError> {
        for row in &table.rows {
            let r = RowReader {
                file: &table.file,
                list: table.list,
                row,
            };
            match table.list.number {
                1 => self.contact(&r)?,
                2 => self.early_help(&r)?,
                3 => self.referral(&r)?,
                4 => self.assessment(&r)?,
                5 => self.section47(&r)?,
                6 => self.cin(&r)?,
                7 => self.cp_plan(&r)?,
                8 => self.looked_after(&r)?,
                9 => self.care_leaver(&r)?,
                10 => self.adoption(&r)?,
                _ => {}
            }
        }
        Ok(())
    }

    fn contact(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        let source = r
            .category(
                "Contact Source",
                "a contact source (e.g. a) 1A)",
                cat::parse_source,
            )?
            .ok_or_else(|| r.error("Contact Source", "required value is blank"))?;
        let contact = Contact {
            id: self.next_id(1, ""),
            child,
            date: r.required_date("Date of Contact")?,
            source,
            outcome: ContactOutcome::NoFurtherAction,
        };
        self.records.contacts.push(contact);
        Ok(())
    }

    fn early_help(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        let episode = EarlyHelpEpisode {
            id: self.next_id(2, ""),
            child,
            locality: None,
            organisation: r.text("Organisation completing assessment"),
            start: r.required_date("Assessment start date")?,
            end: r.date("Assessment completion date")?,
            step: None,
            worker: None,
        };
        self.records.early_help.push(episode);
        Ok(())
    }

    fn referral(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        let date = r.required_date("Date of Referral")?;
        let source = r
            .category(
                "Referral Source",
                "a referral source (e.g. a) 1A)",
                cat::parse_source,
            )?
            .ok_or_else(|| r.error("Referral Source", "required value is blank"))?;
        let referral = Referral {
            id: self.next_id(3, ""),
            child: child.clone(),
            date,
            source,
            primary_need: None,
            nfa: r.yes_no("Referral NFA?")?.unwrap_or(false),
            closure_date: None,
            closure_reason: None,
            team: None,
        };
        self.referral_by_day.insert(
            (child.as_str().to_owned(), date),
            self.records.referrals.len(),
        );
        self.records.referrals.push(referral);
        Ok(())
    }

    fn cin(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        let date = r.required_date("CIN Start Date")?;
        let need = r.code("Primary Need Code", "PrimaryNeed", PrimaryNeed::from_code)?;
        let closure_date = r.date("CIN Closure Date")?;
        let closure_reason = r.code(
            "Reason for Closure",
            "ReasonForClosure",
            ReasonForClosure::from_code,
        )?;
        let key = (child.as_str().to_owned(), date);
        if let Some(existing) = self
            .referral_by_day
            .get(&key)
            .and_then(|i| self.records.referrals.get_mut(*i))
        {
            existing.primary_need = existing.primary_need.or(need);
            existing.closure_date = existing.closure_date.or(closure_date);
            existing.closure_reason = existing.closure_reason.or(closure_reason);
            return Ok(());
        }
        let referral = Referral {
            id: self.next_id(6, ""),
            child,
            date,
            source: ReferralSource::S10,
            primary_need: need,
            nfa: false,
            closure_date,
            closure_reason,
            team: None,
        };
        self.referral_by_day
            .insert(key, self.records.referrals.len());
        self.records.referrals.push(referral);
        Ok(())
    }

    fn assessment(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        let needs_support =
            r.yes_no("Was the child assessed as requiring LA children's social care support?")?;
        let assessment = Assessment {
            id: self.next_id(4, ""),
            child,
            referral: RecordId::default(),
            start: r.required_date("Continuous Assessment Start Date")?,
            authorised: r.date("Continuous Assessment Date of Authorisation")?,
            factors: Vec::new(),
            outcome: needs_support.map(|yes| {
                if yes {
                    AssessmentOutcome::CinPlan
                } else {
                    AssessmentOutcome::NoFurtherAction
                }
            }),
            worker: None,
        };
        self.records.assessments.push(assessment);
        Ok(())
    }

    fn section47(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        let unnecessary =
            r.yes_no("Was an Initial Child Protection Conference deemed unnecessary?")?;
        let s47 = Section47 {
            id: self.next_id(5, ""),
            child: child.clone(),
            referral: RecordId::default(),
            strategy_discussion: None,
            start: r
                .required_date("Strategy discussion initiating Section 47 Enquiry Start Date")?,
            end: None,
            icpc_target: None,
            icpc_required: unnecessary == Some(false),
            outcome: None,
        };
        if let Some(date) = r.date("Date of Initial Child Protection Conference")? {
            let decided = r.yes_no(
                "Did the Initial Child Protection Conference Result in a Child Protection Plan",
            )?;
            let conference = ChildProtectionConference {
                id: self.next_id(5, "C"),
                child,
                referral: RecordId::default(),
                kind: ConferenceKind::Initial,
                s47: Some(s47.id.clone()),
                plan: None,
                date,
                plan_decided: decided.unwrap_or(false),
            };
            self.records.conferences.push(conference);
        }
        self.records.section47s.push(s47);
        Ok(())
    }

    fn cp_plan(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        let category = |heading: &str| -> Result<CategoryOfAbuse, FormatError> {
            r.category(
                heading,
                "a category of abuse (e.g. Neglect or NEG)",
                cat::parse_abuse,
            )?
            .ok_or_else(|| r.error(heading, "required value is blank"))
        };
        let plan = ChildProtectionPlan {
            id: self.next_id(7, ""),
            child: child.clone(),
            referral: RecordId::default(),
            start: r.required_date("Child Protection Plan Start Date")?,
            end: r.date("Child Protection Plan End Date")?,
            initial_category: category("Initial Category of Abuse")?,
            latest_category: category("Latest Category of Abuse")?,
            previous_plans: r
                .whole("Number of Previous Child Protection Plans")?
                .unwrap_or(0),
        };
        if let Some(date) = r.date("Date of the Last Statutory Visit")? {
            let visit = Visit {
                id: self.next_id(7, "V"),
                child: child.clone(),
                kind: VisitKind::ChildProtection,
                date,
                seen: true,
                seen_alone: r.yes_no("Was the Child Seen Alone?")?.unwrap_or(false),
                worker: None,
            };
            self.records.visits.push(visit);
        }
        if let Some(date) = r.date("Date of latest review conference")? {
            let review = ChildProtectionConference {
                id: self.next_id(7, "R"),
                child,
                referral: RecordId::default(),
                kind: ConferenceKind::Review,
                s47: None,
                plan: Some(plan.id.clone()),
                date,
                plan_decided: true,
            };
            self.records.conferences.push(review);
        }
        self.records.cp_plans.push(plan);
        Ok(())
    }

    fn looked_after(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        use ReasonNewEpisode as Rne;
        let child = self.child(r)?;
        self.mark_uasc(
            &child,
            r.yes_no("Unaccompanied Asylum Seeking Child (UASC) within the Last 12 Months (Y/N)")?,
        );
        let started = r.required_date("Date Started to be Looked After")?;
        let legal_start = r
            .date("Start date of current legal status")?
            .unwrap_or(started)
            .max(started);
        let placement_start = r
            .date("Start Date of Most Recent Placement")?
            .unwrap_or(started)
            .max(started);
        let legal_status = r.required_code(
            "Child's Legal Status",
            "LegalStatus",
            LegalStatus::from_code,
        )?;
        let need = r.required_code(
            "Child's Category of Need",
            "CategoryOfNeed",
            CategoryOfNeed::from_code,
        )?;
        let placement =
            r.required_code("Placement Type", "PlacementType", PlacementType::from_code)?;
        let provider = r.code(
            "Placement Provider",
            "PlacementProvider",
            PlacementProvider::from_code,
        )?;
        let ceased = r.date("Date Ceased to be Looked After")?;
        let reason_ceased = r.code(
            "Reason Ceased to be Looked After",
            "ReasonEpisodeCeased",
            ReasonEpisodeCeased::from_code,
        )?;
        let la = r.category("LA of Placement", "a 3-digit LA code", |t| {
            t.parse::<LaCode>().ok()
        })?;
        let postcode = r
            .text("Placement postcode")
            .map(|p| Postcode::normalised(&p));
        let urn = r.text("URN of Placement");

        let mut starts = vec![started, legal_start, placement_start];
        starts.sort();
        starts.dedup();
        let row_id = self.next_id(8, "");
        let count = starts.len();
        for (k, start) in starts.iter().enumerate() {
            let reason_new = match (k, *start == legal_start, *start == placement_start) {
                (0, _, _) => Rne::S,
                (_, true, true) => Rne::B,
                (_, true, false) => Rne::L,
                _ => Rne::P,
            };
            let last = k + 1 == count;
            self.records.cla_episodes.push(ClaEpisode {
                id: RecordId::new(format!("{}-{}", row_id.as_str(), k + 1)),
                child: child.clone(),
                start: *start,
                reason_new,
                legal_status,
                category_of_need: need,
                placement,
                provider,
                end: if last {
                    ceased
                } else {
                    starts.get(k + 1).copied()
                },
                reason_ceased: if last {
                    reason_ceased
                } else {
                    Some(ReasonEpisodeCeased::X1)
                },
                reason_place_change: None,
                home_postcode: None,
                placement_postcode: postcode.clone(),
                urn: urn.clone(),
                placement_la: la,
                placement_distance_miles: None,
            });
        }
        if let Some(date) = r.date("Date of Last Social Work Visit")? {
            let visit = Visit {
                id: self.next_id(8, "V"),
                child,
                kind: VisitKind::LookedAfter,
                date,
                seen: true,
                seen_alone: false,
                worker: None,
            };
            self.records.visits.push(visit);
        }
        Ok(())
    }

    fn care_leaver(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        self.mark_uasc(
            &child,
            r.yes_no(
                "Unaccompanied Asylum Seeking Child (UASC), or formerly UASC if 18 or over (Y/N)",
            )?,
        );
        let in_touch = r.required_code("LA in Touch", "InTouch", InTouch::from_code)?;
        let activity = r
            .code("Activity Status", "Activity", Activity::from_code)?
            .unwrap_or(Activity::A0);
        let accommodation = self.accommodation(r)?;
        let age = r.whole(lists::AGE)?;
        let leaver = CareLeaverContact {
            id: self.next_id(9, ""),
            child: child.clone(),
            birthday_age: age.map_or(18, |a| a.clamp(17, 21) as u8),
            contact_date: r.date("Latest Date of Contact")?,
            in_touch,
            activity,
            accommodation,
        };
        self.records.care_leavers.push(leaver);
        if let Some(date) = r.date("Latest Pathway Plan Review Date")? {
            let plan = PathwayPlan {
                id: self.next_id(9, "P"),
                child,
                date,
                personal_adviser: r.text("Allocated Personal Advisor").map(WorkerId::new),
            };
            self.records.pathway_plans.push(plan);
        }
        Ok(())
    }

    fn accommodation(&self, r: &RowReader<'_>) -> Result<Accommodation, FormatError> {
        const KIND: &str = "Type of Accommodation";
        const SUITABLE: &str = "Suitability of Accommodation";
        let Some(kind) = r.text(KIND) else {
            return Ok(Accommodation::A0);
        };
        // A full 903 code (`D1`) in the type column is accepted as it is.
        if let Some(code) =
            Accommodation::from_code(&kind).filter(|_| kind.len() > 1 || kind == "0")
        {
            return Ok(code);
        }
        let letter = cat::split_letter(&kind).map_or(kind.clone(), |(_, rest)| rest.to_owned());
        let letter = letter.get(..1).unwrap_or("").to_ascii_uppercase();
        let digit = r
            .category(
                SUITABLE,
                "a suitability (Suitable or Not suitable)",
                cat::parse_suitability,
            )?
            .ok_or_else(|| r.error(SUITABLE, "required when the type of accommodation is given"))?;
        Accommodation::from_code(&format!("{letter}{digit}"))
            .ok_or_else(|| r.error(KIND, "not an accommodation type with this suitability"))
    }

    fn adoption(&mut self, r: &RowReader<'_>) -> Result<(), FormatError> {
        let child = self.child(r)?;
        let adoption_order = r.date("Date of Adoption Order")?;
        let id = match r.text("Family identifier") {
            Some(family) => RecordId::new(family),
            None => self.next_id(10, ""),
        };
        let permanence = Permanence {
            id,
            child,
            plan_date: None,
            adm_decision: r.date("Date of Decision that Child Should be Placed for Adoption")?,
            placement_order: r.date("Date of Placement Order")?,
            matched: r.date("Date of Matching Child and Prospective Adopters")?,
            placed_for_adoption: r.date("Date Placed for Adoption")?,
            decision_reversed: r
                .date("Date of Decision that Child Should No Longer be Placed for Adoption")?,
            reversal_reason: r.category(
                "Reason Why Child No Longer Placed for Adoption",
                "a reason code (RD1 to RD4)",
                cat::parse_reversal_reason,
            )?,
            order: adoption_order.map(|_| PermanenceOrder::Adoption),
            order_date: adoption_order,
            adopters: None,
        };
        self.records.permanence.push(permanence);
        Ok(())
    }

    /// Attaches assessments, enquiries, conferences and plans to the child's latest referral on
    /// or before their date.
    fn link_referrals(&mut self) {
        let CaseRecords {
            referrals,
            assessments,
            section47s,
            conferences,
            cp_plans,
            ..
        } = &mut self.records;
        let mut by_child: HashMap<&str, Vec<(NaiveDate, &RecordId)>> = HashMap::new();
        for r in referrals.iter() {
            by_child
                .entry(r.child.as_str())
                .or_default()
                .push((r.date, &r.id));
        }
        let find = |child: &ChildId, date: NaiveDate| -> RecordId {
            by_child
                .get(child.as_str())
                .and_then(|list| {
                    list.iter()
                        .filter(|(d, _)| *d <= date)
                        .max_by_key(|(d, _)| *d)
                })
                .map(|(_, id)| (*id).clone())
                .unwrap_or_default()
        };
        for a in assessments.iter_mut() {
            a.referral = find(&a.child, a.start);
        }
        for s in section47s.iter_mut() {
            s.referral = find(&s.child, s.start);
        }
        for c in conferences.iter_mut() {
            c.referral = find(&c.child, c.date);
        }
        for p in cp_plans.iter_mut() {
            p.referral = find(&p.child, p.start);
        }
    }
}

/// Builds one set of records from list tables in any order (they are taken in list order).
pub(crate) fn assemble(mut tables: Vec<ListTable>) -> Result<CaseRecords, FormatError> {
    tables.sort_by_key(|t| t.list.number);
    let mut a = Assembler::default();
    for table in &tables {
        a.add(table)?;
    }
    a.link_referrals();
    Ok(a.records)
}
