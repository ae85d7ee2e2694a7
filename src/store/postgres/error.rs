//! Maps postgres errors onto [`StoreError`] in one function, [`classify`], so the conformance
//! suite asserts the same variants as on SQLite and the CLI's exit codes follow.
//!
//! Messages are one line and carry the cause chain (the driver's top-level text alone, "error
//! connecting to server", says nothing). A server error contributes its message and SQLSTATE
//! but never its DETAIL, which can quote a whole row and so an API key. Passwords never reach
//! a message: the driver does not print them, and callers name the database by its redacted
//! URL only.

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
/// are conflicts; unreachable servers, refused logins, missing databases, TLS failures,
/// timeouts and lock timeouts are unavailability; everything else is a backend error.
pub(crate) fn classify(e: &postgres::Error) -> StoreError {
    let reason = reason(e);
    if let Some(code) = e.code() {
        return match code {
            c if *c == SqlState::UNIQUE_VIOLATION || *c == SqlState::FOREIGN_KEY_VIOLATION => {
                StoreError::Conflict(reason)
            }
            c if unavailable_code(c) => StoreError::Unavailable(reason),
            _ => StoreError::Backend(reason),
        };
    }
    let top = e.to_string();
    if e.is_closed() || UNREACHABLE.contains(&top.as_str()) || has_io_source(e) {
        StoreError::Unavailable(reason)
    } else {
        StoreError::Backend(reason)
    }
}

/// Connection exceptions (08), refused logins (28), a missing database (3D000), exhausted
/// server resources (53), shutdowns (57P01–57P03), lock timeouts (55P03) and cancelled
/// statements (57014, a statement timeout).
fn unavailable_code(code: &SqlState) -> bool {
    let text = code.code();
    text.starts_with("08")
        || text.starts_with("28")
        || text.starts_with("53")
        || text.starts_with("57P")
        || *code == SqlState::INVALID_CATALOG_NAME
        || *code == SqlState::LOCK_NOT_AVAILABLE
        || *code == SqlState::QUERY_CANCELED
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
    fn codes_that_mean_unavailable() {
        for code in [
            SqlState::INVALID_PASSWORD,
            SqlState::INVALID_AUTHORIZATION_SPECIFICATION,
            SqlState::INVALID_CATALOG_NAME,
            SqlState::LOCK_NOT_AVAILABLE,
            SqlState::CONNECTION_FAILURE,
            SqlState::TOO_MANY_CONNECTIONS,
            SqlState::ADMIN_SHUTDOWN,
            SqlState::CANNOT_CONNECT_NOW,
        ] {
            assert!(unavailable_code(&code), "{}", code.code());
        }
        for code in [
            SqlState::UNIQUE_VIOLATION,
            SqlState::SYNTAX_ERROR,
            SqlState::UNDEFINED_TABLE,
        ] {
            assert!(!unavailable_code(&code), "{}", code.code());
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
