-- Floor of `import` on PostgreSQL: the NDJSON on stdin goes into a staging table with `COPY`,
-- then one INSERT … SELECT per table, in one transaction. Run as
-- `psql -v ON_ERROR_STOP=1 -f import_postgres.sql < users.ndjson`.
BEGIN;
CREATE TEMP TABLE stage (doc jsonb) ON COMMIT DROP;
\copy stage FROM pstdin WITH (FORMAT csv, QUOTE e'\x01', DELIMITER e'\x02')
INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at, completed_at)
  SELECT doc->>'user_id', (doc->>'current_step')::int, (doc->>'progress')::float8,
    (doc->>'started_at')::timestamptz, (doc->>'updated_at')::timestamptz,
    (doc->>'completed_at')::timestamptz FROM stage;
INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, data,
    validation_errors, forced, force_reason)
  SELECT s.id, (x->>'step_number')::int, x->>'status', (x->>'completed_at')::timestamptz,
    x->'data', x->'validation_errors', (x->>'forced')::bool, x->>'force_reason'
  FROM stage JOIN onboarding_sessions s ON s.user_id = stage.doc->>'user_id',
    jsonb_array_elements(stage.doc->'steps') AS x;
INSERT INTO api_keys (session_id, provider, "key", created_at, updated_at)
  SELECT s.id, x->>'provider', x->>'value', (x->>'created_at')::timestamptz,
    (x->>'updated_at')::timestamptz
  FROM stage JOIN onboarding_sessions s ON s.user_id = stage.doc->>'user_id',
    jsonb_array_elements(stage.doc->'keys') AS x;
COMMIT;
