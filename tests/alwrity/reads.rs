//! Read commands on an ALwrity database that was never migrated: they work (no "schema is
//! out of date"), print no key, leave every file under the database's directory
//! byte-identical (no WAL switch, no `-wal`/`-shm`/`-journal` left, no table created), and
//! ALwrity's reading of every user is what it was. `session show` / `progress show` add
//! ALwrity's own reading (`"alwrity"`), whether the step view was derived (`"derived"`) and
//! a one-line `"disagreement"` when the two readings differ.

use std::collections::BTreeSet;

use serde_json::Value;

use crate::head::{self, users::*, AlwrityFile, Place, Tables};
use crate::oracle;
use crate::{assert_no_key_printed, code, seed, stderr, stdout};

/// Runs `args` (as given and with `--json`) and asserts the read contract on `file`.
fn assert_read_only(file: &AlwrityFile, args: &[&str], allowed: &[i32]) {
    let cli = file.cli();
    for json in [false, true] {
        let mut all: Vec<&str> = Vec::new();
        if json {
            all.push("--json");
        }
        all.extend_from_slice(args);
        let bytes = file.snapshot();
        let before = file.reading();
        let out = cli.run(&all);
        assert!(
            allowed.contains(&code(&out)),
            "{all:?} on {}: exit {} (allowed {allowed:?})\nstdout: {}\nstderr: {}",
            file.path.display(),
            code(&out),
            stdout(&out),
            stderr(&out)
        );
        assert_no_key_printed(&out, &all);
        crate::files::assert_no_side_files(&file.path, &format!("{all:?}"));
        bytes.assert_unchanged(&file.snapshot(), &format!("{all:?}"));
        oracle::assert_same(&before, &file.reading(), &format!("{all:?}"));
    }
}

fn places() -> [AlwrityFile; 2] {
    [
        AlwrityFile::build(Place::Plain, Tables::Head),
        AlwrityFile::build(Place::Workspace, Tables::Head),
    ]
}

/// Exit 0 when `user`'s first session has a row in `table`, else not found (3).
fn found_if(user: &str, table: &str) -> &'static [i32] {
    if head::has_data(user, table) {
        &[0]
    } else {
        &[3]
    }
}

fn always_ok(_: &str) -> &'static [i32] {
    &[0]
}

/// One test per read command: every fixture user, both places, human and JSON.
macro_rules! per_user_read {
    ($name:ident, [$($arg:expr),+], $allowed:expr) => {
        #[test]
        fn $name() {
            for file in places() {
                for user in ALL {
                    let mut args: Vec<&str> = vec![$($arg),+];
                    args.insert(2.min(args.len()), user);
                    let allowed: &[i32] = $allowed(user);
                    assert_read_only(&file, &args, allowed);
                }
            }
        }
    };
}

per_user_read!(session_show_is_read_only, ["session", "show"], always_ok);
per_user_read!(progress_show_is_read_only, ["progress", "show"], always_ok);
per_user_read!(key_list_is_read_only, ["key", "list"], always_ok);
per_user_read!(
    key_get_is_read_only,
    ["key", "get", "gemini"],
    |u| found_if(u, "api_keys")
);
per_user_read!(analysis_show_is_read_only, ["analysis", "show"], |u| {
    found_if(u, "website_analyses")
});
per_user_read!(research_show_is_read_only, ["research", "show"], |u| {
    found_if(u, "research_preferences")
});
per_user_read!(
    persona_show_is_read_only,
    ["persona", "show"],
    |u| found_if(u, "persona_data")
);
per_user_read!(ai_inputs_is_read_only, ["ai-inputs"], always_ok);

#[test]
fn session_list_is_read_only() {
    for file in places() {
        assert_read_only(&file, &["session", "list"], &[0]);
        assert_read_only(&file, &["session", "list", "--status", "completed"], &[0]);
    }
}

#[test]
fn report_is_read_only() {
    for file in places() {
        assert_read_only(&file, &["report"], &[0]);
        assert_read_only(
            &file,
            &["report", "--by", "month", "--since", "2020-01-01"],
            &[0],
        );
    }
}

#[test]
fn export_is_read_only() {
    for file in places() {
        assert_read_only(&file, &["export"], &[0]);
        for user in ALL {
            assert_read_only(&file, &["export", "--user", user], &[0]);
        }
    }
}

#[test]
fn db_status_and_dry_runs_are_read_only() {
    for file in places() {
        assert_read_only(&file, &["db", "status"], &[0]);
        assert_read_only(&file, &["db", "status", "--check"], &[0, 6]);
        assert_read_only(&file, &["db", "migrate", "--dry-run"], &[0]);
    }
}

/// Every user of the HEAD story is listed once, though `user_2race` has two rows.
#[test]
fn session_list_lists_every_alwrity_user_once() {
    let file = AlwrityFile::head();
    let list = file.cli().json(&["session", "list", "--limit", "1000"]);
    let users: Vec<&str> = list
        .as_array()
        .expect("an array")
        .iter()
        .map(|r| r["user_id"].as_str().unwrap())
        .collect();
    let unique: BTreeSet<&str> = users.iter().copied().collect();
    assert_eq!(users.len(), unique.len(), "listed once each: {users:?}");
    assert_eq!(unique, ALL.into_iter().collect(), "{users:?}");
}

/// The step numbers whose status is `completed` in a `session show` / `progress show` doc.
pub fn completed_steps(doc: &Value) -> BTreeSet<i64> {
    doc["steps"]
        .as_array()
        .unwrap_or_else(|| panic!("no steps in {doc}"))
        .iter()
        .filter(|s| s["status"] == "completed")
        .map(|s| s["step_number"].as_i64().unwrap())
        .collect()
}

#[test]
fn alwrity_object_is_alwritys_own_reading() {
    for file in places() {
        let reading = file.reading();
        let cli = file.cli();
        for user in ALL {
            for cmd in ["session", "progress"] {
                let doc = cli.json(&[cmd, "show", user]);
                let what = format!("{cmd} show {user}");
                oracle::assert_alwrity_object(&doc, &reading[user], "head", &what);
                assert_eq!(
                    doc["derived"], true,
                    "{what}: never attached, so derived: {doc}"
                );
            }
        }
    }
}

#[test]
fn step_view_is_derived_from_alwritys_columns() {
    let file = AlwrityFile::head();
    let cli = file.cli();
    let set = |steps: &[i64]| steps.iter().copied().collect::<BTreeSet<i64>>();
    for (user, done, complete) in [
        (FRESH, set(&[]), false),
        (API3, set(&[1, 2, 3]), false),
        (DONE, set(&[1, 2, 3, 4, 5, 6]), true),
        (RESET, set(&[]), false),
        (RACE, set(&[1]), false),
        (NULLS, set(&[]), false),
    ] {
        for cmd in ["session", "progress"] {
            let doc = cli.json(&[cmd, "show", user]);
            assert_eq!(completed_steps(&doc), done, "{cmd} show {user}: {doc}");
            assert_eq!(doc["is_completed"], complete, "{cmd} show {user}: {doc}");
        }
    }
}

#[test]
fn disagreement_is_one_line_only_where_the_readings_differ() {
    let file = AlwrityFile::head();
    let cli = file.cli();
    for user in [FRESH, API3, DONE, NULLS] {
        for cmd in ["session", "progress"] {
            let doc = cli.json(&[cmd, "show", user]);
            assert!(
                doc.get("disagreement").is_some_and(Value::is_null),
                "{cmd} show {user}: the readings agree: {doc}"
            );
        }
    }
    for cmd in ["session", "progress"] {
        let doc = cli.json(&[cmd, "show", HUNDRED]);
        assert_eq!(doc["alwrity"]["is_completed"], true, "{doc}");
        let line = doc["disagreement"].as_str().unwrap_or_else(|| {
            panic!("{cmd} show {HUNDRED}: progress 100 without a persona: {doc}")
        });
        assert!(
            !line.trim().is_empty() && !line.contains('\n'),
            "one line: {line:?}"
        );
        // The human view says it too.
        let human = cli.ok(&[cmd, "show", HUNDRED]);
        assert!(
            human.contains(line.trim()),
            "human output names it:\n{human}"
        );
    }
}

#[test]
fn a_reset_user_is_never_shown_completed() {
    let file = AlwrityFile::head();
    let cli = file.cli();
    for cmd in ["session", "progress"] {
        let doc = cli.json(&[cmd, "show", RESET]);
        assert_eq!(doc["is_completed"], false, "{doc}");
        assert_eq!(doc["alwrity"]["is_completed"], false, "{doc}");
    }
    let list = cli.json(&["session", "list", "--status", "completed"]);
    let listed: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["user_id"].as_str().unwrap())
        .collect();
    assert!(!listed.contains(&RESET), "{listed:?}");
    assert!(listed.contains(&DONE), "{listed:?}");
    let export = cli.ok(&["--json", "export", "--user", RESET]);
    let line: Value = serde_json::from_str(export.lines().next().unwrap()).unwrap();
    assert_ne!(line["is_completed"], true, "{line}");
}

/// Seed-era databases on SQLite and PostgreSQL: reads change nothing and say `"era": "seed"`.
#[test]
fn seed_era_reads_change_nothing_and_say_seed() {
    seed::each(|mut db| {
        let cli = db.cli();
        for user in seed::ALL {
            for args in [
                vec!["session", "show", user],
                vec!["progress", "show", user],
                vec!["key", "list", user],
                vec!["session", "list"],
                vec!["export"],
                vec!["db", "status"],
            ] {
                let dump = db.raw.dump();
                let bytes = db.file.as_ref().map(|f| std::fs::read(f).unwrap());
                let before = db.reading();
                let mut all = vec!["--json"];
                all.extend_from_slice(&args);
                let out = cli.run(&all);
                assert_eq!(
                    code(&out),
                    0,
                    "{all:?} ({:?}): {}",
                    db.backend(),
                    stderr(&out)
                );
                assert_no_key_printed(&out, &all);
                assert_eq!(db.raw.dump(), dump, "{all:?} changed the database");
                if let (Some(file), Some(bytes)) = (&db.file, bytes) {
                    assert_eq!(std::fs::read(file).unwrap(), bytes, "{all:?}: bytes");
                    crate::files::assert_no_side_files(file, &format!("{all:?}"));
                }
                oracle::assert_same(&before, &db.reading(), &format!("{all:?}"));
            }
            let reading = db.reading();
            let doc = cli.json(&["session", "show", user]);
            oracle::assert_alwrity_object(&doc, &reading[user], "seed", user);
        }
    });
}
