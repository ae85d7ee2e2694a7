//! The editing steps of [`EnvFile`]: rendering the file with one variable set or removed,
//! the refusals that come before (a statement python-dotenv cannot read that assigns the
//! variable, a byte-order mark glued to it), and the check after, which keeps an edit only
//! if python-dotenv reads every other statement as before and the variable exactly once with
//! the new value, and dotenvy reads the written statement the same.

use zeroize::Zeroizing;

use super::entries::{self, Entry};
use super::{dialect, EnvFile, EnvFileError, BOM};
use crate::domain::Secret;

impl EnvFile {
    /// The text with `var` set to `encoded` (or removed when `None`): the first statement
    /// of `var` replaced, the others dropped, or a new one appended.
    pub(super) fn render_with(&self, var: &str, encoded: Option<&str>) -> Zeroizing<String> {
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
    pub(super) fn verify(
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
    pub(super) fn check_conflicts(&self, var: &str) -> Result<(), EnvFileError> {
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
    pub(super) fn note_bom(&mut self, var: &str) {
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

    pub(super) fn conflict(&self, line: usize, var: &str, reason: &'static str) -> EnvFileError {
        EnvFileError::Conflict {
            path: self.path.clone(),
            line,
            var: var.to_owned(),
            reason,
        }
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
pub(super) fn concat(parts: &[&str]) -> Zeroizing<String> {
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
