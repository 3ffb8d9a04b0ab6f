//! Writing a CIN census file: choosing the episodes of the collection year, building each child
//! as a small element tree of text, and streaming it out.
//!
//! Only one child's tree exists at a time, so memory does not grow with the file. Fault injection
//! mutates a child's tree between building and writing.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use sightline_model::CaseRecords;
use sightline_model::codes::Sex;
use sightline_model::records::*;

use super::inject::Injector;
use crate::faults::{FaultSpec, InjectedFault};
use crate::ssda903::format_ymd;
use crate::ssda903::{FastMap, Year};
use crate::{ExtractSpec, FormatError};

/// An element as text: a leaf with text, or a group of elements.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct El {
    pub name: &'static str,
    pub text: Option<String>,
    pub children: Vec<El>,
}

impl El {
    pub(crate) fn leaf(name: &'static str, text: impl Into<String>) -> El {
        El {
            name,
            text: Some(text.into()),
            children: Vec::new(),
        }
    }

    pub(crate) fn group(name: &'static str, children: Vec<El>) -> El {
        El {
            name,
            text: None,
            children,
        }
    }

    /// The text of the first direct child named `name`.
    pub(crate) fn text_of(&self, name: &str) -> Option<&str> {
        self.children
            .iter()
            .find(|c| c.name == name)
            .and_then(|c| c.text.as_deref())
    }

    /// The first direct child named `name`.
    pub(crate) fn child_mut(&mut self, name: &str) -> Option<&mut El> {
        self.children.iter_mut().find(|c| c.name == name)
    }
}

fn push_date(out: &mut Vec<El>, name: &'static str, date: Option<chrono::NaiveDate>) {
    if let Some(d) = date {
        out.push(El::leaf(name, format_ymd(d)));
    }
}

/// Each record's items keyed by a parent id (child id, referral id, plan id...).
fn index<T>(items: &[T], key: impl Fn(&T) -> Option<&str>) -> FastMap<&str, Vec<&T>> {
    let mut map: FastMap<&str, Vec<&T>> = FastMap::default();
    for item in items {
        if let Some(k) = key(item) {
            map.entry(k).or_default().push(item);
        }
    }
    map
}

fn rows<'m, 'a, T>(map: &'m FastMap<&str, Vec<&'a T>>, key: &str) -> &'m [&'a T] {
    map.get(key).map_or(&[], Vec::as_slice)
}

/// The records of an extract indexed for the census, built once per file.
struct Census<'a> {
    year: Year,
    referrals: FastMap<&'a str, Vec<&'a Referral>>,
    assessments: FastMap<&'a str, Vec<&'a Assessment>>,
    cin_plans: FastMap<&'a str, Vec<&'a CinPlan>>,
    section47s: FastMap<&'a str, Vec<&'a Section47>>,
    cp_plans: FastMap<&'a str, Vec<&'a ChildProtectionPlan>>,
    initial_conferences: FastMap<&'a str, Vec<&'a ChildProtectionConference>>,
    episode_conferences: FastMap<&'a str, Vec<&'a ChildProtectionConference>>,
    review_conferences: FastMap<&'a str, Vec<&'a ChildProtectionConference>>,
}

impl<'a> Census<'a> {
    fn new(records: &'a CaseRecords, year: Year) -> Census<'a> {
        use ConferenceKind::*;
        let conferences = &records.conferences;
        Census {
            year,
            referrals: index(&records.referrals, |r| Some(r.child.as_str())),
            assessments: index(&records.assessments, |a| Some(a.referral.as_str())),
            cin_plans: index(&records.cin_plans, |p| Some(p.referral.as_str())),
            section47s: index(&records.section47s, |s| Some(s.referral.as_str())),
            cp_plans: index(&records.cp_plans, |p| Some(p.referral.as_str())),
            initial_conferences: index(conferences, |c| match (c.kind, &c.s47) {
                (Initial, Some(s47)) => Some(s47.as_str()),
                _ => None,
            }),
            episode_conferences: index(conferences, |c| match (c.kind, &c.s47) {
                (TransferIn, _) | (Initial, None) => Some(c.referral.as_str()),
                _ => None,
            }),
            review_conferences: index(conferences, |c| match (c.kind, &c.plan) {
                (Review, Some(plan)) => Some(plan.as_str()),
                _ => None,
            }),
        }
    }

    /// The child's element, or `None` when no CIN episode of the child is open in the year.
    fn child(&self, child: &Child) -> Option<El> {
        let mut referrals: Vec<&&Referral> = rows(&self.referrals, child.id.as_str())
            .iter()
            .filter(|r| self.year.overlaps(r.date, r.closure_date))
            .collect();
        if referrals.is_empty() {
            return None;
        }
        referrals.sort_by_key(|r| r.date);
        let mut children = vec![identifiers(child, self.year), characteristics(child)];
        children.extend(referrals.into_iter().map(|r| self.cin_details(r)));
        Some(El::group("Child", children))
    }

    fn cin_details(&self, r: &Referral) -> El {
        let year = self.year;
        let key = r.id.as_str();
        let mut out = vec![
            El::leaf("CINreferralDate", format_ymd(r.date)),
            El::leaf("ReferralSource", r.source.code()),
        ];
        if let Some(need) = r.primary_need {
            out.push(El::leaf("PrimaryNeedCode", need.code()));
        }
        let closed = year.by_end(r.closure_date);
        push_date(&mut out, "CINclosureDate", closed);
        if let (Some(_), Some(reason)) = (closed, r.closure_reason) {
            out.push(El::leaf("ReasonForClosure", reason.code()));
        }
        let episode_icpc = rows(&self.episode_conferences, key)
            .iter()
            .map(|c| c.date)
            .filter(|d| year.contains(*d))
            .min();
        push_date(&mut out, "DateOfInitialCPC", episode_icpc);
        let mut assessments: Vec<&&Assessment> = rows(&self.assessments, key)
            .iter()
            .filter(|a| year.overlaps(a.start, a.authorised))
            .collect();
        assessments.sort_by_key(|a| a.start);
        out.extend(assessments.into_iter().map(|a| assessment(a, year)));
        let mut plans: Vec<&&CinPlan> = rows(&self.cin_plans, key)
            .iter()
            .filter(|p| year.overlaps(p.start, p.end))
            .collect();
        plans.sort_by_key(|p| p.start);
        for plan in plans {
            let mut dates = vec![El::leaf("CINPlanStartDate", format_ymd(plan.start))];
            push_date(&mut dates, "CINPlanEndDate", year.by_end(plan.end));
            out.push(El::group("CINPlanDates", dates));
        }
        let mut s47s: Vec<(&&Section47, Option<chrono::NaiveDate>)> = rows(&self.section47s, key)
            .iter()
            .map(|s| (s, self.initial_conference(s)))
            .filter(|(s, icpc)| self.s47_in_year(s, *icpc))
            .collect();
        s47s.sort_by_key(|(s, _)| s.start);
        out.extend(
            s47s.into_iter()
                .map(|(s, icpc)| section47(s, year.by_end(icpc))),
        );
        out.push(El::leaf(
            "ReferralNFA",
            if r.nfa { "true" } else { "false" },
        ));
        let mut cp_plans: Vec<&&ChildProtectionPlan> = rows(&self.cp_plans, key)
            .iter()
            .filter(|p| year.overlaps(p.start, p.end))
            .collect();
        cp_plans.sort_by_key(|p| p.start);
        out.extend(cp_plans.into_iter().map(|p| self.cp_plan(p)));
        El::group("CINdetails", out)
    }

    /// The date of the initial conference that followed an S47 enquiry.
    fn initial_conference(&self, s47: &Section47) -> Option<chrono::NaiveDate> {
        rows(&self.initial_conferences, s47.id.as_str())
            .iter()
            .map(|c| c.date)
            .min()
    }

    /// An S47 belongs to the year when it started by the year end and had not finished (by a
    /// conference or by concluding) before the year began.
    fn s47_in_year(&self, s47: &Section47, icpc: Option<chrono::NaiveDate>) -> bool {
        let year = self.year;
        s47.start <= year.end
            && match icpc {
                Some(date) => date >= year.start,
                None => s47.end.is_none_or(|e| e >= year.start),
            }
    }

    fn cp_plan(&self, plan: &ChildProtectionPlan) -> El {
        let year = self.year;
        let mut out = vec![El::leaf("CPPstartDate", format_ymd(plan.start))];
        push_date(&mut out, "CPPendDate", year.by_end(plan.end));
        out.push(El::leaf(
            "InitialCategoryOfAbuse",
            plan.initial_category.code(),
        ));
        out.push(El::leaf(
            "LatestCategoryOfAbuse",
            plan.latest_category.code(),
        ));
        out.push(El::leaf(
            "NumberOfPreviousCPP",
            plan.previous_plans.to_string(),
        ));
        let mut reviews: Vec<chrono::NaiveDate> = rows(&self.review_conferences, plan.id.as_str())
            .iter()
            .map(|c| c.date)
            .filter(|d| year.contains(*d) && *d > plan.start)
            .collect();
        reviews.sort();
        if !reviews.is_empty() {
            let dates = reviews
                .into_iter()
                .map(|d| El::leaf("CPPreviewDate", format_ymd(d)))
                .collect();
            out.push(El::group("Reviews", dates));
        }
        El::group("ChildProtectionPlans", out)
    }
}

/// A child born after the reference date was unborn on it: the census shows the expected birth
/// date and sex `U` (rules 8520, 8750).
fn identifiers(child: &Child, year: Year) -> El {
    let born = year.by_end(child.date_of_birth);
    let unborn_then = child.date_of_birth.is_some() && born.is_none();
    let expected = if unborn_then {
        child.expected_date_of_birth.or(child.date_of_birth)
    } else {
        child.expected_date_of_birth
    };
    let sex = if unborn_then { Sex::Unknown } else { child.sex };
    let mut out = vec![El::leaf("LAchildID", child.id.as_str())];
    if let Some(upn) = &child.upn {
        out.push(El::leaf("UPN", upn.as_str()));
    }
    if let Some(former) = &child.former_upn {
        out.push(El::leaf("FormerUPN", former.as_str()));
    }
    if let Some(unknown) = child.upn_unknown {
        out.push(El::leaf("UPNunknown", unknown.code()));
    }
    push_date(&mut out, "PersonBirthDate", born);
    push_date(&mut out, "ExpectedPersonBirthDate", expected);
    out.push(El::leaf("Sex", sex.code()));
    push_date(&mut out, "PersonDeathDate", child.date_of_death);
    El::group("ChildIdentifiers", out)
}

/// `NONE` is written when no disability is recorded: rule 8540 wants a code for every child.
fn characteristics(child: &Child) -> El {
    let disabilities = if child.disabilities.is_empty() {
        vec![El::leaf("Disability", "NONE")]
    } else {
        child
            .disabilities
            .iter()
            .map(|d| El::leaf("Disability", d.code()))
            .collect()
    };
    El::group(
        "ChildCharacteristics",
        vec![
            El::leaf("Ethnicity", child.ethnicity.code()),
            El::group("Disabilities", disabilities),
        ],
    )
}

/// Factors are only returned with an authorisation date (rule 8614).
fn assessment(a: &Assessment, year: Year) -> El {
    let mut out = vec![El::leaf("AssessmentActualStartDate", format_ymd(a.start))];
    let authorised = year.by_end(a.authorised);
    push_date(&mut out, "AssessmentAuthorisationDate", authorised);
    if authorised.is_some() && !a.factors.is_empty() {
        let factors = a
            .factors
            .iter()
            .map(|f| El::leaf("AssessmentFactors", f.code()))
            .collect();
        out.push(El::group("FactorsIdentifiedAtAssessment", factors));
    }
    El::group("Assessments", out)
}

fn section47(s: &Section47, icpc: Option<chrono::NaiveDate>) -> El {
    let mut out = vec![El::leaf("S47ActualStartDate", format_ymd(s.start))];
    push_date(&mut out, "InitialCPCtarget", s.icpc_target);
    push_date(&mut out, "DateOfInitialCPC", icpc);
    out.push(El::leaf(
        "ICPCnotRequired",
        if s.icpc_required { "false" } else { "true" },
    ));
    El::group("Section47", out)
}

/// Writes `text` with the XML special characters escaped.
fn write_escaped(w: &mut impl Write, text: &str) -> std::io::Result<()> {
    let mut rest = text;
    while let Some(i) = rest.find(['&', '<', '>', '"', '\'']) {
        let (plain, tail) = rest.split_at(i);
        w.write_all(plain.as_bytes())?;
        let mut chars = tail.chars();
        let entity = match chars.next() {
            Some('&') => "&amp;",
            Some('<') => "&lt;",
            Some('>') => "&gt;",
            Some('"') => "&quot;",
            _ => "&apos;",
        };
        w.write_all(entity.as_bytes())?;
        rest = chars.as_str();
    }
    w.write_all(rest.as_bytes())
}

pub(crate) fn write_el(w: &mut impl Write, el: &El) -> std::io::Result<()> {
    w.write_all(b"<")?;
    w.write_all(el.name.as_bytes())?;
    w.write_all(b">")?;
    if let Some(text) = &el.text {
        write_escaped(w, text)?;
    }
    for child in &el.children {
        write_el(w, child)?;
    }
    w.write_all(b"</")?;
    w.write_all(el.name.as_bytes())?;
    w.write_all(b">")
}

fn header(spec: &ExtractSpec) -> El {
    let year = spec.collection_year_ending;
    El::group(
        "Header",
        vec![
            El::group(
                "CollectionDetails",
                vec![
                    El::leaf("Collection", "CIN"),
                    El::leaf("Year", year.to_string()),
                    El::leaf("ReferenceDate", format!("{year:04}-03-31")),
                ],
            ),
            El::group(
                "Source",
                vec![
                    El::leaf("SourceLevel", "L"),
                    El::leaf("LEA", spec.council.la_code.to_string()),
                    El::leaf("SoftwareCode", "Sightline"),
                    El::leaf("Release", env!("CARGO_PKG_VERSION")),
                    El::leaf("SerialNo", "001"),
                    El::leaf(
                        "DateTime",
                        format!("{}T00:00:00", format_ymd(spec.extract_date)),
                    ),
                ],
            ),
        ],
    )
}

/// The file name of a year's census: `cin_census_<YYYY>.xml`.
pub(crate) fn file_name(spec: &ExtractSpec) -> String {
    format!("cin_census_{}.xml", spec.collection_year_ending)
}

/// Writes the census for `spec` into `dir`, with faults when `faults` is given.
pub(crate) fn write_census(
    dir: &Path,
    records: &CaseRecords,
    spec: &ExtractSpec,
    faults: Option<&FaultSpec>,
) -> Result<(PathBuf, Vec<InjectedFault>), FormatError> {
    let year = Year::from_spec(spec)?;
    std::fs::create_dir_all(dir).map_err(|source| FormatError::Io {
        file: dir.to_path_buf(),
        source,
    })?;
    let path = dir.join(file_name(spec));
    let io_error = |source| FormatError::Io {
        file: path.clone(),
        source,
    };
    let file = File::create(&path).map_err(io_error)?;
    let mut w = BufWriter::with_capacity(1 << 16, file);
    let mut injector = faults.map(Injector::new);
    write_document(&mut w, records, spec, year, injector.as_mut()).map_err(io_error)?;
    w.flush().map_err(io_error)?;
    Ok((
        path,
        injector.map(Injector::into_faults).unwrap_or_default(),
    ))
}

fn write_document(
    w: &mut impl Write,
    records: &CaseRecords,
    spec: &ExtractSpec,
    year: Year,
    mut injector: Option<&mut Injector>,
) -> std::io::Result<()> {
    w.write_all(b"<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Message>")?;
    write_el(w, &header(spec))?;
    w.write_all(b"<Children>\n")?;
    let census = Census::new(records, year);
    for child in &records.children {
        let Some(mut el) = census.child(child) else {
            continue;
        };
        if let Some(injector) = injector.as_deref_mut() {
            injector.child(&mut el);
        }
        write_el(w, &el)?;
        w.write_all(b"\n")?;
    }
    w.write_all(b"</Children></Message>\n")
}
