//! The line model: splits a `.env` text into entries (a comment, a blank line, or an
//! assignment spanning one or more physical lines) exactly where dotenvy 0.15 splits it, and
//! refuses a file whose structure is ambiguous rather than risk corrupting it.
//!
//! dotenvy decides where an entry ends with a small state machine over quotes and escapes
//! (`QuotedLines` in its `iter.rs`), mirrored in [`eval`]. That machine has quirks: a quote
//! inside a comment that follows two spaces (`A=1  # don't`) opens a "string" that swallows
//! the following lines. A shell would end the entry at the newline, so each entry's extent is
//! also computed the way sh reads it ([`shell_extent`]) and a disagreement is refused.

use std::ops::Range;

use zeroize::Zeroizing;

/// One entry of the file, bytes kept verbatim.
pub(super) struct Entry {
    /// The entry's text, line terminator included.
    pub text: Zeroizing<String>,
    /// The variable it assigns, as dotenvy reads it; `None` for comments and blank lines.
    pub key: Option<String>,
    /// Whether the assignment has an `export ` prefix.
    pub export: bool,
    /// A trailing `# …` comment on the entry's last line (terminator excluded).
    pub comment: Option<Range<usize>>,
}

impl Entry {
    /// The line terminator the entry ends with: `\r\n`, `\n`, or none at the end of a file.
    pub fn terminator(&self) -> &'static str {
        if self.text.ends_with("\r\n") {
            "\r\n"
        } else if self.text.ends_with('\n') {
            "\n"
        } else {
            ""
        }
    }

    /// Leading spaces and tabs, kept on a replaced line.
    pub fn indent(&self) -> &str {
        let body = self.text.trim_start_matches([' ', '\t']);
        &self.text[..self.text.len() - body.len()]
    }

    /// The trailing comment's text, starting at `#`.
    pub fn comment_text(&self) -> Option<&str> {
        self.comment.clone().map(|r| &self.text[r])
    }
}

/// Why the text cannot be edited safely, and where.
#[derive(Debug)]
pub(super) struct Bad {
    /// 1-based line where the offending entry starts.
    pub line: usize,
    /// A fixed description (never text from the file).
    pub reason: &'static str,
}

/// Splits `text` (no BOM) into entries whose concatenation is `text`.
pub(super) fn split(text: &str) -> Result<Vec<Entry>, Bad> {
    let mut entries = Vec::new();
    let (mut start, mut line) = (0, 1);
    while start < text.len() {
        let bad = |reason| Bad { line, reason };
        let end = dotenvy_extent(text, start).ok_or_else(|| bad("unterminated quote"))?;
        let body = &text[start..end];
        let (shell_end, comment) = shell_extent(body);
        if shell_end != Some(body.len()) {
            return Err(bad("dotenvy and a shell disagree where this entry ends"));
        }
        entries.push(classify(body, comment).map_err(bad)?);
        line += body.matches('\n').count();
        start = end;
    }
    Ok(entries)
}

/// The value dotenvy reads from a single entry, if it is an assignment.
pub(super) fn value_of(entry: &str) -> Option<Zeroizing<String>> {
    match dotenvy::from_read_iter(entry.as_bytes()).next() {
        Some(Ok((_, value))) => Some(Zeroizing::new(value)),
        _ => None,
    }
}

/// Asks dotenvy itself what the entry assigns; anything it rejects is refused.
fn classify(body: &str, comment: Option<usize>) -> Result<Entry, &'static str> {
    let mut items = dotenvy::from_read_iter(body.as_bytes());
    let key = match items.next() {
        None => None,
        Some(Ok((key, value))) => {
            drop(Zeroizing::new(value));
            Some(key)
        }
        Some(Err(_)) => return Err("dotenvy cannot parse this entry"),
    };
    if items.next().is_some() {
        return Err("dotenvy reads more than one entry here");
    }
    let trimmed = body.trim_start();
    let export = key.as_deref().is_some_and(|k| {
        trimmed.strip_prefix("export").is_some_and(|rest| {
            rest.starts_with(char::is_whitespace) && rest.trim_start().starts_with(k)
        })
    });
    let mut entry = Entry {
        text: Zeroizing::new(body.to_owned()),
        key,
        export,
        comment: None,
    };
    let content_end = body.len() - entry.terminator().len();
    entry.comment = comment
        .filter(|&at| entry.key.is_some() && at < content_end)
        .map(|at| at..content_end);
    Ok(entry)
}

/// dotenvy's `ParseState` (iter.rs), minus `Comment`, which [`eval`] reports as `Err(offset)`.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Complete,
    Escape,
    StrongOpen,
    StrongOpenEscape,
    WeakOpen,
    WeakOpenEscape,
    WhiteSpace,
}

/// dotenvy's `eval_end_state` over one physical line.
fn eval(mut state: State, line: &str) -> Result<State, usize> {
    for (pos, c) in line.char_indices() {
        state = match (state, c) {
            (State::WhiteSpace, '#') => return Err(pos),
            (State::WhiteSpace | State::Complete, '\\') => State::Escape,
            (State::WhiteSpace | State::Complete, '"') => State::WeakOpen,
            (State::WhiteSpace | State::Complete, '\'') => State::StrongOpen,
            (State::WhiteSpace | State::Escape, _) => State::Complete,
            (State::Complete, c) if c.is_whitespace() && c != '\n' && c != '\r' => {
                State::WhiteSpace
            }
            (State::Complete, _) => State::Complete,
            (State::WeakOpen, '\\') => State::WeakOpenEscape,
            (State::WeakOpen, '"') => State::Complete,
            (State::WeakOpen | State::WeakOpenEscape, _) => State::WeakOpen,
            (State::StrongOpen, '\\') => State::StrongOpenEscape,
            (State::StrongOpen, '\'') => State::Complete,
            (State::StrongOpen | State::StrongOpenEscape, _) => State::StrongOpen,
        };
    }
    Ok(state)
}

/// Where dotenvy's `QuotedLines` ends the entry starting at `start`; `None` if a quote or
/// escape is still open at the end of the text (dotenvy fails there too).
fn dotenvy_extent(text: &str, start: usize) -> Option<usize> {
    let mut state = State::Complete;
    let mut pos = start;
    while pos < text.len() {
        let end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
        if text[start..end].trim_start().starts_with('#') {
            return Some(end);
        }
        match eval(state, &text[pos..end]) {
            Err(_) | Ok(State::Complete) => return Some(end),
            Ok(next) => state = next,
        }
        pos = end;
    }
    None
}

/// Where a POSIX shell ends the command starting at the top of `entry` (`None`: past its
/// end), and the offset of a `#` comment on it. Only quoting, escapes and comments matter
/// for `.env` lines; command substitution and the like are not modelled.
fn shell_extent(entry: &str) -> (Option<usize>, Option<usize>) {
    let mut chars = entry.char_indices();
    let mut word_start = true;
    while let Some((i, c)) = chars.next() {
        let closed = match c {
            '\n' => return (Some(i + 1), None),
            '#' if word_start => {
                let end = entry[i..].find('\n').map_or(entry.len(), |n| i + n + 1);
                return (Some(end), Some(i));
            }
            '\'' => chars.any(|(_, c)| c == '\''),
            '"' => loop {
                match chars.next() {
                    Some((_, '\\')) => _ = chars.next(),
                    Some((_, '"')) => break true,
                    Some(_) => {}
                    None => break false,
                }
            },
            // A backslash-newline continues the command in sh; dotenvy ends the entry there.
            '\\' => !matches!(chars.next(), Some((_, '\n')) | None),
            _ => true,
        };
        if !closed {
            return (None, None);
        }
        word_start = c == ' ' || c == '\t';
    }
    (Some(entry.len()), None)
}
