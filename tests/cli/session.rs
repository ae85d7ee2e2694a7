//! `session create/show/list/delete/reset`.

use crate::{assert_code, redact_times, stderr, stdout, test_db, FAKE_GEMINI};

#[test]
fn create_is_idempotent_and_says_so() {
    let db = test_db();
    let first = db.json(&["session", "create", "user_2abc"]);
    assert_eq!(first["created"], true);
    assert_eq!(first["user_id"], "user_2abc");
    let again = db.json(&["session", "create", "user_2abc"]);
    assert_eq!(again["created"], false);
    assert_eq!(again["started_at"], first["started_at"]);
    let out = db.run(&["session", "create", "42"]);
    assert_code(&out, 0);
    assert!(stderr(&out).contains("created session for user `42`"));
    assert!(out.stdout.is_empty(), "notes go to stderr");
}

#[test]
fn show_json_has_the_status_shape() {
    let db = test_db();
    db.users(&["u1"]);
    let v = db.json(&["session", "show", "u1"]);
    assert_eq!(v["user_id"], "u1");
    assert_eq!(v["current_step"], 1);
    assert_eq!(v["progress"], 0.0);
    assert_eq!(v["is_completed"], false);
    assert!(
        v["started_at"].as_str().unwrap().ends_with('Z'),
        "RFC 3339 UTC"
    );
    assert!(v["updated_at"].is_string());
    assert!(v["completed_at"].is_null());
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 6);
    for (i, s) in steps.iter().enumerate() {
        assert_eq!(s["step_number"], i as u64 + 1);
        assert_eq!(s["status"], "pending");
        for key in [
            "title",
            "completed_at",
            "data",
            "validation_errors",
            "forced",
        ] {
            assert!(s.get(key).is_some(), "step has `{key}`");
        }
    }
    assert_eq!(steps[0]["title"], "AI LLM Providers");
}

#[test]
fn show_human_snapshot() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok(&["progress", "step", "u1", "5", "skipped"]);
    db.ok(&[
        "progress",
        "step",
        "u1",
        "3",
        "failed",
        "--error",
        "crawler timed out",
    ]);
    insta::assert_snapshot!(redact_times(&db.ok(&["session", "show", "u1"])));
}

#[test]
fn show_unknown_user_is_not_found() {
    let db = test_db();
    let out = db.run(&["session", "show", "ghost"]);
    assert_code(&out, 3);
    let err = stderr(&out);
    assert!(
        err.starts_with("error: no session for user `ghost`"),
        "{err}"
    );
    let hint = format!("hint: onboardctl {} session create ghost", db.url_flag());
    assert!(err.contains(&hint), "{err}");
}

#[test]
fn list_filters_and_pages() {
    let db = test_db();
    db.users(&["a", "b", "c"]);
    db.ok(&["progress", "step", "b", "5", "in-progress"]);
    db.ok(&["complete", "c", "--force", "--reason", "test"]);
    let all = db.json(&["session", "list"]);
    assert_eq!(all.as_array().unwrap().len(), 3);
    let users = |args: &[&str]| -> Vec<String> {
        let mut full = vec!["session", "list"];
        full.extend_from_slice(args);
        let v = db.json(&full);
        let mut u: Vec<String> = v
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["user_id"].as_str().unwrap().to_owned())
            .collect();
        u.sort();
        u
    };
    assert_eq!(users(&["--status", "not-started"]), ["a"]);
    assert_eq!(users(&["--status", "in-progress"]), ["b"]);
    assert_eq!(users(&["--status", "completed"]), ["c"]);
    assert_eq!(users(&["--status", "not-started,completed"]), ["a", "c"]);
    assert_eq!(users(&["--step", "6"]), ["c"]);
    assert_eq!(users(&["--stalled-days", "1"]), Vec::<String>::new());
    assert_eq!(users(&["--limit", "2"]).len(), 2);
    assert_eq!(users(&["--limit", "2", "--offset", "2"]).len(), 1);
    let row = &all[0];
    for key in [
        "user_id",
        "status",
        "current_step",
        "progress",
        "started_at",
        "updated_at",
    ] {
        assert!(row.get(key).is_some(), "row has `{key}`");
    }
    assert_code(&db.run(&["session", "list", "--status", "stalled"]), 2);
}

#[test]
fn list_human_snapshot() {
    let db = test_db();
    db.users(&["alice"]);
    insta::assert_snapshot!(redact_times(&db.ok(&["session", "list"])));
    let empty = db.run(&["session", "list", "--status", "completed"]);
    assert_code(&empty, 0);
    assert_eq!(stdout(&empty), "", "no table, not even its header");
    assert_eq!(stderr(&empty).trim(), "no sessions match");
    let quiet = db.run(&["-q", "session", "list", "--status", "completed"]);
    assert_eq!(stderr(&quiet), "", "-q silences the note");
}

#[test]
fn delete_needs_yes_off_a_terminal_and_cascades() {
    let db = test_db();
    db.users(&["u1", "u2"]);
    db.ok_stdin(&["key", "set", "u1", "gemini", "--stdin"], FAKE_GEMINI);
    db.ok_stdin(&["key", "set", "u2", "gemini", "--stdin"], FAKE_GEMINI);
    let before = db.dump();
    let out = db.run(&["session", "delete", "u1"]);
    assert_code(&out, 2);
    assert!(stderr(&out).contains("--yes"), "{}", stderr(&out));
    assert_eq!(db.dump(), before, "refused delete changed nothing");
    let v = db.json(&["session", "delete", "u1", "--yes"]);
    assert_eq!(v["deleted"], true);
    assert_code(&db.run(&["session", "show", "u1"]), 3);
    assert_code(&db.run(&["key", "list", "u1"]), 3);
    assert_eq!(db.json(&["key", "list", "u2"]).as_array().unwrap().len(), 1);
    assert_code(&db.run(&["session", "delete", "u1", "--yes"]), 3);
}

#[test]
fn reset_keeps_data_unless_purge() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok_stdin(&["key", "set", "u1", "gemini", "--stdin"], FAKE_GEMINI);
    db.ok(&[
        "progress",
        "step",
        "u1",
        "2",
        "completed",
        "--force",
        "--reason",
        "r",
    ]);
    db.ok(&["progress", "set", "u1", "55"]);
    let v = db.json(&["session", "reset", "u1"]);
    assert_eq!(v["current_step"], 1);
    assert_eq!(v["progress"], 0.0);
    assert!(v["steps"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["status"] == "pending"));
    assert_eq!(db.json(&["key", "list", "u1"]).as_array().unwrap().len(), 1);
    let out = db.run(&["session", "reset", "u1", "--purge"]);
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("--yes"),
        "purging asks: {}",
        stderr(&out)
    );
    assert_eq!(db.json(&["key", "list", "u1"]).as_array().unwrap().len(), 1);
    db.ok(&["session", "reset", "u1", "--purge", "--yes"]);
    assert_eq!(db.json(&["key", "list", "u1"]).as_array().unwrap().len(), 0);
    assert_code(&db.run(&["session", "reset", "ghost"]), 3);
}

#[test]
fn not_found_names_the_database_and_suggests_a_near_miss() {
    let db = crate::test_db();
    db.users(&["alice_smith", "bob"]);
    let out = db.run(&["--json", "session", "show", "alice_smiht"]);
    crate::assert_code(&out, 3);
    let e = crate::json_error(&out);
    let message = e["message"].as_str().unwrap();
    assert!(message.contains("in `"), "names the database: {message}");
    assert_eq!(
        e["details"],
        serde_json::json!(["did you mean `alice_smith`?"])
    );
    let far = db.run(&["--json", "session", "show", "zed"]);
    assert_eq!(crate::json_error(&far)["details"], serde_json::json!([]));
}
