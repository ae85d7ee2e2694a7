//! `db repair [--dry-run] [--yes]` on the race fixture: duplicate session rows merge into the
//! FIRST row by rowid (the one ALwrity's progress service reads) with its keys, every other
//! row that has to go is moved to `onboardctl_quarantine` whole (nothing lost), and only then
//! is UNIQUE(user_id) added. `--dry-run` changes no byte.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::head::{self, users::*, AlwrityFile};
use crate::raw::{Raw, SqliteRaw};
use crate::{oracle, Cli};

fn attached() -> (AlwrityFile, Cli) {
    let file = AlwrityFile::head();
    let cli = file.cli();
    cli.attach();
    (file, cli)
}

/// Every row of ALwrity's onboarding tables, by (table, id), over the original columns.
fn all_rows(file: &AlwrityFile) -> BTreeMap<(String, i64), Value> {
    let mut raw = SqliteRaw(file.reader());
    let mut out = BTreeMap::new();
    for table in head::schema().iter().filter(|t| t.onboarding) {
        for (id, row) in raw.rows(table.name) {
            out.insert((table.name.to_owned(), id), row);
        }
    }
    out
}

#[test]
fn dry_run_changes_nothing_and_names_the_merge() {
    let (file, cli) = attached();
    let bytes = file.snapshot();
    let out = cli.ok(&["db", "repair", "--dry-run"]);
    assert!(out.contains(RACE), "the plan names the user:\n{out}");
    bytes.assert_unchanged(&file.snapshot(), "db repair --dry-run");
    let json = cli.json(&["db", "repair", "--dry-run"]);
    assert!(json.to_string().contains(RACE), "{json}");
    bytes.assert_unchanged(&file.snapshot(), "db repair --dry-run --json");
}

#[test]
fn repair_asks_off_a_terminal() {
    let (file, cli) = attached();
    let bytes = file.snapshot();
    let out = cli.run(&["db", "repair"]);
    crate::assert_code(&out, 2, &["db", "repair"]);
    assert!(
        crate::stderr(&out).contains("--yes"),
        "{}",
        crate::stderr(&out)
    );
    bytes.assert_unchanged(&file.snapshot(), "db repair without --yes");
}

#[test]
fn repair_keeps_the_first_row_and_its_keys_and_loses_nothing() {
    let (file, cli) = attached();
    let before = all_rows(&file);
    let readings = file.reading();
    assert_eq!(cli.json(&["db", "status"])["duplicate_users"], 1);
    cli.ok(&["db", "repair", "--yes"]);

    // The survivor is ALwrity's row, with ALwrity's gemini key.
    assert_eq!(
        file.strings("SELECT id FROM onboarding_sessions WHERE user_id = 'user_2race'"),
        ["5"]
    );
    let after_readings = file.reading();
    oracle::assert_same(
        &readings,
        &after_readings_without_rows(&after_readings),
        "db repair",
    );
    assert_eq!(after_readings[RACE].keys["gemini"], RACE_A_KEYS[0]);
    assert_eq!(
        file.strings("SELECT \"key\" FROM api_keys WHERE session_id = 5 AND provider = 'gemini'"),
        [RACE_A_KEYS[0]]
    );

    // Nothing lost: every row is still in its table or in quarantine, whole.
    let after = all_rows(&file);
    let mut raw = SqliteRaw(file.reader());
    let quarantine: Vec<Value> = raw.rows("onboardctl_quarantine").into_values().collect();
    let mut moved = 0;
    for ((table, id), row) in &before {
        if after.contains_key(&(table.clone(), *id)) {
            continue;
        }
        moved += 1;
        let q = quarantine
            .iter()
            .find(|q| q["source_table"] == table.as_str() && q["source_id"].as_i64() == Some(*id))
            .unwrap_or_else(|| panic!("{table} {id} is neither kept nor quarantined"));
        for (col, value) in row.as_object().unwrap() {
            assert_eq!(
                &q["row_data"][col], value,
                "{table} {id}.{col} quarantined as it was"
            );
        }
        assert!(q["reason"].as_str().is_some_and(|r| !r.is_empty()), "{q}");
    }
    assert!(moved >= 1, "the second race row left its table");
    for table in ["onboarding_sessions", "api_keys"] {
        let was = before.keys().filter(|(t, _)| t == table).count();
        let now = after.keys().filter(|(t, _)| t == table).count();
        let quarantined = quarantine
            .iter()
            .filter(|q| q["source_table"] == table)
            .count();
        assert_eq!(
            was,
            now + quarantined,
            "{table}: rows before = after + quarantined"
        );
    }
    assert!(
        quarantine
            .iter()
            .any(|q| q["source_table"] == "onboarding_sessions" && q["source_id"] == 6),
        "the second race row is quarantined"
    );
    assert!(
        quarantine
            .iter()
            .any(|q| q["row_data"]["key"] == RACE_B_KEYS[0])
            || after.values().any(|r| r["key"] == RACE_B_KEYS[0]),
        "the second tab's gemini key is kept somewhere"
    );
    for (table, id) in after.keys() {
        assert!(
            before.contains_key(&(table.clone(), *id)),
            "{table} {id} appeared"
        );
    }

    // Every other user untouched.
    for user in ALL.iter().filter(|u| **u != RACE) {
        assert_eq!(after_readings[*user], readings[*user], "{user}");
    }
    assert_eq!(cli.json(&["db", "status"])["duplicate_users"], 0);

    // UNIQUE(user_id) holds now.
    let second = file.conn().execute_batch(
        "INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, updated_at) \
         VALUES ('user_2race', 1, 0.0, '2026-06-01 00:00:00', '2026-06-01 00:00:00')",
    );
    assert!(
        second.is_err(),
        "a second session for user_2race is refused after repair"
    );
    crate::files::assert_no_side_files(&file.path, "db repair");
}

/// The race user's reading after a repair differs only in its row count.
fn after_readings_without_rows(after: &oracle::Readings) -> oracle::Readings {
    let mut out = after.clone();
    if let Some(r) = out.get_mut(RACE) {
        r.rows = 2;
        r.newest_session = 6;
    }
    out
}
