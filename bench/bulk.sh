#!/usr/bin/env bash
# The bulk run of issue 5: export and import of 100,000 users. Seeds a migrated SQLite
# database with bench/seed_sqlite.sql (100,000 users, six steps and three keys each), then
# runs `export --include-secrets` to a file and `import` of that file into a fresh database,
# each under /usr/bin/time -v, and prints throughput (users/s) and peak RSS. Finally checks
# that the import reproduced the export byte for byte. Needs sqlite3 and GNU time.
#
#   bash bench/bulk.sh
set -euo pipefail
cd "$(dirname "$0")/.."
for tool in sqlite3 /usr/bin/time; do
    command -v "$tool" >/dev/null || { echo "bulk: needs $tool" >&2; exit 1; }
done
cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/onboardctl"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
SRC="sqlite:$WORK/src.db"
DST="sqlite:$WORK/dst.db"

"$BIN" --no-dotenv -q --database-url "$SRC" db migrate >/dev/null
sqlite3 "$WORK/src.db" < bench/seed_sqlite.sql >/dev/null
USERS=$(sqlite3 "$WORK/src.db" 'SELECT count(*) FROM onboarding_sessions')
echo "seeded: $USERS users, $(du -h "$WORK/src.db" | cut -f1)"
"$BIN" --no-dotenv -q --database-url "$DST" db migrate >/dev/null

# measure LABEL OUT CMD…: runs CMD under GNU time with stdout to OUT; prints wall time,
# users/s and peak RSS for $USERS users.
measure() {
    local label=$1 out=$2; shift 2
    /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$out"
    local wall rss secs
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt")
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
    secs=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
    awk -v l="$label" -v n="$USERS" -v s="$secs" -v w="$wall" -v r="$rss" 'BEGIN {
        printf "%-7s %d users in %s (%.1f s): %.0f users/s, peak RSS %.1f MiB\n",
               l, n, w, s, (s > 0 ? n / s : 0), r / 1024 }'
}

echo "\$ onboardctl --database-url $SRC export --include-secrets > users.ndjson"
measure export "$WORK/users.ndjson" \
    "$BIN" --no-dotenv -q --database-url "$SRC" export --include-secrets
echo "  $(wc -l <"$WORK/users.ndjson") lines, $(du -h "$WORK/users.ndjson" | cut -f1)"
echo "\$ onboardctl --database-url $DST import users.ndjson > report"
measure import "$WORK/report.txt" \
    "$BIN" --no-dotenv -q --database-url "$DST" import "$WORK/users.ndjson"
echo "  report: $(wc -l <"$WORK/report.txt") lines"

"$BIN" --no-dotenv -q --database-url "$DST" export --include-secrets >"$WORK/again.ndjson"
if cmp -s "$WORK/users.ndjson" "$WORK/again.ndjson"; then
    echo "check: the imported database exports byte-identical NDJSON"
else
    echo "check: FAILED, the imported database exports different NDJSON" >&2
    exit 1
fi
