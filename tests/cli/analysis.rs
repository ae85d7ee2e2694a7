//! `analysis set/show`.

use crate::{assert_code, test_db, write_file};

const ALWRITY_SHAPE: &str = r#"{
  "website": "https://example.com",
  "analysis": {
    "writing_style": {"tone": "friendly"},
    "target_audience": {"demographics": ["founders"]},
    "brand_analysis": {"voice": "calm"}
  }
}"#;

#[test]
fn set_and_show_alwrity_shape() {
    let db = test_db();
    db.users(&["u1"]);
    let file = write_file(&db, "a.json", ALWRITY_SHAPE);
    let v = db.json(&["analysis", "set", "u1", "--file", &file]);
    assert_eq!(v["website_url"], "https://example.com");
    let v = db.json(&["analysis", "show", "u1"]);
    assert_eq!(v["writing_style"]["tone"], "friendly");
    assert_eq!(v["brand_analysis"]["voice"], "calm");
    assert!(v["created_at"].as_str().unwrap().ends_with('Z'));
    let human = db.ok(&["analysis", "show", "u1"]);
    assert!(human.contains("website_url:"), "{human}");
    assert!(human.contains("\"tone\": \"friendly\""), "{human}");
}

#[test]
fn set_flat_from_stdin() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok_stdin(
        &["analysis", "set", "u1", "-"],
        r#"{"website_url": "https://x.org", "status": "completed"}"#,
    );
    assert_eq!(
        db.json(&["analysis", "show", "u1"])["website_url"],
        "https://x.org"
    );
}

#[test]
fn brand_columns_follow_the_setting() {
    let db = test_db();
    db.users(&["u1"]);
    let file = write_file(&db, "a.json", ALWRITY_SHAPE);
    let out = db
        .cmd()
        .args(["--json", "analysis", "set", "u1", "--file", &file])
        .env("ENABLE_WEBSITE_BRAND_COLUMNS", "false")
        .output()
        .unwrap();
    assert_code(&out, 0);
    let out = db
        .cmd()
        .args(["--json", "analysis", "show", "u1"])
        .env("ENABLE_WEBSITE_BRAND_COLUMNS", "0")
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["brand_analysis"].is_null());
}

#[test]
fn missing_input_or_record() {
    let db = test_db();
    db.users(&["u1"]);
    assert_code(&db.run(&["analysis", "set", "u1"]), 2);
    assert_code(&db.run(&["analysis", "show", "u1"]), 3);
    assert_code(&db.run(&["analysis", "show", "ghost"]), 3);
    let missing = db.path().join("nope.json").display().to_string();
    assert_code(&db.run(&["analysis", "set", "u1", "--file", &missing]), 4);
}
