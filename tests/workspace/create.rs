//! `session create NEW` on a workspace makes exactly `workspace_<sid>/db/alwrity_<sid>.db`
//! (and the folders on its path), with HEAD's onboarding tables and nothing else — the file
//! ALwrity itself would begin — and changes nothing else in the tree; an id that sanitises
//! to empty has no folder of ALwrity's and is refused (exit 4), creating nothing.

use std::collections::BTreeMap;
use std::path::Path;

use rusqlite::Connection;

use crate::fixture::{ids::*, reader, Workspace, HEAD_DDL};
use crate::{assert_code, stderr};

/// `sqlite_master` as (type, name, table, sql), by name.
fn master(conn: &Connection) -> BTreeMap<String, (String, String, Option<String>)> {
    crate::files::schema(conn)
        .into_iter()
        .map(|(name, o)| (name, (o.kind, o.table, o.sql)))
        .collect()
}

fn reference_schema() -> BTreeMap<String, (String, String, Option<String>)> {
    let conn = Connection::open_in_memory().unwrap();
    conn.execute_batch(HEAD_DDL).unwrap();
    master(&conn)
}

fn assert_head_file(path: &Path, user: &str) {
    let conn = reader(path);
    assert_eq!(master(&conn), reference_schema(), "{}", path.display());
    let rows: Vec<(String, i64, f64)> = conn
        .prepare("SELECT user_id, current_step, progress FROM onboarding_sessions")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(rows, [(user.to_owned(), 1, 0.0)], "ALwrity's new session");
    assert_eq!(crate::files::journal_mode(path), "delete");
    assert!(crate::files::side_files(path).is_empty());
}

#[test]
fn session_create_makes_exactly_one_file_with_heads_onboarding_tables() {
    let ws = Workspace::build();
    let cli = ws.cli();
    for (user, sid) in [
        ("new.user@x", "newuserx"),
        ("münchen-2", "münchen-2"),
        ("新用户", "新用户"),
    ] {
        let before = ws.snapshot();
        cli.ok(&["session", "create", user]);
        let folder = format!("workspace/workspace_{sid}/");
        let mut diff = before.diff(&ws.snapshot());
        diff.sort();
        let mut want = vec![
            format!("{folder} appeared"),
            format!("{folder}db/ appeared"),
            format!("{folder}db/alwrity_{sid}.db appeared"),
        ];
        want.sort();
        assert_eq!(diff, want, "{user}");
        assert_head_file(&ws.folder(sid).join(format!("db/alwrity_{sid}.db")), user);
        // It is a user of the workspace now.
        assert_eq!(cli.json(&["session", "show", user])["user_id"], user);
    }
}

#[test]
fn session_create_in_a_folder_without_a_file_adds_only_the_file() {
    let ws = Workspace::build();
    let before = ws.snapshot();
    ws.cli().ok(&["session", "create", NOFILE]);
    let diff = before.diff(&ws.snapshot());
    assert_eq!(
        diff,
        [format!(
            "workspace/workspace_{NOFILE}/db/alwrity_{NOFILE}.db appeared"
        )]
    );
    assert_head_file(
        &ws.folder(NOFILE).join(format!("db/alwrity_{NOFILE}.db")),
        NOFILE,
    );
}

#[test]
fn an_id_that_sanitises_to_empty_is_refused_and_creates_nothing() {
    let ws = Workspace::build();
    let cli = ws.cli();
    let before = ws.snapshot();
    for user in ["@@@", ".", "!?*"] {
        let args = ["session", "create", user];
        let out = cli.run(&args);
        assert_code(&out, 4, &args);
        assert!(
            stderr(&out).contains("no character ALwrity keeps"),
            "{}",
            stderr(&out)
        );
        before.assert_unchanged(&ws.snapshot(), user);
    }
    assert!(!ws.dir().join("workspace_").exists());
}
