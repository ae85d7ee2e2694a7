//! `import legacy-json`: ALwrity's `.onboarding_progress*.json` files (the fixtures under
//! `tests/fixtures/legacy/`, copied under per-user names): mapping into every table, masked
//! keys in every report, idempotency, a bad file skipped without a partial write (exit 4),
//! `--user` for the global file (exit 2), `--dry-run`.

use std::path::{Path, PathBuf};

use crate::{assert_code, stderr, stdout, test_db, TestDb};

/// The plaintext keys of `full.json`: never printed.
const FILE_KEYS: [&str; 2] = [
    "AIzaFAKE_LEGACY_TEST_000000000000000000",
    "ck_pub_FAKE_LEGACY_TEST_0000",
];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/legacy")
        .join(name)
}

/// A directory `legacy/` in the test's directory holding `fixture` files under per-user
/// names: `(fixture, user)`.
pub(crate) fn legacy_dir(db: &TestDb, files: &[(&str, &str)]) -> String {
    let dir = db.path().join("legacy");
    std::fs::create_dir_all(&dir).unwrap();
    for (file, user) in files {
        let to = dir.join(format!(".onboarding_progress_{user}.json"));
        std::fs::copy(fixture(file), to).unwrap();
    }
    std::fs::write(dir.join("unrelated.json"), "{}").unwrap();
    dir.display().to_string()
}

fn assert_no_key(text: &str) {
    for k in FILE_KEYS {
        assert!(!text.contains(k), "a key value was printed: {text}");
    }
}

const GOOD: [(&str, &str); 5] = [
    ("full.json", "user_full"),
    ("current_step_stale.json", "user_stale"),
    ("older_step1_empty.json", "42"),
    ("missing_keys.json", "user_sparse"),
    ("all_done_flag_false.json", "user_done"),
];

#[test]
fn files_map_into_every_table_with_keys_masked() {
    let db = test_db();
    let dir = legacy_dir(&db, &GOOD);
    let out = db.run(&["import", "legacy-json", &dir]);
    assert_code(&out, 0);
    assert_no_key(&stdout(&out));
    assert_no_key(&stderr(&out));
    assert!(stdout(&out).contains("user_full  created  keys: copilotkit ****"));
    let keys = db.json(&["key", "list", "user_full"]);
    let providers: Vec<&str> = keys
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["provider"].as_str().unwrap())
        .collect();
    assert_eq!(providers, ["copilotkit", "exa", "gemini"]);
    let raw = db.ok(&["key", "get", "user_full", "gemini", "--reveal"]);
    assert_eq!(raw.trim(), FILE_KEYS[0]);
    let analysis = db.json(&["analysis", "show", "user_full"]);
    assert_eq!(analysis["website_url"], "https://example.com");
    let session = db.json(&["session", "show", "user_full"]);
    assert_eq!(session["steps"][0]["status"], "completed");
    assert_no_key(&session.to_string());
    let export = db.ok(&["export"]);
    assert_no_key(&export);
    assert_eq!(export.lines().count(), GOOD.len());
}

#[test]
fn importing_twice_changes_nothing_the_second_time() {
    let db = test_db();
    let dir = legacy_dir(&db, &GOOD);
    db.ok(&["import", "legacy-json", &dir]);
    let before = db.dump();
    let exported = db.ok(&["export", "--include-secrets"]);
    let out = db.ok(&["--json", "import", "legacy-json", &dir]);
    let last: serde_json::Value = serde_json::from_str(out.lines().last().unwrap()).unwrap();
    assert_eq!(last["summary"]["unchanged"], GOOD.len(), "{out}");
    assert!(out
        .lines()
        .take(GOOD.len())
        .all(|l| l.contains("\"action\":\"unchanged\"")));
    assert_eq!(db.dump(), before);
    assert_eq!(db.ok(&["export", "--include-secrets"]), exported);
}

#[test]
fn a_bad_file_is_skipped_without_a_partial_write_and_the_run_exits_4() {
    let db = test_db();
    let dir = legacy_dir(
        &db,
        &[
            ("full.json", "user_full"),
            ("malformed.json", "user_malformed"),
            ("truncated.json", "user_truncated"),
            ("failed_status.json", "user_failed"),
        ],
    );
    let out = db.run(&["--json", "import", "legacy-json", &dir]);
    assert_code(&out, 4);
    let text = stdout(&out);
    assert_no_key(&text);
    assert_eq!(text.matches("\"action\":\"failed\"").count(), 3, "{text}");
    for user in ["user_malformed", "user_truncated", "user_failed"] {
        assert_code(&db.run(&["session", "show", user]), 3);
    }
    assert_code(&db.run(&["session", "show", "user_full"]), 0);
}

#[test]
fn the_global_file_needs_user() {
    let db = test_db();
    let file = db.path().join(".onboarding_progress.json");
    std::fs::copy(fixture("full.json"), &file).unwrap();
    let file = file.display().to_string();
    let out = db.run(&["import", "legacy-json", &file]);
    assert_code(&out, 2);
    assert!(stderr(&out).contains("--user"), "{}", stderr(&out));
    assert_code(&db.run(&["session", "show", "u9"]), 3);
    db.ok(&["import", "legacy-json", &file, "--user", "u9"]);
    assert_code(&db.run(&["session", "show", "u9"]), 0);
}

#[test]
fn dry_run_writes_nothing() {
    let db = test_db();
    db.users(&["user_full"]);
    let dir = legacy_dir(&db, &GOOD);
    let before = db.dump();
    let v = db.ok(&["--json", "import", "legacy-json", "--dry-run", &dir]);
    assert!(v.contains("\"action\":\"replaced\""), "{v}");
    assert!(v.contains("\"dry_run\":true"), "{v}");
    assert_eq!(db.dump(), before);
}

#[test]
fn keys_are_sealed_with_a_master_key_and_a_second_import_is_unchanged() {
    const MASTER: &str = "AQIDBAUGBwgJCgsMDQ4PEBESExQVFhcYGRobHB0eHyA=";
    let db = test_db();
    let dir = legacy_dir(&db, &[("full.json", "user_full")]);
    let with_key = |args: &[&str]| {
        let out = db
            .cmd()
            .env("ONBOARDCTL_MASTER_KEY", MASTER)
            .args(args)
            .output()
            .unwrap();
        assert_code(&out, 0);
        stdout(&out)
    };
    assert!(with_key(&["import", "legacy-json", &dir]).contains("created"));
    let stored = db.ok(&["export", "--include-secrets"]);
    assert_no_key(&stored);
    assert!(stored.contains("\"value\":\"enc:v1:"), "{stored}");
    let raw = with_key(&["key", "get", "user_full", "gemini", "--reveal"]);
    assert_eq!(raw.trim(), FILE_KEYS[0]);
    assert!(with_key(&["import", "legacy-json", &dir]).contains("user_full  unchanged"));
    assert_eq!(db.ok(&["export", "--include-secrets"]), stored);
}
