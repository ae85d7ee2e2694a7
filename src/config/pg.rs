//! PostgreSQL URLs: the part the driver gets, and the TLS and timeout parameters onboardctl
//! handles itself (`sslmode`, `sslrootcert`, `connect_timeout`). tokio-postgres knows only the
//! `sslmode` values disable, prefer and require and rejects `sslrootcert`, so those two are
//! taken out of its connection string and the verifying modes are mapped to `require`; the
//! TLS connector (wired separately) does the verification.
//!
//! The user info ends at the first `@`, as in tokio-postgres and SQLAlchemy; another `@` before
//! the host is an error asking for `%40`. The last occurrence of a parameter wins.

use std::fmt;
use std::path::{Path, PathBuf};
use std::str::FromStr;
use std::time::Duration;

use super::redact::{redact, redact_query, redact_userinfo};
use super::url::UrlError;
use crate::domain::Secret;

/// libpq's `sslmode`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SslMode {
    /// No TLS.
    Disable,
    /// TLS when the server offers it (libpq's default).
    #[default]
    Prefer,
    /// TLS, certificate not verified.
    Require,
    /// TLS, certificate chain verified.
    VerifyCa,
    /// TLS, certificate chain and host name verified.
    VerifyFull,
}

impl SslMode {
    /// The libpq spelling.
    pub fn as_str(self) -> &'static str {
        match self {
            SslMode::Disable => "disable",
            SslMode::Prefer => "prefer",
            SslMode::Require => "require",
            SslMode::VerifyCa => "verify-ca",
            SslMode::VerifyFull => "verify-full",
        }
    }

    /// What tokio-postgres is told: it knows only disable, prefer and require, so the
    /// verifying modes become `require` and the verification is the TLS connector's job.
    pub fn driver_mode(self) -> SslMode {
        match self {
            SslMode::VerifyCa | SslMode::VerifyFull => SslMode::Require,
            other => other,
        }
    }
}

impl FromStr for SslMode {
    type Err = UrlError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let all = [
            SslMode::Disable,
            SslMode::Prefer,
            SslMode::Require,
            SslMode::VerifyCa,
            SslMode::VerifyFull,
        ];
        all.into_iter()
            .find(|m| m.as_str() == s)
            .ok_or_else(|| UrlError::BadParam {
                param: "sslmode",
                reason: format!(
                    "expected disable, prefer, require, verify-ca or verify-full, not `{s}`"
                ),
            })
    }
}

/// A PostgreSQL URL, split into what the driver gets and what onboardctl handles itself.
/// `Debug` shows the redacted URL.
#[derive(Clone, PartialEq, Eq)]
pub struct PgUrl {
    /// `sslmode`, default `prefer`.
    pub sslmode: SslMode,
    /// `sslrootcert`, percent-decoded; `None` when absent or empty.
    pub sslrootcert: Option<PathBuf>,
    /// `connect_timeout` in seconds; `None` when absent, zero or negative (libpq: no limit).
    pub connect_timeout: Option<Duration>,
    /// Which of the three fields above the URL itself set (the environment fills the rest).
    given: Given,
    /// What `PGHOST`, `PGUSER`, `~/.pgpass`, … fill in ([`PgUrl::resolve`]), once resolved.
    resolved: Option<Box<super::libpq::PgParams>>,
    userinfo: Option<String>,
    host_path: String,
    query: Option<String>,
    driver: String,
}

impl PgUrl {
    /// Parses what follows `scheme://`.
    pub(super) fn parse(rest: &str) -> Result<PgUrl, UrlError> {
        let (userinfo, after) = split_userinfo(rest);
        let authority_end = after.find(['/', '?']).unwrap_or(after.len());
        if userinfo.is_some() && after[..authority_end].contains('@') {
            return Err(UrlError::AmbiguousAt);
        }
        let (host_path, query) = match after.split_once('?') {
            Some((h, q)) => (h, Some(q)),
            None => (after, None),
        };
        let mut url = PgUrl {
            sslmode: SslMode::default(),
            sslrootcert: None,
            connect_timeout: None,
            given: Given::default(),
            resolved: None,
            userinfo: userinfo.map(str::to_owned),
            host_path: host_path.to_owned(),
            query: query.map(str::to_owned),
            driver: String::new(),
        };
        let kept = url.take_params(query.unwrap_or(""))?;
        url.driver = url.build_driver(&kept);
        Ok(url)
    }

    /// Reads onboardctl's parameters; returns the segments the driver gets unchanged.
    fn take_params<'q>(&mut self, query: &'q str) -> Result<Vec<&'q str>, UrlError> {
        let mut kept = Vec::new();
        for segment in query.split('&').filter(|s| !s.is_empty()) {
            let (key, value) = segment.split_once('=').unwrap_or((segment, ""));
            match key {
                "sslmode" => {
                    self.sslmode = decode("sslmode", value)?.parse()?;
                    self.given.sslmode = true;
                }
                "sslrootcert" => {
                    let path = decode("sslrootcert", value)?;
                    self.sslrootcert = (!path.is_empty()).then(|| PathBuf::from(path));
                    self.given.sslrootcert = true;
                }
                "connect_timeout" => {
                    self.connect_timeout = parse_timeout(value)?;
                    self.given.connect_timeout = true;
                    kept.push(segment);
                }
                _ => kept.push(segment),
            }
        }
        Ok(kept)
    }

    /// `postgres://…` with `sslrootcert` removed and `sslmode` mapped (see
    /// [`SslMode::driver_mode`]); a stray `@` after the host is encoded as `%40`, which
    /// tokio-postgres would otherwise take for the end of the user info.
    fn build_driver(&self, kept: &[&str]) -> String {
        let mut url = String::from("postgres://");
        if let Some(userinfo) = &self.userinfo {
            url.push_str(userinfo);
            url.push('@');
        }
        url.push_str(&self.host_path.replace('@', "%40"));
        url.push('?');
        for segment in kept {
            url.push_str(&segment.replace('@', "%40"));
            url.push('&');
        }
        url.push_str("sslmode=");
        url.push_str(self.sslmode.driver_mode().as_str());
        url
    }

    /// The URL alone as a tokio-postgres connection string, without what libpq's
    /// environment fills in (holds the password: never print it). Connecting uses
    /// [`PgUrl::resolve`] instead.
    pub fn driver_url(&self) -> &str {
        &self.driver
    }

    /// Fills what the URL leaves out from libpq's environment variables and password file,
    /// as libpq does (see `config::libpq`); the result is kept, so a second call returns it
    /// without reading anything again. The strings returned are warnings for stderr (a
    /// password file ignored, and why); they never hold a password.
    pub fn resolve(
        &mut self,
        env: &dyn Fn(&str) -> Option<String>,
    ) -> Result<Vec<String>, UrlError> {
        if self.resolved.is_some() {
            return Ok(Vec::new());
        }
        let (params, warnings) = super::libpq::resolve(self, env)?;
        self.resolved = Some(Box::new(params));
        Ok(warnings)
    }

    /// The parameters [`PgUrl::resolve`] settled on, once it has run.
    pub fn params(&self) -> Option<&super::libpq::PgParams> {
        self.resolved.as_deref()
    }

    /// What the URL itself says, decoded, for [`super::libpq::resolve`].
    pub(super) fn components(&self) -> Result<Components, UrlError> {
        let mut c = Components {
            sslmode: self.given.sslmode.then_some(self.sslmode),
            sslrootcert: self.given.sslrootcert.then(|| self.sslrootcert.clone()),
            connect_timeout: self.given.connect_timeout.then_some(self.connect_timeout),
            ..Components::default()
        };
        if let Some(info) = &self.userinfo {
            let (user, password) = match info.split_once(':') {
                Some((u, p)) => (u, Some(p)),
                None => (info.as_str(), None),
            };
            c.user = non_empty(decode("user", user)?);
            if let Some(p) = password {
                c.password = non_empty(decode("password", p)?).map(Secret::new);
            }
        }
        let (authority, path) = match self.host_path.split_once('/') {
            Some((a, p)) => (a, Some(p)),
            None => (self.host_path.as_str(), None),
        };
        if let Some(path) = path {
            c.dbname = non_empty(decode("dbname", path)?);
        }
        split_hosts(authority, &mut c.hosts, &mut c.ports)?;
        for segment in self.query.as_deref().unwrap_or("").split('&') {
            let (key, value) = segment.split_once('=').unwrap_or((segment, ""));
            let value = || decode("query", value);
            match key {
                "" | "sslmode" | "sslrootcert" | "connect_timeout" => {}
                "host" => c.hosts = value()?.split(',').map(str::to_owned).collect(),
                "port" => c.ports = value()?.split(',').map(str::to_owned).collect(),
                "user" => c.user = non_empty(value()?),
                "password" => c.password = non_empty(value()?).map(Secret::new),
                "dbname" => c.dbname = non_empty(value()?),
                "application_name" => c.application_name = Some(value()?),
                "hostaddr" => {
                    c.hostaddr = true;
                    c.params.push((key.to_owned(), value()?));
                }
                _ => c.params.push((key.to_owned(), value()?)),
            }
        }
        if c.hosts.iter().all(String::is_empty) {
            c.hosts.clear();
        }
        if c.ports.iter().all(String::is_empty) {
            c.ports.clear();
        }
        Ok(c)
    }

    /// The CA certificate file, if `sslrootcert` named one.
    pub fn root_cert(&self) -> Option<&Path> {
        self.sslrootcert.as_deref()
    }

    /// The URL as given (scheme normalised to `postgres://`), every password replaced by
    /// `***`.
    pub fn redacted(&self) -> String {
        let query = self
            .query
            .as_deref()
            .map(|q| format!("?{}", redact_query(q)));
        let query = query.unwrap_or_default();
        match &self.userinfo {
            Some(info) if !self.host_path.contains('@') && !query.contains('@') => {
                format!(
                    "postgres://{}@{}{query}",
                    redact_userinfo(info),
                    self.host_path
                )
            }
            None if !self.host_path.contains('@') && !query.contains('@') => {
                format!("postgres://{}{query}", self.host_path)
            }
            // A stray `@` makes the user info ambiguous: mask generously.
            _ => redact(&self.original()),
        }
    }

    fn original(&self) -> String {
        let info = self.userinfo.as_deref().map(|u| format!("{u}@"));
        let query = self.query.as_deref().map(|q| format!("?{q}"));
        let (info, query) = (info.unwrap_or_default(), query.unwrap_or_default());
        format!("postgres://{info}{}{query}", self.host_path)
    }
}

impl fmt::Debug for PgUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "PgUrl({})", self.redacted())
    }
}

/// Which TLS and timeout parameters the URL set itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
struct Given {
    sslmode: bool,
    sslrootcert: bool,
    connect_timeout: bool,
}

/// The URL's own connection parameters, decoded; `None` or empty where it says nothing (an
/// empty value counts as unset, as in libpq).
#[derive(Debug, Default)]
pub(super) struct Components {
    pub user: Option<String>,
    pub password: Option<Secret>,
    pub hosts: Vec<String>,
    /// One per host, `""` where a host has none; empty when no host names a port.
    pub ports: Vec<String>,
    pub dbname: Option<String>,
    pub application_name: Option<String>,
    pub sslmode: Option<SslMode>,
    pub sslrootcert: Option<Option<PathBuf>>,
    pub connect_timeout: Option<Option<Duration>>,
    /// A `hostaddr` parameter was given (then no default host is added).
    pub hostaddr: bool,
    /// Every other parameter, decoded, for the driver.
    pub params: Vec<(String, String)>,
}

fn non_empty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// `h1:5432,[::1]:5433,h3` into hosts and ports (`""` for a host without one).
fn split_hosts(
    authority: &str,
    hosts: &mut Vec<String>,
    ports: &mut Vec<String>,
) -> Result<(), UrlError> {
    if authority.is_empty() {
        return Ok(());
    }
    let bad = || UrlError::BadParam {
        param: "host",
        reason: "expected `host`, `host:port` or `[ipv6]:port`".to_owned(),
    };
    for chunk in authority.split(',') {
        let (host, port) = match chunk.strip_prefix('[') {
            Some(rest) => {
                let (host, after) = rest.split_once(']').ok_or_else(bad)?;
                match after {
                    "" => (host, ""),
                    _ => (host, after.strip_prefix(':').ok_or_else(bad)?),
                }
            }
            None => chunk.split_once(':').unwrap_or((chunk, "")),
        };
        hosts.push(decode("host", host)?);
        ports.push(decode("port", port)?);
    }
    Ok(())
}

/// Splits user info off as SQLAlchemy does: it ends at the first `@`, and the user name
/// (before any `:`) holds no `/` or `?`; otherwise there is none.
fn split_userinfo(rest: &str) -> (Option<&str>, &str) {
    if let Some((info, after)) = rest.split_once('@') {
        let user = info.split(':').next().unwrap_or("");
        if !user.contains(['/', '?']) {
            return (Some(info), after);
        }
    }
    (None, rest)
}

fn parse_timeout(value: &str) -> Result<Option<Duration>, UrlError> {
    let text = decode("connect_timeout", value)?;
    let secs: i64 = text.trim().parse().map_err(|_| UrlError::BadParam {
        param: "connect_timeout",
        reason: format!("expected a whole number of seconds, not `{text}`"),
    })?;
    Ok(u64::try_from(secs)
        .ok()
        .filter(|s| *s > 0)
        .map(Duration::from_secs))
}

/// Percent-decodes a query value (libpq decodes them too).
fn decode(param: &'static str, value: &str) -> Result<String, UrlError> {
    let bad = || UrlError::BadParam {
        param,
        reason: "invalid percent-encoding".to_owned(),
    };
    let bytes = value.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = bytes.get(i + 1..i + 3).ok_or_else(bad)?;
            let digit = |b: u8| (b as char).to_digit(16).ok_or_else(bad);
            out.push((digit(hex[0])? * 16 + digit(hex[1])?) as u8);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}
