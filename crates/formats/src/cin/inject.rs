//! Recording errors injected into CIN children before they are written (see [`crate::faults`]).
//!
//! Each record element of a child (its identifiers, its characteristics, each `CINdetails`,
//! `Assessments`, `CINPlanDates`, `Section47` and `ChildProtectionPlans`) may get one error.
//! Errors change or remove leaves only, never add or drop a record element, so the positions
//! counted while writing are the positions the reader will report.

use chrono::NaiveDate;

use super::lenient::Positions;
use super::write::El;
use crate::Format;
use crate::faults::{
    FaultKind, FaultRng, FaultSpec, InjectedFault, bad_ymd, earlier, invalid_code,
};
use crate::ssda903::{format_ymd, parse_ymd};

use FaultKind::*;

/// The errors each record element can get: (element, kind).
fn candidates(group: &str) -> &'static [(&'static str, FaultKind)] {
    match group {
        "ChildIdentifiers" => &[
            ("LAchildID", DuplicateId),
            ("PersonBirthDate", BadDate),
            ("Sex", InvalidCode),
            ("Sex", MissingCode),
        ],
        "ChildCharacteristics" => &[
            ("Ethnicity", MissingCode),
            ("Ethnicity", InvalidCode),
            ("Disability", InvalidCode),
        ],
        "CINdetails" => &[
            ("CINreferralDate", BadDate),
            ("CINreferralDate", OverlappingEpisode),
            ("ReferralSource", MissingCode),
            ("ReferralSource", InvalidCode),
            ("PrimaryNeedCode", InvalidCode),
            ("CINclosureDate", DatesOutOfOrder),
            ("ReasonForClosure", MissingCode),
        ],
        "Assessments" => &[
            ("AssessmentActualStartDate", BadDate),
            ("AssessmentActualStartDate", MissingDate),
            ("AssessmentAuthorisationDate", DatesOutOfOrder),
        ],
        "CINPlanDates" => &[
            ("CINPlanStartDate", BadDate),
            ("CINPlanEndDate", DatesOutOfOrder),
        ],
        "Section47" => &[
            ("S47ActualStartDate", BadDate),
            ("DateOfInitialCPC", DatesOutOfOrder),
            ("ICPCnotRequired", InvalidCode),
        ],
        "ChildProtectionPlans" => &[
            ("InitialCategoryOfAbuse", InvalidCode),
            ("LatestCategoryOfAbuse", MissingCode),
            ("CPPendDate", DatesOutOfOrder),
            ("NumberOfPreviousCPP", MissingCode),
        ],
        _ => &[],
    }
}

/// The start an end date must not precede.
fn start_element(end: &str) -> Option<&'static str> {
    match end {
        "CINclosureDate" => Some("CINreferralDate"),
        "AssessmentAuthorisationDate" => Some("AssessmentActualStartDate"),
        "CINPlanEndDate" => Some("CINPlanStartDate"),
        "DateOfInitialCPC" => Some("S47ActualStartDate"),
        "CPPendDate" => Some("CPPstartDate"),
        _ => None,
    }
}

/// The leaf a fault changes: a direct child of the group, or the first `Disability`.
fn leaf<'a>(group: &'a El, name: &str) -> Option<&'a El> {
    if name == "Disability" {
        let disabilities = group.children.iter().find(|c| c.name == "Disabilities")?;
        return disabilities.children.iter().find(|c| c.name == name);
    }
    group.children.iter().find(|c| c.name == name)
}

fn leaf_mut<'a>(group: &'a mut El, name: &str) -> Option<&'a mut El> {
    if name == "Disability" {
        return group.child_mut("Disabilities")?.child_mut(name);
    }
    group.child_mut(name)
}

enum Change {
    Set(String),
    Remove,
}

/// What the rest of the file says about a record, for errors that depend on it.
struct Context<'a> {
    previous_child: Option<&'a str>,
    previous_closure: Option<NaiveDate>,
}

fn plan(
    rng: &mut FaultRng,
    group: &El,
    name: &str,
    kind: FaultKind,
    ctx: &Context<'_>,
) -> Option<Change> {
    let text = leaf(group, name)?.text.as_deref()?;
    match kind {
        MissingCode | MissingDate | InvalidCode if text.is_empty() => None,
        MissingCode | MissingDate => Some(Change::Remove),
        InvalidCode => Some(Change::Set(invalid_code(text))),
        BadDate => parse_ymd(text).map(|d| Change::Set(bad_ymd(rng, d))),
        DatesOutOfOrder => {
            parse_ymd(text)?;
            let start = group.text_of(start_element(name)?).and_then(parse_ymd)?;
            Some(Change::Set(format_ymd(earlier(rng, start))))
        }
        OverlappingEpisode => {
            let closure = ctx.previous_closure?;
            Some(Change::Set(format_ymd(earlier(rng, closure))))
        }
        DuplicateId => ctx
            .previous_child
            .filter(|previous| *previous != text)
            .map(|previous| Change::Set(previous.to_owned())),
    }
}

/// Injects faults child by child, counting record elements as the reader will.
pub(crate) struct Injector {
    rng: FaultRng,
    rate: f64,
    positions: Positions,
    previous_child: Option<String>,
    faults: Vec<InjectedFault>,
}

impl Injector {
    pub(crate) fn new(spec: &FaultSpec) -> Injector {
        Injector {
            rng: FaultRng::new(spec.seed, 2),
            rate: spec.rate,
            positions: Positions::default(),
            previous_child: None,
            faults: Vec::new(),
        }
    }

    pub(crate) fn into_faults(self) -> Vec<InjectedFault> {
        self.faults
    }

    /// Maybe injects one error into `group`, which is at `position` in its group across the file.
    fn maybe(&mut self, group: &mut El, position: u64, child_id: &str, ctx: &Context<'_>) {
        if !self.rng.chance(self.rate) {
            return;
        }
        let mut options: Vec<(&'static str, FaultKind, Change)> = Vec::new();
        for (name, kind) in candidates(group.name) {
            if let Some(change) = plan(&mut self.rng, group, name, *kind, ctx) {
                options.push((name, *kind, change));
            }
        }
        let pick = self.rng.below(options.len());
        let Some((name, kind, change)) = options.into_iter().nth(pick) else {
            return;
        };
        match change {
            Change::Set(text) => {
                if let Some(el) = leaf_mut(group, name) {
                    el.text = Some(text);
                }
            }
            Change::Remove => group.children.retain(|c| c.name != name),
        }
        self.faults.push(InjectedFault {
            format: Format::CinCensus,
            table: group.name.to_owned(),
            row_number: position,
            child_id: child_id.to_owned(),
            field: name.to_owned(),
            kind,
        });
    }

    /// Maybe injects errors into the record elements of one `<Child>`.
    pub(crate) fn child(&mut self, child: &mut El) {
        self.positions.child += 1;
        let position = self.positions.child;
        let child_id = child
            .children
            .iter()
            .find(|g| g.name == "ChildIdentifiers")
            .and_then(|g| g.text_of("LAchildID"))
            .unwrap_or_default()
            .to_owned();
        let previous_child = self.previous_child.take();
        let mut previous_closure = None;
        for group in &mut child.children {
            let ctx = Context {
                previous_child: previous_child.as_deref(),
                previous_closure,
            };
            match group.name {
                "ChildIdentifiers" | "ChildCharacteristics" => {
                    self.maybe(group, position, &child_id, &ctx);
                }
                "CINdetails" => {
                    self.positions.cin_details += 1;
                    let details_position = self.positions.cin_details;
                    self.maybe(group, details_position, &child_id, &ctx);
                    previous_closure = group.text_of("CINclosureDate").and_then(parse_ymd);
                    for record in &mut group.children {
                        let counter = match record.name {
                            "Assessments" => &mut self.positions.assessments,
                            "CINPlanDates" => &mut self.positions.cin_plans,
                            "Section47" => &mut self.positions.section47s,
                            "ChildProtectionPlans" => &mut self.positions.cp_plans,
                            _ => continue,
                        };
                        *counter += 1;
                        let record_position = *counter;
                        self.maybe(record, record_position, &child_id, &ctx);
                    }
                }
                _ => {}
            }
        }
        // The id as written, so that a duplicate of a duplicated id is still a duplicate.
        self.previous_child = child
            .children
            .iter()
            .find(|g| g.name == "ChildIdentifiers")
            .and_then(|g| g.text_of("LAchildID"))
            .map(str::to_owned);
    }
}
