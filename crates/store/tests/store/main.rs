//! Integration tests of the snapshot store through its public API only: one test binary with a
//! module per feature. Each test runs on both backends through `on_both_backends!`
//! (`backends.rs`); plain `#[test]`s are kept only for behaviour one backend alone has (SQLite
//! files, crash recovery, opening; PostgreSQL connecting).

mod app_data;
mod atomicity;
mod backends;
mod child_lookup;
mod fixture;
mod opening;
mod postgres_opening;
mod round_trip;
mod snapshots;

use sightline_model::CaseRecords;
use sightline_model::ids::LaCode;
use sightline_store::{FileProvenance, NewSnapshot};

/// A snapshot of `records` read from one file, extracted on `extract_date` (`YYYY-MM-DD`) and
/// imported at 09:00 two days later.
pub fn snapshot<'a>(
    source_format: &str,
    extract_date: &str,
    records: &'a CaseRecords,
) -> NewSnapshot<'a> {
    let extract_date: sightline_model::NaiveDate = extract_date.parse().unwrap();
    NewSnapshot {
        source_format: source_format.to_owned(),
        la_code: Some(LaCode(382)),
        extract_date,
        imported_at: (extract_date + chrono::Days::new(2))
            .and_hms_opt(9, 0, 0)
            .unwrap(),
        files: vec![FileProvenance {
            name: format!("{source_format}.csv"),
            sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855".to_owned(),
            bytes: 0,
        }],
        records,
    }
}
