//! Seeded randomness: one ChaCha8 stream per generation unit, and the few distributions the
//! generator draws from.
//!
//! Every unit (a child's journey, the workforce, the foster households) gets its own stream seeded
//! from `(seed, stream, index)`, so the output does not depend on how rayon schedules the work.

use chrono::{Duration, NaiveDate};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// A seeded random stream with the helpers the generator needs.
pub(crate) struct Dice(ChaCha8Rng);

impl Dice {
    /// The stream for unit `index` of kind `stream` under the run's `seed`.
    pub(crate) fn new(seed: u64, stream: u64, index: u64) -> Dice {
        let mut bytes = [0u8; 32];
        bytes[0..8].copy_from_slice(&seed.to_le_bytes());
        bytes[8..16].copy_from_slice(&stream.to_le_bytes());
        bytes[16..24].copy_from_slice(&index.to_le_bytes());
        bytes[24..32].copy_from_slice(b"sightln1");
        Dice(ChaCha8Rng::from_seed(bytes))
    }

    /// Uniform in [0, 1).
    pub(crate) fn unit(&mut self) -> f64 {
        // 53 random bits, the usual construction of a uniform double.
        (self.0.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub(crate) fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// Uniform integer in `lo..=hi` (returns `lo` when the range is empty).
    pub(crate) fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo + 1) as u64;
        lo + (self.0.next_u64() % span) as i64
    }

    /// Picks an item with probability proportional to its weight.
    pub(crate) fn pick<T: Copy>(&mut self, items: &[(T, f64)]) -> T {
        let total: f64 = items.iter().map(|(_, w)| w).sum();
        let mut x = self.unit() * total;
        for (item, w) in items {
            if x < *w {
                return *item;
            }
            x -= w;
        }
        // Only reached through rounding; the last item is as good as any.
        items
            .last()
            .map(|(item, _)| *item)
            .unwrap_or_else(|| unreachable_empty())
    }

    /// Standard normal (Box-Muller).
    pub(crate) fn normal(&mut self) -> f64 {
        let u1 = self.unit().max(1e-12);
        let u2 = self.unit();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }

    /// A log-normal number of days with the given median and shape, at least `min`.
    pub(crate) fn lognormal_days(&mut self, median: f64, sigma: f64, min: i64) -> i64 {
        let x = median * (sigma * self.normal()).exp();
        (x.round() as i64).max(min)
    }

    /// Exponential with the given mean.
    pub(crate) fn exponential(&mut self, mean: f64) -> f64 {
        -mean * (1.0 - self.unit()).ln()
    }

    /// Poisson count with mean `lambda` (normal approximation above 60).
    pub(crate) fn poisson(&mut self, lambda: f64) -> u64 {
        if lambda <= 0.0 {
            return 0;
        }
        if lambda > 60.0 {
            let x = lambda + lambda.sqrt() * self.normal();
            return x.round().max(0.0) as u64;
        }
        let limit = (-lambda).exp();
        let mut k = 0u64;
        let mut p = self.unit();
        while p > limit {
            k += 1;
            p *= self.unit();
        }
        k
    }

    /// A uniformly random day in `from..=to`.
    pub(crate) fn day_between(&mut self, from: NaiveDate, to: NaiveDate) -> NaiveDate {
        let span = (to - from).num_days();
        from + Duration::days(self.range(0, span.max(0)))
    }
}

/// `pick` is only ever called with the constant, non-empty tables of this crate.
fn unreachable_empty<T>() -> T {
    panic!("weighted pick from an empty table")
}

/// `date` plus `n` calendar days.
pub(crate) fn plus(date: NaiveDate, n: i64) -> NaiveDate {
    date.checked_add_signed(Duration::days(n)).unwrap_or(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn streams_are_reproducible_and_distinct() {
        let a: Vec<u64> = (0..4).map(|_| Dice::new(1, 2, 3).0.next_u64()).collect();
        assert!(a.windows(2).all(|w| w[0] == w[1]));
        let mut x = Dice::new(1, 2, 3);
        let mut y = Dice::new(1, 2, 4);
        assert_ne!(x.0.next_u64(), y.0.next_u64());
    }

    #[test]
    fn poisson_mean_is_close() {
        let mut d = Dice::new(7, 0, 0);
        let n = 20_000;
        let mean: f64 = (0..n).map(|_| d.poisson(3.0) as f64).sum::<f64>() / n as f64;
        assert!((mean - 3.0).abs() < 0.1, "{mean}");
    }
}
