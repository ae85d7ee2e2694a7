//! `env diff` and `env sync [--check]`: statuses, masking, writing, exit 6 on drift. They
//! work without `DEPLOY_ENV=local` (explicit commands), and compare plaintext when keys are
//! encrypted at rest.

use serde_json::Value;

use crate::local_mode::dotenv_vars;
use crate::{
    assert_code, assert_success, stderr, stdout, test_db, TestDb, FAKE_COPILOTKIT, FAKE_EXA,
    FAKE_GEMINI,
};

const OTHER_EXA: &str = "11111111-1111-4111-8111-111111111111";

/// A user with the three required keys; `.env` with gemini matching, exa differing and
/// copilotkit missing; the frontend file missing CopilotKit's variable.
fn drifted() -> TestDb {
    let db = test_db();
    db.users(&["u1"]);
    db.required_keys("u1");
    let env = format!("# local\nGEMINI_API_KEY={FAKE_GEMINI}\nEXA_API_KEY={OTHER_EXA}\n");
    std::fs::write(db.path().join(".env"), env).unwrap();
    std::fs::write(db.path().join("front.env"), "PORT=3000\n").unwrap();
    db
}

/// Runs `env …` with the test's `.env` and frontend file (no DEPLOY_ENV).
fn env_cmd(db: &TestDb, args: &[&str]) -> std::process::Output {
    db.cmd()
        .env("ONBOARDCTL_FRONTEND_ENV_FILE", db.path().join("front.env"))
        .arg("--env-file")
        .arg(db.path().join(".env"))
        .args(args)
        .output()
        .unwrap()
}

fn assert_no_values(out: &std::process::Output) {
    let all = format!("{}{}", stdout(out), stderr(out));
    for value in [FAKE_GEMINI, FAKE_EXA, FAKE_COPILOTKIT, OTHER_EXA] {
        assert!(!all.contains(value), "a value leaked: {all}");
    }
}

#[test]
fn env_diff_reports_statuses_masked_with_fingerprints() {
    let db = drifted();
    let out = env_cmd(&db, &["--json", "env", "diff", "u1"]);
    assert_success(&out, &["env", "diff"]);
    assert_no_values(&out);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["in_sync"], false);
    assert_eq!(v["drift"], 3);
    let rows: Vec<(&str, &str)> = v["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["env_var"].as_str().unwrap(),
                e["status"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            ("COPILOTKIT_API_KEY", "missing"),
            ("REACT_APP_COPILOTKIT_API_KEY", "missing"),
            ("EXA_API_KEY", "differs"),
            ("GEMINI_API_KEY", "matches"),
        ]
    );
    let exa = &v["entries"][2];
    assert!(exa["stored_masked"].as_str().unwrap().ends_with("0000"));
    assert!(exa["file_masked"].as_str().unwrap().ends_with("1111"));
    assert_ne!(exa["stored_fingerprint"], exa["file_fingerprint"]);
    let gemini = &v["entries"][3];
    assert_eq!(gemini["stored_fingerprint"], gemini["file_fingerprint"]);
    assert!(v["entries"][0]["file_masked"].is_null());

    let out = env_cmd(&db, &["env", "diff", "u1"]);
    assert_success(&out, &["env", "diff"]);
    assert_no_values(&out);
    assert!(stdout(&out).contains("differs"), "{}", stdout(&out));
}

#[test]
fn env_sync_check_exits_6_on_drift_then_sync_writes_and_check_passes() {
    let db = drifted();
    let original = std::fs::read_to_string(db.path().join(".env")).unwrap();
    let out = env_cmd(&db, &["env", "sync", "u1", "--check"]);
    assert_code(&out, 6);
    assert_no_values(&out);
    assert!(
        stderr(&out).contains("`EXA_API_KEY` differs in"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        std::fs::read_to_string(db.path().join(".env")).unwrap(),
        original
    );
    assert!(
        !db.path().join(".env.lock").exists(),
        "--check takes no lock"
    );

    let out = env_cmd(&db, &["--json", "env", "sync", "u1"]);
    assert_success(&out, &["env", "sync"]);
    assert_no_values(&out);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["written"], 3);
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    let vars = dotenv_vars(&db.path().join(".env"));
    assert_eq!(vars["GEMINI_API_KEY"], FAKE_GEMINI);
    assert_eq!(vars["EXA_API_KEY"], FAKE_EXA);
    assert_eq!(vars["COPILOTKIT_API_KEY"], FAKE_COPILOTKIT);
    let front = dotenv_vars(&db.path().join("front.env"));
    assert_eq!(front["REACT_APP_COPILOTKIT_API_KEY"], FAKE_COPILOTKIT);
    assert_eq!(front["PORT"], "3000");
    let text = std::fs::read_to_string(db.path().join(".env")).unwrap();
    assert!(text.starts_with("# local\n"), "{text}");

    assert_code(&env_cmd(&db, &["env", "sync", "u1", "--check"]), 0);
    let again = env_cmd(&db, &["--json", "env", "sync", "u1"]);
    assert_success(&again, &["env", "sync"]);
    let v: Value = serde_json::from_slice(&again.stdout).unwrap();
    assert_eq!(v["written"], 0);
    assert_eq!(
        std::fs::read_to_string(db.path().join(".env")).unwrap(),
        text
    );
}

#[test]
fn env_commands_compare_the_plaintext_of_encrypted_keys() {
    let db = test_db();
    db.users(&["u1"]);
    let key = crate::encryption::MASTER_A;
    let with_key = |args: &[&str], stdin: &str| {
        db.cmd()
            .env("ONBOARDCTL_MASTER_KEY", key)
            .arg("--env-file")
            .arg(db.path().join(".env"))
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap()
    };
    let set = ["key", "set", "u1", "gemini", "--stdin"];
    assert_success(&with_key(&set, FAKE_GEMINI), &set);
    assert_success(&with_key(&["env", "sync", "u1"], ""), &["env", "sync"]);
    assert_eq!(
        dotenv_vars(&db.path().join(".env"))["GEMINI_API_KEY"],
        FAKE_GEMINI
    );
    let out = with_key(&["--json", "env", "diff", "u1"], "");
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["entries"][0]["status"], "matches");
    // Without the master key the stored value cannot be compared: exit 4.
    let out = env_cmd(&db, &["env", "diff", "u1"]);
    assert_code(&out, 4);
    assert!(stderr(&out).contains("encrypted"), "{}", stderr(&out));
}

#[test]
fn env_commands_need_a_session() {
    let db = test_db();
    assert_code(&env_cmd(&db, &["env", "diff", "ghost"]), 3);
    assert_code(&env_cmd(&db, &["env", "sync", "ghost"]), 3);
    assert_code(&env_cmd(&db, &["env", "sync", "ghost", "--check"]), 3);
    assert!(!db.path().join(".env").exists());
}
