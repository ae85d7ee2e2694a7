//! The rules that are `doctor`'s own: the file-mode threshold, journal modes from the file
//! header and which is wrong for which database, and what counts as clean.

use super::*;

fn header(write: u8, read: u8) -> Vec<u8> {
    let mut h = b"SQLite format 3\0".to_vec();
    h.extend_from_slice(&[0x10, 0x00, write, read]);
    h.resize(100, 0);
    h
}

#[test]
fn header_bytes_say_wal_or_rollback() {
    assert_eq!(
        JournalMode::from_header(&header(2, 2)),
        Some(JournalMode::Wal)
    );
    assert_eq!(
        JournalMode::from_header(&header(1, 1)),
        Some(JournalMode::Rollback)
    );
    assert_eq!(JournalMode::from_header(b""), None);
    assert_eq!(JournalMode::from_header(&[0; 100]), None);
}

#[test]
fn any_group_or_other_bit_is_open() {
    assert!(!open_to_others(0o600));
    assert!(!open_to_others(0o400));
    assert!(open_to_others(0o640));
    assert!(open_to_others(0o604));
    assert!(open_to_others(0o644));
}

#[test]
fn only_onboardctls_own_file_must_be_wal() {
    assert!(journal_rule(false, "a.db", JournalMode::Rollback).is_some());
    assert!(journal_rule(false, "a.db", JournalMode::Wal).is_none());
    // ALwrity's rollback journal is ALwrity's; WAL there was asked for (`db migrate --wal`).
    assert!(journal_rule(true, "a.db", JournalMode::Rollback).is_none());
    assert!(journal_rule(true, "a.db", JournalMode::Wal).is_none());
}

#[test]
fn info_alone_is_clean() {
    let mut r = Report::default();
    r.check("schema", vec![not_attached(None)], None);
    assert!(r.is_clean());
    r.check("keys", vec![key_format("u", "gemini", "too short")], None);
    assert!(!r.is_clean());
    assert_eq!(r.count(Severity::Warning), 1);
    assert_eq!(r.checks[1].status, CheckStatus::Found);
}

#[test]
fn fixes_quote_what_a_shell_would_split() {
    let f = env_drift("o'brien", "GEMINI_API_KEY", ".env", true);
    assert_eq!(f.fix, "onboardctl env sync 'o'\\''brien'");
    assert_eq!(
        loose_mode("env_file_mode", ".env", "my env", 0o644).fix,
        "chmod 600 'my env'"
    );
}
