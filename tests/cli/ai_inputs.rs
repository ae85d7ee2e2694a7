//! `ai-inputs`.

use crate::{assert_code, test_db};

#[test]
fn works_on_partial_data() {
    let db = test_db();
    db.users(&["u1"]);
    let out = db.ok(&["ai-inputs", "u1"]);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(v.is_object() && !v.as_object().unwrap().is_empty());
    db.ok_stdin(
        &["analysis", "set", "u1", "-"],
        r#"{"website_url": "https://example.com", "writing_style": {"tone": "witty"}}"#,
    );
    let v = db.json(&["ai-inputs", "u1"]);
    assert!(v.to_string().contains("witty"), "{v}");
}

#[test]
fn unknown_user_is_exit_3() {
    let db = test_db();
    assert_code(&db.run(&["ai-inputs", "ghost"]), 3);
}
