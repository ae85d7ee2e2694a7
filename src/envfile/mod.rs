//! The `.env` editor used in local mode (PRODUCT.md "API keys and local mode"); dotenvy only
//! reads. An edit changes the target variable's entry and nothing else: comments, blank lines,
//! order, `export ` prefixes, other variables and line endings stay byte-for-byte. A variable
//! present more than once collapses to one entry at its first position. Values are quoted so
//! that dotenvy and a POSIX shell both read them back exactly (see `quote.rs`), and every
//! written entry is read back with dotenvy before it is accepted. [`update`] does the whole
//! locked, atomic read-modify-write.

mod error;
mod parse;
mod quote;
mod write;

#[cfg(test)]
mod tests;

use std::collections::BTreeMap;
use std::fmt;
use std::path::Path;

use zeroize::Zeroizing;

use crate::domain::Secret;
use parse::Entry;

pub use error::EnvFileError;
pub use write::{update, UpdateReport, FAIL_BEFORE_RENAME_ENV};

const BOM: &str = "\u{feff}";

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
    bom: bool,
    crlf: bool,
    entries: Vec<Entry>,
}

impl EnvFile {
    /// Reads and parses `path`; a missing file is an empty one. Symbolic links are followed
    /// (reading is harmless; [`update`] refuses to write through one).
    pub fn load(path: &Path) -> Result<EnvFile, EnvFileError> {
        match std::fs::read(path) {
            Ok(bytes) => EnvFile::parse(&Zeroizing::new(bytes), path),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(EnvFile::default()),
            Err(e) => Err(EnvFileError::io("read", path)(e)),
        }
    }

    /// Parses file contents; `path` only names the file in errors. Refuses (`Malformed`) text
    /// that is not UTF-8, that dotenvy cannot parse, or whose entry boundaries dotenvy and a
    /// shell would see differently. A UTF-8 byte-order mark is kept.
    pub fn parse(bytes: &[u8], path: &Path) -> Result<EnvFile, EnvFileError> {
        let malformed = |line, reason| EnvFileError::Malformed {
            path: path.to_owned(),
            line,
            reason,
        };
        let (bom, bytes) = match bytes.strip_prefix(BOM.as_bytes()) {
            Some(rest) => (true, rest),
            None => (false, bytes),
        };
        let text = std::str::from_utf8(bytes).map_err(|e| {
            let line = 1 + bytes[..e.valid_up_to()]
                .iter()
                .filter(|&&b| b == b'\n')
                .count();
            malformed(line, "not valid UTF-8")
        })?;
        let entries = parse::split(text).map_err(|bad| malformed(bad.line, bad.reason))?;
        let crlf = entries
            .iter()
            .map(Entry::terminator)
            .find(|t| !t.is_empty())
            == Some("\r\n");
        Ok(EnvFile { bom, crlf, entries })
    }

    /// The value of `var` as dotenvy reads the file (first assignment wins, as in
    /// `dotenvy::dotenv`).
    pub fn get(&self, var: &str) -> Option<Secret> {
        self.vars().remove(var)
    }

    /// Every variable with its value as dotenvy reads the file, first assignment winning.
    pub fn vars(&self) -> BTreeMap<String, Secret> {
        let body = self.render(false);
        let mut vars = BTreeMap::new();
        for (key, value) in dotenvy::from_read_iter(&body[..]).flatten() {
            vars.entry(key).or_insert_with(|| Secret::new(value));
        }
        vars
    }

    /// Sets `var` to `value`: the first assignment is replaced in place (keeping its
    /// indentation, `export ` prefix, trailing comment and line ending), later ones are
    /// removed; with none, `VAR=value` is appended (after adding a missing final newline).
    pub fn set(&mut self, var: &str, value: &Secret) -> Result<(), EnvFileError> {
        check_name(var)?;
        let encoded = quote::encode(var, value.expose())?;
        let hits: Vec<usize> = (0..self.entries.len())
            .filter(|&i| self.entries[i].key.as_deref() == Some(var))
            .collect();
        let old = hits.first().map(|&i| &self.entries[i]);
        let text = assignment(old, var, &encoded, self.newline());
        let entry = read_back(var, text, value)?;
        match hits.split_first() {
            Some((&first, rest)) => {
                for &i in rest.iter().rev() {
                    self.entries.remove(i);
                }
                self.entries[first] = entry;
            }
            None => {
                let newline = self.newline();
                if let Some(last) = self
                    .entries
                    .last_mut()
                    .filter(|e| e.terminator().is_empty())
                {
                    last.text = concat(&[&last.text, newline]);
                }
                self.entries.push(entry);
            }
        }
        Ok(())
    }

    /// Removes every assignment of `var`; whether there was one.
    pub fn remove(&mut self, var: &str) -> bool {
        let before = self.entries.len();
        self.entries.retain(|e| e.key.as_deref() != Some(var));
        self.entries.len() != before
    }

    /// The file's bytes.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        self.render(self.bom)
    }

    fn render(&self, bom: bool) -> Zeroizing<Vec<u8>> {
        let len = self.entries.iter().map(|e| e.text.len()).sum::<usize>() + BOM.len();
        let mut out = Zeroizing::new(Vec::with_capacity(len));
        if bom {
            out.extend_from_slice(BOM.as_bytes());
        }
        for entry in &self.entries {
            out.extend_from_slice(entry.text.as_bytes());
        }
        out
    }

    /// The file's line-ending style: that of its first terminated entry (a newline inside a
    /// quoted value does not count); LF for a new file.
    fn newline(&self) -> &'static str {
        if self.crlf {
            "\r\n"
        } else {
            "\n"
        }
    }
}

/// Keys only: the entries hold values.
impl fmt::Debug for EnvFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let keys: Vec<&str> = self
            .entries
            .iter()
            .filter_map(|e| e.key.as_deref())
            .collect();
        f.debug_struct("EnvFile")
            .field("keys", &keys)
            .field("crlf", &self.crlf)
            .finish()
    }
}

/// Reads `path` (missing = empty) into a map of variable to value, for `env diff`.
pub fn read_vars(path: &Path) -> Result<BTreeMap<String, Secret>, EnvFileError> {
    Ok(EnvFile::load(path)?.vars())
}

/// Names both dotenvy and sh accept as a variable.
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

/// The text of `var=encoded`, keeping the indentation, `export ` prefix, trailing comment and
/// terminator of the entry it replaces, if any.
fn assignment(old: Option<&Entry>, var: &str, encoded: &str, newline: &str) -> Zeroizing<String> {
    let Some(old) = old else {
        return concat(&[var, "=", encoded, newline]);
    };
    let export = if old.export { "export " } else { "" };
    let (space, comment) = old.comment_text().map_or(("", ""), |c| (" ", c));
    concat(&[
        old.indent(),
        export,
        var,
        "=",
        encoded,
        space,
        comment,
        old.terminator(),
    ])
}

/// Joins `parts` into one exactly-sized zeroizing buffer (no reallocation leaves copies).
fn concat(parts: &[&str]) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(parts.iter().map(|p| p.len()).sum()));
    parts.iter().for_each(|p| out.push_str(p));
    out
}

/// Parses a freshly rendered entry back and accepts it only if dotenvy sees one assignment of
/// `var` with exactly `value`: a last line of defence against writing a mangled value.
fn read_back(var: &str, text: Zeroizing<String>, value: &Secret) -> Result<Entry, EnvFileError> {
    let mut entries = parse::split(&text).unwrap_or_default();
    let same = parse::value_of(&text).is_some_and(|v| v.as_str() == value.expose());
    match entries.pop() {
        Some(entry) if entries.is_empty() && same && entry.key.as_deref() == Some(var) => Ok(entry),
        _ => Err(EnvFileError::Unrepresentable {
            var: var.to_owned(),
            reason: "it does not read back unchanged",
        }),
    }
}
