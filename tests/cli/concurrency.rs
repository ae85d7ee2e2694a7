//! Concurrent writers: several `onboardctl` processes changing the same user at once. Every
//! read-modify-write command runs inside one write transaction (the `Store` contract), so the
//! final state equals a serial run's whatever the interleaving; without it most rounds lose
//! updates. Runs on SQLite and, through `backend.rs`, on PostgreSQL.

use std::path::Path;
use std::process::{Child, Stdio};

use serde_json::Value;

use crate::{assert_code, stderr, test_db, TestDb};

/// Rounds per test: without the transaction nearly every round loses an update, so a few
/// rounds make a pass by luck practically impossible.
const ROUNDS: usize = 4;

/// Starts `onboardctl ARGS` against `db` without waiting, stdin `stdin`.
fn spawn(db: &TestDb, args: &[&str], env: &[(&str, &Path)]) -> Child {
    let mut cmd = crate::bare_std_cmd(&db.path());
    cmd.args(["--database-url", &db.url, "--no-dotenv"])
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    for (var, value) in env {
        cmd.env(var, value);
    }
    cmd.spawn().expect("spawn onboardctl")
}

/// Waits for every child and asserts each exited 0.
fn all_succeed(children: Vec<Child>) {
    for child in children {
        let out = child.wait_with_output().expect("wait");
        assert_code(&out, 0);
    }
}

#[test]
fn concurrent_step_changes_all_survive() {
    let db = test_db();
    db.users(&["racer"]);
    for round in 0..ROUNDS {
        db.ok(&["session", "reset", "racer"]);
        let steps: Vec<String> = (1..=5).map(|n| n.to_string()).collect();
        let children = steps
            .iter()
            .map(|n| spawn(&db, &["progress", "step", "racer", n, "in_progress"], &[]))
            .collect();
        all_succeed(children);
        let shown = db.json(&["progress", "show", "racer"]);
        let statuses: Vec<&str> = shown["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .map(|s| s["status"].as_str().expect("status"))
            .collect();
        assert_eq!(
            statuses,
            ["in_progress"; 5]
                .iter()
                .copied()
                .chain(["pending"])
                .collect::<Vec<_>>(),
            "round {round}: every process's step change survives"
        );
    }
}

#[test]
fn concurrent_research_flags_all_survive() {
    let db = test_db();
    db.users(&["merger"]);
    for round in 0..ROUNDS {
        let depth = format!("Depth{round}");
        db.ok(&[
            "research",
            "set",
            "merger",
            "--depth",
            "Basic",
            "--content-types",
            "blog",
            "--auto-research",
            "true",
            "--factual-content",
            "true",
        ]);
        let flags: [&[&str]; 4] = [
            &["--depth", &depth],
            &["--content-types", "podcasts,video"],
            &["--auto-research", "false"],
            &["--factual-content", "false"],
        ];
        let children = flags
            .iter()
            .map(|f| {
                let mut args = vec!["research", "set", "merger"];
                args.extend_from_slice(f);
                spawn(&db, &args, &[])
            })
            .collect();
        all_succeed(children);
        let p = db.json(&["research", "show", "merger"]);
        assert_eq!(
            p["research_depth"],
            Value::from(depth.as_str()),
            "round {round}: {p}"
        );
        assert_eq!(
            p["content_types"],
            serde_json::json!(["podcasts", "video"]),
            "{p}"
        );
        assert_eq!(p["auto_research"], Value::Bool(false), "{p}");
        assert_eq!(p["factual_content"], Value::Bool(false), "{p}");
    }
}

#[test]
fn concurrent_key_sets_leave_the_row_and_env_file_in_agreement() {
    let db = test_db();
    db.users(&["same"]);
    let env = db.path().join("backend.env");
    for round in 0..ROUNDS {
        let children: Vec<Child> = (0..8)
            .map(|n| {
                let value = format!("AIzaFAKE_RACE_ROUND_{round}_WRITER_{n}_000000000");
                let mut cmd = crate::bare_std_cmd(&db.path());
                cmd.args(["--database-url", &db.url, "--no-dotenv"])
                    .arg("--env-file")
                    .arg(&env)
                    .args(["key", "set", "same", "gemini", "--stdin"])
                    .env("DEPLOY_ENV", "local")
                    .stdin(Stdio::piped())
                    .stdout(Stdio::null())
                    .stderr(Stdio::piped());
                let mut child = cmd.spawn().expect("spawn");
                use std::io::Write;
                child
                    .stdin
                    .take()
                    .expect("stdin")
                    .write_all(value.as_bytes())
                    .expect("write the key");
                child
            })
            .collect();
        for child in children {
            let out = child.wait_with_output().expect("wait");
            assert!(out.status.success(), "round {round}: {}", stderr(&out));
        }
        let stored = db.ok(&["key", "get", "same", "gemini", "--reveal"]);
        let in_file = crate::local_mode::dotenv_vars(&env)["GEMINI_API_KEY"].clone();
        assert_eq!(
            stored.trim(),
            in_file,
            "round {round}: the row and .env agree"
        );
    }
}
