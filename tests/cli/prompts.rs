//! Prompts at a real terminal (a pseudo-terminal, `pty.rs`): confirmations take a line — `yes`
//! or the user id, then Enter — and anything else cancels with 130; Ctrl-C at a confirmation
//! or at the hidden key prompt puts the terminal back (echo on, cursor shown) and exits 130;
//! `key set --stdin` on a terminal does not echo the key; a prompt that cannot be shown names
//! the stream that is not a terminal.

use std::process::Stdio;
use std::thread::sleep;
use std::time::Duration;

use crate::pty::Pty;
use crate::{test_db, TestDb, FAKE_GEMINI};

const SHOW_CURSOR: &str = "\x1b[?25h";

fn exists(db: &TestDb, user: &str) -> bool {
    db.code(&["session", "show", user]) == 0
}

/// Runs `args` on a pty, waits for the confirmation prompt, types `answer`, returns the exit
/// code and what the terminal showed.
fn answer(db: &TestDb, args: &[&str], answer: &str) -> (Option<i32>, String) {
    let mut pty = Pty::spawn(db.std_cmd(args), None);
    pty.expect("anything else cancels: ");
    pty.send(answer);
    let status = pty.wait();
    (status.code(), pty.seen())
}

#[test]
fn delete_takes_yes_or_the_user_id_and_a_line_not_a_key() {
    let db = test_db();
    db.users(&["u1", "u2", "u3"]);
    let mut pty = Pty::spawn(db.std_cmd(&["session", "delete", "u1"]), None);
    pty.expect("anything else cancels: ");
    let shown = pty.seen();
    assert!(shown.contains("user `u1`"), "names the user: {shown}");
    let location = if crate::on_postgres() {
        "postgres://"
    } else {
        "t.db`"
    };
    assert!(shown.contains(location), "names the database: {shown}");
    assert!(shown.contains("type `yes` or the user id `u1`"), "{shown}");
    pty.send("y");
    sleep(Duration::from_millis(300));
    assert!(pty.running(), "a single keypress decides nothing");
    pty.send("\r");
    assert_eq!(pty.wait().code(), Some(130), "{}", pty.seen());
    assert!(pty.seen().contains("cancelled"), "{}", pty.seen());
    assert!(exists(&db, "u1"), "`y` cancels");

    for other in ["no\r", "yes please\r", "u2\r", "\r"] {
        let (code, seen) = answer(&db, &["session", "delete", "u1"], other);
        assert_eq!(code, Some(130), "{other:?}: {seen}");
        assert!(exists(&db, "u1"), "{other:?} cancels");
    }
    let (code, seen) = answer(&db, &["session", "delete", "u1"], "yes\r");
    assert_eq!(code, Some(0), "{seen}");
    assert!(!exists(&db, "u1"), "`yes` deletes");
    let (code, seen) = answer(&db, &["session", "delete", "u2"], "u2\r");
    assert_eq!(code, Some(0), "{seen}");
    assert!(!exists(&db, "u2"), "the user id deletes");
    assert!(exists(&db, "u3"));
}

#[test]
fn reset_purge_and_copy_merge_ask_too() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok_stdin(&["key", "set", "u1", "gemini", "--stdin"], FAKE_GEMINI);
    let keys = |db: &TestDb| db.json(&["key", "list", "u1"]).as_array().unwrap().len();
    let (code, seen) = answer(&db, &["session", "reset", "u1", "--purge"], "nope\r");
    assert_eq!(code, Some(130), "{seen}");
    assert_eq!(keys(&db), 1, "cancelled purge deletes nothing");
    let (code, seen) = answer(&db, &["session", "reset", "u1", "--purge"], "u1\r");
    assert_eq!(code, Some(0), "{seen}");
    assert_eq!(keys(&db), 0);

    let target = test_db();
    target.users(&["only-there"]);
    let to = ["db", "copy", "--merge", "--to", target.url.as_str()];
    let (code, seen) = answer(&db, &to, "u1\r");
    assert_eq!(code, Some(130), "only `yes` confirms a copy: {seen}");
    assert!(!exists(&target, "u1"));
    let (code, seen) = answer(&db, &to, "yes\r");
    assert_eq!(code, Some(0), "{seen}");
    assert!(exists(&target, "u1") && exists(&target, "only-there"));
}

#[test]
fn ctrl_c_at_a_confirmation_restores_the_terminal_and_exits_130() {
    let db = test_db();
    db.users(&["u1"]);
    let mut pty = Pty::spawn(db.std_cmd(&["session", "delete", "u1"]), None);
    pty.expect("anything else cancels: ");
    pty.send("ye\x03");
    let status = pty.wait();
    assert_eq!(status.code(), Some(130), "{status:?}: {}", pty.seen());
    let after = pty.seen();
    let prompt_at = after.find("cancels: ").unwrap();
    assert!(after[prompt_at..].contains(SHOW_CURSOR), "{after:?}");
    assert!(pty.echo_on());
    assert!(exists(&db, "u1"));
}

#[test]
fn ctrl_c_at_the_hidden_key_prompt_turns_echo_back_on() {
    let db = test_db();
    db.users(&["u1"]);
    let mut pty = Pty::spawn(db.std_cmd(&["key", "set", "u1", "gemini"]), None);
    pty.expect("gemini API key for u1: ");
    assert!(!pty.echo_on(), "echo is off while the key is typed");
    pty.send("AIzaFAKE_half_typed");
    sleep(Duration::from_millis(200));
    pty.send("\x03");
    let status = pty.wait();
    assert_eq!(status.code(), Some(130), "{status:?}: {}", pty.seen());
    let after = pty.seen();
    assert!(pty.echo_on(), "echo is back on after Ctrl-C");
    assert!(after.contains(SHOW_CURSOR), "{after:?}");
    assert!(!after.contains("half_typed"), "not echoed: {after:?}");
    assert_eq!(
        db.code(&["key", "get", "u1", "gemini"]),
        3,
        "nothing stored"
    );
}

#[test]
fn key_set_stdin_on_a_terminal_is_the_hidden_prompt() {
    let db = test_db();
    db.users(&["u1"]);
    // stderr elsewhere: `--stdin` needs only stdin to be a terminal.
    for stderr in [None, Some(Stdio::null())] {
        let args = ["key", "set", "u1", "gemini", "--stdin"];
        let prompt_shown = stderr.is_none();
        let mut pty = Pty::spawn(db.std_cmd(&args), stderr);
        if prompt_shown {
            pty.expect("gemini API key for u1: ");
        }
        // Echo goes off before the prompt is written; off the pty, wait for that.
        let start = std::time::Instant::now();
        while pty.echo_on() && start.elapsed() < Duration::from_secs(30) {
            sleep(Duration::from_millis(20));
        }
        assert!(!pty.echo_on(), "echo is off before the key is typed");
        pty.send(&format!("{FAKE_GEMINI}\r"));
        let status = pty.wait();
        assert_eq!(status.code(), Some(0), "{}", pty.seen());
        assert!(!pty.seen().contains("AIzaFAKE"), "echoed: {:?}", pty.seen());
        assert!(pty.echo_on());
        let stored = db.ok(&["key", "get", "u1", "gemini", "--reveal"]);
        assert_eq!(stored.trim_end(), FAKE_GEMINI);
        db.ok(&["key", "delete", "u1", "gemini"]);
    }
}

#[test]
fn a_prompt_names_the_stream_that_is_not_a_terminal() {
    let db = test_db();
    db.users(&["u1"]);
    let err = db.path().join("stderr.txt");
    let file = || Stdio::from(std::fs::File::create(&err).unwrap());
    let read = || std::fs::read_to_string(&err).unwrap();
    let mut pty = Pty::spawn(db.std_cmd(&["key", "set", "u1", "gemini"]), Some(file()));
    assert_eq!(pty.wait().code(), Some(2));
    assert!(
        read().contains("no key value given, and stderr is not a terminal"),
        "{}",
        read()
    );
    let mut pty = Pty::spawn(db.std_cmd(&["session", "delete", "u1"]), Some(file()));
    assert_eq!(pty.wait().code(), Some(2));
    assert!(read().contains("confirmation required, and stderr is not a terminal"));
    let out = db.run(&["session", "delete", "u1"]);
    let text = crate::stderr(&out);
    assert!(
        text.contains("and stdin and stderr are not terminals"),
        "{text}"
    );
    assert!(exists(&db, "u1"));
}
