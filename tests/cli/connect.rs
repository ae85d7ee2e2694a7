//! Database unavailable: refused connections, unknown hosts and missing databases exit 5 with
//! a one-line reason and the password redacted. No server is needed for these.

use crate::{assert_code, bare_cmd, json_error, stderr};

const PASSWORD: &str = "s3cret-pw-never-printed";

fn run(url: &str, json: bool) -> std::process::Output {
    let dir = tempfile::tempdir().unwrap();
    let mut cmd = bare_cmd(dir.path());
    cmd.args(["--no-dotenv", "--database-url", url]);
    if json {
        cmd.arg("--json");
    }
    cmd.args(["session", "show", "u1"]).output().unwrap()
}

fn assert_unavailable(url: &str, reason: &str) {
    let out = run(url, false);
    assert_code(&out, 5);
    let err = stderr(&out);
    assert!(!err.contains(PASSWORD), "password leaked: {err}");
    assert!(err.contains(reason), "no `{reason}` in: {err}");
    let first = err.lines().next().unwrap_or_default();
    assert!(first.starts_with("error: "), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    let out = run(url, true);
    assert_code(&out, 5);
    let e = json_error(&out);
    assert_eq!(e["code"], 5);
    assert_eq!(e["kind"], "unavailable");
    assert!(!stderr(&out).contains(PASSWORD));
}

#[test]
fn refused_connection_exits_5() {
    let url = format!("postgres://postgres:{PASSWORD}@127.0.0.1:1/test?connect_timeout=3");
    assert_unavailable(&url, "refused");
}

#[test]
fn unknown_host_exits_5() {
    let url =
        format!("postgresql://postgres:{PASSWORD}@nonexistent.invalid/test?connect_timeout=3");
    assert_unavailable(&url, "nonexistent.invalid");
}

#[test]
fn missing_database_exits_5_when_a_server_is_there() {
    let Ok(server) = std::env::var("ONBOARDCTL_TEST_PG_URL") else {
        return; // needs a server; the PostgreSQL half of the suite is mandatory in CI
    };
    let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
    let with_pw = base.replacen(
        "postgres://postgres@",
        &format!("postgres://postgres:{PASSWORD}@"),
        1,
    );
    assert_unavailable(
        &format!("{with_pw}/onboardctl_no_such_db"),
        "onboardctl_no_such_db",
    );
}

#[test]
fn a_url_that_is_not_a_database_url_is_a_usage_error() {
    let out = run(&format!("mysql://root:{PASSWORD}@localhost/x"), false);
    assert_code(&out, 2);
    let err = stderr(&out);
    assert!(!err.contains(PASSWORD), "{err}");
    assert!(
        err.contains("postgres://"),
        "names the accepted forms: {err}"
    );
}
