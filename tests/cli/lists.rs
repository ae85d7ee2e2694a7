//! `session list` for many people: the note naming the total when it stops early, `--all`,
//! `--sort` and `--reverse`, `--user-like` (literal, ASCII letters in any case).

use crate::{assert_code, stderr, stdout, test_db, TestDb};

fn ids(db: &TestDb, args: &[&str]) -> Vec<String> {
    let mut all = vec!["session", "list"];
    all.extend_from_slice(args);
    let list = db.json(&all);
    list.as_array()
        .expect("array")
        .iter()
        .map(|r| r["user_id"].as_str().expect("user_id").to_owned())
        .collect()
}

#[test]
fn a_list_that_stops_early_names_the_total_on_stderr() {
    let db = test_db();
    db.users(&["u1", "u2", "u3", "u4", "u5"]);
    let out = db.run(&["session", "list", "--limit", "2"]);
    assert_code(&out, 0);
    assert_eq!(stdout(&out).lines().count(), 3, "header and two rows");
    assert_eq!(
        stderr(&out).trim(),
        "showing 2 of 5 — use --limit/--offset, or --all"
    );
    let out = db.run(&["session", "list", "--limit", "2", "--offset", "1"]);
    assert_eq!(
        stderr(&out).trim(),
        "showing 2–3 of 5 — use --limit/--offset, or --all"
    );
    for whole in [
        &["session", "list", "--limit", "5"][..],
        &["session", "list", "--limit", "2", "--offset", "3"],
        &["session", "list", "--all"],
    ] {
        let out = db.run(whole);
        assert_eq!(stderr(&out), "", "{whole:?}: nothing left, no note");
    }
    assert_eq!(
        db.run(&["-q", "session", "list", "--limit", "2"]).stderr,
        b""
    );
    // JSON keeps stderr for the error object.
    assert_eq!(
        db.run(&["--json", "session", "list", "--limit", "2"])
            .stderr,
        b""
    );
    assert_eq!(ids(&db, &["--all"]).len(), 5);
    assert_code(&db.run(&["session", "list", "--all", "--limit", "3"]), 2);
}

#[test]
fn the_default_limit_is_one_hundred_and_all_lifts_it() {
    let db = test_db();
    // One `session create` per process is slow: plant the rows.
    let mut sql = String::new();
    for i in 0..105 {
        sql.push_str(&format!(
            "INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, \
             updated_at) VALUES ('bulk{i:03}', 1, 0, '2025-01-01 00:00:00', \
             '2025-01-01 00:00:00');\n"
        ));
    }
    db.sql(&sql);
    let out = db.run(&["session", "list"]);
    assert_eq!(stdout(&out).lines().count(), 101);
    assert_eq!(
        stderr(&out).trim(),
        "showing 100 of 105 — use --limit/--offset, or --all"
    );
    assert_eq!(ids(&db, &["--all"]).len(), 105);
}

#[test]
fn sort_and_reverse_order_the_list_with_user_id_ties() {
    let db = test_db();
    db.users(&["carol", "bob", "alice", "dave"]);
    db.ok(&["progress", "set", "bob", "50"]);
    db.ok(&["progress", "set", "dave", "50"]);
    db.ok(&["progress", "set", "alice", "10"]);
    db.ok(&["progress", "set-step", "carol", "4"]);
    assert_eq!(
        ids(&db, &["--sort", "user"]),
        ["alice", "bob", "carol", "dave"]
    );
    assert_eq!(
        ids(&db, &["--sort", "user", "--reverse"]),
        ["dave", "carol", "bob", "alice"]
    );
    assert_eq!(
        ids(&db, &["--sort", "progress"]),
        ["bob", "dave", "alice", "carol"],
        "ties (bob, dave at 50) by user id"
    );
    assert_eq!(
        ids(&db, &["--sort", "progress", "--reverse"]),
        ["carol", "alice", "dave", "bob"],
        "the exact reverse, ties included"
    );
    assert_eq!(ids(&db, &["--sort", "step"])[0], "carol");
    assert_eq!(
        ids(&db, &["--sort", "started"]),
        ["dave", "alice", "bob", "carol"],
        "newest first"
    );
    assert_eq!(
        ids(&db, &["--sort", "updated"])[0],
        "carol",
        "the last change"
    );
    assert_eq!(
        ids(&db, &["--sort", "user", "--limit", "2", "--offset", "1"]),
        ["bob", "carol"]
    );
    let bad = db.run(&["session", "list", "--sort", "name"]);
    assert_code(&bad, 2);
    assert!(stderr(&bad).contains("progress"), "lists the keys");
}

#[test]
fn user_like_is_a_literal_case_insensitive_substring() {
    let db = test_db();
    db.users(&["Alice_1", "alice%2", "aliceX", "bob\\x", "Émile", "émile"]);
    let sorted = |like: &str| ids(&db, &["--user-like", like, "--sort", "user"]);
    assert_eq!(sorted("ALICE"), ["Alice_1", "alice%2", "aliceX"]);
    assert_eq!(sorted("_"), ["Alice_1"], "`_` is not a wildcard");
    assert_eq!(sorted("%"), ["alice%2"], "`%` is not a wildcard");
    assert_eq!(sorted("\\"), ["bob\\x"], "`\\` is not an escape");
    assert_eq!(sorted("é"), ["émile"], "non-ASCII letters match exactly");
    let none = db.run(&["session", "list", "--user-like", "zz"]);
    assert_eq!(stderr(&none).trim(), "no sessions match");
    let out = db.run(&["session", "list", "--user-like", "alice", "--limit", "1"]);
    assert_eq!(
        stderr(&out).trim(),
        "showing 1 of 3 — use --limit/--offset, or --all",
        "the total counts the matches only"
    );
}
