//! The repository carries its own docs: no tracked file outside `docs/` cites a spec file that
//! is not in the repository, and every relative link in README.md and docs/*.md leads to a file
//! (and, for `#anchor`, a heading) that exists.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Names of documents that live outside the repository. Built from pieces so this file does
/// not name them itself.
fn forbidden() -> Vec<String> {
    vec![
        ["PRODUCT", ".md"].concat(),
        ["ALWRITY-HEAD", ".md"].concat(),
        ["STYLE", ".md"].concat(),
        ["shared", "/docs"].concat(),
        ["ALWRITY.md ", "\u{a7}"].concat(),
    ]
}

/// Applied migrations cannot change (their text is checksummed by the migration history), so
/// their old citation of "§1" stays; docs/ALWRITY.md, "ALwrity's tables", names that section.
const FROZEN: [&str; 2] = ["sql/sqlite/V1__init.sql", "sql/postgres/V1__init.sql"];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Tracked files (relative paths): `git ls-files`, else every file outside `target/` and
/// `.git/` (a source tree without git).
fn tracked_files() -> Vec<String> {
    let out = Command::new("git")
        .args(["ls-files", "-z"])
        .current_dir(root())
        .output();
    if let Ok(out) = out {
        if out.status.success() {
            return String::from_utf8_lossy(&out.stdout)
                .split('\0')
                .filter(|p| !p.is_empty())
                .map(str::to_owned)
                .collect();
        }
    }
    let mut files = Vec::new();
    walk(&root(), &mut files);
    files
}

fn walk(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).expect("read dir").flatten() {
        let path = entry.path();
        let name = entry.file_name();
        if name == "target" || name == ".git" {
            continue;
        }
        if path.is_dir() {
            walk(&path, out);
        } else {
            let rel = path.strip_prefix(root()).expect("under root");
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[test]
fn no_file_outside_docs_cites_a_document_outside_the_repository() {
    let patterns = forbidden();
    let mut found = Vec::new();
    for file in tracked_files() {
        if file.starts_with("docs/") {
            continue;
        }
        let Ok(bytes) = fs::read(root().join(&file)) else {
            continue; // a tracked file deleted in the working tree
        };
        for p in &patterns {
            let frozen = FROZEN.contains(&file.as_str()) && p.starts_with("ALWRITY.md");
            if !frozen && contains(&bytes, p.as_bytes()) {
                found.push(format!("{file}: {p}"));
            }
        }
    }
    assert!(
        found.is_empty(),
        "cite the repository's own docs (docs/, README.md) instead:\n{}",
        found.join("\n")
    );
}

/// The docs whose links are checked: README.md and docs/*.md.
fn markdown_docs() -> Vec<PathBuf> {
    let mut docs = vec![root().join("README.md")];
    for entry in fs::read_dir(root().join("docs")).expect("docs/").flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "md") {
            docs.push(path);
        }
    }
    docs.sort();
    docs
}

/// Lines outside fenced code blocks, with inline code spans removed.
fn prose_lines(text: &str) -> Vec<String> {
    let mut fenced = false;
    let mut lines = Vec::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut kept = String::new();
        for (i, part) in line.split('`').enumerate() {
            if i % 2 == 0 {
                kept.push_str(part);
            } else {
                kept.push_str("code");
            }
        }
        lines.push(kept);
    }
    lines
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as `-`; a repeated
/// anchor gets `-1`, `-2`, ….
fn anchors(text: &str) -> HashSet<String> {
    let mut fenced = false;
    let mut seen = HashSet::new();
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        let level = line.chars().take_while(|&c| c == '#').count();
        if fenced || level == 0 || level > 6 || !line[level..].starts_with(' ') {
            continue;
        }
        let slug: String = line[level..]
            .trim()
            .to_lowercase()
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
            .map(|c| if c == ' ' { '-' } else { c })
            .collect();
        let mut candidate = slug.clone();
        let mut n = 0;
        while seen.contains(&candidate) {
            n += 1;
            candidate = format!("{slug}-{n}");
        }
        seen.insert(candidate);
    }
    seen
}

/// The targets of inline links `[text](target)` in prose.
fn link_targets(text: &str) -> Vec<String> {
    let mut targets = Vec::new();
    for line in prose_lines(text) {
        let mut rest = line.as_str();
        while let Some(i) = rest.find("](") {
            rest = &rest[i + 2..];
            let end = rest.find(')').unwrap_or(rest.len());
            let target = rest[..end].split_whitespace().next().unwrap_or("");
            targets.push(target.to_owned());
            rest = &rest[end..];
        }
    }
    targets
}

/// Broken relative links of one document: a missing file, or an anchor no heading has.
fn broken_links(doc: &Path) -> Vec<String> {
    let text = fs::read_to_string(doc).expect("read doc");
    let mut broken = Vec::new();
    for target in link_targets(&text) {
        if target.contains("://") || target.starts_with("mailto:") {
            continue;
        }
        let (path, anchor) = match target.split_once('#') {
            Some((p, a)) => (p, Some(a)),
            None => (target.as_str(), None),
        };
        let file = if path.is_empty() {
            doc.to_path_buf()
        } else {
            doc.parent().expect("doc dir").join(path)
        };
        let inside = file
            .canonicalize()
            .is_ok_and(|f| f.starts_with(root().canonicalize().expect("root")));
        if !inside {
            broken.push(format!("{target}: no such file in the repository"));
            continue;
        }
        if let Some(anchor) = anchor {
            let heads = fs::read_to_string(&file)
                .map(|t| anchors(&t))
                .unwrap_or_default();
            if !heads.contains(anchor) {
                broken.push(format!("{target}: no heading with that anchor"));
            }
        }
    }
    broken
}

#[test]
fn every_relative_link_in_the_docs_leads_somewhere() {
    let mut found = Vec::new();
    for doc in markdown_docs() {
        let name = doc
            .strip_prefix(root())
            .expect("under root")
            .display()
            .to_string();
        found.extend(
            broken_links(&doc)
                .into_iter()
                .map(|b| format!("{name}: {b}")),
        );
    }
    assert!(found.is_empty(), "broken links:\n{}", found.join("\n"));
}

#[test]
fn the_link_checker_sees_links_anchors_and_fences() {
    let text = "# A tour (`x`)\n## Local mode (.env)\n## A tour (`x`)\n\
                see [a](b.md#c) and `[not](code.md)`\n```\n[fenced](no.md)\n# not a heading\n```\n";
    assert_eq!(link_targets(text), ["b.md#c"]);
    let heads = anchors(text);
    for a in ["a-tour-x", "local-mode-env", "a-tour-x-1"] {
        assert!(heads.contains(a), "{a} in {heads:?}");
    }
    assert!(!heads.contains("not-a-heading"));
}
