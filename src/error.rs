//! The application error: a kind that decides the exit code (README "Exit codes"), a
//! one-line message, optional detail lines (e.g. every failed validation rule) and an optional
//! hint. Mapped to an exit code in exactly one place, [`ErrorKind::exit_code`].

use std::fmt;

use crate::config::{DotenvError, SettingsError, UrlError};
pub use crate::domain::shell_word;
use crate::envfile::EnvFileError;
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
    /// Every kind, in exit-code order.
    pub const ALL: [ErrorKind; 7] = [
        ErrorKind::Unexpected,
        ErrorKind::Usage,
        ErrorKind::NotFound,
        ErrorKind::Precondition,
        ErrorKind::Unavailable,
        ErrorKind::CheckFailed,
        ErrorKind::Cancelled,
    ];

    /// A few words for the exit-code list of `--help`.
    pub fn summary(self) -> &'static str {
        match self {
            ErrorKind::Unexpected => "unexpected",
            ErrorKind::Usage => "usage",
            ErrorKind::NotFound => "not found",
            ErrorKind::Precondition => "precondition or validation",
            ErrorKind::Unavailable => "database unavailable",
            ErrorKind::CheckFailed => "check found a difference",
            ErrorKind::Cancelled => "cancelled",
        }
    }

    /// The exit-code line of `--help`, generated from [`ErrorKind::ALL`].
    pub fn help_footer() -> String {
        let codes: Vec<String> = Self::ALL
            .iter()
            .map(|k| format!("{} {}", k.exit_code(), k.summary()))
            .collect();
        format!("Exit codes: 0 ok, {}.", codes.join(", "))
    }

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

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// A bad `ONBOARDCTL_REQUIRED_PROVIDERS` is a usage error (exit 2); a bad master key is exit
/// 4, with how to make one, and never quoted.
impl From<SettingsError> for Error {
    fn from(e: SettingsError) -> Error {
        match e {
            SettingsError::RequiredProviders(_) => Error::usage(e.to_string()),
            SettingsError::MasterKey(_) => Error::precondition(e.to_string()).with_hint(
                "a master key is 32 random bytes in base64; `head -c32 /dev/urandom | base64` \
                 makes one",
            ),
        }
    }
}

/// A database URL that cannot be parsed is a usage error.
impl From<UrlError> for Error {
    fn from(e: UrlError) -> Error {
        Error::usage(e.to_string())
    }
}

/// A `.env` line onboardctl reads that python-dotenv cannot read either is a usage error.
impl From<DotenvError> for Error {
    fn from(e: DotenvError) -> Self {
        Error::usage(e.to_string())
            .with_hint("fix that line (python-dotenv cannot read it either), or pass --no-dotenv")
    }
}

/// Every `.env` failure is exit 4 (docs/RULES.md: "if the file cannot be written, the command
/// fails with exit 4"). The OS cause is folded into the one-line message.
impl From<EnvFileError> for Error {
    fn from(e: EnvFileError) -> Self {
        let message = match &e {
            EnvFileError::Io { source, .. } => format!("{e}: {source}"),
            _ => e.to_string(),
        };
        let error = Error::precondition(message);
        match e {
            EnvFileError::Symlink { .. } => {
                error.with_hint("pass the link's target with --env-file")
            }
            EnvFileError::Malformed { .. } | EnvFileError::Conflict { .. } => {
                error.with_hint("fix that line by hand, or choose another file with --env-file")
            }
            EnvFileError::ReadOnly { .. } => {
                error.with_hint("make it writable (`chmod u+w`) if it should change")
            }
            _ => error,
        }
    }
}

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

    /// The README's exit-code table names exactly the codes [`ErrorKind`] has (and 0), in
    /// order, and `--help` lists the same.
    #[test]
    fn the_readme_exit_code_table_matches_the_kinds() {
        let readme = include_str!(concat!(env!("CARGO_MANIFEST_DIR"), "/README.md"));
        let table = readme
            .split("\n## Exit codes\n")
            .nth(1)
            .expect("a README section `## Exit codes`");
        let codes: Vec<u8> = table
            .lines()
            .skip_while(|l| !l.starts_with('|'))
            .take_while(|l| l.starts_with('|'))
            .filter_map(|l| {
                l.trim_start_matches('|')
                    .split('|')
                    .next()?
                    .trim()
                    .parse()
                    .ok()
            })
            .collect();
        let mut want = vec![0];
        want.extend(ErrorKind::ALL.iter().map(|k| k.exit_code()));
        assert_eq!(codes, want, "README exit codes");
        let footer = ErrorKind::help_footer();
        for k in ErrorKind::ALL {
            assert!(footer.contains(&format!("{} {}", k.exit_code(), k.summary())));
        }
    }

    /// What the lower layers refuse becomes the documented exit code here.
    #[test]
    fn config_and_envfile_errors_map_to_kinds() {
        assert_eq!(Error::from(UrlError::Empty).kind, ErrorKind::Usage);
        assert_eq!(
            Error::from(SettingsError::RequiredProviders("x".into())).kind,
            ErrorKind::Usage
        );
        let key = Error::from(SettingsError::MasterKey("not base64".into()));
        assert_eq!(key.kind, ErrorKind::Precondition);
        assert!(key.hint.is_some());
        let unusable = DotenvError::Unusable {
            path: ".env".into(),
            line: 1,
            var: "DATABASE_URL".into(),
            reason: "cannot read",
        };
        assert_eq!(Error::from(unusable).kind, ErrorKind::Usage);
        let symlink = EnvFileError::Symlink {
            path: ".env".into(),
        };
        assert_eq!(Error::from(symlink).kind, ErrorKind::Precondition);
    }
}
