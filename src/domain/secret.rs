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
    /// Shortest value whose mask shows its last 4 characters.
    pub const MIN_REVEAL: usize = 16;
    /// Width of every mask.
    pub const MASK_WIDTH: usize = 16;

    /// Wraps a value. The caller should not keep another copy.
    pub fn new(value: String) -> Secret {
        Secret(Zeroizing::new(value))
    }

    /// The raw value. Every call site is a place where the secret may leave the process;
    /// keep them few (`key get --reveal`, the stores, the `.env` writer).
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// The mask, always [`Secret::MASK_WIDTH`] characters wide: 12 `*` and the last 4
    /// characters when the value has at least [`Secret::MIN_REVEAL`] (16) characters, so at
    /// most a quarter of a value shows; otherwise `*` only. A mask says nothing about the
    /// length beyond "at least 16" or "fewer". (ALwrity's own mask, docs/ALWRITY.md
    /// "ALwrity's masking", shows the last 4 of any value longer than 4, which is most of a short
    /// one.)
    pub fn masked(&self) -> String {
        let chars: Vec<char> = self.0.chars().collect();
        if chars.len() < Self::MIN_REVEAL {
            return "*".repeat(Self::MASK_WIDTH);
        }
        let tail: String = chars[chars.len() - 4..].iter().collect();
        format!("{}{tail}", "*".repeat(Self::MASK_WIDTH - 4))
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
        let stars = "*".repeat(16);
        for short in ["", "a", "abcd", "abcde", "abcdefghijklmno"] {
            assert_eq!(Secret::new(short.into()).masked(), stars, "{short:?}");
        }
    }

    #[test]
    fn masks_are_fixed_width_and_show_at_most_a_quarter() {
        let m = |v: &str| Secret::new(v.into()).masked();
        assert_eq!(m("abcdefghijklmnop"), "************mnop");
        assert_eq!(m(&format!("{}wxyz", "x".repeat(60))), "************wxyz");
        assert_eq!(
            m("ééééééééééééabcd"),
            "************abcd",
            "counts characters"
        );
        for len in 0..64 {
            let masked = m(&"k".repeat(len));
            assert_eq!(masked.chars().count(), 16, "{len}");
            let shown = masked.chars().filter(|c| *c != '*').count();
            assert!(shown * 4 <= len.max(1), "{len}: {masked}");
        }
    }

    #[test]
    fn fingerprint_is_stable_and_short() {
        let a = Secret::new("one".into()).fingerprint();
        assert_eq!(a, Secret::new("one".into()).fingerprint());
        assert_ne!(a, Secret::new("two".into()).fingerprint());
        assert_eq!(a.len(), 8);
    }
}
