//! gh-style output on every JSON view: `--json=FIELD,…` (selection, order, unknown fields
//! exit 2 before anything changes), `--jq`, `--format tsv` (escaped, one record a line),
//! tables that fit `$COLUMNS` (`--wide` to keep them whole) and times shown with their zone.

use crate::{assert_code, json_error, on_postgres, stderr, stdout, test_db, TestDb};

fn keys_in_order(text: &str, keys: &[&str]) -> bool {
    let at: Vec<Option<usize>> = keys
        .iter()
        .map(|k| text.find(&format!("\"{k}\"")))
        .collect();
    at.iter().all(Option::is_some) && at.windows(2).all(|w| w[0] < w[1])
}

#[test]
fn json_fields_select_the_keys_in_the_order_asked() {
    let db = test_db();
    db.users(&["u1", "u2"]);
    let text = db.ok(&["session", "list", "--json=status,user_id"]);
    let list: serde_json::Value = serde_json::from_str(&text).unwrap();
    for row in list.as_array().unwrap() {
        let keys: Vec<&String> = row.as_object().unwrap().keys().collect();
        assert_eq!(keys.len(), 2, "{row}");
    }
    assert!(keys_in_order(&text, &["status", "user_id"]), "{text}");
    assert_eq!(list[0]["user_id"], "u2");
    let text = db.ok(&["session", "show", "u1", "--json=steps,user_id"]);
    let one: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(one.as_object().unwrap().len(), 2);
    assert_eq!(one["steps"].as_array().unwrap().len(), 6);
    assert!(keys_in_order(&text, &["steps", "user_id"]), "{text}");
    // `--json` alone is the whole view; it never takes the next argument as fields.
    let whole = db.json(&["session", "show", "u1"]);
    assert!(whole.get("started_at").is_some());
    let eaten = db.run(&["session", "list", "--json", "user_id"]);
    assert_code(&eaten, 2);
}

#[test]
fn an_unknown_field_is_exit_2_naming_the_valid_ones_and_changes_nothing() {
    let db = test_db();
    db.users(&["u1"]);
    let out = db.run(&["session", "list", "--json=user_id,nope"]);
    assert_code(&out, 2);
    let err = json_error(&out);
    assert!(err["message"].as_str().unwrap().contains("`nope`"), "{err}");
    assert_eq!(
        err["details"][0],
        "valid fields: user_id, status, current_step, progress, started_at, updated_at, \
         completed_at"
    );
    let out = db.run(&["session", "create", "u9", "--json=nope"]);
    assert_code(&out, 2);
    assert_code(&db.run(&["session", "show", "u9"]), 3);
    // An empty list has no keys to check against, but the view declares them.
    let out = db.run(&["session", "list", "--status", "completed", "--json=zz"]);
    assert_code(&out, 2);
    // A view that declares no list is checked against the keys it prints.
    let out = db.run(&["key", "providers", "--json=name,zz"]);
    assert_code(&out, 2);
    let out = db.run(&["ai-inputs", "u1", "--json=zz"]);
    assert_code(&out, 2);
    assert!(json_error(&out)["details"][0]
        .as_str()
        .unwrap()
        .starts_with("valid fields: "));
    let out = db.run(&["session", "list", "--json=user_id", "--format", "table"]);
    assert_code(&out, 2);
}

#[test]
fn jq_filters_json_output() {
    let db = test_db();
    db.users(&["u1", "u2"]);
    assert_eq!(
        db.ok(&["session", "list", "--jq", ".[].user_id"]),
        "u2\nu1\n"
    );
    assert_eq!(db.ok(&["session", "list", "--jq", "length"]), "2\n");
    assert_eq!(
        db.ok(&["session", "list", "--jq", "map(.status) | unique"]),
        "[\"not_started\"]\n"
    );
    assert_eq!(
        db.ok(&["session", "show", "u1", "--jq", ".steps[0].title"]),
        "AI LLM Providers\n"
    );
    assert_eq!(
        db.ok(&["session", "list", "--json=user_id", "--jq", ".[0]"]),
        "{\"user_id\":\"u2\"}\n",
        "fields first, then the filter"
    );
    let bad = db.run(&["session", "create", "u9", "--jq", ".["]);
    assert_code(&bad, 2);
    assert!(json_error(&bad)["message"]
        .as_str()
        .unwrap()
        .contains("not a jq expression"));
    assert_code(&db.run(&["session", "show", "u9"]), 3);
    assert_code(
        &db.run(&["session", "list", "--jq", ".", "--format", "tsv"]),
        2,
    );
    let failing = db.run(&["session", "list", "--jq", ".x"]);
    assert_code(&failing, 2);
}

/// Plants a session whose user id holds a tab, a newline, a backslash and a terminal
/// escape (only a foreign database could hold it).
fn plant_hostile_user(db: &TestDb) {
    let c = |n: u8| {
        if on_postgres() {
            format!("chr({n})")
        } else {
            format!("char({n})")
        }
    };
    db.sql(&format!(
        "INSERT INTO onboarding_sessions (user_id, current_step, progress, started_at, \
         updated_at) VALUES ('ev' || {} || 'il' || {} || {} || '[2J\\x', 1, 0, \
         '2025-01-01 00:00:00', '2025-01-01 00:00:00');",
        c(9),
        c(10),
        c(27)
    ));
}

#[test]
fn tsv_writes_one_escaped_record_a_line_without_a_header() {
    let db = test_db();
    db.users(&["u1"]);
    plant_hostile_user(&db);
    let out = db.ok(&["session", "list", "--format", "tsv"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 2, "{out:?}");
    let first: Vec<&str> = lines[0].split('\t').collect();
    assert_eq!(first[0], "u1");
    assert_eq!(first[1], "not_started");
    assert_eq!(first.len(), 7, "every field, null as empty: {first:?}");
    assert_eq!(first[6], "", "completed_at is null");
    assert_eq!(
        lines[1].split('\t').next().unwrap(),
        "ev\\til\\n\\e[2J\\\\x",
        "tab, newline, ESC and backslash escaped"
    );
    assert!(!out.contains('\x1b'));
    let two = db.ok(&[
        "session",
        "list",
        "--format",
        "tsv",
        "--json=status,user_id",
    ]);
    assert_eq!(two.lines().next().unwrap(), "not_started\tu1");
    let one = db.ok(&[
        "session",
        "show",
        "u1",
        "--format=tsv",
        "--json=user_id,current_step",
    ]);
    assert_eq!(one, "u1\t1\n");
    // Errors stay text under TSV.
    let out = db.run(&["session", "show", "nobody", "--format", "tsv"]);
    assert_code(&out, 3);
    assert!(stderr(&out).starts_with("error: "));
}

#[test]
fn tables_fit_columns_by_cutting_the_widest_text_column() {
    let db = test_db();
    let long = format!("user_{}", "x".repeat(70));
    db.users(&[&long, "u1"]);
    let narrow = db
        .cmd()
        .env("COLUMNS", "90")
        .args(["session", "list"])
        .output()
        .unwrap();
    let text = stdout(&narrow);
    use unicode_width::UnicodeWidthStr;
    for line in text.lines() {
        assert!(line.width() <= 90, "{} > 90: {line}", line.width());
    }
    assert_eq!(
        crate::redact_times(&text).matches("YYYY").count(),
        4,
        "times are whole"
    );
    assert!(text.contains("user_xxx"), "{text}");
    assert!(text.contains('…'), "{text}");
    assert!(text.contains("u1 "), "short ids are whole: {text}");
    let wide = db
        .cmd()
        .env("COLUMNS", "90")
        .args(["session", "list", "--wide"])
        .output()
        .unwrap();
    assert!(stdout(&wide).contains(&long));
    let piped = db.ok(&["session", "list"]);
    assert!(
        piped.contains(&long),
        "no COLUMNS and no terminal: whole lines"
    );
    // A table built by any command fits too: the notes of a failed step.
    let reason = "r".repeat(120);
    db.ok(&["progress", "step", "u1", "3", "failed", "--error", &reason]);
    let out = db
        .cmd()
        .env("COLUMNS", "80")
        .args(["progress", "show", "u1"])
        .output()
        .unwrap();
    let text = stdout(&out);
    let row = text.lines().find(|l| l.contains("AI Research")).unwrap();
    assert!(row.width() <= 80 && row.ends_with('…'), "{row}");
}

#[test]
fn times_show_their_zone() {
    let db = test_db();
    db.users(&["u1"]);
    let zoned = regex_lite(&db.ok(&["session", "list"]));
    assert_eq!(zoned, 2, "started_at and updated_at, with their zone");
    let shown = db.ok(&["session", "show", "u1"]);
    assert!(regex_lite(&shown) >= 2, "{shown}");
}

/// How many `YYYY-MM-DD HH:MM:SSZ` times `text` has.
fn regex_lite(text: &str) -> usize {
    let b = text.as_bytes();
    let shape = b"dddd-dd-dd dd:dd:ddZ";
    (0..b.len().saturating_sub(shape.len() - 1))
        .filter(|&i| {
            shape.iter().enumerate().all(|(j, s)| match s {
                b'd' => b[i + j].is_ascii_digit(),
                other => b[i + j] == *other,
            })
        })
        .count()
}
