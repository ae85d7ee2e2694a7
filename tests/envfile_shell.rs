//! The quoting rule against the three real readers. A list of nasty values goes through the
//! real [`update`] path into an ALwrity-style file, and python-dotenv, dotenvy, sh (dash) and
//! bash must each read exactly the value back, or the value must be refused with one of the
//! documented reasons. Then the refusals are put to the test: for short values of each
//! refused class, every spelling up to five characters over the characters that matter is
//! tried, and none may read back as the value in python-dotenv, dotenvy and sh alike.

mod envfile_support;

use std::path::Path;

use envfile_support::{dotenvy_pairs, python_dotenv, read_batch, sh_values};
use onboardctl::domain::Secret;
use onboardctl::envfile::{dialect, expand, update, Edit, EnvFileError};

const VAR: &str = "GEMINI_API_KEY";
const SURROUNDING: &str = "# ALwrity backend\n\nexport A=1\nB='x y # z'\nAPOS=it's\n\
                           GEMINI_API_KEY=old\nOTHER=keep me\n";

const NASTY: &[&str] = &[
    "",
    "AIzaSyFAKE0123456789",
    "with space",
    " leading and trailing ",
    "#hash",
    "a #b",
    "it's",
    "'",
    "''",
    "\"",
    "\"'\"",
    "$HOME",
    "$(id)",
    "`id`",
    "'`'",
    "\\x",
    "back\\slash",
    "\\n",
    "\\'",
    "\\$",
    "tab\there",
    "trailing newline\n",
    "\n",
    "\n\n",
    "C:\\path\\to",
    "{\"a\": 1}",
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg+kqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
    "ünïcödé 中文 😀",
    "~/tilde",
    "a:~/b",
    "*.glob?[x]",
    "{a,b}",
    "!bang",
    "semi;colon&|<>",
    "\u{1}\u{2}\u{1b}[0m\u{7f}",
    "\u{85}\u{a0}\u{2028}\u{feff}\u{1c}",
    "=leading=equals",
    "-dash",
    "%percent%",
    "it's \\ \"both\"",
    "${HOME",
    "${A:x}",
    "$",
    "a$",
    "\\\\",
    "x\\\\y",
    // Refused: no spelling fits (see quote.rs).
    "cr\rhere",
    "\r",
    "ends\\",
    "${HOME}",
    "x${A:-b}y",
    "it's $HOME",
    "'`'$",
    "\\\\$x",
];

/// Whether `value` is in a refused class.
fn unwritable(v: &str) -> bool {
    let quote = v.contains('\'') || v.contains("\\\\");
    v.contains(['\0', '\r'])
        || v.ends_with('\\')
        || expand::has_reference(v)
        || (quote && v.contains(['$', '`']))
}

#[test]
fn nasty_values_read_back_through_all_three_readers_or_are_refused() {
    let mut files = Vec::new();
    for value in NASTY {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(".env");
        std::fs::write(&path, SURROUNDING).unwrap();
        let edit = Edit::Set(VAR.into(), Secret::new((*value).into()));
        match update(&path, &[edit]) {
            Ok(_) => assert!(!unwritable(value), "{value:?} was written"),
            Err(EnvFileError::Unrepresentable { .. }) if unwritable(value) => continue,
            Err(e) => panic!("{value:?}: {e}"),
        }
        files.push((value, std::fs::read_to_string(&path).unwrap()));
    }
    assert!(files.len() > 40, "{}", files.len());
    let statements: Vec<String> = files.iter().map(|(_, text)| statement(text)).collect();
    for ((value, _), text) in files.iter().zip(&statements) {
        let expected = vec![(VAR.to_owned(), value.to_string())];
        assert_eq!(dotenvy_pairs(text), Ok(expected), "dotenvy");
    }
    for shell in ["sh", "bash"] {
        for ((value, _), got) in files.iter().zip(sh_values(shell, VAR, &statements)) {
            assert_eq!(got.as_deref(), Some(value.as_bytes()), "{shell}");
        }
    }
    if !python_dotenv() {
        return;
    }
    let texts: Vec<_> = files
        .iter()
        .map(|(_, text)| (text.clone(), vec![]))
        .collect();
    for ((value, text), py) in files.iter().zip(read_batch(&texts)) {
        assert_eq!(
            py.loaded
                .as_ref()
                .expect("python-dotenv loads it")
                .get(VAR)
                .map(String::as_str),
            Some(**value),
            "{text:?}"
        );
        assert_eq!(
            py.loaded
                .as_ref()
                .expect("python-dotenv loads it")
                .get("APOS")
                .map(String::as_str),
            Some("it's")
        );
        assert_eq!(
            py.loaded
                .as_ref()
                .expect("python-dotenv loads it")
                .get("OTHER")
                .map(String::as_str),
            Some("keep me")
        );
    }
}

/// The target's statement in `text`.
fn statement(text: &str) -> String {
    let bindings = dialect::parse(text);
    let b = bindings
        .iter()
        .find(|b| b.assign().is_some_and(|a| a.key == VAR))
        .unwrap();
    text[b.body.clone()].to_owned()
}

/// What python-dotenv (through the dialect, checked against it in `envfile_dotenv.rs`) reads
/// for `V` in `V=<spelling>` followed by lines with both quotes (a spelling whose reading
/// depends on what comes later in the file is no spelling), when all read cleanly.
fn python_reads(spelling: &str) -> Option<String> {
    let text = format!("V={spelling}\nX=\"q\"\nY='q'\n");
    let bindings = dialect::parse(&text);
    if bindings.iter().any(|b| b.kind == dialect::Kind::Error) {
        return None;
    }
    let resolved = expand::resolve(&bindings, &|_| None);
    match &resolved[..] {
        [(k, Some(v)), (x, Some(xv)), (y, Some(yv))]
            if (k, x, y) == (&"V".into(), &"X".into(), &"Y".into())
                && (xv.as_str(), yv.as_str()) == ("q", "q") =>
        {
            Some(v.to_string())
        }
        _ => None,
    }
}

/// Every string of up to `max` characters over `alphabet`.
fn spellings(alphabet: &[char], max: usize) -> Vec<String> {
    let mut all = vec![String::new()];
    let mut level = vec![String::new()];
    for _ in 0..max {
        level = level
            .iter()
            .flat_map(|s| alphabet.iter().map(move |c| format!("{s}{c}")))
            .collect();
        all.extend(level.iter().cloned());
    }
    all
}

#[test]
fn no_short_spelling_reads_back_a_refused_value_in_all_three() {
    let refused = [
        "'$", "$'", "a'$", "'`", "`'", "\\\\$", "\\\\`", "\\", "a\\", "'\\", "\r", "a\rb", "${}",
        "${a}",
    ];
    // Writable controls: the search must find a spelling for each, or it proves nothing.
    let controls = ["'", "$", "\\a", "a a", "'a", "\"$", "`", "\n"];
    assert!(refused.iter().all(|v| unwritable(v)) && controls.iter().all(|v| !unwritable(v)));
    let alphabet = [
        'a', '\'', '"', '\\', '$', '`', '{', '}', ' ', '#', '\n', '\r',
    ];
    let mut found: Vec<(String, String)> = Vec::new();
    for spelling in spellings(&alphabet, 5) {
        let Some(p) = python_reads(&spelling) else {
            continue;
        };
        if !refused.contains(&p.as_str()) && !controls.contains(&p.as_str()) {
            continue;
        }
        let line = format!("V={spelling}\n");
        if dotenvy_pairs(&line) == Ok(vec![("V".to_owned(), p.clone())]) {
            found.push((line, p));
        }
    }
    let lines: Vec<String> = found.iter().map(|(l, _)| l.clone()).collect();
    let sh = sh_values("sh", "V", &lines);
    let agree: Vec<&(String, String)> = found
        .iter()
        .zip(&sh)
        .filter(|((_, p), s)| s.as_deref() == Some(p.as_bytes()))
        .map(|(f, _)| f)
        .collect();
    for value in controls {
        assert!(
            agree.iter().any(|(_, p)| p == value),
            "no spelling found for {value:?}"
        );
    }
    let counterexamples: Vec<_> = agree
        .iter()
        .filter(|(_, p)| refused.contains(&p.as_str()))
        .collect();
    assert!(counterexamples.is_empty(), "{counterexamples:?}");
    assert!(Path::new("/bin/sh").exists());
}
