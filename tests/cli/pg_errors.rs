//! Server conditions reach the CLI as exit 5 with a one-line message: a read-only database
//! (`default_transaction_read_only`, which is also what a hot standby answers) refuses
//! writes with "the database is read-only" and still serves reads. Direct PostgreSQL run
//! only: the session is made read-only through the URL's `options`, which a pooler refuses.

use crate::{assert_code, backend, json_error, on_postgres, stderr, test_db, FAKE_GEMINI};

#[test]
fn a_read_only_database_exits_5_and_says_so() {
    if !on_postgres() || backend::on_pooler() {
        return;
    }
    let db = test_db();
    db.users(&["reader"]);
    let read_only = db.url.replacen(
        "options=",
        "options=-cdefault_transaction_read_only%3Don%20",
        1,
    );
    assert_ne!(read_only, db.url, "the test URL carries options");
    let run = |args: &[&str]| {
        crate::bare_cmd(&db.path())
            .args(["--no-dotenv", "--database-url", &read_only])
            .args(args)
            .write_stdin(FAKE_GEMINI)
            .output()
            .expect("runs")
    };
    let out = run(&["key", "set", "reader", "gemini", "--stdin"]);
    assert_code(&out, 5);
    let err = stderr(&out);
    assert!(
        err.starts_with("error: database unavailable: the database is read-only: "),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
    let out = run(&["--json", "session", "create", "writer"]);
    assert_code(&out, 5);
    assert_eq!(json_error(&out)["kind"], "unavailable");
    assert_code(&run(&["session", "show", "reader"]), 0);
}
