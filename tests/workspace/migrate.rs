//! `db migrate` and `db repair` across a workspace: each file in its own transaction, past
//! a file that fails (corrupt, locked), which is named, the command exiting 5; a second run
//! after the file is fixed does only what is left. `--dry-run` prints the plan summary and
//! changes nothing. What ALwrity reads of every file stays as it was.

use std::path::PathBuf;

use crate::fixture::{cases, ids::*, Workspace};
use crate::{assert_code, shown, stderr, stdout};

/// Every file ALwrity uses, with its sid.
fn files(ws: &Workspace) -> Vec<(&'static str, PathBuf)> {
    cases()
        .into_iter()
        .filter(|c| c.file.is_some())
        .map(|c| (c.sid, ws.file(c.sid)))
        .collect()
}

fn attached(path: &std::path::Path) -> bool {
    crate::fixture::strings(
        path,
        "SELECT name FROM sqlite_master WHERE name = 'onboardctl_meta'",
    )
    .len()
        == 1
}

/// A human report's `name: value` field.
fn field(text: &str, name: &str) -> String {
    text.lines()
        .find_map(|l| l.strip_prefix(&format!("{name}:")))
        .map(|v| v.trim().to_owned())
        .unwrap_or_else(|| panic!("no `{name}` in\n{text}"))
}

/// The `paths` of a JSON report's list, sorted.
fn paths(list: &serde_json::Value) -> Vec<String> {
    let mut out: Vec<String> = list
        .as_array()
        .expect("a list")
        .iter()
        .map(|f| f["path"].as_str().unwrap().to_owned())
        .collect();
    out.sort();
    out
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

#[test]
fn migrate_dry_run_prints_the_plan_and_changes_nothing() {
    let ws = Workspace::locked();
    let cli = ws.cli();
    let before = ws.snapshot();
    let out = cli.run(&["db", "migrate", "--dry-run"]);
    assert_code(&out, 5, &["db", "migrate", "--dry-run"]);
    let text = stdout(&out);
    assert_eq!(field(&text, "files"), "12");
    assert_eq!(field(&text, "to attach"), "10", "{text}\n{}", stderr(&out));
    assert_eq!(field(&text, "current"), "0");
    assert_eq!(field(&text, "failed"), "2");
    for (sid, path) in files(&ws) {
        let line = format!("to attach: {}", shown(&path));
        assert_eq!(
            text.contains(&line),
            sid != CORRUPT && sid != LOCKED,
            "{line}\n{text}"
        );
    }
    let err = stderr(&out);
    for sid in [CORRUPT, LOCKED] {
        assert!(
            err.contains(&format!("`{}`", shown(&ws.file(sid)))),
            "{err}"
        );
    }
    assert!(err.contains("dry run: nothing was changed"), "{err}");
    assert!(
        !err.contains("the others were"),
        "a dry run attached nothing: {err}"
    );
    assert!(
        err.contains("2 file(s) could not be read; the plan covers the others"),
        "{err}"
    );
    before.assert_unchanged(&ws.snapshot(), "db migrate --dry-run");
}

#[test]
fn migrate_attaches_past_a_failure_and_a_second_run_does_what_is_left() {
    let mut ws = Workspace::locked();
    let cli = ws.cli();
    let readings: Vec<_> = files(&ws)
        .into_iter()
        .filter(|(sid, _)| *sid != CORRUPT && *sid != LOCKED)
        .map(|(_, p)| ws.reading(&p))
        .collect();
    let bad_before: Vec<(String, (u64, String))> = [CORRUPT, LOCKED]
        .iter()
        .map(|sid| ws.file(sid).strip_prefix(&ws.root).unwrap().to_owned())
        .map(|rel| {
            let snap = ws.snapshot();
            (rel.display().to_string(), snap.0[&rel].clone())
        })
        .collect();
    let shadowed_before: Vec<Vec<u8>> = ws
        .shadowed()
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();

    let args = ["--json", "db", "migrate", "--yes"];
    let out = cli.run(&args);
    assert_code(&out, 5, &args);
    let report = crate::parse_json(&stdout(&out), &args);
    assert_eq!(report["files"], 12);
    assert_eq!(report["attached"].as_array().unwrap().len(), 10);
    assert_eq!(report["current"], 0);
    let bad = sorted(vec![shown(&ws.file(CORRUPT)), shown(&ws.file(LOCKED))]);
    assert_eq!(paths(&report["failed"]), bad);
    let err = stderr(&out);
    for path in &bad {
        assert!(err.contains(&format!("`{path}`")), "{path} named: {err}");
    }
    for (sid, path) in files(&ws) {
        if sid != CORRUPT && sid != LOCKED {
            assert!(attached(&path), "{} attached", path.display());
        }
    }
    // The failed files and the shadowed one are as they were, byte for byte.
    let snap = ws.snapshot();
    for (rel, was) in &bad_before {
        assert_eq!(&snap.0[&PathBuf::from(rel)], was, "{rel}");
    }
    let shadowed_after: Vec<Vec<u8>> = ws
        .shadowed()
        .iter()
        .map(|p| std::fs::read(p).unwrap())
        .collect();
    assert!(
        shadowed_after == shadowed_before,
        "shadowed files are never attached"
    );
    // ALwrity reads every attached user as before.
    let after: Vec<_> = files(&ws)
        .into_iter()
        .filter(|(sid, _)| *sid != CORRUPT && *sid != LOCKED)
        .map(|(_, p)| ws.reading(&p))
        .collect();
    for (was, is) in readings.iter().zip(&after) {
        crate::oracle::assert_same(was, is, "db migrate");
    }

    // Fixed: the second run attaches only the two, the rest is current.
    ws.unlock();
    ws.fix_corrupt();
    let out = cli.run(&args);
    assert_code(&out, 0, &args);
    let report = crate::parse_json(&stdout(&out), &args);
    assert_eq!(paths(&report["attached"]), bad);
    assert_eq!(report["current"], 10);
    assert_eq!(report["failed"], serde_json::json!([]));
    assert!(files(&ws).iter().all(|(_, p)| attached(p)));

    // A third run has nothing to do, and changes nothing.
    let before = ws.snapshot();
    let report = cli.json(&["db", "migrate", "--yes"]);
    assert_eq!(report["attached"], serde_json::json!([]));
    assert_eq!(report["current"], 12);
    before.assert_unchanged(&ws.snapshot(), "a migrate with nothing left");
}

#[test]
fn repair_goes_file_by_file_past_a_failure() {
    let mut ws = Workspace::build();
    let cli = ws.cli();
    // ALwrity's racing get-or-create left `user_3ab` a second row.
    let plain = ws.file(PLAIN);
    let conn = rusqlite::Connection::open(&plain).unwrap();
    conn.execute_batch(
        "INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, \
         updated_at) VALUES (2, 'user_3ab', 1, 0.0, '2026-05-08 10:00:00.5', \
         '2026-05-08 10:00:01.5')",
    )
    .unwrap();
    drop(conn);
    let first = ws.reading(&plain)[PLAIN].clone();
    assert_eq!(first.rows, 2);
    ws.lock();
    // Repair needs onboardctl's tables: attach what can be.
    assert_code(&cli.run(&["db", "migrate", "--yes"]), 5, &["db", "migrate"]);

    let before = ws.snapshot();
    let out = cli.run(&["db", "repair", "--dry-run"]);
    assert_code(&out, 5, &["db", "repair", "--dry-run"]);
    let text = stdout(&out);
    assert_eq!(field(&text, "files"), "12");
    assert_eq!(field(&text, "to repair"), "1");
    assert_eq!(field(&text, "clean"), "9");
    assert_eq!(field(&text, "failed"), "2");
    assert!(text.contains(&shown(&plain)), "{text}");
    before.assert_unchanged(&ws.snapshot(), "db repair --dry-run");

    let args = ["--json", "db", "repair", "--yes"];
    let out = cli.run(&args);
    assert_code(&out, 5, &args);
    let report = crate::parse_json(&stdout(&out), &args);
    assert_eq!(paths(&report["repaired"]), [shown(&plain)]);
    let bad = sorted(vec![shown(&ws.file(CORRUPT)), shown(&ws.file(LOCKED))]);
    assert_eq!(paths(&report["failed"]), bad);
    let after = ws.reading(&plain)[PLAIN].clone();
    assert_eq!(after.rows, 1, "the duplicate was moved out");
    assert_eq!(after.session_id, first.session_id, "ALwrity's row kept");
    assert_eq!(after.keys, first.keys);

    ws.unlock();
    ws.fix_corrupt();
    let report = cli.json(&["db", "repair", "--yes"]);
    assert_eq!(report["repaired"], serde_json::json!([]));
    assert_eq!(report["clean"], 12);
    assert_eq!(report["failed"], serde_json::json!([]));
}
