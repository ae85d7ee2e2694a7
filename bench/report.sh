#!/usr/bin/env bash
# The `report` benchmark of issue 12: `onboardctl report` on N users (default 1,000,000)
# against the equivalent GROUP BY run by the sqlite3 shell on the same file. Seeds a migrated
# SQLite database (N sessions, six step rows each: a spread of progress, failed, skipped and
# completed steps, start times over a year, completion times over hours), then times the two
# alternately, RUNS times each (default 5), and prints each median and the ratio. The target
# is a ratio of at most 1.5. Also prints CPU time (user + sys), steadier on a shared
# machine. Needs sqlite3 and GNU time.
#
#   bash bench/report.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-5}
for tool in sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "report bench: needs $tool" >&2; exit 1; }
done
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/onboardctl"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
DB="$WORK/report.db"

"$BIN" --no-dotenv -q --database-url "sqlite:$DB" db migrate >/dev/null
# k = i % 7 steps done (6 = complete); step 5 skipped for odd i; the step after the last
# done one pending, in progress or failed; each step `d` seconds after the previous.
sqlite3 "$DB" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $N)
INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, updated_at,
                                 completed_at)
SELECT i, printf('user_%07d', i), min(i % 7 + 1, 6), round(min(i % 7, 6) * 100.0 / 6, 1),
       strftime('%Y-%m-%d %H:%M:%S.000000', '2025-01-01', '+' || (i % 365) || ' days',
                '+' || (i * 7 % 86400) || ' seconds'),
       strftime('%Y-%m-%d %H:%M:%S.000000', '2025-01-01', '+' || (i % 365 + i % 30) || ' days'),
       CASE WHEN i % 7 = 6 THEN strftime('%Y-%m-%d %H:%M:%S.000000', '2025-01-01',
                '+' || (i % 365) || ' days',
                '+' || (i * 7 % 86400 + 6 * (i % 5000 + 60)) || ' seconds') END
FROM n;
WITH RECURSIVE st(k) AS (SELECT 1 UNION ALL SELECT k + 1 FROM st WHERE k < 6)
INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, validation_errors)
SELECT s.id, st.k,
       CASE WHEN st.k <= s.id % 7 AND st.k = 5 AND s.id % 2 = 1 THEN 'skipped'
            WHEN st.k <= s.id % 7 THEN 'completed'
            WHEN st.k = s.id % 7 + 1 THEN
                 CASE s.id % 3 WHEN 0 THEN 'pending' WHEN 1 THEN 'in_progress' ELSE 'failed' END
            ELSE 'pending' END,
       CASE WHEN st.k <= s.id % 7 THEN strftime('%Y-%m-%d %H:%M:%S.000000', s.started_at,
                '+' || (st.k * (s.id % 5000 + 60)) || ' seconds') END,
       '[]'
FROM onboarding_sessions s, st;
COMMIT;
ANALYZE;
SQL
echo "seeded: $(sqlite3 "$DB" 'SELECT count(*) FROM onboarding_sessions') users, $(du -h "$DB" | cut -f1)"

# The same numbers by hand: statuses per step, users by furthest step, stuck per step,
# users and completions per day started, and durations per step (0 = whole onboarding)
# to three significant figures with their maximum.
CUTOFF=$(date -u -d '7 days ago' '+%Y-%m-%d %H:%M:%S.000000')
cat >"$WORK/equivalent.sql" <<SQL
WITH d AS (
  SELECT 0 AS step, CAST(round((julianday(completed_at) - julianday(started_at)) * 86400) AS INTEGER) AS d
    FROM onboarding_sessions WHERE completed_at IS NOT NULL
  UNION ALL
  SELECT t.step_number, CAST(round((julianday(t.completed_at) - julianday(s.started_at)) * 86400) AS INTEGER)
    FROM onboarding_steps t JOIN onboarding_sessions s ON s.id = t.session_id
   WHERE t.status = 'completed' AND t.completed_at IS NOT NULL)
SELECT 'status', step_number, status, count(*) FROM onboarding_steps
 WHERE status IN ('completed', 'skipped', 'failed') GROUP BY step_number, status
UNION ALL
SELECT 'furthest', g, NULL, count(*) FROM (
  SELECT max(s.current_step, coalesce((SELECT max(t.step_number) FROM onboarding_steps t
    WHERE t.session_id = s.id AND t.status <> 'pending'), 1)) AS g FROM onboarding_sessions s)
 GROUP BY g
UNION ALL
SELECT 'stuck', current_step, NULL, count(*) FROM onboarding_sessions
 WHERE completed_at IS NULL AND updated_at < '$CUTOFF' GROUP BY current_step
UNION ALL
SELECT 'day', count(completed_at), substr(started_at, 1, 10), count(*) FROM onboarding_sessions
 GROUP BY substr(started_at, 1, 10)
UNION ALL
SELECT 'time', step, max(d), count(*) FROM d
 GROUP BY step, CASE WHEN d < 1000 THEN d WHEN d < 10000 THEN d / 10 WHEN d < 100000 THEN d / 100
                     WHEN d < 1000000 THEN d / 1000 ELSE d / 10000 END;
SQL

# timed OUT CMD…: runs CMD with stdout to OUT; prints "wall cpu" (seconds; cpu = user + sys,
# which a machine shared with other work disturbs less than the wall time).
timed() {
    local out=$1; shift
    /usr/bin/time -f '%e %U %S' -o "$WORK/time.txt" "$@" >"$out"
    awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$WORK/time.txt"
}
ours_wall=(); ours_cpu=(); theirs_wall=(); theirs_cpu=()
for ((r = 1; r <= RUNS; r++)); do
    read -r w c < <(timed "$WORK/ours.json" \
        "$BIN" --no-dotenv -q --database-url "sqlite:$DB" report --json)
    ours_wall+=("$w"); ours_cpu+=("$c")
    read -r w c < <(timed "$WORK/theirs.txt" sqlite3 "$DB" ".read $WORK/equivalent.sql")
    theirs_wall+=("$w"); theirs_cpu+=("$c")
    echo "run $r: onboardctl report ${ours_wall[-1]} s (cpu ${ours_cpu[-1]} s)," \
         "sqlite3 GROUP BY ${theirs_wall[-1]} s (cpu ${theirs_cpu[-1]} s)"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
echo "\$ onboardctl --database-url sqlite:report.db report --json   (N=$N, $RUNS runs, alternating)"
awk -v o="$(median "${ours_wall[@]}")" -v t="$(median "${theirs_wall[@]}")" \
    -v oc="$(median "${ours_cpu[@]}")" -v tc="$(median "${theirs_cpu[@]}")" 'BEGIN {
    printf "median wall: onboardctl %.3f s, sqlite3 %.3f s, ratio %.2f (target <= 1.50)\n", o, t, o / t
    printf "median cpu:  onboardctl %.3f s, sqlite3 %.3f s, ratio %.2f\n", oc, tc, oc / tc }'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
