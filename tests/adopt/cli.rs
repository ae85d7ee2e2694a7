//! `db migrate [--dry-run]` and `db status` on an ALwrity database, through the real binary,
//! on each backend: the full plan (human and JSON) with nothing changed, the report, and a
//! current schema afterwards. No key value is ever printed.

use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;

use crate::alwrity::{self, Era};
use crate::backends::{self, TestDb};

fn each_backend(test: impl Fn(TestDb)) {
    for make in [backends::sqlite, backends::postgres] {
        if let Some(mut db) = make() {
            alwrity::build(&mut *db.raw, Era::Later);
            test(db);
        }
    }
}

fn run(db: &TestDb, args: &[&str]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_onboardctl"));
    for var in [
        "DATABASE_URL",
        "ONBOARDCTL_DATABASE_URL",
        "NO_COLOR",
        "ONBOARDCTL_MASTER_KEY",
    ] {
        cmd.env_remove(var);
    }
    cmd.env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .current_dir(dir.path())
        .args(["--database-url", &db.url, "--no-dotenv"])
        .args(args)
        .output()
        .unwrap()
}

fn ok(db: &TestDb, args: &[&str]) -> String {
    let out = run(db, args);
    let text = String::from_utf8(out.stdout).unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{args:?}: {err}");
    assert!(
        !text.contains("AIzaFAKE") && !err.contains("AIzaFAKE"),
        "a key was printed"
    );
    text
}

fn json(db: &TestDb, args: &[&str]) -> Value {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    serde_json::from_str(&ok(db, &all)).unwrap()
}

#[test]
fn dry_run_prints_the_full_plan_and_changes_nothing() {
    each_backend(|mut db| {
        let dump = db.raw.dump();
        let bytes = db.file.as_ref().map(|f| std::fs::read(f).unwrap());
        let text = ok(&db, &["db", "migrate", "--dry-run"]);
        for part in [
            "adoption plan for",
            "tables to create",
            "onboardctl_quarantine",
            "columns to add",
            "completed_at",
            "constraints to add",
            "UNIQUE (user_id)",
            "ON DELETE CASCADE",
            "indexes to add",
            "ix_onboarding_sessions_updated_at",
            "kept as they are",
            "seo_page_audits",
            "sessions to merge",
            "user_a",
            "rows to move",
            "duplicates to resolve",
            "rows to quarantine",
            "session_id is NULL",
            "sessions as read",
            "CCSCPP",
            "V1 init is recorded as applied",
        ] {
            assert!(text.contains(part), "missing `{part}`:\n{text}");
        }
        let v = json(&db, &["db", "migrate", "--dry-run"]);
        assert_eq!(v["pending"][0]["version"], 1);
        assert_eq!(v["adoption"]["merges"][0]["user_id"], "user_a");
        assert_eq!(v["adoption"]["record"]["name"], "init");
        assert_eq!(db.raw.dump(), dump, "nothing changed");
        if let Some(bytes) = bytes {
            let file = db.file.as_ref().unwrap();
            assert_eq!(std::fs::read(file).unwrap(), bytes, "not a byte changed");
        }
    });
}

#[test]
fn migrate_adopts_reports_and_leaves_a_current_schema() {
    each_backend(|db| {
        let status = json(&db, &["db", "status"]);
        assert_eq!(
            (status["version"].as_u64(), status["adoptable"].as_bool()),
            (Some(0), Some(true))
        );
        assert!(ok(&db, &["db", "status"]).contains("`onboardctl db migrate` adopts it"));
        assert_eq!(
            run(&db, &["db", "status", "--check"]).status.code(),
            Some(6)
        );
        let refused = run(&db, &["db", "migrate"]);
        assert_eq!(
            refused.status.code(),
            Some(2),
            "adopting asks; off a terminal --yes"
        );
        assert!(String::from_utf8_lossy(&refused.stderr).contains("--yes"));
        assert_eq!(
            json(&db, &["db", "status"])["adoptable"],
            true,
            "nothing changed"
        );
        let v = json(&db, &["db", "migrate", "--yes"]);
        assert_eq!(v["applied"][0]["version"], 1);
        assert_eq!(v["adoption"]["plan"]["merges"][1]["user_id"], "user_b");
        assert!(v["adoption"]["plan"]["record"]["applied_on"].is_string());
        let status = json(&db, &["db", "status"]);
        assert!(status["version"].as_u64().unwrap() >= 1, "{status}");
        assert_eq!(status["pending"], Value::Array(vec![]));
        assert_eq!(status["adoptable"], false);
        assert_eq!(
            run(&db, &["db", "status", "--check"]).status.code(),
            Some(0)
        );
        let again = json(&db, &["db", "migrate"]);
        assert_eq!(again["applied"], Value::Array(vec![]));
        assert!(again.get("adoption").is_none(), "nothing to adopt twice");
        let show = json(&db, &["session", "show", "user_a"]);
        assert_eq!(show["current_step"], 3);
    });
}

#[test]
fn human_report_names_the_merges() {
    each_backend(|db| {
        let text = ok(&db, &["db", "migrate", "--yes"]);
        for part in [
            "adopted",
            "sessions merged",
            "user_a",
            "user_b",
            "rows quarantined",
            "V1 init recorded",
        ] {
            assert!(text.contains(part), "missing `{part}`:\n{text}");
        }
    });
}

#[test]
fn reseal_leaves_no_plaintext_key_anywhere_in_the_database() {
    const MASTER: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
    each_backend(|mut db| {
        ok(&db, &["db", "migrate", "--yes"]);
        let quarantined = db
            .raw
            .strings("SELECT count(*) FROM onboardctl_quarantine WHERE source_table = 'api_keys'");
        assert_ne!(quarantined, ["0"], "the fixture quarantines key rows");
        let out = run_with(
            &db,
            &["--json", "key", "reseal"],
            &[("ONBOARDCTL_MASTER_KEY", MASTER)],
        );
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: Value = serde_json::from_slice(&out.stdout).unwrap();
        assert!(v["quarantined_sealed"].as_u64().unwrap() >= 1, "{v}");
        // Every key value, in rows and in the quarantine, is sealed now.
        let left = db.raw.strings(
            "SELECT count(*) FROM onboardctl_quarantine \
             WHERE CAST(row_data AS TEXT) LIKE '%AIzaFAKE%'",
        );
        assert_eq!(left, ["0"]);
        match &db.file {
            // And no old value survives in free pages or the WAL.
            Some(file) => {
                for path in [file.clone(), file.with_extension("db-wal")] {
                    if let Ok(bytes) = std::fs::read(&path) {
                        let found = bytes.windows(8).any(|w| w == b"AIzaFAKE");
                        assert!(!found, "a plaintext key is still in `{}`", path.display());
                    }
                }
            }
            None => {
                let rows = db
                    .raw
                    .strings("SELECT count(*) FROM api_keys WHERE \"key\" LIKE 'AIzaFAKE%'");
                assert_eq!(rows, ["0"]);
            }
        }
    });
}

fn run_with(db: &TestDb, args: &[&str], env: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_onboardctl"));
    for var in ["DATABASE_URL", "ONBOARDCTL_DATABASE_URL", "NO_COLOR"] {
        cmd.env_remove(var);
    }
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.env("HOME", dir.path())
        .env("XDG_DATA_HOME", dir.path())
        .current_dir(dir.path())
        .args(["--database-url", &db.url, "--no-dotenv"])
        .args(args)
        .output()
        .unwrap()
}
