//! `research set/show`.

use crate::{assert_code, redact_times, test_db, write_file};

#[test]
fn flags_override_the_document() {
    let db = test_db();
    db.users(&["u1"]);
    let file = write_file(
        &db,
        "r.json",
        r#"{"research_depth": "Basic", "content_types": ["Blog Posts"], "auto_research": true}"#,
    );
    let v = db.json(&[
        "research",
        "set",
        "u1",
        "--file",
        &file,
        "--depth",
        "Expert",
        "--auto-research",
        "false",
    ]);
    assert_eq!(v["research_depth"], "Expert");
    assert_eq!(v["content_types"][0], "Blog Posts");
    assert_eq!(v["auto_research"], false);
    db.ok(&[
        "research",
        "set",
        "u1",
        "--content-types",
        "Videos,Podcasts",
        "--factual-content",
        "no",
    ]);
    let v = db.json(&["research", "show", "u1"]);
    assert_eq!(
        v["content_types"],
        serde_json::json!(["Videos", "Podcasts"])
    );
    assert_eq!(v["factual_content"], false);
    assert_eq!(v["research_depth"], "Expert", "fields not given are kept");
    insta::assert_snapshot!(redact_times(&db.ok(&["research", "show", "u1"])));
}

#[test]
fn flags_alone_and_stdin() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok(&["research", "set", "u1"]);
    assert!(db.json(&["research", "show", "u1"])["research_depth"].is_string());
    db.ok_stdin(
        &["research", "set", "u1", "-"],
        r#"{"researchDepth": "Standard"}"#,
    );
    assert_code(
        &db.run(&["research", "set", "u1", "--auto-research", "maybe"]),
        2,
    );
    assert_code(&db.run(&["research", "show", "ghost"]), 3);
}
