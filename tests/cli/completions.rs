//! Generated artifacts: the committed completion scripts must match what the binary
//! generates (`UPDATE_COMPLETIONS=1 cargo test --test cli completions` rewrites them), `man`
//! prints a roff page, and `--help` is snapshotted.

use std::path::Path;

use crate::{assert_code, bare_cmd, stdout};

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
