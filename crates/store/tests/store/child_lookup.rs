//! One child's records in a snapshot, for the drill-down.

use crate::fixture::{self, Fill};
use crate::snapshot;
use sightline_model::CaseRecords;
use sightline_model::ids::ChildId;
use sightline_store::{SnapshotStore, SqliteStore};

/// The fixture's records of `child` without the kinds that don't name a child.
fn expected(child: &str, fill: Fill) -> CaseRecords {
    let mut records = fixture::for_child(child, fill);
    records.teams.clear();
    records.workers.clear();
    records.foster_households.clear();
    records
}

#[test]
fn a_child_gets_their_records_of_every_kind_that_names_a_child() {
    let records = fixture::every_kind();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = store
        .import(&[snapshot("ssd", "2025-03-31", &records)])
        .unwrap()[0];
    let c1 = store.child(id, &ChildId::new("C1")).unwrap();
    assert_eq!(c1, expected("C1", Fill::Full));
    assert_eq!(c1.total(), 27);
}

#[test]
fn records_with_no_child_are_not_anyones() {
    let records = fixture::every_kind();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = store
        .import(&[snapshot("ssd", "2025-03-31", &records)])
        .unwrap()[0];
    // C2's supervision, complaint and LADO allegation name no child, so C2 doesn't get them.
    let mut c2 = expected("C2", Fill::Sparse);
    c2.supervisions.clear();
    c2.complaints.clear();
    c2.lado_allegations.clear();
    assert_eq!(store.child(id, &ChildId::new("C2")).unwrap(), c2);
    assert_eq!(c2.total(), 24);
}

#[test]
fn a_childs_records_keep_their_order_and_stay_in_their_snapshot() {
    let mut first = fixture::for_child("C1", Fill::Full);
    first.extend(fixture::for_child("C9", Fill::Full));
    first.extend(fixture::for_child("C1", Fill::Sparse));
    let second = fixture::for_child("C1", Fill::Sparse);
    let mut store = SqliteStore::open_in_memory().unwrap();
    let ids = store
        .import(&[
            snapshot("ssd", "2025-03-31", &first),
            snapshot("ssd", "2025-04-30", &second),
        ])
        .unwrap();
    let mut in_first = expected("C1", Fill::Full);
    let mut sparse = expected("C1", Fill::Sparse);
    sparse.supervisions.clear();
    sparse.complaints.clear();
    sparse.lado_allegations.clear();
    in_first.extend(sparse.clone());
    assert_eq!(store.child(ids[0], &ChildId::new("C1")).unwrap(), in_first);
    assert_eq!(store.child(ids[1], &ChildId::new("C1")).unwrap(), sparse);
}

#[test]
fn an_unknown_child_has_no_records() {
    let records = fixture::every_kind();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let id = store
        .import(&[snapshot("ssd", "2025-03-31", &records)])
        .unwrap()[0];
    assert_eq!(
        store.child(id, &ChildId::new("NOBODY")).unwrap(),
        CaseRecords::default()
    );
}
