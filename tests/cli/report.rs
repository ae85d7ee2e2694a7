//! `report`: the funnel of generated users (imported with fixed times) equals the one this
//! file computes from the generated records; the JSON's shape (insta); the bars (width from
//! `COLUMNS`, Unicode blocks, ASCII under `TERM=dumb`, colour as `--color` says); bad
//! options. The suite also runs on PostgreSQL (`backend.rs`).

use serde_json::{json, Value};
use time::format_description::well_known::Rfc3339;
use time::macros::datetime;
use time::{Duration, OffsetDateTime};

use crate::{code, stdout, test_db, TestDb};

const TITLES: [&str; 6] = [
    "AI LLM Providers",
    "Website Analysis",
    "AI Research",
    "Personalization",
    "Integrations",
    "Complete Setup",
];

/// A deterministic generator.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self, n: u64) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        (self.0 >> 33) % n
    }
}

/// One generated user: what the expected funnel is computed from.
struct Gen {
    started: OffsetDateTime,
    completed: Option<OffsetDateTime>,
    current_step: u64,
    /// (status, completed_at) of steps 1–6.
    steps: Vec<(&'static str, Option<OffsetDateTime>)>,
}

fn text(t: OffsetDateTime) -> String {
    t.format(&Rfc3339).unwrap()
}

fn generate(n: usize, seed: u64) -> Vec<Gen> {
    let mut rng = Lcg(seed);
    let base = datetime!(2025-03-03 08:00:00 UTC);
    (0..n)
        .map(|i| {
            let started =
                base + Duration::hours(i as i64 * 19) + Duration::seconds(rng.next(900) as i64);
            let k = rng.next(7) as usize;
            let mut t = started;
            let mut steps = Vec::new();
            for s in 0..6 {
                if s < k.min(5) {
                    t += Duration::seconds(rng.next(20_000) as i64 + 1);
                    let status = if s == 4 && rng.next(2) == 0 {
                        "skipped"
                    } else {
                        "completed"
                    };
                    steps.push((status, Some(t)));
                } else if s == 5 && k == 6 {
                    t += Duration::seconds(rng.next(50_000) as i64);
                    steps.push(("completed", Some(t)));
                } else if s == k {
                    steps.push((
                        ["pending", "in_progress", "failed"][rng.next(3) as usize],
                        None,
                    ));
                } else {
                    steps.push(("pending", None));
                }
            }
            let current_step = steps
                .iter()
                .position(|(st, _)| !matches!(*st, "completed" | "skipped"))
                .map_or(6, |p| p as u64 + 1);
            Gen {
                started,
                completed: (k == 6).then_some(t),
                current_step,
                steps,
            }
        })
        .collect()
}

fn ndjson(users: &[Gen]) -> String {
    let mut out = String::new();
    for (i, g) in users.iter().enumerate() {
        let steps: Vec<Value> = g
            .steps
            .iter()
            .enumerate()
            .map(|(s, (status, at))| {
                json!({"step_number": s + 1, "title": TITLES[s], "status": status,
                       "completed_at": at.map(text), "validation_errors": [],
                       "forced": false, "force_reason": null})
            })
            .collect();
        let done = g
            .steps
            .iter()
            .filter(|(s, _)| matches!(*s, "completed" | "skipped"))
            .count();
        let updated = g
            .steps
            .iter()
            .filter_map(|(_, t)| *t)
            .max()
            .unwrap_or(g.started);
        let record = json!({
            "user_id": format!("user_{i:03}"), "current_step": g.current_step,
            "progress": (done as f64 / 6.0 * 1000.0).round() / 10.0,
            "is_completed": g.completed.is_some(), "started_at": text(g.started),
            "updated_at": text(updated), "completed_at": g.completed.map(text), "steps": steps,
            "keys": [], "website_analysis": null, "research_preferences": null,
            "persona_data": null,
        });
        out.push_str(&record.to_string());
        out.push('\n');
    }
    out
}

fn db_with(users: &[Gen]) -> TestDb {
    let db = test_db();
    db.ok_stdin(&["import", "-"], &ndjson(users));
    db
}

/// p50, p90 (nearest rank, to three significant figures) and max of `d`, as JSON.
fn stats(mut d: Vec<i64>) -> Value {
    if d.is_empty() {
        return Value::Null;
    }
    d.sort_unstable();
    let n = d.len();
    let rank = |p: f64| ((p * n as f64).ceil() as usize).clamp(1, n) - 1;
    let sig3 = |v: i64| {
        let mut unit = 1;
        while v / unit >= 1000 {
            unit *= 10;
        }
        v / unit * unit
    };
    json!({"count": n, "p50_seconds": sig3(d[rank(0.5)]),
           "p90_seconds": sig3(d[rank(0.9)]), "max_seconds": d[n - 1]})
}

/// The `onboardctl` reading `report --json` should give for `users` (all stalled: their
/// times are long past), cohorts by month.
fn expected(users: &[&Gen]) -> Value {
    let total = users.len() as u64;
    let completed = users.iter().filter(|g| g.completed.is_some()).count() as u64;
    let rate = |a: u64, b: u64| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    let secs = |a: OffsetDateTime, b: OffsetDateTime| (a - b).whole_seconds();
    let steps: Vec<Value> = (0..6)
        .map(|i| {
            let n = i as u64 + 1;
            let with = |st: &str| users.iter().filter(|g| g.steps[i].0 == st).count();
            let reached = users
                .iter()
                .filter(|g| g.current_step >= n || g.steps[i..].iter().any(|s| s.0 != "pending"))
                .count();
            let stuck = users
                .iter()
                .filter(|g| g.completed.is_none() && g.current_step == n)
                .count();
            let times = users
                .iter()
                .filter(|g| g.steps[i].0 == "completed")
                .map(|g| secs(g.steps[i].1.unwrap(), g.started))
                .collect();
            json!({"step": n, "title": TITLES[i], "reached": reached,
                   "completed": with("completed"), "skipped": with("skipped"),
                   "failed": with("failed"), "stuck": stuck, "time_to_complete": stats(times)})
        })
        .collect();
    let mut months = std::collections::BTreeMap::<(i32, u8), (u64, u64)>::new();
    for g in users {
        let e = months
            .entry((g.started.year(), u8::from(g.started.month())))
            .or_default();
        e.0 += 1;
        e.1 += u64::from(g.completed.is_some());
    }
    let cohorts: Vec<Value> = months
        .into_iter()
        .map(|((y, m), (u, c))| {
            json!({"label": format!("{y:04}-{m:02}"), "start": format!("{y:04}-{m:02}-01"),
                   "users": u, "completed": c, "completion_rate": rate(c, u)})
        })
        .collect();
    json!({
        "users": total, "completed": completed, "completion_rate": rate(completed, total),
        "time_to_complete": stats(users.iter().filter_map(|g| Some(secs(g.completed?, g.started))).collect()),
        "steps": steps, "cohorts": cohorts,
    })
}

#[test]
fn report_numbers_equal_the_funnel_of_the_generated_users() {
    let users = generate(80, 3);
    let db = db_with(&users);
    let all: Vec<&Gen> = users.iter().collect();
    let got = db.json(&["report", "--by", "month"]);
    assert_eq!(got["onboardctl"], expected(&all));
    assert_eq!(got["alwrity"], Value::Null);
    assert_eq!(got["readings_differ"], false);
    // A window of start times: the users who started in it.
    let (since, until) = ("2025-03-10", "2025-04-02T12:00:00Z");
    let window: Vec<&Gen> = users
        .iter()
        .filter(|g| {
            g.started >= datetime!(2025-03-10 00:00 UTC)
                && g.started < datetime!(2025-04-02 12:00 UTC)
        })
        .collect();
    assert!(window.len() > 10 && window.len() < users.len());
    let got = db.json(&[
        "report", "--by", "month", "--since", since, "--until", until,
    ]);
    assert_eq!(got["onboardctl"], expected(&window));
    assert_eq!(got["filters"]["since"], "2025-03-10T00:00:00Z");
}

#[test]
fn weekly_cohorts_start_on_monday() {
    let users = generate(30, 5);
    let db = db_with(&users);
    let got = db.json(&["report"]);
    let cohorts = got["onboardctl"]["cohorts"].as_array().unwrap();
    // 2025-03-03 is a Monday, week 10.
    assert_eq!(cohorts[0]["start"], "2025-03-03");
    assert_eq!(cohorts[0]["label"], "2025-W10");
    let sum: u64 = cohorts.iter().map(|c| c["users"].as_u64().unwrap()).sum();
    assert_eq!(sum, 30);
}

/// Every value replaced by its JSON type: the schema of the output.
fn shape(v: &Value) -> Value {
    match v {
        Value::Null => json!("null"),
        Value::Bool(_) => json!("bool"),
        Value::Number(_) => json!("number"),
        Value::String(_) => json!("string"),
        Value::Array(items) => Value::Array(items.iter().take(1).map(shape).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (k.clone(), shape(v))).collect())
        }
    }
}

#[test]
fn report_json_schema_snapshot() {
    let db = db_with(&generate(40, 3));
    let got = db.json(&["report", "--since", "2025-01-01"]);
    insta::assert_json_snapshot!(shape(&got));
}

fn human(db: &TestDb, env: &[(&str, &str)], args: &[&str]) -> String {
    let mut cmd = db.cmd();
    cmd.arg("report").args(args);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().expect("runs");
    assert_eq!(code(&out), 0, "{}", String::from_utf8_lossy(&out.stderr));
    stdout(&out)
}

#[test]
fn report_human_snapshot() {
    let db = db_with(&generate(40, 3));
    let env = [("COLUMNS", "72"), ("TERM", "xterm")];
    insta::assert_snapshot!(human(&db, &env, &["--by", "month"]));
}

#[test]
fn bars_fit_the_width_and_are_ascii_under_term_dumb() {
    let db = db_with(&generate(40, 3));
    for width in [50_usize, 72, 120] {
        let w = width.to_string();
        for term in ["xterm", "dumb"] {
            let out = human(&db, &[("COLUMNS", &w), ("TERM", term)], &[]);
            let bar_lines: Vec<&str> = out.lines().filter(|l| l.starts_with("  ")).collect();
            assert!(bar_lines.len() >= 6, "{out}");
            for l in &bar_lines {
                assert!(l.chars().count() <= width, "{width} {term}: `{l}`");
            }
            let longest = bar_lines.iter().map(|l| l.chars().count()).max().unwrap();
            assert!(
                longest + 2 >= width.min(80),
                "{width} {term}: bars use the width"
            );
            // The bars (the tables' own truncation is the tables' business).
            let bars_ascii = bar_lines.iter().all(|l| l.is_ascii());
            assert_eq!(term == "dumb", bars_ascii, "{term}: {out}");
            assert_eq!(term != "dumb", out.contains('█'), "{term}");
        }
    }
}

#[test]
fn bars_are_coloured_only_when_asked() {
    let db = db_with(&generate(10, 3));
    let on = human(&db, &[("COLUMNS", "80")], &["--color", "always"]);
    assert!(on.contains("\x1b[32m█"), "{on}");
    let off = human(&db, &[("COLUMNS", "80")], &["--color", "never"]);
    assert!(!off.contains('\x1b'));
}

#[test]
fn an_empty_database_reports_zero() {
    let db = test_db();
    let got = db.json(&["report"]);
    assert_eq!(got["onboardctl"]["users"], 0);
    assert_eq!(got["onboardctl"]["completion_rate"], 0.0);
    assert_eq!(got["onboardctl"]["cohorts"], json!([]));
    assert!(db.ok(&["report"]).contains("0 users"));
}

#[test]
fn bad_options_are_usage_errors() {
    let db = test_db();
    for args in [
        ["report", "--since", "yesterday"].as_slice(),
        &["report", "--by", "year"],
        &["report", "--stalled-days", "-1"],
        &["report", "--since", "2026-02-01", "--until", "2026-01-01"],
    ] {
        assert_eq!(db.code(args), 2, "{args:?}");
    }
}

#[test]
fn long_help_has_examples() {
    let db = test_db();
    let help = db.ok(&["report", "--help"]);
    assert!(help.contains("Examples:") && help.contains("onboardctl report --by month --json"));
    assert!(help.contains("three significant figures"), "{help}");
}
