#!/usr/bin/env python3
"""Generates an ALwrity HEAD workspace of N users for bench/workspace.sh.

One SQLite file per user, where ALwrity HEAD keeps it:

    ROOT/workspace/workspace_<sid>/db/alwrity_<sid>.db

Each file starts as a copy of one template made with sql/alwrity/head_onboarding.sql (the
onboarding tables ALwrity's models create, in the rollback journal mode ALwrity uses), then
gets its user's rows, written as ALwrity writes them (naive UTC text with microseconds):

- one `onboarding_sessions` row; `current_step` is the last completed step n (1 for a fresh
  session, n = 0) and `progress = min(100, round(n / 6 * 100))`, as ALwrity HEAD stores them;
  n is spread over 0-6 so `session list --step/--status` filters select real subsets;
- 2-3 `api_keys` rows with obviously fake values (`fake-gemini-key-000123`);
- `website_analyses`, `research_preferences` and `persona_data` rows for the users past
  steps 2, 3 and 4 (about 55 %, 40 % and 25 % of them), with small JSON documents.

Ids are Clerk-like (`user_2…`, 27 alphanumerics), so the folder name is the id itself.
Output is deterministic for a given N and --seed (times included: they count from a fixed
instant). Files are written on all cores, with `synchronous=OFF` (a connection setting; the
files are the same as with fsync).

    python3 bench/gen_workspace.py ROOT            # 10,000 users
    python3 bench/gen_workspace.py ROOT -n 500 --seed 7
"""

import argparse
import datetime as dt
import json
import os
import random
import shutil
import sqlite3
import sys
import tempfile
from multiprocessing import Pool

HERE = os.path.dirname(os.path.abspath(__file__))
DDL = os.path.join(HERE, "..", "sql", "alwrity", "head_onboarding.sql")
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"
EPOCH = dt.datetime(2025, 1, 1)  # the earliest started_at
SPAN_SECONDS = 600 * 24 * 3600  # started_at spread over ~20 months (updated_at up to 2026-10)
PROVIDERS = ["gemini", "exa", "copilotkit", "tavily", "serper"]
# How many steps a user has completed (0-6), weighted: many stop early, a fair share finish.
STEP_WEIGHTS = [12, 18, 15, 14, 12, 9, 20]


def ts(t):
    """ALwrity's stored form of a naive UTC datetime (SQLAlchemy's SQLite DATETIME)."""
    return t.strftime("%Y-%m-%d %H:%M:%S.%f")


def user_plan(seed, i):
    """Everything about user i, from its own RNG (independent of the worker that writes it)."""
    rng = random.Random(f"{seed}:{i}")
    uid = "user_2" + "".join(rng.choice(ALNUM) for _ in range(26))
    n = rng.choices(range(7), weights=STEP_WEIGHTS)[0]
    started = EPOCH + dt.timedelta(seconds=rng.randrange(SPAN_SECONDS),
                                   microseconds=rng.randrange(1_000_000))
    updated = started + dt.timedelta(seconds=rng.randrange(1, 60 * 24 * 3600),
                                     microseconds=rng.randrange(1_000_000))
    return rng, uid, n, started, updated


def write_user(args):
    seed, i, ws_dir, template = args
    rng, uid, n, started, updated = user_plan(seed, i)
    db_dir = os.path.join(ws_dir, f"workspace_{uid}", "db")
    os.makedirs(db_dir, exist_ok=True)
    path = os.path.join(db_dir, f"alwrity_{uid}.db")
    shutil.copyfile(template, path)
    os.chmod(path, 0o600)
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA synchronous = OFF")
    con.execute("BEGIN")
    step = 1 if n == 0 else n
    progress = float(min(100, round(n / 6 * 100)))
    con.execute(
        "INSERT INTO onboarding_sessions (id, user_id, current_step, progress, started_at, "
        "updated_at) VALUES (1, ?, ?, ?, ?, ?)",
        (uid, step, progress, ts(started), ts(updated)),
    )
    k_time = started + dt.timedelta(seconds=rng.randrange(1, 3600))
    for p in rng.sample(PROVIDERS, rng.choice([2, 3])):
        con.execute(
            'INSERT INTO api_keys (session_id, provider, "key", created_at, updated_at) '
            "VALUES (1, ?, ?, ?, ?)",
            (p, f"fake-{p}-key-{i:06d}", ts(k_time), ts(k_time)),
        )
    site = f"https://example-{i:06d}.test"
    if n >= 2:
        style = {"tone": rng.choice(["friendly", "formal", "playful"]), "voice": "active"}
        con.execute(
            "INSERT INTO website_analyses (session_id, website_url, analysis_date, "
            "writing_style, content_characteristics, target_audience, content_type, "
            "recommended_settings, status, created_at, updated_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?, ?, 'completed', ?, ?)",
            (site, ts(k_time), json.dumps(style), json.dumps({"sentence_length": "medium"}),
             json.dumps({"demographics": ["founders"], "expertise_level": "intermediate"}),
             json.dumps({"primary_type": "blog"}), json.dumps({"writing_tone": style["tone"]}),
             ts(k_time), ts(k_time)),
        )
    if n >= 3:
        con.execute(
            "INSERT INTO research_preferences (session_id, research_depth, content_types, "
            "auto_research, factual_content, created_at, updated_at) "
            "VALUES (1, ?, ?, ?, 1, ?, ?)",
            (rng.choice(["Basic", "Standard", "Comprehensive"]),
             json.dumps(rng.sample(["blog", "social", "email", "video"], 2)),
             rng.choice([0, 1]), ts(k_time), ts(k_time)),
        )
    if n >= 4:
        con.execute(
            "INSERT INTO persona_data (session_id, core_persona, platform_personas, "
            "quality_metrics, selected_platforms, created_at, updated_at) "
            "VALUES (1, ?, ?, ?, ?, ?, ?)",
            (json.dumps({"identity": {"persona_name": f"Persona {i}"}}),
             json.dumps({"linkedin": {"tone": "professional"}}),
             json.dumps({"overall_score": rng.randrange(60, 100)}),
             json.dumps(["linkedin", "blog"]), ts(k_time), ts(k_time)),
        )
    con.execute("COMMIT")
    con.close()
    return n


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", help="the ALwrity root to create (gets workspace/)")
    ap.add_argument("-n", "--users", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    a = ap.parse_args()
    ws_dir = os.path.join(os.path.abspath(a.root), "workspace")
    if os.path.isdir(ws_dir) and os.listdir(ws_dir):
        sys.exit(f"gen_workspace: `{ws_dir}` is not empty")
    os.makedirs(ws_dir, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        template = os.path.join(tmp, "template.db")
        con = sqlite3.connect(template, isolation_level=None)
        with open(DDL) as f:
            con.executescript("BEGIN;" + f.read() + "COMMIT;")
        con.close()
        jobs = [(a.seed, i, ws_dir, template) for i in range(a.users)]
        with Pool(a.jobs) as pool:
            steps = pool.map(write_user, jobs, chunksize=64)
    counts = [steps.count(k) for k in range(7)]
    print(f"gen_workspace: {a.users} users in {ws_dir} (steps completed 0-6: {counts})")


if __name__ == "__main__":
    main()
