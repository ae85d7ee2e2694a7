//! `doctor` on ALwrity's own HEAD file: what the story holds is found — the database is not
//! attached (info), `user_2race` has two session rows and its SSOT copy holds the other
//! row's keys, `user_2hundred` is complete for ALwrity without a persona — one planted row
//! each for an orphan key, an extra key row and a sealed key beside plaintext copies; the
//! rollback journal is ALwrity's and no finding. Every run leaves the tree byte-identical.

use serde_json::Value;

use crate::head::{users::*, AlwrityFile};
use crate::{assert_code, assert_no_key_printed, code, stdout, MASTER_KEY};

/// Runs `doctor --json` on `file`, asserts the exit code and that nothing changed.
fn doctor(file: &AlwrityFile, env: &[(&str, &str)], expected: i32) -> Value {
    let before = file.snapshot();
    let reading = file.reading();
    for args in [&["--json", "doctor"][..], &["-v", "doctor"]] {
        let out = file.cli().run_with(args, env, "");
        assert_eq!(code(&out), expected, "{args:?}: {}", stdout(&out));
        assert_no_key_printed(&out, args);
        crate::files::assert_no_side_files(&file.path, "doctor");
        before.assert_unchanged(&file.snapshot(), "doctor");
        crate::oracle::assert_same(&reading, &file.reading(), "doctor");
    }
    let out = file.cli().run_with(&["--json", "doctor"], env, "");
    assert_code(&out, expected, &["doctor"]);
    serde_json::from_slice(&out.stdout).expect("JSON")
}

fn with_code<'a>(report: &'a Value, code: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

fn subjects(report: &Value, code: &str) -> Vec<String> {
    with_code(report, code)
        .iter()
        .map(|f| f["subject"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn doctor_finds_what_the_head_story_holds_and_changes_nothing() {
    for file in [AlwrityFile::head(), AlwrityFile::head_in_workspace()] {
        let report = doctor(&file, &[], 6);
        assert_eq!(report["database"]["flavour"], "alwrity");
        assert_eq!(report["database"]["journal_mode"], "rollback");
        let info = with_code(&report, "not_attached");
        assert_eq!(info.len(), 1);
        assert_eq!(info[0]["severity"], "info");
        assert_eq!(info[0]["fix"], "onboardctl db migrate");

        let dup = with_code(&report, "duplicate_sessions");
        assert_eq!(subjects(&report, "duplicate_sessions"), [RACE]);
        assert_eq!(
            dup[0]["fix"],
            "onboardctl db migrate && onboardctl db repair"
        );

        assert_eq!(subjects(&report, "readings_disagree"), [HUNDRED]);
        let r = &with_code(&report, "readings_disagree")[0];
        assert_eq!(
            r["fix"],
            format!("onboardctl progress step {HUNDRED} 4 completed")
        );

        let stale = subjects(&report, "stale_key_copy");
        let want: Vec<String> = PROVIDERS.iter().map(|p| format!("{RACE}/{p}")).collect();
        assert_eq!(
            stale, want,
            "the SSOT copy holds the second race row's keys"
        );

        for absent in [
            "journal_not_wal",
            "orphan_key",
            "plaintext_key_copy",
            "key_format",
        ] {
            assert!(
                with_code(&report, absent).is_empty(),
                "{absent}: {report:#}"
            );
        }
    }
}

#[test]
fn doctor_after_attach_and_repair_finds_no_duplicates() {
    let file = AlwrityFile::head();
    file.cli().attach();
    file.cli().ok(&["db", "repair", "--yes"]);
    let report = doctor(&file, &[], 6);
    assert!(with_code(&report, "not_attached").is_empty());
    assert!(with_code(&report, "duplicate_sessions").is_empty());
    let dup = with_code(&report, "readings_disagree");
    assert_eq!(dup.len(), 1, "{report:#}");
}

#[test]
fn doctor_finds_an_orphan_key_row() {
    let file = AlwrityFile::head();
    file.sql(
        "INSERT INTO api_keys (id, session_id, provider, \"key\", created_at, updated_at) \
         VALUES (900, 999, 'openai', 'sk-FAKE_ORPHAN_ROW_0000000000', '2026-05-18 09:00:00', \
         '2026-05-18 09:00:00')",
    );
    let report = doctor(&file, &[], 6);
    let orphan = with_code(&report, "orphan_key");
    assert_eq!(orphan.len(), 1, "{report:#}");
    assert_eq!(orphan[0]["subject"], "api_keys/openai");
    assert!(orphan[0]["fix"]
        .as_str()
        .unwrap()
        .starts_with(&format!("sqlite3 {} ", file.path.display())));
}

#[test]
fn doctor_finds_an_extra_key_row() {
    let file = AlwrityFile::head();
    file.sql(
        "INSERT INTO api_keys (id, session_id, provider, \"key\", created_at, updated_at) \
         VALUES (901, 2, 'gemini', 'AIzaFAKE_FIXTURE_SECOND_ROW_000000001', \
         '2026-05-18 09:00:00', '2026-05-18 09:00:00')",
    );
    let report = doctor(&file, &[], 6);
    assert!(subjects(&report, "extra_rows").contains(&"api_keys 901".to_owned()));
}

#[test]
fn doctor_finds_a_sealed_key_and_the_plaintext_copies_beside_it() {
    let file = AlwrityFile::head();
    // A key sealed by `key reseal --seal-anyway` (any well-formed sealed text will do: the
    // check is that it is sealed and no master key is set).
    file.cli().attach();
    file.cli().run_with(
        &["key", "reseal", "--seal-anyway"],
        &[("ONBOARDCTL_MASTER_KEY", MASTER_KEY)],
        "",
    );
    // Then one SSOT copy goes back to plaintext, as ALwrity's own next save would write it.
    file.sql(&format!(
        "UPDATE onboarding_data_integrations SET api_keys_data = json_set(api_keys_data, \
         '$.api_keys[0].key', '{}') WHERE user_id = '{API3}'",
        API3_KEYS[0]
    ));
    let report = doctor(&file, &[], 6);
    let sealed = with_code(&report, "sealed_without_master_key");
    assert!(!sealed.is_empty(), "{report:#}");
    assert!(sealed.iter().all(|f| f["severity"] == "error"));
    assert_eq!(
        subjects(&report, "plaintext_key_copy"),
        [format!("{API3}/gemini")]
    );
    // With the master key the keys open, and the copy is still plaintext.
    let report = doctor(&file, &[("ONBOARDCTL_MASTER_KEY", MASTER_KEY)], 6);
    assert!(with_code(&report, "sealed_without_master_key").is_empty());
    assert_eq!(with_code(&report, "plaintext_key_copy").len(), 1);
    assert_eq!(
        with_code(&report, "plaintext_key_copy")[0]["fix"],
        "onboardctl key reseal --seal-anyway"
    );
}
