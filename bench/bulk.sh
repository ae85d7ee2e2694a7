#!/usr/bin/env bash
# The bulk benchmark (issue 11): on $USERS users (default 100,000; a session, six steps and
# three keys each, bench/seed_sqlite.sql and bench/seed_postgres.sql), every bulk command next
# to its floor, the same work done by the database's own tools (bench/floor/), in the same
# run, floor and onboardctl alternating for $ROUNDS rounds (default 2; the best time of each
# side is kept, and the highest peak RSS):
#
#   export --include-secrets   floor: one SQL statement building the NDJSON
#   import FILE                floor: the NDJSON into a staging table, one INSERT … SELECT per table
#   session list --limit N     floor: the same SELECT (columns, order, filter) in sqlite3/psql
#   session list --status in-progress --step 4 --limit N   (likewise)
#   db copy --to               floor: the export floor piped into the other side's import floor
#   db migrate (adoption of a seed-era ALwrity SQLite file, bench/seed_alwrity_sqlite.sql)
#                              floor: the same DDL and report as one sqlite3 script
#
# SQLite always; PostgreSQL (and the copies) when BENCH_PG_URL names a server (databases
# `onboardctl_bulk_a` and `_b` are dropped and re-created). Prints one line per operation
# with every round's time and the load average, then the table: onboardctl and floor wall
# time, ratio, users/s, peak RSS (GNU time), and whether the goal (ratio <= 1.5, RSS <= 64
# MiB) is met. Checks: import (and on SQLite the import floor) reproduces the export byte for
# byte, both copies too, the PostgreSQL export equals the SQLite one, each list's user ids
# equal its floor's in order, and the adoption floor leaves the same schema as `db migrate`.
#
#   bash bench/bulk.sh
#   USERS=1000000 ROUNDS=1 BENCH_PG_URL=postgres://postgres@127.0.0.1:5432 bash bench/bulk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-100000}
ROUNDS=${ROUNDS:-2}
. bench/lib.sh
need sqlite3 /usr/bin/time
[ -z "${BENCH_PG_URL:-}" ] || need psql
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/onboardctl"
WORK="$(mktemp -d "${BENCH_TMP:-/tmp}/bulk.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
: >"$WORK/results"
FLOOR="$PWD/bench/floor"
echo "$(uptime)"

# --- SQLite ---------------------------------------------------------------------------------
SRC="$WORK/src.db"
DST="$WORK/dst.db"
ocl --database-url "sqlite:$SRC" db migrate >/dev/null
{ echo ".parameter set @users $USERS"; cat bench/seed_sqlite.sql; } | sqlite3 "$SRC" >/dev/null
echo "seeded SQLite: $(sqlite3 "$SRC" 'SELECT count(*) FROM onboarding_sessions') users, $(du -h "$SRC" | cut -f1)"

# fresh_sqlite FILE: a new migrated onboardctl database at FILE.
fresh_sqlite() { rm -f "$1" "$1-wal" "$1-shm"; ocl --database-url "sqlite:$1" db migrate >/dev/null; }

f_export_sqlite() { CMD=(sqlite3 "$SRC" ".read $FLOOR/export_sqlite.sql"); OUT=$WORK/floor.ndjson; }
t_export_sqlite() { CMD=("$BIN" --no-dotenv -q --database-url "sqlite:$SRC" export --include-secrets); OUT=$WORK/users.ndjson; }
compare export SQLite : f_export_sqlite t_export_sqlite
echo "  $(wc -l <"$WORK/users.ndjson") lines, $(du -h "$WORK/users.ndjson" | cut -f1)"

p_dst() { fresh_sqlite "$DST"; }
f_import_sqlite() { CMD=(sh -c 'exec sqlite3 "$1" ".read $2" <"$3"' - "$DST" "$FLOOR/import_sqlite.sql" "$WORK/users.ndjson"); OUT=/dev/null; }
t_import_sqlite() { CMD=("$BIN" --no-dotenv -q --database-url "sqlite:$DST" import "$WORK/users.ndjson"); OUT=$WORK/report.txt; }
compare import SQLite p_dst f_import_sqlite t_import_sqlite
ocl --database-url "sqlite:$DST" export --include-secrets >"$WORK/again.ndjson"
same "SQLite export -> import -> export" "$WORK/users.ndjson" "$WORK/again.ndjson"
p_dst floor; sqlite3 "$DST" ".read $FLOOR/import_sqlite.sql" <"$WORK/users.ndjson"
ocl --database-url "sqlite:$DST" export --include-secrets >"$WORK/again.ndjson"
same "SQLite export -> import floor -> export" "$WORK/users.ndjson" "$WORK/again.ndjson"

# The statement `session list` runs (src/store/*/list.rs) with the filters bound: $1 the
# current-step condition, $2 the lifecycle condition.
list_sql() {
    printf '%s' "SELECT user_id, current_step, progress, started_at, updated_at, completed_at, lifecycle
FROM (SELECT s.user_id, s.current_step, s.progress, s.started_at, s.updated_at, s.completed_at,
  CASE WHEN s.completed_at IS NOT NULL THEN 'completed'
       WHEN EXISTS (SELECT 1 FROM onboarding_steps t WHERE t.session_id = s.id AND t.status <> 'pending')
         THEN 'in_progress' ELSE 'not_started' END AS lifecycle
  FROM onboarding_sessions s WHERE $1) AS x
WHERE $2 ORDER BY updated_at DESC$3, user_id$4 ASC LIMIT $USERS"
}
ALL_SQLITE=$(list_sql true true "" "")
STEP4_SQLITE=$(list_sql "s.current_step = 4" "lifecycle = 'in_progress'" "" "")
f_list_all_sqlite() { CMD=(sqlite3 "$SRC" "$ALL_SQLITE"); OUT=$WORK/floor_list.txt; }
t_list_all_sqlite() { CMD=("$BIN" --no-dotenv --database-url "sqlite:$SRC" session list --limit "$USERS"); OUT=$WORK/list.txt; }
f_list_step_sqlite() { CMD=(sqlite3 "$SRC" "$STEP4_SQLITE"); OUT=$WORK/floor_list.txt; }
t_list_step_sqlite() { CMD=("$BIN" --no-dotenv --database-url "sqlite:$SRC" session list --status in-progress --step 4 --limit "$USERS"); OUT=$WORK/list.txt; }
# same_list NAME: the user ids of onboardctl's table (after its header) and of the floor's
# rows, in order.
same_list() {
    awk 'NR > 1 { print $1 }' "$WORK/list.txt" >"$WORK/list.ids"
    cut -d'|' -f1 "$WORK/floor_list.txt" >"$WORK/floor_list.ids"
    same "$1 ($(wc -l <"$WORK/list.ids") rows) vs its floor" "$WORK/list.ids" "$WORK/floor_list.ids"
}
compare "session list" SQLite : f_list_all_sqlite t_list_all_sqlite
same_list "SQLite session list"
compare "session list --step" SQLite : f_list_step_sqlite t_list_step_sqlite
same_list "SQLite session list --status in-progress --step 4"

# Adoption: `db migrate` of a seed-era ALwrity file, restored before every run.
ALW="$WORK/alwrity.db"
{ echo ".parameter set @users $USERS"; cat bench/seed_alwrity_sqlite.sql; } | sqlite3 "$WORK/alwrity.orig.db" >/dev/null
echo "seeded ALwrity (seed era): $(sqlite3 "$WORK/alwrity.orig.db" 'SELECT count(*) FROM onboarding_sessions') session rows, $(du -h "$WORK/alwrity.orig.db" | cut -f1)"
p_alw() { rm -f "$ALW" "$ALW-journal"; cp "$WORK/alwrity.orig.db" "$ALW"; }
f_adopt() { CMD=(sqlite3 "$ALW" ".read $FLOOR/adopt_sqlite.sql"); OUT=/dev/null; }
t_adopt() { CMD=("$BIN" --no-dotenv -q --database-url "sqlite:$ALW" db migrate --yes); OUT=/dev/null; }
compare "db migrate (adopt)" "SQLite ALwr." p_alw f_adopt t_adopt
sqlite3 "$ALW" .schema >"$WORK/adopted.schema"
p_alw floor; sqlite3 "$ALW" ".read $FLOOR/adopt_sqlite.sql" >/dev/null
sqlite3 "$ALW" .schema >"$WORK/floor.schema"
same "adoption floor schema vs db migrate's" "$WORK/adopted.schema" "$WORK/floor.schema"

# --- PostgreSQL -----------------------------------------------------------------------------
if [ -n "${BENCH_PG_URL:-}" ]; then
    PGS="${BENCH_PG_URL%/}"
    A="$PGS/onboardctl_bulk_a"
    B="$PGS/onboardctl_bulk_b"
    fresh_pg() {
        psql -X -q "$PGS/postgres" -c "DROP DATABASE IF EXISTS $1" -c "CREATE DATABASE $1" 2>/dev/null
        ocl --database-url "$PGS/$1" db migrate --yes >/dev/null
    }
    fresh_pg onboardctl_bulk_a
    psql -X -q -v users="$USERS" "$A" -f bench/seed_postgres.sql >/dev/null
    echo "seeded PostgreSQL: $(psql -X -At "$A" -c 'SELECT count(*) FROM onboarding_sessions') users"

    f_export_pg() { CMD=(psql -X -q "$A" -f "$FLOOR/export_postgres.sql"); OUT=$WORK/floor.ndjson; }
    t_export_pg() { CMD=("$BIN" --no-dotenv -q --database-url "$A" export --include-secrets); OUT=$WORK/pg.ndjson; }
    compare export PostgreSQL : f_export_pg t_export_pg
    same "PostgreSQL export vs SQLite export" "$WORK/pg.ndjson" "$WORK/users.ndjson"

    p_b() { fresh_pg onboardctl_bulk_b; }
    f_import_pg() { CMD=(sh -c 'exec psql -X -q -v ON_ERROR_STOP=1 "$1" -f "$2" <"$3"' - "$B" "$FLOOR/import_postgres.sql" "$WORK/pg.ndjson"); OUT=/dev/null; }
    t_import_pg() { CMD=("$BIN" --no-dotenv -q --database-url "$B" import "$WORK/pg.ndjson"); OUT=$WORK/report.txt; }
    compare import PostgreSQL p_b f_import_pg t_import_pg
    ocl --database-url "$B" export --include-secrets >"$WORK/again.ndjson"
    same "PostgreSQL export -> import -> export" "$WORK/pg.ndjson" "$WORK/again.ndjson"

    ALL_PG=$(list_sql true true " NULLS LAST" ' COLLATE "C"')
    STEP4_PG=$(list_sql "s.current_step = 4" "lifecycle = 'in_progress'" " NULLS LAST" ' COLLATE "C"')
    f_list_all_pg() { CMD=(psql -X -At "$A" -c "$ALL_PG"); OUT=$WORK/floor_list.txt; }
    t_list_all_pg() { CMD=("$BIN" --no-dotenv --database-url "$A" session list --limit "$USERS"); OUT=$WORK/list.txt; }
    f_list_step_pg() { CMD=(psql -X -At "$A" -c "$STEP4_PG"); OUT=$WORK/floor_list.txt; }
    t_list_step_pg() { CMD=("$BIN" --no-dotenv --database-url "$A" session list --status in-progress --step 4 --limit "$USERS"); OUT=$WORK/list.txt; }
    compare "session list" PostgreSQL : f_list_all_pg t_list_all_pg
    same_list "PostgreSQL session list"
    compare "session list --step" PostgreSQL : f_list_step_pg t_list_step_pg
    same_list "PostgreSQL session list --status in-progress --step 4"

    # Copies: the floor pipes one side's export floor into the other side's import floor.
    COPY="$WORK/copy.db"
    p_copy() { fresh_sqlite "$COPY"; }
    f_copy_to_sqlite() { CMD=(sh -c 'psql -X -q "$1" -f "$2" | sqlite3 "$3" ".read $4"' - "$A" "$FLOOR/export_postgres.sql" "$COPY" "$FLOOR/import_sqlite.sql"); OUT=/dev/null; }
    t_copy_to_sqlite() { CMD=("$BIN" --no-dotenv -q --database-url "$A" db copy --to "sqlite:$COPY"); OUT=/dev/null; }
    compare "db copy" "PG -> SQLite" p_copy f_copy_to_sqlite t_copy_to_sqlite
    ocl --database-url "sqlite:$COPY" export --include-secrets >"$WORK/again.ndjson"
    same "copy PostgreSQL -> SQLite, exported" "$WORK/pg.ndjson" "$WORK/again.ndjson"

    f_copy_to_pg() { CMD=(sh -c 'sqlite3 "$1" ".read $2" | psql -X -q -v ON_ERROR_STOP=1 "$3" -f "$4"' - "$SRC" "$FLOOR/export_sqlite.sql" "$B" "$FLOOR/import_postgres.sql"); OUT=/dev/null; }
    t_copy_to_pg() { CMD=("$BIN" --no-dotenv -q --database-url "sqlite:$SRC" db copy --to "$B"); OUT=/dev/null; }
    compare "db copy" "SQLite -> PG" p_b f_copy_to_pg t_copy_to_pg
    ocl --database-url "$B" export --include-secrets >"$WORK/again.ndjson"
    same "copy SQLite -> PostgreSQL, exported" "$WORK/users.ndjson" "$WORK/again.ndjson"

    psql -X -q "$PGS/postgres" -c "DROP DATABASE onboardctl_bulk_a" -c "DROP DATABASE onboardctl_bulk_b"
fi

table
