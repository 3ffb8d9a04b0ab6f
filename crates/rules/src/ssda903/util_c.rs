//! Helpers shared by part C of the 903 catalogue (codes 406-586): per-child look-ups, episode
//! sequences, periods of care, the comparison with last year's open episode, the
//! postcode-derived placement fields, the "looked after continuously for 12 months" cohort and
//! the code-pair checks several rules share.
//!
//! Conventions of part C, so each rule file need not repeat them:
//! - a code field in any letter case is valid (the reader accepts `e1` for `E1`); the DfE tool is
//!   case-sensitive;
//! - a field "given" or "completed" means not blank: invalid text counts as given, as the tool's
//!   `notna()` does (the rule about that field reports the text);
//! - a code or date a rule must compare that is invalid makes the row uncheckable: it is skipped
//!   (the validity rule of that field reports it); a blank one follows the tool;
//! - ages use [`sightline_model::age_on`] and [`birthday`] (a 29 February birthday falls on
//!   1 March in other years, as in English law); the tool adds years with pandas, which lands on
//!   28 February, and often compares with a strict inequality, so a check on the birthday itself
//!   can differ by one day: here a child is N on their Nth birthday;
//! - episode sequences order a child's episodes by start date, then row; episodes whose start
//!   date is blank or invalid cannot be placed and are left out;
//! - the derived fields `PL_LA` and `PL_DISTANCE` come from the postcode reference (see
//!   shared/reference/ssda903/derived_fields.csv); a child is UASC in a year when they have a row
//!   in that year's UASC table (Sightline derives the Header `UASC` flag that way);
//! - a finding goes on the row holding the field at fault, once per row; when the tool reports
//!   the rows of both tables of a join, so does the rule, each row once.

use crate::engine::Findings;
use crate::ssda903::HashMap;
use crate::ssda903::{PostcodeReference, Ssda903Return};
use chrono::{Datelike, NaiveDate};
use sightline_formats::ssda903::{Cell, EpisodeRow, Ssda903Tables};
use sightline_model::codes::{
    AdopterLegalStatus, AdopterSex, PlacementProvider, PlacementType, ReasonEpisodeCeased,
};
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

/// Every pair (previous, next) of consecutive episodes of a child, in the order of the next
/// episode's row, so that findings come out in file order.
pub(super) fn consecutive_episodes(episodes: &[EpisodeRow]) -> Vec<(&EpisodeRow, &EpisodeRow)> {
    let mut pairs: Vec<(&EpisodeRow, &EpisodeRow)> = Vec::with_capacity(episodes.len());
    for rows in episodes_by_child(episodes).into_values() {
        pairs.extend(
            rows.windows(2)
                .filter_map(|w| Some((*w.first()?, *w.get(1)?))),
        );
    }
    pairs.sort_by_key(|(_, next)| next.at.row_number);
    pairs
}

/// Each child's earliest (or, with `latest`, latest) episode by start date; on a tie the first
/// in file order wins, as pandas' `idxmin`/`idxmax` do.
pub(super) fn episode_by_start<'a>(
    episodes: impl IntoIterator<Item = &'a EpisodeRow>,
    latest: bool,
) -> HashMap<&'a str, &'a EpisodeRow> {
    let mut chosen: HashMap<&'a str, &'a EpisodeRow> = HashMap::default();
    for row in episodes {
        let (Some(child), Some(start)) = (id(&row.child), row.decom.get()) else {
            continue;
        };
        let better = chosen.get(child).is_none_or(|best| {
            let best_start = best.decom.get().unwrap_or(start);
            if latest {
                start > best_start
            } else {
                start < best_start
            }
        });
        if better {
            chosen.insert(child, row);
        }
    }
    chosen
}

/// Each child's first episode this year paired with their latest episode of last year's return
/// when that one was still open at 31 March (`DEC` blank): the episode that should continue.
/// In the order of this year's rows. Empty without last year's return.
pub(super) fn continued_from_last_year<'a>(
    data: &Ssda903Return<'a>,
) -> Vec<(&'a EpisodeRow, &'a EpisodeRow)> {
    let Some(previous) = data.previous else {
        return Vec::new();
    };
    let current: &'a Ssda903Tables = data.current;
    let last_year = episode_by_start(&previous.episodes, true);
    let mut pairs: Vec<(&'a EpisodeRow, &'a EpisodeRow)> =
        episode_by_start(&current.episodes, false)
            .into_iter()
            .filter_map(|(child, first)| {
                let last = *last_year.get(child)?;
                last.dec.is_blank().then_some((first, last))
            })
            .collect();
    pairs.sort_by_key(|(first, _)| first.at.row_number);
    pairs
}

/// Reports this year's first episode of each child whose `field` differs, by `differs`, from
/// last year's episode that was still open at 31 March (the 503 family).
pub(super) fn first_episode_differs_from_last_year(
    data: &Ssda903Return,
    out: &mut Findings,
    field: &'static str,
    differs: impl Fn(&EpisodeRow, &EpisodeRow) -> bool,
) {
    for (first, last) in continued_from_last_year(data) {
        if differs(first, last) {
            out.at("Episodes", first.at.row_number, id(&first.child), &[field]);
        }
    }
}

/// A period of care: back-to-back episodes of one child.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) struct PeriodOfCare {
    /// Start date of its first episode.
    pub start: NaiveDate,
    /// End date of its last episode; `None` while open (or when that date is not a date).
    pub end: Option<NaiveDate>,
}

impl PeriodOfCare {
    /// Whether `date` falls in the period, both ends included.
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|end| date <= end)
    }
}

/// Each child's periods of care, in time order: a new period starts when an episode starts
/// after the previous one ended (as the tool groups them); an end date that is not a date does
/// not break a period.
pub(super) fn periods_of_care(episodes: &[EpisodeRow]) -> HashMap<&str, Vec<PeriodOfCare>> {
    episodes_by_child(episodes)
        .into_iter()
        .map(|(child, rows)| {
            let mut periods: Vec<PeriodOfCare> = Vec::new();
            let mut previous_end: Option<Option<NaiveDate>> = None;
            for row in rows {
                let Some(start) = row.decom.get() else {
                    continue;
                };
                let continues = previous_end.is_some_and(|end| end.is_none_or(|end| start <= end));
                match periods.last_mut() {
                    Some(period) if continues => period.end = row.dec.get(),
                    _ => periods.push(PeriodOfCare {
                        start,
                        end: row.dec.get(),
                    }),
                }
                previous_end = Some(row.dec.get());
            }
            (child, periods)
        })
        .collect()
}

/// The derived `PL_LA` of an episode: the authority its placement postcode lies in.
pub(super) fn placement_authority(
    postcodes: &dyn PostcodeReference,
    episode: &EpisodeRow,
) -> Option<String> {
    episode.pl_post.value().and_then(|p| postcodes.authority(p))
}

/// The derived `PL_DISTANCE` of an episode: miles from home to placement, to one decimal place
/// as the DfE rounds it.
pub(super) fn placement_distance(
    postcodes: &dyn PostcodeReference,
    episode: &EpisodeRow,
) -> Option<f64> {
    let (home, placed) = (episode.home_post.value()?, episode.pl_post.value()?);
    postcodes
        .distance_miles(home, placed)
        .map(|miles| (miles * 10.0).round() / 10.0)
}

/// The derived `PL_LOCATION` of a placement: inside or outside the council's area.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Location {
    /// Placed inside the council's own area (`IN`).
    Inside,
    /// Placed elsewhere (`OUT`).
    Outside,
}

/// The council's own authority code (ONS, as the postcode reference returns), against which
/// `PL_LOCATION` is derived: the postcode reference maps the return's 3-digit LA number. `None`
/// when either is missing: `PL_LOCATION` is then blank for every episode, as the tool leaves it
/// for postcodes it cannot place.
pub(super) fn own_authority(data: &Ssda903Return) -> Option<String> {
    data.postcodes?.council_authority(data.la_code?)
}

/// The derived `PL_LOCATION`: `IN` when the placement authority is the council's own, `OUT`
/// otherwise; blank when either is unknown.
pub(super) fn placement_location(pl_la: Option<&str>, own: Option<&str>) -> Option<Location> {
    let (pl_la, own) = (pl_la?, own?);
    Some(if pl_la.eq_ignore_ascii_case(own) {
        Location::Inside
    } else {
        Location::Outside
    })
}

/// Whether two placement distances differ by the DfE's tolerance (0.2 miles) or more; a missing
/// distance never differs (the tool's comparison with a missing number is false).
pub(super) fn distances_differ(a: Option<f64>, b: Option<f64>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if (a - b).abs() >= 0.2 - 1e-9)
}

/// Whether two episodes have the same placement: type, provider, postcode and URN, a blank
/// matching a blank.
pub(super) fn same_placement(a: &EpisodeRow, b: &EpisodeRow) -> bool {
    a.place == b.place
        && a.place_provider == b.place_provider
        && a.pl_post == b.pl_post
        && a.urn == b.urn
}

/// Reports episodes whose provider is `provider` and whose placement is one of `places` (the
/// impossible provider/placement pairs, 527-531).
pub(super) fn provider_with_places(
    data: &Ssda903Return,
    out: &mut Findings,
    provider: PlacementProvider,
    places: &[PlacementType],
) {
    for row in &data.current.episodes {
        let place = row.place.get();
        if row.place_provider.get() == Some(provider) && place.is_some_and(|p| places.contains(&p))
        {
            out.at(
                "Episodes",
                row.at.row_number,
                id(&row.child),
                &["PLACE", "PLACE_PROVIDER"],
            );
        }
    }
}

/// Reports AD1 rows whose adopters' legal status is `ls` but whose sex code is not one of
/// `allowed` (a blank or invalid code is not allowed, as in the tool).
pub(super) fn adopter_sex_outside(
    data: &Ssda903Return,
    out: &mut Findings,
    ls: AdopterLegalStatus,
    allowed: &[AdopterSex],
) {
    for row in &data.current.ad1 {
        let sex_ok = row.sex_adoptr.get().is_some_and(|s| allowed.contains(&s));
        if row.ls_adoptr.get() == Some(ls) && !sex_ok {
            out.at(
                "AD1",
                row.at.row_number,
                id(&row.child),
                &["LS_ADOPTR", "SEX_ADOPTR"],
            );
        }
    }
}

/// Whether a placement type is one of the placed-for-adoption types A3-A6.
pub(super) fn is_placed_for_adoption(place: &Cell<PlacementType>) -> bool {
    place
        .get()
        .is_some_and(PlacementType::is_placed_for_adoption)
}

/// Whether an episode ended in adoption (REC `E11` or `E12`).
pub(super) fn ended_in_adoption(row: &EpisodeRow) -> bool {
    matches!(
        row.rec.get(),
        Some(ReasonEpisodeCeased::E11 | ReasonEpisodeCeased::E12)
    )
}

#[cfg(test)]
pub(super) mod testing {
    //! Test helpers: a return with last year's tables, a tiny fake postcode reference and a
    //! listing of findings by table.

    use crate::engine::Findings;
    use crate::ssda903::{PostcodeReference, Rule, Ssda903Return};
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

    /// Known postcodes: (postcode, authority, miles east of `HD1 2AB`, all on one line).
    pub struct Postcodes;

    impl Postcodes {
        const KNOWN: &[(&str, &str, f64)] = &[
            ("HD1 2AB", "E08000034", 0.0),
            ("HD2 1AA", "E08000034", 5.0),
            ("HD3 3AA", "E08000034", 5.15),
            ("LS1 1AA", "E08000035", 20.0),
            ("TR1 1AA", "E06000052", 360.0),
        ];

        fn find(postcode: &Postcode) -> Option<(&'static str, f64)> {
            Self::KNOWN
                .iter()
                .find(|(code, ..)| *code == postcode.as_str())
                .map(|(_, la, east)| (*la, *east))
        }
    }

    impl PostcodeReference for Postcodes {
        fn is_known(&self, postcode: &Postcode) -> bool {
            Self::find(postcode).is_some()
        }

        fn distance_miles(&self, a: &Postcode, b: &Postcode) -> Option<f64> {
            Some((Self::find(a)?.1 - Self::find(b)?.1).abs())
        }

        fn authority(&self, postcode: &Postcode) -> Option<String> {
            Self::find(postcode).map(|(la, _)| la.to_owned())
        }
    }

    /// The (table, row) of every finding of `rule` on `data`, in the order found.
    pub fn rows(rule: &dyn Rule, data: &Ssda903Return) -> Vec<(&'static str, u64)> {
        let mut out = Findings::new(rule.meta());
        rule.check(data, &mut out);
        out.into_vec()
            .into_iter()
            .map(|f| (f.table, f.row_number.unwrap_or(0)))
            .collect()
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
    fn birthdays_follow_age_on() {
        assert_eq!(birthday(d(2008, 2, 29), 18), d(2026, 3, 1));
        assert_eq!(sightline_model::age_on(d(2008, 2, 29), d(2026, 2, 28)), 17);
        assert_eq!(birthday(d(2010, 5, 4), 10), d(2020, 5, 4));
    }

    #[test]
    fn periods_of_care_join_back_to_back_episodes() {
        let t = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/05/2025,01/06/2025
             1,01/06/2025,10/07/2025
             1,01/09/2025,
             1,xx,01/01/2026",
        );
        let periods = periods_of_care(&t.episodes);
        assert_eq!(
            periods.get("1"),
            Some(&vec![
                PeriodOfCare {
                    start: d(2025, 5, 1),
                    end: Some(d(2025, 7, 10))
                },
                PeriodOfCare {
                    start: d(2025, 9, 1),
                    end: None
                },
            ])
        );
        assert!(
            !PeriodOfCare {
                start: d(2025, 5, 1),
                end: Some(d(2025, 7, 10))
            }
            .contains(d(2025, 7, 11))
        );
    }

    #[test]
    fn last_years_open_episode_pairs_with_this_years_first() {
        let now = tables(
            "//- Episodes
             CHILD,DECOM
             1,01/06/2025
             1,01/01/2024
             2,01/01/2024",
        );
        let last = tables(
            "//- Episodes
             CHILD,DECOM,DEC
             1,01/05/2023,01/01/2024
             1,01/01/2024,
             2,01/01/2024,01/02/2025",
        );
        let data = testing::with_previous(&now, &last);
        let pairs: Vec<(u64, u64)> = continued_from_last_year(&data)
            .into_iter()
            .map(|(a, b)| (a.at.row_number, b.at.row_number))
            .collect();
        assert_eq!(pairs, vec![(2, 2)]);
    }

    #[test]
    fn distances_differ_from_two_tenths_of_a_mile() {
        assert!(distances_differ(Some(5.0), Some(5.2)));
        assert!(!distances_differ(Some(5.0), Some(5.1)));
        assert!(!distances_differ(None, Some(5.1)));
    }
}
