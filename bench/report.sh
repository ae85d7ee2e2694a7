#!/usr/bin/env bash
# The `report` benchmark of issue 12: `onboardctl report` on N users (default 1,000,000)
# against the equivalent GROUP BY run by the sqlite3 shell on the same file. Seeds a migrated
# SQLite database (N sessions, six step rows each: a spread of progress, failed, skipped and
# completed steps, start times over a year, completion times over hours), then times the two
# alternately, RUNS times each (default 5), and prints each median and the ratio. The target
# is a ratio of at most 1.5. Needs sqlite3.
#
#   bash bench/report.sh [N] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-1000000}
RUNS=${2:-5}
command -v sqlite3 >/dev/null || { echo "report bench: needs sqlite3" >&2; exit 1; }
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

# now: seconds since the epoch with nanoseconds.
now() { date +%s.%N; }
ours=()
theirs=()
for ((r = 1; r <= RUNS; r++)); do
    t0=$(now); "$BIN" --no-dotenv -q --database-url "sqlite:$DB" report --json >"$WORK/ours.json"; t1=$(now)
    sqlite3 "$DB" <"$WORK/equivalent.sql" >"$WORK/theirs.txt"; t2=$(now)
    ours+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')")
    theirs+=("$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%.3f", b - a }')")
    echo "run $r: onboardctl report ${ours[-1]} s, sqlite3 GROUP BY ${theirs[-1]} s"
done
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }
m_ours=$(median "${ours[@]}")
m_theirs=$(median "${theirs[@]}")
echo "\$ onboardctl --database-url sqlite:report.db report --json   (N=$N, $RUNS runs, alternating)"
awk -v o="$m_ours" -v t="$m_theirs" 'BEGIN {
    printf "median: onboardctl %.3f s, sqlite3 %.3f s, ratio %.2f (target <= 1.50)\n", o, t, o / t }'
echo "load: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
