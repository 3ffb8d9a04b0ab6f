//! Geography: the embedded English postcode sectors and LA lookup, placement distance and
//! placement authority, and the generated council's own sectors, localities and placement rings.
//!
//! Distances are straight lines between sector centroids on the OS grid, in miles to one decimal
//! place, as the DfE derives `PL_DISTANCE`. Every generated postcode is a real sector with random
//! unit letters, so the sector centroid is its location by construction.

use crate::dice::Dice;
use sightline_model::ids::{LaCode, Postcode};
use sightline_model::records::Locality;
use std::collections::HashMap;
use std::sync::OnceLock;

const SECTORS_CSV: &str = include_str!("../data/sectors.csv");
const LA_CSV: &str = include_str!("../data/la_lookup.csv");

/// Letters allowed in the last two characters of a postcode (the inward unit).
const UNIT_LETTERS: &[u8] = b"ABDEFGHJLNPQRSTUWXYZ";
const METRES_PER_MILE: f64 = 1609.344;

/// One English postcode sector.
pub(crate) struct Sector {
    pub(crate) name: Box<str>,
    pub(crate) easting: f64,
    pub(crate) northing: f64,
    pub(crate) la: LaCode,
    /// Number of postcode units: the population weight.
    pub(crate) weight: u32,
}

/// One English children's services authority.
pub(crate) struct LaInfo {
    pub(crate) code: LaCode,
    pub(crate) name: Box<str>,
}

/// The parsed reference data.
pub(crate) struct Geo {
    pub(crate) sectors: Vec<Sector>,
    by_name: HashMap<Box<str>, usize>,
    las: Vec<LaInfo>,
}

/// The embedded reference data, parsed once per process.
pub(crate) fn geo() -> &'static Geo {
    static GEO: OnceLock<Geo> = OnceLock::new();
    GEO.get_or_init(parse)
}

fn parse() -> Geo {
    let mut sectors = Vec::with_capacity(10_100);
    for line in SECTORS_CSV.lines().skip(1) {
        let mut f = line.split(',');
        let (Some(name), Some(e), Some(n), Some(la), Some(w)) =
            (f.next(), f.next(), f.next(), f.next(), f.next())
        else {
            continue;
        };
        let (Ok(e), Ok(n), Ok(la), Ok(w)) = (e.parse(), n.parse(), la.parse(), w.parse()) else {
            continue;
        };
        sectors.push(Sector {
            name: name.into(),
            easting: e,
            northing: n,
            la,
            weight: w,
        });
    }
    let by_name = sectors
        .iter()
        .enumerate()
        .map(|(i, s)| (s.name.clone(), i))
        .collect();
    let las = LA_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let mut f = line.splitn(3, ',');
            let code = f.next()?.parse().ok()?;
            let _utla = f.next()?;
            let name = f.next()?;
            Some(LaInfo {
                code,
                name: name.into(),
            })
        })
        .collect();
    Geo {
        sectors,
        by_name,
        las,
    }
}

impl Geo {
    pub(crate) fn sector_of(&self, postcode: &Postcode) -> Option<&Sector> {
        self.by_name
            .get(postcode.sector())
            .and_then(|&i| self.sectors.get(i))
    }

    pub(crate) fn la_name(&self, code: LaCode) -> Option<&str> {
        self.las
            .iter()
            .find(|la| la.code == code)
            .map(|la| &*la.name)
    }
}

fn miles_between(a: &Sector, b: &Sector) -> f64 {
    let d = (a.easting - b.easting).hypot(a.northing - b.northing) / METRES_PER_MILE;
    (d * 10.0).round() / 10.0
}

/// Straight-line distance in miles (one decimal place) between the centroids of the two
/// postcodes' sectors; `None` when either sector is not an English sector.
pub fn placement_distance_miles(home: &Postcode, placement: &Postcode) -> Option<f64> {
    let g = geo();
    Some(miles_between(g.sector_of(home)?, g.sector_of(placement)?))
}

/// The children's services authority holding most of the postcode's sector; `None` outside
/// England or for an unknown sector.
pub fn postcode_la(postcode: &Postcode) -> Option<LaCode> {
    geo().sector_of(postcode).map(|s| s.la)
}

/// The embedded sector table as CSV (`sector,easting,northing,la_code,postcodes`): the postcode
/// reference that validates the generator's own placement distances and authorities.
pub fn postcode_reference_csv() -> &'static str {
    SECTORS_CSV
}

/// The name of an English children's services authority, e.g. "Kirklees" for 382.
pub fn la_name(code: LaCode) -> Option<&'static str> {
    geo().la_name(code)
}

/// A list of sectors with cumulative weights, for weighted choice.
#[derive(Default)]
pub(crate) struct WeightedSectors {
    items: Vec<(usize, u64)>,
}

impl WeightedSectors {
    fn push(&mut self, sector: usize, weight: u32) {
        let total = self.items.last().map_or(0, |&(_, c)| c);
        self.items.push((sector, total + u64::from(weight.max(1))));
    }

    fn pick(&self, dice: &mut Dice) -> Option<usize> {
        let total = self.items.last()?.1;
        let x = (dice.unit() * total as f64) as u64;
        let i = self.items.partition_point(|&(_, c)| c <= x);
        self.items.get(i.min(self.items.len() - 1)).map(|&(s, _)| s)
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.items.is_empty()
    }
}

/// Where a placement lies relative to the council.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ring {
    /// Inside the council.
    Inside,
    /// Outside, centroid within 20 miles of the council's centre.
    Near,
    /// Outside, 20 to 50 miles away.
    Mid,
    /// Outside, 50 to 150 miles away.
    Far,
}

/// The generated council's geography.
pub(crate) struct CouncilGeo {
    pub(crate) name: String,
    pub(crate) localities: Vec<Locality>,
    /// Own sectors with their locality index.
    own: Vec<(usize, usize)>,
    own_weighted: WeightedSectors,
    near: WeightedSectors,
    mid: WeightedSectors,
    far: WeightedSectors,
}

/// Districts of each Kirklees locality (the council in the seed documents).
const KIRKLEES_LOCALITIES: &[(&str, &[&str])] = &[
    ("Huddersfield", &["HD1", "HD2", "HD3", "HD4", "HD5"]),
    ("Dewsbury and Mirfield", &["WF12", "WF13", "WF14"]),
    ("Batley and Spen", &["WF15", "WF16", "WF17", "BD19", "BD11"]),
    ("Kirklees Rural", &["HD7", "HD8", "HD9"]),
];
const KIRKLEES: LaCode = LaCode(382);

impl CouncilGeo {
    /// The geography of `la`; an unknown code borrows Kirklees' sectors (and keeps its own code).
    pub(crate) fn new(la: LaCode) -> CouncilGeo {
        let g = geo();
        let known = g.sectors.iter().any(|s| s.la == la);
        let geo_la = if known { la } else { KIRKLEES };
        let name = g
            .la_name(la)
            .map(str::to_owned)
            .unwrap_or_else(|| format!("Local authority {la}"));
        let own_idx: Vec<usize> = (0..g.sectors.len())
            .filter(|&i| g.sectors.get(i).is_some_and(|s| s.la == geo_la))
            .collect();
        let (cx, cy) = centroid(g, &own_idx);
        let (localities, own) = if geo_la == KIRKLEES {
            kirklees_localities(g, &own_idx)
        } else {
            compass_localities(g, &own_idx, cx, cy)
        };
        let mut own_weighted = WeightedSectors::default();
        for &(s, _) in &own {
            own_weighted.push(s, g.sectors.get(s).map_or(1, |x| x.weight));
        }
        let (mut near, mut mid, mut far) = Default::default();
        for (i, s) in g.sectors.iter().enumerate() {
            if s.la == geo_la {
                continue;
            }
            let miles = (s.easting - cx).hypot(s.northing - cy) / METRES_PER_MILE;
            let list: &mut WeightedSectors = match miles {
                m if m < 20.0 => &mut near,
                m if m < 50.0 => &mut mid,
                m if m < 150.0 => &mut far,
                _ => continue,
            };
            list.push(i, s.weight);
        }
        CouncilGeo {
            name,
            localities,
            own,
            own_weighted,
            near,
            mid,
            far,
        }
    }

    /// Each locality's share of the council's postcodes (its population share).
    pub(crate) fn locality_shares(&self) -> Vec<f64> {
        let g = geo();
        let mut shares = vec![0.0; self.localities.len()];
        for &(s, l) in &self.own {
            if let (Some(x), Some(sector)) = (shares.get_mut(l), g.sectors.get(s)) {
                *x += f64::from(sector.weight);
            }
        }
        let total: f64 = shares.iter().sum();
        if total > 0.0 {
            shares.iter_mut().for_each(|x| *x /= total);
        }
        shares
    }

    /// A home sector, weighted by postcodes, and its locality index.
    pub(crate) fn home(&self, dice: &mut Dice) -> (usize, usize) {
        let s = self.own_weighted.pick(dice).unwrap_or(0);
        let loc = self
            .own
            .iter()
            .find(|&&(x, _)| x == s)
            .map_or(0, |&(_, l)| l);
        (s, loc)
    }

    /// A sector in the given ring (falling back inwards when a ring is empty).
    pub(crate) fn sector_in(&self, ring: Ring, dice: &mut Dice) -> usize {
        let lists = [&self.far, &self.mid, &self.near, &self.own_weighted];
        let start = match ring {
            Ring::Far => 0,
            Ring::Mid => 1,
            Ring::Near => 2,
            Ring::Inside => 3,
        };
        lists[start..]
            .iter()
            .find(|l| !l.is_empty())
            .and_then(|l| l.pick(dice))
            .unwrap_or(0)
    }
}

/// A full postcode in the sector: the sector plus two random unit letters.
pub(crate) fn postcode_in(sector: usize, dice: &mut Dice) -> Postcode {
    let name = geo().sectors.get(sector).map_or("HD1 2", |s| &s.name);
    let a = UNIT_LETTERS[dice.range(0, UNIT_LETTERS.len() as i64 - 1) as usize] as char;
    let b = UNIT_LETTERS[dice.range(0, UNIT_LETTERS.len() as i64 - 1) as usize] as char;
    Postcode::normalised(&format!("{name}{a}{b}"))
}

fn centroid(g: &Geo, idx: &[usize]) -> (f64, f64) {
    let (mut x, mut y, mut w) = (0.0, 0.0, 0.0);
    for s in idx.iter().filter_map(|&i| g.sectors.get(i)) {
        let sw = f64::from(s.weight.max(1));
        x += s.easting * sw;
        y += s.northing * sw;
        w += sw;
    }
    if w == 0.0 {
        (414_000.0, 416_000.0)
    } else {
        (x / w, y / w)
    }
}

fn kirklees_localities(g: &Geo, own: &[usize]) -> (Vec<Locality>, Vec<(usize, usize)>) {
    let localities = KIRKLEES_LOCALITIES
        .iter()
        .map(|(n, _)| Locality((*n).to_owned()))
        .collect();
    let rural = KIRKLEES_LOCALITIES.len() - 1;
    let pairs = own
        .iter()
        .map(|&i| {
            let district = g
                .sectors
                .get(i)
                .and_then(|s| s.name.split(' ').next())
                .unwrap_or("");
            let loc = KIRKLEES_LOCALITIES
                .iter()
                .position(|(_, ds)| ds.contains(&district))
                .unwrap_or(rural);
            (i, loc)
        })
        .collect();
    (localities, pairs)
}

fn compass_localities(
    g: &Geo,
    own: &[usize],
    cx: f64,
    cy: f64,
) -> (Vec<Locality>, Vec<(usize, usize)>) {
    let names = ["North", "East", "South", "West"];
    let localities = names.iter().map(|n| Locality((*n).to_owned())).collect();
    let pairs = own
        .iter()
        .filter_map(|&i| {
            let s = g.sectors.get(i)?;
            let angle = (s.northing - cy).atan2(s.easting - cx).to_degrees();
            let loc = match angle {
                a if (45.0..135.0).contains(&a) => 0,
                a if (-45.0..45.0).contains(&a) => 1,
                a if (-135.0..-45.0).contains(&a) => 2,
                _ => 3,
            };
            Some((i, loc))
        })
        .collect();
    (localities, pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_data_parses() {
        let g = geo();
        assert_eq!(g.sectors.len(), 10_038);
        assert_eq!(la_name(LaCode(382)), Some("Kirklees"));
        assert_eq!(la_name(LaCode(801)), Some("Bristol, City of"));
    }

    #[test]
    fn distance_and_authority_of_known_sectors() {
        // HD1 2 and WF13 1 are both Kirklees sectors a few miles apart.
        let hd = Postcode::normalised("HD1 2AB");
        let wf = Postcode::normalised("WF13 1AB");
        assert_eq!(postcode_la(&hd), Some(LaCode(382)));
        let d = placement_distance_miles(&hd, &wf).unwrap();
        assert!((3.0..12.0).contains(&d), "{d}");
        // Leeds city centre (LS1 4) is outside Kirklees.
        assert_eq!(
            postcode_la(&Postcode::normalised("LS1 4AB")),
            Some(LaCode(383))
        );
        assert_eq!(postcode_la(&Postcode::normalised("ZZ9 9ZZ")), None);
        assert_eq!(placement_distance_miles(&hd, &hd), Some(0.0));
    }

    #[test]
    fn kirklees_has_four_localities_and_own_sectors() {
        let c = CouncilGeo::new(LaCode(382));
        assert_eq!(c.name, "Kirklees");
        assert_eq!(c.localities.len(), 4);
        let mut d = Dice::new(1, 0, 0);
        for _ in 0..50 {
            let (s, _) = c.home(&mut d);
            let pc = postcode_in(s, &mut d);
            assert_eq!(postcode_la(&pc), Some(LaCode(382)));
            assert_eq!(pc.as_str().len(), pc.sector().len() + 2);
        }
        let far = c.sector_in(Ring::Far, &mut d);
        assert_ne!(geo().sectors[far].la, LaCode(382));
    }

    #[test]
    fn other_councils_get_compass_localities() {
        let c = CouncilGeo::new(LaCode(383));
        assert_eq!(c.name, "Leeds");
        assert_eq!(c.localities[0].0, "North");
    }
}
