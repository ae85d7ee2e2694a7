//! What a user's `workspace_<sid>/` folder holds besides the database, seen from the
//! database file: the folder itself, the files in it (what `session delete` leaves), and
//! the `agent_context/` documents ALwrity's agents read before the database. Read-only.

use std::fs;
use std::path::{Path, PathBuf};

use super::layout::FOLDER_PREFIX;
use crate::domain::alwrity::ContextFile;
use crate::domain::limits;

/// At most this many files are listed (a folder with media can hold many more).
pub const MAX_LISTED: usize = 10_000;

/// The `workspace_<sid>/` folder `file` lives in: `…/workspace_<sid>/db/x.db`,
/// `…/workspace_<sid>/database/x.db` or `…/workspace_<sid>/x.db`.
pub fn folder_of(file: &Path) -> Option<PathBuf> {
    file.ancestors().skip(1).take(2).find_map(|d| {
        let name = d.file_name()?.to_str()?;
        (name.len() > FOLDER_PREFIX.len() && name.starts_with(FOLDER_PREFIX)).then(|| d.into())
    })
}

/// Every regular file under `folder` except the database `db` and its journal, WAL and
/// shared-memory files, as paths relative to `folder`, sorted; symlinks are listed, not
/// followed. At most [`MAX_LISTED`]; the second value says whether there were more.
pub fn files_beside(folder: &Path, db: &Path) -> (Vec<PathBuf>, bool) {
    let own: Vec<PathBuf> = ["", "-journal", "-wal", "-shm"]
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .collect();
    let mut out = Vec::new();
    let mut more = false;
    let mut pending = vec![folder.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let Ok(entries) = fs::read_dir(&dir) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(kind) = entry.file_type() else {
                continue;
            };
            if kind.is_dir() {
                pending.push(path);
            } else if !own.contains(&path) {
                if out.len() == MAX_LISTED {
                    more = true;
                    continue;
                }
                out.push(path.strip_prefix(folder).unwrap_or(&path).to_path_buf());
            }
        }
    }
    out.sort();
    (out, more)
}

/// The `agent_context/` documents of steps 2-5 ALwrity keeps in `folder`, as files
/// ([`ContextFile`]); a document that is missing, unreadable, larger than a document may be,
/// not JSON or of another user is not listed (ALwrity's agents skip it and read the
/// database).
pub fn context_files(folder: &Path, user: &str) -> Vec<ContextFile> {
    let dir = folder.join("agent_context");
    let mut out = Vec::new();
    for (step, name) in crate::domain::alwrity::CONTEXT_DOCUMENTS {
        let path = dir.join(name);
        let Some(doc) = read_small_json(&path) else {
            continue;
        };
        if doc.get("user_id").and_then(|v| v.as_str()) != Some(user) {
            continue;
        }
        let written = doc.get("updated_at").and_then(|v| v.as_str());
        out.push(ContextFile {
            step,
            path,
            written_at: written.and_then(crate::domain::alwrity::parse_naive_utc),
        });
    }
    out
}

fn read_small_json(path: &Path) -> Option<serde_json::Value> {
    let meta = fs::metadata(path).ok()?;
    if !meta.is_file() || meta.len() > limits::MAX_DOCUMENT_BYTES as u64 {
        return None;
    }
    serde_json::from_slice(&fs::read(path).ok()?).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_folder_is_found_from_each_layout() {
        for file in [
            "/w/workspace/workspace_u1/db/alwrity_u1.db",
            "/w/workspace/workspace_u1/database/alwrity.db",
            "/w/workspace/workspace_u1/alwrity.db",
        ] {
            assert_eq!(
                folder_of(Path::new(file)),
                Some(PathBuf::from("/w/workspace/workspace_u1")),
                "{file}"
            );
        }
        assert_eq!(folder_of(Path::new("/w/workspace_/db/x.db")), None);
        assert_eq!(folder_of(Path::new("/srv/alwrity.db")), None);
    }

    #[test]
    fn files_beside_skip_the_database_and_its_side_files() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("workspace_u1");
        fs::create_dir_all(folder.join("db")).unwrap();
        fs::create_dir_all(folder.join("agent_context")).unwrap();
        let db = folder.join("db/alwrity_u1.db");
        for f in [&db, &folder.join("db/alwrity_u1.db-journal")] {
            fs::write(f, b"x").unwrap();
        }
        fs::write(
            folder.join("agent_context/step2_website_analysis.json"),
            b"{}",
        )
        .unwrap();
        fs::write(folder.join("README.md"), b"map").unwrap();
        let (files, more) = files_beside(&folder, &db);
        assert!(!more);
        assert_eq!(
            files,
            [
                PathBuf::from("README.md"),
                PathBuf::from("agent_context/step2_website_analysis.json")
            ]
        );
    }

    #[test]
    fn context_files_of_another_user_or_not_json_are_skipped() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = dir.path().join("agent_context");
        fs::create_dir_all(&ctx).unwrap();
        let doc = |user: &str| {
            format!(r#"{{"user_id":"{user}","updated_at":"2026-12-01T10:00:00.250000"}}"#)
        };
        fs::write(ctx.join("step2_website_analysis.json"), doc("u1")).unwrap();
        fs::write(ctx.join("step3_research_preferences.json"), doc("u2")).unwrap();
        fs::write(ctx.join("step4_persona_data.json"), b"not json").unwrap();
        let files = context_files(dir.path(), "u1");
        assert_eq!(files.len(), 1);
        assert_eq!(files[0].step, 2);
        let t = files[0].written_at.expect("parsed");
        assert_eq!((t.hour(), t.millisecond()), (10, 250));
    }
}
