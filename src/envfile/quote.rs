//! Quoting: the text after `VAR=` for a value, chosen so that dotenvy 0.15 and a POSIX shell
//! (`set -a; . ./.env`) both read back exactly the value.
//!
//! Four forms, the first that fits:
//! 1. bare, when every character is in `[A-Za-z0-9_./:@+,%=-]` (`GEMINI_API_KEY=AIza…`);
//! 2. `'value'` when the value has no `'` and no `\`: single quotes are literal in sh and in
//!    dotenvy (raw newlines included); python-dotenv (ALwrity's reader) agrees too, except
//!    that it expands `${…}` in every form;
//! 3. `"value"` escaping only `\` and `"` when the value has no `$` and no backtick: in sh's
//!    double quotes `\\` and `\"` are the escapes, dotenvy and python-dotenv decode both, and no
//!    other character is special to any of them once `$` and backtick are excluded;
//! 4. otherwise a concatenation: runs without `'` and `\` in single quotes, each `'` written as
//!    `\'` and each `\` as `\\` outside quotes (`'it'\''s $HOME'`). sh and dotenvy both join
//!    adjacent segments and both unescape `\'` and `\\` (python-dotenv does not: these rare
//!    values are for dotenvy and sh only). A `\` is never put inside single
//!    quotes because dotenvy's line splitter treats `\'` there as an escaped quote.
//!
//! Refused: a NUL character (a shell variable cannot hold one). Everything else, CR and other
//! controls included, survives both readers; the property tests hold this to account.

use zeroize::Zeroizing;

use super::EnvFileError;

/// Characters written without quotes. No shell expansion (tilde, glob, `$`) and no dotenvy
/// escape, quote or comment applies to any of them.
fn is_bare(c: char) -> bool {
    c.is_ascii_alphanumeric() || "_./:@+,%=-".contains(c)
}

/// The quoted form of `value` for variable `var` (named in the error only).
pub(super) fn encode(var: &str, value: &str) -> Result<Zeroizing<String>, EnvFileError> {
    if value.contains('\0') {
        return Err(EnvFileError::Unrepresentable {
            var: var.to_owned(),
            reason: "it contains a NUL character, which a shell variable cannot hold",
        });
    }
    // Worst case (form 4) is 3 bytes per input byte plus quotes; reserving up front keeps
    // the value from being copied by reallocation into memory that is never zeroized.
    let mut out = Zeroizing::new(String::with_capacity(3 * value.len() + 2));
    if value.chars().all(is_bare) {
        out.push_str(value);
    } else if !value.contains(['\'', '\\']) {
        out.push('\'');
        out.push_str(value);
        out.push('\'');
    } else if !value.contains(['$', '`']) {
        out.push('"');
        for c in value.chars() {
            if c == '\\' || c == '"' {
                out.push('\\');
            }
            out.push(c);
        }
        out.push('"');
    } else {
        let mut quoted = false;
        for c in value.chars() {
            let special = c == '\'' || c == '\\';
            if special == quoted {
                out.push('\'');
                quoted = !quoted;
            }
            if special {
                out.push('\\');
            }
            out.push(c);
        }
        if quoted {
            out.push('\'');
        }
    }
    Ok(out)
}
