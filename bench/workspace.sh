#!/usr/bin/env bash
# Whole-process benchmarks on an ALwrity HEAD workspace (one SQLite file per user):
# `session list` across 10,000 files against a Python floor (bench/workspace_floor.py: one
# process, each file opened read-only, the one SELECT `session list` runs), and `session
# show U` in the workspace against `session show U` on that user's file alone
# (`--database-url sqlite:FILE`). Reports the median wall time (hyperfine -N when installed,
# else runs timed by bash; warm cache, after a warm-up) and the peak RSS (GNU time's maximum
# resident set size, the largest over its runs) of each. Needs python3 and GNU time (/usr/bin/time;
# installed with apt-get when missing and possible).
#
#   bash bench/workspace.sh                     # generates 10,000 users in a temp dir
#   USERS=2000 RUNS=7 bash bench/workspace.sh
#   WS=/tmp/ws10k bash bench/workspace.sh       # reuses (or first generates) that root
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=${USERS:-10000}
RUNS=${RUNS:-5}            # runs per `session list` figure (>= 5)
SHOW_RUNS=${SHOW_RUNS:-50} # runs per `session show` figure (a few ms each)

command -v python3 >/dev/null || { echo "workspace: needs python3" >&2; exit 1; }
if [ ! -x /usr/bin/time ]; then
    if command -v apt-get >/dev/null && [ "$(id -u)" = 0 ]; then
        echo "workspace: installing GNU time (apt-get install time)" >&2
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q time >/dev/null
    fi
    [ -x /usr/bin/time ] || { echo "workspace: needs GNU time (apt-get install time)" >&2; exit 1; }
fi
HYPERFINE=$(command -v hyperfine || true)

cargo build --release --quiet
BIN="${CARGO_TARGET_DIR:-$PWD/target}/release/onboardctl"
WORK="$(mktemp -d)"
if [ -z "${WS:-}" ]; then
    WS="$WORK/alwrity"
    trap 'rm -rf "$WORK"' EXIT
else
    trap 'rm -rf "$WORK"' EXIT
    WS="$(realpath -m "$WS")"
fi
if [ ! -d "$WS/workspace" ] || [ -z "$(ls -A "$WS/workspace")" ]; then
    python3 bench/gen_workspace.py "$WS" -n "$USERS"
fi
FILES=$(find "$WS/workspace" -mindepth 3 -maxdepth 3 -name 'alwrity_*.db' | wc -l)
echo "workspace: $WS, $FILES files, $(du -sh "$WS/workspace" | cut -f1)"

# The user of `session show`: the middle folder of the listing.
U=$(ls "$WS/workspace" | sed -n "$(( (FILES + 1) / 2 ))p" | sed 's/^workspace_//')
FILE="$WS/workspace/workspace_$U/db/alwrity_$U.db"
WSURL="workspace:$WS"
ONE="sqlite:$FILE"
echo "user for session show: $U"

# Sanity: onboardctl lists the rows the floor lists, in the same order.
"$BIN" --no-dotenv --database-url "$WSURL" --json session list \
    | python3 -c 'import json, sys; [print(r["user_id"]) for r in json.load(sys.stdin)]' \
    >"$WORK/ids.onboardctl"
python3 bench/workspace_floor.py "$WS" | cut -f1 >"$WORK/ids.floor"
if cmp -s "$WORK/ids.onboardctl" "$WORK/ids.floor"; then
    echo "check: session list and the floor list the same 100 users in the same order"
else
    echo "check: FAILED, session list and the floor list different users" >&2
    diff "$WORK/ids.onboardctl" "$WORK/ids.floor" | head >&2
    exit 1
fi

ROWS=()
# measure LABEL RUNS CMD…: median wall time and peak RSS of CMD (stdout to /dev/null).
measure() {
    local label=$1 runs=$2; shift 2
    local wall rss=0 r
    "$@" >/dev/null # warm-up
    if [ -n "$HYPERFINE" ]; then
        local cmd
        cmd=$(printf '%q ' "$@")
        "$HYPERFINE" -N --style none --warmup 2 --runs "$runs" --export-json "$WORK/h.json" \
            "$cmd" >/dev/null 2>"$WORK/h.err" || { cat "$WORK/h.err" >&2; return 1; }
        wall=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["results"][0]["median"])' \
            "$WORK/h.json")
    fi
    local walls=() rss_runs=$runs
    [ -n "$HYPERFINE" ] && rss_runs=3 # hyperfine timed it; these runs only read the peak RSS
    for _ in $(seq "$rss_runs"); do
        local t0=$EPOCHREALTIME
        /usr/bin/time -v -o "$WORK/time.txt" "$@" >/dev/null
        local t1=$EPOCHREALTIME
        walls+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')")
        r=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
        [ "$r" -gt "$rss" ] && rss=$r
    done
    if [ -z "$HYPERFINE" ]; then
        wall=$(printf '%s\n' "${walls[@]}" | sort -g | awk '{ a[NR] = $1 } END {
            print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }')
    fi
    ROWS+=("$label|$wall|$rss")
    awk -v l="$label" -v w="$wall" -v r="$rss" \
        'BEGIN { printf "  %-52s %9.1f ms  %6.1f MiB\n", l, w * 1000, r / 1024 }'
}

echo "== session list ($FILES files; median of $RUNS runs, peak RSS)"
measure "python floor (workspace_floor.py)" "$RUNS" python3 bench/workspace_floor.py "$WS"
measure "onboardctl session list" "$RUNS" "$BIN" --no-dotenv --database-url "$WSURL" session list
measure "onboardctl session list --json" "$RUNS" \
    "$BIN" --no-dotenv --database-url "$WSURL" --json session list
measure "python floor, 10000 rows" "$RUNS" python3 bench/workspace_floor.py "$WS" 10000
measure "onboardctl session list --limit 10000" "$RUNS" \
    "$BIN" --no-dotenv --database-url "$WSURL" session list --limit 10000
echo "== session show $U (median of $SHOW_RUNS runs, peak RSS)"
measure "onboardctl session show, single file (sqlite:FILE)" "$SHOW_RUNS" \
    "$BIN" --no-dotenv --database-url "$ONE" session show "$U"
measure "onboardctl session show, workspace:ROOT" "$SHOW_RUNS" \
    "$BIN" --no-dotenv --database-url "$WSURL" session show "$U"

# The table: each list figure against its floor, show in the workspace against one file.
echo
echo "| $FILES users | median wall | vs floor / single file | peak RSS |"
echo "|---|---|---|---|"
base=""
for row in "${ROWS[@]}"; do
    IFS='|' read -r label wall rss <<<"$row"
    case "$label" in
        "python floor"* | *"single file"*) base=$wall ;;
    esac
    awk -v l="$label" -v w="$wall" -v b="$base" -v r="$rss" 'BEGIN {
        printf "| %s | %.1f ms | %.2f× | %.1f MiB |\n", l, w * 1000, w / b, r / 1024 }'
done
