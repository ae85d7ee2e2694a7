//! Property tests of the `.env` editor (STYLE.md 22): for arbitrary values in arbitrary
//! surrounding files (comments, blanks, `export`, assorted quoting, multi-line values,
//! duplicates of the target, LF or CRLF, with or without a final newline), `set` reads back
//! exactly through dotenvy, every other entry stays byte-for-byte, and `remove` leaves
//! exactly the other entries. Values with NUL must be refused, everything else accepted.

use std::path::Path;

use onboardctl::domain::Secret;
use onboardctl::envfile::{EnvFile, EnvFileError};
use proptest::prelude::*;

const VAR: &str = "GEMINI_API_KEY";

/// A generated line (text without terminator); targets carry the head a rewrite keeps.
#[derive(Debug, Clone)]
enum Line {
    Other(String),
    Target { head: &'static str, text: String },
}

fn value_char() -> impl Strategy<Value = char> {
    let nasty = vec![
        '\'', '"', '\\', '$', '`', '#', ' ', '\t', '\n', '\r', '!', '~', '*', '{', '}', '(', ')',
        ';', '&', '|', '<', '>', '=', ':', 'é', '中', '😀', '\u{85}', '\u{a0}', '\u{2028}',
        '\u{feff}', '\u{7f}', '\u{1}', '\u{1b}', '\u{b}', '\u{c}',
    ];
    prop_oneof![
        10 => prop::sample::select(nasty),
        6 => any::<char>(),
        10 => prop::char::ranges(vec!['a'..='z', 'A'..='Z', '0'..='9', '-'..='/'].into()),
    ]
}

/// Arbitrary values; about one in twenty gets a NUL somewhere.
pub fn value() -> impl Strategy<Value = String> {
    let chars = prop::collection::vec(value_char(), 0..40);
    (
        chars,
        prop::option::weighted(0.05, any::<prop::sample::Index>()),
    )
        .prop_map(|(mut v, nul)| {
            if let Some(at) = nul {
                v.insert(at.index(v.len() + 1), '\0');
            }
            v.into_iter().collect()
        })
}

fn other_line() -> impl Strategy<Value = String> {
    let key = || prop::sample::select(vec!["A", "B_2", "GEMINI_API_KEY_OLD", "XGEMINI_API_KEY"]);
    let double = prop::collection::vec(
        prop_oneof![
            3 => "[^\"\\\\$\\x00]".prop_map(String::from),
            1 => prop::sample::select(vec!["\\\\", "\\\"", "\\n", "\\'", "\\$"]).prop_map(String::from),
        ],
        0..8,
    )
    .prop_map(|t| t.concat());
    prop_oneof![
        (key(), "[A-Za-z0-9_./:-]{0,10}").prop_map(|(k, v)| format!("{k}={v}")),
        (key(), "[^'\\\\\\x00]{0,12}").prop_map(|(k, v)| format!("export {k}='{v}'")),
        (key(), double).prop_map(|(k, v)| format!(" {k} = \"{v}\"")),
        (key(), "[a-z0-9]{0,6}", "[^\r\n]{0,12}").prop_map(|(k, v, c)| format!("{k}={v} # {c}")),
        "[^\r\n]{0,16}".prop_map(|c| format!("#{c}")),
        "[^\r\n]{0,16}".prop_map(|c| format!("  # {c}")),
        prop::sample::select(vec!["", "", " ", "\t"]).prop_map(String::from),
    ]
}

fn target_line() -> impl Strategy<Value = Line> {
    let forms: Vec<(&'static str, &'static str)> = vec![
        ("", "=AIzaOLD"),
        ("export ", "='old # x'"),
        ("  ", " = \"multi\nline\n\""),
        ("", "=abc # note"),
        ("export ", "=\"x\ny\" # it's"),
        ("\t", "="),
    ];
    prop::sample::select(forms).prop_map(|(head, tail)| Line::Target {
        head,
        text: format!("{head}{VAR}{tail}"),
    })
}

/// A file: its lines, the line ending, and whether the last line is terminated.
fn file() -> impl Strategy<Value = (Vec<Line>, &'static str, bool)> {
    let line = prop_oneof![8 => other_line().prop_map(Line::Other), 2 => target_line()];
    (
        prop::collection::vec(line, 0..14),
        prop::sample::select(vec!["\n", "\r\n"]),
        any::<bool>(),
    )
}

/// Each line's full text, terminator included; a whitespace-only last line is always
/// terminated (dotenvy itself rejects one at end of file).
fn texts(lines: &[Line], eol: &str, trailing: bool) -> Vec<(bool, String)> {
    let n = lines.len();
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let (target, text) = match line {
                Line::Other(t) => (false, t.as_str()),
                Line::Target { text, .. } => (true, text.as_str()),
            };
            let open = i + 1 == n && !trailing && !text.trim().is_empty();
            (target, format!("{text}{}", if open { "" } else { eol }))
        })
        .collect()
}

fn dotenvy_pairs(bytes: &[u8]) -> Vec<(String, String)> {
    dotenvy::from_read_iter(bytes)
        .collect::<Result<_, _>>()
        .expect("dotenvy parses the file")
}

fn without_var(pairs: Vec<(String, String)>) -> Vec<(String, String)> {
    pairs.into_iter().filter(|(k, _)| k != VAR).collect()
}

/// What must surround the rewritten entry: the bytes before it, the bytes after it, the head
/// it keeps (indent, `export `) and the terminator it ends with.
fn frame(lines: &[Line], texts: &[(bool, String)], eol: &'static str) -> Frame {
    let join = |texts: &[(bool, String)]| -> String {
        texts
            .iter()
            .filter(|(t, _)| !t)
            .map(|(_, s)| s.as_str())
            .collect()
    };
    match texts.iter().position(|(target, _)| *target) {
        Some(i) => {
            let Line::Target { head, .. } = &lines[i] else {
                unreachable!()
            };
            let end = if texts[i].1.ends_with(eol) { eol } else { "" };
            (join(&texts[..i]), join(&texts[i + 1..]), head, end)
        }
        None => {
            // Appended, after a newline if the file lacks one, in the file's style (LF for a
            // file without a terminated line).
            let original = join(texts);
            let terminated = texts.iter().any(|(_, t)| t.ends_with('\n'));
            let eol = if terminated { eol } else { "\n" };
            let open = !original.is_empty() && !original.ends_with('\n');
            let prefix = format!("{original}{}", if open { eol } else { "" });
            (prefix, String::new(), "", eol)
        }
    }
}

type Frame = (String, String, &'static str, &'static str);

fn check_set(
    lines: &[Line],
    eol: &'static str,
    trailing: bool,
    value: &str,
) -> Result<(), TestCaseError> {
    let texts = texts(lines, eol, trailing);
    let original: String = texts.iter().map(|(_, t)| t.as_str()).collect();
    let mut file = EnvFile::parse(original.as_bytes(), Path::new(".env")).expect("parses");
    match file.set(VAR, &Secret::new(value.to_owned())) {
        Err(EnvFileError::Unrepresentable { .. }) if value.contains('\0') => {
            prop_assert_eq!(&file.to_bytes()[..], original.as_bytes());
            return Ok(());
        }
        Err(e) => return Err(TestCaseError::fail(format!("refused: {e}"))),
        Ok(()) => prop_assert!(!value.contains('\0'), "a NUL value was accepted"),
    }
    let out = String::from_utf8(file.to_bytes().to_vec()).unwrap();

    // Every other variable reads the same; the target reads exactly the value.
    let after = dotenvy_pairs(out.as_bytes());
    let ours: Vec<_> = after.iter().filter(|(k, _)| k == VAR).collect();
    prop_assert_eq!(ours.len(), 1);
    prop_assert_eq!(&ours[0].1, value);
    prop_assert_eq!(
        without_var(after),
        without_var(dotenvy_pairs(original.as_bytes()))
    );

    // Byte-for-byte: everything before the first target, every non-target line after it.
    let (prefix, suffix, head, end) = frame(lines, &texts, eol);
    prop_assert!(
        out.starts_with(&prefix) && out.ends_with(&suffix),
        "out: {out:?}"
    );
    prop_assert!(out.len() >= prefix.len() + suffix.len());
    let middle = &out[prefix.len()..out.len() - suffix.len()];
    prop_assert!(
        middle.starts_with(&format!("{head}{VAR}=")),
        "middle: {middle:?}"
    );
    prop_assert!(middle.ends_with(end) && (!end.is_empty() || !middle.ends_with('\n')));
    prop_assert_eq!(
        dotenvy_pairs(middle.as_bytes()),
        vec![(VAR.to_owned(), value.to_owned())]
    );

    // The result is itself editable, and setting the same value again changes nothing.
    let mut again = EnvFile::parse(out.as_bytes(), Path::new(".env")).expect("output parses");
    again.set(VAR, &Secret::new(value.to_owned())).unwrap();
    prop_assert_eq!(&again.to_bytes()[..], out.as_bytes());
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(4000))]

    #[test]
    fn set_round_trips_through_dotenvy_and_keeps_other_lines(
        (lines, eol, trailing) in file(),
        value in value(),
    ) {
        check_set(&lines, eol, trailing, &value)?;
    }

    #[test]
    fn remove_leaves_exactly_the_other_lines((lines, eol, trailing) in file()) {
        let texts = texts(&lines, eol, trailing);
        let original: String = texts.iter().map(|(_, t)| t.as_str()).collect();
        let mut file = EnvFile::parse(original.as_bytes(), Path::new(".env")).expect("parses");
        let had = texts.iter().any(|(t, _)| *t);
        prop_assert_eq!(file.remove(VAR), had);
        let expected: String = texts.iter().filter(|(t, _)| !t).map(|(_, s)| s.as_str()).collect();
        prop_assert_eq!(String::from_utf8(file.to_bytes().to_vec()).unwrap(), expected);
    }
}
