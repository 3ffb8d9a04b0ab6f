//! 100: the header's reference date is missing or is not 31 March of the collection year (DfE CIN
//! census validation rules 2025-26).
//!
//! Compared with the reference date of the collection being validated (`data.reference_date()`);
//! the DfE community tool compares with 31 March of the header's own `Year`, so a whole file of the
//! wrong year passes there when its `Year` and `ReferenceDate` agree. A file without a header has
//! no reference date, so it fails.

use crate::cin::{CinReturn, ReturnSummary, Rule};
use crate::engine::{Findings, RuleMeta, Severity, Years};

pub(crate) struct Rule100;

static META: RuleMeta = RuleMeta {
    code: "100",
    message: "Reference Date is incorrect",
    severity: Severity::Error,
    tables: &["Header"],
    fields: &["ReferenceDate", "Year"],
    years: Years::from(2023),
};

impl Rule for Rule100 {
    fn meta(&self) -> &'static RuleMeta {
        &META
    }

    fn check_return(&self, data: &CinReturn, _summary: &ReturnSummary, out: &mut Findings) {
        let given = data.header.and_then(|h| h.reference_date.value().copied());
        if given != Some(data.reference_date()) {
            out.on_return("Header", &["ReferenceDate"]);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::cin::group_a::util_a::build::findings_for;
    use sightline_formats::cin::{Cell, CinHeader};

    fn header(reference_date: Cell<chrono::NaiveDate>) -> CinHeader {
        CinHeader {
            year: Cell::Value(2026),
            reference_date,
            ..CinHeader::default()
        }
    }

    fn date(y: i32, m: u32, d: u32) -> Cell<chrono::NaiveDate> {
        Cell::Value(chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap())
    }

    #[test]
    fn reference_date_must_be_31_march_of_the_collection_year() {
        let ok = header(date(2026, 3, 31));
        assert!(findings_for(&Rule100, 2026, Some(&ok), "").is_empty());
        let wrong_year = header(date(2025, 3, 31));
        assert_eq!(
            findings_for(&Rule100, 2026, Some(&wrong_year), ""),
            vec![("Header", 0, String::new())]
        );
        let wrong_day = header(date(2026, 3, 30));
        assert_eq!(findings_for(&Rule100, 2026, Some(&wrong_day), "").len(), 1);
        let missing = header(Cell::Blank);
        assert_eq!(findings_for(&Rule100, 2026, Some(&missing), "").len(), 1);
        let invalid = header(Cell::Invalid("31/03/2026".into()));
        assert_eq!(findings_for(&Rule100, 2026, Some(&invalid), "").len(), 1);
        assert_eq!(findings_for(&Rule100, 2026, None, "").len(), 1);
    }
}
