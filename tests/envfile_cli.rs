//! The `.env` loader and local-mode warnings through the real binary: a file python-dotenv
//! accepts but dotenvy did not is loaded (its `DATABASE_URL` used), an unreadable line is a
//! warning naming its number, one holding a variable onboardctl reads stops the command with
//! exit 2, `--env-file` outside local mode says nothing is written, and `DEPLOY_ENV` is
//! compared case-insensitively.

use std::path::Path;
use std::process::{Command, Output};

const FAKE_GEMINI: &str = "AIzaFAKE_TEST_ONLY_0000000000000000000";

/// The binary in `dir`, with none of the variables it reads from the caller's environment.
fn cmd(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_onboardctl"));
    for (var, _) in std::env::vars() {
        if onboardctl::config::is_read(&var) || var == "CI" || var.starts_with("PG") {
            cmd.env_remove(&var);
        }
    }
    cmd.env("XDG_DATA_HOME", dir.join("xdg"))
        .env("HOME", dir.join("home"))
        .current_dir(dir);
    cmd
}

fn run(dir: &Path, args: &[&str], stdin: &str) -> Output {
    use std::io::Write;
    let mut child = cmd(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[test]
fn a_python_dotenv_file_is_loaded_and_its_database_url_used() {
    let dir = tempfile::tempdir().unwrap();
    let env = "\u{feff}# ALwrity\nOTHER=keep me\nAPOS=it's\nBACKSL=C:\\path\\to\nA=1  # don't\n\
               NOVALUE\nJSONV={\"a\": 1}\nDATABASE_URL=sqlite:from-dotenv.db\n";
    std::fs::write(dir.path().join(".env"), env).unwrap();
    let out = run(dir.path(), &["db", "migrate"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(
        dir.path().join("from-dotenv.db").exists(),
        "DATABASE_URL from .env was used"
    );
    assert!(!stderr(&out).contains("warning"), "{}", stderr(&out));
    // The real environment still wins.
    let out = cmd(dir.path())
        .env("DATABASE_URL", "sqlite:from-env.db")
        .args(["db", "migrate"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(dir.path().join("from-env.db").exists());
}

#[test]
fn an_unreadable_line_is_skipped_with_its_number_or_stops_the_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    std::fs::write(
        &path,
        "A=1\n'broken=\"sk-canary\" x\nDATABASE_URL=sqlite:ok.db\n",
    )
    .unwrap();
    let out = run(dir.path(), &["db", "migrate"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stderr(&out).contains("line 2"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("canary"), "{}", stderr(&out));
    assert!(dir.path().join("ok.db").exists());

    std::fs::write(&path, "A=1\nDATABASE_URL=\"sqlite:sk-canary.db\" x\n").unwrap();
    let out = run(dir.path(), &["session", "list"], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("line 2") && err.contains("DATABASE_URL"),
        "{err}"
    );
    assert!(!err.contains("canary"), "{err}");
    // `key providers` loads `.env` too, and stops the same way.
    let out = run(dir.path(), &["key", "providers"], "");
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    // --no-dotenv skips the file.
    let out = run(dir.path(), &["--no-dotenv", "key", "providers"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
}

#[test]
fn key_providers_reads_its_setting_from_the_dotenv_overlay() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join(".env"),
        "ONBOARDCTL_REQUIRED_PROVIDERS=exa\n",
    )
    .unwrap();
    let out = run(dir.path(), &["--json", "key", "providers"], "");
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let views: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let required: Vec<&str> = views
        .as_array()
        .unwrap()
        .iter()
        .filter(|v| v["required"] == true)
        .map(|v| v["name"].as_str().or(v["provider"].as_str()).unwrap_or(""))
        .collect();
    assert_eq!(required, ["exa"], "{views}");
}

#[test]
fn env_file_outside_local_mode_warns_that_nothing_is_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = ["--no-dotenv", "--database-url", "sqlite:t.db"];
    let ok = |args: &[&str], stdin: &str, local: Option<&str>| {
        let mut c = cmd(dir.path());
        if let Some(v) = local {
            c.env("DEPLOY_ENV", v);
        }
        c.args(db).args(args);
        let mut child = c
            .stdin(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .stdout(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        use std::io::Write;
        child
            .stdin
            .take()
            .unwrap()
            .write_all(stdin.as_bytes())
            .unwrap();
        let out = child.wait_with_output().unwrap();
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", stderr(&out));
        stderr(&out)
    };
    ok(&["db", "migrate"], "", None);
    ok(&["session", "create", "u1"], "", None);
    let set = [
        "--env-file",
        "keys.env",
        "key",
        "set",
        "u1",
        "gemini",
        "--stdin",
    ];
    let err = ok(&set, FAKE_GEMINI, None);
    assert!(err.contains("nothing is written to `keys.env`"), "{err}");
    assert!(!dir.path().join("keys.env").exists());
    let err = ok(
        &["-q", set[0], set[1], "key", "delete", "u1", "gemini"],
        "",
        Some("production"),
    );
    assert!(err.is_empty(), "{err}");
    let err = ok(
        &["--env-file", "keys.env", "session", "show", "u1"],
        "",
        None,
    );
    assert!(
        !err.contains("nothing is written"),
        "not a writing command: {err}"
    );
    for local in ["LOCAL", "Local"] {
        let err = ok(&set, FAKE_GEMINI, Some(local));
        assert!(!err.contains("nothing is written"), "{err}");
        let text = std::fs::read_to_string(dir.path().join("keys.env")).unwrap();
        assert_eq!(text, format!("GEMINI_API_KEY={FAKE_GEMINI}\n"));
        std::fs::remove_file(dir.path().join("keys.env")).unwrap();
    }
}
