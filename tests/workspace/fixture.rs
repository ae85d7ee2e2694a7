//! The workspace every test here starts from: an ALwrity root in a temp dir whose
//! `workspace/` holds one folder per case, each file made from HEAD's DDL
//! (`sql/alwrity/head_onboarding.sql`, what `session create` and ALwrity begin a file with;
//! one file has every table of the HEAD story, `head::schema()`, as ALwrity leaves a file it
//! has opened), rows as ALwrity writes them (naive UTC text, `current_step` the last
//! completed step, progress in sixths as a float).
//!
//! Each user is told apart by its stored `current_step`/`progress` (ALwrity's reading, the
//! `alwrity` object of `session show --json`), the last four characters of its gemini key
//! (`key list` masks all but those) and, where it has one, its website URL.
//!
//! | folder | file | holds |
//! |---|---|---|
//! | `workspace_user_canon` | `db/alwrity_user_canon.db` (every HEAD table) | `user_canon` with keys, analysis, research, persona |
//! | `workspace_user_legname` | `db/alwrity.db` | `user_legname` with all three keys |
//! | `workspace_user_legfolder` | `database/alwrity_user_legfolder.db` | `user_legfolder` with an analysis |
//! | `workspace_user_legboth` | `database/alwrity.db` | `user_legboth` |
//! | `workspace_user_shadow` | all four candidates: `db/alwrity_user_shadow.db` and three shadowed | `user_shadow` in each, told apart |
//! | `workspace_user_nofile` | none (empty `db/` and `database/`) | |
//! | `workspace_user_empty` | `db/alwrity_user_empty.db` | no session |
//! | `workspace_user_2xyz` | `db/alwrity_user_2xyz.db` | `user_2xyz` (rowid 1) and `user_2x.y@z` (rowid 2) |
//! | `workspace_user_3ab` | `db/alwrity_user_3ab.db` | `user_3ab` only (`user_3a.b` finds it by fallback) |
//! | `workspace_jürgen` | `db/alwrity_jürgen.db` | `jürgen` |
//! | `workspace_用户1` | `db/alwrity_用户1.db` | `用户1` |
//! | `workspace_user_corrupt` | `db/alwrity_user_corrupt.db` | garbage bytes |
//! | `workspace_user_locked` | `db/alwrity_user_locked.db` | `user_locked`; [`Workspace::lock`] holds `BEGIN EXCLUSIVE` on it |

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use onboardctl::store::workspace::sanitize_user_id;
use rusqlite::{Connection, OpenFlags};
use tempfile::TempDir;

use crate::files::DirSnapshot;
use crate::raw::SqliteRaw;

/// HEAD's onboarding tables, as `session create` writes them.
pub const HEAD_DDL: &str = include_str!("../../sql/alwrity/head_onboarding.sql");

/// The bytes of the corrupt file: not a SQLite header.
pub const GARBAGE: &[u8] = b"this is not a SQLite database, just bytes where ALwrity expects one\n";

/// One session row of the fixture.
#[derive(Debug, Clone, Copy)]
pub struct User {
    /// `user_id` as stored.
    pub id: &'static str,
    /// `current_step` as stored.
    pub step: i64,
    /// `progress` as stored.
    pub progress: f64,
    /// `updated_at` (distinct per user: `session list` sorts on it).
    pub updated: &'static str,
    /// Four characters ending the user's gemini key (what `key list` shows).
    pub tag: &'static str,
    /// Also exa and copilotkit keys (step 1 can be completed).
    pub all_keys: bool,
    /// A website analysis with this URL.
    pub site: Option<&'static str>,
    /// Research preferences and persona data too.
    pub full: bool,
}

const fn user(
    id: &'static str,
    step: i64,
    progress: f64,
    updated: &'static str,
    tag: &'static str,
) -> User {
    User {
        id,
        step,
        progress,
        updated,
        tag,
        all_keys: false,
        site: None,
        full: false,
    }
}

/// The users ALwrity reads, by id.
pub mod ids {
    pub const CANON: &str = "user_canon";
    pub const LEGNAME: &str = "user_legname";
    pub const LEGFOLDER: &str = "user_legfolder";
    pub const LEGBOTH: &str = "user_legboth";
    pub const SHADOW: &str = "user_shadow";
    /// Stored as is in `workspace_user_2xyz`, beside [`SANITISED`].
    pub const CHANGED: &str = "user_2x.y@z";
    /// The sanitised form of [`CHANGED`], stored as its own user in the same file.
    pub const SANITISED: &str = "user_2xyz";
    /// Neither of the two above, sanitising like both.
    pub const AMBIGUOUS: &str = "user_2x.yz";
    /// Stored in sanitised form only.
    pub const PLAIN: &str = "user_3ab";
    /// Not stored; sanitises to [`PLAIN`].
    pub const PLAIN_VARIANT: &str = "user_3a.b";
    pub const JURGEN: &str = "jürgen";
    pub const HAN: &str = "用户1";
    pub const LOCKED: &str = "user_locked";
    /// Folders without a session.
    pub const NOFILE: &str = "user_nofile";
    pub const EMPTY: &str = "user_empty";
    pub const CORRUPT: &str = "user_corrupt";
}

use ids::*;

/// Which table set a file gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ddl {
    /// `head_onboarding.sql`.
    Onboarding,
    /// Every table of the HEAD story.
    FullHead,
}

/// One folder of the fixture.
#[derive(Debug, Clone)]
pub struct Case {
    /// `<sid>` of `workspace_<sid>`.
    pub sid: &'static str,
    /// The file ALwrity uses, relative to the folder (`None`: no file).
    pub file: Option<String>,
    /// The session rows of that file, in rowid order.
    pub users: Vec<User>,
}

fn canonical(sid: &str) -> Option<String> {
    Some(format!("db/alwrity_{sid}.db"))
}

/// The shadowed files of `workspace_user_shadow` in ALwrity's order after the canonical one,
/// with the row each holds: ALwrity reads one only when every earlier candidate is gone.
pub const SHADOWED: [(&str, User); 3] = [
    (
        "db/alwrity.db",
        user(SHADOW, 1, 0.0, "2026-04-30 23:59:59.000001", "9991"),
    ),
    (
        "database/alwrity_user_shadow.db",
        user(SHADOW, 2, 33.0, "2026-04-30 23:59:59.000002", "9992"),
    ),
    (
        "database/alwrity.db",
        user(SHADOW, 3, 50.0, "2026-04-30 23:59:59.000003", "9993"),
    ),
];

/// The users whose rows ALwrity reads, with what tells them apart.
pub fn users() -> Vec<User> {
    cases().into_iter().flat_map(|c| c.users).collect()
}

/// Every folder.
pub fn cases() -> Vec<Case> {
    let u = |id, step, progress, updated, tag| user(id, step, progress, updated, tag);
    vec![
        Case {
            sid: CANON,
            file: canonical(CANON),
            users: vec![User {
                all_keys: true,
                site: Some("https://canon.example.com"),
                full: true,
                ..u(CANON, 3, 50.0, "2026-05-01 10:00:00.000001", "c001")
            }],
        },
        Case {
            sid: LEGNAME,
            file: Some("db/alwrity.db".into()),
            users: vec![User {
                all_keys: true,
                ..u(LEGNAME, 1, 0.0, "2026-05-02 10:00:00.000002", "1e9a")
            }],
        },
        Case {
            sid: LEGFOLDER,
            file: Some(format!("database/alwrity_{LEGFOLDER}.db")),
            users: vec![User {
                site: Some("https://legfolder.example.com"),
                ..u(LEGFOLDER, 2, 33.0, "2026-05-03 10:00:00.000003", "1f01")
            }],
        },
        Case {
            sid: LEGBOTH,
            file: Some("database/alwrity.db".into()),
            users: vec![u(LEGBOTH, 4, 67.0, "2026-05-04 10:00:00.000004", "1b07")],
        },
        Case {
            sid: SHADOW,
            file: canonical(SHADOW),
            users: vec![u(SHADOW, 5, 83.0, "2026-05-05 10:00:00.000005", "5ade")],
        },
        Case {
            sid: NOFILE,
            file: None,
            users: vec![],
        },
        Case {
            sid: EMPTY,
            file: canonical(EMPTY),
            users: vec![],
        },
        Case {
            sid: SANITISED,
            file: canonical(SANITISED),
            users: vec![
                u(SANITISED, 4, 67.0, "2026-05-06 10:00:00.000006", "2222"),
                u(CHANGED, 2, 33.0, "2026-05-07 10:00:00.000007", "1111"),
            ],
        },
        Case {
            sid: PLAIN,
            file: canonical(PLAIN),
            users: vec![u(PLAIN, 1, 17.0, "2026-05-08 10:00:00.000008", "3333")],
        },
        Case {
            sid: JURGEN,
            file: canonical(JURGEN),
            users: vec![User {
                site: Some("https://jürgen.example.de"),
                ..u(JURGEN, 2, 33.0, "2026-05-09 10:00:00.000009", "4444")
            }],
        },
        Case {
            sid: HAN,
            file: canonical(HAN),
            users: vec![u(HAN, 6, 100.0, "2026-05-10 10:00:00.000010", "6666")],
        },
        Case {
            sid: CORRUPT,
            file: canonical(CORRUPT),
            users: vec![],
        },
        Case {
            sid: LOCKED,
            file: canonical(LOCKED),
            users: vec![u(LOCKED, 2, 33.0, "2026-05-11 10:00:00.000011", "7777")],
        },
    ]
}

/// The fixture on disk.
pub struct Workspace {
    _dir: TempDir,
    /// The ALwrity root (holds `workspace/`); every snapshot covers it.
    pub root: PathBuf,
    /// The process holding `BEGIN EXCLUSIVE` on the locked file, while held.
    holder: Option<LockHolder>,
}

impl Workspace {
    /// The whole fixture, nothing locked.
    pub fn build() -> Workspace {
        Workspace::build_only(|_| true)
    }

    /// The whole fixture, with the locked file locked.
    pub fn locked() -> Workspace {
        let mut ws = Workspace::build();
        ws.lock();
        ws
    }

    /// Only the folders `keep` says (by sid).
    pub fn build_only(keep: impl Fn(&str) -> bool) -> Workspace {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().join("alwrity");
        let ws = Workspace {
            root,
            _dir: dir,
            holder: None,
        };
        std::fs::create_dir_all(ws.dir()).expect("workspace folder");
        for case in cases().into_iter().filter(|c| keep(c.sid)) {
            ws.make(&case);
        }
        ws
    }

    fn make(&self, case: &Case) {
        let folder = self.folder(case.sid);
        // ALwrity's workspace manager creates both folders whatever the file.
        for sub in ["db", "database"] {
            std::fs::create_dir_all(folder.join(sub)).expect("user folders");
        }
        let Some(file) = &case.file else { return };
        let path = folder.join(file);
        match case.sid {
            CORRUPT => std::fs::write(&path, GARBAGE).expect("garbage"),
            CANON => write_file(&path, Ddl::FullHead, &case.users),
            _ => write_file(&path, Ddl::Onboarding, &case.users),
        }
        if case.sid == SHADOW {
            for (rel, row) in SHADOWED {
                write_file(&folder.join(rel), Ddl::Onboarding, &[row]);
            }
        }
    }

    /// `<root>/workspace`.
    pub fn dir(&self) -> PathBuf {
        self.root.join("workspace")
    }

    /// `workspace/workspace_<sid>`.
    pub fn folder(&self, sid: &str) -> PathBuf {
        self.dir().join(format!("workspace_{sid}"))
    }

    /// The file ALwrity uses for folder `sid`.
    pub fn file(&self, sid: &str) -> PathBuf {
        let case = cases().into_iter().find(|c| c.sid == sid).expect("a case");
        self.folder(sid)
            .join(case.file.expect("the folder has a file"))
    }

    /// The shadowed files, in ALwrity's order.
    pub fn shadowed(&self) -> Vec<PathBuf> {
        SHADOWED
            .iter()
            .map(|(rel, _)| self.folder(SHADOW).join(rel))
            .collect()
    }

    /// `workspace:<root>`.
    pub fn url(&self) -> String {
        format!("workspace:{}", self.root.display())
    }

    /// The binary pointed at the workspace.
    pub fn cli(&self) -> crate::Cli {
        crate::Cli::new(&self.url())
    }

    /// A byte snapshot of the whole tree (names of files and folders, bytes of files).
    pub fn snapshot(&self) -> DirSnapshot {
        DirSnapshot::of(&self.root)
    }

    /// Takes `BEGIN EXCLUSIVE` on the locked file, from another process (as ALwrity holds
    /// it), until [`Workspace::unlock`] or drop. Not from this process: POSIX locks belong to
    /// the process, and closing any descriptor of the file (a snapshot reading its bytes)
    /// would drop them.
    pub fn lock(&mut self) {
        self.holder = Some(LockHolder::take(&self.file(LOCKED)));
    }

    /// Releases the lock (rolled back: the holder changed nothing).
    pub fn unlock(&mut self) {
        self.holder = None;
    }

    /// Replaces the corrupt file by a good one holding no session (what an operator
    /// restoring a backup would do).
    pub fn fix_corrupt(&self) {
        let path = self.file(CORRUPT);
        std::fs::remove_file(&path).expect("remove the garbage");
        write_file(&path, Ddl::Onboarding, &[]);
    }

    /// ALwrity's reading of every user of `path`.
    pub fn reading(&self, path: &Path) -> crate::oracle::Readings {
        crate::oracle::readings(&mut SqliteRaw(reader(path)))
    }
}

/// A `python3` process holding `BEGIN EXCLUSIVE` on a file (Python's `sqlite3`, as ALwrity
/// opens its files); it rolls back and exits when its stdin closes (on drop, or when the
/// test process dies).
pub struct LockHolder {
    child: std::process::Child,
}

const HOLD: &str = "import sqlite3, sys\n\
c = sqlite3.connect(sys.argv[1], isolation_level=None)\n\
c.execute('BEGIN EXCLUSIVE')\n\
print('locked', flush=True)\n\
sys.stdin.read()\n\
c.execute('ROLLBACK')\n";

impl LockHolder {
    /// Returns once the lock is held.
    pub fn take(path: &Path) -> LockHolder {
        use std::io::BufRead;
        use std::process::{Command, Stdio};
        let mut child = Command::new("python3")
            .args(["-c", HOLD])
            .arg(path)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (the lock holder)");
        let mut line = String::new();
        std::io::BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        assert_eq!(line.trim(), "locked", "the holder took the lock");
        LockHolder { child }
    }
}

impl Drop for LockHolder {
    fn drop(&mut self) {
        drop(self.child.stdin.take());
        let _ = self.child.wait();
    }
}

/// A read-only connection.
pub fn reader(path: &Path) -> Connection {
    Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("open {}: {e}", path.display()))
}

/// The first column of every row of `sql` on `path`, as text.
pub fn strings(path: &Path, sql: &str) -> Vec<String> {
    use crate::raw::Raw;
    SqliteRaw(reader(path)).strings(sql)
}

/// The gemini key of a user of the fixture (its last four characters are `tag`).
pub fn gemini_key(tag: &str) -> String {
    format!("AIzaFAKE_WORKSPACE_FIXTURE_0000000{tag}")
}

fn write_file(path: &Path, ddl: Ddl, users: &[User]) {
    let conn = Connection::open(path).expect("create the file");
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    match ddl {
        Ddl::Onboarding => conn.execute_batch(HEAD_DDL).expect("HEAD's onboarding DDL"),
        Ddl::FullHead => {
            for table in crate::head::schema() {
                conn.execute_batch(&table.sql())
                    .unwrap_or_else(|e| panic!("{e}\n{}", table.sql()));
            }
        }
    }
    let mut key_id = 0;
    for (n, u) in users.iter().enumerate() {
        let session = n as i64 + 1;
        conn.execute(
            "INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, \
             updated_at) VALUES (?1, ?2, ?3, ?4, '2026-04-01 09:00:00.000001', ?5)",
            rusqlite::params![session, u.id, u.step, u.progress, u.updated],
        )
        .expect("session row");
        let mut keys = vec![("gemini", gemini_key(u.tag))];
        if u.all_keys {
            keys.push(("exa", format!("00000000-0000-4000-8000-00000000{}", u.tag)));
            keys.push(("copilotkit", format!("ck_pub_FAKE_WORKSPACE_{}", u.tag)));
        }
        for (provider, key) in keys {
            key_id += 1;
            conn.execute(
                "INSERT INTO api_keys (id, session_id, provider, \"key\", created_at, updated_at) \
                 VALUES (?1, ?2, ?3, ?4, '2026-04-01 09:01:00.000001', '2026-04-01 09:01:00.000001')",
                rusqlite::params![key_id, session, provider, key],
            )
            .expect("key row");
        }
        if let Some(site) = u.site {
            conn.execute(
                "INSERT INTO website_analyses (id, session_id, website_url, analysis_date, \
                 writing_style, target_audience, status, created_at, updated_at) VALUES \
                 (?1, ?1, ?2, '2026-04-01 09:05:00', '{\"tone\": \"plain\"}', \
                 '{\"demographics\": [\"admins\"]}', 'completed', '2026-04-01 09:05:00', \
                 '2026-04-01 09:05:00.000001')",
                rusqlite::params![session, site],
            )
            .expect("website row");
        }
        if u.full {
            conn.execute(
                "INSERT INTO research_preferences (id, session_id, research_depth, content_types, \
                 auto_research, factual_content, created_at, updated_at) VALUES (?1, ?1, \
                 'Comprehensive', '[\"blog\", \"social\"]', 1, 1, '2026-04-01 09:06:00', \
                 '2026-04-01 09:06:00.000001')",
                [session],
            )
            .expect("research row");
            conn.execute(
                "INSERT INTO persona_data (id, session_id, core_persona, platform_personas, \
                 selected_platforms, created_at, updated_at) VALUES (?1, ?1, \
                 '{\"name\": \"Canon Writer\"}', '{\"linkedin\": {}}', '[\"linkedin\"]', \
                 '2026-04-01 09:07:00', '2026-04-01 09:07:00.000001')",
                [session],
            )
            .expect("persona row");
        }
    }
    drop(conn);
    assert!(
        crate::files::side_files(path).is_empty(),
        "the fixture leaves no side file"
    );
}

/// Every path under the root, relative, folders ending in `/`.
pub fn tree(root: &Path) -> BTreeSet<String> {
    DirSnapshot::of(root)
        .0
        .keys()
        .map(|p| p.display().to_string())
        .collect()
}

#[test]
fn the_fixture_is_what_it_says() {
    let mut ws = Workspace::build();
    // Every folder and file, and nothing else.
    let mut expected = BTreeSet::new();
    for case in cases() {
        let f = format!("workspace/workspace_{}/", case.sid);
        expected.insert(f.clone());
        expected.insert(format!("{f}db/"));
        expected.insert(format!("{f}database/"));
        if let Some(file) = &case.file {
            expected.insert(format!("{f}{file}"));
        }
    }
    expected.insert("workspace/".to_owned());
    for (rel, _) in SHADOWED {
        expected.insert(format!("workspace/workspace_{SHADOW}/{rel}"));
    }
    assert_eq!(tree(&ws.root), expected);

    // Every stored id routes to its folder by ALwrity's sanitisation, and the fixture's
    // interesting ids are what they claim.
    for case in cases() {
        for u in &case.users {
            assert_eq!(sanitize_user_id(u.id), case.sid, "{}", u.id);
        }
        assert_eq!(
            sanitize_user_id(case.sid),
            case.sid,
            "folder names are sanitised"
        );
    }
    assert_ne!(sanitize_user_id(CHANGED), CHANGED);
    assert_eq!(sanitize_user_id(AMBIGUOUS), SANITISED);
    assert_eq!(sanitize_user_id(PLAIN_VARIANT), PLAIN);
    assert_eq!(
        sanitize_user_id(JURGEN),
        JURGEN,
        "ü is alphanumeric to Python"
    );
    assert_eq!(sanitize_user_id(HAN), HAN, "so are Han characters");

    // Each file holds exactly its rows (ALwrity's reading), in HEAD's tables.
    for case in cases() {
        let Some(_) = &case.file else { continue };
        if case.sid == CORRUPT {
            continue;
        }
        let path = ws.file(case.sid);
        let reading = ws.reading(&path);
        let ids: Vec<&str> = reading.keys().map(String::as_str).collect();
        let mut want: Vec<&str> = case.users.iter().map(|u| u.id).collect();
        want.sort_unstable();
        assert_eq!(ids, want, "{}", path.display());
        for u in &case.users {
            let r = &reading[u.id];
            assert_eq!(
                (r.current_step, r.progress),
                (Some(u.step), Some(u.progress))
            );
            assert_eq!(r.keys["gemini"], gemini_key(u.tag));
        }
        let tables = strings(&path, "SELECT name FROM sqlite_master WHERE type = 'table'");
        assert!(tables.iter().any(|t| t == "onboarding_sessions"));
        assert!(!tables.iter().any(|t| t.starts_with("onboardctl")));
    }
    let full = strings(
        &ws.file(CANON),
        "SELECT name FROM sqlite_master WHERE type = 'table'",
    );
    assert!(
        full.iter().any(|t| t == "onboarding_data_integrations"),
        "{full:?}"
    );
    for (path, (_, row)) in ws.shadowed().iter().zip(SHADOWED) {
        assert_eq!(ws.reading(path)[SHADOW].current_step, Some(row.step));
    }

    // The corrupt file is no database.
    let bad = Connection::open_with_flags(ws.file(CORRUPT), OpenFlags::SQLITE_OPEN_READ_ONLY)
        .and_then(|c| {
            c.query_row("SELECT count(*) FROM sqlite_master", [], |r| {
                r.get::<_, i64>(0)
            })
        });
    assert!(bad.is_err(), "garbage reads as a database: {bad:?}");

    // The lock leaves no side file, outlives a snapshot (which reads the file's bytes),
    // keeps out a reader, and goes with unlock.
    let before = ws.snapshot();
    ws.lock();
    before.assert_unchanged(&ws.snapshot(), "taking the lock");
    let blocked =
        reader(&ws.file(LOCKED)).query_row("SELECT count(*) FROM onboarding_sessions", [], |r| {
            r.get::<_, i64>(0)
        });
    assert!(blocked.is_err(), "the lock lets a reader in: {blocked:?}");
    ws.unlock();
    let n: i64 = reader(&ws.file(LOCKED))
        .query_row("SELECT count(*) FROM onboarding_sessions", [], |r| r.get(0))
        .expect("readable once unlocked");
    assert_eq!(n, 1);
    before.assert_unchanged(&ws.snapshot(), "the lock and its release");
}
