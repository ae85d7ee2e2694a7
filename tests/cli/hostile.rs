//! Hostile text stays inert: terminal escapes (clear screen, OSC title, OSC 52 clipboard),
//! C1 controls, DEL and bidi overrides are stored through every command that can store text,
//! then every command that prints it must write them escaped (`\e`, `\u{9b}`, `\u{202e}`) in
//! human output, on stdout and stderr alike, while `--json` returns the exact value.

use std::process::Output;

use serde_json::{json, Value};

use crate::{code, stderr, stdout, test_db, write_file, TestDb};

/// Everything a terminal would act on, in one string.
const HOSTILE: &str =
    "A\x1b[2J\x1b]0;pwned\x07\x1b]52;c;ZXZpbA==\x07\u{9b}6n\u{202e}txt.exe\u{2066}Z\x7f\tT\nN";

/// HOSTILE as human output shows it.
const ESCAPED: &str =
    r"A\e[2J\e]0;pwned\u{7}\e]52;c;ZXZpbA==\u{7}\u{9b}6n\u{202e}txt.exe\u{2066}Z\u{7f}\tT\nN";

/// Whether a terminal would act on `c` (the layout's own newline aside).
fn acts(c: char) -> bool {
    (c.is_control() && c != '\n') || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Panics when `text` holds anything a terminal would act on; our own colour codes
/// (`ESC[…m`) are allowed when `colour` is set.
fn assert_inert(text: &str, what: &str, colour: bool) {
    let mut rest = text;
    while let Some(c) = rest.chars().next() {
        if colour && c == '\x1b' {
            let body = rest[1..].strip_prefix('[').unwrap_or("");
            let params = body
                .bytes()
                .take_while(|b| b.is_ascii_digit() || *b == b';')
                .count();
            if body.as_bytes().get(params) == Some(&b'm') {
                rest = &body[params + 1..];
                continue;
            }
        }
        assert!(!acts(c), "{what} wrote {c:?} raw:\n{text:?}");
        rest = &rest[c.len_utf8()..];
    }
}

/// Both streams of `out` are inert.
fn assert_run_inert(out: &Output, what: &str, colour: bool) {
    assert_inert(&stdout(out), &format!("{what} (stdout)"), colour);
    assert_inert(&stderr(out), &format!("{what} (stderr)"), colour);
}

/// Runs `args` plainly and with `--color always`: both inert, the exit code as given.
fn check(db: &TestDb, args: &[&str], expected: i32) -> String {
    let out = db.run(args);
    assert_eq!(code(&out), expected, "{args:?}: {}", stderr(&out));
    assert_run_inert(&out, &format!("{args:?}"), false);
    let mut coloured = vec!["--color", "always"];
    coloured.extend_from_slice(args);
    assert_run_inert(&db.run(&coloured), &format!("{coloured:?}"), true);
    format!("{}{}", stdout(&out), stderr(&out))
}

/// Stores HOSTILE through every command that stores text.
fn store_everything(db: &TestDb) {
    db.users(&["u1"]);
    let analysis = json!({
        "website": HOSTILE,
        "analysis": {"writing_style": {"tone": HOSTILE, "voice": [HOSTILE]},
                     "error_message": HOSTILE},
    });
    let file = write_file(db, "a.json", &analysis.to_string());
    db.ok(&["analysis", "set", "u1", "--file", &file]);
    let research = json!({"research_depth": HOSTILE, "content_types": [HOSTILE],
                          "writing_style": {"k": HOSTILE}});
    let file = write_file(db, "r.json", &research.to_string());
    db.ok(&["research", "set", "u1", "--file", &file]);
    let persona = json!({"corePersona": {"identity": {"persona_name": HOSTILE}},
                         "selectedPlatforms": [HOSTILE]});
    let file = write_file(db, "p.json", &persona.to_string());
    db.ok(&["persona", "set", "u1", "--file", &file]);
    db.ok(&["progress", "step", "u1", "3", "failed", "--error", HOSTILE]);
    db.ok(&["complete", "u1", "--force", "--reason", HOSTILE]);
}

#[test]
fn stored_text_is_escaped_in_human_output_and_exact_in_json() {
    let db = test_db();
    store_everything(&db);
    let fields = [
        ("analysis", "website_url:   "),
        ("research", "research_depth:  "),
        ("persona", "selected_platforms:            "),
    ];
    for (what, label) in fields {
        let shown = check(&db, &[what, "show", "u1"], 0);
        assert!(shown.contains(&format!("{label}{ESCAPED}\n")), "{shown}");
    }
    for args in [&["progress", "show", "u1"][..], &["session", "show", "u1"]] {
        let shown = check(&db, args, 0);
        assert!(shown.contains(&format!("failed     -                     {ESCAPED}\n")));
        assert!(shown.contains(&format!("forced: {ESCAPED}\n")), "{shown}");
    }
    check(&db, &["session", "list"], 0);
    let export = db.run(&["export"]);
    assert_inert(&stderr(&export), "export (stderr)", false);
    let line: Value = serde_json::from_str(stdout(&export).trim()).expect("one NDJSON line");
    assert_eq!(
        line["website_analysis"]["website_url"], HOSTILE,
        "export is exact"
    );

    let analysis = db.run(&["--json", "analysis", "show", "u1"]);
    assert_run_inert(&analysis, "--json analysis show", false);
    let v: Value = serde_json::from_str(&stdout(&analysis)).unwrap();
    assert_eq!(v["website_url"], HOSTILE, "--json is exact");
    assert_eq!(v["writing_style"]["voice"][0], HOSTILE);
    assert_eq!(v["error_message"], HOSTILE);
    assert_eq!(
        db.json(&["research", "show", "u1"])["research_depth"],
        HOSTILE
    );
    let persona = db.json(&["persona", "show", "u1"]);
    assert_eq!(persona["core_persona"]["identity"]["persona_name"], HOSTILE);
    let session = db.json(&["session", "show", "u1"]);
    assert_eq!(session["steps"][2]["validation_errors"][0], HOSTILE);
    assert_eq!(session["steps"][5]["force_reason"], HOSTILE);
}

#[test]
fn import_reports_and_errors_quoting_input_are_escaped() {
    let src = test_db();
    store_everything(&src);
    let mut export = src.ok(&["export"]);
    let mut bad: Value = serde_json::from_str(export.trim()).unwrap();
    bad["user_id"] = json!(HOSTILE);
    export.push_str(&format!("{bad}\n"));
    let dst = test_db();
    let file = write_file(&dst, "in.ndjson", &export);
    let report = check(&dst, &["import", &file, "--dry-run"], 4);
    assert!(report.contains("line 2  -  failed"), "{report}");
    check(&dst, &["import", &file], 4);
    let imported = dst.json(&["session", "show", "u1"]);
    assert_eq!(
        imported["steps"][5]["force_reason"], HOSTILE,
        "import is exact"
    );
    let json_report = dst.run(&["--json", "import", &file, "--dry-run"]);
    assert_run_inert(&json_report, "--json import", false);

    let dir = dst.path().join("legacy");
    std::fs::create_dir_all(&dir).unwrap();
    let name = format!(".onboarding_progress_{}.json", HOSTILE.replace('\n', ""));
    std::fs::write(dir.join(name), "{}").unwrap();
    check(&dst, &["import", "legacy-json", dir.to_str().unwrap()], 4);

    let missing = format!("{}/{HOSTILE}.json", dst.path().display());
    let err = check(&dst, &["analysis", "set", "u1", "--file", &missing], 4);
    assert!(err.contains(&format!("/{ESCAPED}.json`")), "{err}");
    for user in [HOSTILE, "u\u{202e}1"] {
        let err = check(&dst, &["session", "show", user], 2);
        assert!(err.contains("control character"), "{err}");
        assert_run_inert(
            &dst.run(&["--json", "session", "show", user]),
            "--json",
            false,
        );
    }
    assert_eq!(
        dst.code(&["session", "create", "u\u{2069}1"]),
        2,
        "bidi ids are refused"
    );
}
