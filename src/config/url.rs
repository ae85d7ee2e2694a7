//! Database URLs: every form docs/RULES.md "Connecting" accepts, parsed into [`DbUrl`], and
//! printed only in redacted form.
//!
//! Decisions where the spec is silent:
//! - Surrounding whitespace is trimmed; a control character anywhere is an error.
//! - Schemes are case-insensitive, and any `+driver` suffix is ignored for SQLite too
//!   (`sqlite+pysqlite:///x.db`), as SQLAlchemy does.
//! - SQLite paths are taken literally, without percent-decoding (`%20` stays `%20`), exactly as
//!   SQLAlchemy's `make_url` leaves them, so a URL shared with ALwrity names the same file.
//!   `sqlite:/abs.db` (one slash) is the `sqlite:PATH` form with an absolute path.
//!   `sqlite://` (SQLAlchemy's in-memory database), `sqlite://host/…`, an empty path and a
//!   `?query` are errors.
//! - `workspace:PATH` (an ALwrity HEAD workspace: its root, or the `workspace/` folder itself)
//!   takes every path form of SQLite's, by the same rules (`workspace:///rel`,
//!   `workspace:////abs`, `workspace:PATH`), so one rule covers both.
//! - PostgreSQL URLs are split in the sibling module `pg`.

use std::fmt;
use std::path::PathBuf;
use std::str::FromStr;

use super::pg::PgUrl;
use super::redact::redact;

/// The forms an error message lists.
pub const ACCEPTED_FORMS: &str = "`postgres://…`, `postgresql://…`, `postgresql+DRIVER://…`, \
     `sqlite:///relative/path.db`, `sqlite:////absolute/path.db`, `sqlite:path.db` or \
     `workspace:PATH` (an ALwrity workspace)";

/// Why a database URL was refused. Messages never contain a password.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UrlError {
    /// Nothing was given.
    #[error("database URL is empty")]
    Empty,
    /// A newline or other control character (often a paste accident).
    #[error("database URL contains a control character")]
    ControlChar,
    /// No `scheme:` at all; the input is not echoed, it might be a password.
    #[error("database URL has no scheme; expected {forms}", forms = ACCEPTED_FORMS)]
    NoScheme,
    /// A scheme or shape we do not accept; holds the redacted input or just its scheme.
    #[error("unsupported database URL `{0}`; expected {forms}", forms = ACCEPTED_FORMS)]
    Unsupported(String),
    /// A SQLite (or workspace) URL without a usable path.
    #[error(
        "database URL `{url}` {problem}; expected `sqlite:///relative/path.db`, \
         `sqlite:////absolute/path.db`, `sqlite:path.db` or `workspace:PATH`"
    )]
    BadSqlite {
        /// The redacted input.
        url: String,
        /// What is wrong, e.g. "has an empty path".
        problem: &'static str,
    },
    /// An unencoded `@` in the user name or password.
    #[error(
        "database URL has more than one `@` before the host; write `@` in the user name or \
         password as `%40`"
    )]
    AmbiguousAt,
    /// A parameter onboardctl reads has a bad value.
    #[error("bad `{param}` in database URL: {reason}")]
    BadParam {
        /// The parameter.
        param: &'static str,
        /// Why.
        reason: String,
    },
    /// A directory was expected (`ALWRITY_ROOT_DIR`).
    #[error("`{}` is not a directory", .0.display())]
    NotADirectory(PathBuf),
    /// The default location cannot be computed.
    #[error(
        "no default database location: neither `XDG_DATA_HOME` nor `HOME` is set; use \
         `--database-url`"
    )]
    NoDefaultLocation,
    /// An error in the URL from a named source.
    #[error("in `{origin}`: {error}")]
    In {
        /// Where the URL came from.
        origin: super::UrlSource,
        /// What is wrong with it.
        error: Box<UrlError>,
    },
}

/// A parsed database URL. `Debug` and `Display` never show a password.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DbUrl {
    /// A SQLite database file.
    Sqlite(PathBuf),
    /// A PostgreSQL database.
    Postgres(PgUrl),
    /// An ALwrity HEAD workspace (one SQLite file per user): the ALwrity root that holds
    /// `workspace/`, or that folder itself.
    Workspace(PathBuf),
}

impl DbUrl {
    /// Parses any accepted form (docs/RULES.md "Connecting"); see the module docs.
    pub fn parse(input: &str) -> Result<DbUrl, UrlError> {
        let input = input.trim();
        if input.is_empty() {
            return Err(UrlError::Empty);
        }
        if input.chars().any(char::is_control) {
            return Err(UrlError::ControlChar);
        }
        let (scheme, rest) = split_scheme(input).ok_or(UrlError::NoScheme)?;
        match base_scheme(scheme).as_deref() {
            Some("sqlite") => parse_sqlite(input, rest).map(DbUrl::Sqlite),
            Some("workspace") => parse_sqlite(input, rest).map(DbUrl::Workspace),
            Some("postgres" | "postgresql") => match rest.strip_prefix("//") {
                Some(rest) => PgUrl::parse(rest).map(DbUrl::Postgres),
                None => Err(unsupported(input, scheme)),
            },
            _ => Err(unsupported(input, scheme)),
        }
    }

    /// The URL with every password replaced by `***`, safe to print. SQLite URLs are shown
    /// in SQLAlchemy's form, `sqlite:///` followed by the path, which parses back to the same
    /// path.
    pub fn redacted(&self) -> String {
        match self {
            DbUrl::Sqlite(p) => format!("sqlite:///{}", p.display()),
            DbUrl::Workspace(p) => format!("workspace:{}", p.display()),
            DbUrl::Postgres(pg) => pg.redacted(),
        }
    }
}

impl FromStr for DbUrl {
    type Err = UrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        DbUrl::parse(s)
    }
}

impl fmt::Display for DbUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.redacted())
    }
}

/// `scheme` and what follows the first `:`, when the scheme is well-formed (RFC 3986).
fn split_scheme(input: &str) -> Option<(&str, &str)> {
    let (scheme, rest) = input.split_once(':')?;
    let mut chars = scheme.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    let rest_ok = chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c));
    (first_ok && rest_ok).then_some((scheme, rest))
}

/// The lower-cased scheme without a `+driver` suffix; `None` for an empty or odd driver.
fn base_scheme(scheme: &str) -> Option<String> {
    let lower = scheme.to_ascii_lowercase();
    match lower.split_once('+') {
        None => Some(lower),
        Some((base, driver)) => {
            let ok = !driver.is_empty()
                && driver
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_');
            ok.then(|| base.to_owned())
        }
    }
}

fn unsupported(input: &str, scheme: &str) -> UrlError {
    if input.contains("://") {
        UrlError::Unsupported(redact(input))
    } else {
        UrlError::Unsupported(format!("{scheme}:…"))
    }
}

fn parse_sqlite(input: &str, rest: &str) -> Result<PathBuf, UrlError> {
    let bad = |problem| UrlError::BadSqlite {
        url: redact(input),
        problem,
    };
    if rest.contains('?') {
        return Err(bad(
            "has query parameters, which onboardctl does not support",
        ));
    }
    let path = match rest.strip_prefix("//") {
        None => rest,
        Some("") => return Err(bad("names an in-memory database")),
        Some(after) => after.strip_prefix('/').ok_or_else(|| bad("names a host"))?,
    };
    if path.is_empty() {
        return Err(bad("has an empty path"));
    }
    Ok(PathBuf::from(path))
}

#[cfg(test)]
mod tests;
