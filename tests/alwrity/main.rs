//! onboardctl on databases ALwrity made, in ALwrity's own language (issue "Speak ALwrity's
//! language"): the real binary against files built here the way ALwrity writes them, judged
//! by an oracle that reads the rows the way ALwrity's own code does.
//!
//! - [`head`]: ALwrity at HEAD (commit `ce9bf293`): one SQLite file per user workspace, the
//!   DDL SQLAlchemy's `create_all` emits, rows as ALwrity's write paths leave them (the story
//!   of [`head::users`]); optionally placed under `workspace/workspace_<sid>/db/`.
//! - [`seed`]: a clean seed-era database (commit `4431cd98`) on SQLite and PostgreSQL, from the
//!   seed DDL of the adoption suite (`tests/adopt/alwrity.rs`, shared by path).
//! - [`oracle`]: ALwrity's own reading of every user (first session row by rowid, NULL step
//!   as 1, NULL progress as 0.0, complete iff step >= 6 or progress >= 100, next step), written
//!   independently of the code under test.
//! - [`files`]: byte snapshots of a whole directory (side files included), inodes, journal
//!   mode, schema and row dumps.
//!
//! The test modules follow the CLI contract: read commands leave the file byte-identical
//! (`reads`), `db status` names flavour and era (`status`), `db migrate` attaches without
//! changing what ALwrity sees (`attach`), writes write ALwrity's columns as ALwrity does
//! (`writes`), ALwrity's own later writes are re-derived (`drift`), `db repair` keeps
//! ALwrity's row (`repair`), keys are not sealed behind ALwrity's back and a deleted user
//! leaves no key behind (`secrets`), and a lock ALwrity holds is waited out within
//! `--busy-timeout` (`busy`). `fixtures` checks the fixtures and the oracle themselves.

#[allow(dead_code)]
#[path = "../adopt/alwrity.rs"]
mod alwrity;
#[allow(dead_code)]
#[path = "../adopt/backends.rs"]
mod backends;
#[allow(dead_code)]
#[path = "../adopt/raw.rs"]
mod raw;

mod files;
mod head;
mod oracle;
mod seed;

mod attach;
mod busy;
mod copy;
mod doctor;
mod drift;
mod fixtures;
mod flat_files;
mod reads;
mod repair;
mod report;
mod secrets;
mod status;
mod writes;

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// A master key for the sealing tests (32 bytes of 0..31, base64).
pub const MASTER_KEY: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";

/// The binary pointed at one database, run in a working directory of its own (never the
/// directory of the database, so nothing the tool writes for itself lands beside the file).
pub struct Cli {
    work: TempDir,
    url: String,
    global: Vec<String>,
}

impl Cli {
    /// The binary with `--database-url url --no-dotenv`.
    pub fn new(url: &str) -> Cli {
        Cli {
            work: tempfile::tempdir().expect("temp dir"),
            url: url.to_owned(),
            global: Vec::new(),
        }
    }

    /// The same with extra global flags before every command (`--alwrity-era head`, …).
    pub fn with_global(mut self, flags: &[&str]) -> Cli {
        self.global.extend(flags.iter().map(|s| (*s).to_owned()));
        self
    }

    /// The working directory.
    pub fn work(&self) -> &Path {
        self.work.path()
    }

    fn cmd(&self, env: &[(&str, &str)]) -> Command {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_onboardctl"));
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
            "ALWRITY_ROOT_DIR",
            "CLICOLOR_FORCE",
        ] {
            cmd.env_remove(var);
        }
        for (k, v) in env {
            cmd.env(k, v);
        }
        let work = self.work.path();
        cmd.env("XDG_DATA_HOME", work.join("xdg"))
            .env("HOME", work.join("home"))
            .current_dir(work)
            .args(["--database-url", &self.url, "--no-dotenv"])
            .args(&self.global);
        cmd
    }

    /// Runs `args` with empty stdin.
    pub fn run(&self, args: &[&str]) -> Output {
        self.run_with(args, &[], "")
    }

    /// Runs `args` with extra environment and `stdin`.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)], stdin: &str) -> Output {
        self.cmd(env)
            .args(args)
            .write_stdin(stdin)
            .output()
            .expect("the binary runs")
    }

    /// Runs `args`, asserts success, returns stdout.
    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert_ok(&out, args);
        stdout(&out)
    }

    /// Runs `args` with `stdin`, asserts success, returns stdout.
    pub fn ok_stdin(&self, args: &[&str], stdin: &str) -> String {
        let out = self.run_with(args, &[], stdin);
        assert_ok(&out, args);
        stdout(&out)
    }

    /// Runs `--json args`, asserts success, parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let text = self.ok(&all);
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{args:?}: bad JSON ({e}): {text}"))
    }

    /// `db migrate --yes`: attaches an ALwrity database.
    pub fn attach(&self) {
        self.ok(&["db", "migrate", "--yes"]);
    }

    /// Writes `text` into the working directory as `name`; returns its path.
    pub fn file(&self, name: &str, text: &str) -> String {
        let path = self.work.path().join(name);
        std::fs::write(&path, text).expect("write");
        path.display().to_string()
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
pub fn assert_ok(out: &Output, args: &[&str]) {
    assert!(
        out.status.success(),
        "{args:?} failed with {}\nstdout: {}\nstderr: {}",
        code(out),
        stdout(out),
        stderr(out)
    );
}

/// Asserts the exit code, showing both streams when it differs.
pub fn assert_code(out: &Output, expected: i32, args: &[&str]) {
    assert_eq!(
        code(out),
        expected,
        "{args:?}\nstdout: {}\nstderr: {}",
        stdout(out),
        stderr(out)
    );
}

/// Asserts that no fixture key value (they all contain `FAKE`) reached stdout or stderr.
pub fn assert_no_key_printed(out: &Output, args: &[&str]) {
    for (name, text) in [("stdout", stdout(out)), ("stderr", stderr(out))] {
        assert!(
            !text.contains("AIzaFAKE") && !text.contains("ck_pub_FAKE"),
            "{args:?} printed a key on {name}: {text}"
        );
    }
}

/// Now, as ALwrity writes naive UTC text (`YYYY-MM-DD HH:MM:SS`), to bracket written times.
pub fn utc_now_text() -> String {
    let now = time::OffsetDateTime::now_utc();
    let format = time::macros::format_description!("[year]-[month]-[day] [hour]:[minute]:[second]");
    now.format(&format).expect("formats")
}
