//! `db migrate` on an ALwrity database attaches: it only adds (onboardctl's own tables,
//! nullable columns, non-unique indexes), never rewrites a value ALwrity reads, never adds a
//! CHECK, NOT NULL or UNIQUE to ALwrity's tables, never changes the journal mode (WAL only
//! with `--wal`) and never replaces the file. Afterwards ALwrity's reading of every user is
//! exactly what it was, and ALwrity's own writes — including the ones onboardctl's native
//! rules forbid — still succeed.

use std::collections::BTreeMap;

use crate::files::{self, SchemaObject};
use crate::head::{self, users::*, AlwrityFile, Place, Tables};
use crate::oracle;
use crate::raw::Raw;
use crate::{assert_code, assert_ok, seed, stderr, utc_now_text};

/// Everything about ALwrity's tables that attaching must keep.
struct Before {
    readings: oracle::Readings,
    inode: (u64, u64),
    schema: BTreeMap<String, SchemaObject>,
    columns: BTreeMap<String, Vec<files::ColumnInfo>>,
    names: BTreeMap<String, Vec<String>>,
    rows: BTreeMap<String, Vec<String>>,
    indexes: BTreeMap<String, BTreeMap<String, (bool, String)>>,
}

fn before(file: &AlwrityFile, tables: &[&str]) -> Before {
    let conn = file.reader();
    let names = files::column_names(&conn, tables);
    Before {
        readings: file.reading(),
        inode: files::inode(&file.path),
        schema: files::schema(&conn),
        columns: tables
            .iter()
            .map(|t| ((*t).to_owned(), files::columns(&conn, t)))
            .collect(),
        rows: files::dump_tables(&conn, &names),
        indexes: tables
            .iter()
            .map(|t| ((*t).to_owned(), files::indexes(&conn, t)))
            .collect(),
        names,
    }
}

const FORBIDDEN: [&str; 4] = ["CHECK", "UNIQUE", "NOT NULL", "PRIMARY KEY"];

/// The text `new` adds to `old`, when `new` is `old` with one contiguous insertion (what
/// SQLite's `ALTER TABLE … ADD COLUMN` does to the stored `CREATE TABLE`: it inserts
/// `, <column>` after the last column definition, before the table constraints).
pub fn inserted_text<'a>(old: &str, new: &'a str) -> Option<&'a str> {
    let (o, n) = (old.as_bytes(), new.as_bytes());
    let prefix = o.iter().zip(n).take_while(|(a, b)| a == b).count();
    let suffix = o[prefix..]
        .iter()
        .rev()
        .zip(n[prefix..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    (prefix + suffix == o.len()).then(|| &new[prefix..new.len() - suffix])
}

/// Asserts `table`'s `CREATE TABLE` was only extended by added columns without constraints.
fn assert_extended(table: &str, old: &str, new: &str, what: &str) {
    let added = inserted_text(old, new).unwrap_or_else(|| {
        panic!("{what}: `{table}` was redefined, not extended:\n{old}\n->\n{new}")
    });
    let upper = added.to_uppercase();
    for word in FORBIDDEN {
        assert!(
            !upper.contains(word),
            "{what}: `{table}` got a {word}: {added}"
        );
    }
}

/// Asserts `file` still has everything of `was`, plus only what attaching may add.
fn assert_only_added(file: &AlwrityFile, was: &Before, what: &str) {
    oracle::assert_same(&was.readings, &file.reading(), what);
    assert_eq!(
        files::inode(&file.path),
        was.inode,
        "{what}: the file was replaced"
    );
    let conn = file.reader();
    assert_eq!(
        files::dump_tables(&conn, &was.names),
        was.rows,
        "{what}: a value ALwrity reads was rewritten"
    );
    let schema = files::schema(&conn);
    for (table, cols) in &was.columns {
        let old = &was.schema[table];
        let new = schema
            .get(table)
            .unwrap_or_else(|| panic!("{what}: `{table}` is gone"));
        assert_eq!(
            new.rootpage, old.rootpage,
            "{what}: `{table}` was rebuilt (new root page)"
        );
        let now = files::columns(&conn, table);
        assert_eq!(
            &now[..cols.len()],
            &cols[..],
            "{what}: `{table}`'s columns changed"
        );
        for (name, _, notnull, _, pk) in &now[cols.len()..] {
            assert!(!notnull, "{what}: `{table}.{name}` was added NOT NULL");
            assert_eq!(*pk, 0, "{what}: `{table}.{name}` was added to the key");
        }
        let old_sql = old.sql.as_deref().unwrap();
        let new_sql = new.sql.as_deref().unwrap();
        assert_extended(table, old_sql, new_sql, what);
        let indexes = files::indexes(&conn, table);
        for (name, info) in &was.indexes[table] {
            assert_eq!(
                indexes.get(name),
                Some(info),
                "{what}: index `{name}` changed"
            );
            assert_eq!(
                schema[name].sql, was.schema[name].sql,
                "{what}: index `{name}` redefined"
            );
        }
        for (name, (unique, _)) in &indexes {
            if !was.indexes[table].contains_key(name) {
                assert!(!unique, "{what}: a UNIQUE index `{name}` on `{table}`");
            }
        }
    }
    drop(conn);
    files::assert_no_side_files(&file.path, what);
}

#[test]
fn attaching_only_adds_and_alwrity_reads_what_it_read() {
    for place in [Place::Plain, Place::Workspace] {
        let file = AlwrityFile::build(place, Tables::Head);
        let tables = head::table_names(Tables::Head);
        let was = before(&file, &tables);
        file.cli().attach();
        assert_only_added(&file, &was, &format!("db migrate ({place:?})"));
        assert_eq!(
            files::journal_mode(&file.path),
            "delete",
            "the journal mode is ALwrity's"
        );
    }
}

#[test]
fn attaching_twice_changes_nothing_more() {
    let file = AlwrityFile::head_in_workspace();
    let tables = head::table_names(Tables::Head);
    let cli = file.cli();
    cli.attach();
    let was = before(&file, &tables);
    let objects = file.strings(
        "SELECT name || ' ' || rootpage || ' ' || coalesce(sql, '') FROM sqlite_master \
         ORDER BY name",
    );
    cli.attach();
    assert_only_added(&file, &was, "second db migrate");
    let now = file.strings(
        "SELECT name || ' ' || rootpage || ' ' || coalesce(sql, '') FROM sqlite_master \
         ORDER BY name",
    );
    assert_eq!(now, objects, "no schema object changed the second time");
    let bytes = file.snapshot();
    cli.ok(&["db", "migrate", "--dry-run"]);
    bytes.assert_unchanged(&file.snapshot(), "db migrate --dry-run after attaching");
}

#[test]
fn wal_only_with_the_wal_flag() {
    let file = AlwrityFile::head();
    let was = file.reading();
    file.cli().ok(&["db", "migrate", "--yes", "--wal"]);
    oracle::assert_same(&was, &file.reading(), "db migrate --wal");
    assert_eq!(files::journal_mode(&file.path), "wal");
}

#[test]
fn alwritys_own_writes_still_succeed_after_attaching() {
    let file = AlwrityFile::head();
    file.cli().attach();
    let now = format!("{}.000001", utc_now_text());
    let conn = file.conn();
    for sql in [
        // update_step(7) / update_progress(117): ALwrity accepts any step number.
        format!(
            "UPDATE onboarding_sessions SET current_step = 7, updated_at = '{now}' WHERE id = 2"
        ),
        format!(
            "UPDATE onboarding_sessions SET progress = 117.0, updated_at = '{now}' WHERE id = 2"
        ),
        // A second session for a user (the race of _get_or_create_session).
        format!(
            "INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, \
             updated_at) VALUES ('{FRESH}', 1, 0.0, '{now}', '{now}')"
        ),
        // A key without a session, and a second key for a (session, provider).
        format!(
            "INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
             VALUES (NULL, 'tavily', 'tvly-FAKE-FIXTURE-NO-SESSION-01', '{now}', '{now}')"
        ),
        format!(
            "INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
             VALUES (2, 'gemini', 'AIzaFAKE_FIXTURE_API3_SECOND_ROW_0001', '{now}', '{now}')"
        ),
        // A second analysis row for a session, with only the columns ALwrity inserts.
        format!(
            "INSERT INTO website_analyses (session_id, website_url, analysis_date, status, \
             created_at, updated_at) VALUES (2, '', '{now}', 'completed', '{now}', '{now}')"
        ),
        format!(
            "INSERT INTO research_preferences (session_id, research_depth, content_types, \
             auto_research, factual_content, created_at, updated_at) \
             VALUES (2, 'Comprehensive', '[\"Blog Posts\"]', 1, 1, '{now}', '{now}')"
        ),
        // Rows pointing at a session that does not exist (foreign keys are off for ALwrity).
        format!(
            "INSERT INTO competitor_analyses (session_id, competitor_url, status, created_at, \
             updated_at) VALUES (99, 'https://orphan.example.com', 'completed', '{now}', '{now}')"
        ),
        // The ORM deleting a session row.
        "DELETE FROM onboarding_sessions WHERE id = 8".to_owned(),
        // The reset: step 1, progress 0, data kept, tasks paused.
        format!(
            "UPDATE onboarding_sessions SET current_step = 1, progress = 0.0, updated_at = '{now}' \
             WHERE id = 3"
        ),
    ] {
        conn.execute_batch(&sql)
            .unwrap_or_else(|e| panic!("ALwrity's write fails after attaching: {e}\n{sql}"));
    }
}

/// ALwrity's tables' constraints and nullability on PostgreSQL, one line each.
fn pg_constraints(raw: &mut dyn Raw, tables: &[&str]) -> Vec<String> {
    let list = tables
        .iter()
        .map(|t| format!("'{t}'"))
        .collect::<Vec<_>>()
        .join(", ");
    let mut out = raw.strings(&format!(
        "SELECT conrelid::regclass::text || ' ' || contype::text || ' ' || pg_get_constraintdef(oid) \
         FROM pg_constraint WHERE connamespace = (SELECT oid FROM pg_namespace \
         WHERE nspname = current_schema()) AND contype IN ('c', 'u', 'p', 'x') \
         AND conrelid::regclass::text IN ({list})"
    ));
    out.extend(raw.strings(&format!(
        "SELECT table_name || '.' || column_name || ' ' || is_nullable \
         FROM information_schema.columns WHERE table_schema = current_schema() \
         AND table_name IN ({list})"
    )));
    out.extend(raw.strings(&format!(
        "SELECT indexdef FROM pg_indexes WHERE schemaname = current_schema() \
         AND tablename IN ({list}) AND indexdef LIKE 'CREATE UNIQUE%'"
    )));
    out.sort();
    out
}

#[test]
fn attaching_a_seed_database_only_adds_on_both_backends() {
    let tables = crate::alwrity::data_tables(crate::alwrity::Era::Seed);
    seed::each(|mut db| {
        let backend = db.backend();
        let readings = db.reading();
        let rows: BTreeMap<&str, _> = tables.iter().map(|t| (*t, db.raw.rows(t))).collect();
        let constraints = (backend == onboardctl::store::Backend::Postgres)
            .then(|| pg_constraints(&mut *db.raw, &tables));
        let sqlite_was = db.file.as_ref().map(|f| {
            let conn = rusqlite::Connection::open(f).unwrap();
            (files::inode(f), files::schema(&conn))
        });
        db.cli().attach();
        oracle::assert_same(&readings, &db.reading(), &format!("{backend:?}"));
        for (table, was) in &rows {
            let now = db.raw.rows(table);
            for (id, row) in was {
                let kept = now
                    .get(id)
                    .unwrap_or_else(|| panic!("{backend:?}: {table} {id} is gone"));
                for (col, value) in row.as_object().unwrap() {
                    assert_eq!(
                        &kept[col], value,
                        "{backend:?}: {table} {id}.{col} rewritten"
                    );
                }
            }
            assert_eq!(now.len(), was.len(), "{backend:?}: {table} rows");
        }
        if let Some(was) = constraints {
            let now = pg_constraints(&mut *db.raw, &tables);
            let lost: Vec<_> = was.iter().filter(|l| !now.contains(l)).collect();
            assert!(lost.is_empty(), "{backend:?}: attaching changed {lost:?}");
            // What is new may only be a nullable column (a constraint, a NOT NULL or a
            // unique index ALwrity's writes could trip over is not).
            let added: Vec<_> = now.iter().filter(|l| !was.contains(l)).collect();
            for line in &added {
                assert!(
                    line.split(' ').count() == 2 && line.ends_with(" YES"),
                    "{backend:?}: attaching added {line:?}"
                );
            }
        }
        if let (Some(file), Some((inode, schema))) = (&db.file, sqlite_was) {
            assert_eq!(files::inode(file), inode, "the file was replaced");
            let conn = rusqlite::Connection::open(file).unwrap();
            let now = files::schema(&conn);
            for table in &tables {
                let (old, new) = (&schema[*table], &now[*table]);
                assert_eq!(new.rootpage, old.rootpage, "`{table}` rebuilt");
                let (old_sql, new_sql) = (old.sql.as_deref(), new.sql.as_deref());
                assert_extended(table, old_sql.unwrap(), new_sql.unwrap(), "seed");
            }
            drop(conn);
            assert_eq!(files::journal_mode(file), "delete");
        }
    });
}

/// `user_2race` stays two rows: attaching merges nothing (that is `db repair`'s job).
#[test]
fn attaching_keeps_duplicate_sessions() {
    let file = AlwrityFile::head();
    file.cli().attach();
    assert_eq!(
        file.strings("SELECT id FROM onboarding_sessions WHERE user_id = 'user_2race' ORDER BY id"),
        ["5", "6"]
    );
    assert_eq!(file.reading()[RACE].keys["gemini"], RACE_A_KEYS[0]);
}

/// The checker itself: what attaching may do passes, each thing it must not do is caught.
#[test]
fn the_checker_accepts_additions_and_catches_everything_else() {
    let tables = head::table_names(Tables::Head);
    let allowed = "ALTER TABLE onboarding_sessions ADD COLUMN onboardctl_completed_at DATETIME;
        ALTER TABLE api_keys ADD COLUMN onboardctl_sealed TEXT DEFAULT NULL;
        CREATE TABLE onboardctl_steps (id INTEGER PRIMARY KEY, session_id INTEGER NOT NULL,
            step INTEGER NOT NULL CHECK (step BETWEEN 1 AND 6), UNIQUE (session_id, step));
        CREATE INDEX ix_onboarding_sessions_user_id ON onboarding_sessions (user_id);";
    let file = AlwrityFile::head();
    let was = before(&file, &tables);
    file.sql(allowed);
    assert_only_added(&file, &was, "allowed additions");

    let rebuild = "CREATE TABLE s2 (id INTEGER NOT NULL, user_id VARCHAR(255) NOT NULL,
            current_step INTEGER, progress FLOAT, started_at DATETIME, updated_at DATETIME,
            PRIMARY KEY (id));
        INSERT INTO s2 SELECT * FROM onboarding_sessions;
        DROP TABLE onboarding_sessions; ALTER TABLE s2 RENAME TO onboarding_sessions;";
    for bad in [
        "ALTER TABLE onboarding_sessions ADD COLUMN x INTEGER NOT NULL DEFAULT 0",
        "ALTER TABLE api_keys ADD COLUMN y INTEGER CHECK (y > 0)",
        "CREATE UNIQUE INDEX ux ON onboarding_sessions (id, user_id)",
        "UPDATE onboarding_sessions SET progress = 50.0 WHERE id = 1",
        "UPDATE api_keys SET updated_at = '2026-05-18 09:01:00.000000' WHERE id = 1",
        "UPDATE website_analysis_tasks SET status = 'active' WHERE id = 2",
        rebuild,
    ] {
        let file = AlwrityFile::head();
        let was = before(&file, &tables);
        file.sql(bad);
        let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            assert_only_added(&file, &was, bad)
        }));
        assert!(caught.is_err(), "the checker let this through: {bad}");
    }

    // A file replaced under the same name (copy, then rename over).
    let file = AlwrityFile::head();
    let was = before(&file, &tables);
    let copy = file.path.with_extension("copy");
    std::fs::copy(&file.path, &copy).unwrap();
    std::fs::rename(&copy, &file.path).unwrap();
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        assert_only_added(&file, &was, "replaced")
    }));
    assert!(caught.is_err(), "the checker missed a replaced file");
}

/// The audit trail on a database ALwrity made: not attached, a write works as before, no
/// audit table appears and `-v` says the change is unrecorded; attached, each change leaves
/// its row; attached by an onboardctl older than the trail, `db migrate` adds only the
/// table, and `db status --check` shows it pending until then.
#[test]
fn the_audit_trail_lives_only_in_an_attached_database() {
    let file = AlwrityFile::head();
    let cli = file.cli();
    let set = ["-v", "key", "set", FRESH, "openai", "--stdin"];
    let out = cli.run_with(&set, &[], "sk-FAKE_TEST_ONLY_0000000000000000");
    assert_ok(&out, &set);
    assert!(
        stderr(&out).contains("not in the audit trail"),
        "{}",
        stderr(&out)
    );
    let has_table = |file: &AlwrityFile| {
        file.conn()
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'onboardctl_audit'",
                [],
                |r| r.get::<_, i64>(0),
            )
            .unwrap()
    };
    assert_eq!(has_table(&file), 0, "no table without the attach");
    assert_eq!(cli.ok(&["--json", "audit", "log"]).trim(), "[]");

    cli.attach();
    // As an onboardctl before the trail attached it: without the table.
    file.conn()
        .execute_batch("DROP TABLE onboardctl_audit")
        .unwrap();
    assert_code(&cli.run(&["db", "status", "--check"]), 6, &["db", "status"]);
    cli.ok(&["progress", "step", FRESH, "5", "pending"]);
    assert_eq!(has_table(&file), 0, "a write does not add the table");
    cli.ok(&["db", "migrate", "--yes"]);
    assert_eq!(has_table(&file), 1);
    assert_code(&cli.run(&["db", "status", "--check"]), 0, &["db", "status"]);
    cli.ok(&["--actor", "ops", "progress", "step", FRESH, "5", "skipped"]);
    let rows: serde_json::Value =
        serde_json::from_str(&cli.ok(&["--json", "audit", "log"])).unwrap();
    let rows = rows.as_array().unwrap();
    assert_eq!(rows.len(), 1, "{rows:?}");
    assert_eq!(rows[0]["actor"], "ops");
    assert_eq!(rows[0]["user_id"], FRESH);
}
