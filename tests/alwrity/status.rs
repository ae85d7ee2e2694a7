//! `db status --json` on ALwrity databases: `flavour`, `era` with its reason, `attached`,
//! `duplicate_users`; era detection (HEAD when the file is under a `workspace_<x>` folder, or
//! has `onboarding_data_integrations` or `seo_page_audits`; else seed) and the global
//! `--alwrity-era seed|head` override. Native databases say `native`, no era, and their
//! `session show` has no `alwrity` object.

use serde_json::Value;

use crate::head::{users::*, AlwrityFile, Place, Tables};
use crate::{seed, Cli};

fn status(cli: &Cli) -> Value {
    cli.json(&["db", "status"])
}

fn reason(v: &Value) -> String {
    let r = v["era_reason"]
        .as_str()
        .unwrap_or_else(|| panic!("no era_reason: {v}"));
    assert!(!r.trim().is_empty(), "an empty era_reason: {v}");
    r.to_owned()
}

#[test]
fn an_unattached_head_file_is_alwrity_head_with_its_duplicates_counted() {
    let file = AlwrityFile::head();
    let v = status(&file.cli());
    assert_eq!(v["flavour"], "alwrity", "{v}");
    assert_eq!(v["era"], "head", "{v}");
    let why = reason(&v);
    assert!(
        why.contains("onboarding_data_integrations") || why.contains("seo_page_audits"),
        "the reason names the table that says HEAD: {why}"
    );
    assert_eq!(v["attached"], false, "{v}");
    assert_eq!(
        v["duplicate_users"], 1,
        "user_2race has two session rows: {v}"
    );
}

#[test]
fn a_file_under_a_workspace_folder_is_head_by_its_path() {
    let file = AlwrityFile::build(Place::Workspace, Tables::WithoutHeadMarkers);
    let v = status(&file.cli());
    assert_eq!(
        (&v["flavour"], &v["era"]),
        (&"alwrity".into(), &"head".into()),
        "{v}"
    );
    let why = reason(&v);
    assert!(
        why.contains("workspace_"),
        "the reason names the folder: {why}"
    );
    let doc = file.cli().json(&["session", "show", API3]);
    assert_eq!(doc["alwrity"]["era"], "head", "{doc}");
}

#[test]
fn the_same_tables_elsewhere_are_seed() {
    let file = AlwrityFile::build(Place::Plain, Tables::WithoutHeadMarkers);
    let v = status(&file.cli());
    assert_eq!(
        (&v["flavour"], &v["era"]),
        (&"alwrity".into(), &"seed".into()),
        "{v}"
    );
    reason(&v);
    let doc = file.cli().json(&["session", "show", API3]);
    assert_eq!(doc["alwrity"]["era"], "seed", "{doc}");
}

#[test]
fn alwrity_era_overrides_detection() {
    let head = AlwrityFile::head_in_workspace();
    let cli = head.cli().with_global(&["--alwrity-era", "seed"]);
    let v = status(&cli);
    assert_eq!(v["era"], "seed", "{v}");
    assert!(reason(&v).contains("--alwrity-era"), "{v}");
    assert_eq!(
        cli.json(&["session", "show", DONE])["alwrity"]["era"],
        "seed"
    );
    assert_eq!(
        cli.json(&["progress", "show", DONE])["alwrity"]["era"],
        "seed"
    );

    let plain = AlwrityFile::build(Place::Plain, Tables::WithoutHeadMarkers);
    let cli = plain.cli().with_global(&["--alwrity-era", "head"]);
    let v = status(&cli);
    assert_eq!(v["era"], "head", "{v}");
    assert!(reason(&v).contains("--alwrity-era"), "{v}");
    assert_eq!(
        cli.json(&["session", "show", DONE])["alwrity"]["era"],
        "head"
    );
}

#[test]
fn alwrity_era_takes_only_seed_or_head() {
    let file = AlwrityFile::head();
    let out = file.cli().run(&["--alwrity-era", "later", "db", "status"]);
    crate::assert_code(&out, 2, &["--alwrity-era", "later"]);
}

#[test]
fn a_seed_database_is_alwrity_seed_on_both_backends() {
    seed::each(|db| {
        let v = status(&db.cli());
        assert_eq!(v["flavour"], "alwrity", "{:?}: {v}", db.backend());
        assert_eq!(v["era"], "seed", "{:?}: {v}", db.backend());
        reason(&v);
        assert_eq!(v["attached"], false, "{v}");
        assert_eq!(v["duplicate_users"], 0, "{v}");
    });
}

#[test]
fn after_attaching_it_is_still_alwrity_and_attached() {
    let file = AlwrityFile::head_in_workspace();
    let cli = file.cli();
    cli.attach();
    let v = status(&cli);
    assert_eq!(v["flavour"], "alwrity", "{v}");
    assert_eq!(v["era"], "head", "{v}");
    assert_eq!(v["attached"], true, "{v}");
    assert_eq!(v["duplicate_users"], 1, "attaching merges nothing: {v}");
}

#[test]
fn a_native_database_is_native_without_an_alwrity_reading() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("native.db");
    let cli = Cli::new(&format!("sqlite:{}", file.display()));
    cli.ok(&["db", "migrate"]);
    cli.ok(&["session", "create", "native_user"]);
    let v = status(&cli);
    assert_eq!(v["flavour"], "native", "{v}");
    assert!(v["era"].is_null(), "{v}");
    for cmd in ["session", "progress"] {
        let doc = cli.json(&[cmd, "show", "native_user"]);
        for field in ["alwrity", "derived", "disagreement"] {
            assert!(
                doc.get(field).is_none(),
                "{cmd} show: `{field}` on a native database: {doc}"
            );
        }
    }
}
