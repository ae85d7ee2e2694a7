-- An ALwrity seed-era SQLite database (the five tables as SQLAlchemy's `create_all` made
-- them at ALwrity commit 4431cd98: no DEFAULTs, no unique constraints, no indexes, naive
-- DATETIME text) with @users users (100,000 unless the caller runs `.parameter set @users N`
-- first): a session each (one user in a thousand has a second session row), three API
-- keys each, a website analysis for every second user, research preferences for every third
-- and persona data for every fourth. The journal mode stays ALwrity's (`delete`). Used by
-- bench/bulk.sh for `db migrate` (adoption).
PRAGMA synchronous = OFF;
BEGIN;
CREATE TABLE onboarding_sessions (
    id INTEGER NOT NULL, user_id VARCHAR(255) NOT NULL, current_step INTEGER, progress FLOAT,
    started_at DATETIME, updated_at DATETIME, PRIMARY KEY (id));
CREATE TABLE api_keys (
    id INTEGER NOT NULL, session_id INTEGER, provider VARCHAR(64) NOT NULL, "key" VARCHAR(256) NOT NULL,
    created_at DATETIME, updated_at DATETIME, PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id));
CREATE TABLE website_analyses (
    id INTEGER NOT NULL, session_id INTEGER NOT NULL, website_url VARCHAR(500) NOT NULL,
    analysis_date DATETIME, writing_style JSON, content_characteristics JSON,
    target_audience JSON, content_type JSON, recommended_settings JSON,
    crawl_result JSON, style_patterns JSON, style_guidelines JSON,
    status VARCHAR(50), error_message TEXT, warning_message TEXT,
    created_at DATETIME, updated_at DATETIME, PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE);
CREATE TABLE research_preferences (
    id INTEGER NOT NULL, session_id INTEGER NOT NULL, research_depth VARCHAR(50) NOT NULL,
    content_types JSON NOT NULL, auto_research BOOLEAN, factual_content BOOLEAN,
    writing_style JSON, content_characteristics JSON, target_audience JSON,
    recommended_settings JSON, created_at DATETIME, updated_at DATETIME, PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE);
CREATE TABLE persona_data (
    id INTEGER NOT NULL, session_id INTEGER NOT NULL, core_persona JSON, platform_personas JSON,
    quality_metrics JSON, selected_platforms JSON, created_at DATETIME, updated_at DATETIME,
    PRIMARY KEY (id),
    FOREIGN KEY(session_id) REFERENCES onboarding_sessions (id) ON DELETE CASCADE);
-- Session rows in ALwrity's insertion order (ids are not in user id order): the user of row
-- i is a pseudo-random permutation of 1..n, and every thousandth row repeats an earlier user.
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < coalesce(@users, 100000))
INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, updated_at)
SELECT i, printf('user_%06d', (i * 7919) % coalesce(@users, 100000) + 1), (i % 6) + 1,
       round((i % 6) * 100.0 / 6, 1), '2025-09-01 10:00:00.000000',
       printf('2025-%02d-01 12:00:00.%06d', (i % 12) + 1, i % 1000000)
FROM n;
-- The duplicates: a second session row for every thousandth user.
INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, updated_at)
SELECT id + coalesce(@users, 100000), user_id, 1, 0.0, '2025-08-01 10:00:00', '2025-08-01 10:00:00'
FROM onboarding_sessions WHERE id % 1000 = 0;
WITH p(k, name, val) AS (VALUES (0, 'gemini', 'AIzaFAKE_BENCH_ONLY_000000000000000000'),
                                (1, 'exa', '00000000-0000-4000-8000-000000000000'),
                                (2, 'copilotkit', 'ck_pub_FAKE_BENCH_ONLY_0000'))
INSERT INTO api_keys (id, session_id, provider, "key", created_at, updated_at)
SELECT s.id * 3 + p.k, s.id, p.name, p.val, '2025-09-01 10:00:00', '2025-09-01 10:00:00'
FROM onboarding_sessions s, p WHERE s.id <= coalesce(@users, 100000);
INSERT INTO website_analyses (id, session_id, website_url, analysis_date, writing_style,
  crawl_result, status, created_at, updated_at)
SELECT id, id, printf('https://site%d.example', id), '2025-09-02 10:00:00',
       '{"tone": "calm"}', '{"meta_info": {"title": "A"}}', 'completed',
       '2025-09-02 10:00:00', '2025-09-02 10:00:00'
FROM onboarding_sessions WHERE id % 2 = 0 AND id <= coalesce(@users, 100000);
INSERT INTO research_preferences (id, session_id, research_depth, content_types,
  auto_research, factual_content, created_at, updated_at)
SELECT id, id, 'Standard', '["blog"]', 1, 0, '2025-09-03 10:00:00', '2025-09-03 10:00:00'
FROM onboarding_sessions WHERE id % 3 = 0 AND id <= coalesce(@users, 100000);
INSERT INTO persona_data (id, session_id, core_persona, platform_personas, selected_platforms,
  created_at, updated_at)
SELECT id, id, '{"name": "P"}', '{"blog": {}}', '["blog"]', '2025-09-04 10:00:00',
       '2025-09-04 10:00:00'
FROM onboarding_sessions WHERE id % 4 = 0 AND id <= coalesce(@users, 100000);
COMMIT;
