//! Import of ALwrity's legacy JSON progress files (docs/ALWRITY.md "Legacy progress files"):
//! naming the owner from the file name, parsing the file into a raw model ([`LegacyProgress`]) and
//! mapping that model onto our records ([`LegacyImport`]). Pure: no store, no clock (the caller
//! passes `now`); the only I/O is [`load`], a convenience that reads one path.
//!
//! Decisions where docs/ALWRITY.md and docs/RULES.md are silent or disagree:
//! * File names: the per-user name holds the *sanitised* id ("Legacy file names":
//!   characters outside `[A-Za-z0-9_-]` became `_`), which cannot be reversed, so the id is taken
//!   verbatim from the name. Some writers used the unsanitised id; that is taken verbatim too.
//! * Naive timestamps were written in the writing machine's local time, whose zone is unknown.
//!   They are read as UTC unless [`parse_with_offset`] is given another offset (for a future
//!   `--assume-utc-offset`). Values with `Z` or an offset keep their own.
//! * Strictness follows the original loader: missing keys take the "Legacy loading" defaults,
//!   unknown keys are ignored, a `null` value counts as missing, but an unknown status (including
//!   `failed`, which the legacy enum lacked), a wrong JSON type or an unreadable timestamp rejects
//!   the whole file: a file is imported entirely or not at all.
//! * Secrets: every string under an `api_keys` key (any step, any depth) and every string of
//!   step 1's data (the key step) except the early placeholder's `timestamp` is replaced by its
//!   mask while parsing, so no plaintext key reaches `onboarding_steps.data`, a warning, an
//!   error or a `Debug` dump. Step 1's `api_keys` values are kept aside as [`Secret`]s.
//!
//! The mapping rules are documented on [`to_import`].
//!
//! [`Secret`]: super::secret::Secret

use std::path::Path;

use time::UtcOffset;

use super::ids::UserId;

mod map;
mod mask;
mod parse;

pub use map::{to_import, LegacyImport};
pub use parse::{parse, parse_with_offset, LegacyProgress, LegacyStep};

/// Whether `first_line`, the first non-blank line of an input given to `import`, is the
/// start of a legacy progress file rather than an NDJSON line: `{` alone (the file is
/// pretty-printed, as ALwrity wrote it), or an object with the legacy `last_updated` key, or
/// with `steps` but no `user_id` (export lines always name their user).
pub fn looks_like_progress_file(first_line: &str) -> bool {
    let line = first_line.trim();
    if line == "{" {
        return true;
    }
    match serde_json::from_str::<serde_json::Value>(line) {
        Ok(serde_json::Value::Object(m)) => {
            m.contains_key("last_updated")
                || (m.contains_key("steps") && !m.contains_key("user_id"))
        }
        _ => false,
    }
}

/// Why a legacy file cannot be imported. No message contains a key value.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum LegacyError {
    /// The file is not valid JSON.
    #[error("malformed json at line {line}, column {column}: {msg}")]
    Json {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// What is wrong, without the position.
        msg: String,
    },
    /// Valid JSON, but a value has the wrong type or the top level is not an object.
    #[error("unexpected file layout: {0}")]
    Shape(String),
    /// A step status the legacy enum did not have (`failed`, a typo, another casing).
    #[error("step {step} has the status `{status}`; legacy files know only pending, in_progress, completed and skipped")]
    UnknownStatus {
        /// The step number (1–6).
        step: u8,
        /// The status as written (shortened when long).
        status: String,
    },
    /// A timestamp that is not ISO-8601.
    #[error("`{field}` is not an iso-8601 timestamp: `{value}`")]
    BadTimestamp {
        /// Where it was, e.g. `started_at` or `steps[2].completed_at`.
        field: String,
        /// The value as written (shortened when long).
        value: String,
    },
    /// The file names no user (the global file) and none was given.
    #[error("this file names no user; give the owner with --user")]
    NeedUser,
    /// The user id taken from the file name is not a valid user id.
    #[error("the user id in the file name is not valid: {0}")]
    BadUserId(String),
    /// The file could not be read ([`load`] only).
    #[error("cannot read the file: {0}")]
    Io(String),
}

/// What a file name says about the owner of a legacy progress file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UserIdHint {
    /// `.onboarding_progress_<id>.json`: the id as written in the name.
    PerUser(String),
    /// `.onboarding_progress.json`, the single global file (or a per-user name with an empty
    /// id): the owner must be given (`--user`).
    Global,
    /// Not a legacy progress file name.
    NotLegacy,
}

const PREFIX: &str = ".onboarding_progress";
const SUFFIX: &str = ".json";

/// Classifies a file name (a path is accepted; only its last component counts). Matching is
/// case-sensitive, as the original wrote the names. The id is returned verbatim: the
/// sanitisation of "Legacy file names" cannot be undone.
pub fn user_from_file_name(name: &str) -> UserIdHint {
    let base = Path::new(name)
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    let Some(middle) = base
        .strip_prefix(PREFIX)
        .and_then(|rest| rest.strip_suffix(SUFFIX))
    else {
        return UserIdHint::NotLegacy;
    };
    if middle.is_empty() {
        return UserIdHint::Global;
    }
    match middle.strip_prefix('_') {
        Some("") => UserIdHint::Global,
        Some(id) => UserIdHint::PerUser(id.to_owned()),
        None => UserIdHint::NotLegacy,
    }
}

/// The owner of a file: the id in a per-user name (an explicit `given` user does not override
/// it, so importing a directory with `--user` cannot pour every file into one user); otherwise
/// `given`, or [`LegacyError::NeedUser`]. A non-legacy name explicitly given by the operator is
/// treated like the global file.
pub fn resolve_user(hint: &UserIdHint, given: Option<&UserId>) -> Result<UserId, LegacyError> {
    match hint {
        UserIdHint::PerUser(id) => id
            .parse()
            .map_err(|e: super::ids::ParseError| LegacyError::BadUserId(e.0)),
        UserIdHint::Global | UserIdHint::NotLegacy => given.cloned().ok_or(LegacyError::NeedUser),
    }
}

/// Reads and parses one file ([`parse_with_offset`]).
pub fn load(path: &Path, assume_offset: UtcOffset) -> Result<LegacyProgress, LegacyError> {
    let bytes = std::fs::read(path).map_err(|e| LegacyError::Io(e.to_string()))?;
    parse_with_offset(&bytes, assume_offset)
}

/// At most 40 characters of `s`, control characters escaped: for echoing file content in a
/// message without flooding it.
fn short(s: &str) -> String {
    let mut out: String = s.chars().take(40).flat_map(char::escape_debug).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_import;
