//! Drift: ALwrity writes after onboardctl (plain SQL, as ALwrity's progress service does:
//! `update_step` and `update_progress` as two committed UPDATEs with `datetime.utcnow()`
//! text). The next read re-derives onboardctl's step view from ALwrity's columns and says
//! `"derived": true`; a user ALwrity reset is never shown completed, and a user ALwrity
//! completed is; the next onboardctl write starts from ALwrity's state, not from its own
//! stale record.

use std::collections::BTreeSet;

use crate::head::{users::*, AlwrityFile};
use crate::reads::completed_steps;
use crate::{oracle, Cli};

fn utc_micros() -> String {
    format!("{}.{:06}", crate::utc_now_text(), 123_456)
}

/// ALwrity's `complete_step(n)` bookkeeping on session `id`: `update_step`, then
/// `update_progress`, each its own transaction.
fn alwrity_completes(file: &AlwrityFile, id: i64, n: i64) {
    let progress = (n as f64 / 6.0 * 100.0).round().min(100.0);
    file.sql(&format!(
        "UPDATE onboarding_sessions SET current_step = {n}, updated_at = '{}' WHERE id = {id}",
        utc_micros()
    ));
    file.sql(&format!(
        "UPDATE onboarding_sessions SET progress = {progress:.1}, updated_at = '{}' WHERE id = {id}",
        utc_micros()
    ));
}

/// ALwrity's `reset_onboarding` on session `id` of `user`: step 1, 0.0, data kept, tasks
/// paused.
fn alwrity_resets(file: &AlwrityFile, id: i64, user: &str) {
    file.sql(&format!(
        "UPDATE onboarding_sessions SET current_step = 1, progress = 0.0, updated_at = '{now}' \
         WHERE id = {id};
         UPDATE website_analysis_tasks SET status = 'paused', updated_at = '{now}' \
         WHERE user_id = '{user}' AND status = 'active';",
        now = utc_micros()
    ));
}

/// `persona set`, step 4 completed, step 5 skipped, `complete`: onboardctl completes API3.
fn onboardctl_completes_api3(cli: &Cli) {
    let persona = cli.file(
        "persona.json",
        r#"{"corePersona": {"identity": {"persona_name": "Drift"}},
            "platformPersonas": {"blog": {"platform_type": "blog"}}}"#,
    );
    cli.ok(&["persona", "set", API3, "--file", &persona]);
    cli.ok(&["progress", "step", API3, "4", "completed"]);
    cli.ok(&["progress", "step", API3, "5", "skipped"]);
    cli.ok(&["complete", API3]);
}

fn set(steps: &[i64]) -> BTreeSet<i64> {
    steps.iter().copied().collect()
}

fn attached() -> (AlwrityFile, Cli) {
    let file = AlwrityFile::head();
    let cli = file.cli();
    cli.attach();
    (file, cli)
}

#[test]
fn own_write_then_read_is_not_derived() {
    let (_file, cli) = attached();
    let persona = cli.file(
        "persona.json",
        r#"{"corePersona": {"identity": {"persona_name": "Drift"}},
            "platformPersonas": {"blog": {"platform_type": "blog"}}}"#,
    );
    cli.ok(&["persona", "set", API3, "--file", &persona]);
    cli.ok(&["progress", "step", API3, "4", "completed"]);
    for cmd in ["session", "progress"] {
        let doc = cli.json(&[cmd, "show", API3]);
        assert_eq!(doc["derived"], false, "{cmd} show: {doc}");
        assert_eq!(
            completed_steps(&doc),
            set(&[1, 2, 3, 4]),
            "{cmd} show: {doc}"
        );
    }
}

/// After onboardctl's step 4, ALwrity re-completes step 2 (its API accepts any step).
fn step_two_by_alwrity(cmd: &str) {
    let (file, cli) = attached();
    let persona = cli.file(
        "persona.json",
        r#"{"corePersona": {"identity": {"persona_name": "Drift"}},
            "platformPersonas": {"blog": {"platform_type": "blog"}}}"#,
    );
    cli.ok(&["persona", "set", API3, "--file", &persona]);
    cli.ok(&["progress", "step", API3, "4", "completed"]);
    alwrity_completes(&file, 2, 2);
    let reading = file.reading();
    let doc = cli.json(&[cmd, "show", API3]);
    assert_eq!(
        doc["derived"], true,
        "{cmd} show after ALwrity wrote: {doc}"
    );
    oracle::assert_alwrity_object(&doc, &reading[API3], "head", cmd);
    assert_eq!(doc["alwrity"]["current_step"], 2, "{doc}");
    assert_eq!(doc["is_completed"], false, "{doc}");
    assert_eq!(
        completed_steps(&doc),
        set(&[1, 2]),
        "{cmd} show: ALwrity's last completed step is 2: {doc}"
    );
}

#[test]
fn alwrity_completing_step_2_is_derived_by_session_show() {
    step_two_by_alwrity("session");
}

#[test]
fn alwrity_completing_step_2_is_derived_by_progress_show() {
    step_two_by_alwrity("progress");
}

/// onboardctl completes a user, ALwrity resets it: every read shows it not completed.
#[test]
fn a_user_alwrity_reset_is_never_shown_completed() {
    let (file, cli) = attached();
    onboardctl_completes_api3(&cli);
    assert_eq!(cli.json(&["session", "show", API3])["is_completed"], true);
    alwrity_resets(&file, 2, API3);
    let reading = file.reading();
    let doc = cli.json(&["session", "show", API3]);
    assert_eq!(doc["derived"], true, "{doc}");
    oracle::assert_alwrity_object(&doc, &reading[API3], "head", "session show");
    assert_eq!(doc["is_completed"], false, "{doc}");
    assert!(doc["completed_at"].is_null(), "{doc}");
    assert_eq!(
        completed_steps(&doc),
        set(&[]),
        "(1, 0.0): nothing done: {doc}"
    );
    for _ in 0..2 {
        let doc = cli.json(&["progress", "show", API3]);
        assert_eq!(doc["is_completed"], false, "{doc}");
        assert_eq!(doc["completed_steps"], 0, "{doc}");
    }
    let list = cli.json(&["session", "list", "--status", "completed"]);
    assert!(
        !list
            .as_array()
            .unwrap()
            .iter()
            .any(|r| r["user_id"] == API3),
        "listed completed after ALwrity's reset: {list}"
    );
    let export = cli.ok(&["--json", "export", "--user", API3]);
    let line: serde_json::Value = serde_json::from_str(export.lines().next().unwrap()).unwrap();
    assert_ne!(line["is_completed"], true, "{line}");
    // The data ALwrity kept is still there.
    assert_eq!(
        file.strings("SELECT count(*) FROM api_keys WHERE session_id = 2"),
        ["3"]
    );
}

/// The reverse: ALwrity completes a user onboardctl shows at step 3.
#[test]
fn a_user_alwrity_completed_is_shown_completed() {
    let (file, cli) = attached();
    assert_eq!(cli.json(&["session", "show", API3])["is_completed"], false);
    alwrity_completes(&file, 2, 6);
    let doc = cli.json(&["session", "show", API3]);
    assert_eq!(doc["derived"], true, "{doc}");
    assert_eq!(doc["alwrity"]["is_completed"], true, "{doc}");
    assert_eq!(doc["is_completed"], true, "{doc}");
    let list = cli.json(&["session", "list", "--status", "completed"]);
    assert!(
        list.as_array()
            .unwrap()
            .iter()
            .any(|r| r["user_id"] == API3),
        "{list}"
    );
}

/// After ALwrity's reset, onboardctl's next write builds on ALwrity's state: completing step 1
/// writes (1, 17.0), not onboardctl's stale "everything done".
#[test]
fn a_write_after_drift_starts_from_alwritys_state() {
    let (file, cli) = attached();
    onboardctl_completes_api3(&cli);
    alwrity_resets(&file, 2, API3);
    cli.ok(&["progress", "step", API3, "1", "completed"]);
    let reading = file.reading();
    let api3 = &reading[API3];
    assert_eq!(
        (api3.current_step, api3.progress, api3.is_completed),
        (Some(1), Some(17.0), false)
    );
    let doc = cli.json(&["session", "show", API3]);
    assert_eq!(doc["derived"], false, "{doc}");
    assert_eq!(completed_steps(&doc), set(&[1]), "{doc}");
}

/// ALwrity's reset of a user onboardctl never wrote (the fixture's own reset user is read as
/// reset; a reset of the completed fixture user is too).
#[test]
fn an_alwrity_reset_of_a_completed_user_is_read_as_reset() {
    let (file, cli) = attached();
    assert_eq!(cli.json(&["session", "show", DONE])["is_completed"], true);
    alwrity_resets(&file, 3, DONE);
    let doc = cli.json(&["session", "show", DONE]);
    assert_eq!(doc["derived"], true, "{doc}");
    assert_eq!(doc["is_completed"], false, "{doc}");
    assert_eq!(completed_steps(&doc), set(&[]), "{doc}");
    assert_eq!(cli.json(&["session", "show", RESET])["is_completed"], false);
}
