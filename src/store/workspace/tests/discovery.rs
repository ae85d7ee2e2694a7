//! Candidates, root detection, the folder listing and routing, over small real trees.

use std::path::Path;

use super::Tree;
use crate::store::workspace::candidates::{probe_db, DbLayout, DbState, EntryKind, Probe};
use crate::store::workspace::layout::{LayoutError, RootKind, WorkspaceRoot};
use crate::store::workspace::{route, ProbeMode, WorkspaceFolder};

fn layouts(lookup: &crate::store::workspace::DbLookup) -> Vec<DbLayout> {
    lookup.shadowed().map(|c| c.layout).collect()
}

#[test]
fn candidate_paths_in_alwrity_order() {
    let rel: Vec<_> = DbLayout::ORDER
        .iter()
        .map(|l| l.relative_path("u1").display().to_string())
        .collect();
    assert_eq!(
        rel,
        [
            "db/alwrity_u1.db",
            "db/alwrity.db",
            "database/alwrity_u1.db",
            "database/alwrity.db"
        ]
    );
    let names: Vec<_> = DbLayout::ORDER.iter().map(|l| l.as_str()).collect();
    assert_eq!(
        names,
        [
            "canonical",
            "legacy_name",
            "legacy_folder",
            "legacy_folder_legacy_name"
        ]
    );
}

#[test]
fn each_layout_alone_is_found() {
    for layout in DbLayout::ORDER {
        let t = Tree::new();
        let rel = layout.relative_path("u1");
        t.file(&format!("w/{}", rel.display()));
        let lookup = probe_db(&t.path("w"), "u1", ProbeMode::All);
        let used = lookup.used().expect("found");
        assert_eq!(used.layout, layout);
        assert_eq!(used.probe, Probe::Present(EntryKind::File));
        assert!(layouts(&lookup).is_empty(), "{layout:?}");
    }
}

#[test]
fn earlier_candidates_shadow_later_ones() {
    let t = Tree::new();
    for layout in DbLayout::ORDER {
        t.file(&format!("w/{}", layout.relative_path("u1").display()));
    }
    let lookup = probe_db(&t.path("w"), "u1", ProbeMode::All);
    assert_eq!(lookup.used().unwrap().layout, DbLayout::Canonical);
    assert_eq!(layouts(&lookup), &DbLayout::ORDER[1..]);

    // Without the canonical file, the legacy name wins and shadows the legacy folder's two.
    std::fs::remove_file(t.path("w/db/alwrity_u1.db")).unwrap();
    let lookup = probe_db(&t.path("w"), "u1", ProbeMode::All);
    assert_eq!(lookup.used().unwrap().layout, DbLayout::LegacyName);
    assert_eq!(layouts(&lookup), &DbLayout::ORDER[2..]);
}

#[test]
fn first_match_stops_at_the_first_existing_file() {
    let t = Tree::new();
    t.file("w/db/alwrity_u1.db");
    t.file("w/database/alwrity.db");
    let lookup = probe_db(&t.path("w"), "u1", ProbeMode::FirstMatch);
    assert_eq!(lookup.candidates.len(), 1);
    assert_eq!(layouts(&lookup), []);
    let empty = probe_db(&t.path("none"), "u1", ProbeMode::FirstMatch);
    assert_eq!(empty.candidates.len(), 4);
    assert_eq!(empty.state(), DbState::Missing);
}

#[test]
fn what_python_exists_calls_absent_is_absent() {
    let t = Tree::new();
    // `db` is a file (ENOTDIR below it); `database/alwrity_u1.db` a dangling symlink.
    t.file("w/db");
    #[cfg(unix)]
    t.symlink("nowhere.db", "w/database/alwrity_u1.db");
    #[cfg(unix)]
    t.symlink("alwrity.db", "w/database/alwrity.db");
    let lookup = probe_db(&t.path("w"), "u1", ProbeMode::All);
    // The last is a symlink to itself: a loop, which `exists()` also reads as absent.
    assert!(lookup.candidates.iter().all(|c| c.probe == Probe::Absent));
    assert_eq!(lookup.state(), DbState::Missing);
}

#[test]
fn a_directory_at_a_candidate_is_picked_as_alwrity_picks_it() {
    let t = Tree::new();
    t.dir("w/db/alwrity_u1.db");
    t.file("w/db/alwrity.db");
    let lookup = probe_db(&t.path("w"), "u1", ProbeMode::All);
    let used = lookup.used().unwrap();
    assert_eq!(used.probe, Probe::Present(EntryKind::Directory));
    assert_eq!(layouts(&lookup), [DbLayout::LegacyName]);
}

#[test]
fn a_failed_look_before_any_file_leaves_the_file_unknown() {
    // A 245-byte suffix fits in a folder name (255 bytes) but makes `alwrity_<x>.db` one
    // byte too long: the look fails (ENAMETOOLONG), where Python's `exists()` raises.
    let sid = "x".repeat(245);
    let t = Tree::new();
    t.file(&format!("workspace_{sid}/db/alwrity.db"));
    t.dir(&format!("workspace_{sid}/database"));
    let folder = t.path(&format!("workspace_{sid}"));
    let lookup = probe_db(&folder, &sid, ProbeMode::All);
    let DbState::Unknown(c) = lookup.state() else {
        panic!("expected an unknown state: {lookup:?}")
    };
    assert_eq!(c.layout, DbLayout::Canonical);
    assert_eq!(
        lookup.failures().count(),
        2,
        "both named candidates fail where their folder exists"
    );
    assert!(lookup.used().is_none());
    assert_eq!(
        layouts(&lookup),
        [],
        "nothing is shadowed by an unknown file"
    );
}

#[test]
fn root_detection() {
    let t = Tree::new();
    t.dir("alwrity/workspace/workspace_u1");
    let root = WorkspaceRoot::detect(&t.path("alwrity")).unwrap();
    assert_eq!(root.kind(), RootKind::AlwrityRoot);
    assert_eq!(root.dir(), t.path("alwrity/workspace"));
    let ws = WorkspaceRoot::detect(&t.path("alwrity/workspace")).unwrap();
    assert_eq!(ws.kind(), RootKind::WorkspaceDir);
    assert_eq!(ws.dir(), t.path("alwrity/workspace"));

    // An ALwrity root itself called `workspace` (common in containers) is still a root.
    t.dir("workspace/workspace/workspace_u1");
    let root = WorkspaceRoot::detect(&t.path("workspace")).unwrap();
    assert_eq!(root.kind(), RootKind::AlwrityRoot);

    t.file("plain.txt");
    for bad in ["plain.txt", "missing"] {
        let err = WorkspaceRoot::detect(&t.path(bad)).unwrap_err();
        assert_eq!(err, LayoutError::NotADirectory(t.path(bad)));
    }
    let explicit = WorkspaceRoot::alwrity_root(&t.path("fresh"));
    assert_eq!(explicit.dir(), t.path("fresh/workspace"));
}

#[test]
fn new_user_paths_and_empty_ids() {
    let root = WorkspaceRoot::workspace_dir(Path::new("/ws"));
    assert_eq!(
        root.new_user_db_path("user_2x.y@z").unwrap(),
        Path::new("/ws/workspace_user_2xyz/db/alwrity_user_2xyz.db")
    );
    assert_eq!(
        root.new_user_db_path("@."),
        Err(LayoutError::EmptySanitizedId("@.".into()))
    );
    assert_eq!(root.folder_for(""), Path::new("/ws/workspace_"));
}

fn names(root: &WorkspaceRoot) -> Vec<(String, bool)> {
    root.folders()
        .unwrap()
        .map(|f| f.unwrap())
        .map(|f| (f.suffix, f.via_symlink))
        .collect()
}

#[test]
fn listing_is_sorted_bytewise_and_keeps_only_directories() {
    let t = Tree::new();
    for name in [
        "workspace_b",
        "workspace_B",
        "workspace_é",
        "workspace_10",
        "workspace_9",
    ] {
        t.dir(name);
    }
    t.dir("workspace_");
    t.dir("workspace");
    t.dir("other_x");
    t.file("workspace_file");
    t.dir("elsewhere/real");
    t.file("elsewhere/a_file");
    #[cfg(unix)]
    {
        t.symlink("elsewhere/real", "workspace_link");
        t.symlink("elsewhere/a_file", "workspace_linkfile");
        t.symlink("elsewhere/gone", "workspace_dangling");
    }
    let root = WorkspaceRoot::workspace_dir(t.root());
    let mut want = vec![("10", false), ("9", false), ("B", false), ("b", false)];
    if cfg!(unix) {
        want.push(("link", true));
    }
    want.push(("é", false));
    let want: Vec<_> = want.into_iter().map(|(n, l)| (n.to_owned(), l)).collect();
    assert_eq!(names(&root), want);
}

#[test]
fn folders_are_looked_at_only_when_reached() {
    let t = Tree::new();
    t.dir("workspace_a");
    t.dir("workspace_b");
    t.dir("workspace_c");
    let root = WorkspaceRoot::workspace_dir(t.root());
    let mut folders = root.folders().unwrap();
    let a = folders.next().unwrap().unwrap();
    assert_eq!(a.lookup.state(), DbState::Missing);
    // Changes after the listing started show for folders not reached yet.
    t.file("workspace_b/database/alwrity_b.db");
    std::fs::remove_dir(t.path("workspace_c")).unwrap();
    let b: WorkspaceFolder = folders.next().unwrap().unwrap();
    assert_eq!(b.lookup.used().unwrap().layout, DbLayout::LegacyFolder);
    assert!(
        folders.next().is_none(),
        "a folder removed meanwhile is skipped"
    );
}

#[cfg(unix)]
#[test]
fn a_name_that_is_not_utf8_is_an_error_item() {
    use std::os::unix::ffi::OsStrExt;
    let t = Tree::new();
    let name = std::ffi::OsStr::from_bytes(b"workspace_\xff");
    std::fs::create_dir(t.root().join(name)).unwrap();
    t.dir("workspace_ok");
    let root = WorkspaceRoot::workspace_dir(t.root());
    let items: Vec<_> = root.folders().unwrap().collect();
    assert_eq!(items.len(), 2);
    assert!(items[0].as_ref().is_ok_and(|f| f.suffix == "ok"));
    assert!(items[1].as_ref().unwrap_err().reason.contains("UTF-8"));
}

#[test]
fn unsanitized_folder_names_are_flagged() {
    let t = Tree::new();
    t.dir("workspace_a.b");
    t.dir("workspace_ab");
    let root = WorkspaceRoot::workspace_dir(t.root());
    let got: Vec<_> = root
        .folders()
        .unwrap()
        .map(|f| f.unwrap().alwrity_reads_instead())
        .collect();
    assert_eq!(got, [Some("workspace_ab".to_owned()), None]);
}

#[test]
fn routing_sanitises_and_stops_early() {
    let t = Tree::new();
    t.file("workspace_user_2xyz/db/alwrity_user_2xyz.db");
    t.file("workspace_user_2xyz/database/alwrity.db");
    t.file("workspace_old/database/alwrity.db");
    let root = WorkspaceRoot::workspace_dir(t.root());

    let r = route(&root, "user_2x.y@z").unwrap();
    assert_eq!(r.sid, "user_2xyz");
    assert!(r.folder_exists);
    assert_eq!(r.lookup.candidates.len(), 1, "one stat past the folder");
    assert_eq!(r.lookup.used().unwrap().layout, DbLayout::Canonical);

    let old = route(&root, "old").unwrap();
    assert_eq!(
        old.lookup.used().unwrap().layout,
        DbLayout::LegacyFolderLegacyName
    );

    let none = route(&root, "nobody").unwrap();
    assert!(!none.folder_exists);
    assert!(none.lookup.candidates.is_empty());
    assert_eq!(none.lookup.state(), DbState::Missing);

    let empty = route(&root, "@@").unwrap();
    assert_eq!(empty.folder, t.path("workspace_"));
}
