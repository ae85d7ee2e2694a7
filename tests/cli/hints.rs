//! Hints can be copied: a suggested command repeats the `--database-url` given on the command
//! line (password redacted, quoted for the shell) and quotes the user id when needed, so
//! pasting it into a shell acts on the same database and user. A URL from the environment is
//! not repeated: it is in the environment already.

use std::path::Path;
use std::process::Command;

use crate::{assert_code, bare_cmd, json_error, stderr, test_db, TestDb};

/// The `hint:` line of a failed run.
fn hint(out: &std::process::Output) -> String {
    let err = stderr(out);
    let line = err
        .lines()
        .find(|l| l.starts_with("hint: "))
        .unwrap_or_default();
    line.trim_start_matches("hint: ").to_owned()
}

/// Runs `command` (a hint) in `sh` in `cwd`, with the binary first on PATH.
fn paste(command: &str, cwd: &Path) {
    let bin = Path::new(env!("CARGO_BIN_EXE_onboardctl"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let out = Command::new("sh")
        .args(["-c", &format!("{command} --no-dotenv")])
        .env("PATH", path)
        .env("HOME", cwd.join("home"))
        .env("XDG_DATA_HOME", cwd.join("xdg"))
        .env_remove("DATABASE_URL")
        .env_remove("ONBOARDCTL_DATABASE_URL")
        .current_dir(cwd)
        .output()
        .expect("sh");
    assert!(out.status.success(), "{command}: {}", stderr(&out));
}

fn pasted_hint_creates(db: &TestDb, user: &str) {
    let out = db.run(&["session", "show", user]);
    assert_code(&out, 3);
    let hint = hint(&out);
    assert!(hint.starts_with("onboardctl --database-url "), "{hint}");
    paste(&hint, &db.path());
    assert_eq!(db.json(&["session", "show", user])["user_id"], user);
    assert!(
        !db.path().join("xdg").exists(),
        "the embedded default was not touched"
    );
}

#[test]
fn a_pasted_hint_acts_on_the_same_database_and_user() {
    let db = test_db();
    pasted_hint_creates(&db, "ghost");
    pasted_hint_creates(&db, "o'brien $(echo x) *");
    let out = db.run(&["session", "show", "o'brien"]);
    assert!(
        hint(&out).ends_with(r"session create 'o'\''brien'"),
        "{}",
        hint(&out)
    );
    let out = db.run(&["--json", "session", "show", "a b"]);
    let expected = format!("onboardctl {} session create 'a b'", db.url_flag());
    assert_eq!(
        json_error(&out)["hint"],
        expected.as_str(),
        "JSON hints too"
    );
}

#[test]
fn a_database_path_with_spaces_is_quoted() {
    if crate::on_postgres() {
        return; // about SQLite file names
    }
    let dir = tempfile::tempdir().unwrap();
    let sub = dir.path().join("my data");
    std::fs::create_dir_all(&sub).unwrap();
    let url = format!("sqlite:{}/t.db", sub.display());
    let run = |args: &[&str]| {
        bare_cmd(dir.path())
            .args(["--no-dotenv", "--database-url", &url])
            .args(args)
            .output()
            .unwrap()
    };
    assert_code(&run(&["db", "migrate"]), 0);
    let out = run(&["session", "show", "ghost"]);
    let expected = format!("onboardctl --database-url '{url}' session create ghost");
    assert_eq!(hint(&out), expected);
    paste(&expected, dir.path());
    assert_code(&run(&["session", "show", "ghost"]), 0);
}

#[test]
fn a_url_from_the_environment_is_not_repeated() {
    let db = test_db();
    let out = bare_cmd(&db.path())
        .env("ONBOARDCTL_DATABASE_URL", &db.url)
        .args(["--no-dotenv", "session", "show", "ghost"])
        .output()
        .unwrap();
    assert_code(&out, 3);
    assert_eq!(hint(&out), "onboardctl session create ghost");
}
