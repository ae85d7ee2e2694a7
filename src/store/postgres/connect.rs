//! Opening the connection: the driver configuration from a [`PgUrl`] resolved by libpq's
//! rules (`crate::config::PgParams`: the URL, then `PG*` variables and the password file,
//! then defaults), the TLS connector for its `sslmode`, and a deadline over the whole
//! attempt.
//!
//! The startup packet carries only `user`, `database`, `client_encoding=UTF8` (the driver's)
//! and `application_name` (`onboardctl` unless the URL or `PGAPPNAME` names one) — what a transaction-mode
//! pooler accepts with its default settings. PgBouncer refuses every other parameter
//! (`unsupported startup parameter: options`) unless its `ignore_startup_parameters` lists
//! it; of the settings a session could need it tracks only `client_encoding`, `DateStyle`,
//! `TimeZone`, `standard_conforming_strings` and `application_name`. So onboardctl sends no
//! session setting at all: `lock_timeout` travels as `SET LOCAL` inside each transaction it
//! opens (`txn`, `schema`), and nothing depends on `TimeZone` (`convert`). An `options`
//! parameter in the URL is still passed on (a direct connection accepts it).
//!
//! tokio-postgres applies `connect_timeout` to the TCP connect only; a server (or proxy) that
//! accepts and then never answers the startup would hang us forever. As in libpq, the limit
//! here covers everything up to a usable session (TCP, TLS, authentication): the attempt
//! runs on a helper thread and is abandoned when the deadline passes (the thread ends when
//! the socket does, or with the process).

use std::sync::mpsc::{self, RecvTimeoutError};
use std::thread;
use std::time::Duration;

use postgres::{Client, Config, NoTls};

use super::error::{classify, reason};
use super::tls;
use super::DEFAULT_CONNECT_TIMEOUT;
use crate::config::{PgParams, PgUrl, SslMode};
use crate::domain::Secret;
use crate::store::{StoreError, StoreResult};

/// Connects to `url`; every failure is [`StoreError::Unavailable`] naming the redacted URL
/// and the host, port, user and database it resolved to (never the password). When the
/// caller has not resolved libpq's environment ([`PgUrl::resolve`]), it is resolved here
/// from the process environment.
pub(crate) fn open(url: &PgUrl) -> StoreResult<Client> {
    tls::install_provider();
    let location = url.redacted();
    let mut owned;
    let params = match url.params() {
        Some(params) => params,
        None => {
            owned = url.clone();
            owned
                .resolve(&crate::config::process_env)
                .map_err(|e| StoreError::Unavailable(format!("`{location}`: {e}")))?;
            owned.params().expect("resolved just now")
        }
    };
    let target = target(params);
    let password = params.password.clone();
    let unavailable = |why: String| {
        let why = scrub(why, password.as_ref());
        StoreError::Unavailable(format!("cannot connect to `{location}` ({target}): {why}"))
    };
    let mut config = driver_config(params).map_err(|e| unavailable(reason(&e)))?;
    let limit = params.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT);
    config.connect_timeout(limit);
    let tls = tls::connector(params.sslmode, params.sslrootcert.as_deref()).map_err(unavailable)?;
    // tokio-postgres tries each host in turn, each within the limit.
    let hosts = config
        .get_hosts()
        .len()
        .max(config.get_hostaddrs().len())
        .max(1);
    let deadline = limit.saturating_mul(u32::try_from(hosts).unwrap_or(u32::MAX));
    within(deadline, move || match tls {
        Some(tls) => config.connect(tls),
        None => config.connect(NoTls),
    })
    .map_err(unavailable)
}

/// The driver's configuration: the URL's other parameters as a key/value connection string
/// (tokio-postgres checks them as it would in the URL), then the resolved ones set directly.
fn driver_config(params: &PgParams) -> Result<Config, postgres::Error> {
    let quoted = |v: &str| format!("'{}'", v.replace('\\', "\\\\").replace('\'', "\\'"));
    let rest: Vec<String> = params
        .params
        .iter()
        .map(|(k, v)| format!("{k}={}", quoted(v)))
        .collect();
    let mut config: Config = rest.join(" ").parse()?;
    for host in &params.hosts {
        config.host(host);
    }
    for port in &params.ports {
        config.port(*port);
    }
    config
        .user(&params.user)
        .dbname(&params.dbname)
        .application_name(&params.application_name)
        .ssl_mode(driver_ssl_mode(params.sslmode));
    if let Some(password) = &params.password {
        config.password(password.expose());
    }
    Ok(config)
}

/// tokio-postgres knows only disable, prefer and require ([`SslMode::driver_mode`]).
fn driver_ssl_mode(mode: SslMode) -> postgres::config::SslMode {
    match mode.driver_mode() {
        SslMode::Disable => postgres::config::SslMode::Disable,
        SslMode::Prefer => postgres::config::SslMode::Prefer,
        _ => postgres::config::SslMode::Require,
    }
}

/// `user `u` at h1:5432,h2:5432, database `d``, for error messages.
fn target(params: &PgParams) -> String {
    let at: Vec<String> = params
        .hosts
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let port = params.ports.get(i).or(params.ports.first());
            format!("{h}:{}", port.copied().unwrap_or(5432))
        })
        .collect();
    format!(
        "user `{}` at {}, database `{}`",
        params.user,
        at.join(","),
        params.dbname
    )
}

/// `message` with every occurrence of the password (wherever it came from: the URL,
/// `PGPASSWORD` or the password file) replaced by `***`. Passwords shorter than 4
/// characters are left alone: masking every `a` would garble the message and protect little.
fn scrub(message: String, password: Option<&Secret>) -> String {
    match password.map(Secret::expose) {
        Some(p) if p.chars().count() >= 4 => message.replace(p, crate::config::MASK),
        _ => message,
    }
}

/// Runs `attempt` on a helper thread and waits at most `deadline` for it.
fn within(
    deadline: Duration,
    attempt: impl FnOnce() -> Result<Client, postgres::Error> + Send + 'static,
) -> Result<Client, String> {
    let (tx, rx) = mpsc::channel();
    thread::Builder::new()
        .name("onboardctl-pg-connect".to_owned())
        .spawn(move || {
            let _ = tx.send(attempt());
        })
        .map_err(|e| format!("cannot start the connection thread: {e}"))?;
    match rx.recv_timeout(deadline) {
        Ok(Ok(client)) => Ok(client),
        Ok(Err(e)) => Err(match classify(&e) {
            StoreError::Conflict(m) | StoreError::Unavailable(m) | StoreError::Backend(m) => m,
            other => other.to_string(),
        }),
        Err(RecvTimeoutError::Timeout) => Err(format!(
            "timed out after {}s establishing a session",
            deadline.as_secs_f64()
        )),
        Err(RecvTimeoutError::Disconnected) => Err("the connection attempt failed".to_owned()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::DbUrl;

    fn resolved(input: &str, vars: &'static [(&'static str, &'static str)]) -> PgUrl {
        let DbUrl::Postgres(mut url) = DbUrl::parse(input).unwrap() else {
            panic!("{input}")
        };
        let env = |name: &str| {
            vars.iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| (*v).to_owned())
        };
        url.resolve(&env).unwrap();
        url
    }

    #[test]
    fn the_driver_gets_the_resolved_parameters() {
        let url = resolved(
            "postgres:///app?options=-cx%3D1",
            &[
                ("PGUSER", "alice"),
                ("PGPASSWORD", "from-env-pw"),
                ("PGPORT", "6000"),
            ],
        );
        let config = driver_config(url.params().unwrap()).unwrap();
        assert_eq!(config.get_user(), Some("alice"));
        assert_eq!(config.get_password(), Some(&b"from-env-pw"[..]));
        assert_eq!(config.get_dbname(), Some("app"));
        assert_eq!(config.get_ports(), [6000]);
        assert_eq!(config.get_options(), Some("-cx=1"));
        assert_eq!(config.get_application_name(), Some("onboardctl"));
        #[cfg(unix)]
        assert!(matches!(
            config.get_hosts()[0],
            postgres::config::Host::Unix(ref p) if p.as_os_str() == "/var/run/postgresql"
        ));
    }

    #[test]
    fn messages_never_carry_the_password() {
        let secret = Secret::new("pw-from-pgpass".to_owned());
        let out = scrub("auth for pw-from-pgpass failed".to_owned(), Some(&secret));
        assert_eq!(out, "auth for *** failed");
        let short = Secret::new("ab".to_owned());
        assert_eq!(scrub("abc".to_owned(), Some(&short)), "abc");
    }
}
