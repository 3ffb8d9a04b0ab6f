//! Lossless round trips, on both backends: what goes in comes back equal, field for field, in the
//! same order.

use crate::backends::{Fresh, on_both_backends};
use crate::fixture::{self, Fill, d};
use crate::snapshot;
use sightline_model::CaseRecords;
use sightline_model::ids::LaCode;
use sightline_store::SnapshotId;

on_both_backends!(
    every_kind_and_extreme_values_round_trip,
    order_within_a_kind_is_kept,
);

#[test]
fn the_fixture_has_every_kind_with_and_without_optional_fields() {
    let records = fixture::every_kind();
    for (kind, count) in records.counts() {
        assert_eq!(count, 2, "{kind}");
    }
    // Spot-check that the two halves really differ in their optional fields.
    assert!(records.children[0].uasc.is_some() && records.children[1].uasc.is_none());
    assert!(records.permanence[0].adopters.is_some() && records.permanence[1].adopters.is_none());
}

/// The fixture (every kind, with and without its optional fields) with the extremes of each
/// encoding, plus an empty snapshot.
fn every_kind_and_extreme_values_round_trip(fresh: Fresh) {
    let mut store = fresh.snapshots;
    let mut records = fixture::every_kind();
    let child = records.children.first_mut().unwrap();
    child.date_of_birth = Some(d(1, 1, 1));
    child.expected_date_of_birth = Some(d(9999, 12, 31));
    // Outside 4-digit years the text form changes (signed, longer) but must still round-trip.
    child.date_of_death = Some(d(10_000, 1, 1));
    child.uasc = Some(sightline_model::records::UascStatus {
        from: Some(d(-44, 3, 15)),
        ceased: None,
    });
    // The inner optional fields the fixture only leaves empty (or only sets).
    child.motherhood = Some(sightline_model::records::Motherhood {
        first_child_born: Some(d(2027, 2, 1)),
    });
    records.previous_permanence.first_mut().unwrap().date =
        Some(sightline_model::records::PartialDate {
            day: Some(31),
            month: None,
            year: None,
        });
    let episode = records.cla_episodes.first_mut().unwrap();
    episode.placement_la = Some(LaCode(u16::MAX));
    episode.placement_distance_miles = Some(f64::INFINITY);
    episode.urn = Some(String::new());
    records.workers.first_mut().unwrap().fte = f64::MIN_POSITIVE / 2.0; // subnormal
    records.workers.get_mut(1).unwrap().fte = 0.1 + 0.2;
    let outcome = records.health_outcomes.first_mut().unwrap();
    outcome.year_ending = i32::MIN;
    outcome.sdq_score = Some(u8::MAX);
    // Characters that CSV, SQL and COPY's text format treat specially.
    records.teams.first_mut().unwrap().name =
        "Ünïcödé, 'quoted' \"team\";\ttab\nnew line\r\\N back\\slash; DROP TABLE teams;--"
            .to_owned();

    let ids = store
        .import(&[
            snapshot("ssd", "2025-03-31", &records),
            snapshot("cin", "2025-03-31", &CaseRecords::default()),
        ])
        .unwrap();
    assert_eq!(ids, [SnapshotId(1), SnapshotId(2)]);
    assert_eq!(store.load(ids[0]).unwrap(), records);
    assert_eq!(store.load(ids[1]).unwrap(), CaseRecords::default());
    assert_eq!(store.show(ids[1]).unwrap().unwrap().total_records(), 0);
}

fn order_within_a_kind_is_kept(fresh: Fresh) {
    let mut store = fresh.snapshots;
    // Records deliberately out of any sortable order: C2's before C1's, then C1's again.
    let mut records = fixture::for_child("C2", Fill::Sparse);
    records.extend(fixture::for_child("C1", Fill::Full));
    records.extend(fixture::for_child("C0", Fill::Sparse));
    let id = store
        .import(&[snapshot("ssd", "2025-03-31", &records)])
        .unwrap()[0];
    let loaded = store.load(id).unwrap();
    let order: Vec<&str> = loaded.children.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(order, ["C2", "C1", "C0"]);
    assert_eq!(loaded, records);
}
