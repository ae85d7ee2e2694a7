//! Writes on an attached ALwrity database write ALwrity's columns exactly as ALwrity's own
//! code does for the same action: one row of [`head_cases`] / [`seed_cases`] per (action,
//! era), each run on a fresh database (HEAD on SQLite; seed on SQLite and PostgreSQL).
//!
//! HEAD (ALwrity's live step API): completing step n writes `current_step = n`, `progress =
//! min(100, round(n/6*100))` as a float (17, 33, 50, 67, 83, 100); skipping step 5 writes what
//! completing it writes; completion (6, 100.0); reset (1, 0.0) keeping the data; a new
//! session (1, 0.0); un-completing a step writes the contiguous prefix: k = how many of
//! steps 1..k are done afterwards, (k, round(k/6*100)), or (1, 0.0) when k = 0.
//!
//! Seed: the same pattern. The seed-era database was written by two paths (the legacy
//! progress manager's "next step, completed sixths", and the step API's "last completed step,
//! rounded sixths"); onboardctl writes what the live step API writes, which every later
//! ALwrity also writes, and reads both (the sixths of progress decide what is passed).
//!
//! Every row also checks: `updated_at` is naive UTC text (`YYYY-MM-DD HH:MM:SS[.ffffff]`, no
//! offset) of the moment of the write; the stored types are INTEGER and REAL; every other
//! user's ALwrity reading is unchanged; and the next `session show` agrees with ALwrity
//! (the `alwrity` object is the oracle's; `derived: false` after a write of the session). Data commands (`key set|delete`,
//! `analysis|research|persona set`) leave the session's columns as they are and write
//! ALwrity's own data rows (plaintext keys, kept in step in the SSOT's `api_keys_data`).

use serde_json::Value;

use crate::head::{users::*, AlwrityFile};
use crate::oracle::{self, Readings};
use crate::raw::{Raw, SqliteRaw};
use crate::{seed, utc_now_text, Cli};

/// What the action must leave in the user's (first) session row.
#[derive(Debug, Clone, Copy)]
pub enum Expect {
    /// `(current_step, progress)`, progress within the tolerance.
    Columns(i64, f64, f64),
    /// The user had no session: exactly one row now, with these columns.
    NewRow(i64, f64),
    /// `current_step` and `progress` as they were.
    Unchanged,
}

/// An extra check after the action, on the raw database.
type Extra = fn(&mut dyn Raw, &str);

/// One (action, era) row.
pub struct Case {
    /// A name for failure messages.
    pub name: &'static str,
    /// The user acted on.
    pub user: &'static str,
    /// onboardctl commands run first (after `db migrate`), each with `{U}` for the user.
    pub setup: &'static [&'static [&'static str]],
    /// The action, with `{U}` for the user and `{persona}` / `{site}` for input files.
    pub action: &'static [&'static str],
    /// stdin of the action.
    pub stdin: &'static str,
    /// The session columns afterwards.
    pub expect: Expect,
    /// Further checks.
    pub extra: Option<Extra>,
}

const PERSONA: &str = r#"{"corePersona": {"identity": {"persona_name": "Fixture Voice",
  "archetype": "Guide"}}, "platformPersonas": {"linkedin": {"platform_type": "linkedin"}},
  "qualityMetrics": {"overall_score": 0.7}, "selectedPlatforms": ["linkedin"]}"#;
const SITE: &str = r#"{"website": "https://fresh.example.com",
  "analysis": {"writing_style": {"tone": "plain", "voice": "active"}}}"#;

const P_SET: &[&str] = &["persona", "set", "{U}", "--file", "{persona}"];
const STEP4: &[&str] = &["progress", "step", "{U}", "4", "completed"];
const SKIP5: &[&str] = &["progress", "step", "{U}", "5", "skipped"];
const R_SET: &[&str] = &[
    "research",
    "set",
    "{U}",
    "--depth",
    "Comprehensive",
    "--content-types",
    "Blog Posts,Newsletters",
];
const STEP3: &[&str] = &["progress", "step", "{U}", "3", "completed"];

/// The HEAD rows.
pub fn head_cases() -> Vec<Case> {
    use Expect::*;
    let c = |name, user, setup, action, expect| Case {
        name,
        user,
        setup,
        action,
        stdin: "",
        expect,
        extra: None,
    };
    vec![
        c(
            "session create (new)",
            "user_2newbie",
            &[],
            &["session", "create", "{U}"],
            NewRow(1, 0.0),
        ),
        c(
            "session create (existing)",
            FRESH,
            &[],
            &["session", "create", "{U}"],
            Unchanged,
        ),
        c(
            "step 1 completed (forced)",
            FRESH,
            &[],
            &[
                "progress",
                "step",
                "{U}",
                "1",
                "completed",
                "--force",
                "--reason",
                "fixture",
            ],
            Columns(1, 17.0, 0.0),
        ),
        c(
            "step 4 completed",
            API3,
            &[P_SET],
            STEP4,
            Columns(4, 67.0, 0.0),
        ),
        c(
            "step 5 completed",
            API3,
            &[P_SET, STEP4],
            &["progress", "step", "{U}", "5", "completed"],
            Columns(5, 83.0, 0.0),
        ),
        c(
            "step 5 skipped",
            API3,
            &[P_SET, STEP4],
            SKIP5,
            Columns(5, 83.0, 0.0),
        ),
        c(
            "complete",
            API3,
            &[P_SET, STEP4, SKIP5],
            &["complete", "{U}"],
            Columns(6, 100.0, 0.0),
        ),
        c(
            "complete (forced)",
            FRESH,
            &[],
            &["complete", "{U}", "--force", "--reason", "fixture"],
            Columns(6, 100.0, 0.0),
        ),
        c(
            "step 3 pending",
            API3,
            &[],
            &["progress", "step", "{U}", "3", "pending"],
            Columns(2, 33.0, 0.0),
        ),
        c(
            "step 2 pending",
            API3,
            &[],
            &["progress", "step", "{U}", "2", "pending"],
            Columns(1, 17.0, 0.0),
        ),
        c(
            "step 1 pending",
            API3,
            &[],
            &["progress", "step", "{U}", "1", "pending"],
            Columns(1, 0.0, 0.0),
        ),
        c(
            "step 2 pending on a completed user",
            DONE,
            &[],
            &["progress", "step", "{U}", "2", "pending"],
            Columns(1, 17.0, 0.0),
        ),
        Case {
            extra: Some(data_kept),
            ..c(
                "session reset",
                DONE,
                &[],
                &["session", "reset", "{U}"],
                Columns(1, 0.0, 0.0),
            )
        },
        Case {
            stdin: "tvly-FAKE-FIXTURE-NEW-KEY-00000001",
            extra: Some(tavily_stored),
            ..c(
                "key set (new provider)",
                API3,
                &[],
                &["key", "set", "{U}", "tavily", "--stdin"],
                Unchanged,
            )
        },
        Case {
            stdin: "AIzaFAKE_FIXTURE_API3_REPLACED_000009",
            extra: Some(gemini_replaced),
            ..c(
                "key set (replace)",
                API3,
                &[],
                &["key", "set", "{U}", "gemini", "--stdin"],
                Unchanged,
            )
        },
        Case {
            extra: Some(exa_deleted),
            ..c(
                "key delete",
                API3,
                &[],
                &["key", "delete", "{U}", "exa"],
                Unchanged,
            )
        },
        Case {
            extra: Some(analysis_stored),
            ..c(
                "analysis set",
                FRESH,
                &[],
                &["analysis", "set", "{U}", "--file", "{site}"],
                Unchanged,
            )
        },
        Case {
            extra: Some(research_stored),
            ..c("research set", FRESH, &[], R_SET, Unchanged)
        },
        Case {
            extra: Some(persona_stored),
            ..c("persona set", API3, &[], P_SET, Unchanged)
        },
    ]
}

/// The seed rows (see the module documentation for the assumed seed pattern).
pub fn seed_cases() -> Vec<Case> {
    use Expect::*;
    let c = |name, user, setup, action, expect| Case {
        name,
        user,
        setup,
        action,
        stdin: "",
        expect,
        extra: None,
    };
    vec![
        c(
            "session create (new)",
            "seed_newbie",
            &[],
            &["session", "create", "{U}"],
            NewRow(1, 0.0),
        ),
        c(
            "step 1 completed (forced)",
            seed::FRESH,
            &[],
            &[
                "progress",
                "step",
                "{U}",
                "1",
                "completed",
                "--force",
                "--reason",
                "fixture",
            ],
            Columns(1, 17.0, 0.0),
        ),
        c(
            "step 3 completed",
            seed::TWO,
            &[R_SET],
            STEP3,
            Columns(3, 50.0, 0.0),
        ),
        c(
            "complete",
            seed::TWO,
            &[R_SET, STEP3, P_SET, STEP4, SKIP5],
            &["complete", "{U}"],
            Columns(6, 100.0, 0.0),
        ),
        Case {
            extra: Some(data_kept),
            ..c(
                "session reset",
                seed::DONE,
                &[],
                &["session", "reset", "{U}"],
                Columns(1, 0.0, 0.0),
            )
        },
    ]
}

fn args<'a>(cli: &Cli, template: &[&'a str], user: &'a str) -> Vec<String> {
    template
        .iter()
        .map(|a| match *a {
            "{U}" => user.to_owned(),
            "{persona}" => cli.file("persona.json", PERSONA),
            "{site}" => cli.file("site.json", SITE),
            other => other.to_owned(),
        })
        .collect()
}

/// The user's first session row: (id, current_step, progress, updated_at text).
fn session_row(raw: &mut dyn Raw, user: &str) -> Option<(i64, Value, Value, String)> {
    let rows = raw.rows("onboarding_sessions");
    rows.values().find(|r| r["user_id"] == user).map(|r| {
        (
            r["id"].as_i64().unwrap(),
            r["current_step"].clone(),
            r["progress"].clone(),
            r["updated_at"]
                .as_str()
                .unwrap_or("NULL")
                .replacen('T', " ", 1),
        )
    })
}

/// Asserts `at` is naive UTC text of a moment in `[from, to]` (both `YYYY-MM-DD HH:MM:SS`).
pub fn assert_naive_utc(at: &str, from: &str, to: &str, what: &str) {
    let b = at.as_bytes();
    let shape = at.len() >= 19
        && b[4] == b'-'
        && b[7] == b'-'
        && b[10] == b' '
        && b[13] == b':'
        && b[16] == b':'
        && (at.len() == 19
            || (b[19] == b'.' && at.len() <= 26 && b[20..].iter().all(u8::is_ascii_digit)));
    assert!(
        shape,
        "{what}: `{at}` is not naive `YYYY-MM-DD HH:MM:SS[.ffffff]` text"
    );
    let secs = &at[..19];
    assert!(
        from <= secs && secs <= to,
        "{what}: `{at}` is not UTC now (between {from} and {to})"
    );
}

fn run_case(case: &Case, raw: &mut dyn Raw, cli: &Cli, era: &str) {
    let what = format!("{era}: {}", case.name);
    cli.attach();
    for step in case.setup {
        let a = args(cli, step, case.user);
        let a: Vec<&str> = a.iter().map(String::as_str).collect();
        cli.ok(&a);
    }
    let before: Readings = oracle::readings(raw);
    let row_before = session_row(raw, case.user);
    let sessions_before = before.get(case.user).map_or(0, |r| r.rows);
    let a = args(cli, case.action, case.user);
    let a: Vec<&str> = a.iter().map(String::as_str).collect();
    let from = utc_now_text();
    cli.ok_stdin(&a, case.stdin);
    let to = utc_now_text();
    let after = oracle::readings(raw);
    // Nobody else's reading moved.
    let mut others_before = before.clone();
    let mut others_after = after.clone();
    others_before.remove(case.user);
    others_after.remove(case.user);
    oracle::assert_same(&others_before, &others_after, &what);
    let (id, step, progress, at) =
        session_row(raw, case.user).unwrap_or_else(|| panic!("{what}: no session row"));
    let columns = match case.expect {
        Expect::Columns(step, progress, tol) => Some((step, progress, tol)),
        Expect::NewRow(step, progress) => Some((step, progress, 0.0)),
        Expect::Unchanged => None,
    };
    match columns {
        Some((want_step, want_progress, tol)) => {
            assert_eq!(
                step.as_i64(),
                Some(want_step),
                "{what}: current_step ({step})"
            );
            let p = progress
                .as_f64()
                .unwrap_or_else(|| panic!("{what}: progress is {progress}"));
            assert!(
                (p - want_progress).abs() <= tol,
                "{what}: progress {p}, ALwrity writes {want_progress}"
            );
            assert_naive_utc(&at, &from, &to, &format!("{what}: updated_at"));
            if raw.backend() == onboardctl::store::Backend::Sqlite {
                let types = raw.strings(&format!(
                    "SELECT typeof(current_step) || ' ' || typeof(progress) \
                     FROM onboarding_sessions WHERE id = {id}"
                ));
                assert_eq!(types, ["integer real"], "{what}: stored types");
            }
            if matches!(case.expect, Expect::NewRow(..)) {
                assert!(row_before.is_none(), "{what}: the user had no session");
                assert_eq!(after[case.user].rows, 1, "{what}: one new row");
                let started = raw.strings(&format!(
                    "SELECT started_at FROM onboarding_sessions WHERE id = {id}"
                ));
                assert_naive_utc(
                    &started[0].replacen('T', " ", 1),
                    &from,
                    &to,
                    &format!("{what}: started_at"),
                );
            } else {
                assert_eq!(
                    after[case.user].rows, sessions_before,
                    "{what}: session rows"
                );
            }
        }
        None => {
            let (_, was_step, was_progress, _) = row_before.expect("a session");
            assert_eq!(
                (&step, &progress),
                (&was_step, &was_progress),
                "{what}: columns moved"
            );
            assert_eq!(
                after[case.user].rows, sessions_before,
                "{what}: session rows"
            );
        }
    }
    if let Some(extra) = case.extra {
        extra(raw, &what);
    }
    let doc = cli.json(&["session", "show", case.user]);
    // A write of the session records onboardctl's view; a data write leaves the view as
    // it was (derived from ALwrity's columns, which it did not change).
    if columns.is_some() {
        assert_eq!(
            doc["derived"], false,
            "{what}: onboardctl's own write needs no derivation: {doc}"
        );
    }
    oracle::assert_alwrity_object(&doc, &after[case.user], era, &what);
}

#[test]
fn head_writes_write_alwritys_columns() {
    let mut failures = Vec::new();
    for case in head_cases() {
        let file = AlwrityFile::head();
        let cli = file.cli();
        let mut raw = SqliteRaw(file.reader());
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            run_case(&case, &mut raw, &cli, "head")
        }));
        if let Err(e) = result {
            failures.push(panic_text(&e));
        }
    }
    assert!(
        failures.is_empty(),
        "{} row(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

#[test]
fn seed_writes_write_alwritys_columns_on_both_backends() {
    let mut failures = Vec::new();
    for case in seed_cases() {
        seed::each(|mut db| {
            let cli = db.cli();
            let era = "seed";
            let backend = db.backend();
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                run_case(&case, &mut *db.raw, &cli, era)
            }));
            if let Err(e) = result {
                failures.push(format!("[{backend:?}] {}", panic_text(&e)));
            }
        });
    }
    assert!(
        failures.is_empty(),
        "{} row(s) failed:\n\n{}",
        failures.len(),
        failures.join("\n\n")
    );
}

fn panic_text(e: &Box<dyn std::any::Any + Send>) -> String {
    e.downcast_ref::<String>()
        .cloned()
        .or_else(|| e.downcast_ref::<&str>().map(|s| (*s).to_owned()))
        .unwrap_or_else(|| "a panic".to_owned())
}

// ---- extra checks -------------------------------------------------------------------------

fn count(raw: &mut dyn Raw, sql: &str) -> i64 {
    raw.strings(sql)[0].parse().unwrap()
}

fn first_session(raw: &mut dyn Raw, user: &str) -> i64 {
    session_row(raw, user).expect("a session").0
}

/// Reset keeps every data row of the session.
fn data_kept(raw: &mut dyn Raw, what: &str) {
    let user = if what.starts_with("seed") {
        seed::DONE
    } else {
        DONE
    };
    let id = first_session(raw, user);
    for (table, want) in [
        ("api_keys", 3),
        ("website_analyses", 1),
        ("research_preferences", 1),
        ("persona_data", 1),
    ] {
        let n = count(
            raw,
            &format!("SELECT count(*) FROM {table} WHERE session_id = {id}"),
        );
        assert_eq!(n, want, "{what}: {table} rows of the reset session");
    }
}

/// The user's key rows: (id, provider, key, created_at, updated_at).
fn keys(raw: &mut dyn Raw, session: i64) -> Vec<(i64, String, String, String, String)> {
    raw.rows("api_keys")
        .into_values()
        .filter(|k| k["session_id"].as_i64() == Some(session))
        .map(|k| {
            let text = |v: &Value| v.as_str().unwrap_or("NULL").replacen('T', " ", 1);
            (
                k["id"].as_i64().unwrap(),
                k["provider"].as_str().unwrap().to_owned(),
                k["key"].as_str().unwrap().to_owned(),
                text(&k["created_at"]),
                text(&k["updated_at"]),
            )
        })
        .collect()
}

/// The SSOT's `api_keys_data` of `user`, parsed.
fn ssot_keys(raw: &mut dyn Raw, user: &str) -> Value {
    let rows = raw.strings(&format!(
        "SELECT api_keys_data FROM onboarding_data_integrations WHERE user_id = '{user}'"
    ));
    assert_eq!(rows.len(), 1, "one SSOT row of {user}");
    serde_json::from_str(&rows[0]).expect("api_keys_data is JSON")
}

fn ssot_values(doc: &Value) -> Vec<(String, String)> {
    doc["api_keys"]
        .as_array()
        .map(|a| {
            a.iter()
                .map(|k| {
                    (
                        k["provider"].as_str().unwrap_or_default().to_owned(),
                        k["key"].as_str().unwrap_or_default().to_owned(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn tavily_stored(raw: &mut dyn Raw, what: &str) {
    let rows = keys(raw, 2);
    let tavily: Vec<_> = rows.iter().filter(|k| k.1 == "tavily").collect();
    assert_eq!(tavily.len(), 1, "{what}: one tavily row: {rows:?}");
    assert_eq!(
        tavily[0].2, "tvly-FAKE-FIXTURE-NEW-KEY-00000001",
        "{what}: plaintext, as ALwrity reads it"
    );
    let now = utc_now_text();
    for at in [&tavily[0].3, &tavily[0].4] {
        assert_naive_utc(at, "2000-01-01 00:00:00", &now, what);
    }
    assert_eq!(rows.len(), 4, "{what}: the other keys stay");
    let ssot = ssot_values(&ssot_keys(raw, API3));
    assert!(
        ssot.contains(&(
            "tavily".to_owned(),
            "tvly-FAKE-FIXTURE-NEW-KEY-00000001".to_owned()
        )),
        "{what}: the SSOT copy is kept in step: {ssot:?}"
    );
}

fn gemini_replaced(raw: &mut dyn Raw, what: &str) {
    let rows = keys(raw, 2);
    let gemini: Vec<_> = rows.iter().filter(|k| k.1 == "gemini").collect();
    assert_eq!(gemini.len(), 1, "{what}: {rows:?}");
    assert_eq!(
        gemini[0].0, 1,
        "{what}: updated in place, as ALwrity's upsert does"
    );
    assert_eq!(gemini[0].2, "AIzaFAKE_FIXTURE_API3_REPLACED_000009");
    assert_eq!(
        gemini[0].3, "2026-05-18 09:01:00",
        "{what}: created_at kept"
    );
    let ssot = ssot_values(&ssot_keys(raw, API3));
    assert!(
        ssot.contains(&(
            "gemini".to_owned(),
            "AIzaFAKE_FIXTURE_API3_REPLACED_000009".to_owned()
        )),
        "{what}: {ssot:?}"
    );
    assert!(
        !ssot.iter().any(|(_, k)| k == API3_KEYS[0]),
        "{what}: the old key is gone from the SSOT: {ssot:?}"
    );
}

fn exa_deleted(raw: &mut dyn Raw, what: &str) {
    let rows = keys(raw, 2);
    assert!(!rows.iter().any(|k| k.1 == "exa"), "{what}: {rows:?}");
    assert_eq!(rows.len(), 2, "{what}: {rows:?}");
    let ssot = ssot_values(&ssot_keys(raw, API3));
    assert!(!ssot.iter().any(|(p, _)| p == "exa"), "{what}: {ssot:?}");
    assert!(
        !ssot.iter().any(|(_, k)| k == API3_KEYS[1]),
        "{what}: {ssot:?}"
    );
}

fn data_row(raw: &mut dyn Raw, table: &str, session: i64, what: &str) -> Value {
    let rows: Vec<Value> = raw
        .rows(table)
        .into_values()
        .filter(|r| r["session_id"].as_i64() == Some(session))
        .collect();
    assert_eq!(
        rows.len(),
        1,
        "{what}: one {table} row of session {session}: {rows:?}"
    );
    let row = rows.into_iter().next().unwrap();
    let now = utc_now_text();
    for col in ["created_at", "updated_at"] {
        let at = row[col].as_str().unwrap_or("NULL").replacen('T', " ", 1);
        assert_naive_utc(
            &at,
            "2000-01-01 00:00:00",
            &now,
            &format!("{what}: {table}.{col}"),
        );
    }
    row
}

fn analysis_stored(raw: &mut dyn Raw, what: &str) {
    let row = data_row(raw, "website_analyses", 1, what);
    assert_eq!(
        row["website_url"], "https://fresh.example.com",
        "{what}: {row}"
    );
    assert_eq!(row["writing_style"]["tone"], "plain", "{what}: {row}");
}

fn research_stored(raw: &mut dyn Raw, what: &str) {
    let row = data_row(raw, "research_preferences", 1, what);
    assert_eq!(row["research_depth"], "Comprehensive", "{what}: {row}");
    assert_eq!(
        row["content_types"],
        serde_json::json!(["Blog Posts", "Newsletters"]),
        "{what}: {row}"
    );
}

fn persona_stored(raw: &mut dyn Raw, what: &str) {
    let row = data_row(raw, "persona_data", 2, what);
    assert_eq!(
        row["core_persona"]["identity"]["persona_name"], "Fixture Voice",
        "{what}: snake_case columns: {row}"
    );
    assert_eq!(
        row["selected_platforms"],
        serde_json::json!(["linkedin"]),
        "{what}: {row}"
    );
}

#[test]
fn the_time_checker_takes_only_naive_text_of_now() {
    let (from, to) = ("2026-05-18 09:00:00", "2026-05-18 09:00:05");
    for ok in [
        "2026-05-18 09:00:01",
        "2026-05-18 09:00:05.999999",
        "2026-05-18 09:00:00.5",
    ] {
        assert_naive_utc(ok, from, to, ok);
    }
    for bad in [
        "2026-05-18T09:00:01",
        "2026-05-18 09:00:01+00:00",
        "2026-05-18 09:00:01Z",
        "2026-05-18 09:00:01.1234567",
        "2026-05-18 08:59:59.999999",
        "2026-05-18 11:00:01",
    ] {
        let caught = std::panic::catch_unwind(|| assert_naive_utc(bad, from, to, bad));
        assert!(caught.is_err(), "accepted {bad}");
    }
}
