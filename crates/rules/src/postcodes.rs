//! A postcode reference built from sector centroids: enough for placement distance (to within a
//! sector's spread, about a mile) and for the authority a placement lies in.
//!
//! Parsed from CSV text with columns `sector,easting,northing` and either `utla_code` (the ONS
//! code of the children's services authority, as in the shared ONS postcode sector file) or
//! `la_code` (3-digit DfE number, mapped to ONS through the council list the caller supplies).
//! Authorities are answered in ONS form (`E08000034`; `W`/`S` prefixes outside England). The
//! caller reads the file: this crate touches no filesystem.

use crate::ssda903::PostcodeReference;
use sightline_model::ids::{LaCode, Postcode};
use std::collections::HashMap;

/// Sector centroids (British National Grid metres) and the authority of each sector.
#[derive(Debug, Default)]
pub struct SectorTable {
    sectors: HashMap<String, (f64, f64, Option<String>)>,
    councils: HashMap<LaCode, String>,
}

const METRES_PER_MILE: f64 = 1609.344;

impl SectorTable {
    /// Parses the CSV text; `councils` pairs each 3-digit DfE LA number with its ONS code.
    pub fn parse(text: &str, councils: &[(LaCode, String)]) -> Result<SectorTable, String> {
        let councils: HashMap<LaCode, String> = councils.iter().cloned().collect();
        let mut lines = text.lines();
        let header: Vec<&str> = lines
            .next()
            .ok_or("the postcode reference is empty")?
            .trim_start_matches('\u{feff}')
            .split(',')
            .map(str::trim)
            .collect();
        let col = |name: &str| header.iter().position(|h| *h == name);
        let (Some(sector), Some(east), Some(north)) =
            (col("sector"), col("easting"), col("northing"))
        else {
            return Err("the postcode reference needs columns sector, easting and northing".into());
        };
        let la = col("la_code");
        let utla = col("utla_code");
        let mut sectors = HashMap::new();
        for (i, line) in lines.enumerate() {
            let cells: Vec<&str> = line.split(',').collect();
            let get = |c: usize| cells.get(c).map(|s| s.trim()).unwrap_or("");
            let (Ok(e), Ok(n)) = (get(east).parse::<f64>(), get(north).parse::<f64>()) else {
                return Err(format!("line {}: easting/northing are not numbers", i + 2));
            };
            let authority = match (utla, la) {
                (Some(c), _) if !get(c).is_empty() => Some(get(c).to_owned()),
                (_, Some(c)) => get(c)
                    .parse::<LaCode>()
                    .ok()
                    .and_then(|la| councils.get(&la).cloned()),
                _ => None,
            };
            sectors.insert(get(sector).to_uppercase(), (e, n, authority));
        }
        Ok(SectorTable { sectors, councils })
    }

    /// Number of sectors known.
    pub fn len(&self) -> usize {
        self.sectors.len()
    }

    /// Whether no sector is known.
    pub fn is_empty(&self) -> bool {
        self.sectors.is_empty()
    }

    fn sector(&self, postcode: &Postcode) -> Option<&(f64, f64, Option<String>)> {
        self.sectors.get(postcode.sector())
    }
}

impl PostcodeReference for SectorTable {
    fn is_known(&self, postcode: &Postcode) -> bool {
        self.sector(postcode).is_some()
    }

    fn distance_miles(&self, a: &Postcode, b: &Postcode) -> Option<f64> {
        let (ae, an, _) = self.sector(a)?;
        let (be, bn, _) = self.sector(b)?;
        Some(((ae - be).powi(2) + (an - bn).powi(2)).sqrt() / METRES_PER_MILE)
    }

    fn authority(&self, postcode: &Postcode) -> Option<String> {
        self.sector(postcode)?.2.clone()
    }

    fn council_authority(&self, la: LaCode) -> Option<String> {
        self.councils.get(&la).cloned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CSV: &str = "sector,easting,northing,la_code,postcodes\nHD1 2,414000,416000,382,300\nLS1 4,430000,433000,383,200\n";

    #[test]
    fn distances_between_sector_centroids() {
        let councils = [
            (LaCode(382), "E08000034".to_owned()),
            (LaCode(383), "E08000035".to_owned()),
        ];
        let t = SectorTable::parse(CSV, &councils).unwrap();
        let a = Postcode::normalised("HD1 2AB");
        let b = Postcode::normalised("LS1 4XY");
        // sqrt(16000² + 17000²) = 23345.2 m = 14.506 miles
        let d = t.distance_miles(&a, &b).unwrap();
        assert!((d - 14.506).abs() < 0.01, "{d}");
        assert_eq!(t.authority(&b).as_deref(), Some("E08000035"));
        assert_eq!(
            t.council_authority(LaCode(382)).as_deref(),
            Some("E08000034")
        );
        assert!(!t.is_known(&Postcode::normalised("ZZ9 9ZZ")));
    }

    #[test]
    fn ons_codes_are_used_as_they_are() {
        let csv = "sector,easting,northing,utla_code\nCF10 1,1,1,W06000015\n";
        let t = SectorTable::parse(csv, &[]).unwrap();
        let cardiff = Postcode::normalised("CF10 1AA");
        assert_eq!(t.authority(&cardiff).as_deref(), Some("W06000015"));
    }

    #[test]
    fn bad_files_are_errors() {
        assert!(SectorTable::parse("", &[]).is_err());
        assert!(SectorTable::parse("a,b\n1,2\n", &[]).is_err());
        assert!(
            SectorTable::parse("sector,easting,northing\nX,abc,1\n", &[])
                .unwrap_err()
                .contains("line 2")
        );
    }
}
