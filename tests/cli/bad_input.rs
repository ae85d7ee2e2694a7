//! Every kind of bad input: the exit code is the documented one and the database is exactly
//! as before (a full `--json` dump of every user compared before and after).

use crate::{assert_code, test_db, write_file, TestDb, FAKE_GEMINI};

/// A database with two users and some data of each kind.
fn populated() -> TestDb {
    let db = test_db();
    db.users(&["u1", "u2"]);
    db.ok_stdin(&["key", "set", "u1", "gemini", "--stdin"], FAKE_GEMINI);
    db.ok_stdin(
        &["analysis", "set", "u1", "-"],
        r#"{"website_url": "https://a.example"}"#,
    );
    db.ok(&["research", "set", "u2", "--depth", "Basic"]);
    db.ok(&["progress", "step", "u2", "5", "skipped"]);
    db
}

/// Runs each case and asserts its code and that nothing changed.
fn assert_refused(db: &TestDb, cases: &[(&[&str], Option<&str>, i32)]) {
    let before = db.dump();
    for (args, stdin, expected) in cases {
        let out = match stdin {
            Some(text) => db.run_stdin(args, text),
            None => db.run(args),
        };
        assert_code(&out, *expected);
        assert_eq!(db.dump(), before, "{args:?} changed the database");
    }
}

#[test]
fn unknown_user() {
    let db = populated();
    assert_refused(
        &db,
        &[
            (&["session", "show", "ghost"], None, 3),
            (&["session", "reset", "ghost", "--purge"], None, 3),
            (&["session", "delete", "ghost", "--yes"], None, 3),
            (
                &["key", "set", "ghost", "gemini", "--stdin"],
                Some(FAKE_GEMINI),
                3,
            ),
            (&["key", "delete", "ghost", "gemini"], None, 3),
            (&["progress", "step", "ghost", "5", "skipped"], None, 3),
            (
                &["analysis", "set", "ghost", "-"],
                Some(r#"{"website_url": "https://x.y"}"#),
                3,
            ),
            (&["research", "set", "ghost"], None, 3),
            (&["persona", "set", "ghost", "-"], Some("{}"), 3),
            (&["complete", "ghost", "--force", "--reason", "r"], None, 3),
        ],
    );
}

#[test]
fn step_out_of_range() {
    let db = populated();
    assert_refused(
        &db,
        &[
            (&["progress", "step", "u1", "0", "completed"], None, 2),
            (&["progress", "step", "u1", "7", "skipped"], None, 2),
            (&["progress", "set-step", "u1", "0"], None, 2),
            (&["progress", "set-step", "u1", "7"], None, 2),
            (&["session", "list", "--step", "7"], None, 2),
            (&["progress", "step", "u1", "2", "done"], None, 2),
        ],
    );
}

#[test]
fn percent_out_of_range() {
    let db = populated();
    assert_refused(
        &db,
        &[
            (&["progress", "set", "u1", "-1"], None, 2),
            (&["progress", "set", "u1", "101"], None, 2),
            (&["progress", "set", "u1", "NaN"], None, 2),
            (&["progress", "set", "u1", "inf"], None, 2),
        ],
    );
}

#[test]
fn malformed_json() {
    let db = populated();
    let bad = "{\n  \"website_url\": \"https://x.y\",\n  oops\n}";
    let file = write_file(&db, "bad.json", bad);
    assert_refused(
        &db,
        &[
            (&["analysis", "set", "u1", "--file", &file], None, 4),
            (&["analysis", "set", "u1", "-"], Some(bad), 4),
            (&["persona", "set", "u1", "-"], Some("{"), 4),
            (
                &["research", "set", "u2", "--depth", "Expert", "-"],
                Some("nope"),
                4,
            ),
            (
                &["progress", "step", "u2", "5", "completed", "--data", &file],
                None,
                4,
            ),
            (
                &["progress", "step", "u2", "5", "completed", "--data", "-"],
                Some(""),
                4,
            ),
            (
                &["analysis", "set", "u1", "-"],
                Some("\"just a string\""),
                4,
            ),
        ],
    );
    let out = db.run(&["analysis", "set", "u1", "--file", &file]);
    let err = crate::stderr(&out);
    assert!(err.contains("invalid JSON in `"), "{err}");
    assert!(err.contains("line 3 column 3"), "{err}");
}

#[test]
fn unknown_provider_and_bad_key_format() {
    let db = populated();
    assert_refused(
        &db,
        &[
            (
                &["key", "set", "u1", "acme", "--stdin"],
                Some("acme-0000000000000"),
                4,
            ),
            (
                &["key", "set", "u1", "gemini", "--stdin"],
                Some("sk-not-gemini-00000000000000"),
                4,
            ),
            (
                &["key", "set", "u1", "exa", "--stdin"],
                Some("not-a-uuid-000000"),
                4,
            ),
            (
                &["key", "set", "u1", "gemini", "--stdin"],
                Some("AIza\tFAKE_TEST_ONLY_000000000000"),
                4,
            ),
            (
                &["key", "set", "u1", "bad name", "--stdin"],
                Some(FAKE_GEMINI),
                2,
            ),
            (&["key", "set", "u1", "gemini"], None, 2),
        ],
    );
}

#[test]
fn bad_user_ids() {
    let db = populated();
    let long = "a".repeat(256);
    let control = "user\u{1}x";
    let mut cases: Vec<(&[&str], Option<&str>, i32)> = Vec::new();
    let create_empty: &[&str] = &["session", "create", ""];
    let create_long: Vec<&str> = vec!["session", "create", &long];
    let create_control: Vec<&str> = vec!["session", "create", control];
    let show_long: Vec<&str> = vec!["session", "show", &long];
    let key_control: Vec<&str> = vec!["key", "set", control, "gemini", "--stdin"];
    cases.push((create_empty, None, 2));
    cases.push((&create_long, None, 2));
    cases.push((&create_control, None, 2));
    cases.push((&show_long, None, 2));
    cases.push((&key_control, Some(FAKE_GEMINI), 2));
    cases.push((&["progress", "step", "", "1", "skipped"], None, 2));
    assert_refused(&db, &cases);
    let ok = "a".repeat(255);
    db.ok(&["session", "create", &ok]);
}

#[test]
fn values_over_alwritys_column_widths_and_nul_characters_are_exit_4_on_every_backend() {
    let db = populated();
    let long_url = format!(r#"{{"website_url": "https://e.com/{}"}}"#, "p".repeat(490));
    let depth = "d".repeat(51);
    let nul_doc = r#"{"website_url": "https://e.com", "writing_style": {"tone": "a\u0000b"}}"#;
    let nul_key = r#"{"corePersona": {"identity": {"a\u0000": 1}}, "platformPersonas": {"b": {}}}"#;
    let nul_data = write_file(&db, "nul.json", r#"{"note": "x\u0000"}"#);
    let long_key = format!("AIza{}", "k".repeat(253));
    let newline_key = write_file(&db, "nl.key", "AIzaFAKE_TWO\nLINES_000000000000000000000\n");
    assert_refused(
        &db,
        &[
            (&["analysis", "set", "u1", "-"], Some(&long_url), 4),
            (&["research", "set", "u2", "--depth", &depth], None, 4),
            (&["analysis", "set", "u1", "-"], Some(nul_doc), 4),
            (&["persona", "set", "u1", "-"], Some(nul_key), 4),
            (
                &["progress", "step", "u1", "2", "failed", "--data", &nul_data],
                None,
                4,
            ),
            (
                &["key", "set", "u1", "gemini", "--stdin", "--no-validate"],
                Some(&long_key),
                4,
            ),
            (
                &["key", "set", "u1", "gemini", "--from-file", &newline_key],
                None,
                4,
            ),
        ],
    );
}

#[test]
fn oversized_input_is_refused_while_reading() {
    let db = populated();
    let before = db.dump();
    // 17 MiB of JSON on stdin: refused at 16 MiB, nothing stored.
    let big = format!(
        r#"{{"website_url": "https://e.com", "x": "{}"}}"#,
        "a".repeat(17 << 20)
    );
    let out = db.run_stdin(&["analysis", "set", "u1", "-"], &big);
    assert_code(&out, 4);
    assert!(
        crate::stderr(&out).contains("16 MiB"),
        "{}",
        crate::stderr(&out)
    );
    // A key of 20 KiB: refused at 16 KiB.
    let out = db.run_stdin(
        &["key", "set", "u1", "gemini", "--stdin"],
        &"k".repeat(20 << 10),
    );
    assert_code(&out, 4);
    assert!(
        crate::stderr(&out).contains("16 KiB"),
        "{}",
        crate::stderr(&out)
    );
    assert_eq!(db.dump(), before);
}
