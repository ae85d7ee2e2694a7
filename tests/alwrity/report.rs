//! `report` on databases ALwrity made: both readings are counted, each equal to what this
//! file computes from the per-user reads (`session show --json` of every listed user: the
//! Rust reading of each session, a path that shares no SQL with the report), on HEAD files
//! (plain and in the workspace layout), the seed story on SQLite and PostgreSQL, and after
//! `db migrate` and a few onboardctl writes (its record, fresh, then counted as its own);
//! and it leaves the database byte-identical.

use serde_json::Value;

use crate::head::{AlwrityFile, Place, Tables};
use crate::{seed, Cli};

/// Per-step counts of one reading: (reached, completed, skipped, failed, stuck).
type Steps = Vec<(u64, u64, u64, u64, u64)>;

/// Users, completed, steps — of one reading.
#[derive(Debug, PartialEq)]
struct Counts {
    users: u64,
    completed: u64,
    steps: Steps,
}

/// The counts `report --json` gives for `reading` (`onboardctl` or `alwrity`).
fn reported(report: &Value, reading: &str) -> Counts {
    let r = &report[reading];
    let n = |v: &Value, k: &str| v[k].as_u64().unwrap_or_else(|| panic!("{k} in {v}"));
    Counts {
        users: n(r, "users"),
        completed: n(r, "completed"),
        steps: r["steps"]
            .as_array()
            .expect("steps")
            .iter()
            .map(|s| {
                (
                    n(s, "reached"),
                    n(s, "completed"),
                    n(s, "skipped"),
                    n(s, "failed"),
                    n(s, "stuck"),
                )
            })
            .collect(),
    }
}

/// How many steps ALwrity counts as passed, by its documented rule (README "Running next
/// to ALwrity"): complete → 6; no progress → 0; else HEAD's `current_step` (the last step
/// completed), the seed era's sixths of progress.
fn passed(alwrity: &Value) -> u64 {
    let cs = alwrity["current_step"].as_i64().unwrap_or(1);
    let p = alwrity["progress"].as_f64().unwrap_or(0.0);
    if cs >= 6 || p >= 100.0 {
        return 6;
    }
    if p <= 0.0 {
        return 0;
    }
    match alwrity["era"].as_str() {
        Some("head") => cs.clamp(0, 6) as u64,
        _ => (p / 100.0 * 6.0).round().clamp(0.0, 6.0) as u64,
    }
}

/// Both readings computed from every user's `session show --json`, every unfinished user
/// stuck (`--stalled-days 0`: every stored change is in the past).
fn expected(cli: &Cli) -> (Counts, Counts) {
    let list = cli.json(&["session", "list", "--limit", "100000"]);
    let shows: Vec<Value> = list
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| cli.json(&["session", "show", r["user_id"].as_str().unwrap()]))
        .collect();
    let mut own = Counts {
        users: shows.len() as u64,
        completed: 0,
        steps: vec![(0, 0, 0, 0, 0); 6],
    };
    let mut theirs = Counts {
        users: shows.len() as u64,
        completed: 0,
        steps: vec![(0, 0, 0, 0, 0); 6],
    };
    for s in &shows {
        let done = !s["completed_at"].is_null();
        own.completed += u64::from(done);
        let current = s["current_step"].as_u64().unwrap();
        let steps = s["steps"].as_array().unwrap();
        let furthest = steps
            .iter()
            .filter(|t| t["status"] != "pending")
            .map(|t| t["step_number"].as_u64().unwrap())
            .max()
            .unwrap_or(1)
            .max(current);
        for (i, t) in steps.iter().enumerate() {
            let n = i as u64 + 1;
            let e = &mut own.steps[i];
            e.0 += u64::from(furthest >= n);
            e.1 += u64::from(t["status"] == "completed");
            e.2 += u64::from(t["status"] == "skipped");
            e.3 += u64::from(t["status"] == "failed");
            e.4 += u64::from(!done && current == n);
        }
        let p = passed(&s["alwrity"]);
        theirs.completed += u64::from(p == 6);
        let at = if p >= 6 { 6 } else { p + 1 };
        for n in 1..=6u64 {
            let e = &mut theirs.steps[n as usize - 1];
            e.0 += u64::from(at >= n);
            e.1 += u64::from(p >= n);
            e.4 += u64::from(p < 6 && at == n);
        }
    }
    (own, theirs)
}

/// `report --json --stalled-days 0` equals both hand-computed readings.
fn assert_both_readings(cli: &Cli, what: &str) {
    let report = cli.json(&["report", "--stalled-days", "0"]);
    let (own, theirs) = expected(cli);
    assert!(own.users > 0, "{what}: the fixture has users");
    assert_eq!(
        reported(&report, "onboardctl"),
        own,
        "{what}: onboardctl's reading"
    );
    assert_eq!(
        reported(&report, "alwrity"),
        theirs,
        "{what}: ALwrity's reading"
    );
    assert_eq!(
        report["readings_differ"].as_bool(),
        Some(differs(&own, &theirs)),
        "{what}: readings_differ"
    );
}

/// Whether the readings differ in what ALwrity's columns can say (it has no skipped or
/// failed steps: a skipped step is a passed one).
fn differs(own: &Counts, theirs: &Counts) -> bool {
    own.completed != theirs.completed
        || own
            .steps
            .iter()
            .zip(&theirs.steps)
            .any(|(a, b)| a.0 != b.0 || a.1 + a.2 != b.1 + b.2 || a.4 != b.4)
}

#[test]
fn report_counts_both_readings_of_a_head_file() {
    for place in [Place::Plain, Place::Workspace] {
        let file = AlwrityFile::build(place, Tables::Head);
        let bytes = file.snapshot();
        assert_both_readings(&file.cli(), &format!("{place:?}"));
        bytes.assert_unchanged(&file.snapshot(), "report");
    }
}

#[test]
fn the_head_story_has_readings_that_differ() {
    // `user_2hundred` (progress 100 at step 5, no persona): complete for both (onboardctl
    // follows ALwrity there), but step 4 is passed for ALwrity only.
    let file = AlwrityFile::head();
    let report = file.cli().json(&["report"]);
    assert_eq!(report["readings_differ"], true);
    let c = |r: &str| report[r]["steps"][3]["completed"].as_u64().unwrap();
    assert_eq!(c("alwrity"), c("onboardctl") + 1);
    let human = file.cli().ok(&["report"]);
    assert!(human.contains("onboardctl's reading") && human.contains("ALwrity's reading"));
}

#[test]
fn report_counts_both_readings_of_the_seed_story() {
    seed::each(|db| {
        let cli = db.cli();
        assert_both_readings(&cli, &format!("{:?}", db.backend()));
    });
}

#[test]
fn report_counts_onboardctls_record_once_attached() {
    let file = AlwrityFile::head();
    let cli = file.cli();
    cli.attach();
    for args in [
        ["progress", "step", "user_2fresh", "1", "failed"].as_slice(),
        &["progress", "step", "user_2api3", "4", "in_progress"],
        &["progress", "step", "user_2api3", "5", "skipped"],
        // (2, 83.0): HEAD's `current_step` says 2 steps passed, the seed era's sixths 5.
        &["progress", "set-step", "user_2api3", "2"],
    ] {
        cli.ok(args);
    }
    assert_both_readings(&cli, "attached");
    let report = cli.json(&["report"]);
    assert_eq!(report["onboardctl"]["steps"][0]["failed"], 1);
    assert_eq!(report["onboardctl"]["steps"][4]["skipped"], 1);
}
