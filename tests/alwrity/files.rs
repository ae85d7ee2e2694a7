//! Byte-level evidence about a database file: a snapshot of every file under a directory
//! (so a `-wal`, `-shm` or `-journal` left behind, or any new file, shows), the inode (a file
//! replaced by a rename has a new one), the journal mode, the schema of ALwrity's tables and
//! dumps of their rows.

use std::collections::BTreeMap;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};

use rusqlite::Connection;
use sha2::{Digest, Sha256};

/// Every file and folder under a directory: relative path → (length, SHA-256).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DirSnapshot(pub BTreeMap<PathBuf, (u64, String)>);

impl DirSnapshot {
    /// Hashes every file under `dir`, recursively; folders are listed as such.
    pub fn of(dir: &Path) -> DirSnapshot {
        let mut out = BTreeMap::new();
        walk(dir, dir, &mut out);
        DirSnapshot(out)
    }

    /// What differs from `other`, one line per file.
    pub fn diff(&self, other: &DirSnapshot) -> Vec<String> {
        let mut out = Vec::new();
        for (path, was) in &self.0 {
            match other.0.get(path) {
                None => out.push(format!("{} removed", path.display())),
                Some(is) if is != was => out.push(format!(
                    "{} changed ({} -> {} bytes)",
                    path.display(),
                    was.0,
                    is.0
                )),
                Some(_) => {}
            }
        }
        for path in other.0.keys() {
            if !self.0.contains_key(path) {
                out.push(format!("{} appeared", path.display()));
            }
        }
        out
    }

    /// Asserts nothing under the directory changed since `self`.
    pub fn assert_unchanged(&self, now: &DirSnapshot, what: &str) {
        let diff = self.diff(now);
        assert!(
            diff.is_empty(),
            "{what} changed files:\n{}",
            diff.join("\n")
        );
    }
}

fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, (u64, String)>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("read {}: {e}", dir.display()))
        .map(|e| e.expect("dir entry").path())
        .collect();
    entries.sort();
    for path in entries {
        let meta = std::fs::symlink_metadata(&path).expect("metadata");
        if meta.is_dir() {
            // A folder made, renamed or removed shows too (HEAD's resolver moves `database/`).
            let rel = path.strip_prefix(root).unwrap().join("");
            out.insert(rel, (0, "directory".to_owned()));
            walk(root, &path, out);
        } else {
            let bytes = std::fs::read(&path).unwrap_or_default();
            let hash = format!("{:x}", Sha256::digest(&bytes));
            let rel = path.strip_prefix(root).unwrap().to_owned();
            out.insert(rel, (bytes.len() as u64, hash));
        }
    }
}

/// The side files of `db` that exist now (`-wal`, `-shm`, `-journal`).
pub fn side_files(db: &Path) -> Vec<PathBuf> {
    ["-wal", "-shm", "-journal"]
        .iter()
        .map(|suffix| {
            let mut name = db.as_os_str().to_owned();
            name.push(suffix);
            PathBuf::from(name)
        })
        .filter(|p| p.exists())
        .collect()
}

/// Asserts no side file of `db` is left.
pub fn assert_no_side_files(db: &Path, what: &str) {
    let left = side_files(db);
    assert!(left.is_empty(), "{what} left {left:?}");
}

/// (device, inode) of `path`: a file replaced under the same name has another.
pub fn inode(path: &Path) -> (u64, u64) {
    let meta = std::fs::metadata(path).expect("metadata");
    (meta.dev(), meta.ino())
}

/// `PRAGMA journal_mode` of the file, as a new connection reports it (persistent modes only:
/// `wal` stays, `delete` is the default of a rollback-journal file).
pub fn journal_mode(path: &Path) -> String {
    let conn = Connection::open(path).expect("open");
    conn.query_row("PRAGMA journal_mode", [], |r| r.get(0))
        .expect("journal_mode")
}

/// Whether `needle` occurs anywhere in the bytes of `path` or of its side files.
pub fn bytes_contain(path: &Path, needle: &str) -> Vec<PathBuf> {
    let mut files = vec![path.to_owned()];
    files.extend(side_files(path));
    files
        .into_iter()
        .filter(|f| {
            std::fs::read(f)
                .map(|b| b.windows(needle.len()).any(|w| w == needle.as_bytes()))
                .unwrap_or(false)
        })
        .collect()
}

/// One schema object as SQLite keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SchemaObject {
    /// `table`, `index`, `trigger`, `view`.
    pub kind: String,
    /// The table it belongs to.
    pub table: String,
    /// Its SQL (NULL for automatic indexes).
    pub sql: Option<String>,
    /// Its root page (a rebuilt table gets a new one).
    pub rootpage: i64,
}

/// Every object of `sqlite_master`, by name.
pub fn schema(conn: &Connection) -> BTreeMap<String, SchemaObject> {
    let mut st = conn
        .prepare("SELECT name, type, tbl_name, sql, rootpage FROM sqlite_master")
        .unwrap();
    let rows = st
        .query_map([], |r| {
            Ok((
                r.get::<_, String>(0)?,
                SchemaObject {
                    kind: r.get(1)?,
                    table: r.get(2)?,
                    sql: r.get(3)?,
                    rootpage: r.get::<_, Option<i64>>(4)?.unwrap_or(0),
                },
            ))
        })
        .unwrap();
    rows.map(|r| r.unwrap()).collect()
}

/// One column as `pragma_table_info` reports it: (name, type, notnull, default, pk).
pub type ColumnInfo = (String, String, bool, Option<String>, i64);

/// The columns of `table`, in order.
pub fn columns(conn: &Connection, table: &str) -> Vec<ColumnInfo> {
    let mut st = conn
        .prepare(
            "SELECT name, type, \"notnull\", dflt_value, pk FROM pragma_table_info(?1) \
             ORDER BY cid",
        )
        .unwrap();
    let rows = st
        .query_map([table], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
        })
        .unwrap();
    rows.map(|r| r.unwrap()).collect()
}

/// The indexes of `table`: name → (unique, origin: `c` created, `u` UNIQUE, `pk`).
pub fn indexes(conn: &Connection, table: &str) -> BTreeMap<String, (bool, String)> {
    let mut st = conn
        .prepare("SELECT name, \"unique\", origin FROM pragma_index_list(?1)")
        .unwrap();
    let rows = st
        .query_map([table], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))
        .unwrap();
    rows.map(|r| r.unwrap()).collect()
}

/// Every row of `table`, restricted to `cols`, as `quote()`d text, in rowid order.
pub fn rows(conn: &Connection, table: &str, cols: &[String]) -> Vec<String> {
    let quoted: Vec<String> = cols.iter().map(|c| format!("quote(\"{c}\")")).collect();
    let sql = format!(
        "SELECT {} FROM \"{table}\" ORDER BY rowid",
        quoted.join(" || '|' || ")
    );
    let mut st = conn.prepare(&sql).unwrap_or_else(|e| panic!("{e}: {sql}"));
    let rows = st.query_map([], |r| r.get::<_, String>(0)).unwrap();
    rows.map(|r| r.unwrap()).collect()
}

/// The rows of each of `tables` over the columns each had in `columns_of` (so columns added
/// later do not count): what ALwrity reads, table by table.
pub fn dump_tables(
    conn: &Connection,
    columns_of: &BTreeMap<String, Vec<String>>,
) -> BTreeMap<String, Vec<String>> {
    columns_of
        .iter()
        .map(|(table, cols)| (table.clone(), rows(conn, table, cols)))
        .collect()
}

/// The column names of each of `tables`.
pub fn column_names(conn: &Connection, tables: &[&str]) -> BTreeMap<String, Vec<String>> {
    tables
        .iter()
        .map(|t| {
            let names = columns(conn, t).into_iter().map(|c| c.0).collect();
            ((*t).to_owned(), names)
        })
        .collect()
}
