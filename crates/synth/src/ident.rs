//! Identifiers: opaque child ids, valid UPNs, record ids, worker and team ids.
//!
//! Child ids and UPNs are bijective scrambles of the unit index, so they are unique without any
//! shared state between threads, and look random rather than sequential.

use sightline_model::ids::{ChildId, LaCode, RecordId, Upn};

/// Check letters of the UPN, indexed by the weighted sum mod 23 (DfE rule 1510).
const UPN_CHECK: &[u8; 23] = b"ABCDEFGHJKLMNPQRTUVWXYZ";

/// How child ids are formed for a run: "C" and a fixed number of digits (7 unless the run has
/// more than ten million units).
#[derive(Clone, Copy)]
pub(crate) struct IdScheme {
    digits: usize,
    modulus: u64,
}

impl IdScheme {
    pub(crate) fn for_units(units: u64) -> IdScheme {
        let mut digits = 7;
        let mut modulus = 10_000_000u64;
        while units >= modulus {
            digits += 1;
            modulus *= 10;
        }
        IdScheme { digits, modulus }
    }

    /// The child id of unit `index`: a multiplicative scramble modulo a power of ten (the
    /// multiplier is coprime with 10, so distinct units get distinct ids).
    pub(crate) fn child(&self, index: u64) -> ChildId {
        let n = scramble(index, 7_654_321, 1_234_567, self.modulus);
        ChildId::new(format!("C{n:0width$}", width = self.digits))
    }
}

fn scramble(index: u64, mul: u64, add: u64, modulus: u64) -> u64 {
    let x = u128::from(index % modulus) * u128::from(mul) + u128::from(add);
    (x % u128::from(modulus)) as u64
}

/// A valid, unique UPN for unit `index`: check letter, LA code, nine scrambled digits.
pub(crate) fn upn(la: LaCode, index: u64) -> Upn {
    let body = format!(
        "{:03}{:09}",
        la.0 % 1000,
        scramble(index, 123_456_791, 987_654_321, 1_000_000_000)
    );
    Upn::new(format!("{}{body}", upn_check_letter(&body)))
}

/// The check letter for UPN characters 2-13 (`body`, 12 digits): sum of digit times position,
/// mod 23.
pub(crate) fn upn_check_letter(body: &str) -> char {
    let sum: u32 = body
        .bytes()
        .enumerate()
        .map(|(i, b)| u32::from(b.wrapping_sub(b'0')) * (i as u32 + 2))
        .sum();
    UPN_CHECK[(sum % 23) as usize] as char
}

/// A record id unique within its kind: kind prefix, unit index, sequence within the unit.
pub(crate) fn record(prefix: &str, unit: u64, seq: u32) -> RecordId {
    RecordId::new(format!("{prefix}{unit}-{seq}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn child_ids_are_unique_and_opaque() {
        let s = IdScheme::for_units(50_000);
        let ids: HashSet<String> = (0..50_000)
            .map(|i| s.child(i).as_str().to_owned())
            .collect();
        assert_eq!(ids.len(), 50_000);
        assert_eq!(s.child(0).as_str(), "C1234567");
        assert_eq!(s.child(1).as_str().len(), 8);
        assert_eq!(IdScheme::for_units(12_000_000).child(5).as_str().len(), 9);
    }

    #[test]
    fn upn_check_letter_matches_a_hand_worked_example() {
        // Body 382000000001: 3*2 + 8*3 + 2*4 + 1*13 = 6 + 24 + 8 + 13 = 51; 51 mod 23 = 5 -> 'F'.
        assert_eq!(upn_check_letter("382000000001"), 'F');
        let u = upn(LaCode(382), 42);
        assert_eq!(u.as_str().len(), 13);
        assert_eq!(&u.as_str()[1..4], "382");
        assert_eq!(
            u.as_str().chars().next(),
            Some(upn_check_letter(&u.as_str()[1..]))
        );
    }
}
