//! Opening the connection: the driver configuration from a [`PgUrl`], the TLS connector for
//! its `sslmode`, and a deadline over the whole attempt.
//!
//! The startup packet carries only `user`, `database`, `client_encoding=UTF8` (the driver's)
//! and `application_name` (`onboardctl` unless the URL names one) — what a transaction-mode
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
use crate::config::PgUrl;
use crate::store::{StoreError, StoreResult};

/// Connects to `url`; every failure is [`StoreError::Unavailable`] naming the redacted URL.
pub(crate) fn open(url: &PgUrl) -> StoreResult<Client> {
    tls::install_provider();
    let location = url.redacted();
    let unavailable =
        |why: String| StoreError::Unavailable(format!("cannot connect to `{location}`: {why}"));
    let mut config: Config = url
        .driver_url()
        .parse()
        .map_err(|e| unavailable(reason(&e)))?;
    let limit = *config
        .get_connect_timeout()
        .unwrap_or(&DEFAULT_CONNECT_TIMEOUT);
    config.connect_timeout(limit);
    if config.get_application_name().is_none() {
        config.application_name("onboardctl");
    }
    let tls = tls::connector(url.sslmode, url.root_cert()).map_err(unavailable)?;
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
