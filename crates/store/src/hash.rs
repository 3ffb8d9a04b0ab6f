//! File fingerprints for snapshot provenance: a streaming SHA-256, so a multi-gigabyte extract is
//! hashed without being read into memory.

use std::io::Read;
use std::path::Path;

use sha2::{Digest, Sha256};

/// SHA-256 of a file's contents as lower-case hex, and its size in bytes.
///
/// # Example
/// ```
/// let dir = tempfile::tempdir()?;
/// let path = dir.path().join("empty.csv");
/// std::fs::write(&path, b"")?;
/// let (sha, bytes) = sightline_store::sha256_file(&path)?;
/// assert_eq!(sha, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
/// assert_eq!(bytes, 0);
/// # Ok::<(), std::io::Error>(())
/// ```
pub fn sha256_file(path: &Path) -> std::io::Result<(String, u64)> {
    let mut file = std::fs::File::open(path)?;
    sha256_reader(&mut file)
}

/// Hashes everything `reader` yields.
pub(crate) fn sha256_reader(reader: &mut impl Read) -> std::io::Result<(String, u64)> {
    let mut hasher = Sha256::new();
    let mut buffer = vec![0u8; 1 << 16];
    let mut bytes: u64 = 0;
    loop {
        let read = match reader.read(&mut buffer) {
            Ok(0) => break,
            Ok(read) => read,
            Err(err) if err.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(err) => return Err(err),
        };
        hasher.update(buffer.get(..read).unwrap_or_default());
        bytes += read as u64;
    }
    Ok((to_hex(&hasher.finalize()), bytes))
}

fn to_hex(digest: &[u8]) -> String {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(digest.len() * 2);
    for byte in digest {
        out.push(char::from(HEX[usize::from(byte >> 4)]));
        out.push(char::from(HEX[usize::from(byte & 0x0f)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_the_published_test_vector() {
        // FIPS 180-2 example: SHA-256("abc").
        let (sha, bytes) = sha256_reader(&mut &b"abc"[..]).unwrap();
        assert_eq!(
            sha,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
        assert_eq!(bytes, 3);
    }

    #[test]
    fn long_inputs_stream_across_buffers() {
        // One million 'a' (FIPS 180-2 long message vector) crosses many 64 KiB reads.
        let input = vec![b'a'; 1_000_000];
        let (sha, bytes) = sha256_reader(&mut &input[..]).unwrap();
        assert_eq!(
            sha,
            "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"
        );
        assert_eq!(bytes, 1_000_000);
    }
}
