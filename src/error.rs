//! The application error: a kind that decides the exit code (PRODUCT.md "Exit codes"), a
//! one-line message, optional detail lines (e.g. every failed validation rule) and an optional
//! hint. Mapped to an exit code in exactly one place, [`ErrorKind::exit_code`].

use std::borrow::Cow;
use std::fmt;

use crate::store::StoreError;

/// What went wrong, as the exit-code table names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// 1: a bug, or an error nothing below names.
    Unexpected,
    /// 2: bad flags or arguments.
    Usage,
    /// 3: user, session, key or record not found.
    NotFound,
    /// 4: step validation, incomplete onboarding, bad key format, bad JSON, outdated schema.
    Precondition,
    /// 5: connect, authenticate, TLS, lock timeout.
    Unavailable,
    /// 6: a check found a difference.
    CheckFailed,
    /// 130: cancelled (Ctrl-C at a prompt, or during a bulk command).
    Cancelled,
}

impl ErrorKind {
    /// The process exit code for this kind.
    pub fn exit_code(self) -> u8 {
        match self {
            ErrorKind::Unexpected => 1,
            ErrorKind::Usage => 2,
            ErrorKind::NotFound => 3,
            ErrorKind::Precondition => 4,
            ErrorKind::Unavailable => 5,
            ErrorKind::CheckFailed => 6,
            ErrorKind::Cancelled => 130,
        }
    }
}

/// An error that reaches the user.
#[derive(Debug)]
pub struct Error {
    /// Decides the exit code.
    pub kind: ErrorKind,
    /// One line, lowercase, no trailing period, values in backticks. Never holds a secret.
    pub message: String,
    /// Further lines, e.g. each failed validation rule.
    pub details: Vec<String>,
    /// What to do about it.
    pub hint: Option<String>,
    /// The user a "not found" is about, so the caller can name the database and suggest a
    /// near miss.
    pub missing_user: Option<crate::domain::UserId>,
}

impl Error {
    /// An error of `kind` with `message`.
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Error {
        Error {
            kind,
            message: message.into(),
            details: Vec::new(),
            hint: None,
            missing_user: None,
        }
    }

    /// Exit 3.
    pub fn not_found(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::NotFound, message)
    }

    /// Exit 4.
    pub fn precondition(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Precondition, message)
    }

    /// Exit 2.
    pub fn usage(message: impl Into<String>) -> Error {
        Error::new(ErrorKind::Usage, message)
    }

    /// Adds a hint line.
    pub fn with_hint(mut self, hint: impl Into<String>) -> Error {
        self.hint = Some(hint.into());
        self
    }

    /// Adds detail lines.
    pub fn with_details(mut self, details: Vec<String>) -> Error {
        self.details = details;
        self
    }

    /// The error for a user who has no session.
    pub fn no_session(user: &crate::domain::UserId) -> Error {
        let mut error = Error::not_found(format!("no session for user `{user}`")).with_hint(
            format!("onboardctl session create {}", shell_word(user.as_str())),
        );
        error.missing_user = Some(user.clone());
        error
    }
}

/// `word` as one POSIX shell word, for the commands hints suggest: as it is when it holds
/// only characters no shell treats specially, else in single quotes (`'` written `'\''`).
pub fn shell_word(word: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-.,/:@%+=".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', "'\\''")))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Error {
        match e {
            StoreError::NoSession(user) => Error::no_session(&user),
            StoreError::SchemaOutdated { .. } => {
                Error::precondition(e.to_string()).with_hint("run onboardctl db migrate")
            }
            StoreError::Unavailable(_) => Error::new(ErrorKind::Unavailable, e.to_string()),
            StoreError::Conflict(_) => Error::precondition(e.to_string()),
            StoreError::NotAttached(_) => Error::precondition(e.to_string()).with_hint(
                "run onboardctl db migrate: on an ALwrity database it only adds onboardctl's own \
                 tables (nothing ALwrity reads changes)",
            ),
            StoreError::Backend(_) => Error::new(ErrorKind::Unexpected, e.to_string()),
        }
    }
}

/// Result with the application error.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// The error of an input path that does not exist (exit 4): `no such file `PATH``.
pub fn no_such_file(path: &std::path::Path) -> Error {
    Error::precondition(format!("no such file `{}`", path.display()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_match_the_table() {
        let table = [
            (ErrorKind::Unexpected, 1),
            (ErrorKind::Usage, 2),
            (ErrorKind::NotFound, 3),
            (ErrorKind::Precondition, 4),
            (ErrorKind::Unavailable, 5),
            (ErrorKind::CheckFailed, 6),
            (ErrorKind::Cancelled, 130),
        ];
        for (kind, code) in table {
            assert_eq!(kind.exit_code(), code, "{kind:?}");
        }
    }

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(shell_word("user_2abc"), "user_2abc");
        assert_eq!(shell_word("sqlite:/tmp/a-b.db"), "sqlite:/tmp/a-b.db");
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word("o'brien"), "'o'\\''brien'");
        assert_eq!(shell_word("$(rm -rf ~)"), "'$(rm -rf ~)'");
        assert_eq!(shell_word("u:***@h"), "'u:***@h'");
        assert_eq!(shell_word("~x"), "'~x'");
    }

    #[test]
    fn store_errors_map_to_kinds() {
        let user: crate::domain::UserId = "u1".parse().unwrap();
        assert_eq!(
            Error::from(StoreError::NoSession(user)).kind,
            ErrorKind::NotFound
        );
        assert_eq!(
            Error::from(StoreError::SchemaOutdated { pending: 1 }).kind,
            ErrorKind::Precondition
        );
        assert_eq!(
            Error::from(StoreError::Unavailable("x".into())).kind,
            ErrorKind::Unavailable
        );
    }
}
