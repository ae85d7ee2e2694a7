//! Work over every file of a workspace on a few threads, streamed: the folder listing is
//! shared by the workers (each takes the next folder when it is free), and each result goes
//! through a bounded channel to the calling thread, which folds it. So at most a handful of
//! files are open at once, memory does not grow with the number of files (beyond the sorted
//! folder names the listing keeps), and both cores are busy.

use std::path::PathBuf;
use std::sync::{mpsc, Mutex};

use super::candidates::{DbState, ProbeMode};
use super::layout::{FolderError, LayoutError, WorkspaceRoot};

/// How many threads open files at once: the machine's cores, at most 4 (the work is a short
/// read per file; more threads only contend for the disk).
fn threads() -> usize {
    std::thread::available_parallelism()
        .map(std::num::NonZeroUsize::get)
        .unwrap_or(1)
        .clamp(1, 4)
}

/// One folder's outcome, with its place in the listing (`seq`, 0-based), so a caller that
/// needs the listing's order can restore it.
#[derive(Debug)]
pub enum Visit<T> {
    /// The folder's file (the one ALwrity uses), and what `work` made of it.
    File {
        /// Place in the listing.
        seq: usize,
        /// `<x>` of `workspace_<x>`.
        suffix: String,
        /// The file.
        path: PathBuf,
        /// `work`'s result.
        value: T,
    },
    /// A folder without a file (ALwrity would create one on first use).
    NoFile {
        /// Place in the listing.
        seq: usize,
    },
    /// A folder or candidate that could not be looked at.
    Unreadable {
        /// Place in the listing.
        seq: usize,
        /// The path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
}

/// Runs `work(suffix, file)` for the file of every `workspace_<x>` folder of `root`, on up
/// to [`threads`] threads, and hands every [`Visit`] to `sink` on the calling thread, in no
/// particular order. Files are looked at read-only by the listing; what `work` does with
/// them is its business.
pub fn each_file<T, W, S>(root: &WorkspaceRoot, work: W, mut sink: S) -> Result<(), LayoutError>
where
    T: Send,
    W: Fn(&str, &std::path::Path) -> T + Sync,
    S: FnMut(Visit<T>),
{
    let folders = Mutex::new(root.folders_probing(ProbeMode::FirstMatch)?.enumerate());
    let workers = threads();
    let (tx, rx) = mpsc::sync_channel::<Visit<T>>(workers * 4);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            let tx = tx.clone();
            let (folders, work) = (&folders, &work);
            scope.spawn(move || loop {
                let next = folders.lock().map(|mut f| f.next());
                let Ok(Some((seq, item))) = next else {
                    return;
                };
                let visit = match item {
                    Err(FolderError { path, reason }) => Visit::Unreadable { seq, path, reason },
                    Ok(folder) => match folder.lookup.state() {
                        DbState::Found(used) => Visit::File {
                            seq,
                            value: work(&folder.suffix, &used.path),
                            path: used.path.clone(),
                            suffix: folder.suffix,
                        },
                        DbState::Missing => Visit::NoFile { seq },
                        DbState::Unknown(c) => Visit::Unreadable {
                            seq,
                            path: c.path.clone(),
                            reason: match &c.probe {
                                super::candidates::Probe::Failed(r) => r.clone(),
                                _ => "cannot be looked at".to_owned(),
                            },
                        },
                    },
                };
                if tx.send(visit).is_err() {
                    return;
                }
            });
        }
        drop(tx);
        for visit in rx {
            sink(visit);
        }
    });
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_folder_is_visited_once_whatever_the_threads() {
        let dir = tempfile::tempdir().unwrap();
        for i in 0..40 {
            let db = dir.path().join(format!("workspace_u{i:02}/db"));
            std::fs::create_dir_all(&db).unwrap();
            if i % 4 != 0 {
                std::fs::write(db.join(format!("alwrity_u{i:02}.db")), b"").unwrap();
            }
        }
        let root = WorkspaceRoot::workspace_dir(dir.path());
        let mut seen = Vec::new();
        let mut empty = 0;
        each_file(
            &root,
            |suffix, _| suffix.to_owned(),
            |v| match v {
                Visit::File { seq, value, .. } => seen.push((seq, value)),
                Visit::NoFile { .. } => empty += 1,
                Visit::Unreadable { path, .. } => panic!("{}", path.display()),
            },
        )
        .unwrap();
        seen.sort();
        assert_eq!(empty, 10);
        assert_eq!(seen.len(), 30);
        assert!(seen.iter().all(|(seq, s)| *s == format!("u{seq:02}")));
    }
}
