//! The workspace building blocks against the outside world: sanitisation against ids Python
//! sanitised (`tests/data/sanitize_reference.jsonl`), and discovery and routing over a real
//! temporary workspace tree, which must be byte for byte the same afterwards.

use std::path::Path;
use std::process::Command;

use onboardctl::store::workspace::sanitize_user_id;

const REFERENCE: &str = include_str!("data/sanitize_reference.jsonl");

#[derive(serde::Deserialize)]
struct Case {
    note: String,
    id: String,
    sanitized: String,
}

fn reference() -> Vec<Case> {
    REFERENCE
        .lines()
        .map(|line| serde_json::from_str(line).expect("a reference line is a JSON object"))
        .collect()
}

#[test]
fn sanitisation_matches_python() {
    let cases = reference();
    assert!(cases.len() > 100, "the reference list is incomplete");
    let mut wrong = Vec::new();
    for case in &cases {
        let ours = sanitize_user_id(&case.id);
        if ours != case.sanitized {
            let extra: String = ours
                .chars()
                .filter(|c| !case.sanitized.contains(*c))
                .collect();
            let missing: String = case
                .sanitized
                .chars()
                .filter(|c| !ours.contains(*c))
                .collect();
            wrong.push(format!(
                "{}: kept too many {:?}, dropped wrongly {:?}",
                case.note,
                extra.escape_unicode().to_string(),
                missing.escape_unicode().to_string()
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "differs from Python 3.11:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn reference_holds_the_required_cases() {
    let cases = reference();
    let find = |id: &str| {
        cases
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.sanitized.as_str())
    };
    assert_eq!(find("user_2x.y@z"), Some("user_2xyz"));
    assert_eq!(find("user_2xyz"), Some("user_2xyz"));
    // A case where Rust's own notion differs, so the table is what is under test.
    let differs = cases.iter().filter(|c| {
        let rust: String =
            c.id.chars()
                .filter(|&ch| ch.is_alphanumeric() || ch == '-' || ch == '_')
                .collect();
        rust != c.sanitized
    });
    assert!(differs.count() >= 10, "too few cases tell Python from Rust");
}

/// The generated files are what the generator makes now. Needs Python 3.11 (ALwrity's);
/// skipped with a notice without it.
#[test]
fn generated_files_are_current() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let script = root.join("scripts/gen_isalnum_table.py");
    let python = ["python3.11", "python3"].into_iter().find(|py| {
        Command::new(py)
            .args([
                "-c",
                "import sys; sys.exit(sys.version_info[:2] != (3, 11))",
            ])
            .status()
            .is_ok_and(|s| s.success())
    });
    let Some(python) = python else {
        eprintln!("skipped: no Python 3.11 to regenerate the isalnum table with");
        return;
    };
    let out = Command::new(python)
        .arg(&script)
        .arg("--check")
        .output()
        .expect("the generator runs");
    assert!(
        out.status.success(),
        "stale generated files: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The temporary tree (symlinks need Unix).
#[cfg(unix)]
mod tree {
    use std::path::Path;

    use onboardctl::store::workspace::{
        build_status, resolve, route, DbLayout, FileFacts, Resolution, RootKind, WorkspaceRoot,
    };

    /// Everything observable about a tree short of access times: per entry (symlinks not
    /// followed) its relative path, type, mode, modification time, and a file's SHA-256 or a
    /// symlink's target. Directory entry names are the keys, so a new, removed or renamed
    /// entry shows as well as a changed byte.
    fn snapshot(root: &Path) -> std::collections::BTreeMap<Vec<u8>, String> {
        use sha2::{Digest, Sha256};
        use std::os::unix::ffi::OsStrExt;
        use std::os::unix::fs::MetadataExt;

        let mut out = std::collections::BTreeMap::new();
        let mut stack = vec![root.to_owned()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap() {
                let path = entry.unwrap().path();
                let meta = std::fs::symlink_metadata(&path).unwrap();
                let kind = if meta.file_type().is_symlink() {
                    format!("link {}", std::fs::read_link(&path).unwrap().display())
                } else if meta.is_dir() {
                    stack.push(path.clone());
                    "dir".to_owned()
                } else {
                    let bytes = std::fs::read(&path).unwrap();
                    format!("file {:x}", Sha256::digest(&bytes))
                };
                let key = path
                    .strip_prefix(root)
                    .unwrap()
                    .as_os_str()
                    .as_bytes()
                    .to_vec();
                let stamp = (meta.mode(), meta.mtime(), meta.mtime_nsec(), meta.ino());
                out.insert(key, format!("{kind} {stamp:?}"));
            }
        }
        out
    }

    /// Lays out an ALwrity root with every layout HEAD resolves: returns the temp dir and the
    /// root. Database files hold `user_id<TAB>updated_at` lines standing in for session rows.
    fn alwrity_tree() -> (tempfile::TempDir, std::path::PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let root = tmp.path().join("alwrity");
        let file = |rel: &str, body: &str| {
            let path = root.join(rel);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, body).unwrap();
        };
        let dir = |rel: &str| std::fs::create_dir_all(root.join(rel)).unwrap();
        dir("backend");
        file(
            "workspace/workspace_canon/db/alwrity_canon.db",
            "canon\t2026-01-01\n",
        );
        dir("workspace/workspace_canon/database");
        file(
            "workspace/workspace_lname/db/alwrity.db",
            "lname\t2026-01-01\n",
        );
        file(
            "workspace/workspace_lfolder/database/alwrity_lfolder.db",
            "lfolder\t\n",
        );
        file(
            "workspace/workspace_lboth/database/alwrity.db",
            "lboth\t2025-12-01\n",
        );
        for rel in [
            "db/alwrity_shadow.db",
            "db/alwrity.db",
            "database/alwrity_shadow.db",
        ] {
            file(
                &format!("workspace/workspace_shadow/{rel}"),
                "shadow\t2026-01-01\n",
            );
        }
        file(
            "workspace/workspace_shadow/database/alwrity.db",
            "shadow\t2020-01-01\n",
        );
        file("workspace/workspace_nofile/config/user_config.json", "{}");
        dir("workspace/workspace_nodb");
        file(
            "workspace/workspace_user_2xyz/db/alwrity_user_2xyz.db",
            "user_2xyz\t2026-01-01 10:00:00\nuser_2x.y@z\t2026-02-01 09:00:00\n",
        );
        file("workspace/workspace_notadir", "not a folder");
        dir("workspace/workspace_");
        file("workspace/notes.txt", "x");
        file("elsewhere/linked/db/alwrity_link.db", "link\t2026-01-01\n");
        std::os::unix::fs::symlink("../elsewhere/linked", root.join("workspace/workspace_link"))
            .unwrap();
        std::os::unix::fs::symlink(
            "../elsewhere/gone",
            root.join("workspace/workspace_dangling"),
        )
        .unwrap();
        (tmp, root)
    }

    /// What the stand-in "database" holds: its (user_id, updated_at) rows, read-only.
    fn rows_of(path: &Path) -> Vec<(String, Option<String>)> {
        std::fs::read_to_string(path)
            .unwrap()
            .lines()
            .map(|line| {
                let (user, at) = line.split_once('\t').unwrap();
                (user.to_owned(), (!at.is_empty()).then(|| at.to_owned()))
            })
            .collect()
    }

    #[test]
    fn discovery_and_routing_leave_the_tree_untouched() {
        let (tmp, root) = alwrity_tree();
        let before = snapshot(tmp.path());

        let ws = WorkspaceRoot::detect(&root).unwrap();
        assert_eq!(ws.kind(), RootKind::AlwrityRoot);
        let found: Vec<_> = ws.folders().unwrap().map(|f| f.unwrap()).collect();
        let summary: Vec<_> = found
            .iter()
            .map(|f| {
                let layout = f.lookup.used().map(|c| c.layout);
                (
                    f.suffix.as_str(),
                    layout,
                    f.lookup.shadowed().count(),
                    f.via_symlink,
                )
            })
            .collect();
        use DbLayout::*;
        assert_eq!(
            summary,
            [
                ("canon", Some(Canonical), 0, false),
                ("lboth", Some(LegacyFolderLegacyName), 0, false),
                ("lfolder", Some(LegacyFolder), 0, false),
                ("link", Some(Canonical), 0, true),
                ("lname", Some(LegacyName), 0, false),
                ("nodb", None, 0, false),
                ("nofile", None, 0, false),
                ("shadow", Some(Canonical), 3, false),
                ("user_2xyz", Some(Canonical), 0, false),
            ]
        );

        // Routing: by sanitised id, then resolving inside the file.
        let r = route(&ws, "user_2x.y@z").unwrap();
        let used = r.lookup.used().unwrap();
        assert_eq!(
            used.path,
            root.join("workspace/workspace_user_2xyz/db/alwrity_user_2xyz.db")
        );
        let stored: Vec<String> = rows_of(&used.path).into_iter().map(|r| r.0).collect();
        assert_eq!(
            resolve("user_2xyz", &stored),
            Resolution::Exact("user_2xyz".into())
        );
        assert_eq!(
            resolve("user_2x@y.z", &stored),
            Resolution::Ambiguous(vec!["user_2xyz".into(), "user_2x.y@z".into()])
        );
        let legacy = route(&ws, "lfolder").unwrap();
        assert_eq!(legacy.lookup.used().unwrap().layout, LegacyFolder);
        let new = route(&ws, "new.user").unwrap();
        assert!(!new.folder_exists && new.lookup.used().is_none());
        let planned = ws.new_user_db_path("new.user").unwrap();
        assert_eq!(
            planned,
            root.join("workspace/workspace_newuser/db/alwrity_newuser.db")
        );
        assert!(!planned.exists());

        // The report, read through a caller that only reads.
        let status = build_status(&ws, ws.folders().unwrap(), |_, file| {
            FileFacts::Sessions(rows_of(&file.path))
        });
        assert_eq!(status.folders, 9);
        assert_eq!(status.folders_without_file, 2);
        assert_eq!(status.shadowed_files, 3);
        assert_eq!(status.symlinked_folders, 1);
        assert_eq!(status.multi_user_files, 1);
        assert_eq!(status.colliding_id_files, 1);
        assert_eq!(status.unreadable_files, 0);
        let canon = status
            .details
            .iter()
            .find(|d| d.suffix == "user_2xyz")
            .unwrap();
        assert_eq!(canon.sessions.as_ref().unwrap().canonical.id, "user_2x.y@z");

        let after = snapshot(tmp.path());
        let new_entries: Vec<_> = after
            .keys()
            .filter(|k| !before.contains_key(*k))
            .map(|k| String::from_utf8_lossy(k))
            .collect();
        assert!(new_entries.is_empty(), "new entries: {new_entries:?}");
        assert_eq!(before, after, "the tree changed");
    }
}
