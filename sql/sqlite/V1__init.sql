-- onboardctl schema v1 (SQLite): a strict superset of ALwrity's onboarding tables.
--
-- Table and column names and SQLite type names are ALwrity's (ALWRITY.md §1), so ALwrity can
-- read and write this database. What we add: one session per user, one row per session in the
-- 1:1 tables, one key per (session, provider), ON DELETE CASCADE everywhere (onboardctl turns
-- `foreign_keys` on at every open), `onboarding_sessions.completed_at` and `onboarding_steps`.
-- Timestamps are UTC text `YYYY-MM-DD HH:MM:SS.ffffff` (SQLAlchemy's DATETIME format); JSON
-- columns hold JSON text; booleans are 0/1.

CREATE TABLE onboarding_sessions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    user_id VARCHAR(255) NOT NULL UNIQUE,
    current_step INTEGER NOT NULL DEFAULT 1 CHECK (current_step BETWEEN 1 AND 6),
    progress FLOAT NOT NULL DEFAULT 0.0 CHECK (progress >= 0.0 AND progress <= 100.0),
    started_at DATETIME,
    updated_at DATETIME,
    completed_at DATETIME
);

-- `session list` filters and sorts on these.
CREATE INDEX ix_onboarding_sessions_updated_at ON onboarding_sessions (updated_at);
CREATE INDEX ix_onboarding_sessions_current_step ON onboarding_sessions (current_step);
CREATE INDEX ix_onboarding_sessions_completed_at ON onboarding_sessions (completed_at);

CREATE TABLE api_keys (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    provider VARCHAR(64) NOT NULL,
    -- TEXT rather than ALwrity's VARCHAR(256): sealed `enc:v1:` values are longer.
    "key" TEXT NOT NULL,
    created_at DATETIME,
    updated_at DATETIME,
    UNIQUE (session_id, provider)
);

CREATE TABLE website_analyses (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL UNIQUE REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    website_url VARCHAR(500) NOT NULL,
    analysis_date DATETIME,
    writing_style JSON,
    content_characteristics JSON,
    target_audience JSON,
    content_type JSON,
    recommended_settings JSON,
    brand_analysis JSON,
    content_strategy_insights JSON,
    social_media_presence JSON,
    crawl_result JSON,
    style_patterns JSON,
    style_guidelines JSON,
    seo_audit JSON,
    strategic_insights_history JSON,
    status VARCHAR(50) DEFAULT 'completed',
    error_message TEXT,
    warning_message TEXT,
    created_at DATETIME,
    updated_at DATETIME
);

CREATE TABLE research_preferences (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL UNIQUE REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    research_depth VARCHAR(50) NOT NULL,
    content_types JSON NOT NULL,
    auto_research BOOLEAN DEFAULT 1,
    factual_content BOOLEAN DEFAULT 1,
    writing_style JSON,
    content_characteristics JSON,
    target_audience JSON,
    recommended_settings JSON,
    created_at DATETIME,
    updated_at DATETIME
);

CREATE TABLE persona_data (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL UNIQUE REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    core_persona JSON,
    platform_personas JSON,
    quality_metrics JSON,
    selected_platforms JSON,
    research_persona JSON,
    research_persona_generated_at DATETIME,
    created_at DATETIME,
    updated_at DATETIME
);

-- New: ALwrity's StepData, one row per (session, step).
CREATE TABLE onboarding_steps (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    session_id INTEGER NOT NULL REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    step_number INTEGER NOT NULL CHECK (step_number BETWEEN 1 AND 6),
    status VARCHAR(20) NOT NULL
        CHECK (status IN ('pending', 'in_progress', 'completed', 'skipped', 'failed')),
    completed_at DATETIME,
    data JSON,
    validation_errors JSON NOT NULL DEFAULT '[]',
    forced BOOLEAN NOT NULL DEFAULT 0 CHECK (forced IN (0, 1)),
    force_reason TEXT,
    UNIQUE (session_id, step_number)
);
