//! Reads across files with a corrupt and a locked file: the good users are printed, each bad
//! file is named on stderr (`skipped `path`: reason`), and the command exits 5 — quickly,
//! since `--busy-timeout` bounds the wait on the locked file. A user-scoped read of a bad
//! file exits 5 too, naming it.

use std::time::{Duration, Instant};

use crate::fixture::{ids::*, users, Workspace};
use crate::{assert_code, shown, skipped_paths, stderr, stdout};

/// The good users' ids, sorted.
fn good_users() -> Vec<String> {
    let mut ids: Vec<String> = users()
        .into_iter()
        .filter(|u| u.id != LOCKED)
        .map(|u| u.id.to_owned())
        .collect();
    ids.sort();
    ids
}

fn bad_files(ws: &Workspace) -> Vec<String> {
    let mut bad = vec![shown(&ws.file(CORRUPT)), shown(&ws.file(LOCKED))];
    bad.sort();
    bad
}

/// Within a second or two of `--busy-timeout` (0.3 s), not SQLite's default 5 s.
fn assert_quick(started: Instant, args: &[&str]) {
    let took = started.elapsed();
    assert!(took < Duration::from_secs(3), "{args:?} took {took:?}");
}

#[test]
fn session_list_prints_the_good_users_names_the_bad_files_and_exits_5() {
    let ws = Workspace::locked();
    let cli = ws.cli();
    let args = ["--json", "session", "list"];
    let started = Instant::now();
    let out = cli.run(&args);
    assert_quick(started, &args);
    assert_code(&out, 5, &args);
    let doc = crate::parse_json(&stdout(&out), &args);
    let mut listed: Vec<String> = doc
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["user_id"].as_str().unwrap().to_owned())
        .collect();
    listed.sort();
    assert_eq!(listed, good_users());
    assert_eq!(skipped_paths(&out), bad_files(&ws), "{}", stderr(&out));
    let err = stderr(&out);
    assert!(
        err.contains("--busy-timeout"),
        "the lock is named as such: {err}"
    );
    assert!(err.contains("\"code\":5"), "a JSON error too: {err}");

    // Human output too, Unicode ids included.
    let out = cli.run(&["session", "list"]);
    assert_code(&out, 5, &["session", "list"]);
    for id in good_users() {
        assert!(stdout(&out).contains(&id), "{id} in\n{}", stdout(&out));
    }
    assert!(!stdout(&out).contains(LOCKED));
    assert_eq!(skipped_paths(&out), bad_files(&ws));
}

#[test]
fn export_writes_the_good_users_names_the_bad_files_and_exits_5() {
    let ws = Workspace::locked();
    let args = ["export"];
    let started = Instant::now();
    let out = ws.cli().run(&args);
    assert_quick(started, &args);
    assert_code(&out, 5, &args);
    let mut exported: Vec<String> = stdout(&out)
        .lines()
        .map(|l| {
            crate::parse_json(l, &args)["user_id"]
                .as_str()
                .unwrap()
                .to_owned()
        })
        .collect();
    exported.sort();
    assert_eq!(exported, good_users());
    assert_eq!(skipped_paths(&out), bad_files(&ws), "{}", stderr(&out));
}

#[test]
fn with_the_lock_released_only_the_corrupt_file_is_skipped() {
    let mut ws = Workspace::locked();
    ws.unlock();
    let out = ws.cli().run(&["--json", "session", "list"]);
    assert_code(&out, 5, &["session", "list"]);
    let n = crate::parse_json(&stdout(&out), &[])
        .as_array()
        .unwrap()
        .len();
    assert_eq!(n, good_users().len() + 1, "the locked user is back");
    assert_eq!(skipped_paths(&out), [shown(&ws.file(CORRUPT))]);
}

#[test]
fn a_user_scoped_read_of_a_bad_file_exits_5_naming_it() {
    let ws = Workspace::locked();
    let cli = ws.cli();
    for (user, needle) in [(CORRUPT, "not a database"), (LOCKED, "--busy-timeout")] {
        let args = ["session", "show", user];
        let started = Instant::now();
        let out = cli.run(&args);
        assert_quick(started, &args);
        assert_code(&out, 5, &args);
        let err = stderr(&out);
        assert!(err.contains(&shown(&ws.file(user))), "{err}");
        assert!(err.contains(needle), "{err}");
    }
}
