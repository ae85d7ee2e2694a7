//! The secret type: an API key value that never prints itself, is zeroized on drop, and is
//! reachable only through [`Secret::expose`]. Masking and fingerprints live here too.

use std::fmt;

use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

/// An API key (or a sealed `enc:v1:` value). `Debug` and `Display` print a mask; the memory is
/// wiped when the value is dropped.
#[derive(Clone, PartialEq, Eq)]
pub struct Secret(Zeroizing<String>);

impl Secret {
    /// Wraps a value. The caller should not keep another copy.
    pub fn new(value: String) -> Secret {
        Secret(Zeroizing::new(value))
    }

    /// The raw value. Every call site is a place where the secret may leave the process;
    /// keep them few (`key get --reveal`, the stores, the `.env` writer).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// ALwrity's mask (ALWRITY.md §3.4): `*` for all but the last 4 characters; all `*` when
    /// the value has 4 characters or fewer. The mask is capped at 12 stars so long keys
    /// stay readable in a table.
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() <= 4 {
            return "*".repeat(chars.len().max(4));
        }
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{}{}", "*".repeat((chars.len() - 4).min(12)), tail)
    }

    /// A short SHA-256 fingerprint (first 8 hex digits), enough to tell two values apart
    /// without revealing either.
    pub fn fingerprint(&self) -> String {
        let digest = Sha256::digest(self.0.as_bytes());
        digest[..4].iter().map(|b| format!("{b:02x}")).collect()
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Secret({})", self.masked())
    }
}

impl fmt::Display for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.masked())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn never_prints_itself() {
        let s = Secret::new("AIzaFAKE-canary-value-1234".into());
        assert!(!format!("{s}").contains("canary"));
        assert!(!format!("{s:?}").contains("canary"));
        assert!(format!("{s}").ends_with("1234"));
    }

    #[test]
    fn masks_short_values_entirely() {
        assert_eq!(Secret::new("abc".into()).masked(), "****");
        assert_eq!(Secret::new("abcd".into()).masked(), "****");
        assert_eq!(Secret::new("abcdef".into()).masked(), "**cdef");
    }

    #[test]
    fn fingerprint_is_stable_and_short() {
        let a = Secret::new("one".into()).fingerprint();
        assert_eq!(a, Secret::new("one".into()).fingerprint());
        assert_ne!(a, Secret::new("two".into()).fingerprint());
        assert_eq!(a.len(), 8);
    }
}
