//! Unit tests of the workspace building blocks: `discovery` (candidates, root, listing,
//! routing to a path) over small temporary trees, `rules` (the pure functions over stored
//! ids and session rows), `status` (the report fold).

mod discovery;
mod rules;
mod status;

use std::fs;
use std::path::{Path, PathBuf};

/// A temporary directory with helpers to lay out a tree in it.
pub(super) struct Tree {
    dir: tempfile::TempDir,
}

impl Tree {
    pub(super) fn new() -> Tree {
        Tree {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub(super) fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    pub(super) fn root(&self) -> &Path {
        self.dir.path()
    }

    /// Creates `rel` as a file (and its parents) holding its own name.
    pub(super) fn file(&self, rel: &str) -> PathBuf {
        let path = self.path(rel);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, rel).unwrap();
        path
    }

    pub(super) fn dir(&self, rel: &str) -> PathBuf {
        let path = self.path(rel);
        fs::create_dir_all(&path).unwrap();
        path
    }

    #[cfg(unix)]
    pub(super) fn symlink(&self, target: &str, link: &str) {
        let link = self.path(link);
        fs::create_dir_all(link.parent().unwrap()).unwrap();
        std::os::unix::fs::symlink(target, link).unwrap();
    }
}
