//! Opening the connection: the driver configuration from a [`PgUrl`], the TLS connector for
//! its `sslmode`, and a deadline over the whole attempt.
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
use super::schema::DATA_LOCK_TIMEOUT;
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
    config.options(&session_options(config.get_options()));
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

/// The URL's own `options` plus our session settings, which travel in the startup packet and
/// so cost no statement: data statements wait at most [`DATA_LOCK_TIMEOUT`] for a lock, and
/// the session time zone is UTC (an adopted database keeps ALwrity's naive `timestamp`
/// columns, into which our UTC instants are cast through it).
fn session_options(given: Option<&str>) -> String {
    let ours = format!(
        "-c lock_timeout={}ms -c TimeZone=UTC",
        DATA_LOCK_TIMEOUT.as_millis()
    );
    match given.map(str::trim).filter(|o| !o.is_empty()) {
        Some(given) => format!("{given} {ours}"),
        None => ours,
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
