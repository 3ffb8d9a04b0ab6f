//! Helpers shared by part A of the 903 catalogue: the child id of a row, birthdays, the
//! "looked after continuously for 12 months at 31 March" cohort (OC2 rules), UASC status and
//! the few per-child episode look-ups several rules need.
//!
//! Conventions of part A, so each rule file need not repeat them:
//! - a code field in any letter case is valid (the reader accepts `refu` for `REFU`, as rule 103
//!   does); the DfE tool is case-sensitive;
//! - a field "completed" means not blank: invalid text counts as completed (the rule about that
//!   field reports it), as the tool's `notna()` does;
//! - ages use [`sightline_model::age_on`] (a 29 February birthday falls on 1 March in other
//!   years); the tool adds years with pandas, which lands on 28 February.

use crate::ssda903::Ssda903Return;
use crate::ssda903::{HashMap, HashSet};
use chrono::{Datelike, NaiveDate};
use sightline_formats::ssda903::{Cell, EpisodeRow, Ssda903Tables};
use sightline_model::codes::{LegalStatus, ReasonEpisodeCeased, ReasonNewEpisode};
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

/// Whether a legal status cell holds a short-break status (V3/V4); blank or invalid is not.
pub(in crate::ssda903) fn is_short_break(ls: &Cell<LegalStatus>) -> bool {
    ls.get().is_some_and(LegalStatus::is_short_break)
}

/// The children looked after continuously for at least 12 months at 31 March of the collection
/// year, from this year's episodes: a child is in the cohort when one of their episodes falls in
/// the year and none of them shows a break. A break is an episode that starts a period of care
/// (RNE `S`) after 1 April, one that ends (REC other than `X1`, or blank) from 1 April to
/// 30 March, or a short-break (V3/V4) episode in the year. An episode whose end date is blank or
/// not a date counts as open. This is the DfE definition as the tool implements it.
pub(in crate::ssda903) fn continuously_looked_after<'a>(
    data: &Ssda903Return<'a>,
) -> HashSet<&'a str> {
    let (start, end) = (data.year_start(), data.year_end());
    let tables: &'a Ssda903Tables = data.current;
    let mut in_year: HashSet<&'a str> = HashSet::default();
    let mut broken: HashSet<&'a str> = HashSet::default();
    for episode in &tables.episodes {
        let Some(child) = id(&episode.child) else {
            continue;
        };
        let decom = episode.decom.get();
        let dec = episode.dec.get();
        let during_year = decom.is_some_and(|d| d <= end) && dec.is_none_or(|d| d >= start);
        let starts_care = episode.rne.get() == Some(ReasonNewEpisode::S)
            && decom.is_some_and(|d| d > start && d <= end);
        let leaves_care = episode.rec.get() != Some(ReasonEpisodeCeased::X1)
            && dec.is_some_and(|d| d >= start && d < end);
        let short_break = during_year && is_short_break(&episode.ls);
        if during_year {
            in_year.insert(child);
        }
        if starts_care || leaves_care || short_break {
            broken.insert(child);
        }
    }
    in_year.retain(|child| !broken.contains(child));
    in_year
}

/// Children who are or were unaccompanied asylum-seeking children: those with a row in this
/// year's or last year's UASC table (Sightline derives the Header `UASC` flag the same way).
pub(in crate::ssda903) fn uasc_children<'a>(data: &Ssda903Return<'a>) -> HashSet<&'a str> {
    let tables: &'a Ssda903Tables = data.current;
    let previous = data.previous.map(|p| p.uasc.as_slice()).unwrap_or_default();
    tables
        .uasc
        .iter()
        .chain(previous)
        .filter_map(|row| id(&row.child))
        .collect()
}

/// Each child's episode with the earliest (or latest) start date among `episodes` that pass
/// `keep`; episodes without a valid start date are ignored. On a tie the first in file order
/// wins for the earliest and the last for the latest.
pub(super) fn episode_by_start<'a>(
    episodes: &'a [EpisodeRow],
    latest: bool,
    keep: impl Fn(&EpisodeRow) -> bool,
) -> HashMap<&'a str, &'a EpisodeRow> {
    let mut chosen: HashMap<&'a str, &'a EpisodeRow> = HashMap::default();
    for episode in episodes.iter().filter(|e| keep(e)) {
        let (Some(child), Some(start)) = (id(&episode.child), episode.decom.get()) else {
            continue;
        };
        let replace = chosen.get(child).is_none_or(|best| {
            let best_start = best.decom.get().unwrap_or(start);
            if latest {
                start >= best_start
            } else {
                start < best_start
            }
        });
        if replace {
            chosen.insert(child, episode);
        }
    }
    chosen
}

/// A tiny postcode reference for tests: four known postcodes on one north-south line.
#[cfg(test)]
pub(super) struct FakePostcodes;

#[cfg(test)]
impl FakePostcodes {
    /// (postcode, authority, miles north of `HD1 2AB`).
    const KNOWN: &[(&str, &str, f64)] = &[
        ("HD1 2AB", "E08000034", 0.0),
        ("HD2 1AA", "E08000034", 5.0),
        ("LS1 1AA", "E08000035", 20.0),
        ("AB1 0AA", "S12000033", 1200.0),
    ];

    fn find(postcode: &sightline_model::ids::Postcode) -> Option<(&'static str, f64)> {
        Self::KNOWN
            .iter()
            .find(|(code, _, _)| *code == postcode.as_str())
            .map(|(_, authority, north)| (*authority, *north))
    }
}

#[cfg(test)]
impl crate::ssda903::PostcodeReference for FakePostcodes {
    fn is_known(&self, postcode: &sightline_model::ids::Postcode) -> bool {
        Self::find(postcode).is_some()
    }

    fn distance_miles(
        &self,
        a: &sightline_model::ids::Postcode,
        b: &sightline_model::ids::Postcode,
    ) -> Option<f64> {
        Some((Self::find(a)?.1 - Self::find(b)?.1).abs())
    }

    fn authority(&self, postcode: &sightline_model::ids::Postcode) -> Option<String> {
        Self::find(postcode).map(|(authority, _)| authority.to_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ssda903::fixture::{current, tables};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn birthdays_agree_with_age_on() {
        assert_eq!(birthday(date(2010, 6, 15), 4), date(2014, 6, 15));
        assert_eq!(birthday(date(2012, 2, 29), 4), date(2016, 2, 29));
        assert_eq!(birthday(date(2012, 2, 29), 5), date(2017, 3, 1));
        assert_eq!(
            sightline_model::age_on(date(2012, 2, 29), date(2017, 2, 28)),
            4
        );
        assert_eq!(
            sightline_model::age_on(date(2012, 2, 29), date(2017, 3, 1)),
            5
        );
    }

    #[test]
    fn the_twelve_month_cohort_excludes_every_kind_of_break() {
        // 1: in care all year. 2: started a period of care in the year. 3: left in the year.
        // 4: short breaks. 5: episode ended before the year. 6: changes placement (X1) in the
        // year and stays. 7: left on 31 March, which the DfE does not count as a break.
        let t = tables(
            "//- Episodes
             CHILD,DECOM,RNE,LS,DEC,REC
             1,01/01/2020,S,C2,,
             2,01/06/2025,S,C2,,
             3,01/01/2020,S,C2,01/10/2025,E13
             4,01/01/2020,S,V3,,
             5,01/01/2020,S,C2,01/01/2025,E13
             6,01/01/2020,S,C2,01/09/2025,X1
             6,01/09/2025,P,C2,,
             7,01/01/2020,S,C2,31/03/2026,E13",
        );
        let data = current(&t);
        let mut cohort: Vec<&str> = continuously_looked_after(&data).into_iter().collect();
        cohort.sort_unstable();
        assert_eq!(cohort, vec!["1", "6", "7"]);
    }

    #[test]
    fn earliest_and_latest_episodes_skip_rows_without_a_start() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,LS
             1,01/05/2025,C2
             1,01/04/2025,V3
             1,xx,C2
             1,01/06/2025,C2",
        );
        let earliest = episode_by_start(&t.episodes, false, |_| true);
        assert_eq!(earliest.get("1").map(|e| e.at.row_number), Some(2));
        let latest = episode_by_start(&t.episodes, true, |_| true);
        assert_eq!(latest.get("1").map(|e| e.at.row_number), Some(4));
        let not_short = episode_by_start(&t.episodes, false, |e| !is_short_break(&e.ls));
        assert_eq!(not_short.get("1").map(|e| e.at.row_number), Some(1));
    }
}
