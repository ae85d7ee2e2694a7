//! Shell quoting for the commands onboardctl suggests (hints, fixes, audit command lines).

use std::borrow::Cow;

/// `word` as one POSIX shell word, for the commands hints suggest: as it is when it holds
/// only characters no shell treats specially, else in single quotes (`'` written `'\''`).
pub fn shell_word(word: &str) -> Cow<'_, str> {
    let plain = |c: char| c.is_ascii_alphanumeric() || "_-.,/:@%+=".contains(c);
    if !word.is_empty() && word.chars().all(plain) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(format!("'{}'", word.replace('\'', "'\\''")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shell_words_are_quoted_only_when_needed() {
        assert_eq!(shell_word("user_2abc"), "user_2abc");
        assert_eq!(shell_word("sqlite:/tmp/a-b.db"), "sqlite:/tmp/a-b.db");
        assert_eq!(shell_word(""), "''");
        assert_eq!(shell_word("a b"), "'a b'");
        assert_eq!(shell_word("o'brien"), "'o'\\''brien'");
        assert_eq!(shell_word("$(rm -rf ~)"), "'$(rm -rf ~)'");
        assert_eq!(shell_word("u:***@h"), "'u:***@h'");
        assert_eq!(shell_word("~x"), "'~x'");
    }
}
