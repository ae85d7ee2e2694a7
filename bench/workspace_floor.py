#!/usr/bin/env python3
"""The floor for `onboardctl --database-url workspace:ROOT session list` (bench/workspace.sh).

One Python process does the least that listing a workspace's sessions takes: walk
ROOT/workspace/workspace_*/, open each folder's db/alwrity_<x>.db read-only, run the one
SELECT onboardctl's `session list` runs on a HEAD file (its session columns and one EXISTS
per step of evidence; keep in step with `stored_select`/`evidence_sql` in
src/store/alwrity/sessions.rs), collect the rows, sort them newest `updated_at` first (then
by user id) and print the first LIMIT (100) as tab-separated lines. No catalog read, no era
detection, no lifecycle or filters: what onboardctl does beyond this is its overhead.

    python3 bench/workspace_floor.py ROOT [LIMIT]
"""

import os
import sqlite3
import sys


def truthy(col):
    """A truthy JSON or text column as ALwrity's Python tests one (`if value:`)."""
    return f"({col} IS NOT NULL AND CAST({col} AS TEXT) NOT IN ('', 'null', '{{}}', '[]', '\"\"'))"


def exists(table, a, b):
    return (f"EXISTS (SELECT 1 FROM {table} x WHERE x.session_id = s.id "
            f"AND ({truthy('x.' + a)} OR {truthy('x.' + b)}))")


SELECT = (
    "SELECT s.id, s.user_id, s.current_step, s.progress, s.started_at, s.updated_at, "
    "EXISTS (SELECT 1 FROM api_keys x WHERE x.session_id = s.id), "
    + exists("website_analyses", "website_url", "writing_style") + ", "
    + exists("research_preferences", "research_depth", "content_types") + ", "
    + exists("persona_data", "core_persona", "platform_personas")
    + " FROM onboarding_sessions s "
    "WHERE s.id IN (SELECT min(id) FROM onboarding_sessions GROUP BY user_id)"
)


def main():
    root = sys.argv[1]
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 100
    ws = os.path.join(root, "workspace")
    if not os.path.isdir(ws):
        ws = root
    rows = []
    with os.scandir(ws) as entries:
        names = sorted(e.name for e in entries if e.name.startswith("workspace_"))
    for name in names:
        x = name[len("workspace_"):]
        path = os.path.join(ws, name, "db", f"alwrity_{x}.db")
        if not os.path.exists(path):
            continue
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        rows.extend(con.execute(SELECT).fetchall())
        con.close()
    rows.sort(key=lambda r: r[1])
    rows.sort(key=lambda r: r[5] or "", reverse=True)
    out = sys.stdout
    for r in rows[:limit]:
        out.write(f"{r[1]}\t{r[2]}\t{r[3]}\t{r[5]}\t{r[6]}{r[7]}{r[8]}{r[9]}\n")


if __name__ == "__main__":
    main()
