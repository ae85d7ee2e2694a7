//! The `.env` editor used in local mode (docs/RULES.md "API keys and local mode"), in ALwrity's
//! dialect: files are read as python-dotenv 1.x reads them ([`dialect`], [`expand`]), the
//! grammar the `.env` loader in `config` shares.
//!
//! An edit changes the target variable's statements and nothing else: every line
//! python-dotenv accepts, comments, blank lines, order, `export ` prefixes, other variables,
//! line endings and a byte-order mark stay byte-for-byte, and none is a reason to refuse. A
//! variable assigned several times (python-dotenv: the last one wins) collapses to one
//! statement at its first position, so no stale copy stays visible. Values are quoted so that
//! python-dotenv, dotenvy and a POSIX shell all read them back exactly (`quote.rs`, which also
//! says which few values have no such spelling and are refused). After each edit the file is
//! parsed again and the edit is kept only if python-dotenv reads every other statement as
//! before and the target exactly once with the new value (an unclosed quote earlier in the
//! file could otherwise swallow the new text); the written statement is also read back with
//! dotenvy. A statement python-dotenv cannot read that looks like an assignment of the target
//! (sh or dotenvy may read one there) is refused, naming its line.
//!
//! [`update`] does the whole locked, atomic read-modify-write; [`lock`] and
//! [`update_locked`] split it so a caller can hold the lock across other work, and the
//! intent journal ([`EnvLock::begin_intent`], [`pending_intents`]) records a change in flight.

pub mod dialect;
mod edit;
mod entries;
mod error;
pub mod expand;
mod journal;
mod quote;
mod write;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;
use std::path::{Path, PathBuf};

use zeroize::Zeroizing;

use crate::domain::Secret;
use edit::concat;
use entries::Entry;

pub use error::EnvFileError;
pub use journal::{pending_intents, Intent, IntentAction};
pub use write::{
    lock, restore_locked, snapshot_locked, update, update_locked, EnvLock, UpdateReport,
    FAIL_BEFORE_RENAME_ENV,
};

const BOM: char = '\u{feff}';

/// One change for [`update`].
#[derive(Debug, Clone)]
pub enum Edit {
    /// Insert or replace `VAR=value`.
    Set(String, Secret),
    /// Delete every assignment of the variable.
    Remove(String),
}

/// A parsed `.env` file that can be edited in memory and rendered back. Entry text is held in
/// zeroizing buffers since other variables' values live in it.
#[derive(Default)]
pub struct EnvFile {
    path: PathBuf,
    entries: Vec<Entry>,
    warnings: Vec<String>,
}

impl EnvFile {
    /// Reads and parses `path`; a missing file is an empty one. Symbolic links are followed
    /// (reading is harmless; [`update`] refuses to write through one).
    pub fn load(path: &Path) -> Result<EnvFile, EnvFileError> {
        match std::fs::read(path) {
            Ok(bytes) => EnvFile::parse(&Zeroizing::new(bytes), path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(EnvFile::empty(path)),
            Err(e) => Err(EnvFileError::io("read", path)(e)),
        }
    }

    /// An empty file that will be written to `path` (named in errors only).
    pub fn empty(path: &Path) -> EnvFile {
        EnvFile {
            path: path.to_owned(),
            ..EnvFile::default()
        }
    }

    /// Parses file contents; `path` only names the file in errors. Refuses (`Malformed`) text
    /// that is not UTF-8 (python-dotenv reads UTF-8 and fails on anything else); any UTF-8
    /// text parses, as it does for python-dotenv.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<EnvFile, EnvFileError> {
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            EnvFileError::Malformed {
                path: path.to_owned(),
                line,
                reason: "not valid UTF-8",
            }
        })?;
        Ok(EnvFile {
            path: path.to_owned(),
            entries: entries::split(text),
            warnings: Vec::new(),
        })
    }

    /// The value of `var` as python-dotenv's `load_dotenv` reads the file (last assignment
    /// wins, `${…}` expanded against the process environment); `None` also for a key without
    /// `=`, which it does not set.
    pub fn get(&self, var: &str) -> Option<Secret> {
        self.vars().remove(var)
    }

    /// Every variable `load_dotenv` would set from the file, with its value.
    pub fn vars(&self) -> BTreeMap<String, Secret> {
        let text = self.render();
        let bindings = dialect::parse(&text);
        let real = |name: &str| std::env::var(name).ok();
        let mut vars = BTreeMap::new();
        for (key, value) in expand::resolve(&bindings, &real) {
            match value {
                Some(v) => _ = vars.insert(key, Secret::new(v.to_string())),
                None => _ = vars.remove(&key),
            }
        }
        vars
    }

    /// Notes for stderr gathered by the edits (never a value).
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// Sets `var` to `value`: the first assignment is replaced in place (keeping its plain
    /// indentation, `export ` prefix, trailing comment and line ending), later ones are
    /// removed; with none, `VAR=value` is appended (after adding a missing final newline).
    pub fn set(&mut self, var: &str, value: &Secret) -> Result<(), EnvFileError> {
        check_name(var)?;
        self.check_conflicts(var)?;
        self.note_bom(var);
        let before = entries::signatures(&self.render(), var);
        let mut line = usize::MAX;
        for encoded in quote::candidates(var, value.expose())? {
            let text = self.render_with(var, Some(&encoded));
            match self.verify(&before, &text, var, Some(value)) {
                Ok(()) => {
                    self.entries = entries::split(&text);
                    return Ok(());
                }
                Err(at) => line = line.min(at),
            }
        }
        Err(self.conflict(
            line,
            var,
            "python-dotenv would read this line differently once the new value is written \
             (a quote it leaves open)",
        ))
    }

    /// Removes every assignment of `var`; whether there was one.
    pub fn remove(&mut self, var: &str) -> Result<bool, EnvFileError> {
        check_name(var)?;
        self.check_conflicts(var)?;
        self.note_bom(var);
        if !self.entries.iter().any(|e| e.key() == Some(var)) {
            return Ok(false);
        }
        let before = entries::signatures(&self.render(), var);
        let text = self.render_with(var, None);
        if let Err(line) = self.verify(&before, &text, var, None) {
            let reason = "python-dotenv would read this line differently without the variable";
            return Err(self.conflict(line, var, reason));
        }
        self.entries = entries::split(&text);
        Ok(true)
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let text = self.render();
        Zeroizing::new(text.as_bytes().to_vec())
    }

    fn render(&self) -> Zeroizing<String> {
        let parts: Vec<&str> = self.entries.iter().map(|e| e.text.as_str()).collect();
        concat(&parts)
    }

    /// The file's line-ending style: that of its first terminated piece; LF for a new file.
    fn newline(&self) -> &'static str {
        match self
            .entries
            .iter()
            .map(Entry::terminator)
            .find(|t| !t.is_empty())
        {
            Some("\r\n") => "\r\n",
            _ => "\n",
        }
    }
}

/// Keys only: the entries hold values.
impl fmt::Debug for EnvFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keys: Vec<&str> = self.entries.iter().filter_map(Entry::key).collect();
        f.debug_struct("EnvFile").field("keys", &keys).finish()
    }
}

/// Reads `path` (missing = empty) into a map of variable to value, for `env diff`.
pub fn read_vars(path: &Path) -> Result<BTreeMap<String, Secret>, EnvFileError> {
    Ok(EnvFile::load(path)?.vars())
}

/// Names python-dotenv, dotenvy and sh all accept as a variable.
fn check_name(var: &str) -> Result<(), EnvFileError> {
    let mut chars = var.chars();
    let head_ok = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_');
    if head_ok && chars.all(|c| c.is_ascii_alphanumeric() || c == '_') {
        Ok(())
    } else {
        Err(EnvFileError::InvalidName {
            var: var.to_owned(),
        })
    }
}
