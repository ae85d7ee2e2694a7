//! Errors that keep their information: clap's argument names, possible values and "did you
//! mean" in a JSON usage error's `details`; `import` of something that is not NDJSON (a
//! legacy progress file) stopped at its first line; a missing path named as such.

use crate::{assert_code, json_error, stderr, stdout, test_db, write_file};

#[test]
fn json_usage_errors_carry_the_argument_values_and_suggestions() {
    let db = test_db();
    let out = db.run(&["--json", "session", "list", "--status", "stalled"]);
    assert_code(&out, 2);
    let err = json_error(&out);
    assert_eq!(err["code"], 2);
    assert_eq!(err["kind"], "usage");
    let details: Vec<&str> = err["details"]
        .as_array()
        .expect("details")
        .iter()
        .map(|d| d.as_str().unwrap())
        .collect();
    assert!(
        details.iter().any(|d| d.starts_with("argument: `--status")),
        "{details:?}"
    );
    assert!(details.contains(&"value: `stalled`"), "{details:?}");
    assert!(
        details.contains(&"possible values: `not-started`, `in-progress`, `completed`"),
        "{details:?}"
    );
    let out = db.run(&["session", "list", "--stauts", "x", "--json"]);
    assert_code(&out, 2);
    let err = json_error(&out);
    assert!(
        err["details"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d == "did you mean: `--status`"),
        "{err}"
    );
    // `--json=FIELDS` and `--format json` ask for JSON errors too.
    let out = db.run(&["session", "lst", "--format", "json"]);
    assert_code(&out, 2);
    let err = json_error(&out);
    assert!(err["details"].to_string().contains("did you mean"), "{err}");
}

#[test]
fn import_stops_at_the_first_line_of_a_legacy_progress_file() {
    let db = test_db();
    let legacy = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/legacy/full.json"),
    )
    .expect("fixture");
    let pretty = write_file(&db, ".onboarding_progress_u1.json", &legacy);
    let compact: serde_json::Value = serde_json::from_str(&legacy).unwrap();
    let one_line = write_file(&db, "one-line.json", &format!("{compact}\n"));
    for path in [&pretty, &one_line] {
        let out = db.run(&["import", path]);
        assert_code(&out, 4);
        let text = stderr(&out);
        assert!(text.contains("use `import legacy-json`"), "{text}");
        assert_eq!(
            text.lines().count(),
            2,
            "one error and its hint, no line reports: {text}"
        );
        assert_eq!(stdout(&out), "");
    }
    let listed = db.json(&["session", "list"]);
    assert_eq!(listed.as_array().unwrap().len(), 0, "nothing imported");
    let text = write_file(&db, "notes.txt", "hello\n{\"user_id\":\"u1\"}\n");
    let out = db.run(&["--json", "import", &text]);
    assert_code(&out, 4);
    assert!(json_error(&out)["message"]
        .as_str()
        .unwrap()
        .contains("not NDJSON"));
    // Blank lines before the first line are skipped as before.
    let out = db.run_stdin(&["import", "-"], "\n\n{\n");
    assert_code(&out, 4);
    assert!(stderr(&out).contains("legacy progress file"));
}

#[test]
fn a_missing_path_says_no_such_file() {
    let db = test_db();
    let out = db.run(&["import", "nope.ndjson"]);
    assert_code(&out, 4);
    assert_eq!(stderr(&out).trim(), "error: no such file `nope.ndjson`");
    let out = db.run(&["import", "legacy-json", "--user", "u1", "gone.json"]);
    assert_code(&out, 4);
    assert!(
        stderr(&out).contains("no such file `gone.json`"),
        "{}",
        stderr(&out)
    );
}
