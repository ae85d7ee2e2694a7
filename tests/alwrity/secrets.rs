//! Keys on an ALwrity database. ALwrity reads `api_keys.key` verbatim, so with
//! `ONBOARDCTL_MASTER_KEY` set `key set` and `key reseal` refuse to seal it (exit 4, naming
//! `--seal-anyway`) and change nothing; `--seal-anyway` seals, and then no plaintext of the
//! sealed keys is left in the file. `session delete` on a HEAD file also removes the user's
//! `onboarding_data_integrations`, `competitor_analyses` and `seo_page_audits` rows, so no
//! byte of the user's keys is left in the file; `--dry-run` lists what it would remove and
//! leave, and changes nothing.

use std::collections::BTreeMap;

use crate::files::{self, bytes_contain};
use crate::head::{users::*, AlwrityFile};
use crate::{assert_code, code, oracle, stderr, stdout, Cli, MASTER_KEY};

const NEW_KEY: &str = "tvly-FAKE-FIXTURE-SEAL-NEW-00000001";
const NEW_GEMINI: &str = "AIzaFAKE_FIXTURE_SEAL_REPLACEMENT_0001";

fn attached() -> (AlwrityFile, Cli) {
    let file = AlwrityFile::head();
    let cli = file.cli();
    cli.attach();
    (file, cli)
}

/// The rows that hold keys: `api_keys` and the SSOT copies.
fn key_rows(file: &AlwrityFile) -> Vec<String> {
    let mut out = file.strings(
        "SELECT id || ' ' || coalesce(session_id, 'NULL') || ' ' || provider || ' ' || \"key\" \
         || ' ' || coalesce(updated_at, 'NULL') FROM api_keys ORDER BY id",
    );
    out.extend(file.strings(
        "SELECT id || ' ' || coalesce(api_keys_data, 'NULL') || ' ' || coalesce(updated_at, '') \
         FROM onboarding_data_integrations ORDER BY id",
    ));
    out
}

fn master() -> [(&'static str, &'static str); 1] {
    [("ONBOARDCTL_MASTER_KEY", MASTER_KEY)]
}

#[test]
fn key_set_with_a_master_key_refuses_to_seal_alwritys_column() {
    let (file, cli) = attached();
    for (provider, value) in [("tavily", NEW_KEY), ("gemini", NEW_GEMINI)] {
        let rows = key_rows(&file);
        let readings = file.reading();
        let args = ["key", "set", API3, provider, "--stdin"];
        let out = cli.run_with(&args, &master(), value);
        assert_code(&out, 4, &args);
        assert!(stderr(&out).contains("--seal-anyway"), "{}", stderr(&out));
        assert_eq!(key_rows(&file), rows, "{provider}: nothing changed");
        oracle::assert_same(&readings, &file.reading(), "refused key set");
        assert!(
            bytes_contain(&file.path, value).is_empty(),
            "{provider}: never written"
        );
    }
}

#[test]
fn seal_anyway_seals_and_leaves_no_plaintext_of_the_new_key() {
    let (file, cli) = attached();
    let args = ["key", "set", API3, "tavily", "--stdin", "--seal-anyway"];
    let out = cli.run_with(&args, &master(), NEW_KEY);
    assert_code(&out, 0, &args);
    let stored =
        file.strings("SELECT \"key\" FROM api_keys WHERE session_id = 2 AND provider = 'tavily'");
    assert_eq!(stored.len(), 1, "{stored:?}");
    assert!(
        !stored[0].contains(NEW_KEY),
        "sealed, not plaintext: {}",
        stored[0]
    );
    let ssot = file.strings(
        "SELECT api_keys_data FROM onboarding_data_integrations WHERE user_id = 'user_2api3'",
    );
    assert!(
        !ssot[0].contains(NEW_KEY),
        "the SSOT copy is not plaintext: {}",
        ssot[0]
    );
    assert!(
        bytes_contain(&file.path, NEW_KEY).is_empty(),
        "no plaintext byte in the file"
    );
    let reveal = ["key", "get", API3, "tavily", "--reveal"];
    let out = cli.run_with(&reveal, &master(), "");
    assert_code(&out, 0, &reveal);
    assert!(
        stdout(&out).contains(NEW_KEY),
        "it opens under the master key"
    );
}

#[test]
fn reseal_with_a_master_key_refuses_on_an_alwrity_database() {
    let (file, cli) = attached();
    let rows = key_rows(&file);
    let bytes = file.snapshot();
    let out = cli.run_with(&["key", "reseal"], &master(), "");
    assert_code(&out, 4, &["key", "reseal"]);
    assert!(stderr(&out).contains("--seal-anyway"), "{}", stderr(&out));
    assert_eq!(key_rows(&file), rows);
    bytes.assert_unchanged(&file.snapshot(), "refused key reseal");
}

#[test]
fn reseal_anyway_leaves_no_plaintext_key_anywhere_in_the_file() {
    let (file, cli) = attached();
    let args = ["key", "reseal", "--seal-anyway"];
    let out = cli.run_with(&args, &master(), "");
    assert_code(&out, 0, &args);
    for needle in ["AIzaFAKE", "ck_pub_FAKE"] {
        let found = bytes_contain(&file.path, needle);
        assert!(found.is_empty(), "`{needle}` is still in {found:?}");
    }
}

/// (table, condition) of every row `session delete user_2api3` must remove.
const API3_ROWS: [(&str, &str); 8] = [
    ("onboarding_sessions", "user_id = 'user_2api3'"),
    ("api_keys", "session_id = 2"),
    ("website_analyses", "session_id = 2"),
    ("research_preferences", "session_id = 2"),
    ("persona_data", "session_id = 2"),
    ("competitor_analyses", "session_id = 2"),
    ("onboarding_data_integrations", "user_id = 'user_2api3'"),
    ("seo_page_audits", "user_id = 'user_2api3'"),
];

fn counts(file: &AlwrityFile) -> BTreeMap<String, String> {
    [
        "onboarding_sessions",
        "api_keys",
        "website_analyses",
        "research_preferences",
        "persona_data",
        "competitor_analyses",
        "onboarding_data_integrations",
        "seo_page_audits",
        "api_provider_pricing",
    ]
    .iter()
    .map(|t| {
        let n = file.strings(&format!("SELECT count(*) FROM {t}"));
        ((*t).to_owned(), n[0].clone())
    })
    .collect()
}

#[test]
fn session_delete_dry_run_lists_what_goes_and_changes_nothing() {
    let (file, cli) = attached();
    let bytes = file.snapshot();
    let out = cli.run(&["session", "delete", API3, "--dry-run"]);
    assert_code(&out, 0, &["session", "delete", "--dry-run"]);
    crate::assert_no_key_printed(&out, &["session", "delete", "--dry-run"]);
    let text = format!("{}{}", stdout(&out), stderr(&out));
    for (table, _) in API3_ROWS {
        assert!(text.contains(table), "the dry run names `{table}`:\n{text}");
    }
    bytes.assert_unchanged(&file.snapshot(), "session delete --dry-run");
    let out = cli.run(&["--json", "session", "delete", API3, "--dry-run"]);
    assert_code(&out, 0, &["--json", "session", "delete", "--dry-run"]);
    serde_json::from_str::<serde_json::Value>(&stdout(&out)).expect("one JSON document");
    bytes.assert_unchanged(&file.snapshot(), "session delete --dry-run --json");
}

#[test]
fn session_delete_removes_every_row_and_every_byte_of_the_users_keys() {
    let (file, cli) = attached();
    let readings = file.reading();
    let before = counts(&file);
    let gone: BTreeMap<&str, i64> = API3_ROWS
        .iter()
        .map(|(t, cond)| {
            let n = file.strings(&format!("SELECT count(*) FROM {t} WHERE {cond}"));
            (*t, n[0].parse::<i64>().unwrap())
        })
        .collect();
    for (table, n) in &gone {
        // The fixture's user_2api3 has no persona yet; every other table holds its rows.
        assert!(
            *n > 0 || *table == "persona_data",
            "fixture: no {table} row of user_2api3"
        );
    }
    cli.ok(&["session", "delete", API3, "--yes"]);
    for (table, cond) in API3_ROWS {
        let left = file.strings(&format!("SELECT count(*) FROM {table} WHERE {cond}"));
        assert_eq!(left, ["0"], "{table}: rows of user_2api3 left");
    }
    let after = counts(&file);
    for (table, was) in &before {
        let removed = gone.get(table.as_str()).copied().unwrap_or(0);
        let want = was.parse::<i64>().unwrap() - removed;
        assert_eq!(
            after[table],
            want.to_string(),
            "{table}: only user_2api3's rows went"
        );
    }
    let mut others = readings.clone();
    others.remove(API3);
    oracle::assert_same(&others, &file.reading(), "session delete");
    for key in crate::head::keys_of(API3) {
        let found = bytes_contain(&file.path, key);
        assert!(
            found.is_empty(),
            "a byte copy of `{key}` is left in {found:?}"
        );
    }
    assert!(
        !bytes_contain(&file.path, DONE_KEYS[0]).is_empty(),
        "sanity: other users' keys are still there"
    );
    files::assert_no_side_files(&file.path, "session delete");
}

#[test]
fn session_delete_without_yes_changes_nothing() {
    let (file, cli) = attached();
    let bytes = file.snapshot();
    let out = cli.run(&["session", "delete", API3]);
    assert_eq!(code(&out), 2, "{}", stderr(&out));
    bytes.assert_unchanged(&file.snapshot(), "session delete without --yes");
}
