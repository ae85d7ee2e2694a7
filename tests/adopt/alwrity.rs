//! ALwrity databases built by the tests themselves, from the DDL in docs/ALWRITY.md
//! "ALwrity's tables" as SQLAlchemy's `create_all` emits it (no DEFAULTs, no unique constraints, no
//! indexes, nullable `api_keys.session_id` without ON DELETE, `json` and naive `timestamp` on
//! PostgreSQL, DATETIME text on SQLite), in two eras:
//!
//! - `Seed`: commit `4431cd98`, the five tables without the later columns;
//! - `Later`: the later columns already added (brand columns by ALwrity's script, the
//!   research-persona columns by its runtime check, as JSONB on PostgreSQL), plus
//!   `competitor_analyses`, `seo_page_audits`, the manual user-id index, and one column
//!   onboardctl does not know (`persona_data.facebook_persona`).
//!
//! [`fill`] writes the same story into either: duplicate sessions, duplicate keys, a NULL
//! `session_id` key, NULL JSON columns, naive timestamps in several shapes, and on SQLite
//! (where ALwrity never enforced foreign keys) rows pointing at sessions that do not exist and
//! an unreadable timestamp.

use onboardctl::store::Backend;

use crate::raw::Raw;

/// Which ALwrity schema.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Era {
    /// The seed-era schema.
    Seed,
    /// A later schema with some of the newer columns and tables.
    Later,
}

/// The DDL ALwrity's `create_all` ran, with `{ID}`, `{TS}`, `{JSON}` placeholders.
const SEED: &str = "
CREATE TABLE onboarding_sessions (
    id {ID}, user_id VARCHAR(255) NOT NULL, current_step INTEGER, progress FLOAT,
    started_at {TS}, updated_at {TS}, PRIMARY KEY (id));
CREATE TABLE api_keys (
    id {ID}, session_id INTEGER, provider VARCHAR(64) NOT NULL, \"key\" VARCHAR(256) NOT NULL,
    created_at {TS}, updated_at {TS}, PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id));
CREATE TABLE website_analyses (
    id {ID}, session_id INTEGER NOT NULL, website_url VARCHAR(500) NOT NULL,
    analysis_date {TS}, writing_style {JSON}, content_characteristics {JSON},
    target_audience {JSON}, content_type {JSON}, recommended_settings {JSON},
    crawl_result {JSON}, style_patterns {JSON}, style_guidelines {JSON},
    status VARCHAR(50), error_message TEXT, warning_message TEXT,
    created_at {TS}, updated_at {TS}, PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE);
CREATE TABLE research_preferences (
    id {ID}, session_id INTEGER NOT NULL, research_depth VARCHAR(50) NOT NULL,
    content_types {JSON} NOT NULL, auto_research BOOLEAN, factual_content BOOLEAN,
    writing_style {JSON}, content_characteristics {JSON}, target_audience {JSON},
    recommended_settings {JSON}, created_at {TS}, updated_at {TS}, PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE);
CREATE TABLE persona_data (
    id {ID}, session_id INTEGER NOT NULL, core_persona {JSON}, platform_personas {JSON},
    quality_metrics {JSON}, selected_platforms {JSON}, created_at {TS}, updated_at {TS},
    PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE);
";

/// What later ALwrity versions and scripts added.
const LATER: &str = "
ALTER TABLE website_analyses ADD COLUMN brand_analysis {JSON};
ALTER TABLE website_analyses ADD COLUMN content_strategy_insights {JSON};
ALTER TABLE website_analyses ADD COLUMN social_media_presence {JSON};
ALTER TABLE website_analyses ADD COLUMN seo_audit {JSON};
ALTER TABLE website_analyses ADD COLUMN strategic_insights_history {JSON};
ALTER TABLE persona_data ADD COLUMN research_persona {JSONB};
ALTER TABLE persona_data ADD COLUMN research_persona_generated_at TIMESTAMP;
ALTER TABLE persona_data ADD COLUMN facebook_persona {JSON};
CREATE TABLE competitor_analyses (
    id {ID}, session_id INTEGER NOT NULL, competitor_url TEXT NOT NULL,
    competitor_domain VARCHAR(255), analysis_date {TS}, analysis_data {JSON},
    status VARCHAR(50), error_message TEXT, warning_message TEXT,
    created_at {TS}, updated_at {TS}, PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE);
CREATE TABLE seo_page_audits (
    id {ID}, user_id VARCHAR(255) NOT NULL, website_url VARCHAR(500) NOT NULL,
    page_url VARCHAR(1000) NOT NULL, overall_score INTEGER, status VARCHAR(50),
    audit_data {JSON}, created_at {TS}, updated_at {TS}, PRIMARY KEY (id),
    CONSTRAINT uq_seo_page_audits_user_page UNIQUE (user_id, page_url));
CREATE INDEX idx_onboarding_sessions_user_id ON onboarding_sessions (user_id);
";

fn dialect(sql: &str, backend: Backend) -> String {
    let (id, ts, json, jsonb) = match backend {
        Backend::Sqlite | Backend::Workspace => ("INTEGER NOT NULL", "DATETIME", "JSON", "JSON"),
        Backend::Postgres => (
            "SERIAL NOT NULL",
            "TIMESTAMP WITHOUT TIME ZONE",
            "JSON",
            "JSONB",
        ),
    };
    sql.replace("{ID}", id)
        .replace("{TS}", ts)
        .replace("{JSONB}", jsonb)
        .replace("{JSON}", json)
}

/// Creates ALwrity's tables of `era`.
pub fn create(raw: &mut dyn Raw, era: Era) {
    let backend = raw.backend();
    raw.exec(&dialect(SEED, backend));
    if era == Era::Later {
        raw.exec(&dialect(LATER, backend));
    }
}

/// The sessions: user_a twice (1 wins on progress, 33.33 over 33.0), user_b twice (3 is
/// complete), user_c with NULLs, user_d past a skipped step.
const SESSIONS: &str = "
INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, updated_at) VALUES
 (1, 'user_a', 3, 33.333333333333336, '2025-09-01 10:00:00.000001', '2025-09-02 10:00:00'),
 (2, 'user_a', 2, 33.0, '2025-09-01 11:00:00', '2025-09-03T08:00:00.5'),
 (3, 'user_b', 6, 100.0, '2025-09-04 09:00:00.250000', '2025-09-05 12:00:00.123456'),
 (4, 'user_c', NULL, NULL, NULL, NULL),
 (5, 'user_b', 1, 0.0, '2025-09-06 09:00:00', '2025-09-06 09:00:00'),
 (6, 'user_d', 4, 33.3, '2025-09-07 09:00:00', '2025-09-07 10:00:00');
INSERT INTO api_keys (id, session_id, provider, \"key\", created_at, updated_at) VALUES
 (10, 1, 'gemini', 'AIzaFAKE_ADOPT_OLDER_000000000000', '2025-09-01 10:00:00', '2025-09-02 09:00:00'),
 (11, 2, 'gemini', 'AIzaFAKE_ADOPT_NEWER_000000000000', '2025-09-01 11:00:00', '2025-09-03 09:00:00'),
 (12, 2, 'exa', '00000000-0000-4000-8000-00000000000a', '2025-09-01 11:00:00', '2025-09-01 11:00:00'),
 (13, NULL, 'openai', 'sk-FAKE-ADOPT-NO-SESSION-0000', '2025-09-01 12:00:00', NULL),
 (15, 3, 'gemini', 'AIzaFAKE_ADOPT_TWIN_ONE_00000000', '2025-09-04 09:00:00', '2025-09-04 09:30:00'),
 (16, 3, 'gemini', 'AIzaFAKE_ADOPT_TWIN_TWO_00000000', '2025-09-04 09:00:00', '2025-09-04 09:30:00');
INSERT INTO website_analyses (id, session_id, website_url, analysis_date, writing_style,
  content_characteristics, target_audience, content_type, recommended_settings, crawl_result,
  style_patterns, style_guidelines, status, error_message, warning_message, created_at,
  updated_at) VALUES
 (30, 1, 'https://a.example', NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL,
  'completed', NULL, NULL, '2025-09-02 10:00:00', '2025-09-02 10:00:00'),
 (31, 2, '', '2025-09-04 10:00:00', '{\"tone\": \"calm\"}', NULL, NULL, NULL, NULL,
  '{\"meta_info\": {\"title\": \"A\"}}', NULL, NULL, NULL, NULL, NULL,
  '2025-09-04 10:00:00', '2025-09-04 10:00:00'),
 (32, 6, 'https://d.example', '2025-09-07 09:30:00', '{\"tone\": \"bold\"}', NULL, NULL, NULL,
  NULL, NULL, NULL, NULL, 'completed', NULL, NULL, '2025-09-07 09:30:00', '2025-09-07 09:30:00');
INSERT INTO research_preferences (id, session_id, research_depth, content_types,
  auto_research, factual_content, writing_style, content_characteristics, target_audience,
  recommended_settings, created_at, updated_at) VALUES
 (40, 3, 'Standard', '[\"blog\"]', {TRUE}, {FALSE}, NULL, NULL, NULL, NULL,
  '2025-09-04 09:00:00', '2025-09-04 09:00:00'),
 (41, 5, 'Comprehensive', '[\"video\"]', NULL, NULL, NULL, NULL, NULL, NULL,
  '2025-09-06 09:00:00', '2025-09-06 09:00:00');
INSERT INTO persona_data (id, session_id, core_persona, platform_personas, quality_metrics,
  selected_platforms, created_at, updated_at) VALUES
 (50, 6, NULL, '{\"blog\": {}}', NULL, '[\"blog\"]', '2025-09-07 09:40:00', '2025-09-07 09:40:00');
";

/// Rows only a database without enforced foreign keys can hold (SQLite).
const SQLITE_ONLY: &str = "
INSERT INTO api_keys (id, session_id, provider, \"key\", created_at, updated_at) VALUES
 (14, 99, 'tavily', 'tvly-FAKE-ADOPT-DANGLING-0', '2025-09-01 12:00:00', '2025-09-01 12:00:00');
INSERT INTO website_analyses (id, session_id, website_url, created_at, updated_at) VALUES
 (33, 77, 'https://gone.example', '2025-09-01 12:00:00', '2025-09-01 12:00:00');
UPDATE website_analyses SET created_at = 'yesterday' WHERE id = 32;
";

/// Rows of the later era.
const LATER_ROWS: &str = "
INSERT INTO competitor_analyses (id, session_id, competitor_url, competitor_domain,
  analysis_data, status, created_at, updated_at) VALUES
 (60, 2, 'https://rival.example', 'rival.example', '{\"title\": \"Rival\"}', 'completed',
  '2025-09-03 08:00:00', '2025-09-03 08:00:00');
INSERT INTO seo_page_audits (id, user_id, website_url, page_url, overall_score, status,
  audit_data, created_at, updated_at) VALUES
 (70, 'user_a', 'https://a.example', 'https://a.example/x', 80, 'needs_review', NULL,
  '2025-09-03 08:00:00', '2025-09-03 08:00:00');
UPDATE persona_data SET research_persona = '{\"industry\": \"SaaS\"}',
  research_persona_generated_at = '2025-09-07 09:45:00', facebook_persona = '{\"x\": 1}'
  WHERE id = 50;
UPDATE website_analyses SET brand_analysis = '{\"values\": [\"trust\"]}' WHERE id = 32;
";

const SQLITE_LATER_ONLY: &str = "
INSERT INTO competitor_analyses (id, session_id, competitor_url, created_at, updated_at) VALUES
 (61, 88, 'https://orphan.example', '2025-09-01 12:00:00', '2025-09-01 12:00:00');
";

/// Creates the tables of `era` and fills them.
pub fn build(raw: &mut dyn Raw, era: Era) {
    create(raw, era);
    let backend = raw.backend();
    let (t, f) = match backend {
        Backend::Sqlite | Backend::Workspace => ("1", "0"),
        Backend::Postgres => ("true", "false"),
    };
    raw.exec(&SESSIONS.replace("{TRUE}", t).replace("{FALSE}", f));
    if backend == Backend::Sqlite {
        raw.exec(SQLITE_ONLY);
    }
    if era == Era::Later {
        raw.exec(LATER_ROWS);
        if backend == Backend::Sqlite {
            raw.exec(SQLITE_LATER_ONLY);
        }
    }
    if backend == Backend::Postgres {
        // Explicit ids leave the sequences behind; SQLAlchemy's next insert needs them ahead.
        for table in raw.tables() {
            raw.exec(&format!(
                "SELECT setval(pg_get_serial_sequence('{table}', 'id'), \
                 (SELECT coalesce(max(id), 0) + 1 FROM {table}), false) \
                 WHERE pg_get_serial_sequence('{table}', 'id') IS NOT NULL"
            ));
        }
    }
}

/// ALwrity's tables (the ones that exist in `era`) whose rows must all survive adoption.
pub fn data_tables(era: Era) -> Vec<&'static str> {
    let mut out = vec![
        "onboarding_sessions",
        "api_keys",
        "website_analyses",
        "research_preferences",
        "persona_data",
    ];
    if era == Era::Later {
        out.extend(["competitor_analyses", "seo_page_audits"]);
    }
    out
}
