//! Maps postgres errors onto [`StoreError`] in one function, [`classify`], so the conformance
//! suite asserts the same variants as on SQLite and the CLI's exit codes follow.
//!
//! Messages are one line and carry the cause chain (the driver's top-level text alone, "error
//! connecting to server", says nothing). A server error contributes its message and SQLSTATE
//! but never its DETAIL, which can quote a whole row and so an API key. Passwords never reach
//! a message: the driver does not print them, and callers name the database by its redacted
//! URL only.
//!
//! Conditions of the server rather than of the request — read-only, out of disk, memory or
//! connections, I/O errors, shutdowns, connection failures, lock timeouts, deadlocks and
//! serialization failures — are [`StoreError::Unavailable`] (exit 5), the message led by
//! what the condition is in words ([`unavailable`]), so an operator reading one line knows
//! whether to retry, wait or call the DBA.

use std::error::Error as StdError;

use postgres::error::SqlState;

use crate::store::StoreError;

/// The driver's top-level texts (tokio-postgres does not expose its error kind) that mean the
/// server could not be reached, spoken to, or authenticated against.
const UNREACHABLE: [&str; 8] = [
    "error connecting to server",
    "error performing TLS handshake",
    "timeout waiting for server",
    "authentication error",
    "error communicating with the server",
    "connection closed",
    "invalid connection string",
    "invalid configuration",
];

/// The one mapping from a driver error to a store error: unique and foreign-key violations
/// are conflicts; the server conditions of [`unavailable`] (and unreachable servers, refused
/// logins, TLS failures, timeouts) are unavailability, with a message that says which;
/// everything else is a backend error.
pub(crate) fn classify(e: &postgres::Error) -> StoreError {
    if let Some(code) = e.code() {
        return by_code(code, reason(e));
    }
    let reason = reason(e);
    let top = e.to_string();
    if e.is_closed() || UNREACHABLE.contains(&top.as_str()) || has_io_source(e) {
        StoreError::Unavailable(reason)
    } else {
        StoreError::Backend(reason)
    }
}

/// [`classify`] of a server error with SQLSTATE `code` and one-line `reason`.
fn by_code(code: &SqlState, reason: String) -> StoreError {
    if *code == SqlState::UNIQUE_VIOLATION || *code == SqlState::FOREIGN_KEY_VIOLATION {
        return StoreError::Conflict(reason);
    }
    match unavailable(code) {
        Some(what) => StoreError::Unavailable(format!("{what}: {reason}")),
        None => StoreError::Backend(reason),
    }
}

/// What an SQLSTATE that makes the database unavailable means, in words (the message then
/// adds the server's text and the code); `None` for every other code. These are conditions
/// of the server or of concurrency, not of the request, so the CLI exits 5 for them, and
/// the ones marked "try again" may well pass on a second run.
pub(crate) fn unavailable(code: &SqlState) -> Option<&'static str> {
    Some(match code.code() {
        // A hot standby, or `default_transaction_read_only`.
        "25006" => "the database is read-only",
        "53100" => "the database server's disk is full",
        "53200" => "the database server is out of memory",
        "53300" => "the database server has too many connections",
        "58030" => "the database server had an I/O error",
        "57P01" => "the database server is shutting down or ended the session",
        "57P02" => "the database server crashed",
        "57P03" => "the database server is not accepting connections yet",
        // A statement timeout, or a cancel request.
        "57014" => "the statement was cancelled",
        "55P03" => "timed out waiting for a lock",
        "40P01" => "a deadlock with another transaction; try again",
        "40001" => "a concurrent transaction conflicted (serialization failure); try again",
        "3D000" => "the database does not exist",
        c if c.starts_with("53") => "the database server is out of resources",
        c if c.starts_with("08") => "the connection to the database failed",
        c if c.starts_with("28") => "the database refused the login",
        c if c.starts_with("57P") => "the database server is unavailable",
        _ => return None,
    })
}

fn has_io_source(e: &postgres::Error) -> bool {
    let mut source = e.source();
    while let Some(s) = source {
        if s.is::<std::io::Error>() {
            return true;
        }
        source = s.source();
    }
    false
}

/// One line: the driver's text, then each cause not already said, joined by `: `. A server
/// error is its message and SQLSTATE.
pub(crate) fn reason(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return one_line(&format!("{} (SQLSTATE {})", db.message(), db.code().code()));
    }
    chain(e)
}

/// The cause chain of any error as one line, skipping causes whose text is already present.
pub(crate) fn chain(e: &(dyn StdError + 'static)) -> String {
    let mut out = e.to_string();
    let mut source = e.source();
    while let Some(s) = source {
        let text = s.to_string();
        if !text.is_empty() && !out.contains(&text) {
            out.push_str(": ");
            out.push_str(&text);
        }
        source = s.source();
    }
    one_line(&out)
}

fn one_line(text: &str) -> String {
    text.split(['\n', '\r'])
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("; ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chains_are_one_line() {
        assert_eq!(one_line("a\nDETAIL: b\r\n"), "a; DETAIL: b");
        let io = std::io::Error::other("refused");
        assert_eq!(chain(&io), "refused");
    }

    #[test]
    fn storage_and_concurrency_codes_are_unavailable_with_a_clear_message() {
        let cases = [
            ("53100", "the database server's disk is full"),
            ("53200", "the database server is out of memory"),
            ("53300", "the database server has too many connections"),
            ("53400", "the database server is out of resources"),
            ("58030", "the database server had an I/O error"),
            ("25006", "the database is read-only"),
            (
                "57P01",
                "the database server is shutting down or ended the session",
            ),
            ("57P02", "the database server crashed"),
            (
                "57P03",
                "the database server is not accepting connections yet",
            ),
            ("08006", "the connection to the database failed"),
            ("08P01", "the connection to the database failed"),
            ("55P03", "timed out waiting for a lock"),
            ("40P01", "a deadlock with another transaction; try again"),
            (
                "40001",
                "a concurrent transaction conflicted (serialization failure); try again",
            ),
            ("28P01", "the database refused the login"),
            ("3D000", "the database does not exist"),
            ("57014", "the statement was cancelled"),
        ];
        for (code, what) in cases {
            let reason = format!("server text (SQLSTATE {code})");
            match by_code(&SqlState::from_code(code), reason.clone()) {
                StoreError::Unavailable(m) => assert_eq!(m, format!("{what}: {reason}")),
                other => panic!("{code}: {other:?}"),
            }
        }
    }

    #[test]
    fn request_errors_are_not_unavailable() {
        let conflict = by_code(&SqlState::UNIQUE_VIOLATION, "dup".into());
        assert!(matches!(conflict, StoreError::Conflict(_)), "{conflict:?}");
        for code in ["42601", "42P01", "22012", "23514", "XX000"] {
            let mapped = by_code(&SqlState::from_code(code), "x".into());
            assert!(
                matches!(mapped, StoreError::Backend(_)),
                "{code}: {mapped:?}"
            );
        }
    }

    #[test]
    fn a_bad_connection_string_is_unavailable_without_the_password() {
        let err = "postgres://u:hunter2@h:notaport/db"
            .parse::<postgres::Config>()
            .expect_err("bad port");
        let mapped = classify(&err);
        assert!(matches!(mapped, StoreError::Unavailable(_)), "{mapped:?}");
        assert!(!mapped.to_string().contains("hunter2"));
    }
}
