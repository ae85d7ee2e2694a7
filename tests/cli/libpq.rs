//! libpq's conventions against the real server: `PGHOST`, `PGPORT`, `PGUSER` and
//! `PGDATABASE` fill what the URL leaves out and reach the right server and database;
//! `postgres:///db` is the local socket; the password file's permission rule; a password from
//! `PGPASSWORD` or `.pgpass` is used (`-v` says from where) and never printed. The server
//! trusts every login, so which password is sent is proven by the unit tests of the resolved
//! configuration (`config::libpq`, `store::postgres::connect`). Direct PostgreSQL run only
//! (the test's schema travels in `options`, which a pooler refuses).

use std::process::Output;

use crate::{assert_code, assert_success, backend, on_postgres, stderr, stdout, test_db, TestDb};

/// Whether these tests apply to this run.
fn direct_postgres() -> bool {
    on_postgres() && !backend::on_pooler()
}

/// The test URL's `options=…` (the test's own schema).
fn options(db: &TestDb) -> String {
    let (_, query) = db.url.split_once('?').expect("the test URL has options");
    query.to_owned()
}

/// Runs `args` against `url` with the variables `vars`.
fn run(db: &TestDb, url: &str, vars: &[(&str, &str)], args: &[&str]) -> Output {
    let mut cmd = crate::bare_cmd(&db.path());
    cmd.args(["--no-dotenv", "--database-url", url]).args(args);
    for (k, v) in vars {
        cmd.env(k, v);
    }
    cmd.output().expect("runs")
}

#[test]
fn pg_variables_reach_the_right_server_and_database() {
    if !direct_postgres() {
        return;
    }
    let db = test_db();
    db.users(&["u_direct"]);
    let bare = format!("postgres://?{}", options(&db));
    let vars = [
        ("PGHOST", "127.0.0.1"),
        ("PGPORT", "5432"),
        ("PGUSER", "postgres"),
        ("PGDATABASE", "test"),
    ];
    // The same schema as the full URL: the user made through it is there.
    let out = run(&db, &bare, &vars, &["session", "show", "u_direct"]);
    assert_success(&out, &["session", "show"]);
    assert!(stdout(&out).contains("u_direct"));
    // A closed port is exit 5, naming where it tried.
    let mut closed = vars;
    closed[1] = ("PGPORT", "1");
    let out = run(&db, &bare, &closed, &["session", "show", "u_direct"]);
    assert_code(&out, 5);
    assert!(stderr(&out).contains("127.0.0.1:1"), "{}", stderr(&out));
    // PGDATABASE and PGUSER are sent: an unknown database, an unknown role fail.
    let mut wrong_db = vars;
    wrong_db[3] = ("PGDATABASE", "onboardctl_no_such_db");
    let out = run(&db, &bare, &wrong_db, &["session", "show", "u_direct"]);
    assert_code(&out, 5);
    assert!(
        stderr(&out).contains("onboardctl_no_such_db"),
        "{}",
        stderr(&out)
    );
    let mut wrong_user = vars;
    wrong_user[2] = ("PGUSER", "onboardctl_no_such_role");
    let out = run(&db, &bare, &wrong_user, &["session", "show", "u_direct"]);
    assert_code(&out, 5);
    // The URL wins over the variables: its port beats a closed PGPORT.
    let full = format!("postgres://postgres@127.0.0.1:5432/test?{}", options(&db));
    assert_success(
        &run(&db, &full, &closed, &["session", "show", "u_direct"]),
        &["show"],
    );
}

#[test]
fn postgres_triple_slash_db_uses_the_local_socket() {
    if !direct_postgres() {
        return;
    }
    let db = test_db();
    db.users(&["u_socket"]);
    let url = format!("postgres:///test?user=postgres&{}", options(&db));
    let out = run(&db, &url, &[], &["-v", "session", "show", "u_socket"]);
    assert_success(&out, &["session", "show"]);
    assert!(
        stderr(&out).contains("host /var/run/postgresql,/tmp (from the default)"),
        "{}",
        stderr(&out)
    );
    // No TCP fallback: a socket directory without a server is exit 5.
    let out = run(
        &db,
        &url,
        &[("PGHOST", "/onboardctl/no/such/dir")],
        &["session", "show", "u_socket"],
    );
    assert_code(&out, 5);
}

/// A `.pgpass` in the test's HOME with `mode`.
fn write_pgpass(db: &TestDb, text: &str, mode: u32) -> std::path::PathBuf {
    let home = db.path().join("home");
    std::fs::create_dir_all(&home).expect("home");
    let file = home.join(".pgpass");
    std::fs::write(&file, text).expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(mode)).expect("chmod");
    }
    file
}

/// Runs `db status -v` on a URL without password through the test server (or, off
/// PostgreSQL, on a closed port: resolution and its messages come before connecting).
fn status_v(db: &TestDb, vars: &[(&str, &str)]) -> Output {
    let url = if direct_postgres() {
        format!("postgres://postgres@127.0.0.1:5432/test?{}", options(db))
    } else {
        "postgres://postgres@127.0.0.1:1/test".to_owned()
    };
    run(db, &url, vars, &["-v", "db", "status"])
}

#[test]
fn pgpass_is_used_by_its_rules_and_never_printed() {
    let db = test_db();
    let password = "pgpass-FAKE-secret";
    write_pgpass(
        &db,
        &format!("otherhost:*:*:*:wrong\n127.0.0.1:*:test:postgres:{password}\n"),
        0o600,
    );
    let out = status_v(&db, &[]);
    let err = stderr(&out);
    assert!(err.contains("password from `"), "{err}");
    assert!(err.contains(".pgpass`"), "{err}");
    assert!(
        !err.contains(password) && !stdout(&out).contains(password),
        "{err}"
    );
    // PGPASSWORD wins over the file, and is not printed either.
    let out = status_v(&db, &[("PGPASSWORD", "env-FAKE-secret")]);
    let err = stderr(&out);
    assert!(err.contains("password from PGPASSWORD"), "{err}");
    assert!(
        !err.contains("env-FAKE-secret") && !err.contains(password),
        "{err}"
    );
    // PGPASSFILE names another file.
    let other = db.path().join("other-pgpass");
    std::fs::write(&other, "*:*:*:*:x\n").expect("write");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&other, std::fs::Permissions::from_mode(0o600)).expect("chmod");
    }
    let out = status_v(&db, &[("PGPASSFILE", other.to_str().expect("utf-8"))]);
    assert!(stderr(&out).contains("other-pgpass`"), "{}", stderr(&out));
}

#[cfg(unix)]
#[test]
fn a_world_readable_pgpass_is_ignored_with_a_warning() {
    let db = test_db();
    let file = write_pgpass(&db, "*:*:*:*:pgpass-FAKE-secret\n", 0o644);
    let out = status_v(&db, &[]);
    let err = stderr(&out);
    assert!(
        err.contains(&format!(
            "warning: password file `{}` has group or world access",
            file.display()
        )),
        "{err}"
    );
    assert!(err.contains("password none"), "{err}");
    assert!(!err.contains("pgpass-FAKE-secret"), "{err}");
    if direct_postgres() {
        assert_code(&out, 0);
    }
}
