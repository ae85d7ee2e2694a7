-- Floor of `export --include-secrets` on SQLite: the NDJSON built by one statement (a line
-- per user, by user id, its steps and keys nested). Run as `sqlite3 DB < export_sqlite.sql`.
SELECT json_object('user_id', s.user_id, 'current_step', s.current_step,
  'progress', s.progress, 'started_at', s.started_at, 'updated_at', s.updated_at,
  'completed_at', s.completed_at,
  'steps', (SELECT json_group_array(json_object('step_number', t.step_number,
       'status', t.status, 'completed_at', t.completed_at, 'data', json(t.data),
       'validation_errors', json(t.validation_errors),
       'forced', json(CASE WHEN t.forced THEN 'true' ELSE 'false' END),
       'force_reason', t.force_reason))
     FROM (SELECT * FROM onboarding_steps WHERE session_id = s.id ORDER BY step_number) AS t),
  'keys', (SELECT json_group_array(json_object('provider', k.provider, 'value', k."key",
       'created_at', k.created_at, 'updated_at', k.updated_at))
     FROM (SELECT * FROM api_keys WHERE session_id = s.id ORDER BY provider) AS k))
FROM onboarding_sessions s ORDER BY s.user_id;
