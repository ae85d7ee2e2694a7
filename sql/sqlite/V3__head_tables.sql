-- ALwrity HEAD's two list tables, so a whole user moves between a workspace and onboardctl's
-- own databases: `competitor_analyses` (per session) and `seo_page_audits` (per user id,
-- one row per page). Their shape is ALwrity's own (HEAD's SQLAlchemy models), columns and
-- constraints alike, so one set of statements reads and writes them on every database;
-- IF NOT EXISTS keeps a database an earlier onboardctl rewrote from ALwrity's, which may
-- already hold ALwrity's tables of the same shape, migratable.
CREATE TABLE IF NOT EXISTS competitor_analyses (
    id INTEGER NOT NULL PRIMARY KEY,
    session_id INTEGER NOT NULL REFERENCES onboarding_sessions (id) ON DELETE CASCADE,
    competitor_url TEXT NOT NULL,
    competitor_domain VARCHAR(255),
    analysis_date DATETIME,
    analysis_data JSON,
    status VARCHAR(50),
    error_message TEXT,
    warning_message TEXT,
    created_at DATETIME,
    updated_at DATETIME
);
CREATE INDEX IF NOT EXISTS ix_competitor_analyses_session_id
    ON competitor_analyses (session_id);

CREATE TABLE IF NOT EXISTS seo_page_audits (
    id INTEGER NOT NULL PRIMARY KEY,
    user_id VARCHAR(255) NOT NULL,
    website_url VARCHAR(500) NOT NULL,
    page_url VARCHAR(1000) NOT NULL,
    overall_score INTEGER,
    status VARCHAR(50),
    category_scores JSON,
    issues JSON,
    warnings JSON,
    recommendations JSON,
    audit_data JSON,
    analysis_source VARCHAR(50),
    last_analyzed_at DATETIME,
    created_at DATETIME,
    updated_at DATETIME,
    CONSTRAINT uq_seo_page_audits_user_page UNIQUE (user_id, page_url)
);
