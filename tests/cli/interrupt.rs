//! Ctrl-C during `import`, `db copy` and `export`: the command stops at a user or batch
//! boundary with everything before written (`export`: whole lines), says where (exit 130),
//! and running it again finishes the job as if it had never stopped.

use std::io::{BufRead, BufReader, Read};
use std::process::{Child, Stdio};

use crate::{stderr, test_db, write_file, TestDb};

const USERS: usize = 20_000;

fn input(n: usize) -> String {
    (0..n)
        .map(|i| {
            format!(
                "{{\"user_id\":\"user_{i:05}\",\"current_step\":1,\"progress\":0.0,\
                 \"started_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\",\
                 \"keys\":[{{\"provider\":\"gemini\",\"value\":\"AIzaFAKE_INTERRUPT_{i:05}_0000000000000\",\
                 \"created_at\":\"2026-01-01T00:00:00Z\",\"updated_at\":\"2026-01-01T00:00:00Z\"}}]}}\n"
            )
        })
        .collect()
}

/// Starts `args`, waits for its first line on stdout, presses Ctrl-C (SIGINT) and returns
/// the exit code and stderr.
fn interrupt_after_first_line(db: &TestDb, args: &[&str]) -> (Option<i32>, String) {
    let mut child: Child = db
        .std_cmd(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut out = BufReader::new(child.stdout.take().expect("stdout"));
    let mut first = String::new();
    out.read_line(&mut first).expect("a first line");
    assert!(!first.is_empty(), "the command printed nothing");
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    // SAFETY: sends SIGINT to our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    std::io::copy(&mut out, &mut std::io::sink()).expect("drain stdout");
    let mut err = String::new();
    child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut err)
        .expect("stderr");
    let status = child.wait().expect("wait");
    (status.code(), err)
}

/// Starts `args`, presses Ctrl-C once `ready` says so, returns the exit code and stderr.
fn interrupt_when(db: &TestDb, args: &[&str], ready: impl Fn() -> bool) -> (Option<i32>, String) {
    let child: Child = db
        .std_cmd(args)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    while !ready() {
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    // SAFETY: sends SIGINT to our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let out = child.wait_with_output().expect("wait");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn count(db: &TestDb) -> usize {
    db.ok(&["export"]).lines().count()
}

#[test]
fn an_interrupted_import_stops_at_a_line_and_a_rerun_finishes_it() {
    let db = test_db();
    let file = write_file(&db, "users.ndjson", &input(USERS));
    let (code, err) = interrupt_after_first_line(&db, &["import", &file]);
    assert_eq!(code, Some(130), "{err}");
    let line: usize = err
        .split("import stopped after line ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no line named: {err}"));
    assert!(line < USERS, "stopped before the end: {err}");
    assert!(err.contains("run the same import again"), "{err}");
    assert_eq!(
        count(&db),
        line,
        "every line before was written, none after"
    );
    let again = db.run(&["import", &file]);
    let text = format!("{}{}", crate::stdout(&again), stderr(&again));
    assert!(
        text.contains(&format!(
            "{} created, 0 replaced, {line} unchanged, 0 failed",
            USERS - line
        )),
        "{text}"
    );
}

#[test]
fn an_interrupted_copy_resumes_and_an_interrupted_export_ends_with_a_whole_line() {
    let src = test_db();
    src.ok_stdin(&["import", "-"], &input(USERS));
    let dst = test_db();
    // Ctrl-C once the first batch is in the target: the rest is far from written.
    let (code, err) = interrupt_when(&src, &["db", "copy", "--to", &dst.url], || count(&dst) > 0);
    assert_eq!(code, Some(130), "{err}");
    assert!(err.contains("db copy stopped after user"), "{err}");
    let copied = count(&dst);
    assert!(
        copied > 0 && copied < USERS,
        "stopped in the middle: {copied}"
    );
    let again = src.run(&["db", "copy", "--to", &dst.url]);
    assert!(
        stderr(&again).contains("resumed an interrupted copy"),
        "{}",
        stderr(&again)
    );
    assert_eq!(
        dst.ok(&["export", "--include-secrets"]),
        src.ok(&["export", "--include-secrets"])
    );

    let mut child = src
        .std_cmd(&["export"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut out = child.stdout.take().expect("stdout");
    let mut head = [0u8; 1];
    out.read_exact(&mut head).expect("output starts");
    let pid = libc::pid_t::try_from(child.id()).expect("pid");
    // SAFETY: sends SIGINT to our own child.
    assert_eq!(unsafe { libc::kill(pid, libc::SIGINT) }, 0);
    let mut rest = Vec::new();
    out.read_to_end(&mut rest).expect("rest");
    let status = child.wait().expect("wait");
    let text = String::from_utf8(rest).expect("utf-8");
    assert_eq!(status.code(), Some(130), "stopped by Ctrl-C");
    assert!(text.ends_with('\n'), "a half line at the end");
    assert!(text.lines().count() + 1 < USERS, "stopped early");
}
