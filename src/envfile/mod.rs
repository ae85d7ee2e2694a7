//! The `.env` editor used in local mode (PRODUCT.md "API keys and local mode"), in ALwrity's
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
use entries::Entry;

pub use error::EnvFileError;
pub use journal::{pending_intents, Intent, IntentAction};
pub use write::{lock, update, update_locked, EnvLock, UpdateReport, FAIL_BEFORE_RENAME_ENV};

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

    /// The text with `var` set to `encoded` (or removed when `None`): the first statement
    /// of `var` replaced, the others dropped, or a new one appended.
    fn render_with(&self, var: &str, encoded: Option<&str>) -> Zeroizing<String> {
        let first = self.entries.iter().position(|e| e.key() == Some(var));
        let mut parts: Vec<Zeroizing<String>> = Vec::with_capacity(self.entries.len() + 2);
        for (i, entry) in self.entries.iter().enumerate() {
            match (entry.key() == Some(var), encoded) {
                (false, _) => parts.push(entry.text.clone()),
                (true, Some(enc)) if Some(i) == first => {
                    parts.push(assignment(Some(entry), var, enc, self.newline()));
                }
                (true, _) => {}
            }
        }
        if let (None, Some(enc)) = (first, encoded) {
            let open = parts.last().is_some_and(|p| !p.ends_with(['\n', '\r']));
            if open {
                parts.push(Zeroizing::new(self.newline().to_owned()));
            }
            parts.push(assignment(None, var, enc, self.newline()));
        }
        concat(&parts.iter().map(|p| p.as_str()).collect::<Vec<_>>())
    }

    /// `Err(line)` unless `text` reads as `before` for every other statement and assigns
    /// `var` exactly once with `value` (or not at all for a removal).
    fn verify(
        &self,
        before: &[entries::Signature],
        text: &str,
        var: &str,
        value: Option<&Secret>,
    ) -> Result<(), usize> {
        let after = entries::signatures(text, var);
        if let Some(line) = entries::first_difference(before, &after) {
            return Err(line);
        }
        let bindings = dialect::parse(text);
        let targets: Vec<_> = bindings
            .iter()
            .filter(|b| b.assign().is_some_and(|a| a.key == var))
            .collect();
        let Some(value) = value else {
            return if targets.is_empty() {
                Ok(())
            } else {
                Err(targets[0].line)
            };
        };
        let [target] = targets[..] else {
            return Err(targets.first().map_or(1, |b| b.line));
        };
        let python = target
            .assign()
            .and_then(|a| a.value.as_ref())
            .is_some_and(|v| v.as_str() == value.expose());
        if python && dotenvy_reads(&text[target.body.clone()], var, value) {
            Ok(())
        } else {
            Err(target.line)
        }
    }

    /// Refuses when a statement python-dotenv cannot read looks like an assignment of `var`.
    fn check_conflicts(&self, var: &str) -> Result<(), EnvFileError> {
        for entry in &self.entries {
            if !matches!(entry.kind, Some(dialect::Kind::Error)) {
                continue;
            }
            for (line, text) in dialect::lines(&entry.text, entry.line) {
                if entries::mentions(text, var) {
                    let reason = "python-dotenv cannot read this line, which sh or dotenvy \
                                  may read as an assignment of it";
                    return Err(self.conflict(line, var, reason));
                }
            }
        }
        Ok(())
    }

    /// A byte-order mark glued to `var` on line 1 makes python-dotenv read another name
    /// there; that line is left alone (it is not `var` for ALwrity), with a warning.
    fn note_bom(&mut self, var: &str) {
        let glued = self
            .entries
            .first()
            .and_then(Entry::key)
            .and_then(|k| k.strip_prefix(BOM));
        if glued == Some(var) {
            self.warnings.push(format!(
                "`{}` line 1: a byte-order mark is glued to `{var}`, so python-dotenv (ALwrity) \
                 reads another name there; that line is left as it is",
                self.path.display()
            ));
        }
    }

    fn conflict(&self, line: usize, var: &str, reason: &'static str) -> EnvFileError {
        EnvFileError::Conflict {
            path: self.path.clone(),
            line,
            var: var.to_owned(),
            reason,
        }
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

/// The text of `var=encoded`, keeping the plain indentation, `export ` prefix, trailing
/// comment and line break of the statement it replaces, if any. A lone CR (a line break for
/// python-dotenv only) becomes the file's newline.
fn assignment(old: Option<&Entry>, var: &str, encoded: &str, newline: &str) -> Zeroizing<String> {
    let Some(old) = old else {
        return concat(&[var, "=", encoded, newline]);
    };
    let export = if old.assign().is_some_and(|a| a.export) {
        "export "
    } else {
        ""
    };
    let (space, comment) = old.comment_text().map_or(("", ""), |c| (" ", c));
    // `KEY= # c` would read `# c` in python-dotenv: an empty value before a comment is `''`.
    let encoded = if encoded.is_empty() && !comment.is_empty() {
        "''"
    } else {
        encoded
    };
    let end = match old.terminator() {
        "\r" => newline,
        other => other,
    };
    concat(&[
        old.plain_indent(),
        export,
        var,
        "=",
        encoded,
        space,
        comment,
        end,
    ])
}

/// Joins `parts` into one exactly-sized zeroizing buffer (no reallocation leaves copies).
fn concat(parts: &[&str]) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(parts.iter().map(|p| p.len()).sum()));
    parts.iter().for_each(|p| out.push_str(p));
    out
}

/// Whether dotenvy reads the statement `text` alone as exactly `var` = `value`: a last line
/// of defence against writing a value one of the readers would mangle.
fn dotenvy_reads(text: &str, var: &str, value: &Secret) -> bool {
    let mut items = dotenvy::from_read_iter(text.as_bytes());
    let first = match items.next() {
        Some(Ok((k, v))) => k == var && Zeroizing::new(v).as_str() == value.expose(),
        _ => false,
    };
    first && items.next().is_none()
}
