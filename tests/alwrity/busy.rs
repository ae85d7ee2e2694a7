//! `--busy-timeout SECONDS` (default 5): a lock ALwrity holds for 3 s is waited out and the
//! write lands; a lock held longer than the timeout ends the command with exit 5 naming
//! `--busy-timeout`, and nothing changed. The lock is an exclusive transaction on another
//! connection (ALwrity's pysqlite connection in the middle of a commit), held by a thread.

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use crate::head::{users::*, AlwrityFile};
use crate::{assert_code, stderr, Cli};

const KEY: &str = "tvly-FAKE-FIXTURE-BUSY-000000001";

/// Holds an exclusive lock on `file` for `hold`, from the moment this returns; the handle
/// joins when the lock is released (rolled back: the holder changes nothing).
fn hold_lock(file: &AlwrityFile, hold: Duration) -> thread::JoinHandle<()> {
    let conn = file.conn();
    let (tx, rx) = mpsc::channel();
    let handle = thread::spawn(move || {
        conn.execute_batch("BEGIN EXCLUSIVE")
            .expect("take the lock");
        tx.send(()).unwrap();
        thread::sleep(hold);
        conn.execute_batch("ROLLBACK").expect("release the lock");
    });
    rx.recv().expect("the lock is held");
    handle
}

fn attached() -> (AlwrityFile, Cli) {
    let file = AlwrityFile::head();
    let cli = file.cli();
    cli.attach();
    (file, cli)
}

fn tavily(file: &AlwrityFile) -> Vec<String> {
    file.strings("SELECT \"key\" FROM api_keys WHERE session_id = 2 AND provider = 'tavily'")
}

#[test]
fn a_three_second_lock_is_waited_out_by_default() {
    let (file, cli) = attached();
    let holder = hold_lock(&file, Duration::from_secs(3));
    let started = Instant::now();
    let args = ["key", "set", API3, "tavily", "--stdin"];
    let out = cli.run_with(&args, &[], KEY);
    let waited = started.elapsed();
    holder.join().unwrap();
    assert_code(&out, 0, &args);
    assert!(
        waited >= Duration::from_millis(2500),
        "it waited for the lock: {waited:?}"
    );
    assert_eq!(tavily(&file), [KEY]);
}

#[test]
fn a_step_write_waits_out_a_three_second_lock_too() {
    let (file, cli) = attached();
    let holder = hold_lock(&file, Duration::from_secs(3));
    let args = ["progress", "step", API3, "3", "pending"];
    let out = cli.run(&args);
    holder.join().unwrap();
    assert_code(&out, 0, &args);
    let r = &file.reading()[API3];
    assert_eq!((r.current_step, r.progress), (Some(2), Some(33.0)));
}

#[test]
fn a_lock_longer_than_the_timeout_is_exit_5_and_changes_nothing() {
    let (file, cli) = attached();
    let bytes = file.snapshot();
    let readings = file.reading();
    let holder = hold_lock(&file, Duration::from_secs(8));
    let started = Instant::now();
    let args = [
        "--busy-timeout",
        "2",
        "key",
        "set",
        API3,
        "tavily",
        "--stdin",
    ];
    let out = cli.run_with(&args, &[], KEY);
    let waited = started.elapsed();
    assert_code(&out, 5, &args);
    assert!(
        stderr(&out).contains("--busy-timeout"),
        "the error names the flag: {}",
        stderr(&out)
    );
    assert!(
        waited >= Duration::from_millis(1500) && waited < Duration::from_secs(7),
        "gave up after about 2 s, not 5 or 8: {waited:?}"
    );
    holder.join().unwrap();
    bytes.assert_unchanged(&file.snapshot(), "a write that timed out");
    crate::oracle::assert_same(&readings, &file.reading(), "a write that timed out");
    assert!(tavily(&file).is_empty());
}

#[test]
fn busy_timeout_takes_whole_seconds() {
    let (_file, cli) = attached();
    let out = cli.run(&["--busy-timeout", "soon", "session", "show", API3]);
    assert_code(&out, 2, &["--busy-timeout", "soon"]);
}
