//! libpq's precedence, one parameter at a time: the URL wins over the variable, the variable
//! over the default; empty counts as unset; the password file is read by libpq's rules.

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::Duration;

use super::*;
use crate::config::DbUrl;

fn pg(input: &str) -> PgUrl {
    match DbUrl::parse(input) {
        Ok(DbUrl::Postgres(p)) => p,
        other => panic!("{input}: {other:?}"),
    }
}

fn resolve_with(input: &str, vars: &[(&str, &str)]) -> (PgParams, Vec<String>) {
    let vars: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    let env = move |name: &str| vars.get(name).cloned();
    let mut url = pg(input);
    let warnings = url.resolve(&env).expect("resolves");
    (url.params().expect("resolved").clone(), warnings)
}

fn params(input: &str, vars: &[(&str, &str)]) -> PgParams {
    resolve_with(input, vars).0
}

const ALL: [(&str, &str); 9] = [
    ("PGHOST", "envhost"),
    ("PGPORT", "6543"),
    ("PGUSER", "envuser"),
    ("PGPASSWORD", "envpassword"),
    ("PGDATABASE", "envdb"),
    ("PGSSLMODE", "require"),
    ("PGSSLROOTCERT", "/env/ca.pem"),
    ("PGCONNECT_TIMEOUT", "7"),
    ("PGAPPNAME", "envapp"),
];

#[test]
fn the_url_wins_over_every_variable() {
    let p = params(
        "postgres://u:urlpassword@h:5433/db?sslmode=disable&sslrootcert=/u/ca.pem\
         &connect_timeout=3&application_name=urlapp",
        &ALL,
    );
    assert_eq!(p.hosts, ["h"]);
    assert_eq!(p.ports, [5433]);
    assert_eq!(p.user, "u");
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("urlpassword"));
    assert_eq!(p.dbname, "db");
    assert_eq!(p.sslmode, SslMode::Disable);
    assert_eq!(p.sslrootcert, Some(PathBuf::from("/u/ca.pem")));
    assert_eq!(p.connect_timeout, Some(Duration::from_secs(3)));
    assert_eq!(p.application_name, "urlapp");
    assert_eq!(p.origins.host, Origin::Url);
    assert_eq!(p.origins.password, Some(Origin::Url));
    // Query parameters count as the URL too.
    let p = params(
        "postgres:///?host=qh&port=5434&user=qu&password=qp&dbname=qd",
        &ALL,
    );
    assert_eq!((p.hosts[0].as_str(), p.ports[0]), ("qh", 5434));
    assert_eq!((p.user.as_str(), p.dbname.as_str()), ("qu", "qd"));
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("qp"));
}

#[test]
fn variables_fill_what_the_url_leaves_out() {
    let p = params("postgres://", &ALL);
    assert_eq!(p.hosts, ["envhost"]);
    assert_eq!(p.ports, [6543]);
    assert_eq!(p.user, "envuser");
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("envpassword"));
    assert_eq!(p.dbname, "envdb");
    assert_eq!(p.sslmode, SslMode::Require);
    assert_eq!(p.sslrootcert, Some(PathBuf::from("/env/ca.pem")));
    assert_eq!(p.connect_timeout, Some(Duration::from_secs(7)));
    assert_eq!(p.application_name, "envapp");
    assert_eq!(p.origins.port, Origin::Env("PGPORT"));
    assert_eq!(p.origins.password, Some(Origin::Env("PGPASSWORD")));
    // A host without a port takes PGPORT; lists go host by host.
    let p = params("postgres://h/db", &[("PGPORT", "6000")]);
    assert_eq!(p.ports, [6000]);
    let p = params(
        "postgres:///db",
        &[("PGHOST", "a,/sock"), ("PGPORT", "1,2")],
    );
    assert_eq!(p.hosts, ["a", "/sock"]);
    assert_eq!(p.ports, [1, 2]);
    // An empty user in the URL is no user: PGUSER applies.
    let p = params("postgres://@h/db", &[("PGUSER", "envuser")]);
    assert_eq!(p.user, "envuser");
}

#[test]
fn defaults_are_libpqs() {
    let p = params("postgres:///", &[]);
    assert_eq!(p.hosts, DEFAULT_SOCKET_DIRS);
    assert_eq!(p.ports, [DEFAULT_PORT]);
    assert_eq!(p.user, whoami::username().unwrap());
    assert_eq!(p.dbname, p.user, "the database defaults to the user name");
    assert_eq!(p.password, None);
    assert_eq!(p.sslmode, SslMode::Prefer);
    assert_eq!(p.connect_timeout, None);
    assert_eq!(p.application_name, FALLBACK_APPLICATION_NAME);
    assert_eq!(p.origins.host, Origin::Default);
    // The database defaults to the user, wherever the user came from.
    let p = params("postgres://h", &[("PGUSER", "alice")]);
    assert_eq!(p.dbname, "alice");
    // `postgres:///db` is the local socket.
    let p = params("postgres:///test", &[]);
    assert_eq!(
        (p.hosts.as_slice(), p.dbname.as_str()),
        (&DEFAULT_SOCKET_DIRS.map(String::from)[..], "test")
    );
    // Empty variables count as unset.
    let empty: Vec<(&str, &str)> = ALL.iter().map(|(k, _)| (*k, "")).collect();
    assert_eq!(params("postgres:///", &empty), params("postgres:///", &[]));
}

#[test]
fn bad_variables_are_errors_naming_them() {
    for (var, value) in [
        ("PGPORT", "fifty"),
        ("PGSSLMODE", "allow"),
        ("PGCONNECT_TIMEOUT", "soon"),
    ] {
        let env = |name: &str| (name == var).then(|| value.to_owned());
        let err = pg("postgres://h/db").resolve(&env).unwrap_err();
        assert!(err.to_string().contains(var), "{err}");
    }
}

/// A password file with mode 0600 in a temp dir, and `PGPASSFILE` naming it.
fn pgpass(text: &str) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("pgpass");
    std::fs::write(&file, text).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let path = file.display().to_string();
    (dir, path)
}

#[test]
fn the_password_file_fills_a_missing_password() {
    let (_dir, file) = pgpass(
        "db.example:5432:app:alice:exact\n\
         localhost:5432:app:alice:local\n\
         *:*:*:*:any\n",
    );
    let vars = |extra: &[(&'static str, &'static str)]| {
        let mut v = vec![("PGPASSFILE", file.as_str())];
        v.extend_from_slice(extra);
        v
    };
    let p = params("postgres://alice@db.example/app", &vars(&[]));
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("exact"));
    assert_eq!(p.origins.password, Some(Origin::File(PathBuf::from(&file))));
    // The default socket directory is looked up as `localhost`.
    let p = params("postgres://alice@/app", &vars(&[]));
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("local"));
    // Lookups use the resolved user, port and database (PGUSER here).
    let p = params("postgres://db.example/app", &vars(&[("PGUSER", "alice")]));
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("exact"));
    let p = params("postgres://alice@db.example:6000/app", &vars(&[]));
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("any"));
    // PGPASSWORD and the URL win over the file.
    let p = params(
        "postgres://alice@db.example/app",
        &vars(&[("PGPASSWORD", "env")]),
    );
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("env"));
    let p = params("postgres://alice:url@db.example/app", &vars(&[]));
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("url"));
}

#[test]
fn home_pgpass_is_the_default_file() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join(".pgpass");
    std::fs::write(&file, "*:*:*:*:fromhome\n").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o600)).unwrap();
    }
    let home = dir.path().display().to_string();
    let p = params("postgres://u@h/db", &[("HOME", &home)]);
    assert_eq!(p.password.as_ref().map(|s| s.expose()), Some("fromhome"));
}

#[cfg(unix)]
#[test]
fn a_group_readable_password_file_is_ignored_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let (_dir, file) = pgpass("*:*:*:*:secretpw\n");
    std::fs::set_permissions(&file, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (p, warnings) = resolve_with("postgres://u@h/db", &[("PGPASSFILE", &file)]);
    assert_eq!(p.password, None);
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].contains("group or world access"),
        "{warnings:?}"
    );
    assert!(!warnings[0].contains("secretpw"));
}

#[test]
fn no_password_in_debug_or_describe() {
    let p = params("postgres://u:s3cretpw@h/db", &[]);
    assert!(!format!("{p:?}").contains("s3cretpw"));
    assert!(!p.describe().contains("s3cretpw"));
    assert!(
        p.describe().contains("password from the URL"),
        "{}",
        p.describe()
    );
    let p = params("postgres://u@h/db", &[("PGPASSWORD", "s3cretpw")]);
    assert!(!p.describe().contains("s3cretpw"));
    assert!(
        p.describe().contains("password from PGPASSWORD"),
        "{}",
        p.describe()
    );
}
