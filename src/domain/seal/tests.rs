//! Unit tests for sealing: round trips, every way a value can fail to open, rotation, and that
//! neither keys nor values ever reach a message or `Debug`.

use super::*;

const CANARY: &str = "AIzaFAKE-seal-canary-9f3k";

fn user(s: &str) -> UserId {
    s.parse().unwrap()
}

fn prov(s: &str) -> ProviderName {
    s.parse().unwrap()
}

fn secret(s: &str) -> Secret {
    Secret::new(s.to_owned())
}

fn fixed_key(byte: u8) -> MasterKey {
    MasterKey::from_base64(&STANDARD.encode([byte; KEY_LEN])).unwrap()
}

/// The decoded `nonce || ciphertext || tag` of a sealed value.
fn payload(sealed: &Secret) -> Vec<u8> {
    let body = sealed.expose().strip_prefix(PREFIX).unwrap();
    STANDARD.decode(body).unwrap()
}

fn reencode(payload: &[u8]) -> Secret {
    Secret::new(format!("{PREFIX}{}", STANDARD.encode(payload)))
}

fn sealed_canary(key: &MasterKey) -> Secret {
    seal(key, &user("user_1"), &prov("gemini"), &secret(CANARY))
}

#[test]
fn round_trips_any_value() {
    let key = MasterKey::generate();
    let (u, p) = (user("user_2abc"), prov("gemini"));
    for plain in [
        "",
        CANARY,
        "ünï €ode ✓",
        "-----BEGIN KEY-----\nabc\n-----END KEY-----\n",
    ] {
        let sealed = seal(&key, &u, &p, &secret(plain));
        assert!(is_sealed(sealed.expose()));
        assert_eq!(open(&key, &u, &p, &sealed).unwrap().expose(), plain);
    }
}

#[test]
fn sealed_value_is_prefix_and_base64_of_nonce_ciphertext_tag() {
    let sealed = sealed_canary(&fixed_key(1));
    assert!(sealed.expose().starts_with("enc:v1:"));
    assert!(!sealed.expose().contains(CANARY));
    assert_eq!(payload(&sealed).len(), NONCE_LEN + CANARY.len() + TAG_LEN);
}

#[test]
fn each_seal_draws_a_fresh_nonce() {
    let key = fixed_key(1);
    let (a, b) = (sealed_canary(&key), sealed_canary(&key));
    assert_ne!(a, b);
    assert_ne!(payload(&a)[..NONCE_LEN], payload(&b)[..NONCE_LEN]);
}

/// Pins the format and the associated data: a change to either breaks every stored value.
#[test]
fn known_vector_still_opens() {
    const SEALED: &str = "enc:v1:BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHsId40Jhm3IwTD36Bln9qNVbye6Kxpw4=";
    let (key, u, p) = (fixed_key(42), user("user_1"), prov("gemini"));
    let nonce = XNonce::from([7u8; NONCE_LEN]);
    let sealed = seal_with_nonce(&key, &u, &p, &secret("sk-test"), &nonce);
    assert_eq!(sealed.expose(), SEALED);
    assert_eq!(
        open(&key, &u, &p, &secret(SEALED)).unwrap().expose(),
        "sk-test"
    );
}

#[test]
fn wrong_key_fails_to_open() {
    let sealed = sealed_canary(&fixed_key(1));
    let err = open(&fixed_key(2), &user("user_1"), &prov("gemini"), &sealed).unwrap_err();
    assert!(matches!(err, SealError::WrongKeyOrMoved { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "cannot decrypt the `gemini` key of `user_1`: wrong master key, or the value was moved \
         from another row or tampered with"
    );
}

#[test]
fn missing_key_on_a_sealed_value_says_so() {
    let sealed = sealed_canary(&fixed_key(1));
    let err = Sealer::new(None)
        .open(&user("user_1"), &prov("gemini"), &sealed)
        .unwrap_err();
    assert!(matches!(err, SealError::NoMasterKey { .. }), "{err:?}");
    assert_eq!(
        err.to_string(),
        "the `gemini` key of `user_1` is encrypted; set ONBOARDCTL_MASTER_KEY"
    );
}

#[test]
fn flipping_any_byte_fails_to_open() {
    let key = fixed_key(1);
    let original = payload(&sealed_canary(&key));
    for i in 0..original.len() {
        let mut tampered = original.clone();
        tampered[i] ^= 0x01;
        let err = open(&key, &user("user_1"), &prov("gemini"), &reencode(&tampered));
        assert!(
            matches!(err, Err(SealError::WrongKeyOrMoved { .. })),
            "byte {i}: {err:?}"
        );
    }
}

#[test]
fn value_moved_to_another_row_fails_to_open() {
    let key = fixed_key(1);
    let sealed = sealed_canary(&key);
    for (u, p) in [
        ("user_2", "gemini"),
        ("user_1", "exa"),
        ("user_1 ", "gemini"),
    ] {
        let err = open(&key, &user(u), &prov(p), &sealed);
        assert!(
            matches!(err, Err(SealError::WrongKeyOrMoved { .. })),
            "{u}/{p}"
        );
    }
}

#[test]
fn user_provider_boundary_is_unambiguous() {
    let key = fixed_key(1);
    assert_ne!(
        associated_data(&user("ab"), &prov("c")),
        associated_data(&user("a"), &prov("bc"))
    );
    let sealed = seal(&key, &user("ab"), &prov("c"), &secret(CANARY));
    let err = open(&key, &user("a"), &prov("bc"), &sealed);
    assert!(matches!(err, Err(SealError::WrongKeyOrMoved { .. })));
}

#[test]
fn plaintext_passes_through() {
    let (u, p, plain) = (user("user_1"), prov("gemini"), secret(CANARY));
    assert!(!is_sealed(CANARY));
    assert_eq!(open(&fixed_key(1), &u, &p, &plain).unwrap(), plain);
    let off = Sealer::new(None);
    assert!(!off.is_enabled() && off.key().is_none());
    assert_eq!(off.seal_if_enabled(&u, &p, &plain), plain);
    assert_eq!(off.open(&u, &p, &plain).unwrap(), plain);
    assert_eq!(Sealer::default().open(&u, &p, &plain).unwrap(), plain);
}

#[test]
fn sealer_with_a_key_seals_and_opens() {
    let (u, p) = (user("user_1"), prov("gemini"));
    let on = Sealer::new(Some(fixed_key(1)));
    assert!(on.is_enabled());
    let stored = on.seal_if_enabled(&u, &p, &secret(CANARY));
    assert!(is_sealed(stored.expose()));
    assert_eq!(on.open(&u, &p, &stored).unwrap().expose(), CANARY);
    assert_eq!(on.open(&u, &p, &secret("plain")).unwrap().expose(), "plain");
}

#[test]
fn reseal_seals_plaintext() {
    let (new, u, p) = (fixed_key(2), user("user_1"), prov("gemini"));
    let out = reseal(None, &new, &u, &p, &secret(CANARY))
        .unwrap()
        .unwrap();
    assert_eq!(open(&new, &u, &p, &out).unwrap().expose(), CANARY);
}

#[test]
fn reseal_rotates_from_the_old_key() {
    let (old, new, u, p) = (fixed_key(1), fixed_key(2), user("user_1"), prov("gemini"));
    let out = reseal(Some(&old), &new, &u, &p, &sealed_canary(&old))
        .unwrap()
        .unwrap();
    assert_eq!(open(&new, &u, &p, &out).unwrap().expose(), CANARY);
    assert!(open(&old, &u, &p, &out).is_err());
}

#[test]
fn reseal_leaves_values_already_under_the_new_key() {
    let (old, new, u, p) = (fixed_key(1), fixed_key(2), user("user_1"), prov("gemini"));
    let current = sealed_canary(&new);
    assert_eq!(reseal(Some(&old), &new, &u, &p, &current).unwrap(), None);
    assert_eq!(reseal(None, &new, &u, &p, &current).unwrap(), None);
}

#[test]
fn reseal_without_the_right_old_key_fails() {
    let (old, new, u, p) = (fixed_key(1), fixed_key(2), user("user_1"), prov("gemini"));
    let stored = sealed_canary(&old);
    for other in [None, Some(&fixed_key(3))] {
        let err = reseal(other, &new, &u, &p, &stored);
        assert!(
            matches!(err, Err(SealError::WrongKeyOrMoved { .. })),
            "{err:?}"
        );
    }
}

#[test]
fn reseal_reports_malformed_values() {
    let err = reseal(None, &fixed_key(2), &user("u"), &prov("p"), &secret(PREFIX));
    assert!(matches!(err, Err(SealError::Malformed { .. })), "{err:?}");
}

#[test]
fn malformed_values_are_reported_not_decrypted() {
    let (key, u, p) = (fixed_key(1), user("user_1"), prov("gemini"));
    let short = format!(
        "{PREFIX}{}",
        STANDARD.encode([0u8; NONCE_LEN + TAG_LEN - 1])
    );
    let cases = [
        (PREFIX.to_owned(), "too short"),
        (format!("{PREFIX}!!not*base64"), "not valid base64"),
        (format!("{PREFIX}{CANARY}"), "not valid base64"),
        (short, "too short"),
        ("enc:v2:AAAA".to_owned(), "unknown sealing format"),
    ];
    for (stored, why) in cases {
        let err = open(&key, &u, &p, &secret(&stored)).unwrap_err();
        assert!(
            matches!(err, SealError::Malformed { .. }),
            "{stored}: {err:?}"
        );
        let msg = err.to_string();
        assert!(msg.contains(why), "{msg}");
        assert!(msg.starts_with("the `gemini` key of `user_1` is not a valid sealed value"));
        assert!(!msg.contains(CANARY) && !msg.contains("AAAA"), "{msg}");
    }
}

#[test]
fn non_utf8_plaintext_is_malformed() {
    let (key, u, p) = (fixed_key(1), user("user_1"), prov("gemini"));
    let nonce = XNonce::from([9u8; NONCE_LEN]);
    let aad = associated_data(&u, &p);
    let bad: &[u8] = &[0xff, 0xfe, 0x80];
    let ct = key
        .cipher()
        .encrypt(
            &nonce,
            Payload {
                msg: bad,
                aad: &aad,
            },
        )
        .unwrap();
    let stored = reencode(&[nonce.as_slice(), &ct].concat());
    let err = open(&key, &u, &p, &stored).unwrap_err();
    assert!(err.to_string().contains("invalid UTF-8"), "{err}");
}

#[test]
fn master_key_accepts_padded_unpadded_and_surrounding_whitespace() {
    let key = MasterKey::generate();
    let text = key.to_base64();
    assert_eq!(text.len(), 44);
    assert!(text.ends_with('='));
    let unpadded = text.trim_end_matches('=');
    for input in [
        text.as_str().to_owned(),
        unpadded.to_owned(),
        format!("  {}\n", text.as_str()),
        format!("\t{unpadded}\r\n"),
    ] {
        let parsed = MasterKey::from_base64(&input).unwrap();
        assert_eq!(parsed.key_id(), key.key_id());
        assert_eq!(*parsed.to_base64(), *text);
    }
}

#[test]
fn master_key_errors_never_quote_the_input() {
    let long = STANDARD.encode([b'Q'; 64]);
    let cases = [
        (STANDARD.encode(b"CANARYCANARYCANA"), "16 bytes"),
        (STANDARD.encode([b'Q'; KEY_LEN + 1]), "33 bytes"),
        (long, "more than 32 bytes"),
        (
            format!("CANARY{}", "-".repeat(38)),
            "not valid standard base64",
        ),
        ("CANARY in the key".to_owned(), "not valid standard base64"),
        ("   ".to_owned(), "0 bytes"),
    ];
    for (input, why) in cases {
        let err = MasterKey::from_base64(&input).unwrap_err();
        assert!(matches!(err, SealError::InvalidMasterKey { .. }));
        let msg = err.to_string();
        assert!(msg.starts_with("invalid master key: "), "{msg}");
        assert!(msg.contains(why), "{msg}");
        assert!(!msg.contains("CANARY") && !msg.contains("UVFR"), "{msg}");
        assert!(
            !msg.contains(input.trim()) || input.trim().is_empty(),
            "{msg}"
        );
    }
}

#[test]
fn generated_keys_differ_and_key_ids_tell_them_apart() {
    let (a, b) = (MasterKey::generate(), MasterKey::generate());
    assert_ne!(*a.to_base64(), *b.to_base64());
    assert_ne!(a.key_id(), b.key_id());
    assert_eq!(a.key_id().len(), 8);
    assert!(a.key_id().bytes().all(|c| c.is_ascii_hexdigit()));
    assert_eq!(a.clone().key_id(), a.key_id());
    // SHA-256 of 32 zero bytes starts 66687aad.
    assert_eq!(fixed_key(0).key_id(), "66687aad");
}

#[test]
fn debug_shows_no_key_material() {
    let key = fixed_key(0xab);
    let b64 = key.to_base64();
    let hex: String = "ab".repeat(KEY_LEN);
    let sealer = Sealer::new(Some(key.clone()));
    for shown in [
        format!("{key:?}"),
        format!("{key:#?}"),
        format!("{sealer:?}"),
        format!("{:?}", Sealer::new(None)),
    ] {
        assert!(!shown.contains(b64.as_str()), "{shown}");
        assert!(!shown.contains(&b64[..8]), "{shown}");
        assert!(!shown.contains(&hex[..8]), "{shown}");
    }
    assert!(format!("{sealer:?}").contains(&key.key_id()));
}
