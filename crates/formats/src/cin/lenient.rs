//! Stage 1 of reading a CIN census file: one `<Child>` at a time into a lenient typed struct.
//!
//! Every leaf is a [`Cell`] (value, blank or absent, or the invalid text verbatim) and every
//! record element keeps its element path (`Message/Children/Child[12]/CINdetails[1]`) and its
//! position among all elements of the same name in the file, which is how validation findings
//! and injected faults point at it. Elements the schema does not know, and repeats of elements
//! that may appear once, are listed in [`CinChild::unexpected`] rather than refused.

use std::borrow::Cow;

use chrono::{NaiveDate, NaiveDateTime};
use sightline_model::codes::*;
use sightline_model::ids::{ChildId, LaCode, Upn};

use crate::ssda903::{Cell, looks_like_upn, parse_count, parse_xml_bool, parse_ymd};

/// A generic element read from the file: the reader's unit before typing.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Node {
    pub name: Cow<'static, str>,
    pub text: String,
    pub children: Vec<Node>,
}

/// A repeated leaf (a `Disability`, an `AssessmentFactors`, a `CPPreviewDate`) with its path.
#[derive(Clone, Debug, PartialEq)]
pub struct Item<T> {
    /// Element path, e.g. `Message/Children/Child[3]/ChildCharacteristics/Disabilities/Disability[2]`.
    pub path: String,
    /// The value.
    pub value: Cell<T>,
}

/// The `<Header>` of a CIN census file.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CinHeader {
    /// `CollectionDetails/Collection` (normally `CIN`).
    pub collection: Cell<String>,
    /// `CollectionDetails/Year`: the year the collection ends.
    pub year: Cell<i32>,
    /// `CollectionDetails/ReferenceDate`: 31 March of `year`.
    pub reference_date: Cell<NaiveDate>,
    /// `Source/SourceLevel` (normally `L`).
    pub source_level: Cell<String>,
    /// `Source/LEA`: the 3-digit LA code.
    pub lea: Cell<LaCode>,
    /// `Source/SoftwareCode`.
    pub software_code: Cell<String>,
    /// `Source/Release`.
    pub release: Cell<String>,
    /// `Source/SerialNo`.
    pub serial_no: Cell<String>,
    /// `Source/DateTime`.
    pub date_time: Cell<NaiveDateTime>,
}

/// One `<Child>`, leniently typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CinChild {
    /// 1-based position among the `Child` elements of the file.
    pub position: u64,
    /// Element path, `Message/Children/Child[n]`.
    pub path: String,
    /// `ChildIdentifiers/LAchildID`.
    pub la_child_id: Cell<ChildId>,
    /// `ChildIdentifiers/UPN` (13 characters, letter first).
    pub upn: Cell<Upn>,
    /// `ChildIdentifiers/FormerUPN`.
    pub former_upn: Cell<Upn>,
    /// `ChildIdentifiers/UPNunknown`.
    pub upn_unknown: Cell<UpnUnknown>,
    /// `ChildIdentifiers/PersonBirthDate`.
    pub person_birth_date: Cell<NaiveDate>,
    /// `ChildIdentifiers/ExpectedPersonBirthDate`.
    pub expected_person_birth_date: Cell<NaiveDate>,
    /// `ChildIdentifiers/Sex` (or the legacy `GenderCurrent`).
    pub sex: Cell<Sex>,
    /// Whether sex came from the legacy `GenderCurrent` element (up to 2023-24).
    pub sex_is_legacy_gender: bool,
    /// `ChildIdentifiers/PersonDeathDate`.
    pub person_death_date: Cell<NaiveDate>,
    /// `ChildCharacteristics/Ethnicity`.
    pub ethnicity: Cell<Ethnicity>,
    /// `ChildCharacteristics/Disabilities/Disability`, in order (including `NONE`).
    pub disabilities: Vec<Item<Disability>>,
    /// The CIN episodes.
    pub cin_details: Vec<CinDetails>,
    /// Paths of elements the schema does not have here, or that appear more than once where
    /// only one is allowed (the first occurrence is the one kept).
    pub unexpected: Vec<String>,
}

impl CinChild {
    /// Path of a `ChildIdentifiers` element, e.g. `.../Child[3]/ChildIdentifiers/UPN`.
    pub fn identifier_path(&self, element: &str) -> String {
        format!("{}/ChildIdentifiers/{element}", self.path)
    }

    /// Path of a `ChildCharacteristics` element.
    pub fn characteristic_path(&self, element: &str) -> String {
        format!("{}/ChildCharacteristics/{element}", self.path)
    }
}

/// One `<CINdetails>`: a CIN episode (referral).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CinDetails {
    /// 1-based position among the `CINdetails` elements of the file.
    pub position: u64,
    /// Element path, `.../Child[n]/CINdetails[i]`.
    pub path: String,
    /// `CINreferralDate`.
    pub referral_date: Cell<NaiveDate>,
    /// `ReferralSource`.
    pub referral_source: Cell<ReferralSource>,
    /// `PrimaryNeedCode`.
    pub primary_need: Cell<PrimaryNeed>,
    /// `CINclosureDate`.
    pub closure_date: Cell<NaiveDate>,
    /// `ReasonForClosure`.
    pub reason_for_closure: Cell<ReasonForClosure>,
    /// `DateOfInitialCPC` at episode level (a conference without an S47 in this episode).
    pub date_of_initial_cpc: Cell<NaiveDate>,
    /// `ReferralNFA`.
    pub referral_nfa: Cell<bool>,
    /// `Assessments`.
    pub assessments: Vec<CinAssessment>,
    /// `CINPlanDates`.
    pub cin_plans: Vec<CinPlanDates>,
    /// `Section47`.
    pub section47s: Vec<CinSection47>,
    /// `ChildProtectionPlans`.
    pub cp_plans: Vec<CinCpPlan>,
}

/// One `<Assessments>` element (one assessment).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CinAssessment {
    /// 1-based position among the `Assessments` elements of the file.
    pub position: u64,
    /// Element path.
    pub path: String,
    /// `AssessmentActualStartDate`.
    pub start: Cell<NaiveDate>,
    /// `AssessmentInternalReviewDate`.
    pub internal_review_date: Cell<NaiveDate>,
    /// `AssessmentAuthorisationDate`.
    pub authorisation_date: Cell<NaiveDate>,
    /// Whether `FactorsIdentifiedAtAssessment` is present (it may be empty).
    pub factors_present: bool,
    /// `FactorsIdentifiedAtAssessment/AssessmentFactors`, in order.
    pub factors: Vec<Item<AssessmentFactor>>,
}

/// One `<CINPlanDates>` element.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CinPlanDates {
    /// 1-based position among the `CINPlanDates` elements of the file.
    pub position: u64,
    /// Element path.
    pub path: String,
    /// `CINPlanStartDate`.
    pub start: Cell<NaiveDate>,
    /// `CINPlanEndDate`.
    pub end: Cell<NaiveDate>,
}

/// One `<Section47>` element.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CinSection47 {
    /// 1-based position among the `Section47` elements of the file.
    pub position: u64,
    /// Element path.
    pub path: String,
    /// `S47ActualStartDate`.
    pub start: Cell<NaiveDate>,
    /// `InitialCPCtarget`.
    pub initial_cpc_target: Cell<NaiveDate>,
    /// `DateOfInitialCPC`.
    pub date_of_initial_cpc: Cell<NaiveDate>,
    /// `ICPCnotRequired`.
    pub icpc_not_required: Cell<bool>,
}

/// One `<ChildProtectionPlans>` element (one plan).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CinCpPlan {
    /// 1-based position among the `ChildProtectionPlans` elements of the file.
    pub position: u64,
    /// Element path.
    pub path: String,
    /// `CPPstartDate`.
    pub start: Cell<NaiveDate>,
    /// `CPPendDate`.
    pub end: Cell<NaiveDate>,
    /// `InitialCategoryOfAbuse`.
    pub initial_category: Cell<CategoryOfAbuse>,
    /// `LatestCategoryOfAbuse`.
    pub latest_category: Cell<CategoryOfAbuse>,
    /// `NumberOfPreviousCPP`.
    pub previous_plans: Cell<u32>,
    /// Number of `Reviews` elements.
    pub review_blocks: u32,
    /// Number of `Reviews` elements holding no `CPPreviewDate` (query 8842Q).
    pub empty_review_blocks: u32,
    /// Positions (among all `Reviews` elements of the file) of the `Reviews` elements holding no
    /// `CPPreviewDate`.
    pub empty_review_positions: Vec<u64>,
    /// Every `Reviews/CPPreviewDate`, across `Reviews` elements, in order.
    pub reviews: Vec<CinReview>,
}

/// One `Reviews/CPPreviewDate` of a child protection plan.
#[derive(Clone, Debug, PartialEq)]
pub struct CinReview {
    /// 1-based position of its `Reviews` element among all `Reviews` elements of the file (a
    /// `Reviews` element holding several dates gives each the same position).
    pub position: u64,
    /// Element path, e.g. `.../ChildProtectionPlans[1]/Reviews[2]/CPPreviewDate[1]`.
    pub path: String,
    /// The date.
    pub value: Cell<NaiveDate>,
}

/// Running positions of record elements across a file, shared by the reader and the writer so
/// that a fault's position is the one a finding will report.
#[derive(Clone, Debug, Default)]
pub(crate) struct Positions {
    pub child: u64,
    pub cin_details: u64,
    pub assessments: u64,
    pub cin_plans: u64,
    pub section47s: u64,
    pub cp_plans: u64,
    pub reviews: u64,
}

fn code<T>(parse: fn(&str) -> Option<T>) -> impl Fn(&str) -> Cell<T> {
    move |text| Cell::parse(text, parse)
}

fn date(text: &str) -> Cell<NaiveDate> {
    Cell::parse(text, parse_ymd)
}

fn string(text: &str) -> Cell<String> {
    Cell::parse(text, |t| Some(t.to_owned()))
}

fn upn(text: &str) -> Cell<Upn> {
    Cell::parse(text, |t| looks_like_upn(t).then(|| Upn::new(t)))
}

/// Remembers which once-only elements a group has had, and the index of repeated ones.
#[derive(Default)]
struct Seen<'a>(Vec<(&'a str, u32)>);

impl<'a> Seen<'a> {
    /// Counts `name` and returns its 1-based occurrence.
    fn count(&mut self, name: &'a str) -> u32 {
        match self.0.iter_mut().find(|(n, _)| *n == name) {
            Some((_, count)) => {
                *count += 1;
                *count
            }
            None => {
                self.0.push((name, 1));
                1
            }
        }
    }
}

/// Every element name of the census, sorted, so that names are shared rather than allocated.
const KNOWN_NAMES: &[&str] = &[
    "AssessmentActualStartDate",
    "AssessmentAuthorisationDate",
    "AssessmentFactors",
    "AssessmentInternalReviewDate",
    "Assessments",
    "CINPlanDates",
    "CINPlanEndDate",
    "CINPlanStartDate",
    "CINclosureDate",
    "CINdetails",
    "CINreferralDate",
    "CPPendDate",
    "CPPreviewDate",
    "CPPstartDate",
    "Child",
    "ChildCharacteristics",
    "ChildIdentifiers",
    "ChildProtectionPlans",
    "Children",
    "Collection",
    "CollectionDetails",
    "DateOfInitialCPC",
    "DateTime",
    "Disabilities",
    "Disability",
    "Ethnicity",
    "ExpectedPersonBirthDate",
    "FactorsIdentifiedAtAssessment",
    "FormerUPN",
    "GenderCurrent",
    "Header",
    "ICPCnotRequired",
    "InitialCPCtarget",
    "InitialCategoryOfAbuse",
    "LAchildID",
    "LEA",
    "LatestCategoryOfAbuse",
    "Message",
    "NumberOfPreviousCPP",
    "PersonBirthDate",
    "PersonDeathDate",
    "PreProceedingsandFGDM",
    "PrimaryNeedCode",
    "ReasonForClosure",
    "ReferenceDate",
    "ReferralNFA",
    "ReferralSource",
    "Release",
    "Reviews",
    "S47ActualStartDate",
    "Section47",
    "SerialNo",
    "Sex",
    "SoftwareCode",
    "Source",
    "SourceLevel",
    "UPN",
    "UPNunknown",
    "Year",
];

/// The element name, shared when the census knows it.
pub(crate) fn intern(name: &str) -> Cow<'static, str> {
    match KNOWN_NAMES.binary_search(&name) {
        Ok(i) => KNOWN_NAMES
            .get(i)
            .map_or_else(|| Cow::Owned(name.to_owned()), |n| Cow::Borrowed(*n)),
        Err(_) => Cow::Owned(name.to_owned()),
    }
}

/// Sets `slot` from the first occurrence of a once-only leaf; later ones are unexpected.
fn once<'a, T>(
    slot: &mut Cell<T>,
    seen: &mut Seen<'a>,
    node: &'a Node,
    parent_path: &str,
    unexpected: &mut Vec<String>,
    parse: impl Fn(&str) -> Cell<T>,
) {
    let n = seen.count(&node.name);
    if n == 1 {
        *slot = parse(&node.text);
    } else {
        unexpected.push(format!("{parent_path}/{}[{n}]", node.name));
    }
}

/// Types a `<Header>` element.
pub(crate) fn header_from_node(node: &Node) -> CinHeader {
    let mut header = CinHeader::default();
    for part in &node.children {
        for leaf in &part.children {
            let text = leaf.text.as_str();
            match (part.name.as_ref(), leaf.name.as_ref()) {
                ("CollectionDetails", "Collection") => header.collection = string(text),
                ("CollectionDetails", "Year") => {
                    header.year = Cell::parse(text, |t| {
                        crate::ssda903::parse_count(t, 9999).and_then(|y| i32::try_from(y).ok())
                    })
                }
                ("CollectionDetails", "ReferenceDate") => header.reference_date = date(text),
                ("Source", "SourceLevel") => header.source_level = string(text),
                ("Source", "LEA") => header.lea = Cell::parse(text, |t| t.parse().ok()),
                ("Source", "SoftwareCode") => header.software_code = string(text),
                ("Source", "Release") => header.release = string(text),
                ("Source", "SerialNo") => header.serial_no = string(text),
                ("Source", "DateTime") => {
                    header.date_time = Cell::parse(text, |t| {
                        NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S%.f").ok()
                    })
                }
                _ => {}
            }
        }
    }
    header
}

/// Types a `<Child>` element, numbering its record elements from `positions`.
pub(crate) fn child_from_node(node: &Node, positions: &mut Positions) -> CinChild {
    positions.child += 1;
    let mut child = CinChild {
        position: positions.child,
        path: format!("Message/Children/Child[{}]", positions.child),
        ..CinChild::default()
    };
    let mut seen = Seen::default();
    for part in &node.children {
        let n = seen.count(&part.name);
        match part.name.as_ref() {
            "ChildIdentifiers" | "ChildCharacteristics" if n > 1 => {
                child
                    .unexpected
                    .push(format!("{}/{}[{n}]", child.path, part.name));
            }
            "ChildIdentifiers" => identifiers(&mut child, part),
            "ChildCharacteristics" => characteristics(&mut child, part),
            "CINdetails" => {
                let path = format!("{}/CINdetails[{n}]", child.path);
                let details = cin_details(part, path, positions, &mut child.unexpected);
                child.cin_details.push(details);
            }
            _ => child
                .unexpected
                .push(format!("{}/{}", child.path, part.name)),
        }
    }
    child
}

fn identifiers(child: &mut CinChild, node: &Node) {
    let path = format!("{}/ChildIdentifiers", child.path);
    let mut seen = Seen::default();
    let unexpected = &mut child.unexpected;
    for leaf in &node.children {
        match leaf.name.as_ref() {
            "LAchildID" => once(
                &mut child.la_child_id,
                &mut seen,
                leaf,
                &path,
                unexpected,
                |t| Cell::parse(t, |t| Some(ChildId::new(t))),
            ),
            "UPN" => once(&mut child.upn, &mut seen, leaf, &path, unexpected, upn),
            "FormerUPN" => once(
                &mut child.former_upn,
                &mut seen,
                leaf,
                &path,
                unexpected,
                upn,
            ),
            "UPNunknown" => once(
                &mut child.upn_unknown,
                &mut seen,
                leaf,
                &path,
                unexpected,
                code(UpnUnknown::from_code),
            ),
            "PersonBirthDate" => once(
                &mut child.person_birth_date,
                &mut seen,
                leaf,
                &path,
                unexpected,
                date,
            ),
            "ExpectedPersonBirthDate" => once(
                &mut child.expected_person_birth_date,
                &mut seen,
                leaf,
                &path,
                unexpected,
                date,
            ),
            "Sex" | "GenderCurrent" => {
                child.sex_is_legacy_gender = leaf.name == "GenderCurrent";
                once(
                    &mut child.sex,
                    &mut seen,
                    leaf,
                    &path,
                    unexpected,
                    code(Sex::from_code),
                );
            }
            "PersonDeathDate" => once(
                &mut child.person_death_date,
                &mut seen,
                leaf,
                &path,
                unexpected,
                date,
            ),
            _ => unexpected.push(format!("{path}/{}", leaf.name)),
        }
    }
}

fn characteristics(child: &mut CinChild, node: &Node) {
    let path = format!("{}/ChildCharacteristics", child.path);
    let mut seen = Seen::default();
    for leaf in &node.children {
        match leaf.name.as_ref() {
            "Ethnicity" => once(
                &mut child.ethnicity,
                &mut seen,
                leaf,
                &path,
                &mut child.unexpected,
                code(Ethnicity::from_code),
            ),
            "Disabilities" => {
                for (i, d) in leaf.children.iter().enumerate() {
                    if d.name == "Disability" {
                        child.disabilities.push(Item {
                            path: format!("{path}/Disabilities/Disability[{}]", i + 1),
                            value: Cell::parse(&d.text, Disability::from_code),
                        });
                    } else {
                        child
                            .unexpected
                            .push(format!("{path}/Disabilities/{}", d.name));
                    }
                }
            }
            _ => child.unexpected.push(format!("{path}/{}", leaf.name)),
        }
    }
}

fn cin_details(
    node: &Node,
    path: String,
    positions: &mut Positions,
    unexpected: &mut Vec<String>,
) -> CinDetails {
    positions.cin_details += 1;
    let mut d = CinDetails {
        position: positions.cin_details,
        ..CinDetails::default()
    };
    let mut seen = Seen::default();
    for part in &node.children {
        let name = part.name.as_ref();
        match name {
            "CINreferralDate" => once(
                &mut d.referral_date,
                &mut seen,
                part,
                &path,
                unexpected,
                date,
            ),
            "ReferralSource" => once(
                &mut d.referral_source,
                &mut seen,
                part,
                &path,
                unexpected,
                code(ReferralSource::from_code),
            ),
            "PrimaryNeedCode" => once(
                &mut d.primary_need,
                &mut seen,
                part,
                &path,
                unexpected,
                code(PrimaryNeed::from_code),
            ),
            "CINclosureDate" => once(
                &mut d.closure_date,
                &mut seen,
                part,
                &path,
                unexpected,
                date,
            ),
            "ReasonForClosure" => once(
                &mut d.reason_for_closure,
                &mut seen,
                part,
                &path,
                unexpected,
                code(ReasonForClosure::from_code),
            ),
            "DateOfInitialCPC" => once(
                &mut d.date_of_initial_cpc,
                &mut seen,
                part,
                &path,
                unexpected,
                date,
            ),
            "ReferralNFA" => once(
                &mut d.referral_nfa,
                &mut seen,
                part,
                &path,
                unexpected,
                code(parse_xml_bool),
            ),
            "Assessments" => {
                positions.assessments += 1;
                let n = seen.count(name);
                d.assessments.push(assessment(
                    part,
                    format!("{path}/Assessments[{n}]"),
                    positions.assessments,
                    unexpected,
                ));
            }
            "CINPlanDates" => {
                positions.cin_plans += 1;
                let n = seen.count(name);
                d.cin_plans.push(cin_plan(
                    part,
                    format!("{path}/CINPlanDates[{n}]"),
                    positions.cin_plans,
                    unexpected,
                ));
            }
            "Section47" => {
                positions.section47s += 1;
                let n = seen.count(name);
                d.section47s.push(section47(
                    part,
                    format!("{path}/Section47[{n}]"),
                    positions.section47s,
                    unexpected,
                ));
            }
            "ChildProtectionPlans" => {
                positions.cp_plans += 1;
                let n = seen.count(name);
                let position = positions.cp_plans;
                d.cp_plans.push(cp_plan(
                    part,
                    format!("{path}/ChildProtectionPlans[{n}]"),
                    position,
                    &mut positions.reviews,
                    unexpected,
                ));
            }
            // The 2026-27 pre-proceedings module is known but not part of the case model yet.
            "PreProceedingsandFGDM" => {}
            _ => unexpected.push(format!("{path}/{name}")),
        }
    }
    d.path = path;
    d
}

fn assessment(
    node: &Node,
    path: String,
    position: u64,
    unexpected: &mut Vec<String>,
) -> CinAssessment {
    let mut a = CinAssessment {
        position,
        ..CinAssessment::default()
    };
    let mut seen = Seen::default();
    for leaf in &node.children {
        match leaf.name.as_ref() {
            "AssessmentActualStartDate" => {
                once(&mut a.start, &mut seen, leaf, &path, unexpected, date)
            }
            "AssessmentInternalReviewDate" => once(
                &mut a.internal_review_date,
                &mut seen,
                leaf,
                &path,
                unexpected,
                date,
            ),
            "AssessmentAuthorisationDate" => once(
                &mut a.authorisation_date,
                &mut seen,
                leaf,
                &path,
                unexpected,
                date,
            ),
            "FactorsIdentifiedAtAssessment" => {
                a.factors_present = true;
                for (i, f) in leaf.children.iter().enumerate() {
                    if f.name == "AssessmentFactors" {
                        a.factors.push(Item {
                            path: format!(
                                "{path}/FactorsIdentifiedAtAssessment/AssessmentFactors[{}]",
                                i + 1
                            ),
                            value: Cell::parse(&f.text, AssessmentFactor::from_code),
                        });
                    } else {
                        unexpected.push(format!("{path}/FactorsIdentifiedAtAssessment/{}", f.name));
                    }
                }
            }
            _ => unexpected.push(format!("{path}/{}", leaf.name)),
        }
    }
    a.path = path;
    a
}

fn cin_plan(
    node: &Node,
    path: String,
    position: u64,
    unexpected: &mut Vec<String>,
) -> CinPlanDates {
    let mut p = CinPlanDates {
        position,
        ..CinPlanDates::default()
    };
    let mut seen = Seen::default();
    for leaf in &node.children {
        match leaf.name.as_ref() {
            "CINPlanStartDate" => once(&mut p.start, &mut seen, leaf, &path, unexpected, date),
            "CINPlanEndDate" => once(&mut p.end, &mut seen, leaf, &path, unexpected, date),
            _ => unexpected.push(format!("{path}/{}", leaf.name)),
        }
    }
    p.path = path;
    p
}

fn section47(
    node: &Node,
    path: String,
    position: u64,
    unexpected: &mut Vec<String>,
) -> CinSection47 {
    let mut s = CinSection47 {
        position,
        ..CinSection47::default()
    };
    let mut seen = Seen::default();
    for leaf in &node.children {
        match leaf.name.as_ref() {
            "S47ActualStartDate" => once(&mut s.start, &mut seen, leaf, &path, unexpected, date),
            "InitialCPCtarget" => once(
                &mut s.initial_cpc_target,
                &mut seen,
                leaf,
                &path,
                unexpected,
                date,
            ),
            "DateOfInitialCPC" => once(
                &mut s.date_of_initial_cpc,
                &mut seen,
                leaf,
                &path,
                unexpected,
                date,
            ),
            "ICPCnotRequired" => once(
                &mut s.icpc_not_required,
                &mut seen,
                leaf,
                &path,
                unexpected,
                code(parse_xml_bool),
            ),
            _ => unexpected.push(format!("{path}/{}", leaf.name)),
        }
    }
    s.path = path;
    s
}

fn cp_plan(
    node: &Node,
    path: String,
    position: u64,
    review_positions: &mut u64,
    unexpected: &mut Vec<String>,
) -> CinCpPlan {
    let mut p = CinCpPlan {
        position,
        ..CinCpPlan::default()
    };
    let mut seen = Seen::default();
    for leaf in &node.children {
        match leaf.name.as_ref() {
            "CPPstartDate" => once(&mut p.start, &mut seen, leaf, &path, unexpected, date),
            "CPPendDate" => once(&mut p.end, &mut seen, leaf, &path, unexpected, date),
            "InitialCategoryOfAbuse" => once(
                &mut p.initial_category,
                &mut seen,
                leaf,
                &path,
                unexpected,
                code(CategoryOfAbuse::from_code),
            ),
            "LatestCategoryOfAbuse" => once(
                &mut p.latest_category,
                &mut seen,
                leaf,
                &path,
                unexpected,
                code(CategoryOfAbuse::from_code),
            ),
            "NumberOfPreviousCPP" => once(
                &mut p.previous_plans,
                &mut seen,
                leaf,
                &path,
                unexpected,
                |t| Cell::parse(t, |t| parse_count(t, 999)),
            ),
            "Reviews" => {
                p.review_blocks += 1;
                *review_positions += 1;
                let block = p.review_blocks;
                let dates: Vec<&Node> = leaf
                    .children
                    .iter()
                    .filter(|r| r.name == "CPPreviewDate")
                    .collect();
                if dates.is_empty() {
                    p.empty_review_blocks += 1;
                    p.empty_review_positions.push(*review_positions);
                }
                for (i, r) in dates.into_iter().enumerate() {
                    p.reviews.push(CinReview {
                        position: *review_positions,
                        path: format!("{path}/Reviews[{block}]/CPPreviewDate[{}]", i + 1),
                        value: date(&r.text),
                    });
                }
                for other in leaf.children.iter().filter(|r| r.name != "CPPreviewDate") {
                    unexpected.push(format!("{path}/Reviews[{block}]/{}", other.name));
                }
            }
            _ => unexpected.push(format!("{path}/{}", leaf.name)),
        }
    }
    p.path = path;
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_names_are_sorted_so_that_lookups_find_them() {
        assert!(KNOWN_NAMES.windows(2).all(|w| w[0] < w[1]));
        assert!(matches!(intern("CINdetails"), Cow::Borrowed("CINdetails")));
        assert!(matches!(intern("Other"), Cow::Owned(_)));
    }
}
