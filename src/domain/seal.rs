//! Encryption at rest for stored API key values: the [`MasterKey`], the `enc:v1:` sealed format
//! and the [`Sealer`] that seals on write and opens on read.
//!
//! A sealed value is `enc:v1:` followed by standard base64 (padded) of
//! `nonce (24 bytes) || ciphertext || tag (16 bytes)`, XChaCha20-Poly1305 under the master key
//! with a fresh random nonce per seal. The associated data binds the row:
//! `onboardctl/v1\0 || be32(len user) || user || be32(len provider) || provider`. A value copied
//! to another user or provider, sealed under another key or altered in any byte fails to open
//! with [`SealError::WrongKeyOrMoved`], never with garbage.
//!
//! Pure: no I/O and no environment. The caller reads `ONBOARDCTL_MASTER_KEY` and maps
//! [`SealError`] to an exit code.

use std::fmt;

use base64::alphabet;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig, STANDARD};
use base64::engine::DecodePaddingMode;
use base64::{DecodeSliceError, Engine};
use chacha20poly1305::aead::common::getrandom;
use chacha20poly1305::aead::{Aead, Generate, KeyInit, Payload};
use chacha20poly1305::{Key, XChaCha20Poly1305, XNonce};
use sha2::{Digest, Sha256};
use zeroize::Zeroizing;

use super::{ProviderName, Secret, UserId};

/// The prefix of a value sealed with version 1 of the format.
pub const PREFIX: &str = "enc:v1:";

/// Every version of the format starts with this. A version this build does not know is reported
/// as malformed rather than handed out as if it were a plaintext key (or sealed a second time).
const FAMILY: &str = "enc:v";

const KEY_LEN: usize = 32;
const NONCE_LEN: usize = 24;
const TAG_LEN: usize = 16;

/// Leads the associated data, so a sealed value can never be confused with another use of the key.
const AD_DOMAIN: &[u8] = b"onboardctl/v1\0";

/// Standard alphabet; padding optional on input (keys pasted from tools that strip it).
const LENIENT: GeneralPurpose = GeneralPurpose::new(
    &alphabet::STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Why a master key could not be used or a stored value could not be opened. Messages never
/// contain the key, the stored value or the plaintext.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    /// The master key text is not 32 bytes of standard base64.
    #[error("invalid master key: {reason}")]
    InvalidMasterKey {
        /// What is wrong, in words that never quote the input.
        reason: String,
    },
    /// The value carries the `enc:` prefix but is not a sealed value this build can read.
    #[error("the `{provider}` key of `{user}` is not a valid sealed value: {reason}")]
    Malformed {
        /// Owner of the row.
        user: UserId,
        /// Provider of the row.
        provider: ProviderName,
        /// What is wrong (bad base64, too short, unknown version, not UTF-8).
        reason: &'static str,
    },
    /// Authentication failed: another master key, another row, or altered bytes.
    #[error(
        "cannot decrypt the `{provider}` key of `{user}`: wrong master key, or the value was \
         moved from another row or tampered with"
    )]
    WrongKeyOrMoved {
        /// Owner of the row.
        user: UserId,
        /// Provider of the row.
        provider: ProviderName,
    },
    /// The value is sealed and no master key is configured.
    #[error("the `{provider}` key of `{user}` is encrypted; set ONBOARDCTL_MASTER_KEY")]
    NoMasterKey {
        /// Owner of the row.
        user: UserId,
        /// Provider of the row.
        provider: ProviderName,
    },
}

/// The 32-byte master key. Lives on the heap so moves do not leave copies behind; wiped on
/// drop; `Debug` shows only [`MasterKey::key_id`].
pub struct MasterKey(Box<Zeroizing<[u8; KEY_LEN]>>);

impl MasterKey {
    /// Parses standard base64 (padding optional, surrounding whitespace ignored) that must
    /// decode to exactly 32 bytes.
    pub fn from_base64(text: &str) -> Result<MasterKey, SealError> {
        // One spare byte more than a key would need to tell "too long" from "exactly 32".
        let mut buf = Zeroizing::new([0u8; KEY_LEN + 16]);
        let len = LENIENT
            .decode_slice(text.trim(), &mut buf[..])
            .map_err(|e| invalid_key(decode_failure(&e)))?;
        if len != KEY_LEN {
            return Err(invalid_key(&format!(
                "it decodes to {len} bytes; it must be exactly {KEY_LEN}"
            )));
        }
        let mut key = MasterKey::zeroed();
        key.0.copy_from_slice(&buf[..KEY_LEN]);
        Ok(key)
    }

    /// A fresh random key from the operating system's generator.
    ///
    /// # Panics
    /// If the operating system cannot supply random bytes.
    pub fn generate() -> MasterKey {
        let mut key = MasterKey::zeroed();
        getrandom::fill(&mut key.0[..]).expect("the operating system's random generator failed");
        key
    }

    /// The key as standard padded base64, the form `ONBOARDCTL_MASTER_KEY` takes. Wiped on drop.
    pub fn to_base64(&self) -> Zeroizing<String> {
        Zeroizing::new(STANDARD.encode(&self.0[..]))
    }

    /// A public fingerprint, the first 8 hex digits of the key's SHA-256, so operators can
    /// tell keys apart without showing them.
    pub fn key_id(&self) -> String {
        let digest = Sha256::digest(&self.0[..]);
        digest[..4].iter().map(|b| format!("{b:02x}")).collect()
    }

    fn zeroed() -> MasterKey {
        MasterKey(Box::new(Zeroizing::new([0u8; KEY_LEN])))
    }

    fn cipher(&self) -> XChaCha20Poly1305 {
        let bytes: &[u8; KEY_LEN] = &self.0;
        XChaCha20Poly1305::new(<&Key>::from(bytes))
    }
}

impl Clone for MasterKey {
    /// Copies heap to heap, so no stack copy of the key is left behind.
    fn clone(&self) -> MasterKey {
        let mut key = MasterKey::zeroed();
        key.0.copy_from_slice(&self.0[..]);
        key
    }
}

impl fmt::Debug for MasterKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("MasterKey")
            .field("key_id", &self.key_id())
            .finish_non_exhaustive()
    }
}

fn invalid_key(reason: &str) -> SealError {
    SealError::InvalidMasterKey {
        reason: reason.to_owned(),
    }
}

/// Fixed words: base64's own messages quote the offending byte, which would leak key material.
fn decode_failure(e: &DecodeSliceError) -> &'static str {
    match e {
        DecodeSliceError::OutputSliceTooSmall => "it decodes to more than 32 bytes",
        DecodeSliceError::DecodeError(_) => "it is not valid standard base64",
    }
}

/// Whether a stored value is sealed (any version of the format, not only `enc:v1:`).
pub fn is_sealed(stored: &str) -> bool {
    stored.starts_with(FAMILY)
}

/// Seals `plain` for the row (`user`, `provider`) under `key`, with a fresh random nonce.
pub fn seal(key: &MasterKey, user: &UserId, provider: &ProviderName, plain: &Secret) -> Secret {
    seal_with_nonce(key, user, provider, plain, &XNonce::generate())
}

fn seal_with_nonce(
    key: &MasterKey,
    user: &UserId,
    provider: &ProviderName,
    plain: &Secret,
    nonce: &XNonce,
) -> Secret {
    let aad = associated_data(user, provider);
    let payload = Payload {
        msg: plain.expose().as_bytes(),
        aad: &aad,
    };
    // Fails only past ~256 GiB of plaintext.
    let ciphertext = key
        .cipher()
        .encrypt(nonce, payload)
        .expect("XChaCha20-Poly1305 cannot fail on a value of this size");
    let mut sealed = Vec::with_capacity(NONCE_LEN + ciphertext.len());
    sealed.extend_from_slice(nonce);
    sealed.extend_from_slice(&ciphertext);
    Secret::new(format!("{PREFIX}{}", STANDARD.encode(sealed)))
}

/// Opens a stored value of the row (`user`, `provider`): a plaintext value (no `enc:` prefix)
/// is returned as it is, a sealed one is decrypted.
pub fn open(
    key: &MasterKey,
    user: &UserId,
    provider: &ProviderName,
    stored: &Secret,
) -> Result<Secret, SealError> {
    let Some(body) = sealed_body(user, provider, stored.expose())? else {
        return Ok(stored.clone());
    };
    let sealed = LENIENT
        .decode(body)
        .map_err(|_| malformed(user, provider, "the payload is not valid base64"))?;
    let (nonce, ciphertext) = sealed
        .split_first_chunk::<NONCE_LEN>()
        .filter(|(_, rest)| rest.len() >= TAG_LEN)
        .ok_or_else(|| malformed(user, provider, "the payload is too short"))?;
    let aad = associated_data(user, provider);
    let payload = Payload {
        msg: ciphertext,
        aad: &aad,
    };
    let plain = Zeroizing::new(
        key.cipher()
            .decrypt(<&XNonce>::from(nonce), payload)
            .map_err(|_| wrong_key_or_moved(user, provider))?,
    );
    let text = std::str::from_utf8(&plain)
        .map_err(|_| malformed(user, provider, "it decrypts to invalid UTF-8"))?;
    Ok(Secret::new(text.to_owned()))
}

/// Checks, without any key, that `stored` is a sealed value this build can read: the
/// `enc:v1:` prefix, valid base64, and room for a nonce and a tag (`import` of a key marked
/// `encrypted`).
pub fn check_well_formed(
    user: &UserId,
    provider: &ProviderName,
    stored: &str,
) -> Result<(), SealError> {
    let Some(body) = sealed_body(user, provider, stored)? else {
        return Err(malformed(user, provider, "it has no `enc:v1:` prefix"));
    };
    let sealed = LENIENT
        .decode(body)
        .map_err(|_| malformed(user, provider, "the payload is not valid base64"))?;
    if sealed.len() < NONCE_LEN + TAG_LEN {
        return Err(malformed(user, provider, "the payload is too short"));
    }
    Ok(())
}

/// Re-seals one stored value under `new` for `key reseal`: plaintext is sealed, a value sealed
/// under `old` is opened and sealed again. `Ok(None)` when the value already opens with `new`
/// (nothing to write). A value `new` cannot open and no `old` key (or the wrong one) is
/// [`SealError::WrongKeyOrMoved`].
pub fn reseal(
    old: Option<&MasterKey>,
    new: &MasterKey,
    user: &UserId,
    provider: &ProviderName,
    stored: &Secret,
) -> Result<Option<Secret>, SealError> {
    if !is_sealed(stored.expose()) {
        return Ok(Some(seal(new, user, provider, stored)));
    }
    match (open(new, user, provider, stored), old) {
        (Ok(_), _) => Ok(None),
        (Err(SealError::WrongKeyOrMoved { .. }), Some(old)) => {
            let plain = open(old, user, provider, stored)?;
            Ok(Some(seal(new, user, provider, &plain)))
        }
        (Err(e), _) => Err(e),
    }
}

/// Seals on write when a master key is configured and opens on read; without a key, plaintext
/// passes through both ways and a sealed value is [`SealError::NoMasterKey`].
#[derive(Default)]
pub struct Sealer {
    key: Option<MasterKey>,
}

impl Sealer {
    /// A sealer with `key`, or a pass-through one with `None` (encryption not enabled).
    pub fn new(key: Option<MasterKey>) -> Sealer {
        Sealer { key }
    }

    /// The master key, if encryption is enabled.
    pub fn key(&self) -> Option<&MasterKey> {
        self.key.as_ref()
    }

    /// Whether new values are sealed.
    pub fn is_enabled(&self) -> bool {
        self.key.is_some()
    }

    /// The value to store for `plain`: sealed when a key is configured, else `plain` itself.
    pub fn seal_if_enabled(
        &self,
        user: &UserId,
        provider: &ProviderName,
        plain: &Secret,
    ) -> Secret {
        match &self.key {
            Some(key) => seal(key, user, provider, plain),
            None => plain.clone(),
        }
    }

    /// The plaintext of a stored value; see [`open`]. Without a key, plaintext passes through
    /// and a sealed value is [`SealError::NoMasterKey`].
    pub fn open(
        &self,
        user: &UserId,
        provider: &ProviderName,
        stored: &Secret,
    ) -> Result<Secret, SealError> {
        match &self.key {
            Some(key) => open(key, user, provider, stored),
            None if is_sealed(stored.expose()) => Err(SealError::NoMasterKey {
                user: user.clone(),
                provider: provider.clone(),
            }),
            None => Ok(stored.clone()),
        }
    }
}

impl fmt::Debug for Sealer {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Sealer")
            .field("key_id", &self.key.as_ref().map(MasterKey::key_id))
            .finish()
    }
}

/// `Ok(None)` for plaintext, the base64 body of an `enc:v1:` value, an error for another version.
fn sealed_body<'a>(
    user: &UserId,
    provider: &ProviderName,
    stored: &'a str,
) -> Result<Option<&'a str>, SealError> {
    if let Some(body) = stored.strip_prefix(PREFIX) {
        return Ok(Some(body));
    }
    if is_sealed(stored) {
        return Err(malformed(
            user,
            provider,
            "it uses an unknown sealing format",
        ));
    }
    Ok(None)
}

/// `onboardctl/v1\0 || be32(len user) || user || be32(len provider) || provider`. The length
/// prefixes keep the pair unambiguous: ("ab", "c") and ("a", "bc") differ.
fn associated_data(user: &UserId, provider: &ProviderName) -> Vec<u8> {
    let mut aad = AD_DOMAIN.to_vec();
    push_field(&mut aad, user.as_str());
    push_field(&mut aad, provider.as_str());
    aad
}

fn push_field(aad: &mut Vec<u8>, field: &str) {
    // User ids are at most 255 characters and provider names 64, far below u32::MAX bytes.
    let len = u32::try_from(field.len()).expect("ids are short");
    aad.extend_from_slice(&len.to_be_bytes());
    aad.extend_from_slice(field.as_bytes());
}

fn malformed(user: &UserId, provider: &ProviderName, reason: &'static str) -> SealError {
    SealError::Malformed {
        user: user.clone(),
        provider: provider.clone(),
        reason,
    }
}

fn wrong_key_or_moved(user: &UserId, provider: &ProviderName) -> SealError {
    SealError::WrongKeyOrMoved {
        user: user.clone(),
        provider: provider.clone(),
    }
}

#[cfg(test)]
mod tests;
