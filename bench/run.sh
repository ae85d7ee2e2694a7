#!/usr/bin/env bash
# Whole-process benchmarks on databases of 100,000 users: `session show` against the floor
# of the database's own shell (sqlite3, psql) running the same statements, plus `key set`
# and `progress step`. Needs hyperfine and sqlite3 (Debian packages); PostgreSQL runs when
# BENCH_PG_URL names a server (the database `onboardctl_bench` is dropped and re-created).
#
#   bash bench/run.sh
#   BENCH_PG_URL=postgres://postgres@127.0.0.1:5432 bash bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in hyperfine sqlite3; do
    command -v "$tool" >/dev/null || { echo "bench: needs $tool (apt-get install $tool)" >&2; exit 1; }
done
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/onboardctl"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/bench.db"
export ONBOARDCTL_DATABASE_URL="sqlite:$DB"
echo "== SQLite"
"$BIN" --no-dotenv -q db migrate >/dev/null
sqlite3 "$DB" < bench/seed_sqlite.sql
echo "seeded: $(sqlite3 "$DB" 'SELECT count(*) FROM onboarding_sessions') users, $(du -h "$DB" | cut -f1)"

# The statements `session show` runs, for the sqlite3 floor (keep in step with the store).
FLOOR_SQL="SELECT count(*), max(version) FROM refinery_schema_history;
SELECT s.current_step, s.progress, s.started_at, s.updated_at, s.completed_at, t.step_number,
 t.status, t.completed_at, t.data, t.validation_errors, t.forced, t.force_reason
 FROM onboarding_sessions s LEFT JOIN onboarding_steps t ON t.session_id = s.id
 WHERE s.user_id = 'user_050000' ORDER BY t.step_number;"

printf 'AIzaFAKE_BENCH_ONLY_111111111111111111' > "$WORK/key"
hyperfine -N --warmup 20 --runs 300 --export-markdown "$WORK/show.md" \
    -n 'sqlite3 floor' "sqlite3 $DB \"$FLOOR_SQL\"" \
    -n 'onboardctl session show' "$BIN --no-dotenv session show user_050000"
hyperfine -N --warmup 10 --runs 200 \
    -n 'onboardctl key set' "$BIN --no-dotenv -q key set user_050001 gemini --from-file $WORK/key" \
    -n 'onboardctl progress step' "$BIN --no-dotenv -q progress step user_050002 5 skipped"

[ -n "${BENCH_PG_URL:-}" ] || exit 0
echo "== PostgreSQL"
PG="${BENCH_PG_URL%/}/onboardctl_bench"
psql -X -q "${BENCH_PG_URL%/}/postgres" -c "DROP DATABASE IF EXISTS onboardctl_bench" -c "CREATE DATABASE onboardctl_bench"
export ONBOARDCTL_DATABASE_URL="$PG"
"$BIN" --no-dotenv -q db migrate >/dev/null
psql -X -q "$PG" -f bench/seed_postgres.sql
echo "seeded: $(psql -X -Atq "$PG" -c 'SELECT count(*) FROM onboarding_sessions') users"
# What PgStore runs for `session show`: the startup batch, then the one-statement load.
PG_FLOOR_1="SET lock_timeout = '30000ms'; SELECT version, name, applied_on FROM refinery_schema_history ORDER BY version"
PG_FLOOR_2="SELECT s.current_step, s.progress, s.started_at, s.updated_at, s.completed_at,
 t.step_number, t.status, t.completed_at, t.data, t.validation_errors, t.forced, t.force_reason
 FROM onboarding_sessions s LEFT JOIN onboarding_steps t ON t.session_id = s.id
 WHERE s.user_id = 'user_050000' ORDER BY t.step_number"
hyperfine -N --warmup 20 --runs 300 \
    -n 'psql floor' "psql -X -q $PG -c \"$PG_FLOOR_1\" -c \"$PG_FLOOR_2\"" \
    -n 'onboardctl session show' "$BIN --no-dotenv session show user_050000"
hyperfine -N --warmup 10 --runs 200 \
    -n 'onboardctl key set' "$BIN --no-dotenv -q key set user_050001 gemini --from-file $WORK/key" \
    -n 'onboardctl progress step' "$BIN --no-dotenv -q progress step user_050002 5 skipped"
