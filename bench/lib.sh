# Shared by the bench scripts (sourced, not run): timing under GNU time, floor-vs-onboardctl
# rounds, and the results table. The caller sets USERS, ROUNDS, WORK and BIN.

# need TOOL…: exits unless every tool is on PATH.
need() {
    local tool
    for tool in "$@"; do
        command -v "$tool" >/dev/null || { echo "bench: needs $tool" >&2; exit 1; }
    done
}

# ocl ARGS…: onboardctl without .env files or notes.
ocl() { "$BIN" --no-dotenv -q "$@"; }

# timed OUT CMD…: runs CMD under GNU time with stdout to OUT (stderr to $WORK/stderr, shown if
# CMD fails); leaves the wall seconds in SECS, the CPU seconds (user + system, of CMD and its
# children: not a database server's) in CPU and the peak RSS (MiB) in RSS.
timed() {
    local out=$1; shift
    if ! /usr/bin/time -v -o "$WORK/time.txt" "$@" >"$out" 2>"$WORK/stderr"; then
        echo "bench: failed: $*" >&2
        cat "$WORK/stderr" "$WORK/time.txt" >&2
        exit 1
    fi
    local wall kib
    wall=$(sed -n 's/.*Elapsed (wall clock) time (h:mm:ss or m:ss): //p' "$WORK/time.txt")
    kib=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK/time.txt")
    SECS=$(awk -F: '{ s = 0; for (i = 1; i <= NF; i++) s = s * 60 + $i; print s }' <<<"$wall")
    RSS=$(awk -v k="$kib" 'BEGIN { printf "%.1f", k / 1024 }')
    CPU=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$WORK/time.txt")
}

# compare OPERATION BACKEND PREP FLOOR TOOL: ROUNDS rounds of (PREP floor; FLOOR timed;
# PREP tool; TOOL timed), floor and onboardctl alternating. FLOOR and TOOL are functions that
# set CMD (an array) and OUT (where its stdout goes); PREP (a function, or `:`) gets `floor`
# or `tool` and resets what the run changes. Keeps the best (lowest) wall time of each side
# (and the CPU seconds of that run) and the highest peak RSS, and appends a row to
# $WORK/results.
compare() {
    local op=$1 backend=$2 prep=$3 floor=$4 tool=$5 r
    local f_best="" t_best="" f_rss=0 t_rss=0 f_all="" t_all="" f_cpu="" t_cpu=""
    for ((r = 1; r <= ROUNDS; r++)); do
        "$prep" floor; "$floor"; timed "$OUT" "${CMD[@]}"
        f_all+=" $SECS"
        if [ -z "$f_best" ] || awk -v a="$f_best" -v b="$SECS" 'BEGIN { exit !(b < a) }'; then
            f_best=$SECS f_cpu=$CPU
        fi
        f_rss=$(awk -v a="$f_rss" -v b="$RSS" 'BEGIN { print (b > a) ? b : a }')
        "$prep" tool; "$tool"; timed "$OUT" "${CMD[@]}"
        t_all+=" $SECS"
        if [ -z "$t_best" ] || awk -v a="$t_best" -v b="$SECS" 'BEGIN { exit !(b < a) }'; then
            t_best=$SECS t_cpu=$CPU
        fi
        t_rss=$(awk -v a="$t_rss" -v b="$RSS" 'BEGIN { print (b > a) ? b : a }')
    done
    printf '%-20s %-13s floor:%s  onboardctl:%s  (s; load %s)\n' "$op" "$backend" "$f_all" "$t_all" \
        "$(cut -d' ' -f1-3 /proc/loadavg)"
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$op" "$backend" "$t_best" "$f_best" "$t_rss" "$f_rss" \
        "$t_cpu" "$f_cpu" \
        >>"$WORK/results"
}

# table: the results, with the ratio, users/s and whether the goal (ratio <= 1.5, peak RSS
# <= 64 MiB) is met.
table() {
    echo
    echo "$USERS users, best of $ROUNDS rounds, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    awk -F'\t' -v n="$USERS" 'BEGIN {
        printf "%-20s %-13s %9s %8s %6s %9s %8s %9s %8s %8s  %s\n", "operation", "backend",
               "onboardctl", "floor", "ratio", "users/s", "RSS MiB", "floor MiB", "CPU s",
               "floor CPU", "goal"
    } {
        ratio = ($4 > 0) ? $3 / $4 : 0
        goal = (ratio <= 1.5 && $5 <= 64) ? "ok" : "MISSED"
        printf "%-20s %-13s %8.2fs %7.2fs %6.2f %9.0f %8.1f %9.1f %8.2f %8.2f  %s\n", $1, $2, $3,
               $4, ratio, ($3 > 0) ? n / $3 : 0, $5, $6, $7, $8, goal
    }' "$WORK/results"
}

# same NAME A B: checks that files A and B are byte-identical (exits when not).
same() {
    if cmp -s "$2" "$3"; then
        echo "check: $1: byte-identical"
    else
        echo "check: FAILED, $1: $2 and $3 differ" >&2
        exit 1
    fi
}
