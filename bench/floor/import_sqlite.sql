-- Floor of `import` on SQLite: the NDJSON on stdin goes into a staging table (`.import`), then
-- one INSERT … SELECT per table (json_each over the nested steps and keys), in one
-- transaction. Run as `sqlite3 DB '.read import_sqlite.sql' < users.ndjson`.
PRAGMA foreign_keys = ON;
BEGIN;
CREATE TEMP TABLE stage (doc TEXT);
.mode ascii
.separator "\037" "\n"
.import /dev/stdin stage
INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at, completed_at)
  SELECT doc ->> 'user_id', doc ->> 'current_step', doc ->> 'progress',
    strftime('%Y-%m-%d %H:%M:%f000', doc ->> 'started_at'),
    strftime('%Y-%m-%d %H:%M:%f000', doc ->> 'updated_at'),
    strftime('%Y-%m-%d %H:%M:%f000', doc ->> 'completed_at')
  FROM stage;
INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, data,
    validation_errors, forced, force_reason)
  SELECT s.id, x.value ->> 'step_number', x.value ->> 'status',
    strftime('%Y-%m-%d %H:%M:%f000', x.value ->> 'completed_at'), x.value -> 'data',
    x.value -> 'validation_errors', x.value ->> 'forced', x.value ->> 'force_reason'
  FROM stage JOIN onboarding_sessions s ON s.user_id = stage.doc ->> 'user_id',
    json_each(stage.doc, '$.steps') AS x;
INSERT INTO api_keys (session_id, provider, "key", created_at, updated_at)
  SELECT s.id, x.value ->> 'provider', x.value ->> 'value',
    strftime('%Y-%m-%d %H:%M:%f000', x.value ->> 'created_at'),
    strftime('%Y-%m-%d %H:%M:%f000', x.value ->> 'updated_at')
  FROM stage JOIN onboarding_sessions s ON s.user_id = stage.doc ->> 'user_id',
    json_each(stage.doc, '$.keys') AS x;
COMMIT;
