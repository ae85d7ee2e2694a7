//! The status report folded from a real listing and facts a fake reader supplies.

use super::Tree;
use crate::store::workspace::report::{build_status, FileFacts, WorkspaceStatus};
use crate::store::workspace::{DbLayout, WorkspaceRoot};

fn rows(list: &[(&str, &str)]) -> FileFacts {
    FileFacts::Sessions(
        list.iter()
            .map(|(u, t)| ((*u).to_owned(), Some((*t).to_owned())))
            .collect(),
    )
}

/// A tree with one of everything, and the report over it. The reader answers by folder.
fn status() -> (Tree, WorkspaceStatus, Vec<String>) {
    let t = Tree::new();
    t.file("workspace/workspace_canon/db/alwrity_canon.db");
    t.file("workspace/workspace_legacy/db/alwrity.db");
    t.file("workspace/workspace_legacy/database/alwrity_legacy.db");
    t.file("workspace/workspace_multi/database/alwrity_multi.db");
    t.file("workspace/workspace_old/database/alwrity.db");
    t.file("workspace/workspace_broken/db/alwrity_broken.db");
    t.dir("workspace/workspace_dir/db/alwrity_dir.db");
    t.dir("workspace/workspace_empty/db");
    t.dir("workspace/workspace_a.b");
    let root = WorkspaceRoot::detect(t.root()).unwrap();
    let mut read = Vec::new();
    let status = build_status(&root, root.folders().unwrap(), |folder, file| {
        read.push(
            file.path
                .strip_prefix(t.root())
                .unwrap()
                .display()
                .to_string(),
        );
        match folder.suffix.as_str() {
            "broken" => FileFacts::Unreadable("file is not a database".into()),
            "multi" => rows(&[("multi", "2026-01-01"), ("mu.lti", "2026-02-01"), ("x", "")]),
            s => rows(&[(s, "2026-01-01")]),
        }
    });
    (t, status, read)
}

#[test]
fn counts() {
    let (_t, s, _) = status();
    assert_eq!(s.folders, 8);
    assert_eq!(
        s.files_by_layout.canonical, 3,
        "canon, broken, and the directory"
    );
    assert_eq!(s.files_by_layout.legacy_name, 1);
    assert_eq!(s.files_by_layout.legacy_folder, 1);
    assert_eq!(s.files_by_layout.legacy_folder_legacy_name, 1);
    assert_eq!(s.folders_without_file, 2, "empty and a.b");
    assert_eq!(s.shadowed_files, 1);
    assert_eq!(s.multi_user_files, 1);
    assert_eq!(s.colliding_id_files, 1);
    assert_eq!(s.unsanitized_folder_names, 1);
    assert_eq!(s.unreadable_files, 2);
    let reasons: Vec<_> = s.unreadable.iter().map(|u| u.reason.as_str()).collect();
    assert_eq!(
        reasons,
        [
            "file is not a database",
            "is a directory; ALwrity picks it anyway"
        ]
    );
}

#[test]
fn only_regular_files_are_read() {
    let (_t, _, read) = status();
    assert_eq!(
        read,
        [
            "workspace/workspace_broken/db/alwrity_broken.db",
            "workspace/workspace_canon/db/alwrity_canon.db",
            "workspace/workspace_legacy/db/alwrity.db",
            "workspace/workspace_multi/database/alwrity_multi.db",
            "workspace/workspace_old/database/alwrity.db",
        ]
    );
}

#[test]
fn details_per_folder() {
    let (_t, s, _) = status();
    let legacy = s.details.iter().find(|d| d.suffix == "legacy").unwrap();
    assert_eq!(legacy.layout, Some(DbLayout::LegacyName));
    assert_eq!(legacy.shadowed.len(), 1);
    assert_eq!(legacy.shadowed[0].layout, DbLayout::LegacyFolder);
    let multi = s.details.iter().find(|d| d.suffix == "multi").unwrap();
    let facts = multi.sessions.as_ref().unwrap();
    assert_eq!(facts.canonical.id, "mu.lti");
    assert_eq!(facts.foreign, ["x"]);
    let ab = s.details.iter().find(|d| d.suffix == "a.b").unwrap();
    assert_eq!(ab.alwrity_reads_instead.as_deref(), Some("workspace_ab"));
    assert!(ab.file.is_none());
}

#[test]
fn json_is_snake_case() {
    let (_t, s, _) = status();
    let v = serde_json::to_value(&s).unwrap();
    for key in [
        "workspace",
        "root_kind",
        "folders",
        "files_by_layout",
        "folders_without_file",
        "shadowed_files",
        "multi_user_files",
        "colliding_id_files",
        "symlinked_folders",
        "unsanitized_folder_names",
        "unreadable_files",
        "unreadable",
        "folder_errors",
        "details",
    ] {
        assert!(v.get(key).is_some(), "missing `{key}`");
    }
    assert_eq!(v["root_kind"], "alwrity_root");
    assert_eq!(v["files_by_layout"]["legacy_folder_legacy_name"], 1);
    let details = v["details"].as_array().unwrap();
    let legacy = details.iter().find(|d| d["suffix"] == "legacy").unwrap();
    assert_eq!(legacy["layout"], "legacy_name");
    assert_eq!(legacy["shadowed"][0]["layout"], "legacy_folder");
}
