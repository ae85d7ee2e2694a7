//! The workspace building blocks against the outside world: sanitisation against ids Python
//! sanitised (`tests/data/sanitize_reference.jsonl`), and discovery and routing over a real
//! temporary workspace tree, which must be byte for byte the same afterwards.

use std::path::Path;
use std::process::Command;

use onboardctl::store::workspace::sanitize_user_id;

const REFERENCE: &str = include_str!("data/sanitize_reference.jsonl");

#[derive(serde::Deserialize)]
struct Case {
    note: String,
    id: String,
    sanitized: String,
}

fn reference() -> Vec<Case> {
    REFERENCE
        .lines()
        .map(|line| serde_json::from_str(line).expect("a reference line is a JSON object"))
        .collect()
}

#[test]
fn sanitisation_matches_python() {
    let cases = reference();
    assert!(cases.len() > 100, "the reference list is incomplete");
    let mut wrong = Vec::new();
    for case in &cases {
        let ours = sanitize_user_id(&case.id);
        if ours != case.sanitized {
            let extra: String = ours
                .chars()
                .filter(|c| !case.sanitized.contains(*c))
                .collect();
            let missing: String = case
                .sanitized
                .chars()
                .filter(|c| !ours.contains(*c))
                .collect();
            wrong.push(format!(
                "{}: kept too many {:?}, dropped wrongly {:?}",
                case.note,
                extra.escape_unicode().to_string(),
                missing.escape_unicode().to_string()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "differs from Python 3.11:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn reference_holds_the_required_cases() {
    let cases = reference();
    let find = |id: &str| {
        cases
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.sanitized.as_str())
    };
    assert_eq!(find("user_2x.y@z"), Some("user_2xyz"));
    assert_eq!(find("user_2xyz"), Some("user_2xyz"));
    // A case where Rust's own notion differs, so the table is what is under test.
    let differs = cases.iter().filter(|c| {
        let rust: String =
            c.id.chars()
                .filter(|&ch| ch.is_alphanumeric() || ch == '-' || ch == '_')
                .collect();
        rust != c.sanitized
    });
    assert!(differs.count() >= 10, "too few cases tell Python from Rust");
}

/// The generated files are what the generator makes now. Needs Python 3.11 (ALwrity's);
/// skipped with a notice without it.
#[test]
fn generated_files_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("scripts/gen_isalnum_table.py");
    let python = ["python3.11", "python3"].into_iter().find(|py| {
        Command::new(py)
            .args([
                "-c",
                "import sys; sys.exit(sys.version_info[:2] != (3, 11))",
            ])
            .status()
            .is_ok_and(|s| s.success())
    });
    let Some(python) = python else {
        eprintln!("skipped: no Python 3.11 to regenerate the isalnum table with");
        return;
    };
    let out = Command::new(python)
        .arg(&script)
        .arg("--check")
        .output()
        .expect("the generator runs");
    assert!(
        out.status.success(),
        "stale generated files: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}
