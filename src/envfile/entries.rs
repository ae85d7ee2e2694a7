//! The editor's line model over python-dotenv's bindings ([`super::dialect`]): the file cut
//! into pieces whose concatenation is the file, each either whitespace python-dotenv skips
//! (blank lines) or one statement with its indentation. Also the comparison that proves an
//! edit changed nothing python-dotenv reads but the target variable.

use zeroize::Zeroizing;

use super::dialect::{self, Assign, Kind};

/// One piece of the file, bytes kept verbatim.
pub(super) struct Entry {
    /// The piece's text, line break included.
    pub text: Zeroizing<String>,
    /// 1-based line it starts on.
    pub line: usize,
    /// The statement; `None` for skipped whitespace.
    pub kind: Option<Kind>,
    /// Length of the indentation at the start of `text` (statements only).
    pub indent: usize,
    /// The trailing comment, as a range of `text` (assignments only).
    pub comment: Option<std::ops::Range<usize>>,
}

impl Entry {
    /// The line break the piece ends with: `\r\n`, `\n`, `\r`, or none at the end of a file.
    pub fn terminator(&self) -> &'static str {
        if self.text.ends_with("\r\n") {
            "\r\n"
        } else if self.text.ends_with('\n') {
            "\n"
        } else if self.text.ends_with('\r') {
            "\r"
        } else {
            ""
        }
    }

    /// The assignment, if the piece is one.
    pub fn assign(&self) -> Option<&Assign> {
        match &self.kind {
            Some(Kind::Assign(a)) => Some(a),
            _ => None,
        }
    }

    /// The key python-dotenv reads here.
    pub fn key(&self) -> Option<&str> {
        self.assign().map(|a| a.key.as_str())
    }

    /// The indentation, kept on a replaced line when it is plain spaces and tabs (the only
    /// blanks sh and dotenvy skip as python-dotenv does).
    pub fn plain_indent(&self) -> &str {
        let indent = &self.text[..self.indent];
        if indent.chars().all(|c| c == ' ' || c == '\t') {
            indent
        } else {
            ""
        }
    }

    /// The trailing comment's text, starting at `#`.
    pub fn comment_text(&self) -> Option<&str> {
        self.comment.clone().map(|r| &self.text[r])
    }
}

/// Cuts `text` into entries: each binding's blank lines become a whitespace entry, its
/// indentation and statement one entry.
pub(super) fn split(text: &str) -> Vec<Entry> {
    let mut out = Vec::new();
    for b in dialect::parse(text) {
        let lead = &text[b.lead.clone()];
        let cut = b.lead.start + lead.rfind(['\n', '\r']).map_or(0, |i| i + 1);
        if cut > b.lead.start {
            let blank = &text[b.lead.start..cut];
            let line = b.line - count_breaks(blank);
            out.push(piece(&text[b.lead.start..cut], line, None, 0, None));
        }
        if b.body.end > cut {
            let comment = b
                .assign()
                .and_then(|a| a.comment.clone())
                .map(|r| r.start - cut..r.end - cut);
            let kind = match b.kind {
                Kind::Blank => None,
                kind => Some(kind),
            };
            let indent = b.body.start - cut;
            out.push(piece(&text[cut..b.body.end], b.line, kind, indent, comment));
        }
    }
    out
}

fn piece(
    text: &str,
    line: usize,
    kind: Option<Kind>,
    indent: usize,
    comment: Option<std::ops::Range<usize>>,
) -> Entry {
    Entry {
        text: Zeroizing::new(text.to_owned()),
        line,
        kind,
        indent,
        comment,
    }
}

/// Line breaks in `s` as python-dotenv counts them (`\r\n` is one).
pub(super) fn count_breaks(s: &str) -> usize {
    s.matches('\n').count() + s.matches('\r').count() - s.matches("\r\n").count()
}

/// What python-dotenv reads from one statement, positions aside: two files read the same
/// when their statements (blank ones dropped) have the same signatures in order.
pub(super) struct Signature {
    body: Zeroizing<String>,
    kind: Kind,
    /// Where it starts, to name it in an error.
    pub line: usize,
}

/// The signatures of `text`'s statements other than those assigning `skip`. A statement's
/// text is compared without its line break, so adding a missing final newline is allowed.
pub(super) fn signatures(text: &str, skip: &str) -> Vec<Signature> {
    dialect::parse(text)
        .into_iter()
        .filter(|b| !matches!(b.kind, Kind::Blank))
        .filter(|b| b.assign().is_none_or(|a| a.key != skip))
        .map(|b| {
            let body = text[b.body].trim_end_matches(['\n', '\r']);
            let kind = match b.kind {
                Kind::Assign(mut a) => {
                    a.comment = None;
                    Kind::Assign(a)
                }
                other => other,
            };
            Signature {
                body: Zeroizing::new(body.to_owned()),
                kind,
                line: b.line,
            }
        })
        .collect()
}

impl Signature {
    /// Same text and same reading (the line may differ).
    fn same(&self, other: &Signature) -> bool {
        self.body == other.body && self.kind == other.kind
    }
}

/// The first line (in `before`) whose reading differs between the two, if any.
pub(super) fn first_difference(before: &[Signature], after: &[Signature]) -> Option<usize> {
    let n = before.len().min(after.len());
    let at = (0..n).find(|&i| !before[i].same(&after[i])).unwrap_or(n);
    if at == before.len() && at == after.len() {
        return None;
    }
    Some(before.get(at).or(before.last()).map_or(1, |s| s.line))
}

/// Whether a line of a statement python-dotenv cannot read looks like an assignment of
/// `var` (`var=…`, `export var …`, `'var'=…`): sh or dotenvy may read one there.
pub(super) fn mentions(line: &str, var: &str) -> bool {
    dialect::assigned_name(line) == Some(var)
}
