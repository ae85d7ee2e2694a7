//! Keeping hostile text inert on a terminal: the one place where characters that a terminal
//! would act on are made visible. Stored data (a crawled website, a `--reason`, a file name)
//! may hold `ESC[2J`, an OSC title or clipboard (OSC 52) sequence, or a bidi override that
//! reorders what the operator reads; printed raw, they clear the screen, set the clipboard
//! or disguise a command.
//!
//! The escape form, for human output: `\e` for ESC, `\n`, `\r` and `\t` for newline,
//! carriage return and tab, and `\u{…}` (lower-case hex, as in Rust) for every other C0
//! control, DEL (`\u{7f}`), the C1 controls (`\u{9b}`) and the Unicode bidi controls
//! (`\u{202e}`; the `Bidi_Control` set, see [`is_bidi_control`]). A backslash is left as it
//! is, so ordinary text (paths, regexes) stays readable; the exact value is what `--json`
//! prints.
//!
//! Who calls it: [`escape`] is applied by the renderers to every piece of data they place
//! ([`super::human::TableBuilder`] cells, [`super::human::Block`] values, [`super::Ui`]'s
//! notes, warnings, diagnostics and errors, the import report), before any colour is
//! painted; [`escape_rendered`] is the last net in [`super::Ui::out`], which passes only the
//! layout's newlines and our own colour codes; [`inert_json`] writes the same characters as
//! JSON `\u` escapes, so JSON keeps the exact value and is inert on a terminal too.

use std::borrow::Cow;
use std::fmt::Write as _;

pub use crate::domain::ids::is_bidi_control;

/// Whether a terminal may act on `c`: C0 controls, DEL, C1 controls and bidi controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c)
}

/// Appends the visible form of the unsafe `c` to `out`.
fn push_escaped(out: &mut String, c: char) {
    match c {
        '\x1b' => out.push_str("\\e"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        '\t' => out.push_str("\\t"),
        other => {
            let _ = write!(out, "\\u{{{:x}}}", u32::from(other));
        }
    }
}

/// `text` with every unsafe character in its visible form (see the module docs). Borrows
/// when there is nothing to escape, which is almost always.
pub fn escape(text: &str) -> Cow<'_, str> {
    if !text.chars().any(is_unsafe) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if is_unsafe(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// The length of our own colour code at the start of `rest` (`ESC [ digits/; m`, what
/// [`super::Ui::paint_out`] and comfy-table write), if it is one.
fn sgr_len(rest: &str) -> Option<usize> {
    let body = rest.strip_prefix("\x1b[")?;
    let params = body
        .bytes()
        .take_while(|b| b.is_ascii_digit() || *b == b';')
        .count();
    (body.as_bytes().get(params) == Some(&b'm')).then_some(2 + params + 1)
}

/// Already rendered human output with anything unsafe escaped except the layout's
/// newlines and SGR colour codes. Renderers escape data themselves (data newlines and
/// colour codes included); this net catches what a renderer might forget.
pub fn escape_rendered(text: &str) -> Cow<'_, str> {
    let suspicious = |c: char| c != '\n' && is_unsafe(c);
    if !text.chars().any(suspicious) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if let Some(n) = (c == '\x1b').then(|| sgr_len(rest)).flatten() {
            out.push_str(&rest[..n]);
            rest = &rest[n..];
            continue;
        }
        if suspicious(c) {
            push_escaped(&mut out, c);
        } else {
            out.push(c);
        }
        rest = &rest[c.len_utf8()..];
    }
    Cow::Owned(out)
}

/// JSON text (as serde_json writes it) with DEL, C1 and bidi controls written as `\uXXXX`
/// escapes. serde_json escapes C0 itself; these can only occur inside strings, so the
/// document stays valid and decodes to exactly the same values.
pub fn inert_json(text: String) -> String {
    // C0 is either escaped by serde_json already or the layout's own whitespace.
    let unsafe_here = |c: char| c > '\x1f' && is_unsafe(c);
    if !text.chars().any(unsafe_here) {
        return text;
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if unsafe_here(c) {
            // All of these are in the Basic Multilingual Plane: one `\u` escape each.
            let _ = write!(out, "\\u{:04x}", u32::from(c));
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str =
        "a\x1b[2Jb\x1b]0;title\x07c\x1b]52;c;ZXZpbA==\x07d\u{9b}31me\u{202e}f\u{2066}g\x7fh";

    #[test]
    fn escapes_every_control_visibly() {
        assert_eq!(
            escape(HOSTILE),
            "a\\e[2Jb\\e]0;title\\u{7}c\\e]52;c;ZXZpbA==\\u{7}d\\u{9b}31me\\u{202e}f\\u{2066}g\\u{7f}h"
        );
        assert_eq!(escape("x\ny\tz\r"), "x\\ny\\tz\\r");
        for c in [
            '\u{202a}', '\u{202d}', '\u{2069}', '\u{200f}', '\u{61c}', '\0', '\u{85}',
        ] {
            assert!(!escape(&format!("<{c}>")).contains(c), "{c:?}");
        }
    }

    #[test]
    fn plain_text_is_borrowed_and_unchanged() {
        for text in ["user_2abc", "C:\\path\\x", "héllo wörld — ok", "日本語", ""] {
            assert!(matches!(escape(text), Cow::Borrowed(t) if t == text));
            assert!(matches!(escape_rendered(text), Cow::Borrowed(_)));
        }
    }

    #[test]
    fn the_net_keeps_layout_and_our_colours_only() {
        let ours = "\x1b[1;31merror:\x1b[0m x\n\x1b[1mB\x1b[0m\n";
        assert_eq!(escape_rendered(ours), ours);
        let hostile = "ok \x1b[2J \x1b]0;t\x07 \u{202e} \x1b[31m \x1b[?25l\tend\n";
        assert_eq!(
            escape_rendered(hostile),
            "ok \\e[2J \\e]0;t\\u{7} \\u{202e} \x1b[31m \\e[?25l\\tend\n"
        );
    }

    #[test]
    fn json_stays_valid_and_exact() {
        let value = serde_json::json!({ "k\u{202e}": HOSTILE, "n": [1, "\u{9b}"] });
        let text = inert_json(serde_json::to_string_pretty(&value).unwrap());
        assert!(!text.chars().any(|c| c != '\n' && is_unsafe(c)), "{text}");
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back, value);
    }
}
