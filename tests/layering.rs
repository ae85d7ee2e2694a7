//! The layering of the crate is true: each top-level module of `src/` uses only the modules
//! below it, so there is no cycle and no upward edge. From the bottom:
//!
//! | layer | may use |
//! |---|---|
//! | `domain` (the rules) | nothing else of the crate |
//! | `envfile` (the `.env` editor) | `domain` |
//! | `config` (URLs, settings, `.env` loading) | the above |
//! | `store` (the `Store` trait and backends) | the above |
//! | `error` (the application error and exit codes; the lower layers' errors map here) | the above |
//! | `service` (operations) | the above |
//! | `output` (rendering) | the above |
//! | `cli` (clap and handlers) | the above |
//!
//! The edges are read from the source text: every `crate::<module>` outside a comment line.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// The layers, bottom first.
const LAYERS: &[&str] = &[
    "domain", "envfile", "config", "store", "error", "service", "output", "cli",
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level module a file of `src/` belongs to (`None` for `lib.rs` and `main.rs`).
fn layer_of(src: &Path, file: &Path) -> Option<String> {
    let rel = file.strip_prefix(src).ok()?;
    let first = rel.components().next()?.as_os_str().to_str()?;
    let name = first.strip_suffix(".rs").unwrap_or(first);
    (!matches!(name, "lib" | "main")).then(|| name.to_owned())
}

/// The `crate::<module>` names a source text uses, comment lines left out.
fn uses(text: &str) -> BTreeSet<String> {
    let mut found = BTreeSet::new();
    for line in text.lines() {
        let code = line.trim_start();
        if code.starts_with("//") {
            continue;
        }
        let mut rest = code;
        while let Some(at) = rest.find("crate::") {
            let after = &rest[at + "crate::".len()..];
            let name: String = after
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            if !name.is_empty() {
                found.insert(name);
            }
            rest = after;
        }
    }
    found
}

/// Every edge `from -> to` that goes sideways or up.
fn violations(src: &Path) -> Vec<String> {
    let rank = |m: &str| LAYERS.iter().position(|l| *l == m);
    let mut files = Vec::new();
    rust_files(src, &mut files);
    files.sort();
    let mut bad = Vec::new();
    for file in files {
        let Some(layer) = layer_of(src, &file) else {
            continue;
        };
        let Some(own) = rank(&layer) else {
            bad.push(format!(
                "{}: module `{layer}` is in no layer",
                file.display()
            ));
            continue;
        };
        let text = std::fs::read_to_string(&file).expect("read");
        for used in uses(&text) {
            match rank(&used) {
                Some(r) if r < own || used == layer => {}
                Some(_) => bad.push(format!(
                    "{}: `{layer}` uses `crate::{used}`, which is not below it",
                    file.display()
                )),
                None => {} // an item of lib.rs itself
            }
        }
    }
    bad
}

#[test]
fn every_module_uses_only_the_layers_below_it() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let bad = violations(&src);
    assert!(bad.is_empty(), "layering broken:\n{}", bad.join("\n"));
}

#[test]
fn the_edge_reader_sees_uses_and_skips_comments() {
    let text = "use crate::store::Store;\n// crate::cli in a comment\n\
                let x = crate::domain::f(crate::error::g());\n/// docs crate::output\n";
    let got: Vec<String> = uses(text).into_iter().collect();
    assert_eq!(got, ["domain", "error", "store"]);
}
