//! `placement_stability_long_term_pct`: percentage of children aged under 16 looked after
//! continuously for at least 2.5 years who had been in the same placement for at least 2 years,
//! or placed for adoption with their adoptive and preceding placements together lasting 2 years
//! (DfE long-term placement stability).
//!
//! Choices: ages and durations are taken on the period's last day (31 March for a DfE year);
//! "continuously" is the current period of care (episodes each starting the day the previous one
//! ended); 2.5 and 2 years are 30 and 24 calendar months. The current placement began with the
//! latest episode starting a new placement with new carers (reason S, P or B; temporary placements,
//! legal status changes, moves with the same carers and adoption by the current foster carers do
//! not break it; see `placement_stability_3plus_pct`). The DfE's placement basis is kept rather
//! than the newer "same carer" wording. Children with no date of birth are left out.

use super::common::*;
use crate::context::Context;
use crate::indicator::{Contribution, Definition, Indicator, IndicatorMeta, Polarity, Unit};
use crate::period::Period;
use sightline_model::codes::PlacementType;
use sightline_model::records::ClaEpisode;
use sightline_model::{NaiveDate, age_on};

/// `placement_stability_long_term_pct`.
pub struct PlacementStabilityLongTermPct;

static META: IndicatorMeta = IndicatorMeta {
    id: "placement_stability_long_term_pct",
    title: "Percentage of long-term looked-after children in the same placement for 2 years",
    unit: Unit::Percent,
    polarity: Polarity::High,
    definition: Definition {
        numerator: "Of the denominator, those in the same placement for at least 2 years, or placed for adoption where the adoptive placement and the one before it together last 2 years",
        denominator: "Children looked after at the end of the period, aged under 16, looked after continuously (current period of care) for at least 2.5 years",
        period: "Snapshot on the last day of the period",
        exclusions: "Short breaks (V3/V4); children aged 16 or over or with no date of birth; moves that are not to new carers (see the 3+ placements measure)",
        source: "DfE Children looked after statistics (long-term stability, LAIT-DICT 393); LAIT LAC_LongStable%",
    },
    breakdowns: CLA_BREAKDOWNS,
};

impl Indicator for PlacementStabilityLongTermPct {
    fn meta(&self) -> &'static IndicatorMeta {
        &META
    }

    fn contributions(&self, ctx: &Context, periods: &[Period], out: &mut Vec<Contribution>) {
        for_each_looked_after(ctx, periods, |p, end, child, episode| {
            if let Some(stable) = long_term_stable(ctx, child, episode, end) {
                let record = rec(crate::context::kinds::CLA_EPISODES, episode as usize);
                out.push(contribution(p, Some(child), record, flag(stable), 1.0));
            }
        });
    }
}

/// `None` when the child is not in the denominator; else whether in the same placement 2 years.
fn long_term_stable(ctx: &Context, child: u32, episode: u32, end: NaiveDate) -> Option<bool> {
    let born = ctx.records.children.get(child as usize)?.date_of_birth?;
    if age_on(born, end) >= 16 {
        return None;
    }
    let episodes = ctx.episodes_of(child);
    let pos = episodes.iter().position(|&i| i == episode)?;
    let care = ctx
        .care_periods(child)
        .into_iter()
        .find(|c| c.first <= pos && pos < c.last)?;
    if months_after(care.start, 30) > end {
        return None;
    }
    let so_far = episodes
        .get(care.first..=pos)?
        .iter()
        .filter_map(|&i| ctx.episode(i));
    let start = current_placement_start(so_far)?;
    Some(months_after(start, 24) <= end)
}

/// Start of the current placement; for an adoptive placement with new carers, of the one before.
fn current_placement_start<'a>(
    episodes: impl Iterator<Item = &'a ClaEpisode>,
) -> Option<NaiveDate> {
    let mut current: Option<(NaiveDate, bool)> = None;
    let mut previous: Option<NaiveDate> = None;
    for e in episodes.filter(|e| !e.placement.is_temporary()) {
        if current.is_none() || starts_new_placement(e) {
            previous = current.map(|(start, _)| start);
            let adoptive = matches!(e.placement, PlacementType::A4 | PlacementType::A6);
            current = Some((e.start, adoptive));
        }
    }
    let (start, adoptive) = current?;
    Some(if adoptive {
        previous.unwrap_or(start)
    } else {
        start
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::testkit::*;
    use sightline_model::codes::ReasonEpisodeCeased::{E4A, X1};
    use sightline_model::codes::ReasonNewEpisode::{P, T};

    #[test]
    fn same_placement_two_years_among_children_in_care_two_and_a_half() {
        let mut ds = Dataset::new();
        for (c, born) in [
            ("D1", 2012),
            ("D2", 2012),
            ("D3", 2012),
            ("D4", 2009),
            ("D5", 2012),
            ("D6", 2014),
            ("D7", 2012),
        ] {
            ds.child(c).born(d(born, 1, 1));
        }
        // D1: one placement since January 2022: stable.
        ds.episode("A1", "D1", d(2022, 1, 1));
        // D2: in care since 2022 but moved in June 2023: not yet 2 years.
        ds.episode("B1", "D2", d(2022, 1, 1))
            .ended(d(2023, 6, 1), X1);
        ds.episode("B2", "D2", d(2023, 6, 1)).reason_new(P);
        // D3: a week in hospital in 2024, back with the same carers: still the 2022 placement.
        ds.episode("C1", "D3", d(2022, 1, 1))
            .ended(d(2024, 5, 1), X1);
        ds.episode("C2", "D3", d(2024, 5, 1))
            .reason_new(P)
            .placement(PlacementType::T1)
            .ended(d(2024, 5, 8), X1);
        ds.episode("C3", "D3", d(2024, 5, 8)).reason_new(T);
        // D4: 16 on 1 January 2025: not in the denominator.
        ds.episode("E1", "D4", d(2020, 1, 1));
        // D5: in care since January 2023: 2 years 3 months, not 2.5.
        ds.episode("F1", "D5", d(2023, 1, 1));
        // D6: foster care from June 2021, placed for adoption with new carers in January 2024:
        // adoptive + preceding placement = since June 2021: stable.
        ds.episode("G1", "D6", d(2021, 6, 1))
            .ended(d(2024, 1, 1), X1);
        ds.episode("G2", "D6", d(2024, 1, 1))
            .reason_new(P)
            .placement(PlacementType::A6);
        // D7: went home in 2022, back in care since June 2023: not continuously 2.5 years.
        ds.episode("H1", "D7", d(2020, 1, 1))
            .ended(d(2022, 6, 1), E4A);
        ds.episode("H2", "D7", d(2023, 6, 1));
        let m = ds.measure(&PlacementStabilityLongTermPct, &[dfe_year(2025)]);
        // Denominator D1, D2, D3, D6; numerator D1, D3, D6: 75%.
        assert_figure(&m[0], 3.0, Some(4.0), Some(75.0));
        assert_eq!(
            numerator_ids(&ds.context(), &m[0]),
            [
                "looked-after episodes:A1",
                "looked-after episodes:C3",
                "looked-after episodes:G2"
            ]
        );
    }
}
