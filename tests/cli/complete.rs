//! `complete`.

use crate::persona::PERSONA;
use crate::{assert_code, json_error, test_db};

#[test]
fn refuses_with_what_is_missing_then_completes() {
    let db = test_db();
    db.users(&["u1"]);
    let before = db.dump();
    let out = db.run(&["--json", "complete", "u1"]);
    assert_code(&out, 4);
    let err = json_error(&out);
    assert_eq!(err["details"].as_array().unwrap().len(), 5);
    assert_eq!(db.dump(), before);

    db.required_keys("u1");
    db.ok_stdin(
        &["analysis", "set", "u1", "-"],
        r#"{"website_url": "https://example.com"}"#,
    );
    db.ok(&["research", "set", "u1"]);
    db.ok_stdin(&["persona", "set", "u1", "-"], PERSONA);
    for step in ["1", "2", "3", "4"] {
        db.ok(&["progress", "step", "u1", step, "completed"]);
    }
    db.ok(&["progress", "step", "u1", "5", "skipped"]);
    let v = db.json(&["complete", "u1"]);
    assert_eq!(v["is_completed"], true);
    assert_eq!(v["current_step"], 6);
    assert_eq!(v["progress"], 100.0);
    assert!(v["completed_at"].is_string());
    assert_eq!(v["steps"][5]["status"], "completed");
    assert_eq!(v["steps"][5]["forced"], false);
}

#[test]
fn force_records_the_reason() {
    let db = test_db();
    db.users(&["u1"]);
    let v = db.json(&["complete", "u1", "--force", "--reason", "migrated by hand"]);
    assert_eq!(v["is_completed"], true);
    assert_eq!(v["steps"][5]["forced"], true);
    assert_eq!(v["steps"][5]["force_reason"], "migrated by hand");
    assert_code(&db.run(&["complete", "u1", "--reason", "x"]), 2);
    assert_code(
        &db.run(&["complete", "ghost", "--force", "--reason", "r"]),
        3,
    );
}

#[test]
fn force_needs_a_reason_and_a_second_forced_completion_replaces_it() {
    let db = test_db();
    db.users(&["u1"]);
    assert_code(&db.run(&["complete", "u1", "--force"]), 2);
    db.ok(&["complete", "u1", "--force", "--reason", "first"]);
    let out = db.run(&["complete", "u1", "--force", "--reason", "second"]);
    assert_code(&out, 0);
    assert!(
        crate::stderr(&out).contains("reason was replaced"),
        "{}",
        crate::stderr(&out)
    );
    let v = db.json(&["session", "show", "u1"]);
    assert_eq!(v["steps"][5]["force_reason"], "second");
}
