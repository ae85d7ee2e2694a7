//! Reads never write: every read command over the whole fixture (its corrupt file, and its
//! locked file both locked and free) leaves the tree byte-identical — every file's bytes and
//! every file and folder name, so no `-journal`/`-wal`/`-shm` appears and no folder (no
//! `db/` created, no `database/` renamed) either.

use crate::fixture::{ids::*, Workspace};
use crate::{assert_code, code, stderr, stdout, Cli};

/// User-scoped reads, for `u`.
fn user_reads(u: &str) -> Vec<Vec<String>> {
    let cmds: [&[&str]; 10] = [
        &["session", "show", u],
        &["--json", "session", "show", u],
        &["progress", "show", u],
        &["key", "list", u],
        &["analysis", "show", u],
        &["research", "show", u],
        &["persona", "show", u],
        &["ai-inputs", u],
        &["session", "delete", u, "--dry-run"],
        &["export", "--user", u],
    ];
    cmds.iter()
        .map(|c| c.iter().map(|s| (*s).to_owned()).collect())
        .collect()
}

/// Reads across every file; with a corrupt (or locked) file they exit 5, `db status` 0.
const ACROSS: [&[&str]; 14] = [
    &["session", "list"],
    &["--json", "session", "list"],
    &["session", "list", "--status", "in-progress,completed"],
    &["session", "list", "--step", "2"],
    &["session", "list", "--stalled-days", "1"],
    &["session", "list", "--limit", "2", "--offset", "1"],
    &["export"],
    &["export", "--include-secrets"],
    &["db", "status"],
    &["db", "status", "--json"],
    &["-v", "db", "status"],
    &["db", "migrate", "--dry-run"],
    &["--json", "db", "migrate", "--dry-run"],
    &["db", "repair", "--dry-run"],
];

fn assert_reads_change_nothing(ws: &Workspace, cli: &Cli, what: &str) {
    let before = ws.snapshot();
    for u in [
        CANON,
        LEGNAME,
        LEGFOLDER,
        LEGBOTH,
        SHADOW,
        CHANGED,
        SANITISED,
        PLAIN_VARIANT,
        JURGEN,
        HAN,
        LOCKED,
        CORRUPT,
        EMPTY,
        NOFILE,
        "user_nobody",
    ] {
        for args in user_reads(u) {
            let args: Vec<&str> = args.iter().map(String::as_str).collect();
            let out = cli.run(&args);
            if u == CANON {
                assert_code(&out, 0, &args);
            } else {
                // 3: no such row (or user); 5: the file cannot be read.
                assert!(
                    [0, 3, 5].contains(&code(&out)),
                    "{args:?}: {}\n{}",
                    stdout(&out),
                    stderr(&out)
                );
            }
            before.assert_unchanged(&ws.snapshot(), &format!("{what}: {args:?}"));
        }
    }
    for args in ACROSS {
        let out = cli.run(args);
        let want = if args.contains(&"status") { 0 } else { 5 };
        assert_code(&out, want, args);
        before.assert_unchanged(&ws.snapshot(), &format!("{what}: {args:?}"));
    }
    // No side file anywhere (the snapshot says so too; this names the rule).
    for path in ws.snapshot().0.keys() {
        let name = path.display().to_string();
        for side in ["-journal", "-wal", "-shm"] {
            assert!(!name.ends_with(side), "{what}: {name} appeared");
        }
    }
}

#[test]
fn reads_leave_the_tree_byte_identical_with_the_lock_held() {
    let ws = Workspace::locked();
    assert_reads_change_nothing(&ws, &ws.cli(), "locked");
}

#[test]
fn reads_leave_the_tree_byte_identical_with_every_file_free() {
    let ws = Workspace::build();
    assert_reads_change_nothing(&ws, &ws.cli(), "free");
}

#[test]
fn reads_through_alwrity_root_dir_leave_the_tree_byte_identical() {
    let ws = Workspace::build();
    let cli = Cli::without_url();
    let root = ws.root.display().to_string();
    let env = [("ALWRITY_ROOT_DIR", root.as_str())];
    let before = ws.snapshot();
    for args in [
        &["session", "show", CANON][..],
        &["session", "list"],
        &["db", "status"],
        &["export"],
    ] {
        let out = cli.run_with(args, &env, "");
        let want = if args.contains(&"list") || args.contains(&"export") {
            5
        } else {
            0
        };
        assert_code(&out, want, args);
        before.assert_unchanged(&ws.snapshot(), &format!("{args:?}"));
    }
}
