//! Helpers shared by part B of the 903 catalogue (codes 202-399): per-child look-ups, birthdays,
//! episode sequences, derived UASC status and the generic "placement too long" and "too young
//! for this placement" checks several rules share.
//!
//! Conventions of part B, so each rule file need not repeat them:
//! - a code field in any letter case is valid (the reader accepts `c2` for `C2`); the DfE tool is
//!   case-sensitive;
//! - a field "provided" or "completed" means not blank: invalid text counts as provided, as the
//!   tool's `notna()` does (the rule about that field reports the text);
//! - a code or date a rule must compare that is invalid makes the row uncheckable: it is skipped
//!   (the validity rule of that field reports it); a blank one follows the tool;
//! - ages use [`sightline_model::age_on`] and [`birthday`] (a 29 February birthday falls on
//!   1 March in other years); the tool adds years with pandas, which lands on 28 February;
//! - a child's UASC status in a year is having a row in that year's UASC table: Sightline
//!   derives the Header `UASC` flag that way (shared/reference/ssda903/derived_fields.csv);
//! - episode sequences (previous, next episode) order a child's episodes by start date, then
//!   row; episodes whose start date is blank or invalid cannot be placed and are left out;
//! - a finding goes on the row holding the field at fault, once per row, although the tool
//!   often reports every table of a join.

use crate::ssda903::Ssda903Return;
use crate::ssda903::{HashMap, HashSet};
use chrono::{Datelike, NaiveDate};
use sightline_formats::ssda903::{Cell, EpisodeRow, HeaderRow, Ssda903Tables, UascRow};
use sightline_model::codes::{LegalStatus, PlacementType};
use sightline_model::ids::ChildId;

/// The child id of a row, when it has one.
pub(super) fn id(child: &Cell<ChildId>) -> Option<&str> {
    child.value().map(ChildId::as_str)
}

/// The day a person born on `born` turns `years` old, as [`sightline_model::age_on`] counts:
/// a 29 February birthday falls on 1 March in years without one.
pub(super) fn birthday(born: NaiveDate, years: i32) -> NaiveDate {
    let year = born.year().saturating_add(years);
    born.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, 3, 1))
        .unwrap_or(NaiveDate::MAX)
}

/// The same calendar day `years` years before `date` (29 February falls back to 28 February).
pub(super) fn years_before(date: NaiveDate, years: i32) -> NaiveDate {
    let year = date.year().saturating_sub(years);
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        .unwrap_or(NaiveDate::MIN)
}

/// Each child's first Header row.
pub(super) fn header_by_child(rows: &[HeaderRow]) -> HashMap<&str, &HeaderRow> {
    let mut by_child = crate::ssda903::map_with_capacity(rows.len());
    for row in rows {
        if let Some(child) = id(&row.child) {
            by_child.entry(child).or_insert(row);
        }
    }
    by_child
}

/// Each child's date of birth from the Header (the first row with a valid date).
pub(super) fn dob_by_child(tables: &Ssda903Tables) -> HashMap<&str, NaiveDate> {
    let mut by_child = crate::ssda903::map_with_capacity(tables.header.len());
    for row in &tables.header {
        if let (Some(child), Some(dob)) = (id(&row.child), row.dob.get()) {
            by_child.entry(child).or_insert(dob);
        }
    }
    by_child
}

/// Each child's first UASC row.
pub(super) fn uasc_by_child(rows: &[UascRow]) -> HashMap<&str, &UascRow> {
    let mut by_child = crate::ssda903::map_with_capacity(rows.len());
    for row in rows {
        if let Some(child) = id(&row.child) {
            by_child.entry(child).or_insert(row);
        }
    }
    by_child
}

/// The children with a row in a UASC table: those identified as UASC that year.
pub(super) fn uasc_children(rows: &[UascRow]) -> HashSet<&str> {
    rows.iter().filter_map(|row| id(&row.child)).collect()
}

/// The children identified as UASC this year or last year (when last year's return is given).
pub(super) fn uasc_this_or_last_year<'a>(data: &Ssda903Return<'a>) -> HashSet<&'a str> {
    let current: &'a Ssda903Tables = data.current;
    let mut children = uasc_children(&current.uasc);
    if let Some(previous) = data.previous {
        children.extend(uasc_children(&previous.uasc));
    }
    children
}

/// Each child's episodes with a valid start date, ordered by start date then row.
pub(super) fn episodes_by_child(tables: &Ssda903Tables) -> HashMap<&str, Vec<&EpisodeRow>> {
    let mut by_child: HashMap<&str, Vec<&EpisodeRow>> =
        crate::ssda903::map_with_capacity(tables.episodes.len() / 2);
    for row in &tables.episodes {
        if let (Some(child), Some(_)) = (id(&row.child), row.decom.get()) {
            by_child.entry(child).or_default().push(row);
        }
    }
    for episodes in by_child.values_mut() {
        episodes.sort_by_key(|row| (row.decom.get(), row.at.row_number));
    }
    by_child
}

/// Placement types whose providers are not registered with Ofsted, so that they carry no URN
/// (222) and need none (218): the 2025-26 list, with the withdrawn H5, P2 and Z1 kept for
/// earlier years.
pub(super) const NO_URN_PLACEMENTS: &[PlacementType] = {
    use PlacementType::*;
    &[
        H5, P1, P2, P3, R1, R2, R5, T0, T1, T2, T3, T4, Z1, Z11, Z12, Z13, Z14,
    ]
};

/// Whether a URN is the `XXXXXXX` placeholder used for placements arranged through a regional
/// adoption agency or a fostering agency.
pub(super) fn is_placeholder_urn(urn: &str) -> bool {
    urn.trim().eq_ignore_ascii_case("XXXXXXX")
}

/// Whether a placement cell holds a temporary placement (T0-T4).
pub(super) fn is_temporary(place: &Cell<PlacementType>) -> bool {
    place.get().is_some_and(PlacementType::is_temporary)
}

/// Whether a legal status cell holds a short-break status (V3/V4).
pub(super) fn is_short_break(ls: &Cell<LegalStatus>) -> bool {
    ls.get().is_some_and(LegalStatus::is_short_break)
}

/// Whether a placement authority code (from the postcode reference) lies outside England: an
/// ONS code of Wales, Scotland or Northern Ireland (`W`, `S`, `N`), or one of the tool's
/// pseudo-codes `CON`, `NIR`, `SCO`, `WAL`, `NUK`.
pub(super) fn outside_england(authority: &str) -> bool {
    let upper = authority.trim().to_ascii_uppercase();
    matches!(upper.as_str(), "CON" | "NIR" | "SCO" | "WAL" | "NUK")
        || upper.starts_with('W')
        || upper.starts_with('S')
        || upper.starts_with('N')
}

/// The episode's end date for duration checks: its `DEC`, or the end of the collection year
/// when it is still open. `None` when `DEC` is not a date.
pub(super) fn end_or_year_end(row: &EpisodeRow, data: &Ssda903Return) -> Option<NaiveDate> {
    match &row.dec {
        Cell::Value(dec) => Some(*dec),
        Cell::Blank => Some(data.year_end()),
        Cell::Invalid(_) => None,
    }
}

/// Reports episodes in one of `places` whose duration (to `DEC`, or to the end of the year for
/// open episodes) exceeds `max_days`: the temporary-placement limits (375, 376, 379).
pub(super) fn placement_longer_than(
    data: &Ssda903Return,
    out: &mut crate::engine::Findings,
    places: &[PlacementType],
    max_days: i64,
) {
    for row in &data.current.episodes {
        let Some(place) = row.place.get() else {
            continue;
        };
        if !places.contains(&place) {
            continue;
        }
        let (Some(decom), Some(end)) = (row.decom.get(), end_or_year_end(row, data)) else {
            continue;
        };
        if (end - decom).num_days() > max_days {
            out.at(
                "Episodes",
                row.at.row_number,
                id(&row.child),
                &["DECOM", "PLACE"],
            );
        }
    }
}

/// Reports episodes in one of `places` that start before the child's `min_age` birthday (the
/// minimum ages of 371-374).
pub(super) fn placed_younger_than(
    data: &Ssda903Return,
    out: &mut crate::engine::Findings,
    places: &[PlacementType],
    min_age: i32,
) {
    let dobs = dob_by_child(data.current);
    for row in &data.current.episodes {
        let Some(place) = row.place.get() else {
            continue;
        };
        if !places.contains(&place) {
            continue;
        }
        let Some(child) = id(&row.child) else {
            continue;
        };
        let (Some(decom), Some(dob)) = (row.decom.get(), dobs.get(child)) else {
            continue;
        };
        if sightline_model::age_on(*dob, decom) < min_age {
            out.at(
                "Episodes",
                row.at.row_number,
                Some(child),
                &["DECOM", "PLACE"],
            );
        }
    }
}

/// Reports episodes under legal status `ls` whose run of back-to-back episodes with that status
/// (each starting the day the previous one ended) lasts more than `max_days`, open runs being
/// counted to the end of the year: the legal-status time limits (361-364). Every episode of
/// a run that is too long is reported.
pub(super) fn status_longer_than(
    data: &Ssda903Return,
    out: &mut crate::engine::Findings,
    ls: LegalStatus,
    max_days: i64,
) {
    let mut found: Vec<&EpisodeRow> = Vec::new();
    for episodes in episodes_by_child(data.current).values() {
        let mut run: Vec<&EpisodeRow> = Vec::new();
        for row in episodes.iter().copied() {
            let continues = run
                .last()
                .is_some_and(|last| last.dec.get().is_some() && last.dec.get() == row.decom.get());
            if row.ls.get() == Some(ls) && (run.is_empty() || continues) {
                run.push(row);
                continue;
            }
            if run_longer_than(data, &run, max_days) {
                found.append(&mut run);
            }
            run.clear();
            if row.ls.get() == Some(ls) {
                run.push(row);
            }
        }
        if run_longer_than(data, &run, max_days) {
            found.append(&mut run);
        }
    }
    found.sort_by_key(|row| row.at.row_number);
    for row in found {
        out.at(
            "Episodes",
            row.at.row_number,
            id(&row.child),
            &["DECOM", "DEC", "LS"],
        );
    }
}

fn run_longer_than(data: &Ssda903Return, run: &[&EpisodeRow], max_days: i64) -> bool {
    let start = run.first().and_then(|row| row.decom.get());
    let end = run.last().and_then(|row| end_or_year_end(row, data));
    match (start, end) {
        (Some(start), Some(end)) => (end - start).num_days() > max_days,
        _ => false,
    }
}

/// Reports episodes ending with one of `reasons` before the child's `min_age` birthday (387,
/// 389): `DEC` earlier than the birthday.
pub(super) fn ceased_younger_than(
    data: &Ssda903Return,
    out: &mut crate::engine::Findings,
    reasons: &[sightline_model::codes::ReasonEpisodeCeased],
    min_age: i32,
) {
    let dobs = dob_by_child(data.current);
    for row in &data.current.episodes {
        let Some(rec) = row.rec.get() else { continue };
        if !reasons.contains(&rec) {
            continue;
        }
        let Some(child) = id(&row.child) else {
            continue;
        };
        let (Some(dec), Some(dob)) = (row.dec.get(), dobs.get(child)) else {
            continue;
        };
        if dec < birthday(*dob, min_age) {
            out.at("Episodes", row.at.row_number, Some(child), &["REC"]);
        }
    }
}

#[cfg(test)]
pub(super) mod testing {
    //! Test helpers: a return with last year's tables, and a tiny fake postcode reference.

    use crate::ssda903::{PostcodeReference, Ssda903Return};
    use sightline_formats::ssda903::Ssda903Tables;
    use sightline_model::ids::Postcode;

    /// A 2025-26 return over `current` with last year's `previous`.
    pub fn with_previous<'a>(
        current: &'a Ssda903Tables,
        previous: &'a Ssda903Tables,
    ) -> Ssda903Return<'a> {
        Ssda903Return {
            current,
            previous: Some(previous),
            year: 2026,
            postcodes: None,
            la_code: None,
            providers: None,
        }
    }

    /// Known postcodes with their authority and grid position in miles.
    pub struct FakePostcodes(pub Vec<(&'static str, &'static str, f64, f64)>);

    impl FakePostcodes {
        fn find(&self, postcode: &Postcode) -> Option<&(&'static str, &'static str, f64, f64)> {
            self.0
                .iter()
                .find(|(code, ..)| Postcode::normalised(code).as_str() == postcode.as_str())
        }
    }

    impl PostcodeReference for FakePostcodes {
        fn is_known(&self, postcode: &Postcode) -> bool {
            self.find(postcode).is_some()
        }

        fn distance_miles(&self, a: &Postcode, b: &Postcode) -> Option<f64> {
            let (_, _, ax, ay) = self.find(a)?;
            let (_, _, bx, by) = self.find(b)?;
            Some(((ax - bx).powi(2) + (ay - by).powi(2)).sqrt())
        }

        fn authority(&self, postcode: &Postcode) -> Option<String> {
            self.find(postcode).map(|(_, la, ..)| (*la).to_owned())
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn birthdays_follow_age_on() {
        assert_eq!(birthday(d(2008, 2, 29), 18), d(2026, 3, 1));
        assert_eq!(sightline_model::age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(birthday(d(2010, 5, 4), 10), d(2020, 5, 4));
        assert_eq!(years_before(d(2024, 2, 29), 11), d(2013, 2, 28));
    }

    #[test]
    fn england_is_told_from_the_other_nations() {
        assert!(!outside_england("E08000034"));
        assert!(outside_england("W06000008"));
        assert!(outside_england("sco"));
        assert!(outside_england("N09000003"));
    }
}
