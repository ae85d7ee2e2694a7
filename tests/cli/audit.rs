//! The audit trail from the command line: every command that changes data leaves exactly
//! one row per changed user with the expected diff (keys as fingerprints), a command that
//! changes nothing or is refused leaves none, rows survive `session delete`, `--actor` and
//! `ONBOARDCTL_ACTOR` name the actor, and `audit log` filters.

use serde_json::Value;

use crate::{assert_code, test_db, TestDb, FAKE_EXA, FAKE_GEMINI};

/// Every audit row, newest first.
fn rows(db: &TestDb) -> Vec<Value> {
    db.json(&["audit", "log", "--limit", "100000"])
        .as_array()
        .expect("an array")
        .clone()
}

/// The change of `field` in `row`, as (old, new).
fn change(row: &Value, field: &str) -> Option<(Value, Value)> {
    row["changes"]
        .as_array()?
        .iter()
        .find(|c| c["field"] == field)
        .map(|c| (c["old"].clone(), c["new"].clone()))
}

/// Runs `args` (with `stdin`) and returns the one row it added; panics unless it added
/// exactly one, for `user`, with `outcome`.
fn one_row(db: &TestDb, args: &[&str], stdin: &str, user: &str, outcome: &str) -> Value {
    let before = rows(db).len();
    db.ok_stdin(args, stdin);
    let after = rows(db);
    assert_eq!(
        after.len(),
        before + 1,
        "{args:?} added one row: {after:#?}"
    );
    let row = after[0].clone();
    assert_eq!(row["user_id"], user, "{row:#}");
    assert_eq!(row["outcome"], outcome, "{row:#}");
    let command = row["command"].as_str().unwrap();
    let words = args.iter().take_while(|a| !a.contains(' '));
    let plain: Vec<&str> = words.copied().collect();
    assert!(command.contains(&plain.join(" ")), "{command}");
    row
}

fn fingerprint(value: &str) -> String {
    onboardctl::domain::Secret::new(value.to_owned()).fingerprint()
}

#[test]
fn each_session_and_step_command_leaves_one_row_with_its_diff() {
    let db = test_db();
    let row = one_row(&db, &["session", "create", "u1"], "", "u1", "created");
    assert_eq!(change(&row, "current_step"), Some((Value::Null, 1.into())));
    let row = one_row(
        &db,
        &["progress", "step", "u1", "5", "skipped"],
        "",
        "u1",
        "updated",
    );
    assert_eq!(
        change(&row, "step.5.status"),
        Some(("pending".into(), "skipped".into()))
    );
    let row = one_row(
        &db,
        &["progress", "set-step", "u1", "3"],
        "",
        "u1",
        "updated",
    );
    assert_eq!(change(&row, "current_step"), Some((1.into(), 3.into())));
    let row = one_row(&db, &["progress", "set", "u1", "40"], "", "u1", "updated");
    assert_eq!(change(&row, "progress").map(|c| c.1), Some(40.0.into()));
    let row = one_row(
        &db,
        &[
            "progress",
            "step",
            "u1",
            "2",
            "completed",
            "--force",
            "--reason",
            "demo",
        ],
        "",
        "u1",
        "forced",
    );
    assert_eq!(row["reason"], "demo");
    assert_eq!(
        change(&row, "step.2.status").map(|c| c.1),
        Some("completed".into())
    );
    let row = one_row(
        &db,
        &["complete", "u1", "--force", "--reason", "ticket 7"],
        "",
        "u1",
        "forced",
    );
    assert_eq!(row["reason"], "ticket 7");
    assert_eq!(
        change(&row, "step.6.force_reason"),
        Some((Value::Null, "ticket 7".into()))
    );
    let row = one_row(&db, &["session", "reset", "u1", "--yes"], "", "u1", "reset");
    assert_eq!(change(&row, "current_step"), Some((6.into(), 1.into())));
    let row = one_row(
        &db,
        &["session", "reset", "u1", "--purge", "--yes"],
        "",
        "u1",
        "reset and purged",
    );
    assert!(row["changes"].as_array().unwrap().is_empty(), "{row:#}");
}

#[test]
fn key_commands_record_fingerprints_only() {
    let db = test_db();
    db.users(&["k1"]);
    let fp = fingerprint(FAKE_GEMINI);
    let set = ["key", "set", "k1", "gemini", "--stdin"];
    let row = one_row(&db, &set, FAKE_GEMINI, "k1", "created");
    assert_eq!(
        change(&row, "key.gemini"),
        Some((Value::Null, fp.clone().into()))
    );
    let other = "AIzaFAKE_TEST_ONLY_1111111111111111111";
    let row = one_row(&db, &set, other, "k1", "replaced");
    assert_eq!(
        change(&row, "key.gemini"),
        Some((fp.into(), fingerprint(other).into()))
    );
    let row = one_row(&db, &["key", "delete", "k1", "gemini"], "", "k1", "deleted");
    assert_eq!(
        change(&row, "key.gemini"),
        Some((fingerprint(other).into(), Value::Null))
    );
    let all = serde_json::to_string(&rows(&db)).unwrap();
    assert!(
        !all.contains("FAKE_TEST_ONLY"),
        "a key value in the trail: {all}"
    );
}

#[test]
fn key_reseal_leaves_one_row_per_user_it_changed() {
    let db = test_db();
    db.users(&["r1", "r2"]);
    db.ok_stdin(&["key", "set", "r1", "gemini", "--stdin"], FAKE_GEMINI);
    let before = rows(&db).len();
    let out = crate::encryption::with_key(
        &db,
        Some(crate::encryption::MASTER_A),
        &["key", "reseal"],
        "",
    );
    assert_code(&out, 0);
    let after = rows(&db);
    assert_eq!(after.len(), before + 1, "only r1 had a key: {after:#?}");
    assert_eq!(after[0]["user_id"], "r1");
    assert_eq!(after[0]["outcome"], "resealed");
    assert_eq!(
        change(&after[0], "key.gemini.at_rest"),
        Some(("plaintext".into(), "sealed".into()))
    );
}

#[test]
fn data_commands_record_field_by_field() {
    let db = test_db();
    db.users(&["d1"]);
    let analysis = r#"{"website_url": "https://example.com", "status": "completed"}"#;
    let row = one_row(
        &db,
        &["analysis", "set", "d1", "--file", "-"],
        analysis,
        "d1",
        "created",
    );
    assert_eq!(
        change(&row, "website_analysis.website_url"),
        Some((Value::Null, "https://example.com".into()))
    );
    let row = one_row(
        &db,
        &["research", "set", "d1", "--depth", "Deep"],
        "",
        "d1",
        "created",
    );
    assert_eq!(
        change(&row, "research_preferences.research_depth").map(|c| c.1),
        Some("Deep".into())
    );
    let row = one_row(
        &db,
        &["research", "set", "d1", "--depth", "Basic"],
        "",
        "d1",
        "updated",
    );
    assert_eq!(
        change(&row, "research_preferences.research_depth"),
        Some(("Deep".into(), "Basic".into()))
    );
    let persona = r#"{"selected_platforms": ["linkedin"]}"#;
    let row = one_row(
        &db,
        &["persona", "set", "d1", "--file", "-"],
        persona,
        "d1",
        "created",
    );
    assert_eq!(
        change(&row, "persona_data.selected_platforms"),
        Some((Value::Null, serde_json::json!(["linkedin"])))
    );
}

#[test]
fn session_delete_is_audited_and_earlier_rows_survive() {
    let db = test_db();
    db.users(&["gone"]);
    db.ok_stdin(&["key", "set", "gone", "exa", "--stdin"], FAKE_EXA);
    let row = one_row(
        &db,
        &["session", "delete", "gone", "--yes"],
        "",
        "gone",
        "deleted",
    );
    assert_eq!(
        change(&row, "key.exa"),
        Some((fingerprint(FAKE_EXA).into(), Value::Null))
    );
    let mine = db.json(&["audit", "log", "--user", "gone"]);
    let outcomes: Vec<&str> = mine
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["outcome"].as_str().unwrap())
        .collect();
    assert_eq!(outcomes, ["deleted", "created", "created"]);
}

#[test]
fn commands_that_change_nothing_or_are_refused_leave_no_row() {
    let db = test_db();
    db.users(&["n1"]);
    let before = rows(&db);
    db.ok(&["session", "create", "n1"]);
    assert_code(&db.run(&["complete", "n1"]), 4);
    assert_code(&db.run(&["progress", "step", "n1", "1", "completed"]), 4);
    assert_code(&db.run(&["key", "delete", "n1", "gemini"]), 3);
    db.ok(&["session", "show", "n1"]);
    db.ok(&["session", "delete", "n1", "--dry-run"]);
    assert_eq!(rows(&db), before);
}

#[test]
fn import_and_copy_leave_one_row_per_user_written() {
    let src = test_db();
    src.users(&["i1", "i2"]);
    src.ok_stdin(&["key", "set", "i1", "gemini", "--stdin"], FAKE_GEMINI);
    let dump = src.ok(&["export", "--include-secrets"]);
    let dst = test_db();
    dst.ok_stdin(&["import", "-"], &dump);
    let imported = rows(&dst);
    assert_eq!(imported.len(), 2, "{imported:#?}");
    assert!(imported.iter().all(|r| r["outcome"] == "created"));
    let i1 = imported.iter().find(|r| r["user_id"] == "i1").unwrap();
    assert_eq!(
        change(i1, "key.gemini").map(|c| c.1),
        Some(fingerprint(FAKE_GEMINI).into())
    );
    dst.ok_stdin(&["import", "-"], &dump);
    assert_eq!(rows(&dst).len(), 2, "an unchanged import writes no row");

    let target = test_db();
    src.ok(&["db", "copy", "--to", &target.url]);
    let copied = rows(&target);
    assert_eq!(copied.len(), 2, "{copied:#?}");
    assert!(copied
        .iter()
        .all(|r| r["command"].as_str().unwrap().contains("db copy")));
}

#[test]
fn legacy_import_leaves_one_row_per_file_written() {
    let db = test_db();
    let dir = crate::legacy::legacy_dir(&db, &[("full.json", "user_full")]);
    db.ok(&["import", "legacy-json", &dir]);
    let all = rows(&db);
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["user_id"], "user_full");
    assert_eq!(all[0]["outcome"], "created");
    let text = serde_json::to_string(&all).unwrap();
    for c in all[0]["changes"].as_array().unwrap() {
        if c["field"].as_str().unwrap().starts_with("key.") {
            assert_eq!(c["new"].as_str().unwrap().len(), 8, "a fingerprint: {text}");
        }
    }
}

#[test]
fn actor_comes_from_the_flag_then_the_environment() {
    let db = test_db();
    db.ok(&["--actor", "alice", "session", "create", "a1"]);
    db.cmd()
        .env("ONBOARDCTL_ACTOR", "ci-bot")
        .args(["session", "create", "a2"])
        .assert()
        .success();
    db.cmd()
        .env("ONBOARDCTL_ACTOR", "ci-bot")
        .args(["--actor", "bob", "session", "create", "a3"])
        .assert()
        .success();
    db.ok(&["session", "create", "a4"]);
    let actor = |user: &str| {
        let r = db.json(&["audit", "log", "--user", user]);
        r[0]["actor"].as_str().unwrap().to_owned()
    };
    assert_eq!(actor("a1"), "alice");
    assert_eq!(actor("a2"), "ci-bot");
    assert_eq!(actor("a3"), "bob");
    assert!(actor("a4").contains('@'), "user@host: {}", actor("a4"));
    let by_alice = db.json(&["audit", "log", "--actor", "alice"]);
    assert_eq!(by_alice.as_array().unwrap().len(), 1);
}

#[test]
fn audit_log_filters_by_time_and_limit_and_refuses_a_bad_time() {
    let db = test_db();
    db.users(&["t1", "t2", "t3"]);
    let all = |args: &[&str]| {
        let mut a = vec!["audit", "log"];
        a.extend_from_slice(args);
        db.json(&a).as_array().unwrap().len()
    };
    assert_eq!(all(&[]), 3);
    assert_eq!(all(&["--limit", "2"]), 2);
    assert_eq!(all(&["--since", "1h"]), 3);
    assert_eq!(all(&["--since", "2999-01-01"]), 0);
    assert_eq!(all(&["--since", "2000-01-01T00:00:00Z"]), 3);
    assert_code(&db.run(&["audit", "log", "--since", "yesterday"]), 2);
    let table = db.ok(&["audit", "log"]);
    assert!(table.starts_with("TIME"), "{table}");
    assert!(table.contains("current_step: - → 1"), "{table}");
}
