//! `--jq EXPR`: machine output filtered through jq, by jaq (a pure-Rust jq: parser,
//! interpreter, the standard library; no module loading, no file or network access). As
//! with gh, each result is written on its own line: a string as its text (escaped like any
//! text for the terminal), anything else as compact JSON.

use jaq_core::load::{Arena, File, Loader};
use jaq_core::{data, unwrap_valr, Compiler, Ctx, Vars};
use jaq_json::Val;

use super::inert::{escape, inert_json};
use super::node::Node;
use crate::error::Error;

/// A compiled filter.
type Filter = jaq_core::Filter<data::JustLut<Val>>;

/// Compiles `expr`, or says why it is not a jq expression (exit 2).
fn compile(expr: &str) -> Result<Filter, Error> {
    let defs = jaq_core::defs()
        .chain(jaq_std::defs())
        .chain(jaq_json::defs());
    let funs = jaq_core::funs()
        .chain(jaq_std::funs())
        .chain(jaq_json::funs());
    let arena = Arena::default();
    let program = File {
        code: expr,
        path: (),
    };
    let modules = Loader::new(defs)
        .load(&arena, program)
        .map_err(|errs| invalid(expr, load_reasons(errs)))?;
    Compiler::default()
        .with_funs(funs)
        .compile(modules)
        .map_err(|errs| {
            let reasons = errs
                .into_iter()
                .flat_map(|(_, es)| es)
                .map(|(name, undefined)| format!("undefined {} `{name}`", undefined.as_str()))
                .collect();
            invalid(expr, reasons)
        })
}

fn load_reasons(errs: jaq_core::load::Errors<&str, ()>) -> Vec<String> {
    use jaq_core::load::Error as E;
    let mut out = Vec::new();
    for (_, e) in errs {
        match e {
            E::Io(es) => out.extend(es.into_iter().map(|(path, why)| format!("`{path}`: {why}"))),
            E::Lex(es) => out.extend(
                es.into_iter()
                    .map(|(expect, rest)| near(expect.as_str(), rest)),
            ),
            E::Parse(es) => {
                out.extend(
                    es.into_iter()
                        .map(|(expect, rest)| near(expect.as_str(), rest)),
                );
            }
        }
    }
    out
}

fn near(expected: &str, rest: &str) -> String {
    let at: String = rest.chars().take(20).collect();
    if at.is_empty() {
        format!("expected {expected} at the end")
    } else {
        format!("expected {expected} at `{at}`")
    }
}

fn invalid(expr: &str, reasons: Vec<String>) -> Error {
    Error::usage(format!("`{expr}` is not a jq expression (--jq)")).with_details(reasons)
}

/// Checks `expr` before the command runs, so a bad filter changes nothing.
pub fn check(expr: &str) -> Result<(), Error> {
    compile(expr).map(drop)
}

/// The output of `expr` run on `input`: one line per result. A runtime error of the filter
/// (`.x` of an array, `error("…")`) is exit 2 too.
pub fn run(expr: &str, input: &Node) -> Result<String, Error> {
    let filter = compile(expr)?;
    let input = jaq_json::read::parse_single(input.compact().as_bytes()).map_err(|e| {
        Error::new(
            crate::error::ErrorKind::Unexpected,
            format!("jq input: {e}"),
        )
    })?;
    let ctx = Ctx::<data::JustLut<Val>>::new(&filter.lut, Vars::new([]));
    let mut out = String::new();
    for result in filter.id.run((ctx, input)).map(unwrap_valr) {
        let val = result.map_err(|e| {
            Error::usage(format!("--jq `{expr}` failed: {}", escape(&e.to_string())))
        })?;
        match &val {
            Val::TStr(b) | Val::BStr(b) => out.push_str(&escape(&String::from_utf8_lossy(b))),
            other => out.push_str(&inert_json(other.to_string())),
        }
        out.push('\n');
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(text: &str) -> Node {
        serde_json::from_str(text).unwrap()
    }

    #[test]
    fn strings_print_raw_and_other_values_as_compact_json() {
        let input = node(r#"[{"u":"a","n":1},{"u":"b\u001b","n":2}]"#);
        assert_eq!(run(".[].u", &input).unwrap(), "a\nb\\e\n");
        assert_eq!(run("map(.n)", &input).unwrap(), "[1,2]\n");
        assert_eq!(
            run(r#"map(select(.n > 1)) | length"#, &input).unwrap(),
            "1\n"
        );
    }

    #[test]
    fn a_bad_expression_is_a_usage_error() {
        let err = check(".[").unwrap_err();
        assert_eq!(err.kind, crate::error::ErrorKind::Usage);
        assert!(!err.details.is_empty());
        assert!(check("nosuchfn").is_err());
        let err = run(".x", &node("[1]")).unwrap_err();
        assert_eq!(err.kind, crate::error::ErrorKind::Usage);
    }
}
