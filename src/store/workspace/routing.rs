//! From a user id to its folder, file and stored id, by ALwrity's rules, and the facts about
//! one file's sessions that a status report needs.
//!
//! - [`route`] computes the folder from the sanitised id (no scan of the workspace) and
//!   looks at the candidate files until the first that exists: a `stat` or two.
//! - [`resolve`] picks the stored id a query means inside one file: the exact id, else the
//!   one id whose sanitised form equals the query's (ALwrity's progress service falls back
//!   that way). Where several do, ALwrity takes whichever its query returns first; this
//!   reports them all instead of guessing.
//! - [`canonical_id`] is ALwrity's name for a folder's user: the `user_id` of the session
//!   row with the greatest `updated_at`, else the folder's suffix.
//!
//! All but [`route`] are pure functions over rows the caller read; no SQL here.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use serde::Serialize;

use super::candidates::{probe_db, DbLookup, ProbeMode};
use super::layout::{LayoutError, WorkspaceRoot};
use super::sanitize::sanitize_user_id;

/// Where a user id leads in a workspace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// The sanitised id (may be empty: the folder is then `workspace_`).
    pub sid: String,
    /// `workspace_<sid>`.
    pub folder: PathBuf,
    /// Whether the folder exists as a directory.
    pub folder_exists: bool,
    /// The candidates looked at, up to the first that exists ([`ProbeMode::FirstMatch`]);
    /// none when the folder does not exist.
    pub lookup: DbLookup,
}

/// Routes `user_id` to its folder and file: one `stat` of the folder, then one per candidate
/// until one exists. Creates nothing. An error only when the folder cannot be looked at.
pub fn route(root: &WorkspaceRoot, user_id: &str) -> Result<Route, LayoutError> {
    let sid = sanitize_user_id(user_id);
    let folder = root.folder_for(&sid);
    let folder_exists = match std::fs::metadata(&folder) {
        Ok(meta) => meta.is_dir(),
        Err(e) if super::candidates::is_absent(&e) => false,
        Err(e) => {
            return Err(LayoutError::Io {
                path: folder,
                reason: e.to_string(),
            })
        }
    };
    let lookup = if folder_exists {
        probe_db(&folder, &sid, ProbeMode::FirstMatch)
    } else {
        DbLookup {
            candidates: Vec::new(),
        }
    };
    Ok(Route {
        sid,
        folder,
        folder_exists,
        lookup,
    })
}

/// Which stored id a query names inside one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolution {
    /// The query is stored as is.
    Exact(String),
    /// Not stored as is; exactly one stored id sanitises like the query.
    Fallback(String),
    /// Several stored ids sanitise like the query (distinct, in order of first appearance).
    Ambiguous(Vec<String>),
    /// Nothing matches.
    None,
}

/// Resolves `query` against the ids stored in one file: exact match first, then ids whose
/// sanitised form equals the query's.
pub fn resolve(query: &str, stored: &[String]) -> Resolution {
    if stored.iter().any(|id| id == query) {
        return Resolution::Exact(query.to_owned());
    }
    let wanted = sanitize_user_id(query);
    let mut matches: Vec<String> = Vec::new();
    for id in stored {
        if !matches.contains(id) && sanitize_user_id(id) == wanted {
            matches.push(id.clone());
        }
    }
    match matches.len() {
        0 => Resolution::None,
        1 => Resolution::Fallback(matches.remove(0)),
        _ => Resolution::Ambiguous(matches),
    }
}

/// One session row as the caller read it: `user_id` and `updated_at` as stored text
/// (`None` for SQL NULL).
pub type SessionRow = (String, Option<String>);

/// Where a folder's canonical id came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CanonicalSource {
    /// The session row with the greatest `updated_at`.
    NewestSession,
    /// No session row: the folder's suffix.
    FolderName,
}

/// ALwrity's name for a folder's user.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Canonical {
    /// The id.
    pub id: String,
    /// Where it came from.
    pub source: CanonicalSource,
    /// Other ids whose rows share the greatest `updated_at`: ALwrity's choice among them
    /// depends on SQLite's row order, so `id` (the first such row given) is not certain.
    pub tied_with: Vec<String>,
}

/// The canonical id of folder `workspace_<suffix>` from its session rows (pass them in rowid
/// order). `updated_at` values compare as SQLite compares text (bytewise); NULL sorts below
/// every value, as in SQLite's `ORDER BY updated_at DESC`.
pub fn canonical_id(suffix: &str, rows: &[SessionRow]) -> Canonical {
    // `max_by` would return the last of equal rows; the first is the documented choice.
    let Some(best) = rows
        .iter()
        .reduce(|best, row| if row.1 > best.1 { row } else { best })
    else {
        return Canonical {
            id: suffix.to_owned(),
            source: CanonicalSource::FolderName,
            tied_with: Vec::new(),
        };
    };
    let tied: BTreeSet<&String> = rows
        .iter()
        .filter(|row| row.1 == best.1 && row.0 != best.0)
        .map(|row| &row.0)
        .collect();
    Canonical {
        id: best.0.clone(),
        source: CanonicalSource::NewestSession,
        tied_with: tied.into_iter().cloned().collect(),
    }
}

/// Distinct ids that sanitise alike, found in one file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Collision {
    /// Their common sanitised form.
    pub sanitized: String,
    /// The ids, bytewise ascending.
    pub ids: Vec<String>,
}

/// Groups of two or more distinct ids in `ids` that share a sanitised form, by sanitised
/// form (bytewise). Such ids share a folder and file in ALwrity, and a query for one may
/// find the other through the fallback.
pub fn collisions(ids: &[String]) -> Vec<Collision> {
    let mut groups: BTreeMap<String, BTreeSet<&String>> = BTreeMap::new();
    for id in ids {
        groups.entry(sanitize_user_id(id)).or_default().insert(id);
    }
    groups
        .into_iter()
        .filter(|(_, ids)| ids.len() > 1)
        .map(|(sanitized, ids)| Collision {
            sanitized,
            ids: ids.into_iter().cloned().collect(),
        })
        .collect()
}

/// What one file's session rows say, for a status report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SessionFacts {
    /// Distinct user ids, bytewise ascending.
    pub user_ids: Vec<String>,
    /// ALwrity's name for the folder's user.
    pub canonical: Canonical,
    /// The file holds sessions of more than one user id.
    pub multi_user: bool,
    /// Ids that sanitise alike.
    pub collisions: Vec<Collision>,
    /// Ids whose sanitised form is not the folder's suffix: ALwrity routes them elsewhere,
    /// so it never reads their rows here except as the canonical id.
    pub foreign: Vec<String>,
}

/// The facts of the file of folder `workspace_<suffix>` from its session rows.
pub fn session_facts(suffix: &str, rows: &[SessionRow]) -> SessionFacts {
    let distinct: BTreeSet<&String> = rows.iter().map(|row| &row.0).collect();
    let user_ids: Vec<String> = distinct.into_iter().cloned().collect();
    let foreign = user_ids
        .iter()
        .filter(|id| sanitize_user_id(id) != suffix)
        .cloned()
        .collect();
    SessionFacts {
        canonical: canonical_id(suffix, rows),
        multi_user: user_ids.len() > 1,
        collisions: collisions(&user_ids),
        foreign,
        user_ids,
    }
}
