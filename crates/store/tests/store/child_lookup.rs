//! One child's records in a snapshot, for the drill-down, on both backends.

use crate::backends::{Fresh, on_both_backends};
use crate::fixture::{self, Fill};
use crate::snapshot;
use sightline_model::CaseRecords;
use sightline_model::ids::ChildId;

on_both_backends!(
    a_child_gets_their_records_of_every_kind_that_names_a_child,
    records_with_no_child_are_not_anyones,
    a_childs_records_keep_their_order_and_stay_in_their_snapshot,
);

/// The fixture's records of `child` without the kinds that don't name a child.
fn expected(child: &str, fill: Fill) -> CaseRecords {
    let mut records = fixture::for_child(child, fill);
    records.teams.clear();
    records.workers.clear();
    records.foster_households.clear();
    records
}

fn a_child_gets_their_records_of_every_kind_that_names_a_child(fresh: Fresh) {
    let mut store = fresh.snapshots;
    let records = fixture::every_kind();
    let id = store
        .import(&[snapshot("ssd", "2025-03-31", &records)])
        .unwrap()[0];
    let c1 = store.child(id, &ChildId::new("C1")).unwrap();
    assert_eq!(c1, expected("C1", Fill::Full));
    assert_eq!(c1.total(), 27);
    assert_eq!(
        store.child(id, &ChildId::new("NOBODY")).unwrap(),
        CaseRecords::default()
    );
}

fn records_with_no_child_are_not_anyones(fresh: Fresh) {
    let mut store = fresh.snapshots;
    let records = fixture::every_kind();
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

fn a_childs_records_keep_their_order_and_stay_in_their_snapshot(fresh: Fresh) {
    let mut store = fresh.snapshots;
    let mut first = fixture::for_child("C1", Fill::Full);
    first.extend(fixture::for_child("C9", Fill::Full));
    first.extend(fixture::for_child("C1", Fill::Sparse));
    let second = fixture::for_child("C1", Fill::Sparse);
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
