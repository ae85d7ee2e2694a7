//! `session list` streams: the rows of a long list are written while the statement still
//! steps, so the process never holds the whole list. Checked structurally on the real
//! binary: with many sessions and nobody reading its stdout, the process blocks on a full
//! pipe after the first rows, and its peak memory at that moment stays far below what the
//! rows themselves take. A version that reads every row before writing the first has
//! already peaked with all of them in memory by then.

use std::io::Read;
use std::process::Stdio;

use crate::{on_postgres, test_db};

/// Sessions in the generated database: held at once, their summaries alone take well over
/// [`LIMIT_KIB`].
const SESSIONS: u32 = 200_000;
/// The peak resident memory a streaming `session list` stays under (KiB).
const LIMIT_KIB: u64 = 32 * 1024;

/// `VmHWM` (peak resident set) of a process, in KiB.
fn peak_kib(pid: u32) -> u64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).expect("status");
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
        .expect("VmHWM")
}

#[test]
fn a_long_session_list_never_holds_all_rows() {
    let db = test_db();
    if on_postgres() {
        db.sql(&format!(
            "INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at) \
             SELECT 'user_' || lpad(i::text, 7, '0'), 1, 0, now(), now() - i * interval '1 second' \
             FROM generate_series(1, {SESSIONS}) AS i"
        ));
    } else {
        db.sql(&format!(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {SESSIONS}) \
             INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at) \
             SELECT printf('user_%07d', i), 1, 0, '2026-01-01 00:00:00.000000', \
               strftime('%Y-%m-%d %H:%M:%f000', '2026-06-01', '-' || i || ' seconds') FROM n"
        ));
    }
    for args in [
        &["--json", "session", "list", "--limit", "1000000"][..],
        &["session", "list", "--limit", "1000000"][..],
    ] {
        let mut child = db
            .std_cmd(args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawns");
        let mut out = child.stdout.take().expect("stdout");
        let mut first = [0_u8; 4096];
        out.read_exact(&mut first).expect("the first rows");
        let peak = peak_kib(child.id());
        // Then read the rest, to see the list was complete.
        let mut rest = Vec::new();
        out.read_to_end(&mut rest).expect("the rest");
        assert!(child.wait().expect("waits").success(), "{args:?}");
        let lines = first.iter().chain(&rest).filter(|&&b| b == b'\n').count();
        assert!(lines >= SESSIONS as usize, "{args:?}: {lines} lines");
        assert!(
            peak < LIMIT_KIB,
            "{args:?}: peak RSS {peak} KiB after the first rows (limit {LIMIT_KIB} KiB)"
        );
        eprintln!("{args:?}: peak {peak} KiB after the first 4 KiB");
    }
}
