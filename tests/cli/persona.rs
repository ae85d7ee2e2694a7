//! `persona set/show`.

use crate::{assert_code, test_db, write_file};

pub const PERSONA: &str = r#"{
  "corePersona": {"identity": {"persona_name": "The Guide"}},
  "platformPersonas": {"linkedin": {"tone": "professional"}},
  "selectedPlatforms": ["linkedin"]
}"#;

#[test]
fn set_camel_case_and_show_snake_case() {
    let db = test_db();
    db.users(&["u1"]);
    let file = write_file(&db, "p.json", PERSONA);
    db.ok(&["persona", "set", "u1", "--file", &file]);
    let v = db.json(&["persona", "show", "u1"]);
    assert_eq!(v["core_persona"]["identity"]["persona_name"], "The Guide");
    assert_eq!(v["platform_personas"]["linkedin"]["tone"], "professional");
    assert_eq!(v["selected_platforms"][0], "linkedin");
    let human = db.ok(&["persona", "show", "u1"]);
    assert!(human.contains("selected_platforms:"), "{human}");
}

#[test]
fn snake_case_from_stdin_and_errors() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok_stdin(
        &["persona", "set", "u1", "-"],
        r#"{"core_persona": {"identity": {}}}"#,
    );
    assert!(db.json(&["persona", "show", "u1"])["core_persona"]["identity"].is_object());
    assert_code(&db.run_stdin(&["persona", "set", "u1", "-"], "[1, 2]"), 4);
    assert_code(&db.run(&["persona", "set", "u1", "--file", "x", "-"]), 2);
    assert_code(&db.run(&["persona", "show", "ghost"]), 3);
}
