//! England size: the country as its 153 children's services authorities, each an independent
//! synthetic council, so that a national run is many council-sized runs (each writes valid
//! council-sized files and can be imported as its own snapshots) rather than one giant council.

use crate::SynthConfig;
use sightline_model::ids::LaCode;

/// ONS mid-2024 estimates of the 0-17 population of every English children's services authority
/// (`la_code,population`; provenance in `data/README.md`).
const POPULATION_CSV: &str = include_str!("../data/population_0_17_2024.csv");

/// The councils of England, one config per authority in DfE code order, whose populations sum to
/// `national.population` in proportion to each authority's ONS 0-17 population (largest
/// remainders, so the total is exact). Each council's seed is derived from `national.seed` and
/// its code, so a council's records depend only on the master seed, its code and its population;
/// the years and end date are `national`'s. Its `la_code` is ignored.
pub fn england(national: &SynthConfig) -> Vec<SynthConfig> {
    let weights = populations();
    let shares = apportion(national.population, &weights);
    weights
        .iter()
        .zip(shares)
        .map(|(&(la_code, _), population)| SynthConfig {
            population,
            seed: council_seed(national.seed, la_code),
            la_code,
            ..national.clone()
        })
        .collect()
}

/// Every authority with its ONS mid-2024 0-17 population, in DfE code order.
fn populations() -> Vec<(LaCode, u64)> {
    let mut rows: Vec<(LaCode, u64)> = POPULATION_CSV
        .lines()
        .skip(1)
        .filter_map(|line| {
            let (code, population) = line.split_once(',')?;
            Some((
                LaCode(code.trim().parse().ok()?),
                population.trim().parse().ok()?,
            ))
        })
        .collect();
    rows.sort_by_key(|&(code, _)| code.0);
    rows
}

/// Splits `total` in proportion to `weights` with the largest-remainder method: each share is the
/// floor of its exact quota, and the units left over go to the largest fractional parts (ties to
/// the earlier row), so the shares sum to `total` exactly.
fn apportion(total: u64, weights: &[(LaCode, u64)]) -> Vec<u64> {
    let sum: u128 = weights.iter().map(|&(_, w)| u128::from(w)).sum();
    if sum == 0 {
        return vec![0; weights.len()];
    }
    let exact: Vec<(u64, u128)> = weights
        .iter()
        .map(|&(_, w)| {
            let quota = u128::from(total) * u128::from(w);
            ((quota / sum) as u64, quota % sum)
        })
        .collect();
    let mut shares: Vec<u64> = exact.iter().map(|&(floor, _)| floor).collect();
    let left = total - shares.iter().sum::<u64>();
    let mut order: Vec<usize> = (0..exact.len()).collect();
    order.sort_by(|&a, &b| exact[b].1.cmp(&exact[a].1).then(a.cmp(&b)));
    for &i in order.iter().take(left as usize) {
        shares[i] += 1;
    }
    shares
}

/// A council's seed: the master seed and the council code through SplitMix64's finaliser, so
/// neighbouring codes get unrelated streams.
fn council_seed(master: u64, la: LaCode) -> u64 {
    let mut z = master ^ (u64::from(la.0) << 40) ^ 0x9E37_79B9_7F4A_7C15;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apportion_splits_exactly_by_largest_remainder() {
        // Quotas of 10 over weights 1, 1, 1: 3.33 each; the one left goes to the first row.
        let w = [(LaCode(1), 1), (LaCode(2), 1), (LaCode(3), 1)];
        assert_eq!(apportion(10, &w), vec![4, 3, 3]);
        // Quotas of 7 over 1, 2, 4: exactly 1, 2, 4.
        let w = [(LaCode(1), 1), (LaCode(2), 2), (LaCode(3), 4)];
        assert_eq!(apportion(7, &w), vec![1, 2, 4]);
        // Quotas of 5 over 1, 3: 1.25 and 3.75; the left-over unit goes to the 0.75.
        let w = [(LaCode(1), 1), (LaCode(2), 3)];
        assert_eq!(apportion(5, &w), vec![1, 4]);
        assert_eq!(apportion(5, &[(LaCode(1), 0)]), vec![0]);
    }

    #[test]
    fn england_is_every_authority_with_the_population_summing_exactly() {
        let national = SynthConfig {
            population: 12_000_000,
            ..SynthConfig::default()
        };
        let councils = england(&national);
        assert_eq!(councils.len(), 153);
        assert_eq!(
            councils.iter().map(|c| c.population).sum::<u64>(),
            12_000_000
        );
        // Kent (886) is the largest authority, the Isles of Scilly (420) the smallest.
        let kent = councils.iter().find(|c| c.la_code == LaCode(886)).unwrap();
        let scilly = councils.iter().find(|c| c.la_code == LaCode(420)).unwrap();
        assert!(councils.iter().all(|c| c.population <= kent.population));
        assert!(councils.iter().all(|c| c.population >= scilly.population));
        // ONS mid-2024: Kent 355,390 of 12,183,016 children, a quota of 350,050.3.
        assert!(
            kent.population.abs_diff(350_050) <= 1,
            "{}",
            kent.population
        );
        assert!(
            councils
                .iter()
                .all(|c| c.years == 5 && c.end == national.end)
        );
    }

    #[test]
    fn council_seeds_are_distinct_and_follow_the_master_seed() {
        let a = england(&SynthConfig::default());
        let b = england(&SynthConfig {
            seed: 2,
            ..SynthConfig::default()
        });
        let seeds: std::collections::HashSet<u64> = a.iter().map(|c| c.seed).collect();
        assert_eq!(seeds.len(), a.len());
        assert!(a.iter().zip(&b).all(|(x, y)| x.seed != y.seed));
        assert_eq!(a, england(&SynthConfig::default()));
    }
}
