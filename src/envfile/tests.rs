//! Unit tests of the quoting forms and the line model; the round-trip properties, golden
//! files and filesystem behaviour are in `tests/envfile_*.rs`.

use std::path::Path;

use super::{quote, EnvFile, EnvFileError};
use crate::domain::Secret;

fn enc(value: &str) -> String {
    quote::encode("V", value).unwrap().to_string()
}

fn parse(text: &str) -> Result<EnvFile, EnvFileError> {
    EnvFile::parse(text.as_bytes(), Path::new(".env"))
}

fn set(text: &str, var: &str, value: &str) -> String {
    let mut file = parse(text).unwrap();
    file.set(var, &Secret::new(value.into())).unwrap();
    String::from_utf8(file.to_bytes().to_vec()).unwrap()
}

#[test]
fn provider_keys_are_written_bare() {
    assert_eq!(
        enc("AIzaSyFAKE-key_0123456789"),
        "AIzaSyFAKE-key_0123456789"
    );
    assert_eq!(
        enc("0b7a3c9e-1f2d-4c5b-8a9e-123456789abc"),
        "0b7a3c9e-1f2d-4c5b-8a9e-123456789abc"
    );
    assert_eq!(enc("ck_pub_abc123"), "ck_pub_abc123");
    assert_eq!(enc("sk-ant-api03+x/y=="), "sk-ant-api03+x/y==");
}

#[test]
fn each_form_is_chosen_by_what_the_value_contains() {
    assert_eq!(enc(""), "");
    assert_eq!(enc("a b # $HOME `x`"), "'a b # $HOME `x`'");
    assert_eq!(enc("line1\nline2"), "'line1\nline2'");
    assert_eq!(enc("~/x"), "'~/x'");
    assert_eq!(enc("it's"), "\"it's\"");
    assert_eq!(enc(r#"a\b"c"#), r#""a\\b\"c""#);
    assert_eq!(enc("it's $5"), r"'it'\''s $5'");
    assert_eq!(enc(r"\$"), r"\\'$'");
    assert_eq!(enc(r"'`'\"), r"\''`'\'\\");
}

#[test]
fn nul_is_refused_without_showing_the_value() {
    let err = quote::encode("GEMINI_API_KEY", "AIza-canary\0x").unwrap_err();
    assert!(matches!(err, EnvFileError::Unrepresentable { .. }));
    for text in [err.to_string(), format!("{err:?}")] {
        assert!(!text.contains("canary"), "{text}");
        assert!(text.contains("GEMINI_API_KEY"), "{text}");
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
        set(text, "KEY", "new"),
        "A=1\r\n  export KEY=new # the key\r\nB=2\r\n"
    );
    assert_eq!(set("exportKEY=1\n", "exportKEY", "2"), "exportKEY=2\n");
    assert_eq!(set("KEY= #x\n", "KEY", "v"), "KEY=v #x\n");
    assert_eq!(set("KEY=#x\n", "KEY", "v"), "KEY=v\n");
}

#[test]
fn multi_line_entries_are_one_entry() {
    let text = "A='x\ny'\nKEY=\"1\n2\" # c\nB=3\nKEY='dup\nlicate'\n";
    assert_eq!(set(text, "KEY", "v"), "A='x\ny'\nKEY=v # c\nB=3\n");
    let file = parse(text).unwrap();
    assert_eq!(file.get("A").unwrap().expose(), "x\ny");
    assert_eq!(file.get("KEY").unwrap().expose(), "1\n2");
}

#[test]
fn bom_is_kept_and_ignored_for_keys() {
    let text = "\u{feff}KEY=1\n";
    assert_eq!(set(text, "KEY", "2"), "\u{feff}KEY=2\n");
    assert_eq!(parse(text).unwrap().get("KEY").unwrap().expose(), "1");
}

#[test]
fn ambiguous_or_unparseable_files_are_refused() {
    let cases = [
        // dotenvy swallows the next line into a "string" opened inside the comment.
        ("A=1  # don't\nB=2\n# it's\n", 1),
        ("A=1\nB='open\n", 2),
        ("A=1\nnot an assignment\n", 2),
        ("A=1\nB=x\\\nC=2\n", 2),
        ("A=1\nB=${X\n", 2),
    ];
    for (text, line) in cases {
        match parse(text) {
            Err(EnvFileError::Malformed { line: l, .. }) => assert_eq!(l, line, "{text:?}"),
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let err = EnvFile::parse(b"A=1\nB=\xff\n", Path::new(".env")).unwrap_err();
    assert!(
        matches!(err, EnvFileError::Malformed { line: 2, .. }),
        "{err:?}"
    );
}

#[test]
fn debug_shows_keys_not_values() {
    let file = parse("KEY=AIza-canary-value\n").unwrap();
    let debug = format!("{file:?}");
    assert!(
        debug.contains("KEY") && !debug.contains("canary"),
        "{debug}"
    );
}

#[test]
fn comment_and_blank_entries_have_no_key() {
    let file = parse("# KEY=1\n\n   \n  # x\nKEY=2\n").unwrap();
    assert_eq!(file.get("KEY").unwrap().expose(), "2");
    let mut file = file;
    assert!(file.remove("KEY"));
    assert!(!file.remove("KEY"));
    assert_eq!(&file.to_bytes()[..], b"# KEY=1\n\n   \n  # x\n");
}
