//! The fixtures and the oracle, checked on their own (no onboardctl involved): the HEAD file
//! has SQLAlchemy's exact DDL and nothing more, and the oracle reads the story the way the
//! story was written.

use std::collections::BTreeMap;

use crate::files;
use crate::head::{self, users::*, AlwrityFile, Place, Tables};
use crate::oracle::{self, Reading};
use crate::seed;

#[test]
fn head_file_has_sqlalchemys_ddl_and_nothing_else() {
    let file = AlwrityFile::head();
    let conn = file.reader();
    let schema = files::schema(&conn);
    let mut expected_names = Vec::new();
    for table in head::schema() {
        let object = &schema[table.name];
        assert_eq!(object.kind, "table");
        assert_eq!(object.sql.as_deref(), Some(table.create().as_str()));
        let cols = files::columns(&conn, table.name);
        let names: Vec<&str> = cols.iter().map(|c| c.0.as_str()).collect();
        assert_eq!(names, table.columns(), "{} column order", table.name);
        for (name, _, _, default, _) in &cols {
            assert!(default.is_none(), "{}.{name} has a DEFAULT", table.name);
        }
        assert_eq!(
            (cols[0].0.as_str(), cols[0].1.as_str(), cols[0].2, cols[0].4),
            ("id", "INTEGER", true, 1),
            "{}: `id INTEGER NOT NULL` with a table-level PRIMARY KEY (a rowid alias)",
            table.name
        );
        let indexes = files::indexes(&conn, table.name);
        let mut want: BTreeMap<String, (bool, String)> = table
            .indexes
            .iter()
            .map(|(n, _)| ((*n).to_owned(), (false, "c".to_owned())))
            .collect();
        if table.name == "seo_page_audits" {
            want.insert(
                "sqlite_autoindex_seo_page_audits_1".to_owned(),
                (true, "u".to_owned()),
            );
        }
        assert_eq!(indexes, want, "{} indexes", table.name);
        if table.onboarding && table.name != "seo_page_audits" {
            assert!(
                indexes.is_empty(),
                "{}: ALwrity declares no index",
                table.name
            );
        }
        expected_names.push(table.name.to_owned());
        expected_names.extend(indexes.keys().cloned());
    }
    let mut names: Vec<String> = schema.keys().cloned().collect();
    names.sort();
    expected_names.sort();
    assert_eq!(names, expected_names, "no other schema object");
    drop(conn);
    assert_eq!(files::journal_mode(&file.path), "delete");
    files::assert_no_side_files(&file.path, "reading the fixture");
}

#[test]
fn workspace_fixture_sits_where_head_puts_it() {
    let file = AlwrityFile::head_in_workspace();
    let rel = file.path.strip_prefix(&file.root).unwrap();
    assert_eq!(
        rel,
        std::path::Path::new("workspace/workspace_user_2api3/db/alwrity_user_2api3.db")
    );
    let folder = file.workspace_folder().expect("a workspace folder");
    assert!(
        folder.join("database").is_dir(),
        "the legacy folder exists, empty"
    );
    assert_eq!(file.reading(), AlwrityFile::head().reading(), "same story");
}

#[test]
fn without_markers_lacks_exactly_the_head_marker_tables() {
    let file = AlwrityFile::build(Place::Workspace, Tables::WithoutHeadMarkers);
    let tables = file.strings("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name");
    assert!(!tables.iter().any(|t| t == "onboarding_data_integrations"));
    assert!(!tables.iter().any(|t| t == "seo_page_audits"));
    let mut want: Vec<String> = head::table_names(Tables::WithoutHeadMarkers)
        .into_iter()
        .map(str::to_owned)
        .collect();
    want.sort();
    assert_eq!(tables, want);
    assert_eq!(file.reading(), AlwrityFile::head().reading());
}

fn reading(
    session_id: i64,
    step: Option<i64>,
    progress: Option<f64>,
    is_completed: bool,
    next_step: i64,
    keys: &[&str],
) -> Reading {
    Reading {
        session_id,
        current_step: step,
        progress,
        is_completed,
        next_step,
        newest_session: session_id,
        rows: 1,
        keys: PROVIDERS
            .iter()
            .zip(keys)
            .map(|(p, k)| ((*p).to_owned(), (*k).to_owned()))
            .collect(),
    }
}

#[test]
fn oracle_reads_the_head_story_as_alwrity_does() {
    let got = AlwrityFile::head().reading();
    let mut race = reading(5, Some(1), Some(17.0), false, 1, &RACE_A_KEYS);
    race.newest_session = 6;
    race.rows = 2;
    let want: oracle::Readings = [
        (FRESH, reading(1, Some(1), Some(0.0), false, 1, &[])),
        (API3, reading(2, Some(3), Some(50.0), false, 3, &API3_KEYS)),
        (DONE, reading(3, Some(6), Some(100.0), true, 6, &DONE_KEYS)),
        (RESET, reading(4, Some(1), Some(0.0), false, 1, &RESET_KEYS)),
        (RACE, race),
        (
            HUNDRED,
            reading(7, Some(5), Some(100.0), true, 6, &HUNDRED_KEYS),
        ),
        (NULLS, reading(8, None, None, false, 1, &[])),
    ]
    .into_iter()
    .map(|(u, r)| (u.to_owned(), r))
    .collect();
    assert_eq!(got, want);
}

#[test]
fn oracle_predicate_and_next_step() {
    assert!(!oracle::is_completed(None, None));
    assert!(oracle::is_completed(Some(6), Some(0.0)));
    assert!(oracle::is_completed(Some(1), Some(100.0)));
    assert!(oracle::is_completed(None, Some(100.0)));
    assert!(oracle::is_completed(Some(7), None));
    assert!(!oracle::is_completed(Some(5), Some(99.9)));
    assert_eq!(oracle::next_step(None, None), 1);
    assert_eq!(oracle::next_step(Some(0), Some(0.0)), 1);
    assert_eq!(oracle::next_step(Some(3), Some(50.0)), 3);
    assert_eq!(oracle::next_step(Some(2), Some(100.0)), 6);
}

#[test]
fn ssot_rows_hold_a_second_plaintext_copy_of_the_keys() {
    let file = AlwrityFile::head();
    let data = file.strings(
        "SELECT api_keys_data FROM onboarding_data_integrations WHERE user_id = 'user_2api3'",
    );
    assert_eq!(data.len(), 1);
    let doc: serde_json::Value = serde_json::from_str(&data[0]).unwrap();
    let keys: Vec<&str> = doc["api_keys"]
        .as_array()
        .unwrap()
        .iter()
        .map(|k| k["key"].as_str().unwrap())
        .collect();
    assert_eq!(keys, API3_KEYS);
    assert_eq!(doc["total_keys"], 3);
    assert!(
        data[0].contains("\"api_keys\": [{"),
        "json.dumps text: {}",
        data[0]
    );
    let race = file.strings(
        "SELECT api_keys_data FROM onboarding_data_integrations WHERE user_id = 'user_2race'",
    );
    assert!(
        race[0].contains(RACE_B_KEYS[0]),
        "the SSOT follows the newest row"
    );
    assert!(!race[0].contains(RACE_A_KEYS[0]));
    // Both timestamp shapes occur, in one column too.
    let shapes = file.strings(
        "SELECT DISTINCT length(updated_at) FROM api_keys UNION \
         SELECT DISTINCT length(updated_at) FROM onboarding_sessions ORDER BY 1",
    );
    assert!(
        shapes.contains(&"19".to_owned()) && shapes.contains(&"26".to_owned()),
        "{shapes:?}"
    );
}

#[test]
fn oracle_reads_the_seed_story() {
    seed::each(|mut db| {
        let got = db.reading();
        assert_eq!(got.len(), 3, "{:?}", db.backend());
        let two = &got[seed::TWO];
        assert_eq!(
            (two.current_step, two.is_completed, two.next_step),
            (Some(3), false, 3)
        );
        assert!((two.progress.unwrap() - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(two.keys.len(), 3);
        let done = &got[seed::DONE];
        assert_eq!(
            (done.current_step, done.is_completed, done.next_step),
            (Some(6), true, 6)
        );
        let fresh = &got[seed::FRESH];
        assert_eq!((fresh.current_step, fresh.progress), (Some(1), Some(0.0)));
    });
}

#[test]
fn python_json_matches_json_dumps() {
    let v = serde_json::json!({"a": [1, 2.5, "x\"y"], "b": {"c": null, "d": true}, "é": "ü"});
    assert_eq!(
        head::py_json(&v),
        r#"{"a": [1, 2.5, "x\"y"], "b": {"c": null, "d": true}, "\u00e9": "\u00fc"}"#
    );
}
