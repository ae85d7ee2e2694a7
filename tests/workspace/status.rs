//! `db status` on the fixture counts what it holds: 13 folders; files by layout (9
//! canonical, one of each legacy path); one folder without a file; three shadowed files (one folder has all four candidates); one
//! file holding two user ids, which sanitise alike; two unreadable files (the corrupt and the
//! locked one) — human and `--json`, every folder under `-v`.

use serde_json::json;

use crate::fixture::{ids::*, Workspace};
use crate::{assert_code, shown, stdout, Cli};

#[test]
fn status_counts_the_fixture() {
    let ws = Workspace::locked();
    let out = ws.cli().run(&["db", "status"]);
    // A report: the unreadable files are in it, not an error.
    assert_code(&out, 0, &["db", "status"]);
    let text = stdout(&out);
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}:")))
            .map(str::trim)
            .unwrap_or_else(|| panic!("no `{name}` in\n{text}"))
            .to_owned()
    };
    assert_eq!(
        field("backend"),
        "workspace (one ALwrity SQLite file per user)"
    );
    assert_eq!(
        field("location"),
        format!("workspace:{}", ws.dir().display())
    );
    assert_eq!(field("source"), "--database-url");
    assert_eq!(field("root"), "the ALwrity root");
    assert_eq!(field("folders"), "13");
    assert_eq!(
        field("files"),
        "9 db/alwrity_<sid>.db, 1 db/alwrity.db, 1 database/alwrity_<sid>.db, 1 database/alwrity.db"
    );
    assert_eq!(field("without file"), "1");
    assert_eq!(field("shadowed files"), "3");
    assert_eq!(field("multi-user files"), "1");
    assert_eq!(field("colliding ids"), "1");
    assert_eq!(field("unreadable"), "2");
    for sid in [CORRUPT, LOCKED] {
        let line = format!("unreadable: `{}`: ", shown(&ws.file(sid)));
        assert!(text.contains(&line), "{line} in\n{text}");
    }
    assert!(!text.contains("shadowed: "), "details only under -v");
}

#[test]
fn status_verbose_lists_every_folder() {
    let ws = Workspace::locked();
    let text = ws.cli().ok(&["-v", "db", "status"]);
    let line = |sid: &str, file: &str, users: &str| {
        format!("{}: {file} [{users}]", shown(&ws.folder(sid)))
    };
    for (sid, users) in [
        (CANON, CANON),
        (LEGNAME, LEGNAME),
        (LEGFOLDER, LEGFOLDER),
        (LEGBOTH, LEGBOTH),
        (SHADOW, SHADOW),
        (EMPTY, ""),
        (SANITISED, "user_2x.y@z, user_2xyz"),
        (PLAIN, PLAIN),
        (JURGEN, JURGEN),
        (HAN, HAN),
        (CORRUPT, ""),
        (LOCKED, ""),
    ] {
        let want = line(sid, &shown(&ws.file(sid)), users);
        assert!(text.contains(&want), "`{want}` in\n{text}");
    }
    assert!(text.contains(&line(NOFILE, "no file", "")), "{text}");
    for path in ws.shadowed() {
        let want = format!("\n  shadowed: {}", shown(&path));
        assert!(text.contains(&want), "{want} in\n{text}");
    }
}

#[test]
fn status_json_counts_and_details() {
    let ws = Workspace::locked();
    let doc = ws.cli().json(&["db", "status"]);
    assert_eq!(doc["backend"], "workspace");
    assert_eq!(doc["era"], "head");
    let w = &doc["workspace"];
    assert_eq!(w["root_kind"], "alwrity_root");
    assert_eq!(w["folders"], 13);
    assert_eq!(
        w["files_by_layout"],
        json!({"canonical": 9, "legacy_name": 1, "legacy_folder": 1, "legacy_folder_legacy_name": 1})
    );
    assert_eq!(w["folders_without_file"], 1);
    assert_eq!(w["shadowed_files"], 3);
    assert_eq!(w["multi_user_files"], 1);
    assert_eq!(w["colliding_id_files"], 1);
    assert_eq!(w["unsanitized_folder_names"], 0);
    assert_eq!(w["unreadable_files"], 2);
    let mut bad: Vec<&str> = w["unreadable"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["path"].as_str().unwrap())
        .collect();
    bad.sort_unstable();
    let mut want = vec![shown(&ws.file(CORRUPT)), shown(&ws.file(LOCKED))];
    want.sort();
    assert_eq!(bad, want);
    let details = w["details"].as_array().unwrap();
    assert_eq!(details.len(), 13);
    let detail = |sid: &str| {
        details
            .iter()
            .find(|d| d["suffix"] == sid)
            .unwrap_or_else(|| panic!("{sid} in {details:?}"))
    };
    assert_eq!(detail(LEGNAME)["layout"], "legacy_name");
    assert_eq!(detail(LEGFOLDER)["layout"], "legacy_folder");
    assert_eq!(detail(LEGBOTH)["layout"], "legacy_folder_legacy_name");
    assert_eq!(detail(JURGEN)["layout"], "canonical");
    assert_eq!(detail(NOFILE)["file"], serde_json::Value::Null);
    let [a, b, c] = [0, 1, 2].map(|i| shown(&ws.shadowed()[i]));
    assert_eq!(
        detail(SHADOW)["shadowed"],
        json!([
            {"path": a, "layout": "legacy_name"},
            {"path": b, "layout": "legacy_folder"},
            {"path": c, "layout": "legacy_folder_legacy_name"},
        ])
    );
    let pair = &detail(SANITISED)["sessions"];
    assert_eq!(pair["user_ids"], json!([CHANGED, SANITISED]));
    assert_eq!(pair["multi_user"], true);
    assert_eq!(
        pair["collisions"],
        json!([{"sanitized": SANITISED, "ids": [CHANGED, SANITISED]}])
    );
    assert_eq!(detail(HAN)["sessions"]["user_ids"], json!([HAN]));
    assert_eq!(detail(EMPTY)["sessions"]["user_ids"], json!([]));
}

#[test]
fn status_from_the_workspace_folder_or_alwrity_root_dir_counts_the_same() {
    let ws = Workspace::build();
    let inner = crate::Cli::new(&format!("workspace:{}", ws.dir().display()));
    let doc = inner.json(&["db", "status"]);
    assert_eq!(doc["workspace"]["root_kind"], "workspace_dir");
    assert_eq!(doc["workspace"]["folders"], 13);
    let root = ws.root.display().to_string();
    let out = Cli::without_url().run_with(
        &["--json", "db", "status"],
        &[("ALWRITY_ROOT_DIR", root.as_str())],
        "",
    );
    assert_code(&out, 0, &["db", "status"]);
    let env = crate::parse_json(&stdout(&out), &["db", "status"]);
    assert_eq!(env["source"], "ALWRITY_ROOT_DIR");
    assert_eq!(env["workspace"]["folders"], 13);
    assert_eq!(env["workspace"]["unreadable_files"], 1, "the corrupt file");
}
