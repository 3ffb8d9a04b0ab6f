//! A fast hash map for the writers' per-child indexes.
//!
//! The writers index millions of records by child or parent id; the standard SipHash guards
//! against hostile keys, which ids from the council's own records are not, and costs a tenth of
//! the write time. This is the multiply-rotate hash of the Firefox/rustc `FxHasher`, with a
//! final mix.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` using [`FxHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;

/// The rustc hasher: not DoS-resistant, fast on short keys.
#[derive(Default, Clone, Copy)]
pub(crate) struct FxHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        for byte in chunks.remainder() {
            self.add(u64::from(*byte));
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    /// Multiplication only carries entropy upwards, and ids such as `P0000001`/`P0000002`
    /// differ in their last (highest) byte, so the state is mixed down before the table uses its
    /// low bits (the murmur3 finaliser).
    fn finish(&self) -> u64 {
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_differing_only_in_their_last_character_spread_over_buckets() {
        use std::hash::BuildHasher;
        let build = BuildHasherDefault::<FxHasher>::default();
        let low_bits: std::collections::HashSet<u64> = (0..1000)
            .map(|i| build.hash_one(format!("P{i:07}")) & 0x3ff)
            .collect();
        assert!(low_bits.len() > 500, "{}", low_bits.len());
    }

    #[test]
    fn maps_find_what_was_put_in() {
        let mut map: FastMap<&str, usize> = FastMap::default();
        for (i, key) in ["C1", "C2", "a-much-longer-child-identifier", ""]
            .iter()
            .enumerate()
        {
            map.insert(key, i);
        }
        assert_eq!(map.get("a-much-longer-child-identifier"), Some(&2));
        assert_eq!(map.get(""), Some(&3));
        assert_eq!(map.get("C3"), None);
    }
}
