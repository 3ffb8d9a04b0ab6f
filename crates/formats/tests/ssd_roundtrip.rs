//! The SSD carries the whole model: writing then reading gives back exactly the same records.

mod common;

use common::{assert_every_kind_present, fixture, spec};
use sightline_formats::ssd;

#[test]
fn ssd_round_trip_is_lossless_for_every_kind() {
    let records = fixture();
    assert_every_kind_present(&records);
    let dir = tempfile::tempdir().unwrap();
    let files = ssd::write(dir.path(), &records, &spec()).unwrap();
    let back = ssd::read(&files).unwrap();
    assert_eq!(back.counts(), records.counts());
    assert_eq!(back, records);
}
