//! The primitives the service builds on: [`lock`] held across other work, so a concurrent
//! [`update`] waits for it and then sees its write; [`update_locked`]; and the intent journal
//! (begin, end, what a killed process leaves, clearing), which never holds a value.

use std::fs;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use onboardctl::domain::Secret;
use onboardctl::envfile::{
    lock, pending_intents, read_vars, update, update_locked, Edit, Intent, IntentAction,
};

const CHILD_DIR: &str = "ENVFILE_LOCK_CHILD_DIR";
const FAKE: &str = "AIzaFAKE-journal-canary-0000";

fn set(var: &str, value: &str) -> Edit {
    Edit::Set(var.into(), Secret::new(value.into()))
}

#[test]
fn a_held_lock_makes_other_writers_wait_and_see_its_write() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    let held = lock(&path).unwrap();
    assert_eq!(held.path(), path);
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        s.spawn(|| {
            update(&path, &[set("SECOND", "2")]).unwrap();
            done.store(true, Ordering::SeqCst);
        });
        // The other writer cannot get in while the lock is held, however long that is…
        std::thread::sleep(Duration::from_millis(300));
        assert!(
            !done.load(Ordering::SeqCst),
            "a writer got past a held lock"
        );
        assert!(!path.exists());
        update_locked(&held, &[set("FIRST", "1")]).unwrap();
        drop(held);
    });
    // …and then applies its edit to the file the holder wrote.
    let vars = read_vars(&path).unwrap();
    assert_eq!(
        (vars["FIRST"].expose(), vars["SECOND"].expose()),
        ("1", "2")
    );
}

#[test]
fn an_intent_is_durable_until_ended_and_holds_no_value() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    let journal = dir.path().join(".env.onboardctl-journal");
    assert!(pending_intents(&path).unwrap().is_empty());

    let secret = Secret::new(FAKE.into());
    let intent = Intent::set("u1", "GEMINI_API_KEY", &secret, "sqlite:///x.db");
    let held = lock(&path).unwrap();
    held.begin_intent(&intent).unwrap();
    let text = fs::read_to_string(&journal).unwrap();
    assert!(!text.contains("canary"), "{text}");
    assert!(
        text.contains(&secret.fingerprint()) && text.ends_with('\n'),
        "{text}"
    );
    // Readable without the lock, while it is held.
    let pending = pending_intents(&path).unwrap();
    assert_eq!(pending, std::slice::from_ref(&intent));
    assert_eq!(pending[0].action, IntentAction::Set);
    assert_eq!(pending[0].fingerprint.as_deref().map(str::len), Some(8));

    update_locked(&held, &[Edit::Set("GEMINI_API_KEY".into(), secret)]).unwrap();
    held.end_intent().unwrap();
    assert!(pending_intents(&path).unwrap().is_empty());
    assert!(!journal.exists(), "an empty journal is removed");
}

#[test]
fn a_killed_writer_leaves_its_intent_for_the_next_command() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "child_begins_and_dies", "--nocapture"])
        .env(CHILD_DIR, dir.path())
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(9),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let pending = pending_intents(&path).unwrap();
    assert_eq!(pending.len(), 1);
    assert_eq!(
        (pending[0].user_id.as_str(), pending[0].action),
        ("u1", IntentAction::Remove)
    );

    // Another change begins and ends: the stale intent stays; a torn line is ignored.
    let journal = dir.path().join(".env.onboardctl-journal");
    fs::write(
        &journal,
        fs::read_to_string(&journal).unwrap() + "{\"user_id\":\"u",
    )
    .unwrap();
    let held = lock(&path).unwrap();
    held.begin_intent(&Intent::remove("u2", "EXA_API_KEY", "sqlite:///x.db"))
        .unwrap();
    assert_eq!(pending_intents(&path).unwrap().len(), 2);
    held.end_intent().unwrap();
    let pending = pending_intents(&path).unwrap();
    assert_eq!(
        pending
            .iter()
            .map(|i| i.user_id.as_str())
            .collect::<Vec<_>>(),
        ["u1"]
    );
    // Once the file is repaired for u1, its intents go.
    assert_eq!(held.clear_intents("u1").unwrap(), 1);
    assert!(pending_intents(&path).unwrap().is_empty());
}

/// Child of the test above: begins an intent under the lock and dies without ending it.
#[test]
fn child_begins_and_dies() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let path = PathBuf::from(dir).join(".env");
    let held = lock(&path).unwrap();
    held.begin_intent(&Intent::remove("u1", "GEMINI_API_KEY", "postgres://h/db"))
        .unwrap();
    std::process::exit(9);
}
