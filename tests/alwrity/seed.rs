//! A clean seed-era ALwrity database (commit `4431cd98`: one shared database, SQLite or
//! PostgreSQL) from the seed DDL of the adoption suite, with a small story in the seed
//! package's meaning of the columns (`current_step` = the next step to do, `progress` =
//! completed steps / 6 × 100, unrounded):
//!
//! - `seed_fresh` [1]: a new session (1, 0.0);
//! - `seed_two` [2]: steps 1 and 2 completed (next step 3, 33.333…): three keys and a
//!   website analysis;
//! - `seed_done` [3]: completed (6, 100.0) with keys, analysis, research and persona.
//!
//! On SQLite the file is created here with no onboardctl connection ever opened on it; on
//! PostgreSQL each database is a schema of its own on `ONBOARDCTL_TEST_PG_URL` (skipped with
//! a notice without it, a failure under `CI`, as the adoption suite does).

use std::any::Any;
use std::path::PathBuf;

use onboardctl::store::Backend;

use crate::alwrity::{self, Era};
use crate::raw::{Raw, SqliteRaw};

/// A new session.
pub const FRESH: &str = "seed_fresh";
/// Steps 1 and 2 completed.
pub const TWO: &str = "seed_two";
/// Completed.
pub const DONE: &str = "seed_done";
/// Every user of the seed story.
pub const ALL: [&str; 3] = [FRESH, TWO, DONE];

/// One seed-era database.
pub struct SeedDb {
    /// A raw connection (foreign keys off on SQLite, as ALwrity has them).
    pub raw: Box<dyn Raw>,
    /// The `--database-url`.
    pub url: String,
    /// The SQLite file, when SQLite.
    pub file: Option<PathBuf>,
    _keep: Box<dyn Any>,
}

impl SeedDb {
    /// Which backend.
    pub fn backend(&self) -> Backend {
        self.raw.backend()
    }

    /// The binary pointed at this database.
    pub fn cli(&self) -> crate::Cli {
        crate::Cli::new(&self.url)
    }

    /// ALwrity's reading of every user.
    pub fn reading(&mut self) -> crate::oracle::Readings {
        crate::oracle::readings(&mut *self.raw)
    }
}

const STORY: &str = "
INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at) VALUES
 ('seed_fresh', 1, 0.0, '2025-10-20 09:00:00.123456', '2025-10-20 09:00:00.123456');
INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at) VALUES
 ('seed_two', 3, 33.333333333333336, '2025-10-20 10:00:00', '2025-10-21 10:00:00.5');
INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at) VALUES
 ('seed_done', 6, 100.0, '2025-10-19 08:00:00', '2025-10-19 09:30:00');
INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) VALUES
 (2, 'gemini', 'AIzaFAKE_FIXTURE_SEED_TWO_GEMINI_0001', '2025-10-20 10:01:00', '2025-10-20 10:01:00'),
 (2, 'exa', '00000000-0000-4000-8000-0000000005e2', '2025-10-20 10:01:00', '2025-10-20 10:01:00'),
 (2, 'copilotkit', 'ck_pub_FAKE_FIXTURE_SEED_TWO_01', '2025-10-20 10:01:00', '2025-10-20 10:01:00'),
 (3, 'gemini', 'AIzaFAKE_FIXTURE_SEED_DONE_GEMINI_0003', '2025-10-19 08:01:00', '2025-10-19 08:01:00'),
 (3, 'exa', '00000000-0000-4000-8000-0000000005e3', '2025-10-19 08:01:00', '2025-10-19 08:01:00'),
 (3, 'copilotkit', 'ck_pub_FAKE_FIXTURE_SEED_DONE_03', '2025-10-19 08:01:00', '2025-10-19 08:01:00');
INSERT INTO website_analyses (session_id, website_url, analysis_date, writing_style,
  crawl_result, status, created_at, updated_at) VALUES
 (2, 'https://two.example.com', '2025-10-21 09:00:00', '{\"tone\": \"calm\"}',
  '{\"meta_info\": {\"title\": \"Two\"}}', 'completed', '2025-10-21 09:00:00', '2025-10-21 09:00:00'),
 (3, 'https://done.example.com', '2025-10-19 08:30:00', '{\"tone\": \"bold\"}', NULL,
  'completed', '2025-10-19 08:30:00', '2025-10-19 08:30:00');
INSERT INTO research_preferences (session_id, research_depth, content_types, auto_research,
  factual_content, created_at, updated_at) VALUES
 (3, 'standard', '[\"Blog Posts\"]', {TRUE}, {TRUE}, '2025-10-19 08:40:00', '2025-10-19 08:40:00');
INSERT INTO persona_data (session_id, core_persona, platform_personas, quality_metrics,
  selected_platforms, created_at, updated_at) VALUES
 (3, '{\"identity\": {\"persona_name\": \"Seed\"}}', '{\"blog\": {}}', NULL, '[\"blog\"]',
  '2025-10-19 09:00:00', '2025-10-19 09:00:00');
";

fn fill(raw: &mut dyn Raw) {
    alwrity::create(raw, Era::Seed);
    let t = match raw.backend() {
        Backend::Sqlite | Backend::Workspace => "1",
        Backend::Postgres => "true",
    };
    raw.exec(&STORY.replace("{TRUE}", t));
}

/// The seed story in a new SQLite file.
pub fn sqlite() -> Option<SeedDb> {
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("alwrity.db");
    let conn = rusqlite::Connection::open(&file).expect("create the file");
    conn.pragma_update(None, "foreign_keys", false).unwrap();
    let mut raw = SqliteRaw(conn);
    fill(&mut raw);
    Some(SeedDb {
        raw: Box::new(raw),
        url: format!("sqlite:{}", file.display()),
        file: Some(file),
        _keep: Box::new(dir),
    })
}

/// The seed story in a new PostgreSQL schema, or `None` (with a notice) to skip.
pub fn postgres() -> Option<SeedDb> {
    let db = crate::backends::postgres()?;
    let url = db.url.clone();
    let raw = pg_raw(&url);
    let mut seed = SeedDb {
        raw: Box::new(raw),
        url,
        file: None,
        _keep: Box::new(db),
    };
    fill(&mut *seed.raw);
    Some(seed)
}

fn pg_raw(url: &str) -> crate::raw::PgRaw {
    let driver = match onboardctl::config::DbUrl::parse(url).expect("test URL parses") {
        onboardctl::config::DbUrl::Postgres(pg) => pg.driver_url().to_owned(),
        other => panic!("not PostgreSQL: {other:?}"),
    };
    crate::raw::PgRaw(postgres::Client::connect(&driver, postgres::NoTls).expect("connect"))
}

/// Runs `test` on the seed story on SQLite, then on PostgreSQL (when configured).
pub fn each(mut test: impl FnMut(SeedDb)) {
    for make in [sqlite, postgres] {
        if let Some(db) = make() {
            test(db);
        }
    }
}
