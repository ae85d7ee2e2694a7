-- Floor of `export --include-secrets` on PostgreSQL: the NDJSON built by one statement (a line
-- per user, by user id bytewise, its steps and keys nested). Run as `psql -f`.
COPY (SELECT json_build_object('user_id', s.user_id, 'current_step', s.current_step,
  'progress', s.progress, 'started_at', s.started_at, 'updated_at', s.updated_at,
  'completed_at', s.completed_at,
  'steps', (SELECT json_agg(json_build_object('step_number', t.step_number, 'status', t.status,
     'completed_at', t.completed_at, 'data', t.data, 'validation_errors', t.validation_errors,
     'forced', t.forced, 'force_reason', t.force_reason) ORDER BY t.step_number)
     FROM onboarding_steps t WHERE t.session_id = s.id),
  'keys', (SELECT json_agg(json_build_object('provider', k.provider, 'value', k."key",
     'created_at', k.created_at, 'updated_at', k.updated_at) ORDER BY k.provider COLLATE "C")
     FROM api_keys k WHERE k.session_id = s.id))
  FROM onboarding_sessions s ORDER BY s.user_id COLLATE "C") TO STDOUT;
