//! Crash consistency: `onboardctl` killed (SIGKILL) at moments spread over a run, then the
//! invariants checked. `db copy` must leave a target that a plain rerun (no `--merge`)
//! completes into an exact copy.

use std::process::Stdio;
use std::time::Duration;

use crate::{assert_code, on_postgres, stdout, test_db, TestDb};

/// `n` users with a step, a key and an analysis each, imported in one go.
fn seed(db: &TestDb, n: usize) {
    let lines: String = (0..n)
        .map(|i| {
            format!(
                "{{\"user_id\":\"user_{i:05}\",\"current_step\":1,\"progress\":0.0,\
                 \"started_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:0{}Z\",\
                 \"keys\":[{{\"provider\":\"gemini\",\"value\":\"AIzaFAKE_CRASH_TEST_{i:05}_00000000000\",\
                 \"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}}],\
                 \"website_analysis\":{{\"website_url\":\"https://e{i}.example\",\"status\":\"completed\"}}}}\n",
                i % 10
            )
        })
        .collect();
    db.ok_stdin(&["import", "-"], &lines);
}

/// The target of a copy: a SQLite file on the SQLite run, another schema on PostgreSQL.
struct Target {
    url: String,
    _schema: Option<crate::backend::PgSchema>,
}

fn target(db: &TestDb) -> Target {
    if on_postgres() {
        let schema = crate::backend::PgSchema::create();
        let url = schema.url();
        let out = crate::bare_cmd(&db.path())
            .args(["--no-dotenv", "--database-url", &url, "db", "migrate"])
            .output()
            .unwrap();
        assert_code(&out, 0);
        Target {
            url,
            _schema: Some(schema),
        }
    } else {
        let url = format!("sqlite:{}", db.path().join("target.db").display());
        Target { url, _schema: None }
    }
}

fn export(db: &TestDb, url: &str) -> String {
    let out = crate::bare_cmd(&db.path())
        .args([
            "--no-dotenv",
            "--database-url",
            url,
            "export",
            "--include-secrets",
        ])
        .output()
        .unwrap();
    assert_code(&out, 0);
    stdout(&out)
}

#[test]
fn a_killed_db_copy_resumes_on_a_plain_rerun_into_an_exact_copy() {
    let db = test_db();
    seed(&db, 400);
    let to = target(&db);
    // Kill moments from before the target exists to the middle of the copy.
    for delay_ms in [1, 15, 40, 80, 150] {
        let mut child = db
            .std_cmd(&["db", "copy", "--to", &to.url])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(delay_ms));
        let _ = child.kill();
        let _ = child.wait();
    }
    let out = db.run(&["db", "copy", "--to", &to.url]);
    assert_code(&out, 0);
    assert_eq!(export(&db, &to.url), export(&db, &db.url), "an exact copy");
    // A finished copy is not redone without --merge.
    let again = db.run(&["db", "copy", "--to", &to.url]);
    assert_code(&again, 4);
    assert!(
        crate::stderr(&again).contains("already finished"),
        "{}",
        crate::stderr(&again)
    );
}
