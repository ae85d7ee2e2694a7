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
    seed(&db, 5000);
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

/// `key set` in local mode against `env`, with `value` on stdin and `extra` environment.
fn key_set(
    db: &TestDb,
    env: &std::path::Path,
    value: &str,
    extra: &[(&str, &str)],
) -> std::process::Output {
    let mut cmd = db.cmd();
    cmd.env("DEPLOY_ENV", "local")
        .arg("--env-file")
        .arg(env)
        .args(["key", "set", "u1", "gemini", "--stdin"])
        .write_stdin(value);
    for (k, v) in extra {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

fn stored(db: &TestDb) -> String {
    db.ok(&["key", "get", "u1", "gemini", "--reveal"])
        .trim()
        .to_owned()
}

fn in_file(env: &std::path::Path) -> Option<String> {
    crate::local_mode::dotenv_vars(env)
        .get("GEMINI_API_KEY")
        .cloned()
}

fn leftovers(dir: &std::path::Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.contains("onboardctl-tmp"))
        .collect()
}

#[test]
fn a_key_set_killed_between_the_row_and_the_env_file_is_noticed_and_repaired() {
    let db = test_db();
    db.users(&["u1"]);
    let env = db.path().join("backend.env");
    let base = "AIzaFAKE_CRASH_BASE_00000000000000000";
    assert_code(&key_set(&db, &env, base, &[]), 0);
    for (round, point) in ["after-intents", "after-files", "after-commit"]
        .iter()
        .enumerate()
    {
        let new = format!("AIzaFAKE_CRASH_ROUND_{round}_00000000000000");
        let out = key_set(&db, &env, &new, &[("ONBOARDCTL_TEST_CRASH_AT", point)]);
        assert_ne!(out.status.code(), Some(0), "{point}: the process died");
        let agree = in_file(&env).as_deref() == Some(stored(&db).as_str());
        // After the commit the two agree; before it, the file may be ahead of the row.
        match *point {
            "after-files" => assert!(!agree, "the file was renamed, the row rolled back"),
            _ => assert!(agree, "{point}"),
        }
        // The next command that touches the file notices a disagreement, and only then.
        let next = db
            .cmd()
            .env("DEPLOY_ENV", "local")
            .arg("--env-file")
            .arg(&env)
            .args(["env", "sync", "u1", "--check"])
            .output()
            .unwrap();
        let check_code = next.status.code();
        let other = key_set(&db, &env, base, &[]);
        assert_code(&other, 0);
        let warned = crate::stderr(&other).contains("env sync u1");
        assert_eq!(warned, !agree, "{point}: {}", crate::stderr(&other));
        assert_eq!(check_code, Some(if agree { 0 } else { 6 }), "{point}");
        assert_eq!(in_file(&env).as_deref(), Some(stored(&db).as_str()));
        // env sync repairs and clears the journal: the next run warns no more.
        db.cmd()
            .env("DEPLOY_ENV", "local")
            .arg("--env-file")
            .arg(&env)
            .args(["env", "sync", "u1"])
            .output()
            .unwrap();
        let quiet = key_set(&db, &env, base, &[]);
        assert!(
            !crate::stderr(&quiet).contains("env sync"),
            "{}",
            crate::stderr(&quiet)
        );
        assert!(
            leftovers(&db.path()).is_empty(),
            "{:?}",
            leftovers(&db.path())
        );
    }
}

#[test]
fn key_sets_killed_at_random_moments_never_leave_an_unnoticed_disagreement() {
    let db = test_db();
    db.users(&["u1"]);
    let env = db.path().join("backend.env");
    assert_code(
        &key_set(&db, &env, "AIzaFAKE_RANDOM_BASE_0000000000000000", &[]),
        0,
    );
    let (mut killed, mut noticed) = (0, 0);
    for round in 0..30u64 {
        let value = format!("AIzaFAKE_RANDOM_{round:02}_000000000000000000");
        let mut child = db
            .std_cmd(&[
                "--env-file",
                env.to_str().unwrap(),
                "key",
                "set",
                "u1",
                "gemini",
                "--stdin",
            ])
            .env("DEPLOY_ENV", "local")
            .stdin(Stdio::piped())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(value.as_bytes())
            .unwrap();
        // Spread the kill over the whole run (a run takes a few milliseconds).
        std::thread::sleep(Duration::from_micros(500 + (round * 7919) % 9000));
        let _ = child.kill();
        let status = child.wait().unwrap();
        killed += usize::from(!status.success());
        let agree = in_file(&env).as_deref() == Some(stored(&db).as_str());
        let next = key_set(&db, &env, "AIzaFAKE_RANDOM_BASE_0000000000000000", &[]);
        assert_code(&next, 0);
        let warned = crate::stderr(&next).contains("env sync u1");
        assert!(
            agree || warned,
            "round {round}: a disagreement went unnoticed"
        );
        noticed += usize::from(warned);
        assert_eq!(in_file(&env).as_deref(), Some(stored(&db).as_str()));
        assert!(leftovers(&db.path()).is_empty(), "round {round}");
        db.cmd()
            .env("DEPLOY_ENV", "local")
            .arg("--env-file")
            .arg(&env)
            .args(["env", "sync", "u1"])
            .output()
            .unwrap();
    }
    eprintln!(
        "key set kill runs: 30 rounds, {killed} killed mid-run, {noticed} disagreements noticed"
    );
}
