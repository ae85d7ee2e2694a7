//! Global flags and conventions: flags before or after the command, JSON errors, colour,
//! `--quiet`, `-v`, URL precedence, the embedded default, `.env` loading.

use crate::{assert_code, bare_cmd, bare_std_cmd, json_error, stderr, stdout, test_db};

#[test]
fn global_flags_go_before_or_after_the_command() {
    let db = test_db();
    db.users(&["u1"]);
    let after = bare_cmd(&db.path())
        .args([
            "session",
            "show",
            "u1",
            "--json",
            "--no-dotenv",
            "--database-url",
            &db.url,
        ])
        .output()
        .unwrap();
    assert_code(&after, 0);
    let v: serde_json::Value = serde_json::from_slice(&after.stdout).unwrap();
    assert_eq!(v["user_id"], "u1");
}

#[test]
fn json_errors_go_to_stderr_as_one_object() {
    let db = test_db();
    let out = db.run(&["--json", "session", "show", "ghost"]);
    assert_code(&out, 3);
    assert!(out.stdout.is_empty());
    let err = json_error(&out);
    assert_eq!(err["code"], 3);
    assert_eq!(err["kind"], "not_found");
    let message = err["message"].as_str().unwrap();
    assert!(
        message.starts_with("no session for user `ghost` in `"),
        "names the database: {message}"
    );
    let hint = format!("onboardctl {} session create ghost", db.url_flag());
    assert_eq!(err["hint"], hint.as_str());
    let out = db.run(&["--json", "session", "show", ""]);
    assert_code(&out, 2);
    assert_eq!(json_error(&out)["kind"], "usage");
    let out = db.run(&["--json", "no-such-command"]);
    assert_code(&out, 2);
    assert_eq!(json_error(&out)["code"], 2);
}

#[test]
fn colour_follows_flag_and_no_color() {
    let db = test_db();
    let out = db.run(&["--color", "always", "session", "show", "ghost"]);
    assert!(stderr(&out).contains("\x1b["), "always colours");
    let out = db.run(&["--color", "never", "session", "show", "ghost"]);
    assert!(!stderr(&out).contains("\x1b["));
    let out = db
        .cmd()
        .args(["session", "show", "ghost"])
        .env("NO_COLOR", "1")
        .output()
        .unwrap();
    assert!(!stderr(&out).contains("\x1b["), "auto off a terminal");
    let out = db.run(&["--color", "always", "--json", "session", "show", "ghost"]);
    assert!(!stderr(&out).contains("\x1b["), "JSON is never coloured");
    db.users(&["u1"]);
    let out = db.run(&["--color", "always", "--json", "session", "show", "u1"]);
    assert!(!stdout(&out).contains("\x1b["), "JSON is never coloured");
}

#[test]
fn quiet_silences_notes_and_verbose_explains() {
    let db = test_db();
    let out = db.run(&["-q", "session", "create", "u1"]);
    assert_code(&out, 0);
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
    let out = db.run(&["-v", "session", "show", "u1"]);
    let err = stderr(&out);
    assert!(
        err.contains("resolved database url from --database-url"),
        "{err}"
    );
}

#[test]
fn url_precedence_flag_over_env() {
    let db = test_db();
    db.users(&["u1"]);
    let out = bare_cmd(&db.path())
        .args(["-v", "--no-dotenv", "session", "show", "u1"])
        .env("ONBOARDCTL_DATABASE_URL", &db.url)
        .env("DATABASE_URL", "sqlite:/nonexistent/elsewhere.db")
        .output()
        .unwrap();
    assert_code(&out, 0);
    assert!(
        stderr(&out).contains("from ONBOARDCTL_DATABASE_URL"),
        "{}",
        stderr(&out)
    );
    let out = bare_cmd(&db.path())
        .args(["--no-dotenv", "session", "show", "u1"])
        .env("DATABASE_URL", &db.url)
        .output()
        .unwrap();
    assert_code(&out, 0);
    let out = bare_cmd(&db.path())
        .args(["--database-url", "mysql://x", "session", "show", "u1"])
        .output()
        .unwrap();
    assert_code(&out, 2);
}

#[test]
fn dotenv_is_loaded_unless_disabled() {
    let db = test_db();
    db.users(&["u1"]);
    std::fs::write(db.path().join(".env"), format!("DATABASE_URL={}\n", db.url)).unwrap();
    let out = bare_cmd(&db.path())
        .args(["session", "show", "u1"])
        .output()
        .unwrap();
    assert_code(&out, 0);
    let out = bare_cmd(&db.path())
        .args(["--no-dotenv", "--json", "session", "show", "u1"])
        .output()
        .unwrap();
    assert_code(&out, 3);
}

#[test]
fn embedded_default_is_created_and_migrated() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path())
        .args(["--no-dotenv", "session", "create", "demo_user"])
        .output()
        .unwrap();
    assert_code(&out, 0);
    assert!(dir.path().join("xdg/onboardctl/onboarding.db").exists());
    let out = bare_cmd(dir.path())
        .args(["--no-dotenv", "session", "show", "demo_user"])
        .output()
        .unwrap();
    assert_code(&out, 0);
}

#[test]
fn a_closed_stdout_ends_the_run_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let dir = tempfile::tempdir().unwrap();
    // The zsh script is larger than a pipe buffer, so the writer must meet the closed pipe.
    let mut child = bare_std_cmd(dir.path())
        .args(["completions", "zsh"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = [0u8; 1];
    child.stdout.take().unwrap().read_exact(&mut first).unwrap();
    let out = child.wait_with_output().unwrap();
    assert_code(&out, 0);
    assert!(out.stderr.is_empty(), "{}", stderr(&out));
}

#[test]
fn the_embedded_default_is_announced_once_unless_quiet() {
    let dir = tempfile::tempdir().unwrap();
    let run = |args: &[&str]| {
        bare_cmd(dir.path())
            .arg("--no-dotenv")
            .args(args)
            .output()
            .unwrap()
    };
    let path = dir.path().join("xdg/onboardctl/onboarding.db");
    let first = run(&["session", "create", "u1"]);
    assert_code(&first, 0);
    let expected = format!("created the embedded database sqlite:///{}", path.display());
    assert_eq!(
        stderr(&first).matches(&expected).count(),
        1,
        "{}",
        stderr(&first)
    );
    let again = run(&["session", "show", "u1"]);
    let using = format!("using the embedded database sqlite:///{}", path.display());
    assert_eq!(
        stderr(&again).matches(&using).count(),
        1,
        "{}",
        stderr(&again)
    );
    let quiet = run(&["-q", "session", "show", "u1"]);
    assert!(!stderr(&quiet).contains("embedded"), "{}", stderr(&quiet));
}
