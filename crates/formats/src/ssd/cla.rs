//! Looked-after episodes: the model keeps 903-style episodes, the SSD splits them into
//! `ssd_cla_episodes`, `ssd_cla_placement` and `ssd_legal_status`.
//!
//! Writing groups episodes into placements and legal statuses the way the SSD sees them:
//! - an episode joins the previous placement when it starts the day the previous episode ended,
//!   only the legal status changed (`RNE` = L), the placement details are identical and the
//!   previous episode recorded no reason for a placement change;
//! - an episode joins the previous legal status when it starts the day the previous episode
//!   ended, only the placement changed (`RNE` = P or T) and the code is the same.
//!
//! Reading reverses this exactly: the episode names its placement (standard
//! `clae_cla_placement_id`) and its legal status (extension `clae_x_legal_status_id`), and the
//! placement's change reason belongs to the last episode of the placement. Extracts without the
//! extension column get the legal status whose dates cover the episode start.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use sightline_model::codes::*;
use sightline_model::ids::*;
use sightline_model::records::ClaEpisode;

use super::schema::{CLA_EPISODES, CLA_PLACEMENT, LEGAL_STATUS};
use super::table::{IdMap, TableReader, TableWriter};
use crate::FormatError;

/// A span of consecutive episodes sharing one SSD row: indexes of the first and last episode.
#[derive(Clone, Copy)]
struct Span {
    first: usize,
    last: usize,
}

/// Which placement, legal status and period of care each episode belongs to.
struct Grouping {
    placement_of: Vec<u32>,
    legal_of: Vec<u32>,
    period_first: Vec<u32>,
    placements: Vec<Span>,
    legals: Vec<Span>,
}

fn same_placement(a: &ClaEpisode, b: &ClaEpisode) -> bool {
    a.placement == b.placement
        && a.provider == b.provider
        && a.placement_postcode == b.placement_postcode
        && a.urn == b.urn
        && a.placement_la == b.placement_la
        && a.placement_distance_miles.map(f64::to_bits)
            == b.placement_distance_miles.map(f64::to_bits)
}

fn group(episodes: &[ClaEpisode]) -> Grouping {
    let mut g = Grouping {
        placement_of: Vec::with_capacity(episodes.len()),
        legal_of: Vec::with_capacity(episodes.len()),
        period_first: Vec::with_capacity(episodes.len()),
        placements: Vec::new(),
        legals: Vec::new(),
    };
    let mut last_of_child: HashMap<&str, usize> = HashMap::new();
    for (i, e) in episodes.iter().enumerate() {
        let prev = last_of_child
            .insert(e.child.as_str(), i)
            .and_then(|p| episodes.get(p).map(|pe| (p, pe)))
            .filter(|(_, pe)| pe.end == Some(e.start));
        let mut placement = None;
        let mut legal = None;
        let mut period = i as u32;
        if let Some((p, pe)) = prev
            && let (Some(&pp), Some(&pl), Some(&pper)) = (
                g.placement_of.get(p),
                g.legal_of.get(p),
                g.period_first.get(p),
            )
        {
            if e.reason_new != ReasonNewEpisode::S {
                period = pper;
            }
            let placement_ends_here = g.placements.get(pp as usize).is_some_and(|s| s.last == p);
            if e.reason_new == ReasonNewEpisode::L
                && placement_ends_here
                && pe.reason_place_change.is_none()
                && same_placement(pe, e)
            {
                placement = Some(pp);
            }
            let legal_ends_here = g.legals.get(pl as usize).is_some_and(|s| s.last == p);
            if matches!(e.reason_new, ReasonNewEpisode::P | ReasonNewEpisode::T)
                && legal_ends_here
                && pe.legal_status == e.legal_status
            {
                legal = Some(pl);
            }
        }
        let placement = placement.unwrap_or_else(|| {
            g.placements.push(Span { first: i, last: i });
            (g.placements.len() - 1) as u32
        });
        let legal = legal.unwrap_or_else(|| {
            g.legals.push(Span { first: i, last: i });
            (g.legals.len() - 1) as u32
        });
        if let Some(span) = g.placements.get_mut(placement as usize) {
            span.last = i;
        }
        if let Some(span) = g.legals.get_mut(legal as usize) {
            span.last = i;
        }
        g.placement_of.push(placement);
        g.legal_of.push(legal);
        g.period_first.push(period);
    }
    g
}

fn placement_id(n: u32) -> String {
    format!("P{}", n + 1)
}

fn legal_id(n: u32) -> String {
    format!("L{}", n + 1)
}

/// Writes the three tables.
pub(crate) fn write_episodes(
    dir: &Path,
    episodes: &[ClaEpisode],
) -> Result<Vec<PathBuf>, FormatError> {
    let g = group(episodes);
    let period_id = |i: usize| {
        let first = g.period_first.get(i).map_or(i, |f| *f as usize);
        episodes.get(first).map(|e| (e.id.as_str(), e.start))
    };
    let mut w = TableWriter::create(dir, &CLA_EPISODES)?;
    for (i, e) in episodes.iter().enumerate() {
        let period = period_id(i);
        w.text(e.id.as_str())
            .text(e.child.as_str())
            .text(&placement_id(
                g.placement_of.get(i).copied().unwrap_or_default(),
            ))
            .date(e.start)
            .text(e.reason_new.code())
            .text(e.category_of_need.code())
            .opt_date(e.end)
            .opt_text(e.reason_ceased.map(|r| r.code()))
            .opt_text(period.map(|p| p.0))
            .blank()
            .blank()
            .opt_date(period.map(|p| p.1))
            .text(&legal_id(g.legal_of.get(i).copied().unwrap_or_default()))
            .opt_text(e.home_postcode.as_ref().map(|p| p.as_str()));
        w.end_row()?;
    }
    let episodes_file = w.finish()?;

    let mut w = TableWriter::create(dir, &CLA_PLACEMENT)?;
    for (n, span) in g.placements.iter().enumerate() {
        let (Some(first), Some(last)) = (episodes.get(span.first), episodes.get(span.last)) else {
            continue;
        };
        w.text(&placement_id(n as u32))
            .opt_text(period_id(span.first).map(|p| p.0))
            .text(first.child.as_str())
            .date(first.start)
            .text(first.placement.code())
            .opt_text(first.urn.as_deref())
            .opt_number(first.placement_distance_miles)
            .opt_text(first.provider.map(|p| p.code()))
            .opt_text(first.placement_postcode.as_ref().map(|p| p.as_str()))
            .opt_date(last.end)
            .opt_text(last.reason_place_change.map(|r| r.code()))
            .opt_text(first.placement_la.map(|la| la.to_string()).as_deref());
        w.end_row()?;
    }
    let placements_file = w.finish()?;

    let mut w = TableWriter::create(dir, &LEGAL_STATUS)?;
    for (n, span) in g.legals.iter().enumerate() {
        let (Some(first), Some(last)) = (episodes.get(span.first), episodes.get(span.last)) else {
            continue;
        };
        w.text(&legal_id(n as u32))
            .text(first.child.as_str())
            .text(first.legal_status.code())
            .date(first.start)
            .opt_date(last.end);
        w.end_row()?;
    }
    let legal_file = w.finish()?;
    Ok(vec![episodes_file, placements_file, legal_file])
}

/// A placement row as read.
struct PlacementRow {
    placement: PlacementType,
    provider: Option<PlacementProvider>,
    postcode: Option<Postcode>,
    urn: Option<String>,
    la: Option<LaCode>,
    distance: Option<f64>,
    change_reason: Option<ReasonPlaceChange>,
}

/// A legal status row as read.
struct LegalRow {
    person: String,
    status: LegalStatus,
    start: NaiveDate,
    end: Option<NaiveDate>,
}

/// The SSD's "unknown distance" marker.
const UNKNOWN_DISTANCE: f64 = 999.9;

fn read_placements(files: &[PathBuf]) -> Result<IdMap<String, PlacementRow>, FormatError> {
    let mut out = IdMap::default();
    for file in files {
        let mut t = TableReader::open(file, &CLA_PLACEMENT)?;
        let [id, kind, provider, postcode, urn, la, distance, reason] = [
            "clap_cla_placement_id",
            "clap_cla_placement_type",
            "clap_cla_placement_provider",
            "clap_cla_placement_postcode",
            "clap_cla_placement_urn",
            "clap_x_placement_la",
            "clap_cla_placement_distance",
            "clap_cla_placement_change_reason",
        ]
        .map(|c| CLA_PLACEMENT.col(c));
        while let Some(row) = t.next_row()? {
            let key = row.required_text(id)?;
            let placement = PlacementRow {
                placement: row.code(kind, "PlacementType", PlacementType::from_code)?,
                provider: row.opt_code(
                    provider,
                    "PlacementProvider",
                    PlacementProvider::from_code,
                )?,
                postcode: row.opt_text(postcode)?.map(Postcode::normalised),
                urn: row.opt_text(urn)?.map(str::to_owned),
                la: row.opt_parse(la, |t| t.parse::<LaCode>().map_err(|e| e.to_string()))?,
                distance: row
                    .opt_decimal(distance)?
                    .filter(|d| d.to_bits() != UNKNOWN_DISTANCE.to_bits()),
                change_reason: row.opt_code(
                    reason,
                    "ReasonPlaceChange",
                    ReasonPlaceChange::from_code,
                )?,
            };
            if out.insert(key.to_owned(), placement).is_some() {
                return Err(row.error(id, key, "duplicate placement id"));
            }
        }
    }
    Ok(out)
}

fn read_legal_statuses(files: &[PathBuf]) -> Result<IdMap<String, LegalRow>, FormatError> {
    let mut out = IdMap::default();
    for file in files {
        let mut t = TableReader::open(file, &LEGAL_STATUS)?;
        let [id, person, status, start, end] = [
            "lega_legal_status_id",
            "lega_person_id",
            "lega_legal_status",
            "lega_legal_status_start_date",
            "lega_legal_status_end_date",
        ]
        .map(|c| LEGAL_STATUS.col(c));
        while let Some(row) = t.next_row()? {
            let key = row.required_text(id)?;
            let legal = LegalRow {
                person: row.required_text(person)?.to_owned(),
                status: row.code(status, "LegalStatus", LegalStatus::from_code)?,
                start: row.date(start)?,
                end: row.opt_date(end)?,
            };
            if out.insert(key.to_owned(), legal).is_some() {
                return Err(row.error(id, key, "duplicate legal status id"));
            }
        }
    }
    Ok(out)
}

/// The legal status row whose dates cover `start` for `person` (extracts without the
/// extension column); the latest-starting one wins.
fn covering_legal_status<'a>(
    by_person: &HashMap<&str, Vec<&'a LegalRow>>,
    person: &str,
    start: NaiveDate,
) -> Option<&'a LegalRow> {
    by_person
        .get(person)?
        .iter()
        .filter(|l| l.start <= start && l.end.is_none_or(|end| start < end || l.start == end))
        .max_by_key(|l| l.start)
        .copied()
}

/// Reads episodes back from the three tables' files.
pub(crate) fn read_episodes(
    episode_files: &[PathBuf],
    placement_files: &[PathBuf],
    legal_files: &[PathBuf],
) -> Result<Vec<ClaEpisode>, FormatError> {
    let placements = read_placements(placement_files)?;
    let legals = read_legal_statuses(legal_files)?;
    let mut by_person: HashMap<&str, Vec<&LegalRow>> = HashMap::new();
    for l in legals.values() {
        by_person.entry(l.person.as_str()).or_default().push(l);
    }
    let mut episodes = Vec::new();
    // The placement each episode names, to give the change reason to the last one.
    let mut placement_keys: Vec<String> = Vec::new();
    for file in episode_files {
        let mut t = TableReader::open(file, &CLA_EPISODES)?;
        let [
            id,
            person,
            placement_col,
            start,
            rne,
            need,
            end,
            rec,
            legal_col,
            home,
        ] = [
            "clae_cla_episode_id",
            "clae_person_id",
            "clae_cla_placement_id",
            "clae_cla_episode_start_date",
            "clae_cla_episode_start_reason",
            "clae_cla_primary_need_code",
            "clae_cla_episode_ceased_date",
            "clae_cla_episode_ceased_reason",
            "clae_x_legal_status_id",
            "clae_x_home_postcode",
        ]
        .map(|c| CLA_EPISODES.col(c));
        while let Some(row) = t.next_row()? {
            let child = row.required_text(person)?;
            let start_date = row.date(start)?;
            let placement_key = row.required_text(placement_col)?;
            let placement = placements.get(placement_key).ok_or_else(|| {
                row.error(
                    placement_col,
                    placement_key,
                    "no ssd_cla_placement row has this id",
                )
            })?;
            let legal = match row.opt_text(legal_col)? {
                Some(key) => legals.get(key).ok_or_else(|| {
                    row.error(legal_col, key, "no ssd_legal_status row has this id")
                })?,
                None => covering_legal_status(&by_person, child, start_date).ok_or_else(|| {
                    row.error(
                        start,
                        &start_date.to_string(),
                        "no ssd_legal_status row covers this episode start",
                    )
                })?,
            };
            episodes.push(ClaEpisode {
                id: RecordId::new(row.required_text(id)?),
                child: ChildId::new(child),
                start: start_date,
                reason_new: row.code(rne, "ReasonNewEpisode", ReasonNewEpisode::from_code)?,
                legal_status: legal.status,
                category_of_need: row.code(need, "CategoryOfNeed", CategoryOfNeed::from_code)?,
                placement: placement.placement,
                provider: placement.provider,
                end: row.opt_date(end)?,
                reason_ceased: row.opt_code(
                    rec,
                    "ReasonEpisodeCeased",
                    ReasonEpisodeCeased::from_code,
                )?,
                reason_place_change: None,
                home_postcode: row.opt_text(home)?.map(Postcode::normalised),
                placement_postcode: placement.postcode.clone(),
                urn: placement.urn.clone(),
                placement_la: placement.la,
                placement_distance_miles: placement.distance,
            });
            placement_keys.push(placement_key.to_owned());
        }
    }
    // The change reason belongs to the placement's latest episode (the last one in file order
    // among those that start latest).
    let mut last_episode: HashMap<&str, usize> = HashMap::new();
    for (i, key) in placement_keys.iter().enumerate() {
        let slot = last_episode.entry(key.as_str()).or_insert(i);
        if episodes.get(i).map(|e| e.start) >= episodes.get(*slot).map(|e| e.start) {
            *slot = i;
        }
    }
    for (key, i) in last_episode {
        let reason = placements.get(key).and_then(|p| p.change_reason);
        if let Some(e) = episodes.get_mut(i) {
            e.reason_place_change = reason;
        }
    }
    Ok(episodes)
}
