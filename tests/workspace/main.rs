//! onboardctl on an ALwrity HEAD workspace (`workspace:PATH`, one SQLite file per user under
//! `workspace/workspace_<sid>/`): the real binary against a workspace built here from HEAD's
//! DDL ([`fixture`]), judged by byte snapshots of the whole tree and by ALwrity's own reading
//! of each file (both shared with the single-file suite in `tests/alwrity/`).
//!
//! - [`fixture`]: the workspace, one folder per case ALwrity's lookup and routing know (every
//!   candidate path, a folder without a file, a file without a session, ids sanitisation
//!   changes, two ids sanitising alike in one file, a shadowed file, Unicode ids, a corrupt
//!   file, a file another connection holds locked); its test checks the tree itself.
//! - [`reads`]: every read command leaves the tree byte-identical, names included.
//! - [`routing`]: a user-scoped call reads its user's file and row (exact id, then the
//!   sanitised fallback; two ids sanitising alike are never mixed).
//! - [`create`]: `session create` makes exactly one file with HEAD's onboarding tables.
//! - [`status`]: `db status` counts what the fixture holds, human and `--json`.
//! - [`skipped`]: reads across files print the good users, name the bad file, exit 5.
//! - [`migrate`]: `db migrate` / `db repair` file by file, past a failure, resumable.
//! - [`writes`]: a write changes its user's file and no other.

#[allow(dead_code)]
#[path = "../alwrity/files.rs"]
mod files;
#[allow(dead_code)]
#[path = "../alwrity/head.rs"]
mod head;
#[allow(dead_code)]
#[path = "../alwrity/oracle.rs"]
mod oracle;
#[allow(dead_code)]
#[path = "../adopt/raw.rs"]
mod raw;

mod fixture;

mod create;
mod doctor;
mod migrate;
mod reads;
mod reseal;
mod routing;
mod skipped;
mod status;
mod writes;

use std::path::Path;
use std::process::Output;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// The seconds every command here waits for a lock (`--busy-timeout`): short, so a command
/// meeting the fixture's locked file gives up quickly.
pub const BUSY: &str = "0.3";

/// The binary pointed at one database, run in a working directory of its own (never inside
/// the workspace, so nothing the tool writes for itself lands in the tree).
pub struct Cli {
    work: TempDir,
    url: Option<String>,
    global: Vec<String>,
}

impl Cli {
    /// The binary with `--database-url url --no-dotenv --busy-timeout BUSY`.
    pub fn new(url: &str) -> Cli {
        Cli {
            work: tempfile::tempdir().expect("temp dir"),
            url: Some(url.to_owned()),
            global: vec!["--busy-timeout".into(), BUSY.into()],
        }
    }

    /// The same without `--database-url` (the URL then comes from the environment).
    pub fn without_url() -> Cli {
        Cli {
            url: None,
            ..Cli::new("")
        }
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
            .arg("--no-dotenv")
            .args(&self.global);
        if let Some(url) = &self.url {
            cmd.args(["--database-url", url]);
        }
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
        assert_code(&out, 0, args);
        stdout(&out)
    }

    /// Runs `--json args`, asserts success, parses stdout.
    pub fn json(&self, args: &[&str]) -> Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        parse_json(&self.ok(&all), args)
    }
}

/// stdout parsed as one JSON document.
pub fn parse_json(text: &str, args: &[&str]) -> Value {
    serde_json::from_str(text).unwrap_or_else(|e| panic!("{args:?}: bad JSON ({e}): {text}"))
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

/// The `skipped `path`` warnings of a run, as the paths they name.
pub fn skipped_paths(out: &Output) -> Vec<String> {
    stderr(out)
        .lines()
        .filter_map(|l| l.strip_prefix("warning: skipped `"))
        .filter_map(|l| l.split_once("`: ").map(|(p, _)| p.to_owned()))
        .collect()
}

/// `path` as the binary prints it.
pub fn shown(path: &Path) -> String {
    path.display().to_string()
}
