//! `db migrate [--dry-run]`, `db status [--check]`, and the schema check of every other
//! command.

use crate::{assert_code, bare_cmd, json_error, on_postgres, stderr, test_db, test_db_unmigrated};

/// The backend name `db status` reports on this run.
fn backend() -> &'static str {
    if on_postgres() {
        "postgres"
    } else {
        "sqlite"
    }
}

#[test]
fn dry_run_lists_and_applies_nothing() {
    let db = test_db_unmigrated();
    let v = db.json(&["db", "migrate", "--dry-run"]);
    let pending = v["pending"].as_array().unwrap();
    assert!(!pending.is_empty());
    assert_eq!(pending[0]["version"], 1);
    let status = db.json(&["db", "status"]);
    assert_eq!(status["version"], 0);
    assert_eq!(status["pending"].as_array().unwrap().len(), pending.len());
}

#[test]
fn check_exits_6_while_pending_and_0_after_migrate() {
    let db = test_db_unmigrated();
    let out = db.run(&["--json", "db", "status", "--check"]);
    assert_code(&out, 6);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["backend"], backend());
    assert_eq!(json_error(&out)["kind"], "check_failed");
    let v = db.json(&["db", "migrate"]);
    assert!(!v["applied"].as_array().unwrap().is_empty());
    assert_code(&db.run(&["db", "status", "--check"]), 0);
    let v = db.json(&["db", "migrate"]);
    assert!(v["applied"].as_array().unwrap().is_empty(), "idempotent");
    let v = db.json(&["db", "status"]);
    assert!(v["version"].as_u64().unwrap() >= 1);
    let location = v["location"].as_str().unwrap();
    let expected = if on_postgres() { "127.0.0.1" } else { "t.db" };
    assert!(location.contains(expected), "{location}");
}

#[test]
fn other_commands_refuse_an_outdated_schema() {
    let db = test_db_unmigrated();
    let out = db.run(&["session", "create", "u1"]);
    assert_code(&out, 4);
    let err = stderr(&out);
    assert!(err.contains("database schema is out of date"), "{err}");
    let hint = format!("hint: run onboardctl {} db migrate", db.url_flag());
    assert!(err.contains(&hint), "{err}");
}

#[test]
fn status_human_output() {
    let db = test_db();
    let text = db.ok(&["db", "status"]);
    assert!(text.contains(&format!("backend:  {}", backend())), "{text}");
    assert!(text.contains("pending:  none"), "{text}");
}

#[test]
fn a_missing_sqlite_file_is_refused_and_not_created() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("typo.db");
    let url = format!("sqlite:{}", path.display());
    let out = bare_cmd(dir.path())
        .args([
            "--no-dotenv",
            "--database-url",
            &url,
            "session",
            "show",
            "u1",
        ])
        .output()
        .unwrap();
    assert_code(&out, 5);
    assert!(stderr(&out).contains("does not exist"), "{}", stderr(&out));
    assert!(!path.exists(), "a read must not create the file");
    let out = bare_cmd(dir.path())
        .args(["--no-dotenv", "--database-url", &url, "db", "migrate"])
        .output()
        .unwrap();
    assert_code(&out, 0);
    assert!(path.exists(), "db migrate creates it");
}

#[test]
fn two_concurrent_migrations_apply_once() {
    let db = test_db_unmigrated();
    let spawn = || {
        let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_onboardctl"));
        cmd.args(["--no-dotenv", "--database-url", &db.url])
            .args(["--json", "db", "migrate", "--lock-timeout", "30"])
            .current_dir(db.path())
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .expect("spawn db migrate")
    };
    let (a, b) = (spawn(), spawn());
    let outputs = [a, b].map(|c| c.wait_with_output().expect("db migrate finishes"));
    let mut applied = Vec::new();
    for out in &outputs {
        assert_code(out, 0);
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        applied.push(v["applied"].as_array().expect("applied list").len());
    }
    applied.sort_unstable();
    assert_eq!(applied[0], 0, "one run finds nothing to do: {applied:?}");
    assert!(applied[1] >= 1, "the other applies everything: {applied:?}");
    assert_code(&db.run(&["db", "status", "--check"]), 0);
}
