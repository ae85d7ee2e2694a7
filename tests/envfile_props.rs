//! Property tests of the `.env` editor against the real readers. Generated
//! python-dotenv-valid files (comments, blank lines, `export`, CRLF, a BOM, duplicates of the
//! target, keys without `=`, multi-line values, `${…}` references, and lines that look
//! unbalanced but python-dotenv accepts: `APOS=it's`, `A=1  # don't`, `C:\path`), arbitrary
//! values, and a `set` or `remove`; then, for each batch, one python3 process reads every file
//! before and after with python-dotenv itself:
//! - every other variable reads the same (`dotenv_values`), and the target reads exactly the
//!   value (`load_dotenv`), or is gone after a removal;
//! - every statement but the target's stays byte-for-byte;
//! - the written statement reads back exactly through dotenvy and through sh and bash;
//! - a value is refused exactly when it is in one of the classes `quote.rs` proves have no
//!   spelling, and a valid file is never refused.

mod envfile_support;

use std::path::Path;

use envfile_support::{dotenvy_pairs, python_dotenv, read_batch, sh_values};
use onboardctl::domain::Secret;
use onboardctl::envfile::{dialect, expand, EnvFile, EnvFileError};
use proptest::prelude::*;

const VAR: &str = "GEMINI_API_KEY";

fn value_char() -> impl Strategy<Value = char> {
    let nasty = vec![
        '\'', '"', '\\', '$', '`', '#', ' ', '\t', '\n', '\r', '!', '~', '*', '{', '}', '(', ')',
        ';', '&', '|', '<', '>', '=', ':', '-', 'é', '中', '😀', '\u{85}', '\u{a0}', '\u{2028}',
        '\u{feff}', '\u{7f}', '\u{1}', '\u{1b}', '\u{b}', '\u{c}', '\u{1c}',
    ];
    prop_oneof![
        10 => prop::sample::select(nasty),
        4 => any::<char>(),
        12 => prop::char::ranges(vec!['a'..='z', 'A'..='Z', '0'..='9'].into()),
    ]
}

/// Arbitrary values; about one in twenty gets a NUL, one in ten a `${…}`.
fn value() -> impl Strategy<Value = String> {
    let chars = prop::collection::vec(value_char(), 0..30).prop_map(String::from_iter);
    (chars, 0..20u8).prop_map(|(v, roll)| match roll {
        0 => format!("{v}\0"),
        1 | 2 => format!("${{HOME}}{v}"),
        _ => v,
    })
}

/// One line python-dotenv accepts, never referring to the target.
fn other_line() -> impl Strategy<Value = String> {
    let key = || prop::sample::select(vec!["A", "B_2", "GEMINI_API_KEY_OLD", "XGEMINI_API_KEY"]);
    let literal = prop::sample::select(vec![
        "keep me",
        "it's",
        "C:\\path\\to",
        "1  # don't",
        "{\"a\": 1}",
        "AIzaOTHER",
        "x\\",
        "'single # q'",
        "\"dq \\\" \\\\ \\n\"",
        "'it\\'s'",
        "'multi\nline'",
        "\"two\r\nlines\"",
        "${A}",
        "${B_2:-dflt}",
        "'${UNSET:-x}'",
        "$A",
        "",
        "sp aced  ",
        "\"x\"  # c'",
    ]);
    prop_oneof![
        5 => (prop::sample::select(vec!["", "export ", "  ", "\t"]), key(), literal)
            .prop_map(|(h, k, v)| format!("{h}{k}={v}")),
        1 => key().prop_map(String::from),
        1 => "[^\r\n]{0,16}".prop_map(|c| format!("# {c}")),
        1 => prop::sample::select(vec!["", "", "  ", "\t"]).prop_map(String::from),
    ]
}

/// A statement of the target in the forms it is found in.
fn target_line() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "GEMINI_API_KEY=AIzaOLD",
        "export GEMINI_API_KEY='old # x'",
        "  GEMINI_API_KEY = \"multi\nline\n\"",
        "GEMINI_API_KEY=abc # note",
        "export GEMINI_API_KEY=\"x\ny\" # it's",
        "\tGEMINI_API_KEY=",
        "GEMINI_API_KEY",
        "'GEMINI_API_KEY'=quoted-key",
        "GEMINI_API_KEY=it's old",
    ])
    .prop_map(String::from)
}

/// A file: BOM or not, LF or CRLF, final break or not.
fn file() -> impl Strategy<Value = String> {
    let line = prop_oneof![8 => other_line(), 2 => target_line()];
    (
        prop::collection::vec(line, 0..12),
        prop::sample::select(vec!["\n", "\r\n"]),
        any::<bool>(),
        prop::bool::weighted(0.2),
    )
        .prop_map(|(lines, eol, last, bom)| {
            let body = lines
                .iter()
                .map(|l| l.replace('\n', eol))
                .collect::<Vec<_>>();
            let body = body.join(eol);
            // A BOM glued to a blank or to `export ` makes line 1 unreadable: none then.
            let with_bom = format!("\u{feff}{body}");
            let valid = dialect::parse(&with_bom)
                .iter()
                .all(|b| b.kind != dialect::Kind::Error);
            let mut text = if bom && valid { with_bom } else { body };
            if last && !text.is_empty() {
                text.push_str(eol);
            }
            text
        })
}

/// The classes of values `quote.rs` refuses.
fn unwritable(v: &str) -> bool {
    let quote = v.contains('\'') || v.contains("\\\\");
    let dollar = v.contains(['$', '`']);
    v.contains(['\0', '\r']) || v.ends_with('\\') || expand::has_reference(v) || (quote && dollar)
}

/// The text with every statement of the target taken out (indentation included).
fn without_target(text: &str) -> String {
    let mut out = String::new();
    for b in dialect::parse(text) {
        out.push_str(&text[b.lead.clone()]);
        if b.assign().is_none_or(|a| a.key != VAR) {
            out.push_str(&text[b.body]);
        } else {
            out.truncate(out.trim_end_matches([' ', '\t']).len());
        }
    }
    out
}

/// The written statement: the target's only binding in `text`, from its first character.
fn written(text: &str) -> String {
    let bindings = dialect::parse(text);
    let mut hits = bindings
        .iter()
        .filter(|b| b.assign().is_some_and(|a| a.key == VAR));
    let b = hits.next().expect("written");
    assert!(hits.next().is_none(), "one statement");
    text[b.body.clone()].to_owned()
}

struct Case {
    before: String,
    value: Option<String>,
}

fn edit(case: &Case) -> Result<String, EnvFileError> {
    let mut file = EnvFile::parse(case.before.as_bytes(), Path::new(".env")).unwrap();
    match &case.value {
        Some(v) => file.set(VAR, &Secret::new(v.clone()))?,
        None => _ = file.remove(VAR)?,
    }
    Ok(String::from_utf8(file.to_bytes().to_vec()).unwrap())
}

fn check_batch(cases: &[Case]) -> Result<(), TestCaseError> {
    let mut texts = Vec::new();
    let mut edited = Vec::new();
    for case in cases {
        match (edit(case), &case.value) {
            (Ok(after), v) => {
                prop_assert!(
                    v.as_deref().is_none_or(|v| !unwritable(v)),
                    "accepted {v:?}"
                );
                texts.push((case.before.clone(), vec![]));
                texts.push((after.clone(), vec![]));
                edited.push((case, after));
            }
            (Err(EnvFileError::Unrepresentable { .. }), Some(v)) if unwritable(v) => {}
            (Err(e), _) => return Err(TestCaseError::fail(format!("{:?}: {e}", case.before))),
        }
    }
    let readings = read_batch(&texts);
    let mut statements = Vec::new();
    for (i, (case, after)) in edited.iter().enumerate() {
        let (old, new) = (&readings[2 * i], &readings[2 * i + 1]);
        let others = |r: &envfile_support::PyReading| {
            r.values
                .iter()
                .filter(|(k, _)| k != VAR)
                .cloned()
                .collect::<Vec<_>>()
        };
        prop_assert_eq!(
            others(old),
            others(new),
            "others in {:?} -> {:?}",
            case.before,
            after
        );
        prop_assert_eq!(
            new.loaded
                .as_ref()
                .expect("python-dotenv loads it")
                .get(VAR),
            case.value.as_ref(),
            "{:?}",
            after
        );
        let kept = |t: &str| without_target(t).trim_end_matches(['\r', '\n']).to_owned();
        prop_assert_eq!(
            kept(&case.before),
            kept(after),
            "bytes of {:?}",
            case.before
        );
        if let Some(v) = &case.value {
            let statement = written(after);
            let pairs = dotenvy_pairs(&statement);
            prop_assert_eq!(
                pairs,
                Ok(vec![(VAR.to_owned(), v.clone())]),
                "dotenvy: {:?}",
                statement
            );
            // In a CRLF file sh reads a CR at the end of every line; the quoting is what is
            // tested here, so the line break goes to sh as LF.
            let lf = match statement.strip_suffix("\r\n") {
                Some(s) => format!("{s}\n"),
                None => statement,
            };
            statements.push((lf, v.clone()));
        }
    }
    let files: Vec<String> = statements.iter().map(|(s, _)| s.clone()).collect();
    for shell in ["sh", "bash"] {
        for ((statement, v), got) in statements.iter().zip(sh_values(shell, VAR, &files)) {
            prop_assert_eq!(
                got.as_deref(),
                Some(v.as_bytes()),
                "{} on {:?}",
                shell,
                statement
            );
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(10))]

    #[test]
    fn edits_read_back_through_python_dotenv_dotenvy_and_sh(
        cases in prop::collection::vec((file(), prop::option::weighted(0.85, value())), 100),
    ) {
        if !python_dotenv() {
            return Ok(());
        }
        let cases: Vec<Case> = cases
            .into_iter()
            .map(|(before, value)| Case { before, value })
            .collect();
        for case in &cases {
            let errors = dialect::parse(&case.before).iter().filter(|b| b.kind == dialect::Kind::Error).count();
            prop_assert_eq!(errors, 0, "generated an invalid file {:?}", case.before);
        }
        check_batch(&cases)?;
    }
}
