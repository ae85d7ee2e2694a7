//! Unit tests of URL parsing: every accepted form, PostgreSQL parameters, redaction and the
//! errors for everything else.

use std::path::PathBuf;
use std::time::Duration;

use super::*;
use crate::config::{PgUrl, SslMode};

fn sqlite(input: &str) -> PathBuf {
    match DbUrl::parse(input) {
        Ok(DbUrl::Sqlite(p)) => p,
        other => panic!("{input}: {other:?}"),
    }
}

fn pg(input: &str) -> PgUrl {
    match DbUrl::parse(input) {
        Ok(DbUrl::Postgres(p)) => p,
        other => panic!("{input}: {other:?}"),
    }
}

#[test]
fn sqlite_forms() {
    assert_eq!(
        sqlite("sqlite:///relative/path.db"),
        PathBuf::from("relative/path.db")
    );
    assert_eq!(
        sqlite("sqlite:////absolute/path.db"),
        PathBuf::from("/absolute/path.db")
    );
    assert_eq!(sqlite("sqlite:path.db"), PathBuf::from("path.db"));
    assert_eq!(sqlite("sqlite:/abs.db"), PathBuf::from("/abs.db"));
    assert_eq!(
        sqlite("sqlite:///./alwrity.db"),
        PathBuf::from("./alwrity.db")
    );
    assert_eq!(sqlite("SQLite:///x.db"), PathBuf::from("x.db"));
    assert_eq!(sqlite("sqlite+pysqlite:///x.db"), PathBuf::from("x.db"));
    assert_eq!(
        sqlite("  sqlite:///x.db\t"),
        PathBuf::from("x.db"),
        "trimmed"
    );
    assert_eq!(
        sqlite("sqlite:///my%20data.db"),
        PathBuf::from("my%20data.db"),
        "literal"
    );
}

#[test]
fn sqlite_errors() {
    for (input, problem) in [
        ("sqlite://", "in-memory"),
        ("sqlite:", "empty path"),
        ("sqlite:///", "empty path"),
        ("sqlite://host/x.db", "host"),
        ("sqlite:///x.db?mode=ro", "query"),
    ] {
        let err = DbUrl::parse(input).unwrap_err();
        assert!(
            matches!(err, UrlError::BadSqlite { .. }),
            "{input}: {err:?}"
        );
        assert!(err.to_string().contains(problem), "{input}: {err}");
    }
    let err = DbUrl::parse("sqlite://u:hunter2@h/x.db")
        .unwrap_err()
        .to_string();
    assert!(!err.contains("hunter2"), "{err}");
}

#[test]
fn sqlite_redacted_round_trips() {
    for input in ["sqlite:///rel/x.db", "sqlite:////abs/x.db", "sqlite:x.db"] {
        let url = DbUrl::parse(input).unwrap();
        assert_eq!(DbUrl::parse(&url.redacted()).unwrap(), url, "{input}");
    }
    assert_eq!(
        DbUrl::parse("sqlite:x.db").unwrap().redacted(),
        "sqlite:///x.db"
    );
    assert_eq!(
        DbUrl::parse("sqlite:/x.db").unwrap().redacted(),
        "sqlite:////x.db"
    );
}

#[test]
fn postgres_schemes() {
    for scheme in [
        "postgres",
        "postgresql",
        "postgresql+psycopg2",
        "POSTGRESQL+asyncpg",
    ] {
        let url = pg(&format!("{scheme}://bob:pw@db.example.com:5432/alwrity"));
        let expected = "postgres://bob:pw@db.example.com:5432/alwrity?sslmode=prefer";
        assert_eq!(url.driver_url(), expected, "{scheme}");
        assert_eq!(url.sslmode, SslMode::Prefer);
        assert_eq!(
            url.redacted(),
            "postgres://bob:***@db.example.com:5432/alwrity"
        );
    }
    assert_eq!(pg("postgres://").driver_url(), "postgres://?sslmode=prefer");
    assert_eq!(
        pg("postgres:///db?host=/run/pg").redacted(),
        "postgres:///db?host=/run/pg"
    );
}

#[test]
fn postgres_tls_parameters() {
    let url = pg(
        "postgres://u@h/db?sslmode=verify-full&sslrootcert=%2Fcerts%2Fca.pem\
                  &application_name=x&connect_timeout=10",
    );
    assert_eq!(url.sslmode, SslMode::VerifyFull);
    assert_eq!(url.root_cert(), Some(std::path::Path::new("/certs/ca.pem")));
    assert_eq!(url.connect_timeout, Some(Duration::from_secs(10)));
    let driver = "postgres://u@h/db?application_name=x&connect_timeout=10&sslmode=require";
    assert_eq!(url.driver_url(), driver);
    for (mode, driver_mode) in [
        ("disable", "disable"),
        ("prefer", "prefer"),
        ("require", "require"),
        ("verify-ca", "require"),
        ("verify-full", "require"),
    ] {
        let url = pg(&format!("postgres://h/db?sslmode={mode}"));
        assert_eq!(url.sslmode.as_str(), mode);
        assert!(url
            .driver_url()
            .ends_with(&format!("?sslmode={driver_mode}")));
    }
    assert_eq!(
        pg("postgres://h?sslmode=disable&sslmode=require").sslmode,
        SslMode::Require
    );
    assert_eq!(pg("postgres://h?connect_timeout=0").connect_timeout, None);
    assert_eq!(pg("postgres://h?sslrootcert=").sslrootcert, None);
}

#[test]
fn postgres_bad_parameters() {
    for input in [
        "postgres://h?sslmode=allow",
        "postgres://h?sslmode=REQUIRE",
        "postgres://h?connect_timeout=soon",
        "postgres://h?sslrootcert=%zz",
    ] {
        let err = DbUrl::parse(input).unwrap_err();
        assert!(matches!(err, UrlError::BadParam { .. }), "{input}: {err:?}");
    }
}

#[test]
fn redaction() {
    let cases = [
        ("postgres://bob:s3cret@h/db", "postgres://bob:***@h/db"),
        ("postgres://bob@h/db", "postgres://bob@h/db"),
        ("postgres://h/db", "postgres://h/db"),
        ("postgres://bob:@h/db", "postgres://bob:@h/db"),
        ("postgres://bob:p%40ss%2Fw@h/db", "postgres://bob:***@h/db"),
        ("postgres://bob:pa/ss?w:x@h/db", "postgres://bob:***@h/db"),
        (
            "postgres://h/db?password=s3cret&sslmode=require",
            "postgres://h/db?password=***&sslmode=require",
        ),
        (
            "postgres://u:a@h/db?sslpassword=k",
            "postgres://u:***@h/db?sslpassword=***",
        ),
        ("postgres://a/b:s3cret@h/db", "postgres://a/b:***@h/db"),
    ];
    for (input, expected) in cases {
        let url = DbUrl::parse(input).unwrap();
        assert_eq!(url.redacted(), expected, "{input}");
        assert_eq!(url.to_string(), expected);
        assert!(!format!("{url:?}").contains("s3cret"));
    }
}

#[test]
fn stray_at_signs() {
    let err = DbUrl::parse("postgres://bob:p@ss@h/db").unwrap_err();
    assert_eq!(err, UrlError::AmbiguousAt);
    let url = pg("postgres://h/db?application_name=a@b");
    assert_eq!(
        url.driver_url(),
        "postgres://h/db?application_name=a%40b&sslmode=prefer"
    );
    assert_eq!(url.redacted(), "postgres://h/db?application_name=a@b");
    let url = pg("postgres://u:s3cret@h/db?application_name=a@b");
    assert!(!url.redacted().contains("s3cret"), "{}", url.redacted());
}

#[test]
fn unsupported_inputs_are_named_but_never_leak() {
    let err = DbUrl::parse("mysql://root:hunter2@localhost/db").unwrap_err();
    let text = err.to_string();
    assert!(text.contains("`mysql://root:***@localhost/db`"), "{text}");
    assert!(text.contains("sqlite:////absolute/path.db"), "{text}");
    let err = DbUrl::parse("postgres:hunter2@h").unwrap_err().to_string();
    assert!(
        err.contains("`postgres:…`") && !err.contains("hunter2"),
        "{err}"
    );
    assert_eq!(DbUrl::parse("hunter2").unwrap_err(), UrlError::NoScheme);
    assert_eq!(DbUrl::parse("/tmp/x.db").unwrap_err(), UrlError::NoScheme);
    assert_eq!(DbUrl::parse("").unwrap_err(), UrlError::Empty);
    assert_eq!(DbUrl::parse(" \t").unwrap_err(), UrlError::Empty);
    for input in ["postgresql+://h/db", "http://h", "postgres+a-b://h"] {
        assert!(
            matches!(DbUrl::parse(input), Err(UrlError::Unsupported(_))),
            "{input}"
        );
    }
}

#[test]
fn control_characters_are_refused() {
    assert_eq!(
        DbUrl::parse("postgres://u:p\u{7}w@h").unwrap_err(),
        UrlError::ControlChar
    );
    assert_eq!(
        DbUrl::parse("sqlite:///a\nb.db").unwrap_err(),
        UrlError::ControlChar
    );
}
