//! Writing a 903 return: choosing the records of the collection year, building each table's rows
//! as text, and serialising them as CSV.
//!
//! Rows are built as strings first so that fault injection can mutate them exactly as a case
//! system's bad recording would appear in the file, then written through a buffered CSV writer.

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sightline_model::CaseRecords;
use sightline_model::codes::{PlacementType, ReasonEpisodeCeased, ReasonNewEpisode, Sex};
use sightline_model::ids::Postcode;
use sightline_model::records::*;

use super::cell::format_dmy;
use super::fast_map::FastMap;
use super::lenient::format_partial_date;
use super::tables::Ssda903Table;
use crate::{ExtractSpec, FormatError, Location};

/// One row of a table as text, with the child it belongs to (for fault reports).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OutRow {
    /// The child's id (the `CHILD` column).
    pub child: String,
    /// The fields, in [`Ssda903Table::columns`] order.
    pub fields: Vec<String>,
}

/// One table's rows as text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct OutTable {
    pub table: Ssda903Table,
    pub rows: Vec<OutRow>,
}

/// The collection year: 1 April to 31 March, both included.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Year {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl Year {
    pub(crate) fn ending(year: i32) -> Option<Year> {
        Some(Year {
            start: NaiveDate::from_ymd_opt(year.checked_sub(1)?, 4, 1)?,
            end: NaiveDate::from_ymd_opt(year, 3, 31)?,
        })
    }

    pub(crate) fn from_spec(spec: &ExtractSpec) -> Result<Year, FormatError> {
        Year::ending(spec.collection_year_ending).ok_or_else(|| FormatError::Malformed {
            file: PathBuf::new(),
            location: Location::File,
            message: format!(
                "collection year {} is out of range",
                spec.collection_year_ending
            ),
        })
    }

    /// Whether a span from `start` to `end` (open when `None`) touches the year.
    pub(crate) fn overlaps(self, start: NaiveDate, end: Option<NaiveDate>) -> bool {
        start <= self.end && end.is_none_or(|e| e >= self.start)
    }

    /// `date` if it falls on or before the year end: later dates had not happened at 31 March.
    pub(crate) fn by_end(self, date: Option<NaiveDate>) -> Option<NaiveDate> {
        date.filter(|d| *d <= self.end)
    }

    pub(crate) fn contains(self, date: NaiveDate) -> bool {
        (self.start..=self.end).contains(&date)
    }
}

fn date(d: Option<NaiveDate>) -> String {
    d.map(format_dmy).unwrap_or_default()
}

fn code<T: std::fmt::Display>(c: Option<T>) -> String {
    c.map(|c| c.to_string()).unwrap_or_default()
}

fn flag(b: Option<bool>) -> String {
    b.map(|b| if b { "1" } else { "0" }.to_owned())
        .unwrap_or_default()
}

fn postcode(p: Option<&Postcode>) -> String {
    p.map(|p| Postcode::normalised(p.as_str()).as_str().to_owned())
        .unwrap_or_default()
}

/// Placement types that take no URN (rules 218 and 222; H5, P2 and Z1 for years before 2025-26,
/// Z11-Z14 from then).
fn takes_no_urn(place: PlacementType) -> bool {
    use PlacementType::*;
    matches!(
        place,
        H5 | P1 | P2 | P3 | R1 | R2 | R5 | T0 | T1 | T2 | T3 | T4 | Z1 | Z11 | Z12 | Z13 | Z14
    )
}

/// Each child's records of one kind, in the order given.
fn by_child<T>(items: &[T], child: impl Fn(&T) -> &str) -> FastMap<&str, Vec<&T>> {
    let mut map: FastMap<&str, Vec<&T>> = FastMap::default();
    for item in items {
        map.entry(child(item)).or_default().push(item);
    }
    map
}

/// A child's records from a [`by_child`] map (none when absent).
fn rows<'m, 'a, T>(map: &'m FastMap<&str, Vec<&'a T>>, key: &str) -> &'m [&'a T] {
    map.get(key).map_or(&[], Vec::as_slice)
}

/// Everything the 903 needs about one child, gathered once.
struct ChildView<'a> {
    child: &'a Child,
    episodes: Vec<&'a ClaEpisode>,
}

impl ChildView<'_> {
    fn looked_after(&self) -> bool {
        !self.episodes.is_empty()
    }

    fn short_breaks_only(&self) -> bool {
        self.episodes
            .iter()
            .all(|e| e.legal_status.is_short_break())
    }

    /// Looked after (other than on short breaks) on the last day of the year.
    fn looked_after_at_year_end(&self, year: Year) -> bool {
        self.episodes
            .iter()
            .any(|e| !e.legal_status.is_short_break() && year.by_end(e.end).is_none())
    }

    fn dob(&self) -> String {
        date(self.child.date_of_birth)
    }

    /// Looked after continuously through the year, as the DfE tool decides it: no period of care
    /// starting or ending in the year, and no short breaks.
    fn continuously_looked_after(&self, year: Year) -> bool {
        self.looked_after()
            && !self.episodes.iter().any(|e| {
                let starts_care = e.reason_new == ReasonNewEpisode::S && e.start > year.start;
                let leaves_care = e.reason_ceased != Some(ReasonEpisodeCeased::X1)
                    && year.by_end(e.end).is_some_and(|d| d >= year.start);
                e.legal_status.is_short_break() || starts_care || leaves_care
            })
    }
}

/// The rows of every 903 table for the collection year of `spec`.
///
/// A child is in the return when looked after at any time in the year (an episode overlapping it)
/// or when an OC3 care-leaver record falls on a birthday in the year; records of children absent
/// from `records.children` are skipped, since the Header needs the child's details.
pub(crate) fn build(
    records: &CaseRecords,
    spec: &ExtractSpec,
) -> Result<Vec<OutTable>, FormatError> {
    let year = Year::from_spec(spec)?;
    let mut tables: Vec<OutTable> = Ssda903Table::ALL
        .into_iter()
        .map(|table| OutTable {
            table,
            rows: Vec::new(),
        })
        .collect();
    let episodes = by_child(&records.cla_episodes, |e| e.child.as_str());
    let reviews = by_child(&records.cla_reviews, |r| r.child.as_str());
    let outcomes = by_child(&records.health_outcomes, |r| r.child.as_str());
    let leavers = by_child(&records.care_leavers, |r| r.child.as_str());
    let permanence = by_child(&records.permanence, |r| r.child.as_str());
    let previous = by_child(&records.previous_permanence, |r| r.child.as_str());
    let missing = by_child(&records.missing, |r| r.child.as_str());
    // Social worker episodes are allocations to social workers: a personal adviser or an early
    // help worker is not the child's social worker (workers not in the extract are kept).
    let not_social_workers: FastMap<&str, ()> = records
        .workers
        .iter()
        .filter(|w| w.role != WorkerRole::SocialWorker)
        .map(|w| (w.id.as_str(), ()))
        .collect();
    let allocations = by_child(&records.allocations, |r| r.child.as_str());
    for child in &records.children {
        let key = child.id.as_str();
        let mut child_episodes: Vec<&ClaEpisode> = rows(&episodes, key)
            .iter()
            .copied()
            .filter(|e| year.overlaps(e.start, e.end))
            .collect();
        child_episodes.sort_by_key(|e| e.start);
        let view = ChildView {
            child,
            episodes: child_episodes,
        };
        let leaver = care_leaver_in_year(&view, rows(&leavers, key), rows(&episodes, key), year);
        if !view.looked_after() && leaver.is_none() {
            continue;
        }
        let mut push = |table: Ssda903Table, fields: Vec<String>| {
            if let Some(t) = tables.iter_mut().find(|t| t.table == table) {
                t.rows.push(OutRow {
                    child: key.to_owned(),
                    fields,
                });
            }
        };
        push(Ssda903Table::Header, header_row(&view, year));
        if let Some(leaver) = leaver {
            push(Ssda903Table::Oc3, oc3_row(&view, leaver));
        }
        if !view.looked_after() {
            continue;
        }
        for ep in &view.episodes {
            push(Ssda903Table::Episodes, episode_row(ep, year));
        }
        if !view.short_breaks_only() {
            let mut in_year: Vec<&&ClaReview> = rows(&reviews, key)
                .iter()
                .filter(|r| year.contains(r.date))
                .collect();
            in_year.sort_by_key(|r| r.date);
            for review in in_year {
                push(
                    Ssda903Table::Reviews,
                    vec![
                        key.to_owned(),
                        view.dob(),
                        format_dmy(review.date),
                        review.participation.to_string(),
                    ],
                );
            }
        }
        if let Some(uasc) = &child.uasc {
            push(
                Ssda903Table::Uasc,
                vec![
                    key.to_owned(),
                    child.sex.code().to_owned(),
                    view.dob(),
                    date(uasc.ceased),
                ],
            );
        }
        if view.continuously_looked_after(year)
            && let Some(outcome) = outcomes.get(key).and_then(|o| {
                o.iter()
                    .find(|o| o.year_ending == spec.collection_year_ending)
            })
        {
            push(Ssda903Table::Oc2, oc2_row(&view, outcome));
        }
        let child_permanence = rows(&permanence, key);
        if let Some(row) = ad1_row(&view, child_permanence, year) {
            push(Ssda903Table::Ad1, row);
        }
        for row in placed_for_adoption_rows(&view, child_permanence, year) {
            push(Ssda903Table::PlacedForAdoption, row);
        }
        let started_in_year = view
            .episodes
            .iter()
            .any(|e| e.reason_new == ReasonNewEpisode::S && e.start >= year.start);
        if started_in_year && let Some(prev) = previous.get(key).and_then(|p| p.last()) {
            push(
                Ssda903Table::PreviousPermanence,
                vec![
                    key.to_owned(),
                    view.dob(),
                    prev.kind.to_string(),
                    prev.la.clone().unwrap_or_default(),
                    prev.date
                        .as_ref()
                        .map(format_partial_date)
                        .unwrap_or_default(),
                ],
            );
        }
        let mut child_missing: Vec<&&MissingEpisode> = rows(&missing, key)
            .iter()
            .filter(|m| year.overlaps(m.start, m.end))
            .collect();
        child_missing.sort_by_key(|m| m.start);
        for m in child_missing {
            push(
                Ssda903Table::Missing,
                vec![
                    key.to_owned(),
                    view.dob(),
                    m.kind.to_string(),
                    format_dmy(m.start),
                    date(year.by_end(m.end)),
                ],
            );
        }
        // Social worker episodes are returned for children looked after on 31 March: all of the
        // year's, including those from before care (rules SW12STG2, SW17STG2).
        if !view.looked_after_at_year_end(year) {
            continue;
        }
        let mut child_allocations: Vec<&&Allocation> = rows(&allocations, key)
            .iter()
            .filter(|a| {
                year.overlaps(a.start, a.end) && !not_social_workers.contains_key(a.worker.as_str())
            })
            .collect();
        child_allocations.sort_by_key(|a| a.start);
        for a in child_allocations {
            let end = year.by_end(a.end);
            push(
                Ssda903Table::SwEpisodes,
                vec![
                    key.to_owned(),
                    view.dob(),
                    a.worker.as_str().to_owned(),
                    format_dmy(a.start),
                    date(end),
                    code(a.reason),
                ],
            );
        }
    }
    Ok(tables)
}

fn header_row(view: &ChildView<'_>, year: Year) -> Vec<String> {
    let child = view.child;
    let upn = match (&child.upn, child.upn_unknown) {
        (Some(upn), _) => upn.as_str().to_owned(),
        (None, Some(unknown)) => unknown.to_string(),
        (None, None) => String::new(),
    };
    // MOTHER is returned for looked-after girls only (rules 165, 393, 399, 628).
    let returns_motherhood =
        child.sex == Sex::Female && view.looked_after() && !view.short_breaks_only();
    // A first child born after the year end, or after the girl left care, had not made her a
    // mother while looked after in the year (rule 625).
    let left_care = view
        .episodes
        .iter()
        .map(|e| year.by_end(e.end))
        .max()
        .flatten();
    let mother_by = left_care.unwrap_or(year.end).min(year.end);
    let (mother, mc_dob) = if returns_motherhood {
        match &child.motherhood {
            Some(m) if m.first_child_born.is_none_or(|born| born <= mother_by) => {
                ("1".to_owned(), date(m.first_child_born))
            }
            _ => ("0".to_owned(), String::new()),
        }
    } else {
        (String::new(), String::new())
    };
    vec![
        child.id.as_str().to_owned(),
        child.sex.code().to_owned(),
        view.dob(),
        child.ethnicity.to_string(),
        upn,
        mother,
        mc_dob,
    ]
}

fn episode_row(ep: &ClaEpisode, year: Year) -> Vec<String> {
    // An episode ending after 31 March was still open at the year end: no DEC, REC or reason.
    let end = year.by_end(ep.end);
    let ended = end.is_some();
    let short_break = ep.legal_status.is_short_break();
    let provider = if ep.placement.is_temporary() {
        None
    } else {
        ep.provider
    };
    let urn = if short_break || takes_no_urn(ep.placement) {
        String::new()
    } else {
        ep.urn.clone().unwrap_or_default()
    };
    let (home, placed) = if short_break {
        (String::new(), String::new())
    } else {
        (
            postcode(ep.home_postcode.as_ref()),
            postcode(ep.placement_postcode.as_ref()),
        )
    };
    vec![
        ep.child.as_str().to_owned(),
        format_dmy(ep.start),
        ep.reason_new.to_string(),
        ep.legal_status.to_string(),
        ep.category_of_need.to_string(),
        ep.placement.to_string(),
        code(provider),
        date(end),
        code(ep.reason_ceased.filter(|_| ended)),
        code(ep.reason_place_change.filter(|_| ended)),
        home,
        placed,
        urn,
    ]
}

fn oc2_row(view: &ChildView<'_>, o: &ClaHealthOutcome) -> Vec<String> {
    vec![
        view.child.id.as_str().to_owned(),
        view.dob(),
        o.sdq_score.map(|s| s.to_string()).unwrap_or_default(),
        code(o.sdq_reason),
        flag(o.convicted),
        flag(o.health_check),
        flag(o.immunisations),
        flag(o.teeth_check),
        flag(o.health_assessment),
        flag(o.substance_misuse),
        flag(o.intervention_received),
        flag(o.intervention_offered),
    ]
}

/// The care-leaver record for the birthday (17th to 21st) the young person has in the year; the
/// latest contact wins when several are recorded for it.
///
/// Around the 17th and 18th birthdays only a young person who had left care by the birthday is a
/// care leaver: one still looked after then (an episode open at the year end, or ending on or
/// after the birthday) returns no OC3 row (rules 1007 and 1016).
fn care_leaver_in_year<'a>(
    view: &ChildView<'_>,
    leavers: &[&'a CareLeaverContact],
    episodes: &[&ClaEpisode],
    year: Year,
) -> Option<&'a CareLeaverContact> {
    let dob = view.child.date_of_birth?;
    let age_at_end = sightline_model::age_on(dob, year.end);
    let age_before = sightline_model::age_on(dob, year.start.pred_opt()?);
    if age_at_end == age_before || !(17..=21).contains(&age_at_end) {
        return None;
    }
    if age_at_end <= 18 {
        let birthday =
            dob.checked_add_months(chrono::Months::new(12 * age_at_end.unsigned_abs()))?;
        let in_care_at_birthday = episodes
            .iter()
            .any(|e| e.start <= year.end && year.by_end(e.end).is_none_or(|end| end >= birthday));
        if in_care_at_birthday {
            return None;
        }
    }
    leavers
        .iter()
        .copied()
        .filter(|l| i32::from(l.birthday_age) == age_at_end)
        .max_by_key(|l| l.contact_date)
}

fn oc3_row(view: &ChildView<'_>, leaver: &CareLeaverContact) -> Vec<String> {
    vec![
        view.child.id.as_str().to_owned(),
        view.dob(),
        leaver.in_touch.to_string(),
        leaver.activity.to_string(),
        leaver.accommodation.to_string(),
    ]
}

/// AD1 for a child adopted in the year: an episode ending E11/E12 in the year, with the
/// permanence record of that adoption (the one whose order date is the episode end, else the
/// latest adoption record).
fn ad1_row(view: &ChildView<'_>, permanence: &[&Permanence], year: Year) -> Option<Vec<String>> {
    let adopted_on = view
        .episodes
        .iter()
        .filter(|e| {
            matches!(
                e.reason_ceased,
                Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
            )
        })
        .filter_map(|e| year.by_end(e.end))
        .max()?;
    let adoptions: Vec<&&Permanence> = permanence
        .iter()
        .filter(|p| p.order == Some(PermanenceOrder::Adoption))
        .collect();
    let record = adoptions
        .iter()
        .find(|p| p.order_date == Some(adopted_on))
        .or(adoptions.last())?;
    let adopters = record.adopters.as_ref();
    Some(vec![
        view.child.id.as_str().to_owned(),
        view.dob(),
        date(record.adm_decision),
        date(record.matched),
        flag(adopters.map(|a| a.foster_carers)),
        adopters.map(|a| a.count.to_string()).unwrap_or_default(),
        code(adopters.map(|a| a.sex)),
        code(adopters.map(|a| a.legal_status)),
    ])
}

/// PlacedAdoption: every decision to place for adoption made by the year end and not reversed
/// before the year began (rules 117, 118, 559).
fn placed_for_adoption_rows(
    view: &ChildView<'_>,
    permanence: &[&Permanence],
    year: Year,
) -> Vec<Vec<String>> {
    let mut decisions: Vec<&&Permanence> = permanence
        .iter()
        .filter(|p| {
            p.adm_decision.is_some_and(|d| d <= year.end)
                && p.decision_reversed.is_none_or(|r| r >= year.start)
        })
        .collect();
    decisions.sort_by_key(|p| p.adm_decision);
    decisions
        .into_iter()
        .map(|p| {
            let reversed = year.by_end(p.decision_reversed);
            vec![
                view.child.id.as_str().to_owned(),
                view.dob(),
                date(p.adm_decision),
                date(reversed),
                code(p.reversal_reason.filter(|_| reversed.is_some())),
            ]
        })
        .collect()
}

/// Writes each table to `dir/<table>.csv` and returns the paths, in [`Ssda903Table::ALL`] order.
pub(crate) fn serialise(dir: &Path, tables: &[OutTable]) -> Result<Vec<PathBuf>, FormatError> {
    std::fs::create_dir_all(dir).map_err(|source| FormatError::Io {
        file: dir.to_path_buf(),
        source,
    })?;
    let mut paths = Vec::with_capacity(tables.len());
    for table in tables {
        let path = dir.join(table.table.file_name());
        write_table(&path, table).map_err(|source| FormatError::Io {
            file: path.clone(),
            source,
        })?;
        paths.push(path);
    }
    Ok(paths)
}

fn write_table(path: &Path, table: &OutTable) -> std::io::Result<()> {
    let file = BufWriter::with_capacity(1 << 16, File::create(path)?);
    let mut writer = csv::WriterBuilder::new().from_writer(file);
    writer.write_record(table.table.columns())?;
    for row in &table.rows {
        writer.write_record(&row.fields)?;
    }
    writer
        .into_inner()
        .map_err(|e| std::io::Error::other(e.to_string()))?
        .flush()
}
