//! Passwords, tokens and cookies: argon2id hashes, the password policy, random session and CSRF
//! tokens (the store keeps only a token's SHA-256), constant-time comparison, cookie parsing.
//!
//! Pure functions with no store and no clock; `session.rs` composes them with the store.

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use sha2::{Digest, Sha256};

/// Shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 12;

/// Passwords too common to accept whatever their length (the start of every breached list).
const COMMON: &[&str] = &[
    "password",
    "123456",
    "qwerty",
    "letmein",
    "welcome",
    "iloveyou",
    "admin",
    "monkey",
    "dragon",
    "football",
    "sightline",
    "changeme",
    "abc123",
    "111111",
    "passw0rd",
];

/// Why a password is refused.
pub fn password_problem(name: &str, password: &str) -> Option<String> {
    let chars: Vec<char> = password.chars().collect();
    if password.trim().is_empty() {
        return Some("the password is empty".into());
    }
    if chars.len() < MIN_PASSWORD_LEN {
        return Some(format!(
            "the password has {} characters: use at least {MIN_PASSWORD_LEN} (a few random words work well)",
            chars.len()
        ));
    }
    let lower = password.to_lowercase();
    if !name.is_empty() && lower.contains(&name.to_lowercase()) {
        return Some("the password contains the user name".into());
    }
    let mut distinct = chars.clone();
    distinct.sort_unstable();
    distinct.dedup();
    if distinct.len() < 5 {
        return Some("the password repeats too few different characters".into());
    }
    if COMMON.iter().any(|c| lower.contains(c)) {
        return Some("the password contains a commonly used password".into());
    }
    None
}

/// The argon2id hasher with OWASP's recommended parameters (19 MiB, 2 passes, 1 lane).
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).unwrap_or_default();
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

/// Hashes a password into an argon2id PHC string with a random salt.
pub fn hash_password(password: &str) -> anyhow::Result<String> {
    let mut salt = [0u8; 16];
    rand::fill(&mut salt);
    let salt = SaltString::encode_b64(&salt).map_err(|e| anyhow::anyhow!("salt: {e}"))?;
    let hash = hasher()
        .hash_password(password.as_bytes(), &salt)
        .map_err(|e| anyhow::anyhow!("cannot hash the password: {e}"))?;
    Ok(hash.to_string())
}

/// Whether a password matches a stored PHC string (false for a malformed one).
pub fn verify_password(password: &str, phc: &str) -> bool {
    match PasswordHash::new(phc) {
        Ok(parsed) => hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok(),
        Err(_) => false,
    }
}

/// A PHC string no password matches, verified for unknown users so that a login for a name that
/// does not exist takes as long as one for a name that does.
pub fn dummy_hash() -> &'static str {
    static DUMMY: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    DUMMY.get_or_init(|| hash_password("no account has this password 7c1d").unwrap_or_default())
}

/// A fresh random token: 32 bytes from the operating system's CSPRNG, as hex.
pub fn random_token() -> String {
    let mut bytes = [0u8; 32];
    rand::fill(&mut bytes);
    hex(&bytes)
}

/// SHA-256 of a token, as hex: what the store keeps instead of the token.
pub fn token_hash(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write;
    bytes.iter().fold(String::new(), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

/// Compares two secrets in time that depends only on their lengths.
#[must_use]
pub fn constant_time_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// The value of a cookie in a `Cookie` request header.
pub fn cookie<'a>(header: &'a str, name: &str) -> Option<&'a str> {
    header.split(';').find_map(|pair| {
        let (k, v) = pair.trim().split_once('=')?;
        (k == name).then_some(v)
    })
}

/// A generated password for demo accounts: 4 groups of 5 lower-case letters and digits.
pub fn generated_password() -> String {
    const ALPHABET: &[u8] = b"abcdefghjkmnpqrstuvwxyz23456789";
    let mut bytes = [0u8; 20];
    rand::fill(&mut bytes);
    let chars: Vec<char> = bytes
        .iter()
        .map(|b| ALPHABET[*b as usize % ALPHABET.len()] as char)
        .collect();
    chars
        .chunks(5)
        .map(|c| c.iter().collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weak_passwords_are_refused_with_a_reason() {
        assert!(password_problem("ann", "").unwrap().contains("empty"));
        assert!(password_problem("ann", "short").unwrap().contains("12"));
        assert!(
            password_problem("ann", "ann-is-my-name-x")
                .unwrap()
                .contains("user name")
        );
        assert!(
            password_problem("bob", "aaaaaaaaaaaaaaaa")
                .unwrap()
                .contains("different")
        );
        assert!(
            password_problem("bob", "MyPassword2026!")
                .unwrap()
                .contains("common")
        );
        assert_eq!(
            password_problem("bob", "correct horse battery staple"),
            None
        );
    }

    #[test]
    fn a_hash_verifies_its_password_only() {
        let phc = hash_password("correct horse battery staple").unwrap();
        assert!(phc.starts_with("$argon2id$"));
        assert!(verify_password("correct horse battery staple", &phc));
        assert!(!verify_password("correct horse battery stapler", &phc));
        assert!(!verify_password("anything", "not a phc string"));
        assert!(!verify_password("anything", dummy_hash()));
    }

    #[test]
    fn tokens_are_random_and_hashed() {
        let (a, b) = (random_token(), random_token());
        assert_eq!(a.len(), 64);
        assert_ne!(a, b);
        assert_eq!(token_hash(&a).len(), 64);
        assert_ne!(token_hash(&a), a);
        assert_eq!(token_hash(&a), token_hash(&a));
    }

    #[test]
    fn secrets_compare_exactly() {
        assert!(constant_time_eq("abc", "abc"));
        assert!(!constant_time_eq("abc", "abd"));
        assert!(!constant_time_eq("abc", "abcd"));
    }

    #[test]
    fn cookies_are_found_by_name() {
        let h = "a=1; sightline_session=xyz; b=2";
        assert_eq!(cookie(h, "sightline_session"), Some("xyz"));
        assert_eq!(cookie(h, "sightline"), None);
    }

    #[test]
    fn generated_passwords_pass_the_policy() {
        let p = generated_password();
        assert_eq!(p.len(), 23);
        assert_eq!(password_problem("demo-admin", &p), None);
    }
}
