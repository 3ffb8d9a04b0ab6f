//! Helpers shared by part D of the 903 catalogue (codes 601-635, 1000-1016, 3001, EPI, NoE, the
//! internal INT checks and the social worker SW checks): per-child look-ups, the generic
//! integrity checks the INT rules share, care-leaver (OC3) and social worker episode helpers.
//!
//! Conventions of part D, so each rule file need not repeat them (they are those of parts A-C):
//! - a code field in any letter case is valid (the reader accepts `m` for `M`); the DfE tool is
//!   case-sensitive;
//! - a field "provided" or "completed" means not blank: invalid text counts as provided, as the
//!   tool's `notna()` does (the rule about that field reports the text);
//! - a code or date a rule must compare that is invalid makes the row uncheckable: it is skipped
//!   (the validity rule of that field reports it); a blank one follows the tool;
//! - ages use [`sightline_model::age_on`] and [`birthday`] (a 29 February birthday falls on
//!   1 March in other years); the tool adds years with pandas, which lands on 28 February;
//! - episode sequences order a child's episodes by start date, then row; episodes (and social
//!   worker episodes) whose start date is blank or invalid cannot be placed and are left out;
//! - rows without a child id are never matched with other rows (the tool's merge would pair
//!   blank ids with each other);
//! - a finding goes on the row holding the field at fault, once per row, although the tool
//!   often reports every table of a join.

use crate::engine::Findings;
use crate::ssda903::Ssda903Return;
use crate::ssda903::{HashMap, HashSet};
use chrono::{Datelike, NaiveDate};
use sightline_formats::ssda903::{Cell, EpisodeRow, Oc3Row, Ssda903Tables, SwEpisodeRow};
use sightline_model::codes::ReasonEpisodeCeased;
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

/// The last birthday on or before `on`, with the age it starts: the birthday "in the collection
/// year" when `on` is the year's last day.
pub(super) fn last_birthday(born: NaiveDate, on: NaiveDate) -> (i32, NaiveDate) {
    let age = sightline_model::age_on(born, on);
    (age, birthday(born, age))
}

/// The same calendar day one year earlier (29 February falls back to 28 February).
pub(super) fn a_year_before(date: NaiveDate) -> NaiveDate {
    let year = date.year().saturating_sub(1);
    date.with_year(year)
        .or_else(|| NaiveDate::from_ymd_opt(year, 2, 28))
        .unwrap_or(NaiveDate::MIN)
}

/// The children with a row in the Header.
pub(super) fn header_children(tables: &Ssda903Tables) -> HashSet<&str> {
    tables.header.iter().filter_map(|r| id(&r.child)).collect()
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

/// The children with at least one Episodes row.
pub(super) fn children_with_episodes(episodes: &[EpisodeRow]) -> HashSet<&str> {
    episodes.iter().filter_map(|r| id(&r.child)).collect()
}

/// Each child's episodes with a valid start date, ordered by start date then row.
pub(super) fn episodes_by_child(episodes: &[EpisodeRow]) -> HashMap<&str, Vec<&EpisodeRow>> {
    let mut by_child: HashMap<&str, Vec<&EpisodeRow>> =
        crate::ssda903::map_with_capacity(episodes.len() / 2);
    for row in episodes {
        if let (Some(child), Some(_)) = (id(&row.child), row.decom.get()) {
            by_child.entry(child).or_default().push(row);
        }
    }
    for rows in by_child.values_mut() {
        rows.sort_by_key(|row| (row.decom.get(), row.at.row_number));
    }
    by_child
}

/// Each child's latest episode: the one with the latest valid start date (the last row on a tie).
pub(super) fn latest_episode_by_child(episodes: &[EpisodeRow]) -> HashMap<&str, &EpisodeRow> {
    episodes_by_child(episodes)
        .into_iter()
        .filter_map(|(child, rows)| rows.last().map(|row| (child, *row)))
        .collect()
}

/// Whether an episode ends in adoption (E11, E12) during the collection year: the adoptions 601 and 602 look for.
pub(super) fn adopted_in_year(row: &EpisodeRow, data: &Ssda903Return) -> bool {
    let adopted = matches!(
        row.rec.get(),
        Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
    );
    adopted
        && row
            .dec
            .get()
            .is_some_and(|dec| dec >= data.year_start() && dec <= data.year_end())
}

/// Whether any of the care-leaver items (`IN_TOUCH`, `ACTIV`, `ACCOM`) is provided.
pub(super) fn care_leaver_items_given(row: &Oc3Row) -> bool {
    !row.in_touch.is_blank() || !row.activ.is_blank() || !row.accom.is_blank()
}

/// Reports the rows (`row number`, `child`) of `table` whose child has no Header row: the
/// "child does not exist in Header" checks (INT01-INT09).
pub(super) fn report_not_in_header<'a>(
    data: &Ssda903Return,
    out: &mut Findings,
    table: &'static str,
    rows: impl Iterator<Item = (u64, Option<&'a str>)>,
) {
    let known = header_children(data.current);
    for (row_number, child) in rows {
        if let Some(child) = child.filter(|c| !known.contains(c)) {
            out.at(table, row_number, Some(child), &["CHILD"]);
        }
    }
}

/// Reports the rows (`row number`, `child`, `DOB`) of `table` whose valid date of birth differs
/// from a valid date of birth in one of the child's Header rows (INT11-INT18). Blank or invalid
/// dates on either side are not compared, as in the tool.
pub(super) fn report_dob_differs<'a>(
    data: &Ssda903Return,
    out: &mut Findings,
    table: &'static str,
    rows: impl Iterator<Item = (u64, Option<&'a str>, Option<NaiveDate>)>,
) {
    let mut header_dobs: HashMap<&str, Vec<NaiveDate>> = HashMap::default();
    for row in &data.current.header {
        if let (Some(child), Some(dob)) = (id(&row.child), row.dob.get()) {
            header_dobs.entry(child).or_default().push(dob);
        }
    }
    for (row_number, child, dob) in rows {
        let (Some(child), Some(dob)) = (child, dob) else {
            continue;
        };
        let differs = header_dobs
            .get(child)
            .is_some_and(|dobs| dobs.iter().any(|d| *d != dob));
        if differs {
            out.at(table, row_number, Some(child), &["DOB"]);
        }
    }
}

/// Reports every row (`row number`, `child`) of `table` whose child appears on more than one
/// row (INT31-INT36). Rows without a child id are not counted, as the tool's grouping drops them.
pub(super) fn report_duplicates<'a>(
    out: &mut Findings,
    table: &'static str,
    rows: impl Iterator<Item = (u64, Option<&'a str>)> + Clone,
) {
    let mut count: HashMap<&str, usize> = HashMap::default();
    for (_, child) in rows.clone() {
        if let Some(child) = child {
            *count.entry(child).or_default() += 1;
        }
    }
    for (row_number, child) in rows {
        if let Some(child) = child.filter(|c| count.get(c).is_some_and(|n| *n > 1)) {
            out.at(table, row_number, Some(child), &["CHILD"]);
        }
    }
}

/// Each child's social worker episodes with a valid start date, ordered as the tool orders them:
/// by start date, then end date (open episodes last), then row.
pub(super) fn sw_episodes_by_child(tables: &Ssda903Tables) -> HashMap<&str, Vec<&SwEpisodeRow>> {
    let mut by_child: HashMap<&str, Vec<&SwEpisodeRow>> =
        crate::ssda903::map_with_capacity(tables.sw_episodes.len() / 2);
    for row in &tables.sw_episodes {
        if let (Some(child), Some(_)) = (id(&row.child), row.sw_decom.get()) {
            by_child.entry(child).or_default().push(row);
        }
    }
    for rows in by_child.values_mut() {
        rows.sort_by_key(|row| {
            (
                row.sw_decom.get(),
                row.sw_dec.get().is_none(),
                row.sw_dec.get(),
                row.at.row_number,
            )
        });
    }
    by_child
}

/// Every pair (previous, next) of consecutive social worker episodes of a child, in file order
/// of the next episode.
pub(super) fn consecutive_sw_episodes(
    tables: &Ssda903Tables,
) -> Vec<(&SwEpisodeRow, &SwEpisodeRow)> {
    let mut pairs: Vec<(&SwEpisodeRow, &SwEpisodeRow)> =
        Vec::with_capacity(tables.sw_episodes.len());
    for rows in sw_episodes_by_child(tables).into_values() {
        pairs.extend(rows.windows(2).filter_map(|w| match w {
            [previous, next] => Some((*previous, *next)),
            _ => None,
        }));
    }
    pairs.sort_by_key(|(_, next)| next.at.row_number);
    pairs
}

#[cfg(test)]
pub(super) mod testing {
    //! Test helpers: a return with last year's tables.

    use crate::ssda903::Ssda903Return;
    use sightline_formats::ssda903::Ssda903Tables;

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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::tables;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn last_birthdays_count_29_february_as_1_march() {
        assert_eq!(
            last_birthday(d(2008, 2, 29), d(2026, 3, 31)),
            (18, d(2026, 3, 1))
        );
        assert_eq!(
            last_birthday(d(2008, 6, 1), d(2026, 3, 31)),
            (17, d(2025, 6, 1))
        );
        assert_eq!(a_year_before(d(2024, 2, 29)), d(2023, 2, 28));
    }

    #[test]
    fn social_worker_episodes_pair_in_start_order() {
        let t = tables(
            "//- SWEpisodes
             CHILD,SW_DECOM,SW_DEC
             1,01/06/2025,
             1,01/04/2025,31/05/2025
             2,01/04/2025,
             1,xx,",
        );
        let pairs: Vec<(u64, u64)> = consecutive_sw_episodes(&t)
            .into_iter()
            .map(|(a, b)| (a.at.row_number, b.at.row_number))
            .collect();
        assert_eq!(pairs, vec![(2, 1)]);
    }
}
