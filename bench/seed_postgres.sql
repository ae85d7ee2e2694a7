-- Seeds a migrated onboardctl PostgreSQL database with :users users (100,000 unless the
-- caller passes `psql -v users=N`; a session, six step rows, three API keys each), the same
-- data as seed_sqlite.sql. Used by bench/run.sh and bench/bulk.sh.
\if :{?users}
\else
\set users 100000
\endif
BEGIN;
INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at)
SELECT format('user_%s', lpad(i::text, 6, '0')), (i % 6) + 1, round((i % 6) * 100.0 / 6, 1),
       '2026-01-01 00:00:00+00', make_timestamptz(2026, (i % 12) + 1, 1, 12, 0, 0, 'UTC')
FROM generate_series(1, :users) AS i;
INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, data, validation_errors)
SELECT s.id, k,
       CASE WHEN k < s.current_step THEN 'completed' ELSE 'pending' END,
       CASE WHEN k < s.current_step THEN timestamptz '2026-01-02 00:00:00+00' END,
       CASE WHEN k < s.current_step THEN '{"seeded":true}'::jsonb END, '[]'::jsonb
FROM onboarding_sessions s, generate_series(1, 6) AS k;
INSERT INTO api_keys (session_id, provider, "key", created_at, updated_at)
SELECT s.id, p.name, p.val, '2026-01-01 00:00:00+00', '2026-01-01 00:00:00+00'
FROM onboarding_sessions s,
     (VALUES ('gemini', 'AIzaFAKE_BENCH_ONLY_000000000000000000'),
             ('exa', '00000000-0000-4000-8000-000000000000'),
             ('copilotkit', 'ck_pub_FAKE_BENCH_ONLY_0000')) AS p(name, val);
COMMIT;
ANALYZE;
