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

/// A host name that cannot resolve and that the resolver refuses before sending any query (a
/// label over 63 characters), so the test never sends a DNS packet off this machine.
fn unresolvable_host() -> String {
    format!("{}.invalid", "x".repeat(64))
}

#[test]
fn unknown_host_exits_5() {
    let host = unresolvable_host();
    let url = format!("postgresql://postgres:{PASSWORD}@{host}/test?connect_timeout=3");
    assert_unavailable(&url, &host);
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

/// `db status` against the test server with extra URL parameters and `host` swapped in.
fn status_over(host: &str, params: &str) -> Option<std::process::Output> {
    let server = std::env::var("ONBOARDCTL_TEST_PG_URL").ok()?;
    let url = server.replacen("127.0.0.1", host, 1);
    let sep = if url.contains('?') { '&' } else { '?' };
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path())
        .args([
            "--no-dotenv",
            "--database-url",
            &format!("{url}{sep}{params}"),
        ])
        .args(["db", "status"])
        .output()
        .unwrap();
    Some(out)
}

const SNAKEOIL: &str = "/etc/ssl/certs/ssl-cert-snakeoil.pem";

#[test]
fn tls_modes_against_the_local_server() {
    let Some(out) = status_over("127.0.0.1", "sslmode=require") else {
        return; // needs a server; mandatory in CI
    };
    assert_code(&out, 0);
    let out = status_over("localhost", "sslmode=verify-full&sslrootcert=/dev/null").unwrap();
    assert_code(&out, 5);
    assert!(stderr(&out).to_lowercase().contains("tls") || stderr(&out).contains("certificate"));
    if !std::path::Path::new(SNAKEOIL).exists() {
        eprintln!("NOTICE: {SNAKEOIL} is missing; verify-full with the right root not checked");
        return;
    }
    let right_root = format!("sslmode=verify-full&sslrootcert={SNAKEOIL}");
    assert_code(&status_over("localhost", &right_root).unwrap(), 0);
    let wrong_name = status_over("127.0.0.1", &right_root).unwrap();
    assert_code(&wrong_name, 5);
    assert!(
        stderr(&wrong_name).contains("not valid for name"),
        "{}",
        stderr(&wrong_name)
    );
}
