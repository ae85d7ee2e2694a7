//! Quoting: the text after `VAR=` for a value, chosen so that python-dotenv 1.x (ALwrity's
//! reader, with its default interpolation), dotenvy 0.15 (`from_read_iter`) and a POSIX
//! shell (`set -a; . ./.env`) all read back exactly the value.
//!
//! Three forms, tried in this order (the editor keeps the first one that leaves the rest of
//! the file reading the same, see `EnvFile::set`):
//! 1. bare, when every character is in `[A-Za-z0-9_./:@+,%=-]` (`GEMINI_API_KEY=AIza…`);
//! 2. `'value'` when the value has no `'` and no two backslashes in a row: single quotes are
//!    literal in sh and dotenvy, and python-dotenv decodes only `\\` and `\'` in them;
//! 3. `"value"` with `\` and `"` written `\\` and `\"`, when the value has no `$` and no
//!    backtick: those two escapes are the only ones all three decode alike, and `$` and
//!    backtick are the only other characters special to any of them in double quotes.
//!
//! Refused, because no spelling reads back the same in all three (the reason names the
//! characters, never the value):
//! - NUL: no environment variable can hold one.
//! - CR: python-dotenv opens the file in text mode, so every CR byte reaches it as a line
//!   break; only its `\r` escape inside double quotes yields a CR, and that escape is an
//!   error for dotenvy and two characters for sh, neither of which has another spelling.
//! - a final backslash: unquoted, dotenvy drops it and sh joins the next line; quoted, it
//!   stands right before the closing quote, which python-dotenv then reads as an escaped
//!   quote, running the value on to the next quote anywhere later in the file.
//! - `${…}` (python-dotenv's reference syntax, `${NAME}` or `${NAME:-default}`):
//!   python-dotenv expands it in every quoting, single quotes included, and has no escape.
//! - `'` or `\\` together with `$` or a backtick: dotenvy reads `$` literally only in
//!   single quotes or as `\$`, sh reads `$` and backtick literally only in single quotes or
//!   after `\`, and python-dotenv keeps such a `\` as a character, so the value must be one
//!   single-quoted string; but python-dotenv reads no concatenation (`'it'\''s'`), sh no `'`
//!   inside single quotes, and python-dotenv decodes `\\` there while sh does not.
//!
//! `tests/envfile_dotenv.rs` checks the forms against the real python-dotenv, dotenvy and
//! sh, and searches every short spelling of short refused values for a counterexample.

use zeroize::Zeroizing;

use super::expand;
use super::EnvFileError;

/// Characters written without quotes. No shell expansion (tilde, glob, `$`), no escape,
/// quote or comment of any of the three readers applies to any of them.
fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_./:@+,%=-".contains(c)
}

/// Why `value` cannot be written, if it cannot (see the module docs).
pub(super) fn refusal(value: &str) -> Option<String> {
    if value.contains('\0') {
        return Some("it contains a NUL character, which no environment variable can hold".into());
    }
    if value.contains('\r') {
        return Some(
            "it contains a carriage return (CR): python-dotenv reads every CR in the file as a \
             line break, and its one escape for it (`\\r` in double quotes) is an error for \
             dotenvy and two characters for sh"
                .into(),
        );
    }
    if value.ends_with('\\') {
        return Some(
            "it ends with a backslash, which python-dotenv reads as escaping a closing quote \
             (and dotenvy drops, and sh joins to the next line, when unquoted)"
                .into(),
        );
    }
    if expand::has_reference(value) {
        return Some(
            "it contains a `${…}` reference, which python-dotenv expands in every quoting and \
             cannot escape"
                .into(),
        );
    }
    if single(value) || double(value) {
        return None;
    }
    let quote = if value.contains('\'') {
        "`'`"
    } else {
        "two backslashes in a row"
    };
    let dollar = if value.contains('$') {
        "`$`"
    } else {
        "a backtick"
    };
    Some(format!(
        "it contains both {quote} and {dollar}: sh and dotenvy read {dollar} literally only in \
         single quotes, where python-dotenv and sh disagree about {quote}"
    ))
}

/// Form 2 applies.
fn single(value: &str) -> bool {
    !value.contains('\'') && !value.contains("\\\\")
}

/// Form 3 applies.
fn double(value: &str) -> bool {
    !value.contains(['$', '`'])
}

/// The spellings of `value` for variable `var` (named in the error only), best first.
pub(super) fn candidates(var: &str, value: &str) -> Result<Vec<Zeroizing<String>>, EnvFileError> {
    if let Some(reason) = refusal(value) {
        return Err(EnvFileError::Unrepresentable {
            var: var.to_owned(),
            reason,
        });
    }
    if value.chars().all(is_bare) {
        return Ok(vec![Zeroizing::new(value.to_owned())]);
    }
    let mut out = Vec::with_capacity(2);
    if single(value) {
        out.push(wrap('\'', value, |_| false));
    }
    if double(value) {
        out.push(wrap('"', value, |c| c == '\\' || c == '"'));
    }
    Ok(out)
}

/// `value` between two `quote`s, with a backslash before each character `escape` picks.
/// Reserving the worst case up front keeps the value from being copied by reallocation into
/// memory that is never zeroized.
fn wrap(quote: char, value: &str, escape: impl Fn(char) -> bool) -> Zeroizing<String> {
    let mut out = Zeroizing::new(String::with_capacity(2 * value.len() + 2));
    out.push(quote);
    for c in value.chars() {
        if escape(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out.push(quote);
    out
}
