//! ALwrity at HEAD (commit `ce9bf293`): a per-user SQLite file as ALwrity leaves it.
//!
//! The schema is what SQLAlchemy 2.0's `create_all` emits on SQLite for ALwrity's models,
//! in its own layout (tab-indented, `, ` line ends): every `id` is `INTEGER NOT NULL` with a
//! table-level `PRIMARY KEY (id)` (a rowid alias without AUTOINCREMENT), no `DEFAULT` clause
//! anywhere (the ORM supplies values), no index and no unique constraint on the onboarding
//! tables except `seo_page_audits`' four indexes and `uq_seo_page_audits_user_page`,
//! `api_keys.session_id` nullable with a foreign key without ON DELETE, the other session
//! children with ON DELETE CASCADE (never enforced: ALwrity runs with foreign keys off),
//! `onboarding_data_integrations` (the SSOT cache of another declarative base, with a second
//! plaintext copy of every key) and a handful of non-onboarding tables with rows and
//! indexes of their own (their shapes here are illustrative, not ALwrity's exact DDL).
//!
//! The rows follow ALwrity's write paths: the step API writes `current_step = n` (the last
//! completed step) and `progress = min(100, round(n/6*100))` as a float, completion (6,
//! 100.0), reset (1, 0.0) keeping every data row, a new session (1, 0.0); times the Python
//! code passes (`datetime.utcnow()`) are text with microseconds, times the ORM default
//! `func.now()` gives (`CURRENT_TIMESTAMP`) are text without a fraction; JSON is
//! `json.dumps` text. The file keeps the rollback journal (`DELETE`), as ALwrity's engines do.
//!
//! The users ([`users`]), session ids in brackets:
//! - `user_2fresh` [1]: a new session (1, 0.0), no data.
//! - `user_2api3` [2]: steps 1..3 completed through the API (3, 50.0): three keys, a website
//!   analysis (with social accounts from step 3), research preferences, two competitors, two
//!   SEO page audits, an SSOT row with the keys in plaintext, an active task row.
//! - `user_2done` [3]: completed (6, 100.0), every data row including persona, research
//!   persona, one competitor, one SEO audit, an SSOT row tied to a content strategy.
//! - `user_2reset` [4]: reset after step 3 (1, 0.0) with its data kept and its task paused.
//! - `user_2race` [5, 6]: two session rows from two concurrent step-1 completions, both
//!   (1, 17.0); the second (rowid 6) has the newer `updated_at`; each has its own three keys
//!   (gemini `…TAB_A…` on the first, `…TAB_B…` on the second); the SSOT row, built from the
//!   newest session, holds the second's keys.
//! - `user_2hundred` [7]: progress 100.0 at step 5 with no persona row: ALwrity calls it
//!   complete, the data does not (the disagreement case).
//! - `user_2nulls` [8]: NULL step, progress and times (ALwrity reads step 1, 0.0).

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags};
use serde_json::{json, Value};
use tempfile::TempDir;

use crate::raw::SqliteRaw;

/// The fixture's user ids and key values.
pub mod users {
    /// A new session, no data.
    pub const FRESH: &str = "user_2fresh";
    /// Steps 1..3 completed through ALwrity's API.
    pub const API3: &str = "user_2api3";
    /// Completed.
    pub const DONE: &str = "user_2done";
    /// Reset after step 3, data kept.
    pub const RESET: &str = "user_2reset";
    /// Two session rows from a race.
    pub const RACE: &str = "user_2race";
    /// Progress 100 without a persona.
    pub const HUNDRED: &str = "user_2hundred";
    /// NULL step and progress.
    pub const NULLS: &str = "user_2nulls";

    /// Every user of the story.
    pub const ALL: [&str; 7] = [FRESH, API3, DONE, RESET, RACE, HUNDRED, NULLS];

    /// `user_2api3`'s keys (gemini, exa, copilotkit).
    pub const API3_KEYS: [&str; 3] = [
        "AIzaFAKE_FIXTURE_API3_GEMINI_00000001",
        "00000000-0000-4000-8000-00000000a301",
        "ck_pub_FAKE_FIXTURE_API3_0001",
    ];
    /// `user_2done`'s keys.
    pub const DONE_KEYS: [&str; 3] = [
        "AIzaFAKE_FIXTURE_DONE_GEMINI_00000002",
        "00000000-0000-4000-8000-00000000d302",
        "ck_pub_FAKE_FIXTURE_DONE_0002",
    ];
    /// `user_2reset`'s keys.
    pub const RESET_KEYS: [&str; 3] = [
        "AIzaFAKE_FIXTURE_RESET_GEMINI_0000003",
        "00000000-0000-4000-8000-00000000e303",
        "ck_pub_FAKE_FIXTURE_RESET_0003",
    ];
    /// The first race row's keys: the ones ALwrity's progress service uses.
    pub const RACE_A_KEYS: [&str; 3] = [
        "AIzaFAKE_FIXTURE_DUPLICATE_TAB_A_0004",
        "00000000-0000-4000-8000-00000000a404",
        "ck_pub_FAKE_FIXTURE_TAB_A_0004",
    ];
    /// The second race row's keys.
    pub const RACE_B_KEYS: [&str; 3] = [
        "AIzaFAKE_FIXTURE_DUPLICATE_TAB_B_0004",
        "00000000-0000-4000-8000-00000000b404",
        "ck_pub_FAKE_FIXTURE_TAB_B_0004",
    ];
    /// `user_2hundred`'s keys.
    pub const HUNDRED_KEYS: [&str; 3] = [
        "AIzaFAKE_FIXTURE_HUNDRED_GEMINI_00005",
        "00000000-0000-4000-8000-00000000c505",
        "ck_pub_FAKE_FIXTURE_HUNDRED_0005",
    ];
    /// The providers of each key triple, in order.
    pub const PROVIDERS: [&str; 3] = ["gemini", "exa", "copilotkit"];
}

use users::*;

/// Where the file lives.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// `<tmp>/alwrity.db`: nothing in the path says HEAD.
    Plain,
    /// `<tmp>/workspace/workspace_<sid>/db/alwrity_<sid>.db`, HEAD's canonical layout.
    Workspace,
}

/// Which tables the file has.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tables {
    /// Every table of the HEAD story.
    Head,
    /// The same without `onboarding_data_integrations` and `seo_page_audits` (and their
    /// rows): a file whose tables alone do not say HEAD, for era detection by path.
    WithoutHeadMarkers,
}

/// The workspace folder id (`<sid>`) of [`Place::Workspace`].
pub const SID: &str = "user_2api3";

/// An ALwrity file on disk, with nothing open on it.
pub struct AlwrityFile {
    _dir: TempDir,
    /// The directory every byte snapshot covers (the temp dir: the whole workspace tree).
    pub root: PathBuf,
    /// The database file.
    pub path: PathBuf,
}

impl AlwrityFile {
    /// The full HEAD story in a plain file.
    pub fn head() -> AlwrityFile {
        AlwrityFile::build(Place::Plain, Tables::Head)
    }

    /// The full HEAD story in the workspace layout.
    pub fn head_in_workspace() -> AlwrityFile {
        AlwrityFile::build(Place::Workspace, Tables::Head)
    }

    /// The HEAD story at `place` with `tables`.
    pub fn build(place: Place, tables: Tables) -> AlwrityFile {
        let dir = tempfile::tempdir().expect("temp dir");
        let root = dir.path().to_owned();
        let path = match place {
            Place::Plain => root.join("alwrity.db"),
            Place::Workspace => {
                let db = root
                    .join("workspace")
                    .join(format!("workspace_{SID}"))
                    .join("db");
                std::fs::create_dir_all(&db).expect("workspace folders");
                // HEAD's workspace manager also creates the (empty) legacy folder.
                std::fs::create_dir_all(
                    root.join("workspace")
                        .join(format!("workspace_{SID}"))
                        .join("database"),
                )
                .expect("legacy folder");
                db.join(format!("alwrity_{SID}.db"))
            }
        };
        let conn = Connection::open(&path).expect("create the file");
        // As ALwrity's pysqlite connections have it (the bundled SQLite defaults to on).
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        let mode: String = conn
            .query_row("PRAGMA journal_mode", [], |r| r.get(0))
            .unwrap();
        assert_eq!(mode, "delete", "a new file keeps the rollback journal");
        let with_markers = tables == Tables::Head;
        for table in schema() {
            if !with_markers && table.head_marker {
                continue;
            }
            conn.execute_batch(&table.sql())
                .unwrap_or_else(|e| panic!("{e}\n{}", table.sql()));
        }
        let story = story(with_markers);
        conn.execute_batch(&story)
            .unwrap_or_else(|e| panic!("{e}\n{story}"));
        drop(conn);
        let file = AlwrityFile {
            _dir: dir,
            root,
            path,
        };
        assert!(
            crate::files::side_files(&file.path).is_empty(),
            "the fixture leaves no side file"
        );
        file
    }

    /// `sqlite:PATH`.
    pub fn url(&self) -> String {
        format!("sqlite:{}", self.path.display())
    }

    /// The binary pointed at this file.
    pub fn cli(&self) -> crate::Cli {
        crate::Cli::new(&self.url())
    }

    /// A read-write connection as ALwrity opens one (foreign keys off, 5 s busy timeout).
    pub fn conn(&self) -> Connection {
        let conn = Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_WRITE)
            .expect("open the fixture");
        conn.pragma_update(None, "foreign_keys", false).unwrap();
        conn.busy_timeout(std::time::Duration::from_secs(5))
            .unwrap();
        conn
    }

    /// A read-only connection, for the oracle and the dumps.
    pub fn reader(&self) -> Connection {
        Connection::open_with_flags(&self.path, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .expect("open the fixture read-only")
    }

    /// Runs `sql` as ALwrity would: plain statements on its own connection, committed.
    pub fn sql(&self, sql: &str) {
        self.conn()
            .execute_batch(sql)
            .unwrap_or_else(|e| panic!("{e}\n{sql}"));
    }

    /// The first column of every row of `sql`, as text (`NULL` for NULL).
    pub fn strings(&self, sql: &str) -> Vec<String> {
        use crate::raw::Raw;
        SqliteRaw(self.reader()).strings(sql)
    }

    /// ALwrity's reading of every user (the oracle).
    pub fn reading(&self) -> crate::oracle::Readings {
        crate::oracle::readings(&mut SqliteRaw(self.reader()))
    }

    /// A byte snapshot of the whole directory tree holding the file.
    pub fn snapshot(&self) -> crate::files::DirSnapshot {
        crate::files::DirSnapshot::of(&self.root)
    }

    /// The folder a workspace file lives in (`…/workspace_<sid>`), for [`Place::Workspace`].
    pub fn workspace_folder(&self) -> Option<&Path> {
        self.path.parent()?.parent().filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("workspace_"))
        })
    }
}

/// One `CREATE TABLE` in SQLAlchemy's layout, plus its `CREATE INDEX`es.
pub struct TableDdl {
    /// The table.
    pub name: &'static str,
    /// Column definitions and table constraints, in order.
    pub parts: &'static [&'static str],
    /// `(index name, columns)`.
    pub indexes: &'static [(&'static str, &'static str)],
    /// One of ALwrity's onboarding tables (of `models/onboarding.py`, plus the SSOT table).
    pub onboarding: bool,
    /// A table whose presence alone says HEAD.
    pub head_marker: bool,
}

impl TableDdl {
    /// `CREATE TABLE` as SQLAlchemy writes it.
    pub fn create(&self) -> String {
        format!(
            "CREATE TABLE {} (\n\t{}\n)",
            self.name,
            self.parts.join(", \n\t")
        )
    }

    /// The table and its indexes, as one batch.
    pub fn sql(&self) -> String {
        let mut out = format!("{};\n", self.create());
        for (index, cols) in self.indexes {
            out.push_str(&format!(
                "CREATE INDEX {index} ON {} ({cols});\n",
                self.name
            ));
        }
        out
    }

    /// The column names, in order.
    pub fn columns(&self) -> Vec<&'static str> {
        self.parts
            .iter()
            .filter(|p| {
                !p.starts_with("PRIMARY KEY")
                    && !p.starts_with("FOREIGN KEY")
                    && !p.starts_with("CONSTRAINT")
            })
            .map(|p| p.split(' ').next().unwrap().trim_matches('"'))
            .collect()
    }
}

const FK_CASCADE: &str =
    "FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE";

/// Every table of the HEAD file, in `create_all`'s order (dependencies first).
pub fn schema() -> Vec<TableDdl> {
    vec![
        TableDdl {
            name: "api_provider_pricing",
            parts: &[
                "id INTEGER NOT NULL",
                "provider VARCHAR(50) NOT NULL",
                "model_name VARCHAR(100) NOT NULL",
                "cost_per_input_token FLOAT",
                "cost_per_output_token FLOAT",
                "is_active BOOLEAN",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
            ],
            indexes: &[("ix_api_provider_pricing_provider", "provider")],
            onboarding: false,
            head_marker: false,
        },
        TableDdl {
            name: "daily_workflow_plans",
            parts: &[
                "id INTEGER NOT NULL",
                "user_id VARCHAR(255) NOT NULL",
                "plan_date VARCHAR(10) NOT NULL",
                "status VARCHAR(50)",
                "plan_json JSON",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
            ],
            indexes: &[("ix_daily_workflow_plans_user_id", "user_id")],
            onboarding: false,
            head_marker: false,
        },
        TableDdl {
            name: "enhanced_content_strategies",
            parts: &[
                "id INTEGER NOT NULL",
                "user_id VARCHAR(255) NOT NULL",
                "name VARCHAR(255) NOT NULL",
                "industry VARCHAR(100)",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
            ],
            indexes: &[],
            onboarding: false,
            head_marker: false,
        },
        TableDdl {
            name: "onboarding_sessions",
            parts: &[
                "id INTEGER NOT NULL",
                "user_id VARCHAR(255) NOT NULL",
                "current_step INTEGER",
                "progress FLOAT",
                "started_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
            ],
            indexes: &[],
            onboarding: true,
            head_marker: false,
        },
        TableDdl {
            name: "seo_page_audits",
            parts: &[
                "id INTEGER NOT NULL",
                "user_id VARCHAR(255) NOT NULL",
                "website_url VARCHAR(500) NOT NULL",
                "page_url VARCHAR(1000) NOT NULL",
                "overall_score INTEGER",
                "status VARCHAR(50)",
                "category_scores JSON",
                "issues JSON",
                "warnings JSON",
                "recommendations JSON",
                "audit_data JSON",
                "analysis_source VARCHAR(50)",
                "last_analyzed_at DATETIME",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
                "CONSTRAINT uq_seo_page_audits_user_page UNIQUE (user_id, page_url)",
            ],
            indexes: &[
                ("ix_seo_page_audits_page_url", "page_url"),
                ("ix_seo_page_audits_status", "status"),
                ("ix_seo_page_audits_user_id", "user_id"),
                ("ix_seo_page_audits_website_url", "website_url"),
            ],
            onboarding: true,
            head_marker: true,
        },
        TableDdl {
            name: "website_analysis_tasks",
            parts: &[
                "id INTEGER NOT NULL",
                "user_id VARCHAR(255) NOT NULL",
                "website_url VARCHAR(500) NOT NULL",
                "status VARCHAR(50)",
                "next_execution DATETIME",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
            ],
            indexes: &[("ix_website_analysis_tasks_user_id", "user_id")],
            onboarding: false,
            head_marker: false,
        },
        TableDdl {
            name: "api_keys",
            parts: &[
                "id INTEGER NOT NULL",
                "session_id INTEGER",
                "provider VARCHAR(64) NOT NULL",
                "\"key\" VARCHAR(256) NOT NULL",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
                "FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id)",
            ],
            indexes: &[],
            onboarding: true,
            head_marker: false,
        },
        TableDdl {
            name: "competitor_analyses",
            parts: &[
                "id INTEGER NOT NULL",
                "session_id INTEGER NOT NULL",
                "competitor_url TEXT NOT NULL",
                "competitor_domain VARCHAR(255)",
                "analysis_date DATETIME",
                "analysis_data JSON",
                "status VARCHAR(50)",
                "error_message TEXT",
                "warning_message TEXT",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
                FK_CASCADE,
            ],
            indexes: &[],
            onboarding: true,
            head_marker: false,
        },
        TableDdl {
            name: "onboarding_data_integrations",
            parts: &[
                "id INTEGER NOT NULL",
                "user_id VARCHAR(255) NOT NULL",
                "strategy_id INTEGER",
                "website_analysis_data JSON",
                "research_preferences_data JSON",
                "api_keys_data JSON",
                "field_mappings JSON",
                "auto_populated_fields JSON",
                "user_overrides JSON",
                "data_quality_scores JSON",
                "confidence_levels JSON",
                "data_freshness JSON",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
                "FOREIGN KEY(strategy_id) REFERENCES enhanced_content_strategies (id)",
            ],
            indexes: &[],
            onboarding: true,
            head_marker: true,
        },
        TableDdl {
            name: "persona_data",
            parts: &[
                "id INTEGER NOT NULL",
                "session_id INTEGER NOT NULL",
                "core_persona JSON",
                "platform_personas JSON",
                "quality_metrics JSON",
                "selected_platforms JSON",
                "research_persona JSON",
                "research_persona_generated_at DATETIME",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
                FK_CASCADE,
            ],
            indexes: &[],
            onboarding: true,
            head_marker: false,
        },
        TableDdl {
            name: "research_preferences",
            parts: &[
                "id INTEGER NOT NULL",
                "session_id INTEGER NOT NULL",
                "research_depth VARCHAR(50) NOT NULL",
                "content_types JSON NOT NULL",
                "auto_research BOOLEAN",
                "factual_content BOOLEAN",
                "writing_style JSON",
                "content_characteristics JSON",
                "target_audience JSON",
                "recommended_settings JSON",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
                FK_CASCADE,
            ],
            indexes: &[],
            onboarding: true,
            head_marker: false,
        },
        TableDdl {
            name: "website_analyses",
            parts: &[
                "id INTEGER NOT NULL",
                "session_id INTEGER NOT NULL",
                "website_url VARCHAR(500) NOT NULL",
                "analysis_date DATETIME",
                "writing_style JSON",
                "content_characteristics JSON",
                "target_audience JSON",
                "content_type JSON",
                "recommended_settings JSON",
                "brand_analysis JSON",
                "content_strategy_insights JSON",
                "social_media_presence JSON",
                "crawl_result JSON",
                "style_patterns JSON",
                "style_guidelines JSON",
                "seo_audit JSON",
                "strategic_insights_history JSON",
                "status VARCHAR(50)",
                "error_message TEXT",
                "warning_message TEXT",
                "created_at DATETIME",
                "updated_at DATETIME",
                "PRIMARY KEY (id)",
                FK_CASCADE,
            ],
            indexes: &[],
            onboarding: true,
            head_marker: false,
        },
    ]
}

/// The names of ALwrity's tables in a file built with `tables`.
pub fn table_names(tables: Tables) -> Vec<&'static str> {
    schema()
        .into_iter()
        .filter(|t| tables == Tables::Head || !t.head_marker)
        .map(|t| t.name)
        .collect()
}

/// A value as Python's `json.dumps` writes it by default (`", "` and `": "` separators,
/// non-ASCII escaped): what SQLAlchemy's JSON type stores.
pub fn py_json(v: &Value) -> String {
    match v {
        Value::Array(items) => {
            let inner: Vec<String> = items.iter().map(py_json).collect();
            format!("[{}]", inner.join(", "))
        }
        Value::Object(map) => {
            let inner: Vec<String> = map
                .iter()
                .map(|(k, v)| format!("{}: {}", py_str(k), py_json(v)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        Value::String(s) => py_str(s),
        other => other.to_string(),
    }
}

fn py_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c if (c as u32) < 0x20 || (c as u32) > 0x7e => {
                let mut buf = [0u16; 2];
                for unit in c.encode_utf16(&mut buf) {
                    out.push_str(&format!("\\u{unit:04x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A JSON literal for SQL: `py_json` text, single quotes doubled.
fn j(v: Value) -> String {
    format!("'{}'", py_json(&v).replace('\'', "''"))
}

/// One `api_keys` row of the story: (id, session, provider, key, created, updated).
type KeyRow = (
    i64,
    i64,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
);

fn key_rows() -> Vec<KeyRow> {
    let mut out = Vec::new();
    let mut id = 0;
    // Step-1 keys: created by the ORM default (no fraction), updated by the same insert.
    for (session, keys, at) in [
        (2, API3_KEYS, "2026-05-18 09:01:00"),
        (3, DONE_KEYS, "2026-05-17 10:01:00"),
        (4, RESET_KEYS, "2026-05-16 07:01:00"),
        (5, RACE_A_KEYS, "2026-05-19 14:00:00"),
        (6, RACE_B_KEYS, "2026-05-19 14:00:01"),
        (7, HUNDRED_KEYS, "2026-05-15 09:01:00"),
    ] {
        for (provider, key) in PROVIDERS.iter().zip(keys) {
            id += 1;
            out.push((id, session, *provider, key, at, at));
        }
    }
    out
}

/// The SSOT's `api_keys_data`: every key row of `session` in full (`to_dict()`, ISO times),
/// plus the summary fields.
fn ssot_keys(session: i64, freshness: &str) -> Value {
    let rows: Vec<Value> = key_rows()
        .into_iter()
        .filter(|r| r.1 == session)
        .map(|(id, s, provider, key, created, updated)| {
            json!({
                "id": id, "session_id": s, "provider": provider, "key": key,
                "created_at": created.replacen(' ', "T", 1),
                "updated_at": updated.replacen(' ', "T", 1),
            })
        })
        .collect();
    let providers: Vec<&str> = PROVIDERS.to_vec();
    json!({
        "api_keys": rows,
        "total_keys": 3,
        "providers": providers,
        "data_freshness": freshness,
        "confidence_level": 0.9,
    })
}

fn website(id: i64, session: i64, url: &str, at: &str, updated: &str, social: bool) -> String {
    let host = url.trim_start_matches("https://");
    let social = if social {
        j(json!({"linkedin": format!("https://linkedin.example.com/in/{host}")}))
    } else {
        "NULL".to_owned()
    };
    format!(
        "({id}, {session}, '{url}', '{at}', {ws}, {cc}, {ta}, {ct}, {rs}, NULL, NULL, {social}, \
         {crawl}, {sp}, {sg}, NULL, NULL, 'completed', NULL, NULL, '{at}', '{updated}')",
        ws = j(json!({"tone": "friendly", "voice": "active", "complexity": "moderate"})),
        cc = j(json!({"sentence_structure": "varied", "vocabulary_level": "intermediate"})),
        ta = j(json!({"demographics": ["founders"], "expertise_level": "intermediate"})),
        ct = j(json!({"primary_type": "blog", "secondary_types": ["newsletter"]})),
        rs = j(json!({"writing_tone": "friendly", "creativity_level": "balanced"})),
        crawl = j(json!({"meta_info": {"title": host}, "sitemap_analysis": {"total_urls": 12}})),
        sp = j(json!({"patterns": {"headings": "question-led"}, "style_consistency": "high"})),
        sg = j(json!({"tone_recommendations": ["stay warm"], "structure_guidelines": ["short"]})),
    )
}

fn research(id: i64, session: i64, at: &str) -> String {
    format!(
        "({id}, {session}, 'Comprehensive', {types}, 1, 1, {ws}, NULL, {ta}, NULL, '{at}', '{at}')",
        types = j(json!(["Blog Posts", "Social Media", "Newsletters"])),
        ws = j(json!({"tone": "friendly"})),
        ta = j(json!({"expertise_level": "intermediate"})),
    )
}

fn competitor(id: i64, session: i64, domain: &str, at: &str) -> String {
    format!(
        "({id}, {session}, 'https://{domain}', '{domain}', '{at}', {data}, 'completed', NULL, NULL, \
         '{at}', '{at}')",
        data = j(json!({
            "title": domain, "summary": "A rival.", "relevance_score": 0.5,
            "highlights": ["pricing page"], "subpages": [], "favicon": null, "image": null,
            "published_date": null, "author": null, "competitive_analysis": {},
            "content_insights": {}, "industry_context": "SaaS",
            "completed_at": format!("{}Z", at.replacen(' ', "T", 1)),
        })),
    )
}

fn audit(id: i64, user: &str, site: &str, page: &str, score: i64, at: &str) -> String {
    format!(
        "({id}, '{user}', '{site}', '{site}{page}', {score}, 'needs_review', {cats}, {issues}, \
         {warn}, {recs}, {data}, 'onboarding_full_site', '{at}', '{at}', '{at}')",
        cats = j(json!({"technical": score, "content": score - 5})),
        issues = j(json!([{"type": "missing_meta_description"}])),
        warn = j(json!([])),
        recs = j(json!(["Add a meta description"])),
        data = j(json!({"status_code": 200})),
    )
}

fn ssot(id: i64, user: &str, session: i64, strategy: &str, url: &str, at: &str) -> String {
    format!(
        "({id}, '{user}', {strategy}, {wa}, {rp}, {keys}, {fm}, {apf}, {uo}, {dq}, {cl}, {df}, \
         '{at}', '{at}')",
        wa = j(json!({"website_url": url, "writing_style": {"tone": "friendly"}})),
        rp = j(json!({"research_depth": "Comprehensive", "content_types": ["Blog Posts"]})),
        keys = j(ssot_keys(session, &at.replacen(' ', "T", 1))),
        fm = j(json!({})),
        apf = j(json!({})),
        uo = j(json!({})),
        dq = j(json!({"website_analysis": 0.8, "api_keys": 1.0})),
        cl = j(json!({"website_analysis": 0.8})),
        df = j(json!({"website_analysis": at.replacen(' ', "T", 1)})),
    )
}

/// The rows of the story (see the module documentation).
fn story(with_markers: bool) -> String {
    let mut sql = String::from(
        "INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, \
         updated_at) VALUES\n \
         (1, 'user_2fresh', 1, 0.0, '2026-05-18 08:00:00.104512', '2026-05-18 08:00:00.104512'),\n \
         (2, 'user_2api3', 3, 50.0, '2026-05-18 09:00:00.000101', '2026-05-18 09:20:11.734002'),\n \
         (3, 'user_2done', 6, 100.0, '2026-05-17 10:00:00.512000', '2026-05-17 11:45:00.250001'),\n \
         (4, 'user_2reset', 1, 0.0, '2026-05-16 07:00:00.330000', '2026-05-19 12:00:00.000007'),\n \
         (5, 'user_2race', 1, 17.0, '2026-05-19 14:00:00.100001', '2026-05-19 14:00:00.500001'),\n \
         (6, 'user_2race', 1, 17.0, '2026-05-19 14:00:00.100002', '2026-05-19 14:00:01.250002'),\n \
         (7, 'user_2hundred', 5, 100.0, '2026-05-15 09:00:00', '2026-05-15 10:00:00'),\n \
         (8, 'user_2nulls', NULL, NULL, NULL, NULL);\n",
    );
    let keys: Vec<String> = key_rows()
        .into_iter()
        .map(|(id, s, p, k, c, u)| format!("({id}, {s}, '{p}', '{k}', '{c}', '{u}')"))
        .collect();
    sql.push_str(&format!(
        "INSERT INTO api_keys (id, session_id, provider, \"key\", created_at, updated_at) \
         VALUES\n {};\n",
        keys.join(",\n ")
    ));
    sql.push_str(&format!(
        "INSERT INTO website_analyses (id, session_id, website_url, analysis_date, writing_style, \
         content_characteristics, target_audience, content_type, recommended_settings, \
         brand_analysis, content_strategy_insights, social_media_presence, crawl_result, \
         style_patterns, style_guidelines, seo_audit, strategic_insights_history, status, \
         error_message, warning_message, created_at, updated_at) VALUES\n {},\n {},\n {},\n {};\n",
        website(
            1,
            2,
            "https://api3.example.com",
            "2026-05-18 09:10:00",
            "2026-05-18 09:15:30.000450",
            true
        ),
        website(
            2,
            3,
            "https://done.example.com",
            "2026-05-17 10:10:00",
            "2026-05-17 10:30:00.120000",
            true
        ),
        website(
            3,
            4,
            "https://reset.example.com",
            "2026-05-16 07:10:00",
            "2026-05-16 07:10:00",
            false
        ),
        website(
            4,
            7,
            "https://hundred.example.com",
            "2026-05-15 09:10:00",
            "2026-05-15 09:10:00.999999",
            false
        ),
    ));
    sql.push_str(&format!(
        "INSERT INTO research_preferences (id, session_id, research_depth, content_types, \
         auto_research, factual_content, writing_style, content_characteristics, \
         target_audience, recommended_settings, created_at, updated_at) VALUES\n \
         {},\n {},\n {},\n {};\n",
        research(1, 2, "2026-05-18 09:20:11.700000"),
        research(2, 3, "2026-05-17 10:40:00"),
        research(3, 4, "2026-05-16 07:20:00.000001"),
        research(4, 7, "2026-05-15 09:20:00"),
    ));
    sql.push_str(&format!(
        "INSERT INTO persona_data (id, session_id, core_persona, platform_personas, \
         quality_metrics, selected_platforms, research_persona, research_persona_generated_at, \
         created_at, updated_at) VALUES\n (1, 3, {}, {}, {}, {}, {}, \
         '2026-05-17 11:50:00.000001', '2026-05-17 11:00:00', '2026-05-17 11:00:00.654321');\n",
        j(
            json!({"identity": {"persona_name": "Done Voice", "archetype": "Sage",
            "core_belief": "clarity", "brand_voice_description": "calm"}})
        ),
        j(json!({"linkedin": {"platform_type": "linkedin", "sentence_metrics": {}}})),
        j(json!({"overall_score": 0.82, "recommendations": []})),
        j(json!(["linkedin"])),
        j(json!({"industry": "SaaS", "research_angles": ["pricing"]})),
    ));
    sql.push_str(&format!(
        "INSERT INTO competitor_analyses (id, session_id, competitor_url, competitor_domain, \
         analysis_date, analysis_data, status, error_message, warning_message, created_at, \
         updated_at) VALUES\n {},\n {},\n {};\n",
        competitor(1, 2, "rival-one.example.com", "2026-05-18 09:20:10.000001"),
        competitor(2, 2, "rival-two.example.com", "2026-05-18 09:20:10.000002"),
        competitor(3, 3, "done-rival.example.com", "2026-05-17 10:40:00"),
    ));
    sql.push_str(
        "INSERT INTO api_provider_pricing (id, provider, model_name, cost_per_input_token, \
         cost_per_output_token, is_active, created_at, updated_at) VALUES\n \
         (1, 'gemini', 'gemini-2.5-flash', 3e-07, 2.5e-06, 1, '2026-05-15 08:00:00', '2026-05-15 08:00:00'),\n \
         (2, 'openai', 'gpt-4o-mini', 1.5e-07, 6e-07, 1, '2026-05-15 08:00:00', '2026-05-15 08:00:00'),\n \
         (3, 'anthropic', 'claude-haiku', 8e-07, 4e-06, 0, '2026-05-15 08:00:00', '2026-05-15 08:00:00');\n\
         INSERT INTO daily_workflow_plans (id, user_id, plan_date, status, plan_json, created_at, \
         updated_at) VALUES\n \
         (1, 'user_2done', '2026-05-18', 'generated', '{\"tasks\": [\"write post\"]}', '2026-05-18 06:00:00', '2026-05-18 06:00:00.000100'),\n \
         (2, 'user_2api3', '2026-05-19', 'draft', '{\"tasks\": []}', '2026-05-19 06:00:00', '2026-05-19 06:00:00');\n\
         INSERT INTO enhanced_content_strategies (id, user_id, name, industry, created_at, \
         updated_at) VALUES\n \
         (1, 'user_2done', 'Done strategy', 'SaaS', '2026-05-17 12:00:00', '2026-05-17 12:00:00');\n\
         INSERT INTO website_analysis_tasks (id, user_id, website_url, status, next_execution, \
         created_at, updated_at) VALUES\n \
         (1, 'user_2api3', 'https://api3.example.com', 'active', '2026-05-25 09:20:11.734002', '2026-05-18 09:20:11', '2026-05-18 09:20:11'),\n \
         (2, 'user_2reset', 'https://reset.example.com', 'paused', '2026-05-23 07:20:00', '2026-05-16 07:20:00', '2026-05-19 12:00:00.000007');\n",
    );
    if with_markers {
        sql.push_str(&format!(
            "INSERT INTO seo_page_audits (id, user_id, website_url, page_url, overall_score, \
             status, category_scores, issues, warnings, recommendations, audit_data, \
             analysis_source, last_analyzed_at, created_at, updated_at) VALUES\n \
             {},\n {},\n {};\n",
            audit(
                1,
                API3,
                "https://api3.example.com",
                "/",
                72,
                "2026-05-18 09:30:00"
            ),
            audit(
                2,
                API3,
                "https://api3.example.com",
                "/pricing",
                64,
                "2026-05-18 09:30:01"
            ),
            audit(
                3,
                DONE,
                "https://done.example.com",
                "/",
                88,
                "2026-05-17 11:00:00"
            ),
        ));
        sql.push_str(&format!(
            "INSERT INTO onboarding_data_integrations (id, user_id, strategy_id, \
             website_analysis_data, research_preferences_data, api_keys_data, field_mappings, \
             auto_populated_fields, user_overrides, data_quality_scores, confidence_levels, \
             data_freshness, created_at, updated_at) VALUES\n {},\n {},\n {},\n {},\n {};\n",
            ssot(
                1,
                API3,
                2,
                "NULL",
                "https://api3.example.com",
                "2026-05-18 09:20:11.750000"
            ),
            ssot(
                2,
                DONE,
                3,
                "1",
                "https://done.example.com",
                "2026-05-17 11:45:00.300000"
            ),
            ssot(
                3,
                RESET,
                4,
                "NULL",
                "https://reset.example.com",
                "2026-05-16 07:20:00.100000"
            ),
            ssot(4, RACE, 6, "NULL", "", "2026-05-19 14:00:01.300000"),
            ssot(
                5,
                HUNDRED,
                7,
                "NULL",
                "https://hundred.example.com",
                "2026-05-15 10:00:00"
            ),
        ));
    }
    sql
}

/// Every key value of `user` in the story.
pub fn keys_of(user: &str) -> Vec<&'static str> {
    match user {
        API3 => API3_KEYS.to_vec(),
        DONE => DONE_KEYS.to_vec(),
        RESET => RESET_KEYS.to_vec(),
        RACE => RACE_A_KEYS.iter().chain(&RACE_B_KEYS).copied().collect(),
        HUNDRED => HUNDRED_KEYS.to_vec(),
        _ => Vec::new(),
    }
}

/// Whether `user`'s first session has a row in `table` (the data ALwrity's services read).
pub fn has_data(user: &str, table: &str) -> bool {
    let with: &[&str] = match table {
        "api_keys" => &[API3, DONE, RESET, RACE, HUNDRED],
        "website_analyses" | "research_preferences" => &[API3, DONE, RESET, HUNDRED],
        "persona_data" => &[DONE],
        _ => &[],
    };
    with.contains(&user)
}
