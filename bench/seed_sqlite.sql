-- Seeds a migrated onboardctl SQLite database with @users users (100,000 unless the caller
-- runs `.parameter set @users N` first): each has a session, six step rows (a spread of
-- progress), and three API keys. Used by bench/run.sh and bench/bulk.sh.
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < coalesce(@users, 100000))
INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at)
SELECT printf('user_%06d', i), (i % 6) + 1, round((i % 6) * 100.0 / 6, 1),
       '2026-01-01 00:00:00.000000', printf('2026-%02d-01 12:00:00.000000', (i % 12) + 1)
FROM n;
WITH RECURSIVE st(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM st WHERE k < 6)
INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, data, validation_errors)
SELECT s.id, st.k,
       CASE WHEN st.k < s.current_step THEN 'completed' ELSE 'pending' END,
       CASE WHEN st.k < s.current_step THEN '2026-01-02 00:00:00.000000' END,
       CASE WHEN st.k < s.current_step THEN '{"seeded":true}' END, '[]'
FROM onboarding_sessions s, st;
WITH p(name, val) AS (VALUES ('gemini', 'AIzaFAKE_BENCH_ONLY_000000000000000000'),
                             ('exa', '00000000-0000-4000-8000-000000000000'),
                             ('copilotkit', 'ck_pub_FAKE_BENCH_ONLY_0000'))
INSERT INTO api_keys (session_id, provider, "key", created_at, updated_at)
SELECT s.id, p.name, p.val, '2026-01-01 00:00:00.000000', '2026-01-01 00:00:00.000000'
FROM onboarding_sessions s, p;
COMMIT;
ANALYZE;
