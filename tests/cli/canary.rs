//! The leak canary: a distinctive fake key is stored for a test user (plaintext in one
//! database, encrypted in another), placed in `.env`, key files, exports and legacy files;
//! then every command of the tool runs with `-v`, `-vv` and `--json` (and plainly), on success
//! and on provoked errors (unknown user, bad arguments, missing or wrong master key, an
//! unwritable `.env`, bad input). The canary, or its distinctive middle, must never appear on
//! stdout or stderr, except from the two sanctioned outputs: `key get --reveal` and
//! `export --include-secrets`. It is never put on argv either: key values reach the tool
//! through stdin, a variable named on argv, or a file.
//!
//! The commands come from the clap definition (`Cli::command()`), walked recursively: a
//! command with no case in `cases.rs` fails [`every_command_has_a_case`]. Whoever adds a
//! command (e.g. further `import` or `db` subcommands) must add its success and error cases
//! to the table in `canary/cases.rs`.

mod cases;

use std::collections::BTreeSet;
use std::path::Path;
use std::process::Output;

use clap::CommandFactory;

use crate::{bare_cmd, code, stderr, stdout};
use cases::{Case, Fixture};

/// The fake key. Gemini-shaped so `key set` accepts it.
pub const CANARY: &str = "AIzaCANARY_c4n4ry_FAKE_0000000000000000";
/// Parts of the canary that must not appear either (a partial leak is a leak).
const NEEDLES: [&str; 3] = [CANARY, "c4n4ry", "CANARY_c4"];
/// How every case is run: plainly, `-v`, `-vv`, `--json`.
const VARIANTS: [&[&str]; 4] = [&[], &["-v"], &["-vv"], &["--json"]];

/// Every runnable command path (`session create`, `import`, `import legacy-json`, …): a
/// subcommand without subcommands, or one whose own subcommand is optional.
fn runnable_paths() -> BTreeSet<String> {
    fn walk(cmd: &clap::Command, prefix: &str, out: &mut BTreeSet<String>) {
        for sub in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
            let path = format!("{prefix} {}", sub.get_name()).trim().to_owned();
            if !sub.has_subcommands() || !sub.is_subcommand_required_set() {
                out.insert(path.clone());
            }
            walk(sub, &path, out);
        }
    }
    let mut out = BTreeSet::new();
    walk(&onboardctl::Cli::command(), "", &mut out);
    out
}

/// Panics when `text` holds any part of the canary.
fn assert_clean(text: &str, what: &str) {
    for needle in NEEDLES {
        assert!(!text.contains(needle), "{what} leaked the canary:\n{text}");
    }
}

/// Runs one case in one variant; checks argv, the exit code and both streams.
fn run(fx: &Fixture, case: &Case, variant: &[&str]) -> Output {
    for arg in case
        .args
        .iter()
        .map(String::as_str)
        .chain(variant.iter().copied())
    {
        assert_clean(arg, "argv");
    }
    let db = fx.db(case.db);
    let mut cmd = bare_cmd(&fx.dir());
    cmd.args(["--database-url", &db.url])
        .args(variant)
        .args(&case.args)
        .write_stdin(case.stdin.clone());
    for (k, v) in &case.env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    let what = format!("`{}` {variant:?}", case.args.join(" "));
    assert_eq!(
        code(&out),
        case.code,
        "{what}\nstdout: {}\nstderr: {}",
        stdout(&out),
        stderr(&out)
    );
    if case.sanctioned {
        assert!(stdout(&out).contains(CANARY), "{what} should print the key");
        assert_clean(&stderr(&out), &format!("{what} stderr"));
    } else {
        assert_clean(&stdout(&out), &format!("{what} stdout"));
        assert_clean(&stderr(&out), &format!("{what} stderr"));
    }
    out
}

#[test]
fn every_command_has_a_case() {
    let covered: BTreeSet<String> = cases::commands().into_iter().map(str::to_owned).collect();
    let missing: Vec<String> = runnable_paths()
        .into_iter()
        .filter(|p| !covered.contains(p))
        .collect();
    assert!(
        missing.is_empty(),
        "commands without a leak-canary case: {missing:?}; add success and error cases to \
         tests/cli/canary/cases.rs"
    );
}

#[test]
fn no_command_takes_a_key_value_on_argv() {
    let cli = onboardctl::Cli::command();
    let set = cli
        .find_subcommand("key")
        .and_then(|k| k.find_subcommand("set"))
        .expect("key set");
    let positionals: Vec<&str> = set.get_positionals().map(|a| a.get_id().as_str()).collect();
    assert_eq!(
        positionals,
        ["user", "provider"],
        "key set takes no value positionally"
    );
    let options: Vec<&str> = set.get_opts().filter_map(|a| a.get_long()).collect();
    for long in &options {
        assert!(
            ["from-env", "from-file"].contains(long)
                || !long.contains("value") && !long.contains("key"),
            "`--{long}` looks like it takes a key value"
        );
    }
}

#[test]
fn no_command_prints_the_canary() {
    let fx = Fixture::new();
    let mut seen = BTreeSet::new();
    for case in cases::table(&fx.dir()) {
        seen.insert(case.path);
        for variant in VARIANTS {
            if case.reset_doomed {
                fx.reset_doomed();
            }
            run(&fx, &case, variant);
        }
    }
    // The table really ran every path it claims to cover.
    let claimed: BTreeSet<&str> = cases::commands().into_iter().collect();
    assert_eq!(seen, claimed);
    assert_clean(&fx.plain.dump(), "the dump of every user");
    // The audit trail of every change the table made holds no part of the key.
    for db in [&fx.plain, &fx.sealed] {
        let trail = db.ok(&["--json", "audit", "log", "--limit", "100000"]);
        assert!(
            trail.contains("key.gemini"),
            "the key changes are in the trail"
        );
        assert_clean(&trail, "the audit trail");
    }
    // The canary really is stored: the sanctioned output shows it.
    let revealed = fx.plain.ok(&["key", "get", "victim", "gemini", "--reveal"]);
    assert_eq!(revealed.trim_end(), CANARY);
    let local = std::fs::read_to_string(Path::new(&fx.dir()).join("local.env")).unwrap();
    assert!(
        local.contains(CANARY),
        "local mode wrote the key to the --env-file"
    );
}
