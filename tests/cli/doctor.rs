//! `doctor` on onboardctl's own database, one fixture per finding: a clean database exits 0
//! (human and `--json`); each planted problem is found with its code, severity and fixing
//! command, and exits 6; the JSON shape is pinned by a snapshot of its schema. Runs on SQLite
//! and on PostgreSQL (file modes and the journal are SQLite's).

use std::os::unix::fs::PermissionsExt;

use serde_json::{json, Map, Value};

use crate::{on_postgres, stdout, test_db, test_db_unmigrated, TestDb, FAKE_EXA, FAKE_GEMINI};

/// A master key for these tests (32 bytes of 0..31, base64).
const MASTER: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
/// Another one.
const OTHER_MASTER: &str = "HxscGxoZGBcWFRQTEhEQDw4NDAsKCQgHBgUEAwIBAAA=";

/// A migrated database that `doctor` finds clean: the test file made private (the harness
/// creates it under the umask).
fn clean_db() -> TestDb {
    let db = test_db();
    if let Some(path) = db.url.strip_prefix("sqlite:") {
        std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    db
}

/// `doctor --json` with `env`, asserting exit `expected`.
fn doctor(db: &TestDb, env: &[(&str, &str)], expected: i32) -> Value {
    let mut cmd = db.cmd();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(["--json", "doctor"]).output().expect("runs");
    assert_eq!(
        out.status.code(),
        Some(expected),
        "stdout: {}\nstderr: {}",
        stdout(&out),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn only(report: &Value, code: &str) -> Value {
    let found: Vec<&Value> = report["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["code"] == code)
        .collect();
    assert_eq!(found.len(), 1, "one `{code}` in {report:#}");
    found[0].clone()
}

fn set_key(db: &TestDb, env: &[(&str, &str)], args: &[&str], value: &str) {
    let mut cmd = db.cmd();
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.args(args).write_stdin(value).output().expect("runs");
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn a_clean_database_exits_0() {
    let db = clean_db();
    db.users(&["u1"]);
    set_key(
        &db,
        &[],
        &["key", "set", "u1", "gemini", "--stdin"],
        FAKE_GEMINI,
    );
    let report = doctor(&db, &[], 0);
    assert_eq!(report["findings"], json!([]));
    assert_eq!(report["summary"]["clean"], true);
    assert_eq!(report["database"]["flavour"], "native");
    assert_eq!(report["database"]["users"], 1);
    let text = db.ok(&["doctor"]);
    assert!(text.contains("no problems found"), "{text}");
}

#[test]
fn pending_migrations_are_an_error() {
    let db = test_db_unmigrated();
    let report = doctor(&db, &[], 6);
    let f = only(&report, "pending_migrations");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["fix"], "onboardctl db migrate");
    // The data checks cannot run on an outdated schema, and say so.
    let skipped: Vec<&Value> = report["checks"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["status"] == "skipped" && c["name"] == "readings")
        .collect();
    assert_eq!(skipped.len(), 1);
}

#[test]
fn a_key_failing_its_format_is_found() {
    let db = clean_db();
    db.users(&["u1"]);
    set_key(
        &db,
        &[],
        &["key", "set", "u1", "exa", "--stdin", "--no-validate"],
        "not-a-uuid-at-all",
    );
    let f = only(&doctor(&db, &[], 6), "key_format");
    assert_eq!(f["subject"], "u1/exa");
    assert_eq!(f["severity"], "warning");
    assert_eq!(f["fix"], "onboardctl key set u1 exa");
    assert!(!f["message"].as_str().unwrap().contains("not-a-uuid"));
}

#[test]
fn sealed_keys_without_or_under_another_master_key_are_errors() {
    let db = clean_db();
    db.users(&["u1"]);
    let master = [("ONBOARDCTL_MASTER_KEY", MASTER)];
    set_key(
        &db,
        &master,
        &["key", "set", "u1", "gemini", "--stdin"],
        FAKE_GEMINI,
    );
    assert_eq!(doctor(&db, &master, 0)["findings"], json!([]));
    let f = only(&doctor(&db, &[], 6), "sealed_without_master_key");
    assert_eq!(f["severity"], "error");
    assert_eq!(f["subject"], "u1/gemini");
    let other = [("ONBOARDCTL_MASTER_KEY", OTHER_MASTER)];
    let f = only(&doctor(&db, &other, 6), "sealed_key_unreadable");
    assert!(f["fix"]
        .as_str()
        .unwrap()
        .contains("key reseal --old-master-key-env"));
}

#[test]
fn a_plaintext_key_under_a_master_key_is_found() {
    let db = clean_db();
    db.users(&["u1"]);
    set_key(
        &db,
        &[],
        &["key", "set", "u1", "gemini", "--stdin"],
        FAKE_GEMINI,
    );
    let f = only(
        &doctor(&db, &[("ONBOARDCTL_MASTER_KEY", MASTER)], 6),
        "unsealed_key",
    );
    assert_eq!(f["fix"], "onboardctl key reseal");
}

#[test]
fn local_mode_finds_keys_missing_from_or_different_in_env() {
    let db = clean_db();
    db.users(&["u1"]);
    set_key(
        &db,
        &[],
        &["key", "set", "u1", "gemini", "--stdin"],
        FAKE_GEMINI,
    );
    set_key(&db, &[], &["key", "set", "u1", "exa", "--stdin"], FAKE_EXA);
    let env = db.path().join(".env");
    std::fs::write(&env, "GEMINI_API_KEY=AIzaFAKE_OTHER_VALUE_00000000000000\n").unwrap();
    std::fs::set_permissions(&env, std::fs::Permissions::from_mode(0o600)).unwrap();
    let local = [("DEPLOY_ENV", "local")];
    let report = doctor(&db, &local, 6);
    let missing = only(&report, "env_missing");
    assert_eq!(missing["subject"], "u1/EXA_API_KEY");
    assert_eq!(missing["fix"], "onboardctl env sync u1");
    assert_eq!(only(&report, "env_differs")["subject"], "u1/GEMINI_API_KEY");
    // Outside local mode the comparison is skipped.
    assert_eq!(doctor(&db, &[], 0)["findings"], json!([]));
    db.cmd()
        .env("DEPLOY_ENV", "local")
        .args(["env", "sync", "u1"])
        .assert()
        .success();
    assert_eq!(doctor(&db, &local, 0)["findings"], json!([]));
}

#[test]
fn an_env_file_with_keys_open_to_others_is_found() {
    let db = clean_db();
    let env = db.path().join(".env");
    std::fs::write(&env, format!("GEMINI_API_KEY={FAKE_GEMINI}\n")).unwrap();
    std::fs::set_permissions(&env, std::fs::Permissions::from_mode(0o640)).unwrap();
    let f = only(&doctor(&db, &[], 6), "env_file_mode");
    assert_eq!(f["subject"], ".env");
    assert_eq!(f["fix"], "chmod 600 .env");
    // A `.env` without a key is not a keys file.
    std::fs::write(&env, "DEBUG=1\n").unwrap();
    assert_eq!(doctor(&db, &[], 0)["findings"], json!([]));
}

#[test]
fn a_database_file_open_to_others_is_found() {
    if on_postgres() {
        return;
    }
    let db = clean_db();
    let path = db.url.strip_prefix("sqlite:").unwrap().to_owned();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o604)).unwrap();
    let f = only(&doctor(&db, &[], 6), "database_file_mode");
    assert_eq!(f["subject"], path.as_str());
    assert!(f["message"].as_str().unwrap().contains("0604"));
}

#[test]
fn onboardctls_own_file_in_rollback_journal_is_found() {
    if on_postgres() {
        return;
    }
    let db = clean_db();
    assert_eq!(doctor(&db, &[], 0)["database"]["journal_mode"], "wal");
    db.sql("PRAGMA journal_mode = DELETE;");
    let report = doctor(&db, &[], 6);
    assert_eq!(report["database"]["journal_mode"], "rollback");
    assert_eq!(
        only(&report, "journal_not_wal")["fix"],
        "onboardctl db migrate"
    );
    db.ok(&["db", "migrate"]);
    assert_eq!(doctor(&db, &[], 0)["database"]["journal_mode"], "wal");
}

#[test]
fn doctor_reads_only() {
    if on_postgres() {
        return;
    }
    let db = clean_db();
    db.users(&["u1"]);
    let path = db.url.strip_prefix("sqlite:").unwrap().to_owned();
    let before = std::fs::read(&path).unwrap();
    doctor(&db, &[("ONBOARDCTL_MASTER_KEY", MASTER)], 0);
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

/// The shape of a JSON value: every object's keys with the shape of their values, an
/// array as the union of its elements' shapes, scalars by type (`a|b` when they vary).
fn shape(v: &Value) -> Value {
    match v {
        Value::Null => json!("null"),
        Value::Bool(_) => json!("boolean"),
        Value::Number(_) => json!("number"),
        Value::String(_) => json!("string"),
        Value::Array(items) => json!([items.iter().map(shape).fold(None, merge)]),
        Value::Object(m) => Value::Object(m.iter().map(|(k, v)| (k.clone(), shape(v))).collect()),
    }
}

fn merge(acc: Option<Value>, next: Value) -> Option<Value> {
    Some(match (acc, next) {
        (None, n) => n,
        (Some(Value::Object(a)), Value::Object(b)) => {
            let mut out = Map::new();
            for k in a.keys().chain(b.keys()) {
                let merged = merge(
                    a.get(k).cloned(),
                    b.get(k).cloned().unwrap_or(json!("absent")),
                );
                out.insert(k.clone(), merged.unwrap());
            }
            Value::Object(out)
        }
        (Some(Value::Array(a)), Value::Array(b)) => {
            let items = a.into_iter().chain(b).fold(None, merge);
            Value::Array(items.into_iter().collect())
        }
        (Some(Value::String(a)), Value::String(b)) if a != b => {
            let mut types: Vec<&str> = a.split('|').chain(b.split('|')).collect();
            types.sort();
            types.dedup();
            json!(types.join("|"))
        }
        (Some(a), _) => a,
    })
}

#[test]
fn json_schema_is_stable() {
    if on_postgres() {
        return;
    }
    let db = clean_db();
    db.users(&["u1"]);
    set_key(
        &db,
        &[],
        &["key", "set", "u1", "exa", "--stdin", "--no-validate"],
        "not-a-uuid-at-all",
    );
    let native = doctor(&db, &[], 6);
    // A finding without a subject, and ALwrity's flavour (an era).
    let unmigrated = doctor(&test_db_unmigrated(), &[], 6);
    let alwrity = test_db_unmigrated();
    alwrity.sql(
        "CREATE TABLE onboarding_sessions (id INTEGER NOT NULL, user_id VARCHAR(255) NOT NULL, \
         current_step INTEGER, progress FLOAT, started_at DATETIME, updated_at DATETIME, \
         PRIMARY KEY (id)); \
         CREATE TABLE api_keys (id INTEGER NOT NULL, session_id INTEGER, provider VARCHAR(64), \
         key VARCHAR(256), created_at DATETIME, updated_at DATETIME, PRIMARY KEY (id));",
    );
    let alwrity = doctor(&alwrity, &[], 6);
    assert_eq!(alwrity["database"]["flavour"], "alwrity");
    let merged = [native, unmigrated, alwrity]
        .iter()
        .map(shape)
        .fold(None, merge)
        .unwrap();
    insta::assert_json_snapshot!(merged);
}
