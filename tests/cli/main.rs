//! CLI tests: the real `onboardctl` binary, driven with assert_cmd, one module per command.
//! Every test gets its own database from [`test_db`] and a scrubbed environment. The suite
//! runs on SQLite, then once more on PostgreSQL (see `backend.rs`).

mod ai_inputs;
mod analysis;
mod audit;
mod backend;
mod bad_input;
mod batches;
mod canary;
mod complete;
mod completions;
mod concurrency;
mod connect;
mod crash;
mod db;
mod doctor;
mod encryption;
mod env_sync;
mod errors;
mod global;
mod hints;
mod hostile;
mod interrupt;
mod key;
mod legacy;
mod libpq;
mod lists;
mod local_mode;
mod output;
mod persona;
mod pg_budget;
mod pg_errors;
mod progress;
#[cfg(unix)]
mod prompts;
#[cfg(unix)]
mod pty;
mod report;
mod research;
mod run;
mod session;
mod storage;
mod streaming;
mod transfer;

use std::path::{Path, PathBuf};
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A fake Gemini key that must never be printed except by `key get --reveal`.
pub const FAKE_GEMINI: &str = "AIzaFAKE_TEST_ONLY_0000000000000000000";
/// A well-formed fake Exa key (a UUID).
pub const FAKE_EXA: &str = "00000000-0000-4000-8000-000000000000";
/// A well-formed fake CopilotKit key.
pub const FAKE_COPILOTKIT: &str = "ck_pub_FAKE_TEST_ONLY_000000";

/// One test's database and working directory.
pub struct TestDb {
    dir: TempDir,
    /// The `--database-url` every command gets.
    pub url: String,
    /// On PostgreSQL, the test's own schema (dropped with the `TestDb`).
    _schema: Option<backend::PgSchema>,
}

/// Whether this run drives PostgreSQL (tests that are about SQLite files check this).
pub fn on_postgres() -> bool {
    backend::on_postgres()
}

/// A fresh, migrated database.
pub fn test_db() -> TestDb {
    let db = test_db_unmigrated();
    db.ok(&["db", "migrate"]);
    db
}

/// A fresh, existing database on which `db migrate` has not run.
pub fn test_db_unmigrated() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    // The backend is chosen here and nowhere else.
    let (url, schema) = if on_postgres() {
        let schema = backend::PgSchema::create();
        (schema.url(), Some(schema))
    } else {
        // An existing, empty database file: what a team hands over before `db migrate`.
        let file = dir.path().join("t.db");
        std::fs::File::create(&file).expect("create the database file");
        (format!("sqlite:{}", file.display()), None)
    };
    TestDb {
        dir,
        url,
        _schema: schema,
    }
}

/// The binary with a scrubbed environment and no `.env`, run in `cwd`.
pub fn bare_cmd(cwd: &Path) -> Command {
    Command::from_std(bare_std_cmd(cwd))
}

/// [`bare_cmd`] as a `std::process::Command`, for tests that manage the pipes themselves.
pub fn bare_std_cmd(cwd: &Path) -> std::process::Command {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_onboardctl"));
    for var in [
        "DATABASE_URL",
        "ONBOARDCTL_DATABASE_URL",
        "DEPLOY_ENV",
        "NO_COLOR",
        "ONBOARDCTL_REQUIRED_PROVIDERS",
        "ENABLE_WEBSITE_BRAND_COLUMNS",
        "ONBOARDCTL_MASTER_KEY",
        "ONBOARDCTL_ENV_FILE",
        "ONBOARDCTL_FRONTEND_ENV_FILE",
        "ONBOARDCTL_ENVFILE_FAIL_BEFORE_RENAME",
        "CLICOLOR_FORCE",
        // Tables fit $COLUMNS: a test that is about the width sets it.
        "COLUMNS",
    ] {
        cmd.env_remove(var);
    }
    // libpq's variables fill what a PostgreSQL URL leaves out: none leaks in from outside.
    for var in onboardctl::config::LIBPQ_VARS {
        cmd.env_remove(var);
    }
    cmd.env("XDG_DATA_HOME", cwd.join("xdg"))
        .env("HOME", cwd.join("home"))
        .current_dir(cwd);
    cmd
}

impl TestDb {
    /// The temp directory (also the working directory of every command).
    pub fn path(&self) -> PathBuf {
        self.dir.path().to_owned()
    }

    /// `--database-url URL` as error hints repeat it (quoted for the shell when needed; the
    /// test URLs hold no password).
    pub fn url_flag(&self) -> String {
        format!(
            "--database-url {}",
            onboardctl::error::shell_word(&self.url)
        )
    }

    /// The binary pointed at this database, with `--no-dotenv`.
    pub fn cmd(&self) -> Command {
        let mut cmd = bare_cmd(self.dir.path());
        cmd.args(["--database-url", &self.url, "--no-dotenv"]);
        cmd
    }

    /// Runs raw SQL statements on the test database, bypassing onboardctl (to plant what
    /// ALwrity or a hand edit could have stored).
    pub fn sql(&self, statements: &str) {
        if on_postgres() {
            let mut client =
                postgres::Client::connect(&self.url, postgres::NoTls).expect("connect");
            client.batch_execute(statements).expect("raw SQL");
        } else {
            let path = self.url.strip_prefix("sqlite:").expect("a sqlite: URL");
            let conn = rusqlite::Connection::open(path).expect("open");
            conn.execute_batch(statements).expect("raw SQL");
        }
    }

    /// [`TestDb::cmd`] as a `std::process::Command` with `args`, for tests that set up the
    /// streams themselves (a pseudo-terminal).
    pub fn std_cmd(&self, args: &[&str]) -> std::process::Command {
        let mut cmd = bare_std_cmd(self.dir.path());
        cmd.args(["--database-url", &self.url, "--no-dotenv"])
            .args(args);
        cmd
    }

    /// Runs `args` with empty stdin.
    pub fn run(&self, args: &[&str]) -> Output {
        self.cmd().args(args).output().expect("runs")
    }

    /// Runs `args` with `stdin`.
    pub fn run_stdin(&self, args: &[&str], stdin: &str) -> Output {
        self.cmd()
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("runs")
    }

    /// Runs `args`, asserts success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_success(&out, args);
        stdout(&out)
    }

    /// Runs `args` with stdin, asserts success, returns stdout.
    pub fn ok_stdin(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run_stdin(args, stdin);
        assert_success(&out, args);
        stdout(&out)
    }

    /// Runs `args` with `--json`, asserts success, parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: bad JSON {e}: {text}"))
    }

    /// The exit code of `args`.
    pub fn code(&self, args: &[&str]) -> i32 {
        code(&self.run(args))
    }

    /// Creates sessions for `users`.
    pub fn users(&self, users: &[&str]) {
        for u in users {
            self.ok(&["session", "create", u]);
        }
    }

    /// Stores the three required keys of `user`.
    pub fn required_keys(&self, user: &str) {
        for (provider, value) in [
            ("gemini", FAKE_GEMINI),
            ("exa", FAKE_EXA),
            ("copilotkit", FAKE_COPILOTKIT),
        ] {
            self.ok_stdin(&["key", "set", user, provider, "--stdin"], value);
        }
    }

    /// Everything the tool can show about every user, as one string: the session list and,
    /// per user, the session, keys (masked, with fingerprints), analysis, research and
    /// persona. Two equal dumps mean nothing visible changed.
    pub fn dump(&self) -> String {
        let list = self.json(&["session", "list", "--limit", "100000"]);
        let mut out = format!("list: {list}\n");
        for row in list.as_array().expect("array") {
            let user = row["user_id"].as_str().expect("user_id");
            for what in [
                &["session", "show"][..],
                &["key", "list"],
                &["analysis", "show"],
                &["research", "show"],
                &["persona", "show"],
            ] {
                let mut args = vec!["--json"];
                args.extend_from_slice(what);
                args.push(user);
                let o = self.run(&args);
                out.push_str(&format!("{what:?} {user}: {} {}\n", code(&o), stdout(&o)));
            }
        }
        out
    }
}

/// stdout as text.
pub fn stdout(out: &Output) -> String {
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// stderr as text.
pub fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// The exit code (-1 when killed by a signal).
pub fn code(out: &Output) -> i32 {
    out.status.code().unwrap_or(-1)
}

/// Panics with both streams unless `out` succeeded.
pub fn assert_success(out: &Output, args: &[&str]) {
    assert!(
        out.status.success(),
        "{args:?} failed with {}\nstdout: {}\nstderr: {}",
        code(out),
        stdout(out),
        stderr(out)
    );
}

/// Asserts the exit code, showing both streams when it differs.
pub fn assert_code(out: &Output, expected: i32) {
    assert_eq!(
        code(out),
        expected,
        "stdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
}

/// The JSON error object a `--json` run wrote to stderr.
pub fn json_error(out: &Output) -> Value {
    let text = stderr(out);
    let v: Value = serde_json::from_str(text.trim())
        .unwrap_or_else(|e| panic!("stderr is not one JSON object ({e}): {text}"));
    v["error"].clone()
}

/// Replaces every `YYYY-MM-DD HH:MM:SS` time with a placeholder of the same width, so
/// snapshots of tables stay aligned and stable.
pub fn redact_times(text: &str) -> String {
    const SHAPE: &[u8] = b"dddd-dd-dd dd:dd:dd";
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < bytes.len() {
        let fits = bytes.len() - i >= SHAPE.len()
            && SHAPE.iter().zip(&bytes[i..]).all(|(s, b)| match s {
                b'd' => b.is_ascii_digit(),
                other => other == b,
            });
        if fits {
            out.push_str("YYYY-MM-DD hh:mm:ss");
            i += SHAPE.len();
        } else {
            let ch = text[i..].chars().next().expect("char");
            out.push(ch);
            i += ch.len_utf8();
        }
    }
    out
}

/// Writes `text` to `name` inside the test's directory and returns the path as a string.
pub fn write_file(db: &TestDb, name: &str, text: &str) -> String {
    let path = db.path().join(name);
    std::fs::write(&path, text).expect("write");
    path.display().to_string()
}
