//! Unit tests of the dialect's quirks, the quoting forms and refusals, and the editor's line
//! model; the comparisons with the real python-dotenv, dotenvy and sh, golden files and
//! filesystem behaviour are in `tests/envfile_*.rs`.

use std::path::Path;

use super::dialect::{self, Kind};
use super::{expand, quote, EnvFile, EnvFileError};
use crate::domain::Secret;

fn forms(value: &str) -> Vec<String> {
    let forms = quote::candidates("V", value).unwrap();
    forms.iter().map(|f| f.to_string()).collect()
}

fn parse(text: &str) -> EnvFile {
    EnvFile::parse(text.as_bytes(), Path::new(".env")).unwrap()
}

fn set(text: &str, var: &str, value: &str) -> Result<String, EnvFileError> {
    let mut file = parse(text);
    file.set(var, &Secret::new(value.into()))?;
    Ok(String::from_utf8(file.to_bytes().to_vec()).unwrap())
}

/// (key, value) of each assignment python-dotenv reads, values before interpolation.
fn assigns(text: &str) -> Vec<(String, Option<String>)> {
    dialect::parse(text)
        .iter()
        .filter_map(|b| b.assign())
        .map(|a| (a.key.clone(), a.value.as_ref().map(|v| v.to_string())))
        .collect()
}

fn pair(k: &str, v: &str) -> (String, Option<String>) {
    (k.into(), Some(v.into()))
}

#[test]
fn the_dialect_reads_what_dotenvy_refuses() {
    let text = "OTHER=keep me\nAPOS=it's\nBACKSL=C:\\path\\to\nA=1  # don't\nNOVALUE\n\
                JSONV={\"a\": 1}\nexport  E='x\\'y'\n'Q K'=\"a\\tb\"\n";
    let expected = vec![
        pair("OTHER", "keep me"),
        pair("APOS", "it's"),
        pair("BACKSL", "C:\\path\\to"),
        pair("A", "1"),
        ("NOVALUE".into(), None),
        pair("JSONV", "{\"a\": 1}"),
        pair("E", "x'y"),
        pair("Q K", "a\tb"),
    ];
    assert_eq!(assigns(text), expected);
}

#[test]
fn the_dialect_keeps_python_dotenvs_quirks() {
    // A lone CR is a line break; a BOM belongs to the first key.
    assert_eq!(
        assigns("\u{feff}A=x\ry"),
        [pair("\u{feff}A", "x"), ("y".into(), None)]
    );
    // Without a later quote, a quote closes at the last backslash-quote pair.
    assert_eq!(
        assigns("A='a\\'\nB=2\n"),
        [pair("A", "a\\"), pair("B", "2")]
    );
    // With one, it runs on to it (here to line 2, where the rest then fails to parse).
    let bindings = dialect::parse("A='a\\'\nB='2'\n");
    assert_eq!((bindings.len(), &bindings[0].kind), (1, &Kind::Error));
    // An error skips to the end of the line where it happened, then parsing goes on.
    let bindings = dialect::parse("A=\"x\" junk\nB=2\n=bad\nC=3");
    let kinds: Vec<bool> = bindings.iter().map(|b| b.kind == Kind::Error).collect();
    assert_eq!(kinds, [true, false, true, false]);
    assert_eq!(bindings[2].line, 3);
}

#[test]
fn interpolation_follows_load_dotenv() {
    let text = "A=file\nB=${A}-${UNSET:-dflt}-${NOVALUE:-dflt}\nNOVALUE\nC='${A}'\nD=${A:x}\n";
    let env = |name: &str| (name == "A").then(|| "env".to_owned());
    let got: Vec<_> = expand::resolve(&dialect::parse(text), &env)
        .into_iter()
        .map(|(k, v)| (k, v.map(|v| v.to_string())))
        .collect();
    // The real environment wins over the file; a key without `=` expands to nothing, but
    // only after it is listed; single quotes are expanded too; `${A:x}` is no reference.
    assert_eq!(got[1], pair("B", "env-dflt-dflt"));
    assert_eq!(got[3], pair("C", "env"));
    assert_eq!(got[4], pair("D", "${A:x}"));
    let later = expand::resolve(&dialect::parse("N\nB=${N:-d}\n"), &|_| None);
    assert_eq!(later[1].1.as_deref().map(|v| v.as_str()), Some(""));
}

#[test]
fn provider_keys_are_written_bare() {
    for key in [
        "AIzaSyFAKE-key_0123456789",
        "0b7a3c9e-1f2d-4c5b",
        "sk-ant-api03+x/y==",
    ] {
        assert_eq!(forms(key), [key]);
    }
}

#[test]
fn each_form_is_chosen_by_what_the_value_contains() {
    assert_eq!(forms(""), [""]);
    assert_eq!(forms("a b # $HOME `x`"), ["'a b # $HOME `x`'"]);
    assert_eq!(
        forms("line1\nline2"),
        ["'line1\nline2'", "\"line1\nline2\""]
    );
    assert_eq!(
        forms("C:\\path\\to"),
        ["'C:\\path\\to'", "\"C:\\\\path\\\\to\""]
    );
    assert_eq!(forms("it's"), ["\"it's\""]);
    assert_eq!(forms(r#"a\\b"c"#), [r#""a\\\\b\"c""#]);
    assert_eq!(forms("it's \\ here"), ["\"it's \\\\ here\""]);
}

#[test]
fn values_no_spelling_fits_are_refused_naming_the_characters() {
    let cases = [
        ("AIza-canary\0x", "NUL"),
        ("AIza-canary\rx", "carriage return"),
        ("AIza-canary\\", "ends with a backslash"),
        ("AIza-canary${HOME}", "`${…}`"),
        ("AIza-canary's $5", "both `'` and `$`"),
        (
            "AIza-canary\\\\`x`",
            "two backslashes in a row and a backtick",
        ),
    ];
    for (value, reason) in cases {
        let err = quote::candidates("GEMINI_API_KEY", value).unwrap_err();
        assert!(matches!(err, EnvFileError::Unrepresentable { .. }));
        for text in [err.to_string(), format!("{err:?}")] {
            assert!(!text.contains("canary"), "{text}");
            assert!(
                text.contains("GEMINI_API_KEY") && text.contains(reason),
                "{text}"
            );
        }
    }
    // Near misses are written.
    for value in [
        "$",
        "$HOME",
        "${HOME",
        "${A:x}",
        "\\$x",
        "`",
        "it's \\ x",
        "a\\b$",
    ] {
        assert!(quote::candidates("V", value).is_ok(), "{value}");
    }
}

#[test]
fn invalid_names_are_refused() {
    let mut file = EnvFile::default();
    for name in ["", "1A", "A-B", "A.B", "A B", "É"] {
        let err = file.set(name, &Secret::new("x".into())).unwrap_err();
        assert!(matches!(err, EnvFileError::InvalidName { .. }), "{name}");
    }
}

#[test]
fn replaced_line_keeps_indent_export_comment_and_terminator() {
    let text = "A=1\r\n  export  KEY = \"old\"   # the key\r\nB=2\r\n";
    assert_eq!(
        set(text, "KEY", "new").unwrap(),
        "A=1\r\n  export KEY=new # the key\r\nB=2\r\n"
    );
    assert_eq!(
        set("exportKEY=1\n", "exportKEY", "2").unwrap(),
        "exportKEY=2\n"
    );
    assert_eq!(set("KEY=v #x\n", "KEY", "").unwrap(), "KEY='' #x\n");
    assert_eq!(set("KEY=#x\n", "KEY", "v").unwrap(), "KEY=v\n");
    // A lone CR ends a line for python-dotenv only: the new line ends in the file's style.
    assert_eq!(set("KEY=1\rB=2\n", "KEY", "v").unwrap(), "KEY=v\nB=2\n");
}

#[test]
fn duplicates_collapse_so_no_stale_copy_stays() {
    // python-dotenv's last assignment wins, a bare `KEY` unsets: all go.
    let text = "A='x\ny'\nKEY=\"1\n2\" # c\nB=3\nKEY='dup\nlicate'\nKEY\n";
    assert_eq!(set(text, "KEY", "v").unwrap(), "A='x\ny'\nKEY=v # c\nB=3\n");
    let file = parse("KEY=1\nKEY=2\n");
    assert_eq!(file.get("KEY").unwrap().expose(), "2");
    assert!(parse("KEY=1\nKEY\n").get("KEY").is_none());
}

#[test]
fn an_apostrophe_above_does_not_hide_the_key() {
    let text = "APOS=it's\nGEMINI_API_KEY=AIzaOLD\nB=2\n";
    let out = set(text, "GEMINI_API_KEY", "AIzaNEW").unwrap();
    assert_eq!(out, "APOS=it's\nGEMINI_API_KEY=AIzaNEW\nB=2\n");
    let mut file = parse(text);
    assert!(file.remove("GEMINI_API_KEY").unwrap());
    assert_eq!(&file.to_bytes()[..], b"APOS=it's\nB=2\n");
}

#[test]
fn a_bom_stays_and_a_glued_name_is_left_with_a_warning() {
    assert_eq!(
        set("\u{feff}A=1\nKEY=1\n", "KEY", "2").unwrap(),
        "\u{feff}A=1\nKEY=2\n"
    );
    let mut file = parse("\u{feff}KEY=1\n");
    file.set("KEY", &Secret::new("2".into())).unwrap();
    assert_eq!(&file.to_bytes()[..], "\u{feff}KEY=1\nKEY=2\n".as_bytes());
    assert!(
        file.warnings()[0].contains("byte-order mark"),
        "{:?}",
        file.warnings()
    );
}

#[test]
fn an_unreadable_line_assigning_the_target_is_refused_naming_it() {
    for (text, line) in [
        ("A=1\nKEY=\"x\" junk\n", 2),
        ("A=\"x\" y\n\n  export KEY='v' z\n", 3),
        ("A=\"x\\\\\"\nKEY=old\nB=\"y\" z\n", 2),
    ] {
        match set(text, "KEY", "new") {
            Err(EnvFileError::Conflict { line: l, .. }) => assert_eq!(l, line, "{text:?}"),
            other => panic!("{text:?}: {other:?}"),
        }
        assert!(parse(text).remove("KEY").is_err());
    }
    // Other unreadable lines are kept as they are.
    assert_eq!(
        set("=junk\nA=\"x\" y\n", "KEY", "v").unwrap(),
        "=junk\nA=\"x\" y\nKEY=v\n"
    );
}

#[test]
fn an_open_quote_above_picks_the_spelling_or_refuses() {
    // Line 1's quote is unclosed: a `'` in the new value would close it. Double quotes do.
    let out = set("A='open\n", "KEY", "a b").unwrap();
    assert_eq!(out, "A='open\nKEY=\"a b\"\n");
    match set("A='open\nB=\"open\n", "KEY", "a b") {
        Err(EnvFileError::Conflict { line: 1, .. }) => {}
        other => panic!("{other:?}"),
    }
}

#[test]
fn debug_shows_keys_not_values() {
    let debug = format!("{:?}", parse("KEY=AIza-canary-value\n"));
    assert!(
        debug.contains("KEY") && !debug.contains("canary"),
        "{debug}"
    );
    let debug = format!("{:?}", dialect::parse("KEY=AIza-canary-value\n"));
    assert!(
        debug.contains("KEY") && !debug.contains("canary"),
        "{debug}"
    );
}

#[test]
fn comment_and_blank_entries_have_no_key() {
    let mut file = parse("# KEY=1\n\n   \n  # x\nKEY=2\n");
    assert_eq!(file.get("KEY").unwrap().expose(), "2");
    assert!(file.remove("KEY").unwrap());
    assert!(!file.remove("KEY").unwrap());
    assert_eq!(&file.to_bytes()[..], b"# KEY=1\n\n   \n  # x\n");
}
