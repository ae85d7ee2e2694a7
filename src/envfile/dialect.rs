//! ALwrity's `.env` dialect: the grammar of python-dotenv 1.x (`dotenv.parser`), restated so
//! that the loader (`config::dotenv`) and the editor read a file exactly as ALwrity does. One
//! grammar, one place; `expand.rs` holds its `${…}` interpolation.
//!
//! How python-dotenv reads a file, and so how [`parse`] does:
//! - The file is opened in text mode: `\r\n` and a lone `\r` are both a line break (a raw CR
//!   never reaches a value). Positions reported here are in the original text.
//! - A file is a sequence of *bindings*. Each starts by skipping any whitespace (blank lines
//!   included; "whitespace" is Python's `str.isspace`), then reads an optional `export`
//!   followed by spaces, a key, optional spaces, and, only if `=` follows, a value. A key is
//!   `'…'` (anything but `'`) or a run of characters other than `=`, `#` and whitespace; a
//!   key without `=` has no value (`None`: listed, never set). A line starting with `#` is a
//!   comment.
//! - A value is `'…'` (escapes `\\` and `\'`), `"…"` (escapes `\\ \' \" \a \b \f \n \r \t
//!   \v`), or unquoted: the rest of the line, cut at the first whitespace run followed by `#`,
//!   then right-trimmed. Quoted values may span lines. A quote closes at the first quote
//!   character not preceded by a backslash; when none follows anywhere in the file, at the
//!   last backslash-quote pair (so `'a\'` alone reads `a\`). One quoted string per value: no
//!   `'a''b'` concatenation.
//! - After the value: optional spaces and a `# comment`, then spaces and the line end. If
//!   anything else follows, or the key or a quote cannot be read, the binding is an error:
//!   python-dotenv warns, skips from the point of failure to the end of that line, and goes
//!   on with the next line.

use std::ops::Range;

use zeroize::Zeroizing;

/// One binding of the file, as python-dotenv delimits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Binding {
    /// The whitespace python-dotenv skips before the statement (blank lines, indentation).
    pub lead: Range<usize>,
    /// The statement, from its first non-blank character to the end of its line break.
    pub body: Range<usize>,
    /// 1-based line on which the statement starts.
    pub line: usize,
    /// What the statement is.
    pub kind: Kind,
}

/// What a binding holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Kind {
    /// Only whitespace up to the end of the file.
    Blank,
    /// A comment, or a statement that names no key (`export # x`).
    Comment,
    /// `KEY`, `KEY=value`, `export KEY=value # comment`.
    Assign(Assign),
    /// A statement python-dotenv cannot read; it skips it with a warning.
    Error,
}

/// An assignment.
#[derive(Clone, PartialEq, Eq)]
pub struct Assign {
    /// The key, as python-dotenv reads it (a BOM at the start of the file is part of it).
    pub key: String,
    /// Whether an `export ` prefix was read.
    pub export: bool,
    /// The value with quotes and escapes decoded, before `${…}` interpolation; `None` for a
    /// key without `=`.
    pub value: Option<Zeroizing<String>>,
    /// A trailing `# comment` (from `#` to the end of the line, break excluded).
    pub comment: Option<Range<usize>>,
}

/// Keys only: values are secrets.
impl std::fmt::Debug for Assign {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Assign")
            .field("key", &self.key)
            .field("export", &self.export)
            .field("has_value", &self.value.is_some())
            .finish()
    }
}

impl Binding {
    /// The assignment, if the binding is one.
    pub fn assign(&self) -> Option<&Assign> {
        match &self.kind {
            Kind::Assign(a) => Some(a),
            _ => None,
        }
    }
}

/// Python's `str.isspace`, which its regular expressions' `\s` follows: Rust's White_Space
/// plus the four ASCII separators U+001C..U+001F.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

fn is_inline_space(c: char) -> bool {
    c != '\n' && is_space(c)
}

/// The physical lines of `s` (without their breaks), each with its 1-based number counted
/// from `first`, breaks being `\r\n`, `\r` or `\n` as for python-dotenv.
pub fn lines(s: &str, first: usize) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut rest = s;
    while !rest.is_empty() {
        let end = rest.find(['\n', '\r']).unwrap_or(rest.len());
        out.push((first + out.len(), &rest[..end]));
        let brk = if rest[end..].starts_with("\r\n") {
            2
        } else {
            1
        };
        rest = &rest[(end + brk).min(rest.len())..];
    }
    out
}

/// The variable a line looks like it assigns (`NAME=…`, `export NAME …`, `'NAME'=…`), for
/// saying what a line python-dotenv cannot read was meant to set: sh or dotenvy may still
/// read an assignment there. Only `[A-Za-z0-9_]` names count.
pub fn assigned_name(line: &str) -> Option<&str> {
    let rest = line.trim_start_matches(is_space);
    let rest = match rest.strip_prefix("export") {
        Some(after) if after.starts_with([' ', '\t']) => after.trim_start_matches([' ', '\t']),
        _ => rest,
    };
    let rest = rest.strip_prefix('\'').unwrap_or(rest);
    let end = rest
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .unwrap_or(rest.len());
    let after = &rest[end..];
    let ends = after.is_empty() || after.starts_with(['=', ' ', '\t', '\'']);
    (end > 0 && ends).then(|| &rest[..end])
}

/// Splits `text` into python-dotenv's bindings; their `lead` and `body` ranges tile `text`.
pub fn parse(text: &str) -> Vec<Binding> {
    let norm = Normalized::new(text);
    let parser = Parser { s: &norm.text };
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < norm.text.len() {
        let start = parser.skip(pos, is_space);
        let (kind, end) = if start == norm.text.len() {
            (Kind::Blank, start)
        } else {
            match parser.statement(start) {
                Ok((kind, end)) => (kind, end),
                Err(at) => (Kind::Error, parser.rest_of_line(at)),
            }
        };
        let kind = match kind {
            Kind::Assign(mut a) => {
                a.comment = a.comment.map(|r| norm.orig(r.start)..norm.orig(r.end));
                Kind::Assign(a)
            }
            other => other,
        };
        out.push(Binding {
            lead: norm.orig(pos)..norm.orig(start),
            body: norm.orig(start)..norm.orig(end),
            line: 1 + norm.text[..start].matches('\n').count(),
            kind,
        });
        pos = end;
    }
    out
}

/// The text as Python's text mode hands it to the parser (every line break a `\n`), with the
/// offset in the original of every byte.
struct Normalized {
    text: Zeroizing<String>,
    offsets: Vec<usize>,
}

impl Normalized {
    fn new(original: &str) -> Normalized {
        let mut text = Zeroizing::new(String::with_capacity(original.len()));
        let mut offsets = Vec::with_capacity(original.len() + 1);
        let mut chars = original.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let c = match c {
                '\r' => {
                    chars.next_if(|&(_, n)| n == '\n');
                    '\n'
                }
                c => c,
            };
            offsets.extend(std::iter::repeat_n(i, c.len_utf8()));
            text.push(c);
        }
        offsets.push(original.len());
        Normalized { text, offsets }
    }

    /// The original offset of normalized offset `at` (a `\r\n` is one `\n` here, so the
    /// offset after it is the one after both bytes).
    fn orig(&self, at: usize) -> usize {
        self.offsets[at]
    }
}

/// The statement reader over normalized text; every method takes and returns byte offsets.
struct Parser<'a> {
    s: &'a str,
}

impl Parser<'_> {
    fn peek(&self, at: usize) -> Option<char> {
        self.s[at..].chars().next()
    }

    fn skip(&self, at: usize, pred: impl Fn(char) -> bool) -> usize {
        at + self.s[at..].find(|c| !pred(c)).unwrap_or(self.s.len() - at)
    }

    fn line_end(&self, at: usize) -> usize {
        self.s[at..].find('\n').map_or(self.s.len(), |i| at + i)
    }

    /// python-dotenv's recovery: everything from the failure to the end of that line.
    fn rest_of_line(&self, at: usize) -> usize {
        let end = self.line_end(at);
        end + usize::from(end < self.s.len())
    }

    /// One statement starting at a non-blank character; `Err` holds the failure offset.
    fn statement(&self, mut p: usize) -> Result<(Kind, usize), usize> {
        let mut export = false;
        if self.s[p..].starts_with("export") {
            let after = self.skip(p + 6, is_inline_space);
            if after > p + 6 {
                (p, export) = (after, true);
            }
        }
        let key = match self.peek(p) {
            Some('#') => None,
            Some('\'') => {
                let close = self.s[p + 1..].find('\'').map(|i| p + 1 + i);
                let close = close.filter(|&c| c > p + 1).ok_or(p)?;
                let key = self.s[p + 1..close].to_owned();
                p = close + 1;
                Some(key)
            }
            _ => {
                let end = self.skip(p, |c| c != '=' && c != '#' && !is_space(c));
                if end == p {
                    return Err(p);
                }
                let key = self.s[p..end].to_owned();
                p = end;
                Some(key)
            }
        };
        p = self.skip(p, is_inline_space);
        let (mut value, mut comment) = (None, None);
        if self.peek(p) == Some('=') {
            p = self.skip(p + 1, is_inline_space);
            let (v, end, cut) = self.value(p)?;
            (value, p, comment) = (Some(v), end, cut.map(|at| at..end));
        }
        let hash = self.skip(p, is_inline_space);
        if self.peek(hash) == Some('#') {
            p = self.line_end(hash);
            comment = Some(hash..p);
        }
        let end = self.skip(p, is_inline_space);
        let end = match self.peek(end) {
            None => end,
            Some('\n') => end + 1,
            Some(_) => return Err(p),
        };
        let kind = match key {
            None => Kind::Comment,
            Some(key) => Kind::Assign(Assign {
                key,
                export,
                value,
                comment,
            }),
        };
        Ok((kind, end))
    }

    /// The value at `p`, the offset after it, and where a `#` comment that an unquoted
    /// value was cut at starts.
    fn value(&self, p: usize) -> Result<(Zeroizing<String>, usize, Option<usize>), usize> {
        match self.peek(p) {
            Some(q @ ('\'' | '"')) => {
                let (content, end) = self.quoted(p, q).ok_or(p)?;
                Ok((decode(&self.s[content], q), end, None))
            }
            None | Some('\n') => Ok((Zeroizing::new(String::new()), p, None)),
            Some(_) => {
                let end = self.line_end(p);
                let (value, hash) = unquoted(&self.s[p..end]);
                Ok((Zeroizing::new(value.to_owned()), end, hash.map(|h| p + h)))
            }
        }
    }

    /// The content of the string opened by `q` at `p`, and the offset after its closing quote
    /// (see the module docs for where that is).
    fn quoted(&self, p: usize, q: char) -> Option<(Range<usize>, usize)> {
        let mut chars = self.s[p + 1..].char_indices().map(|(i, c)| (p + 1 + i, c));
        let mut last_escape = None;
        while let Some((i, c)) = chars.next() {
            if c == q {
                return Some((p + 1..i, i + 1));
            }
            if c == '\\' && self.s[i + 1..].starts_with(q) {
                last_escape = Some(i);
                chars.next();
            }
        }
        last_escape.map(|i| (p + 1..i + 1, i + 2))
    }
}

/// An unquoted value: cut at the first whitespace run that a `#` follows, then right-trimmed;
/// and the offset of that `#`.
fn unquoted(part: &str) -> (&str, Option<usize>) {
    let mut run_start = None;
    for (i, c) in part.char_indices() {
        if c == '#' {
            if let Some(start) = run_start {
                return (part[..start].trim_end_matches(is_space), Some(i));
            }
        }
        run_start = match (is_space(c), run_start) {
            (true, None) => Some(i),
            (true, kept) => kept,
            (false, _) => None,
        };
    }
    (part.trim_end_matches(is_space), None)
}

/// Decodes the escapes of a string quoted with `q`, left to right.
fn decode(content: &str, q: char) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(content.len()));
    let mut chars = content.chars().peekable();
    while let Some(c) = chars.next() {
        let escaped = match (c, chars.peek().copied()) {
            ('\\', Some(n @ ('\\' | '\''))) => Some(n),
            ('\\', Some(n)) if q == '"' => match n {
                '"' => Some('"'),
                'a' => Some('\u{7}'),
                'b' => Some('\u{8}'),
                'f' => Some('\u{c}'),
                'n' => Some('\n'),
                'r' => Some('\r'),
                't' => Some('\t'),
                'v' => Some('\u{b}'),
                _ => None,
            },
            _ => None,
        };
        match escaped {
            Some(e) => {
                chars.next();
                out.push(e);
            }
            None => out.push(c),
        }
    }
    out
}
