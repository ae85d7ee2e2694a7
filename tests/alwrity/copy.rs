//! `db copy` between an ALwrity HEAD workspace and onboardctl's own databases, both ways:
//! every user of the story in a file of their own (each folder's file a copy of the story
//! file, so it also holds the other users' rows, which route elsewhere and are never read
//! there), copied into PostgreSQL and SQLite and back into fresh workspaces. `export` must
//! stay identical all the way (competitor analyses and page audits included), each user must
//! land in HEAD's layout, and the copy names what it leaves behind.

use std::path::{Path, PathBuf};

use crate::head::{users as story, AlwrityFile};
use crate::Cli;

/// A workspace under a temporary root: one folder per story user, each holding a copy of
/// the story file at `workspace_<sid>/db/alwrity_<sid>.db`.
struct Workspace {
    _dir: tempfile::TempDir,
    root: PathBuf,
}

impl Workspace {
    fn of_story() -> Workspace {
        let file = AlwrityFile::head();
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_owned();
        for user in story::ALL {
            // The story's ids are all ALwrity-safe: the folder suffix is the id.
            let db = root.join(format!("workspace/workspace_{user}/db"));
            std::fs::create_dir_all(&db).expect("mkdir");
            std::fs::copy(&file.path, db.join(format!("alwrity_{user}.db"))).expect("copy");
        }
        Workspace { _dir: dir, root }
    }

    fn empty() -> Workspace {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_owned();
        std::fs::create_dir(root.join("workspace")).expect("mkdir");
        Workspace { _dir: dir, root }
    }

    fn url(&self) -> String {
        format!("workspace:{}", self.root.display())
    }
}

fn export(url: &str) -> String {
    Cli::new(url).ok(&["export", "--include-secrets"])
}

/// Every file of a workspace, relative to its `workspace/` folder.
fn files(root: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![root.join("workspace")];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("read dir") {
            let path = entry.expect("entry").path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let rel = path.strip_prefix(root.join("workspace")).unwrap();
                out.push(rel.display().to_string());
            }
        }
    }
    out.sort();
    out
}

/// `db copy` from `from` into `to` (migrated first unless it is a workspace); returns stderr.
fn copy(from: &str, to: &str) -> String {
    if !to.starts_with("workspace:") {
        Cli::new(to).ok(&["db", "migrate", "--yes"]);
    }
    let cli = Cli::new(from);
    let out = cli.run(&["db", "copy", "--to", to]);
    crate::assert_ok(&out, &["db", "copy", "--to", to]);
    crate::stderr(&out)
}

fn round_trip_through(middle: &str) {
    let source = Workspace::of_story();
    let before = export(&source.url());
    assert_eq!(before.lines().count(), story::ALL.len(), "{before}");
    assert!(
        before.contains("\"competitor_analyses\":[") && before.contains("\"seo_page_audits\":["),
        "the story's lists are exported: {before}"
    );
    let left = copy(&source.url(), middle);
    assert!(
        left.contains("left behind") && left.contains("onboarding_data_integrations"),
        "the copy names the tables it does not carry: {left}"
    );
    assert_eq!(
        export(middle),
        before,
        "{middle} holds what the workspace held"
    );

    let target = Workspace::empty();
    copy(middle, &target.url());
    assert_eq!(
        export(&target.url()),
        before,
        "and so does the new workspace"
    );
    let mut expected: Vec<String> = story::ALL
        .iter()
        .map(|u| format!("workspace_{u}/db/alwrity_{u}.db"))
        .collect();
    expected.push(".onboardctl-copy-progress.json".into());
    expected.sort();
    assert_eq!(
        files(&target.root),
        expected,
        "one file per user, in HEAD's layout"
    );
}

#[test]
fn workspace_to_postgres_and_back_keeps_export_identical() {
    let Some(pg) = crate::backends::PgSchema::create() else {
        return;
    };
    round_trip_through(&pg.url());
}

#[test]
fn workspace_to_sqlite_and_back_keeps_export_identical() {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite:{}", dir.path().join("native.db").display());
    round_trip_through(&url);
}

/// A copy into a workspace adds users beside the ones it has (`--merge`) without touching
/// their files, and one into an existing but empty folder tree works without `--merge`.
#[test]
fn copy_into_a_workspace_leaves_other_users_files_alone() {
    let source = Workspace::of_story();
    let dir = tempfile::tempdir().expect("temp dir");
    let native = format!("sqlite:{}", dir.path().join("one.db").display());
    let cli = Cli::new(&native);
    cli.ok(&["db", "migrate", "--yes"]);
    cli.ok(&["session", "create", "newcomer@example.org"]);
    let before = crate::files::DirSnapshot::of(&source.root);
    let out = cli.run(&["db", "copy", "--to", &source.url()]);
    assert_eq!(
        out.status.code(),
        Some(4),
        "a workspace with users needs --merge"
    );
    assert_eq!(
        crate::files::DirSnapshot::of(&source.root),
        before,
        "refused: nothing written"
    );
    cli.ok(&["db", "copy", "--to", &source.url(), "--merge", "--yes"]);
    let after = files(&source.root);
    assert!(
        after.contains(&"workspace_newcomerexampleorg/db/alwrity_newcomerexampleorg.db".to_owned())
    );
    let listed = Cli::new(&source.url()).json(&["session", "list", "--limit", "100"]);
    assert_eq!(
        listed.as_array().map(Vec::len),
        Some(story::ALL.len() + 1),
        "{listed}"
    );
    let shown = Cli::new(&source.url()).json(&["session", "show", "newcomer@example.org"]);
    assert!(
        shown.to_string().contains("newcomer@example.org"),
        "{shown}"
    );
}

/// A target root that does not exist yet is created as an ALwrity root (with `workspace/`).
#[test]
fn copy_to_a_new_workspace_root_creates_it() {
    let source = Workspace::of_story();
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("new-root");
    let url = format!("workspace:{}", root.display());
    copy(&source.url(), &url);
    assert!(root.join("workspace").is_dir());
    assert_eq!(export(&url), export(&source.url()));
}
