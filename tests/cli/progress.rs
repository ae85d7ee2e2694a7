//! `progress show/step/set-step/set`.

use crate::{assert_code, json_error, redact_times, stderr, test_db, write_file};

#[test]
fn show_json_has_summary_and_steps() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok(&["progress", "step", "u1", "5", "skipped"]);
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
    db.ok(&["progress", "step", "u1", "3", "failed", "--error", "boom"]);
    let v = db.json(&["progress", "show", "u1"]);
    assert_eq!(v["total_steps"], 6);
    assert_eq!(v["completed_steps"], 1);
    assert_eq!(v["skipped_steps"], 1);
    assert_eq!(v["failed_steps"], 1);
    assert_eq!(v["current_step"], 1);
    assert_eq!(v["is_completed"], false);
    assert_eq!(v["progress_percentage"], 33.3);
    let steps = v["steps"].as_array().unwrap();
    assert_eq!(steps.len(), 6);
    assert_eq!(steps[1]["forced"], true);
    assert_eq!(steps[2]["validation_errors"][0], "boom");
    insta::assert_snapshot!(redact_times(&db.ok(&["progress", "show", "u1"])));
}

#[test]
fn completing_a_step_checks_its_requirements() {
    let db = test_db();
    db.users(&["u1"]);
    let before = db.dump();
    let out = db.run(&["--json", "progress", "step", "u1", "1", "completed"]);
    assert_code(&out, 4);
    let err = json_error(&out);
    assert_eq!(err["code"], 4);
    assert_eq!(
        err["details"].as_array().unwrap().len(),
        3,
        "one reason per missing key"
    );
    assert_eq!(db.dump(), before);
    db.required_keys("u1");
    let v = db.json(&["progress", "step", "u1", "1", "completed"]);
    assert_eq!(v["steps"][0]["status"], "completed");
    assert_eq!(v["current_step"], 2);
    assert_eq!(v["progress"], 16.7);
}

#[test]
fn step_data_from_file_and_stdin() {
    let db = test_db();
    db.users(&["u1"]);
    let file = write_file(&db, "d.json", r#"{"note": "from file"}"#);
    db.ok(&[
        "progress",
        "step",
        "u1",
        "5",
        "in_progress",
        "--data",
        &file,
    ]);
    let v = db.json(&["session", "show", "u1"]);
    assert_eq!(v["steps"][4]["data"]["note"], "from file");
    assert_eq!(v["steps"][4]["status"], "in_progress");
    db.ok_stdin(
        &["progress", "step", "u1", "5", "skipped", "--data", "-"],
        r#"{"n": 2}"#,
    );
    assert_eq!(
        db.json(&["session", "show", "u1"])["steps"][4]["data"]["n"],
        2
    );
}

#[test]
fn step_six_needs_complete() {
    let db = test_db();
    db.users(&["u1"]);
    let out = db.run(&[
        "progress",
        "step",
        "u1",
        "6",
        "completed",
        "--force",
        "--reason",
        "r",
    ]);
    assert_code(&out, 4);
    assert!(
        stderr(&out).contains("onboardctl complete"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn overrides_set_step_and_percent() {
    let db = test_db();
    db.users(&["u1"]);
    let v = db.json(&["progress", "set-step", "u1", "4"]);
    assert_eq!(v["current_step"], 4);
    let v = db.json(&["progress", "set", "u1", "42.5"]);
    assert_eq!(v["progress"], 42.5);
    let out = db.run(&["progress", "set", "u1", "99.9"]);
    assert_code(&out, 0);
    assert!(
        stderr(&out).contains("progress set to 99.9%"),
        "{}",
        stderr(&out)
    );
    db.ok(&["progress", "step", "u1", "5", "skipped"]);
    let v = db.json(&["session", "show", "u1"]);
    assert_eq!(v["progress"], 16.7, "a step change recomputes");
    assert_eq!(v["current_step"], 1);
}

#[test]
fn unknown_user_is_exit_3() {
    let db = test_db();
    for args in [
        &["progress", "show", "ghost"][..],
        &["progress", "step", "ghost", "5", "skipped"],
        &["progress", "set-step", "ghost", "2"],
        &["progress", "set", "ghost", "5"],
    ] {
        assert_code(&db.run(args), 3);
    }
}

#[test]
fn only_step_5_may_be_skipped_and_100_percent_needs_complete() {
    let db = test_db();
    db.users(&["u1"]);
    for n in ["1", "2", "3", "4", "6"] {
        let out = db.run(&["progress", "step", "u1", n, "skipped"]);
        assert_code(&out, 4);
        assert!(
            stderr(&out).contains("cannot be skipped"),
            "{}",
            stderr(&out)
        );
    }
    db.ok(&["progress", "step", "u1", "5", "skipped"]);
    let out = db.run(&["progress", "set", "u1", "100"]);
    assert_code(&out, 4);
    assert!(stderr(&out).contains(" complete u1"), "{}", stderr(&out));
    let v = db.json(&["progress", "show", "u1"]);
    assert_eq!(v["skipped_steps"], 1);
    assert_eq!(v["is_completed"], false);
    assert_ne!(v["progress_percentage"], 100.0);
}

#[test]
fn force_needs_a_reason_which_is_recorded() {
    let db = test_db();
    db.users(&["u1"]);
    let out = db.run(&["progress", "step", "u1", "2", "completed", "--force"]);
    assert_code(&out, 2);
    let v = db.json(&[
        "progress",
        "step",
        "u1",
        "2",
        "completed",
        "--force",
        "--reason",
        "crawler down",
    ]);
    assert_eq!(v["steps"][1]["forced"], true);
    assert_eq!(v["steps"][1]["force_reason"], "crawler down");
}

#[test]
fn reopening_a_step_of_a_completed_onboarding_says_completion_is_revoked() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok(&["complete", "u1", "--force", "--reason", "r"]);
    let out = db.run(&["progress", "step", "u1", "3", "in_progress"]);
    assert_code(&out, 0);
    assert!(
        stderr(&out).contains("no longer complete"),
        "{}",
        stderr(&out)
    );
    let out = db.run(&["progress", "step", "u1", "3", "failed", "--error", "x"]);
    assert!(!stderr(&out).contains("no longer complete"), "only once");
}
