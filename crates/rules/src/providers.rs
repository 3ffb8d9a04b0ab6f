//! Ofsted's provider lists (children's homes and social care providers), which the 903 URN rules
//! (219, 221, 224, 227, 228, 229, 241, 1008) compare placements with.
//!
//! Ofsted publishes them as spreadsheets; the DfE community tool reads either the combined
//! "SC provider and CH list" (one sheet, columns `URN`, `Local authority`, `Placement code`,
//! `Placement provider code`, `Deregistration date`, `Setting address postcode`, any case), or
//! the separate children's homes list (`Provider Placement Code`, `Provider Code`, `Closed Date`,
//! `Setting Postcode`) and social care providers list (`Placement code`, `Placement provider
//! code`, `Deregistration date`, `Setting postcode`). [`ProviderList::add_sheet`] takes a sheet of
//! any of these as text cells (reading the file is the caller's job: this crate does no I/O) and
//! recognises the columns by name. Codes within a cell are separated by `,` or `/`.

use chrono::NaiveDate;
use std::collections::HashMap;

/// One provider row of the lists.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OfstedProvider {
    /// The placement type codes (`PLACE`) the URN is registered for.
    pub place_codes: Vec<String>,
    /// The placement provider codes (`PLACE_PROVIDER`: PR0-PR5) of the provider.
    pub provider_codes: Vec<String>,
    /// When the registration ended, if it has.
    pub registration_end: Option<NaiveDate>,
    /// The setting's postcode, upper-cased without spaces.
    pub postcode: Option<String>,
}

/// Every provider of the lists, by URN (a URN may have several rows).
#[derive(Clone, Debug, Default)]
pub struct ProviderList {
    by_urn: HashMap<String, Vec<OfstedProvider>>,
}

/// Column names accepted for each field, lower-cased.
const URN: &[&str] = &["urn"];
const PLACE_CODES: &[&str] = &["placement code", "provider placement code"];
const PROVIDER_CODES: &[&str] = &["placement provider code", "provider code"];
const REGISTRATION_END: &[&str] = &["deregistration date", "closed date"];
const POSTCODE: &[&str] = &["setting address postcode", "setting postcode", "postcode"];

impl ProviderList {
    /// Whether the list holds no provider.
    pub fn is_empty(&self) -> bool {
        self.by_urn.is_empty()
    }

    /// Number of distinct URNs.
    pub fn len(&self) -> usize {
        self.by_urn.len()
    }

    /// The rows of a URN (compared trimmed and upper-cased); empty when it is not listed.
    pub fn get(&self, urn: &str) -> &[OfstedProvider] {
        self.by_urn
            .get(&urn.trim().to_ascii_uppercase())
            .map_or(&[], Vec::as_slice)
    }

    /// Whether the URN is listed.
    pub fn contains(&self, urn: &str) -> bool {
        !self.get(urn).is_empty()
    }

    /// Adds one provider under its URN.
    pub fn insert(&mut self, urn: &str, provider: OfstedProvider) {
        self.by_urn
            .entry(urn.trim().to_ascii_uppercase())
            .or_default()
            .push(provider);
    }

    /// Adds the rows of one sheet: `rows[0]` is the header. Returns the number of providers
    /// added, or `Ok(0)` when the sheet has no `URN` column (a notes sheet); an error names the
    /// missing columns and, for a bad date, the row (1-based, header excluded) and the text.
    pub fn add_sheet(&mut self, rows: &[Vec<String>]) -> Result<usize, String> {
        let Some((header, data)) = rows.split_first() else {
            return Ok(0);
        };
        let names: Vec<String> = header
            .iter()
            .map(|h| h.trim().to_ascii_lowercase())
            .collect();
        let find = |wanted: &[&str]| {
            wanted
                .iter()
                .find_map(|w| names.iter().position(|n| n == w))
        };
        let Some(urn) = find(URN) else {
            return Ok(0);
        };
        let (place, provider) = (find(PLACE_CODES), find(PROVIDER_CODES));
        let (end, postcode) = (find(REGISTRATION_END), find(POSTCODE));
        if place.is_none() && provider.is_none() {
            return Err(format!(
                "a sheet with a URN column has neither a placement code column ({}) nor a \
                 provider code column ({})",
                PLACE_CODES.join(" or "),
                PROVIDER_CODES.join(" or ")
            ));
        }
        let mut added = 0;
        for (i, row) in data.iter().enumerate() {
            let cell = |c: Option<usize>| c.and_then(|c| row.get(c)).map_or("", |t| t.trim());
            let urn_text = cell(Some(urn));
            if urn_text.is_empty() {
                continue;
            }
            let end_text = cell(end);
            let registration_end = if end_text.is_empty() {
                None
            } else {
                Some(parse_date(end_text).ok_or_else(|| {
                    format!(
                        "row {}: {} {end_text:?} is not a date",
                        i + 1,
                        REGISTRATION_END.join("/")
                    )
                })?)
            };
            let postcode: String = cell(postcode)
                .chars()
                .filter(|c| !c.is_whitespace())
                .flat_map(char::to_uppercase)
                .collect();
            self.insert(
                urn_text,
                OfstedProvider {
                    place_codes: codes(cell(place)),
                    provider_codes: codes(cell(provider)),
                    registration_end,
                    postcode: (!postcode.is_empty()).then_some(postcode),
                },
            );
            added += 1;
        }
        Ok(added)
    }
}

/// `K2,K1` or `PR1/PR2`, upper-cased.
fn codes(text: &str) -> Vec<String> {
    text.split([',', '/'])
        .map(|c| c.trim().to_ascii_uppercase())
        .filter(|c| !c.is_empty())
        .collect()
}

/// Dates as spreadsheets export them: `dd/mm/yyyy`, ISO `yyyy-mm-dd` (with an optional time),
/// or an Excel serial day number.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let day = text.split([' ', 'T']).next().unwrap_or(text);
    NaiveDate::parse_from_str(day, "%d/%m/%Y")
        .or_else(|_| NaiveDate::parse_from_str(day, "%Y-%m-%d"))
        .ok()
        .or_else(|| {
            let serial: f64 = text.parse().ok()?;
            let base = NaiveDate::from_ymd_opt(1899, 12, 30)?;
            (1.0..2_958_466.0)
                .contains(&serial)
                .then(|| base.checked_add_days(chrono::Days::new(serial as u64)))
                .flatten()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sheet(text: &str) -> Vec<Vec<String>> {
        text.lines()
            .map(|l| l.split(';').map(str::to_owned).collect())
            .collect()
    }

    #[test]
    fn the_combined_list_is_read_by_column_name() {
        let mut list = ProviderList::default();
        let n = list
            .add_sheet(&sheet(
                "URN;Local authority;Placement code;Placement provider code;Deregistration date;Setting address postcode\n\
                 SC123456;Kirklees;K2;PR1;;hd1 2ab\n\
                 sc654321;Leeds;K1/K2;PR3,PR4;31/12/2025;LS1 1AA\n\
                 ;;;;;",
            ))
            .unwrap();
        assert_eq!(n, 2);
        let home = &list.get("SC123456")[0];
        assert_eq!(home.place_codes, vec!["K2"]);
        assert_eq!(home.postcode.as_deref(), Some("HD12AB"));
        assert_eq!(home.registration_end, None);
        let other = &list.get(" SC654321 ")[0];
        assert_eq!(other.place_codes, vec!["K1", "K2"]);
        assert_eq!(other.provider_codes, vec!["PR3", "PR4"]);
        assert_eq!(
            other.registration_end,
            NaiveDate::from_ymd_opt(2025, 12, 31)
        );
        assert!(!list.contains("SC000000"));
    }

    #[test]
    fn childrens_homes_list_columns_and_excel_dates_are_understood() {
        let mut list = ProviderList::default();
        list.add_sheet(&sheet(
            "URN;Local Authority;Provider Code;Provider Placement Code;Closed Date;Setting Postcode\n\
             1234567;Kirklees;PR2;K2;45657;HD1 2AB",
        ))
        .unwrap();
        let home = &list.get("1234567")[0];
        assert_eq!(home.provider_codes, vec!["PR2"]);
        assert_eq!(home.registration_end, NaiveDate::from_ymd_opt(2024, 12, 31));
    }

    #[test]
    fn bad_sheets_are_refused_or_ignored_with_a_reason() {
        let mut list = ProviderList::default();
        assert_eq!(list.add_sheet(&sheet("Notes\nabout the list")), Ok(0));
        assert!(
            list.add_sheet(&sheet("URN;Name\nSC1;Home"))
                .unwrap_err()
                .contains("placement code")
        );
        assert_eq!(
            list.add_sheet(&sheet(
                "URN;Placement code;Deregistration date\nSC1;K2;2025-13-45"
            )),
            Err("row 1: deregistration date/closed date \"2025-13-45\" is not a date".into())
        );
    }
}
