//! Periods of care and placements, built from SSDA903 episodes: the spans looked-after reviews,
//! visits and permanence milestones are counted in.
//!
//! - A **period of care** is a run of episodes each starting the day the previous one ended with
//!   reason `X1` (episode ends and a new one starts the same day); an episode with reason for new
//!   episode `S`, or a gap, starts a new period (SSDA903 guide). Its start is the day the child
//!   became looked after; its end is the end of its last episode.
//! - **Short breaks are left out** before periods are formed: episodes under legal status V3/V4
//!   (an agreed series of short-term breaks) are not looked-after periods for reviews and visits
//!   here (they have their own review regime, CPPR reg 48, and DfE excludes them from looked-after
//!   figures). A child who moves from short breaks to another legal status starts a period then.
//! - A **placement** starts with the period and at every later episode that changes the placement
//!   (reason for new episode `P`, `B`, `T` or `U`), except temporary placements (T0-T4: holiday,
//!   hospital, respite of 7 days or less), which continue the placement they interrupt, and the
//!   return from one to the same placement (same type, postcode and provider URN). A placement
//!   ends the day before the next one starts, or with the period.

use super::records::{ChildRecords, Rec};
use crate::context::kinds;
use crate::indicator::RecordRef;
use chrono::NaiveDate;
use sightline_model::codes::{ReasonEpisodeCeased, ReasonNewEpisode};
use sightline_model::records::ClaEpisode;

/// A period of care (non-short-break episodes only).
pub(crate) struct PeriodOfCare<'a> {
    /// The day the child became looked after.
    pub start: NaiveDate,
    /// The day the period ended, if it has.
    pub end: Option<NaiveDate>,
    /// Its episodes, in date order.
    pub episodes: Vec<Rec<'a, ClaEpisode>>,
}

impl PeriodOfCare<'_> {
    /// The first episode: the record tasks of the period point to.
    pub fn first_record(&self) -> RecordRef {
        self.episodes
            .first()
            .map(|e| e.reference(kinds::CLA_EPISODES))
            .unwrap_or(RecordRef {
                kind: kinds::CLA_EPISODES,
                index: u32::MAX,
            })
    }

    /// Whether `date` falls in the period (end day included).
    pub fn contains(&self, date: NaiveDate) -> bool {
        self.start <= date && self.end.is_none_or(|e| date <= e)
    }
}

/// A placement within a period of care.
pub(crate) struct Placement {
    /// First day.
    pub start: NaiveDate,
    /// Last day (the day before the next placement, or the period end).
    pub end: Option<NaiveDate>,
    /// The episode that started it.
    pub record: RecordRef,
}

/// The child's periods of care, in date order.
pub(crate) fn periods_of_care<'a>(child: &ChildRecords<'a>) -> Vec<PeriodOfCare<'a>> {
    let mut episodes: Vec<Rec<'a, ClaEpisode>> = child
        .cla_episodes
        .iter()
        .filter(|e| !e.rec.legal_status.is_short_break())
        .copied()
        .collect();
    episodes.sort_by_key(|e| (e.rec.start, e.index));
    let mut periods: Vec<PeriodOfCare<'a>> = Vec::new();
    for episode in episodes {
        match periods.last_mut() {
            Some(period) if continues(period, episode.rec) => {
                period.end = episode.rec.end;
                period.episodes.push(episode);
            }
            _ => periods.push(PeriodOfCare {
                start: episode.rec.start,
                end: episode.rec.end,
                episodes: vec![episode],
            }),
        }
    }
    periods
}

/// Whether `next` continues `period`: it starts the day the last episode ended with `X1` (or with
/// no reason recorded), and is not itself marked as the start of a new period.
fn continues(period: &PeriodOfCare<'_>, next: &ClaEpisode) -> bool {
    let Some(last) = period.episodes.last() else {
        return false;
    };
    next.reason_new != ReasonNewEpisode::S
        && last.rec.end == Some(next.start)
        && matches!(last.rec.reason_ceased, None | Some(ReasonEpisodeCeased::X1))
}

/// The placements of a period of care, in date order.
pub(crate) fn placements(period: &PeriodOfCare<'_>) -> Vec<Placement> {
    let mut out: Vec<Placement> = Vec::new();
    // The episode that started the current placement, and whether the last episode was temporary.
    let mut current: Option<&ClaEpisode> = None;
    let mut after_temporary = false;
    for episode in &period.episodes {
        let e = episode.rec;
        let new_placement = match current {
            None => true,
            Some(current) => {
                !e.placement.is_temporary()
                    && matches!(
                        e.reason_new,
                        ReasonNewEpisode::P
                            | ReasonNewEpisode::B
                            | ReasonNewEpisode::T
                            | ReasonNewEpisode::U
                    )
                    && !(after_temporary && same_place(current, e))
            }
        };
        after_temporary = e.placement.is_temporary();
        if new_placement {
            if let Some(previous) = out.last_mut() {
                previous.end = e.start.pred_opt();
            }
            out.push(Placement {
                start: e.start,
                end: period.end,
                record: episode.reference(kinds::CLA_EPISODES),
            });
            current = Some(e);
        }
    }
    out
}

/// Whether two episodes are in the same placement: same type, postcode and provider URN.
fn same_place(a: &ClaEpisode, b: &ClaEpisode) -> bool {
    a.placement == b.placement && a.placement_postcode == b.placement_postcode && a.urn == b.urn
}
