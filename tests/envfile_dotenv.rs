//! The dialect against the real python-dotenv: generated files (every construct of its
//! grammar, and soups of the fragments that trip parsers: unclosed and escaped quotes,
//! backslashes, `${…}`, BOM, CR, CRLF, lone CR, Unicode blanks) are read by
//! `envfile::dialect` and by python-dotenv in one python3 process per batch, and must give
//! the same statements (extent, key, value, error), the same `dotenv_values` and, through
//! `config::read_dotenv`, the same environment as `load_dotenv` with a real environment.

mod envfile_support;

use std::collections::BTreeMap;

use envfile_support::{normalized, python_dotenv, read_batch, PyBinding};
use onboardctl::envfile::dialect::{self, Kind};
use onboardctl::envfile::expand;
use proptest::prelude::*;

const FRAGMENTS: &[&str] = &[
    "A",
    "B_2",
    "KEY",
    "export",
    "export ",
    "'QK'",
    "a.b",
    "é",
    "=",
    " = ",
    "= ",
    " ",
    "\t",
    "",
    "x",
    "keep me",
    "it's",
    "C:\\path\\to",
    "# don't",
    "{\"a\": 1}",
    "'s q'",
    "\"d q\"",
    "'",
    "\"",
    "\\",
    "\\'",
    "\\\"",
    "\\\\",
    "'a\\'",
    "\"a\\\"",
    "${A}",
    "${A:-d}",
    "${NOVALUE}",
    "${:-zz}",
    "${A:x}",
    "${",
    "}",
    "$A",
    "\\n",
    "\\t",
    "\\r",
    "#",
    " #",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "\u{a0}",
    "\u{1c}",
    "\u{2028}",
    "\u{b}",
    "NOVALUE",
    "😀",
];

fn line() -> impl Strategy<Value = String> {
    let key = prop::sample::select(vec!["A", "B_2", "KEY", "NOVALUE", "'QK'", "export"]);
    let value = prop::sample::select(vec![
        "",
        "x",
        "keep me",
        "it's",
        "C:\\path\\to",
        "1  # don't",
        "{\"a\": 1}",
        "'single'",
        "\"double\"",
        "'it\\'s'",
        "\"a\\\"b\\\\c\\n\\t\"",
        "'multi\nline'",
        "\"multi\r\nline\"",
        "'unclosed",
        "\"unclosed",
        "${A}",
        "'${A:-dflt}'",
        "\"${NOVALUE:-d}\"",
        "${KEY}x",
        "'a\\'",
        "\"x\" junk",
        "$A",
        "x\\",
        " spaced ",
    ]);
    let head = prop::sample::select(vec!["", "export ", "  ", "\t", "export\t"]);
    let tail = prop::sample::select(vec!["", " # c", "#c", "   ", " junk", "\t# it's"]);
    prop_oneof![
        6 => (head, key, prop::sample::select(vec!["=", " = ", "= ", ""]), value, tail)
            .prop_map(|(h, k, e, v, t)| format!("{h}{k}{e}{v}{t}")),
        1 => prop::sample::select(vec!["# comment", "", "   ", "export # x", "=novalue", "NOVALUE"])
            .prop_map(String::from),
        2 => prop::collection::vec(prop::sample::select(FRAGMENTS), 1..6).prop_map(|f| f.concat()),
    ]
}

/// A file: lines joined by mixed breaks, maybe a BOM, maybe no final break.
fn file() -> impl Strategy<Value = String> {
    let breaks = prop::sample::select(vec!["\n", "\n", "\r\n", "\r"]);
    (
        prop::collection::vec((line(), breaks), 0..10),
        any::<bool>(),
        prop::bool::weighted(0.15),
    )
        .prop_map(|(lines, last_break, bom)| {
            let mut text = String::from(if bom { "\u{feff}" } else { "" });
            let n = lines.len();
            for (i, (l, b)) in lines.into_iter().enumerate() {
                text.push_str(&l);
                if i + 1 < n || last_break {
                    text.push_str(b);
                }
            }
            text
        })
}

fn env() -> impl Strategy<Value = Vec<(String, String)>> {
    prop::sample::subsequence(
        vec![("A", "from-env"), ("KEY", ""), ("NOVALUE", "env")],
        0..=3,
    )
    .prop_map(|v| v.into_iter().map(|(k, v)| (k.into(), v.into())).collect())
}

/// Our reading of `text`, in python-dotenv's terms.
fn ours(text: &str) -> Vec<PyBinding> {
    dialect::parse(text)
        .into_iter()
        .map(|b| {
            let (key, value) = match &b.kind {
                Kind::Assign(a) => (Some(a.key.clone()), a.value.as_ref().map(|v| v.to_string())),
                _ => (None, None),
            };
            PyBinding {
                text: normalized(&text[b.lead.start..b.body.end]),
                key,
                value,
                error: b.kind == Kind::Error,
            }
        })
        .collect()
}

/// `dotenv_values` in an empty environment: file order of first appearance, last value.
fn our_values(text: &str) -> Vec<(String, Option<String>)> {
    let mut out: Vec<(String, Option<String>)> = Vec::new();
    for (k, v) in expand::resolve(&dialect::parse(text), &|_| None) {
        let v = v.map(|v| v.to_string());
        match out.iter_mut().find(|(key, _)| *key == k) {
            Some(slot) => slot.1 = v,
            None => out.push((k, v)),
        }
    }
    out
}

/// `load_dotenv` through the real loader: the environment plus what it would set.
fn our_load(
    dir: &std::path::Path,
    text: &str,
    env: &[(String, String)],
) -> Option<BTreeMap<String, String>> {
    let path = dir.join(".env");
    std::fs::write(&path, text).unwrap();
    let real = |name: &str| env.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone());
    let loaded = match onboardctl::config::read_dotenv(&path, &real) {
        Ok(loaded) => loaded.expect("exists"),
        // Stopping is allowed only for variables onboardctl reads; none are generated.
        Err(e) => panic!("{e}"),
    };
    let mut all: BTreeMap<String, String> = env.iter().cloned().collect();
    all.extend(loaded.vars.into_iter().map(|(k, v)| (k, v.to_string())));
    Some(all)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(8))]

    #[test]
    fn the_dialect_reads_files_as_python_dotenv_does(
        cases in prop::collection::vec((file(), env()), 250),
    ) {
        if !python_dotenv() {
            return Ok(());
        }
        let readings = read_batch(&cases);
        let dir = tempfile::tempdir().unwrap();
        for ((text, env), py) in cases.iter().zip(readings) {
            prop_assert_eq!(&ours(text), &py.bindings, "statements of {:?}", text);
            prop_assert_eq!(&our_values(text), &py.values, "values of {:?}", text);
            // A file python-dotenv cannot load (a name the environment refuses) stops
            // ALwrity too: there is no loading of it to agree with.
            if let Some(loaded) = py.loaded {
                prop_assert_eq!(our_load(dir.path(), text, env), Some(loaded), "load_dotenv of {:?}", text);
            }
        }
    }
}
