//! After adoption: the schema is V1's (plus ALwrity's own extras and column types), our
//! rules hold as constraints, ALwrity's SQLAlchemy-shaped writes and reads still work, the
//! store works (also from a PostgreSQL session in another time zone), and two concurrent
//! adoptions adopt once.

use std::thread;

use onboardctl::config::DbUrl;
use onboardctl::domain::{ApiKey, Secret, UserId};
use onboardctl::store::adopt::AdoptOptions;
use onboardctl::store::postgres::PgStore;
use onboardctl::store::sqlite::SqliteStore;
use onboardctl::store::{Backend, Store};
use time::macros::datetime;

use crate::alwrity::{self, data_tables, Era};
use crate::backends::{self, TestDb};
use crate::raw::Raw;
use crate::scenarios::adopt;

/// Our tables.
const OURS: [&str; 6] = [
    "onboarding_sessions",
    "api_keys",
    "website_analyses",
    "research_preferences",
    "persona_data",
    "onboarding_steps",
];

/// One line per column (`col …`), unique key, foreign key, constraint and index of `table`,
/// keeping only the columns V1 defines (`ours`) and leaving out ALwrity's own `idx_*`
/// indexes. Types adoption keeps on PostgreSQL (`json`, `timestamp`) read as V1's.
fn shape(raw: &mut dyn Raw, table: &str, ours: &[String]) -> Vec<String> {
    let pg_type = "replace(replace(data_type, 'jsonb', 'json'), 'timestamp with time zone', \
                   'timestamp without time zone')";
    let sql: Vec<String> = match raw.backend() {
        Backend::Sqlite => vec![
            format!(
                "SELECT 'col ' || name || ' ' || type || ' ' || \"notnull\" || ' ' || \
                 coalesce(dflt_value, '') FROM pragma_table_info('{table}')"
            ),
            format!(
                "SELECT 'unique ' || (SELECT group_concat(name) FROM pragma_index_info(il.name)) \
                 FROM pragma_index_list('{table}') il WHERE il.\"unique\""
            ),
            format!(
                "SELECT 'fk ' || \"from\" || ' ' || \"table\" || ' ' || on_delete \
                 FROM pragma_foreign_key_list('{table}')"
            ),
            format!(
                "SELECT 'index ' || name FROM pragma_index_list('{table}') \
                 WHERE origin = 'c' AND name NOT LIKE 'idx%'"
            ),
        ],
        Backend::Postgres => vec![
            format!(
                "SELECT 'col ' || column_name || ' ' || {pg_type} || ' ' || is_nullable || ' ' \
                 || coalesce(column_default, '') FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name = '{table}' \
                 AND column_name <> 'id'"
            ),
            format!(
                "SELECT 'constraint ' || conname || ' ' || pg_get_constraintdef(oid) \
                 FROM pg_constraint WHERE conrelid = '{table}'::regclass AND contype <> 'p'"
            ),
            format!(
                "SELECT 'index ' || indexname FROM pg_indexes \
                 WHERE schemaname = current_schema() AND tablename = '{table}' \
                 AND indexname NOT LIKE '%key' AND indexname NOT LIKE 'idx%'"
            ),
        ],
    };
    let mut out: Vec<String> = sql
        .iter()
        .flat_map(|q| raw.strings(q))
        .filter(|line| match line.strip_prefix("col ") {
            Some(rest) => ours
                .iter()
                .any(|c| rest.split(' ').next() == Some(c.as_str())),
            None => true,
        })
        .collect();
    out.sort();
    out
}

/// The adopted schema has exactly V1's tables, columns, keys, foreign keys and indexes.
pub fn schema_matches_a_fresh_v1(db: &mut TestDb, era: Era) {
    adopt(db, era);
    let mut fresh = match db.backend() {
        Backend::Sqlite => backends::sqlite(),
        Backend::Postgres => backends::postgres(),
    }
    .unwrap();
    fresh.store.migrate().unwrap();
    for table in OURS {
        let ours = fresh.raw.columns(table);
        let want = shape(&mut *fresh.raw, table, &ours);
        let have = shape(&mut *db.raw, table, &ours);
        assert_eq!(have, want, "{table}");
    }
}

/// Our rules hold as constraints: one session per user, keys need a session, one key per
/// provider, one analysis per session, steps 1–6, and real foreign keys.
pub fn constraints_hold(db: &mut TestDb, era: Era) {
    adopt(db, era);
    let raw = &mut *db.raw;
    if raw.backend() == Backend::Sqlite {
        raw.exec("PRAGMA foreign_keys = ON");
    }
    for bad in [
        "INSERT INTO onboarding_sessions (user_id, current_step, progress) VALUES ('user_a', 1, 0)",
        "INSERT INTO api_keys (session_id, provider, \"key\") VALUES (NULL, 'exa', 'x')",
        "INSERT INTO api_keys (session_id, provider, \"key\") VALUES (1, 'exa', 'x')",
        "INSERT INTO api_keys (session_id, provider, \"key\") VALUES (12345, 'serper', 'x')",
        "INSERT INTO website_analyses (session_id, website_url) VALUES (1, 'https://b.example')",
        "UPDATE onboarding_sessions SET current_step = 7 WHERE id = 1",
        "UPDATE onboarding_sessions SET progress = 100.5 WHERE id = 1",
    ] {
        assert!(raw.try_exec(bad).is_err(), "accepted: {bad}");
    }
}

/// A value SQLAlchemy would send for `column` (all columns explicit, no defaults).
fn value(column: &str, backend: Backend) -> String {
    let (t, f) = match backend {
        Backend::Sqlite => ("1", "0"),
        Backend::Postgres => ("true", "false"),
    };
    match column {
        "session_id" => "(SELECT id FROM onboarding_sessions WHERE user_id = 'user_new')".into(),
        "user_id" => "'user_new'".into(),
        "current_step" | "overall_score" => "1".into(),
        "progress" => "0.0".into(),
        "auto_research" => t.into(),
        "factual_content" => f.into(),
        "provider" => "'gemini'".into(),
        "research_depth" | "status" | "competitor_domain" => "'Standard'".into(),
        c if c.ends_with("_at") || c.ends_with("_date") => "'2026-01-02 03:04:05.000006'".into(),
        c if c.ends_with("url") || c == "key" || c.ends_with("message") => "'x'".into(),
        _ => "'{\"k\": [1, \"é\"]}'".into(),
    }
}

/// ALwrity's own writes (every original column given, as SQLAlchemy does) and reads work
/// on the adopted database, and the store reads what ALwrity wrote.
pub fn alwrity_still_writes_and_reads(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let tables: Vec<(&str, Vec<String>)> = data_tables(era)
        .into_iter()
        .map(|t| (t, db.raw.columns(t)))
        .collect();
    db.store.adopt(&AdoptOptions::default()).unwrap().unwrap();
    let backend = db.backend();
    for (table, columns) in &tables {
        let columns: Vec<&String> = columns.iter().filter(|c| *c != "id").collect();
        let names: Vec<String> = columns.iter().map(|c| format!("\"{c}\"")).collect();
        let values: Vec<String> = columns.iter().map(|c| value(c, backend)).collect();
        db.raw.exec(&format!(
            "INSERT INTO {table} ({}) VALUES ({})",
            names.join(", "),
            values.join(", ")
        ));
        let all = format!("SELECT {} FROM {table}", names.join(", "));
        assert!(!db.raw.strings(&all).is_empty(), "{table} reads back");
    }
    let u: UserId = "user_new".parse().unwrap();
    let state = db
        .store
        .load_onboarding(&u)
        .unwrap()
        .expect("the store sees ALwrity's row");
    assert_eq!(state.session.current_step.get(), 1);
    let analysis = db.store.get_website_analysis(&u).unwrap().unwrap();
    assert_eq!(
        analysis.writing_style,
        Some(serde_json::json!({"k": [1, "é"]}))
    );
}

/// The store works on the adopted database, also from a PostgreSQL session whose time zone
/// is not UTC (ALwrity's `timestamp` columns hold UTC either way).
pub fn store_works_after_adoption(db: &mut TestDb, era: Era) {
    adopt(db, era);
    let tz = (db.backend() == Backend::Postgres).then_some("Asia/Kolkata");
    let mut store = db.open_store(tz);
    let a: UserId = "user_a".parse().unwrap();
    let t = datetime!(2026-02-03 04:05:06.123456 UTC);
    let key = ApiKey {
        provider: "gemini".parse().unwrap(),
        value: Secret::new("AIzaFAKE_ADOPT_REPLACED_00000000".to_owned()),
        created_at: t,
        updated_at: t,
    };
    store.put_api_key(&a, &key).unwrap();
    let back = store.get_api_key(&a, &key.provider).unwrap().unwrap();
    assert_eq!(
        (back.updated_at, back.value.expose()),
        (t, key.value.expose())
    );
    let stored = db
        .raw
        .strings("SELECT updated_at FROM api_keys WHERE id = 11");
    assert!(
        stored[0].starts_with("2026-02-03 04:05:06.123456"),
        "UTC: {stored:?}"
    );
    assert!(
        store
            .create_session(&"user_e".parse().unwrap(), t)
            .unwrap()
            .1
    );
    assert!(store.delete_session(&"user_b".parse().unwrap()).unwrap());
    for table in ["api_keys", "research_preferences", "onboarding_steps"] {
        let left = db.raw.strings(&format!(
            "SELECT count(*) FROM {table} WHERE session_id = 3"
        ));
        assert_eq!(left, ["0"], "{table} cascaded");
    }
}

fn open(url: &str) -> Box<dyn Store> {
    match DbUrl::parse(url).unwrap() {
        DbUrl::Sqlite(p) => Box::new(SqliteStore::open(&p).unwrap()),
        DbUrl::Postgres(pg) => Box::new(PgStore::connect(&pg).unwrap()),
    }
}

/// Two adoptions at once: one adopts, the other waits for it and finds nothing to do.
pub fn concurrent_adoptions_adopt_once(db: &mut TestDb, era: Era) {
    alwrity::build(&mut *db.raw, era);
    let runs: Vec<_> = (0..2)
        .map(|_| {
            let url = db.url.clone();
            thread::spawn(move || {
                let mut store = open(&url);
                store.adopt(&AdoptOptions::default()).unwrap().is_some()
            })
        })
        .collect();
    let mut adopted: Vec<bool> = runs.into_iter().map(|r| r.join().unwrap()).collect();
    adopted.sort_unstable();
    assert_eq!(adopted, [false, true]);
}
