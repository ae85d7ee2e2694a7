//! A write on a workspace changes its user's file and nothing else in the tree: every other
//! file (and every name) hashes the same before and after, with another user's file locked
//! meanwhile. The row written is the user's own: the exact id's in a file holding two ids
//! that sanitise alike, the fallback's for an id stored in sanitised form; an ambiguous id
//! writes nothing.

use crate::fixture::{ids::*, strings, Workspace};
use crate::{assert_code, stderr};

const EXA: &str = "00000000-0000-4000-8000-0000000e0a01";

/// Runs a write and asserts that exactly `file` (relative to the root) changed.
fn assert_only_changed(ws: &Workspace, args: &[&str], stdin: &str, file: &std::path::Path) {
    let before = ws.snapshot();
    let out = ws.cli().run_with(args, &[], stdin);
    assert_code(&out, 0, args);
    let rel = file.strip_prefix(&ws.root).unwrap().display().to_string();
    let diff = before.diff(&ws.snapshot());
    assert!(
        diff.len() == 1 && diff[0].starts_with(&format!("{rel} changed")),
        "{args:?}: only {rel} changes: {diff:?}"
    );
}

#[test]
fn key_set_changes_only_its_users_file() {
    let ws = Workspace::locked();
    let file = ws.file(LEGFOLDER);
    assert_only_changed(
        &ws,
        &["key", "set", LEGFOLDER, "exa", "--stdin"],
        EXA,
        &file,
    );
    assert_eq!(ws.reading(&file)[LEGFOLDER].keys["exa"], EXA);
}

#[test]
fn progress_step_changes_only_its_users_file() {
    let ws = Workspace::locked();
    let file = ws.file(LEGNAME);
    assert_only_changed(
        &ws,
        &["progress", "step", LEGNAME, "1", "completed"],
        "",
        &file,
    );
    let r = &ws.reading(&file)[LEGNAME];
    assert_eq!(
        (r.current_step, r.progress),
        (Some(1), Some(17.0)),
        "ALwrity's step-1 write"
    );
}

#[test]
fn a_write_for_an_id_sanitisation_changes_lands_on_its_own_row() {
    let ws = Workspace::locked();
    let file = ws.file(SANITISED);
    assert_only_changed(&ws, &["key", "set", CHANGED, "exa", "--stdin"], EXA, &file);
    let reading = ws.reading(&file);
    assert_eq!(reading[CHANGED].keys["exa"], EXA);
    assert!(
        !reading[SANITISED].keys.contains_key("exa"),
        "not the other id's row"
    );

    // An id stored in sanitised form only: the key goes to that row, no new session.
    let plain = ws.file(PLAIN);
    assert_only_changed(
        &ws,
        &["key", "set", PLAIN_VARIANT, "exa", "--stdin"],
        EXA,
        &plain,
    );
    assert_eq!(ws.reading(&plain)[PLAIN].keys["exa"], EXA);
    assert_eq!(
        strings(&plain, "SELECT user_id FROM onboarding_sessions"),
        [PLAIN]
    );
}

#[test]
fn an_ambiguous_id_writes_nothing() {
    let ws = Workspace::build();
    let before = ws.snapshot();
    for args in [
        &["key", "set", AMBIGUOUS, "exa", "--stdin"][..],
        &["progress", "step", AMBIGUOUS, "1", "completed"],
        &["session", "reset", AMBIGUOUS],
    ] {
        let out = ws.cli().run_with(args, &[], EXA);
        assert_code(&out, 4, args);
        assert!(stderr(&out).contains(CHANGED), "{}", stderr(&out));
        before.assert_unchanged(&ws.snapshot(), &format!("{args:?}"));
    }
}
