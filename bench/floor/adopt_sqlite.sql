-- Floor of `db migrate` (adoption) on a seed-era ALwrity SQLite database: what the attach
-- writes (onboardctl's five tables, ALwrity's seven newer nullable columns, five non-unique
-- lookup indexes, the duplicate-session report, the two onboardctl_meta rows) as one
-- transaction, the same statement text so the schema comes out identical. Run as
-- `sqlite3 DB < adopt_sqlite.sql`.
BEGIN IMMEDIATE;
CREATE TABLE onboardctl_meta (key VARCHAR(64) PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE onboardctl_session_state (session_id INTEGER PRIMARY KEY, user_id VARCHAR(255) NOT NULL, completed_at DATETIME, current_step INTEGER, progress FLOAT, seen_current_step INTEGER, seen_progress FLOAT, seen_updated_at DATETIME, recorded_at DATETIME NOT NULL);
CREATE TABLE onboardctl_steps (session_id INTEGER NOT NULL, step_number INTEGER NOT NULL, status VARCHAR(20) NOT NULL, completed_at DATETIME, data JSON, validation_errors JSON, forced BOOLEAN NOT NULL, force_reason TEXT, PRIMARY KEY (session_id, step_number));
CREATE TABLE onboardctl_quarantine (id INTEGER PRIMARY KEY AUTOINCREMENT, source_table VARCHAR(64) NOT NULL, source_id BIGINT, reason TEXT NOT NULL, row_data JSON NOT NULL, quarantined_at DATETIME NOT NULL);
CREATE TABLE onboardctl_copy_progress (source TEXT PRIMARY KEY, last_user_id TEXT, started_at DATETIME NOT NULL, updated_at DATETIME NOT NULL, finished_at DATETIME);
ALTER TABLE website_analyses ADD COLUMN brand_analysis JSON;
ALTER TABLE website_analyses ADD COLUMN content_strategy_insights JSON;
ALTER TABLE website_analyses ADD COLUMN social_media_presence JSON;
ALTER TABLE website_analyses ADD COLUMN seo_audit JSON;
ALTER TABLE website_analyses ADD COLUMN strategic_insights_history JSON;
ALTER TABLE persona_data ADD COLUMN research_persona JSON;
ALTER TABLE persona_data ADD COLUMN research_persona_generated_at DATETIME;
CREATE INDEX onboardctl_ix_onboarding_sessions_user_id ON onboarding_sessions (user_id);
CREATE INDEX onboardctl_ix_api_keys_session_id ON api_keys (session_id);
CREATE INDEX onboardctl_ix_website_analyses_session_id ON website_analyses (session_id);
CREATE INDEX onboardctl_ix_research_preferences_session_id ON research_preferences (session_id);
CREATE INDEX onboardctl_ix_persona_data_session_id ON persona_data (session_id);
SELECT user_id, id FROM onboarding_sessions WHERE user_id IN
  (SELECT user_id FROM onboarding_sessions GROUP BY user_id HAVING count(*) > 1)
  ORDER BY user_id, id;
INSERT INTO onboardctl_meta (key, value) VALUES ('attach_version', '1'),
  ('attached_on', strftime('%Y-%m-%d %H:%M:%f000', 'now'));
COMMIT;
