#!/usr/bin/env bash
# The PostgreSQL bulk run: export, import and db copy both ways of 100,000 users (a session,
# six steps and three keys each, bench/seed_postgres.sql), each next to a floor the database
# does itself in the same run: the NDJSON built by one SQL statement (`COPY (SELECT
# json_build_object(…)) TO STDOUT`), and the NDJSON loaded with `COPY` into a staging table
# and moved into the tables with one `INSERT … SELECT` per table. Prints wall time, users/s,
# peak RSS (GNU time) and the ratio; checks that import and both copies reproduce the export
# byte for byte. Databases `onboardctl_bulk_a`, `_b` are dropped and re-created.
#
#   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432 bash bench/bulk_pg.sh
set -euo pipefail
cd "$(dirname "$0")/.."
: "${BENCH_PG_URL:?set BENCH_PG_URL to a server, e.g. postgres://postgres@127.0.0.1:5432}"
for tool in psql /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bulk_pg: needs $tool" >&2; exit 1; }
done
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/onboardctl"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
A="$BENCH_PG_URL/onboardctl_bulk_a"
B="$BENCH_PG_URL/onboardctl_bulk_b"
fresh() {
    psql -q "$BENCH_PG_URL/postgres" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null
    "$BIN" --no-dotenv -q --database-url "$BENCH_PG_URL/$1" db migrate --yes >/dev/null
}
fresh onboardctl_bulk_a
psql -q "$A" -f bench/seed_postgres.sql >/dev/null
USERS=$(psql -At "$A" -c 'SELECT count(*) FROM onboarding_sessions')
echo "seeded: $USERS users"

# seconds LABEL CMD…: runs CMD under GNU time (stdout to $WORK/out); prints a line and
# leaves the seconds in $SECS.
seconds() {
    local label=$1; shift
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$WORK/out"
    local wall rss
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
    SECS=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
    awk -v l="$label" -v n="$USERS" -v s="$SECS" -v r="$rss" 'BEGIN {
        printf "%-22s %7.2f s  %8.0f users/s  peak RSS %6.1f MiB\n", l, s, (s > 0 ? n / s : 0), r / 1024 }'
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "  ratio %.2f\n", (b > 0 ? a / b : 0) }'; }

EXPORT_FLOOR="COPY (SELECT json_build_object('user_id', s.user_id, 'current_step', s.current_step,
  'progress', s.progress, 'started_at', s.started_at, 'updated_at', s.updated_at,
  'completed_at', s.completed_at,
  'steps', (SELECT json_agg(json_build_object('step_number', t.step_number, 'status', t.status,
     'completed_at', t.completed_at, 'data', t.data, 'validation_errors', t.validation_errors,
     'forced', t.forced, 'force_reason', t.force_reason) ORDER BY t.step_number)
     FROM onboarding_steps t WHERE t.session_id = s.id),
  'keys', (SELECT json_agg(json_build_object('provider', k.provider, 'value', k.\"key\",
     'created_at', k.created_at, 'updated_at', k.updated_at) ORDER BY k.provider COLLATE \"C\")
     FROM api_keys k WHERE k.session_id = s.id))
  FROM onboarding_sessions s ORDER BY s.user_id COLLATE \"C\") TO STDOUT"

IMPORT_FLOOR="BEGIN;
CREATE TEMP TABLE stage (doc jsonb) ON COMMIT DROP;
\\copy stage FROM '$WORK/users.ndjson' WITH (FORMAT csv, QUOTE e'\\x01', DELIMITER e'\\x02')
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
INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at)
  SELECT s.id, x->>'provider', x->>'value', (x->>'created_at')::timestamptz,
    (x->>'updated_at')::timestamptz
  FROM stage JOIN onboarding_sessions s ON s.user_id = stage.doc->>'user_id',
    jsonb_array_elements(stage.doc->'keys') AS x;
COMMIT;"

echo "\$ onboardctl export --include-secrets   (floor: one COPY (SELECT json_build_object …))"
seconds "floor export" psql -q "$A" -c "$EXPORT_FLOOR"; floor=$SECS
seconds "onboardctl export" "$BIN" --no-dotenv -q --database-url "$A" export --include-secrets
ratio "$SECS" "$floor"
cp "$WORK/out" "$WORK/users.ndjson"

echo "\$ onboardctl import users.ndjson   (floor: COPY into a staging table, INSERT … SELECT)"
fresh onboardctl_bulk_b
printf '%s\n' "$IMPORT_FLOOR" >"$WORK/floor.sql"
seconds "floor import" psql -q -v ON_ERROR_STOP=1 "$B" -f "$WORK/floor.sql"; floor=$SECS
fresh onboardctl_bulk_b
seconds "onboardctl import" "$BIN" --no-dotenv -q --database-url "$B" import "$WORK/users.ndjson"
ratio "$SECS" "$floor"
"$BIN" --no-dotenv -q --database-url "$B" export --include-secrets | cmp -s - "$WORK/users.ndjson" \
    || { echo "check: FAILED, the import exports different NDJSON" >&2; exit 1; }

echo "\$ onboardctl db copy (PostgreSQL -> SQLite, SQLite -> PostgreSQL)"
seconds "copy to sqlite" "$BIN" --no-dotenv -q --database-url "$A" db copy --to "sqlite:$WORK/copy.db"
fresh onboardctl_bulk_b
seconds "copy to postgres" "$BIN" --no-dotenv -q --database-url "sqlite:$WORK/copy.db" db copy --to "$B"
"$BIN" --no-dotenv -q --database-url "$B" export --include-secrets | cmp -s - "$WORK/users.ndjson" \
    || { echo "check: FAILED, the copies export different NDJSON" >&2; exit 1; }
echo "check: import and both copies export byte-identical NDJSON"
psql -q "$BENCH_PG_URL/postgres" -c "DROP DATABASE onboardctl_bulk_a" -c "DROP DATABASE onboardctl_bulk_b"
