//! Generated artifacts: the committed completion scripts and manual pages must match what
//! the binary generates (`UPDATE_COMPLETIONS=1 cargo test --test cli completions` and
//! `UPDATE_MAN=1 cargo test --test cli completions` rewrite them), the help layout is
//! snapshotted, and bash, zsh and fish, running the committed scripts, offer providers,
//! steps, statuses and the database's user ids.

use std::path::Path;

use crate::{assert_code, bare_cmd, bare_std_cmd, stdout, test_db};

const FILES: [(&str, &str); 5] = [
    ("bash", "onboardctl.bash"),
    ("zsh", "_onboardctl"),
    ("fish", "onboardctl.fish"),
    ("powershell", "_onboardctl.ps1"),
    ("elvish", "onboardctl.elv"),
];

#[test]
fn committed_completions_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("completions");
    let update = std::env::var_os("UPDATE_COMPLETIONS").is_some();
    let mut stale = Vec::new();
    for (shell, file) in FILES {
        let out = bare_cmd(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert_code(&out, 0);
        let path = root.join(file);
        if update {
            std::fs::create_dir_all(&root).unwrap();
            std::fs::write(&path, &out.stdout).unwrap();
        } else if std::fs::read(&path).ok().as_deref() != Some(&out.stdout[..]) {
            stale.push(file);
        }
    }
    assert!(
        stale.is_empty(),
        "completions/{stale:?} differ from the generated scripts; \
         regenerate with `UPDATE_COMPLETIONS=1 cargo test --test cli completions`"
    );
}

#[test]
fn man_prints_roff() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path()).arg("man").output().unwrap();
    assert_code(&out, 0);
    let text = stdout(&out);
    assert!(text.contains(".TH onboardctl 1"), "{text}");
    assert!(text.contains("session"), "{text}");
}

#[test]
fn help_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path())
        .args(["--help"])
        .env("COLUMNS", "100")
        .output()
        .unwrap();
    assert_code(&out, 0);
    insta::assert_snapshot!(stdout(&out));
}

#[test]
fn unknown_shell_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path())
        .args(["completions", "tcsh"])
        .output()
        .unwrap();
    assert_code(&out, 2);
}

#[test]
fn committed_man_pages_are_current() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path())
        .args(["man", "--dir", "pages"])
        .output()
        .unwrap();
    assert_code(&out, 0);
    let generated = read_dir(&dir.path().join("pages"));
    assert!(generated.len() > 30, "{:?}", generated.keys());
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    if std::env::var_os("UPDATE_MAN").is_some() {
        let _ = std::fs::remove_dir_all(&root);
        std::fs::create_dir_all(&root).unwrap();
        for (name, text) in &generated {
            std::fs::write(root.join(name), text).unwrap();
        }
    }
    let committed = read_dir(&root);
    let stale: std::collections::BTreeSet<&String> = generated
        .keys()
        .chain(committed.keys())
        .filter(|n| generated.get(*n) != committed.get(*n))
        .collect();
    assert!(
        stale.is_empty(),
        "man/{stale:?} differ from the generated pages; \
         regenerate with `UPDATE_MAN=1 cargo test --test cli completions`"
    );
}

fn read_dir(dir: &Path) -> std::collections::BTreeMap<String, Vec<u8>> {
    std::fs::read_dir(dir)
        .map(|entries| {
            entries
                .map(|e| {
                    let e = e.unwrap();
                    let name = e.file_name().to_string_lossy().into_owned();
                    (name, std::fs::read(e.path()).unwrap())
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn every_man_page_has_examples_environment_and_each_variable() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path())
        .args(["man", "--dir", "pages"])
        .output()
        .unwrap();
    assert_code(&out, 0);
    let pages = read_dir(&dir.path().join("pages"));
    for name in [
        "onboardctl.1",
        "onboardctl-key-set.1",
        "onboardctl-progress-step.1",
    ] {
        assert!(pages.contains_key(name), "{:?}", pages.keys());
    }
    for (name, page) in &pages {
        let text = String::from_utf8_lossy(page);
        assert!(text.contains(".SH EXAMPLES\n.TP\n"), "{name}");
        assert!(text.contains(".SH ENVIRONMENT"), "{name}");
        for (var, _) in onboardctl::cli::environment::ENVIRONMENT {
            assert!(text.contains(&format!("\\fB{var}\\fR")), "{name}: {var}");
        }
    }
    let key_set = String::from_utf8_lossy(&pages["onboardctl-key-set.1"]);
    assert!(
        key_set.contains("onboardctl key set u1 gemini"),
        "{key_set}"
    );
    // Without --dir: onboardctl's own page, the same as the file.
    let out = bare_cmd(dir.path()).arg("man").output().unwrap();
    assert_eq!(out.stdout, pages["onboardctl.1"]);
}

/// Every command's help, by path.
fn all_commands(cmd: &clap::Command, path: &str, out: &mut Vec<String>) {
    out.push(path.to_owned());
    for s in cmd.get_subcommands().filter(|s| s.get_name() != "help") {
        let sub = format!("{path} {}", s.get_name());
        all_commands(s, sub.trim(), out);
    }
}

#[test]
fn every_help_lists_own_options_then_global_options_then_examples() {
    let dir = tempfile::tempdir().unwrap();
    let mut paths = Vec::new();
    all_commands(&onboardctl::cli::command(), "", &mut paths);
    for path in paths {
        for flag in ["-h", "--help"] {
            let mut args: Vec<&str> = path.split_whitespace().collect();
            args.push(flag);
            let out = bare_cmd(dir.path()).args(&args).output().unwrap();
            assert_code(&out, 0);
            let text = stdout(&out);
            let own = text
                .find("\nOptions:\n")
                .unwrap_or_else(|| panic!("{args:?}: {text}"));
            let global = text
                .find("\nGlobal options:\n")
                .unwrap_or_else(|| panic!("{args:?}: {text}"));
            assert!(own < global, "{args:?}: {text}");
            assert!(text[global..].contains("--database-url"), "{args:?}");
            assert!(!text[..global].contains("--database-url <URL>"), "{args:?}");
            let examples = text.find("\nExamples:\n");
            match flag {
                "--help" => assert!(examples.is_some_and(|e| e > global), "{args:?}: {text}"),
                _ => assert!(examples.is_none(), "{args:?}"),
            }
        }
    }
}

#[test]
fn help_layout_snapshot() {
    let dir = tempfile::tempdir().unwrap();
    for args in [&["key", "set", "--help"][..], &["progress", "step", "-h"]] {
        let out = bare_cmd(dir.path())
            .args(args)
            .env("COLUMNS", "100")
            .output()
            .unwrap();
        assert_code(&out, 0);
        insta::assert_snapshot!(args.join("_"), stdout(&out));
    }
}

/// Runs `script` in `shell` with the committed completion scripts, the binary on `PATH`
/// and the test database as `ONBOARDCTL_DATABASE_URL`; returns the candidates, one a line
/// (descriptions cut).
fn shell(shell: &str, db: &crate::TestDb, script: &str) -> Vec<String> {
    let bin = Path::new(env!("CARGO_BIN_EXE_onboardctl"))
        .parent()
        .unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let base = bare_std_cmd(&db.path());
    let mut cmd = std::process::Command::new(shell);
    for (k, v) in base.get_envs() {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.current_dir(db.path())
        .env("PATH", path)
        .env("ONBOARDCTL_DATABASE_URL", &db.url)
        .env_remove("COMPLETE");
    match shell {
        "fish" => cmd.args(["--no-config", "-c", script]),
        "zsh" => cmd.args(["-f", "-c", script]),
        _ => cmd.args(["--norc", "--noprofile", "-c", script]),
    };
    let out = cmd.output().unwrap_or_else(|e| panic!("{shell}: {e}"));
    assert!(out.status.success(), "{shell}: {}", crate::stderr(&out));
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| l.split(['\t', ':']).next().unwrap().to_owned())
        .filter(|l| !l.is_empty())
        .collect()
}

fn script_path(file: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("completions")
        .join(file);
    onboardctl::error::shell_word(&path.display().to_string()).into_owned()
}

/// The candidates each shell offers for `words` (the last one being completed).
fn candidates(db: &crate::TestDb, words: &[&str]) -> [Vec<String>; 3] {
    let quoted: Vec<String> = words
        .iter()
        .map(|w| onboardctl::error::shell_word(w).into_owned())
        .collect();
    let line = quoted.join(" ");
    let cword = words.len() - 1;
    let cur = &quoted[cword];
    let bash = format!(
        "source {}; COMP_WORDS=({line}); COMP_CWORD={cword}; COMP_TYPE=9; \
         _clap_complete_onboardctl onboardctl {cur} x; printf '%s\\n' \"${{COMPREPLY[@]}}\"",
        script_path("onboardctl.bash")
    );
    let zsh = format!(
        "compdef() {{ :; }}; _describe() {{ shift 2; print -l -- \"${{(@P)1}}\"; }}; \
         source {}; words=({line}); CURRENT={}; _clap_dynamic_completer_onboardctl",
        script_path("_onboardctl"),
        cword + 1
    );
    let fish = format!(
        "source {}; complete -C {}",
        script_path("onboardctl.fish"),
        onboardctl::error::shell_word(&words.join(" "))
    );
    [
        shell("bash", db, &bash),
        shell("zsh", db, &zsh),
        shell("fish", db, &fish),
    ]
}

#[test]
fn shells_complete_providers_steps_statuses_and_user_ids() {
    let db = test_db();
    db.users(&["alice", "alina", "bob", "al"]);
    let cases: &[(&[&str], &[&str], &[&str])] = &[
        // (words, must include, must not include)
        (
            &["onboardctl", "key", "set", "u1", ""],
            &["gemini", "exa", "copilotkit", "tavily"],
            &["alice"],
        ),
        (
            &["onboardctl", "key", "get", "u1", "co"],
            &["copilotkit"],
            &["gemini"],
        ),
        (
            &["onboardctl", "progress", "step", "u1", ""],
            &["1", "2", "3", "4", "5", "6"],
            &["7"],
        ),
        (
            &["onboardctl", "progress", "step", "u1", "2", ""],
            &["pending", "in_progress", "completed", "skipped", "failed"],
            &[],
        ),
        (
            &["onboardctl", "session", "list", "--status", ""],
            &["not-started", "in-progress", "completed"],
            &[],
        ),
        (
            &["onboardctl", "session", "show", ""],
            &["alice", "alina", "bob", "al"],
            &[],
        ),
        (
            &["onboardctl", "key", "list", "al"],
            &["al", "alice", "alina"],
            &["bob"],
        ),
    ];
    for (words, want, unwanted) in cases {
        for (shell, got) in ["bash", "zsh", "fish"].iter().zip(candidates(&db, words)) {
            for w in *want {
                assert!(
                    got.iter().any(|g| g == w),
                    "{shell} {words:?}: {w} not in {got:?}"
                );
            }
            for w in *unwanted {
                assert!(
                    !got.iter().any(|g| g == w),
                    "{shell} {words:?}: {w} in {got:?}"
                );
            }
        }
    }
}

/// The completion engine as the scripts call it.
fn engine(cwd: &Path, words: &[&str], env: &[(&str, &str)]) -> std::process::Output {
    let mut cmd = bare_std_cmd(cwd);
    cmd.env("COMPLETE", "bash")
        .env("_CLAP_COMPLETE_INDEX", (words.len() - 1).to_string())
        .env("_CLAP_IFS", "\n")
        .arg("--")
        .args(words);
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().unwrap()
}

#[test]
fn user_ids_are_bounded_and_follow_database_url_on_the_line() {
    let db = test_db();
    db.users(&["tmpl"]);
    let line = db.ok(&["export", "--user", "tmpl"]);
    let text: String = (0..205)
        .map(|i| line.replace("\"tmpl\"", &format!("\"user{i:03}\"")))
        .collect();
    db.ok_stdin(&["import", "-"], &text);
    let words = [
        "onboardctl",
        "--database-url",
        &db.url,
        "session",
        "show",
        "user",
    ];
    let out = engine(&db.path(), &words, &[]);
    assert_code(&out, 0);
    let got: Vec<String> = stdout(&out).lines().map(str::to_owned).collect();
    assert_eq!(got.len(), 200, "{got:?}");
    assert_eq!(got[..2], ["user000", "user001"]);
    // Nothing typed yet: still at most 200 ids (the flags come along).
    let words = [
        "onboardctl",
        "--database-url",
        &db.url,
        "session",
        "show",
        "",
    ];
    let out = stdout(&engine(&db.path(), &words, &[]));
    assert_eq!(out.lines().filter(|l| !l.starts_with('-')).count(), 200);
    let words = [
        "onboardctl",
        "--database-url",
        &db.url,
        "session",
        "show",
        "user20",
    ];
    let got = stdout(&engine(&db.path(), &words, &[]));
    assert_eq!(
        got.lines().collect::<Vec<_>>(),
        ["user200", "user201", "user202", "user203", "user204"]
    );
}

#[test]
fn user_id_completion_is_silent_when_the_database_is_not_there() {
    let dir = tempfile::tempdir().unwrap();
    for url in [
        "sqlite:missing.db",
        "postgres://nobody@127.0.0.1:1/none?connect_timeout=2",
        "not a url",
    ] {
        let words = ["onboardctl", "--database-url", url, "session", "show", ""];
        let out = engine(dir.path(), &words, &[]);
        assert_code(&out, 0);
        // Only the flags: no user id, no error.
        assert!(
            stdout(&out).lines().all(|l| l.starts_with('-')),
            "{url}: {}",
            stdout(&out)
        );
        assert_eq!(crate::stderr(&out), "", "{url}");
    }
    // No URL at all: the embedded default is not created by completing.
    let out = engine(dir.path(), &["onboardctl", "session", "show", ""], &[]);
    assert_code(&out, 0);
    assert!(
        stdout(&out).lines().all(|l| l.starts_with('-')),
        "{}",
        stdout(&out)
    );
    assert!(!dir.path().join("xdg").exists());
}
