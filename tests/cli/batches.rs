//! `import` and `db copy` write users in batches (one transaction per batch on onboardctl's
//! own databases): a user whose write fails in the middle of a batch fails alone and is
//! reported by line, a batch boundary inside the input changes nothing observable, a second
//! import is `unchanged` throughout, and export → import → export is byte-identical at a size
//! that spans several batches and pages. The failure is a real one: a trigger planted in the
//! database refuses one user's session row.

use crate::{assert_code, on_postgres, stdout, test_db, TestDb};

/// More users than three batches of 500 hold.
const USERS: usize = 1_234;
/// The user the trigger refuses (line 251 of the input, inside the first batch).
const REFUSED: &str = "user_00250";

/// `n` users as NDJSON, each with a key, an analysis and a step completed.
fn input(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"user_id\":\"user_{i:05}\",\"current_step\":2,\"progress\":16.7,\
                 \"started_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-02T00:00:0{}Z\",\
                 \"steps\":[{{\"step_number\":1,\"status\":\"completed\",\
                 \"completed_at\":\"2026-01-02T00:00:00Z\",\"forced\":true,\"force_reason\":\"seed\"}}],\
                 \"keys\":[{{\"provider\":\"gemini\",\"value\":\"AIzaFAKE_BATCH_TEST_{i:05}_0000000000\",\
                 \"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}}],\
                 \"website_analysis\":{{\"website_url\":\"https://b{i}.example\",\"status\":\"completed\"}},\
                 \"competitor_analyses\":[{{\"competitor_url\":\"https://rival{i}.example\"}}]}}\n",
                i % 10
            )
        })
        .collect()
}

/// Plants a trigger that refuses `user`'s session row.
fn refuse(db: &TestDb, user: &str) {
    if on_postgres() {
        db.sql(&format!(
            "CREATE FUNCTION refuse_user() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN \
               IF NEW.user_id = '{user}' THEN RAISE EXCEPTION 'refused by a test trigger'; \
               END IF; RETURN NEW; END $$; \
             CREATE TRIGGER refuse_user BEFORE INSERT ON onboarding_sessions \
               FOR EACH ROW EXECUTE FUNCTION refuse_user();"
        ));
    } else {
        db.sql(&format!(
            "CREATE TRIGGER refuse_user BEFORE INSERT ON onboarding_sessions \
             WHEN NEW.user_id = '{user}' BEGIN SELECT RAISE(ABORT, 'refused by a test trigger'); END;"
        ));
    }
}

fn allow(db: &TestDb) {
    db.sql("DROP TRIGGER refuse_user ON onboarding_sessions")
}

/// stdout then stderr.
fn both(out: &std::process::Output) -> String {
    format!("{}{}", stdout(out), crate::stderr(out))
}

fn count_users(db: &TestDb) -> usize {
    db.ok(&["export"]).lines().count()
}

#[test]
fn a_user_failing_inside_a_batch_fails_alone_and_a_rerun_does_the_rest() {
    let db = test_db();
    refuse(&db, REFUSED);
    let file = crate::write_file(&db, "users.ndjson", &input(USERS));
    let out = db.run(&["import", &file]);
    assert_code(&out, 4);
    let report = format!("{}{}", stdout(&out), crate::stderr(&out));
    let failed: Vec<&str> = report.lines().filter(|l| l.contains("failed:")).collect();
    assert_eq!(failed.len(), 1, "one failed line: {failed:?}");
    assert!(
        failed[0].contains("line 251") && failed[0].contains(REFUSED),
        "{}",
        failed[0]
    );
    assert!(
        report.contains(&format!("{} created", USERS - 1)),
        "{report}"
    );
    assert_eq!(count_users(&db), USERS - 1);

    if on_postgres() {
        allow(&db);
    } else {
        db.sql("DROP TRIGGER refuse_user");
    }
    let again = both(&db.run(&["import", &file]));
    assert!(
        again.contains(&format!(
            "1 created, 0 replaced, {} unchanged, 0 failed",
            USERS - 1
        )),
        "{again}"
    );
}

#[test]
fn export_import_export_is_identical_across_batches_and_reimport_changes_nothing() {
    let src = test_db();
    src.ok_stdin(&["import", "-"], &input(USERS));
    let first = src.ok(&["export", "--include-secrets"]);
    assert_eq!(first.lines().count(), USERS);
    let dst = test_db();
    let file = crate::write_file(&dst, "users.ndjson", &first);
    dst.ok(&["import", &file]);
    assert_eq!(dst.ok(&["export", "--include-secrets"]), first);
    let again = both(&dst.run(&["import", &file]));
    assert!(
        again.contains(&format!(
            "0 created, 0 replaced, {USERS} unchanged, 0 failed"
        )),
        "{again}"
    );
    assert_eq!(dst.ok(&["export", "--include-secrets"]), first);
}

#[test]
fn a_user_failing_inside_a_copy_batch_fails_alone() {
    let src = test_db();
    src.ok_stdin(&["import", "-"], &input(USERS));
    let dst = test_db();
    refuse(&dst, REFUSED);
    let out = src.run(&["db", "copy", "--to", &dst.url]);
    assert_code(&out, 4);
    let err = crate::stderr(&out);
    assert!(err.contains(REFUSED), "{err}");
    assert!(
        both(&out).contains(&format!("{} created", USERS - 1)),
        "{}",
        both(&out)
    );
    assert_eq!(count_users(&dst), USERS - 1);
}

/// A list longer than one page streams: the same JSON array, row for row, as the pages one
/// at a time give, and a table with one line per row under one header.
#[test]
fn a_long_session_list_streams_the_same_rows() {
    let db = test_db();
    db.ok_stdin(&["import", "-"], &input(USERS));
    let parse = |args: &[&str]| -> Vec<serde_json::Value> {
        let text = db.ok(args);
        serde_json::from_str::<serde_json::Value>(&text)
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
            .as_array()
            .cloned()
            .expect("an array")
    };
    let all = parse(&["--json", "session", "list", "--limit", "5000"]);
    assert_eq!(all.len(), USERS);
    let mut pages = parse(&["--json", "session", "list", "--limit", "1000"]);
    pages.extend(parse(&[
        "--json", "session", "list", "--limit", "1000", "--offset", "1000",
    ]));
    assert_eq!(all, pages);
    let offset = parse(&[
        "--json", "session", "list", "--limit", "1100", "--offset", "3",
    ]);
    assert_eq!(offset[..], all[3..1103]);

    let table = db.ok(&["session", "list", "--limit", "5000"]);
    let lines: Vec<&str> = table.lines().collect();
    assert_eq!(lines.len(), USERS + 1, "a header and a line per row");
    assert!(lines[0].starts_with("USER_ID") && lines[0].contains("UPDATED_AT"));
    for (line, row) in lines[1..].iter().zip(&all) {
        let id = row["user_id"].as_str().unwrap();
        assert!(line.starts_with(id), "{line} is not {id}'s");
    }
}
