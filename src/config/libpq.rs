//! libpq's conventions for what a `postgres://` URL leaves out: the `PG*` environment
//! variables, the password file, and libpq's defaults, applied in libpq's order — a value
//! in the URL (its user info, host, port, path, or query parameter) wins over the
//! environment variable, which wins over the default. An empty value counts as unset.
//!
//! | parameter | variable | default |
//! |---|---|---|
//! | host | `PGHOST` (comma list; `/dir` is a socket directory) | the local socket: `/var/run/postgresql`, then `/tmp` |
//! | port | `PGPORT` (comma list) | 5432 |
//! | user | `PGUSER` | the operating-system user name |
//! | password | `PGPASSWORD`, then the password file (`PGPASSFILE`, else `~/.pgpass`) | none |
//! | dbname | `PGDATABASE` | the user name |
//! | sslmode | `PGSSLMODE` | prefer |
//! | sslrootcert | `PGSSLROOTCERT` | none (see `store::postgres::tls`) |
//! | connect_timeout | `PGCONNECT_TIMEOUT` | none (onboardctl then allows 10 s) |
//! | application_name | `PGAPPNAME` | `onboardctl` (libpq's `fallback_application_name`) |
//!
//! Decisions and limits:
//! - Both usual socket directories are tried, in that order, where libpq has one compiled
//!   in (Debian's `/var/run/postgresql`, upstream's `/tmp`); the password file looks up a
//!   connection to either as `localhost`, as libpq does for its default directory.
//! - With several hosts the password file is searched host by host and the first match is
//!   used for all of them (libpq keeps one per host; the driver takes one password).
//! - Not supported: `PGHOSTADDR`, `PGSERVICE`/`pg_service.conf`, `PGOPTIONS`,
//!   `PGSSLCERT`/`PGSSLKEY` (client certificates), `PGREQUIRESSL`, `PGTARGETSESSIONATTRS`
//!   and the other variables; the URL's own parameters of those names still reach the
//!   driver where it knows them.

use std::path::PathBuf;
use std::time::Duration;

use super::pg::{PgUrl, SslMode};
use super::pgpass::{self, PassKey};
use super::url::UrlError;
use crate::domain::Secret;

/// The socket directories tried when no host is given, in order.
pub const DEFAULT_SOCKET_DIRS: [&str; 2] = ["/var/run/postgresql", "/tmp"];
/// The port when none is given.
pub const DEFAULT_PORT: u16 = 5432;
/// `application_name` when neither the URL nor `PGAPPNAME` names one.
pub const FALLBACK_APPLICATION_NAME: &str = "onboardctl";

/// Every `PG*` variable onboardctl reads.
pub const VARS: [&str; 10] = [
    "PGHOST",
    "PGPORT",
    "PGUSER",
    "PGPASSWORD",
    "PGPASSFILE",
    "PGDATABASE",
    "PGSSLMODE",
    "PGSSLROOTCERT",
    "PGCONNECT_TIMEOUT",
    "PGAPPNAME",
];

/// Where a value came from, for `-v` output.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Origin {
    /// The URL.
    Url,
    /// This environment variable.
    Env(&'static str),
    /// This password file.
    File(PathBuf),
    /// libpq's default.
    Default,
}

impl std::fmt::Display for Origin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Origin::Url => f.write_str("the URL"),
            Origin::Env(var) => f.write_str(var),
            Origin::File(path) => write!(f, "`{}`", path.display()),
            Origin::Default => f.write_str("the default"),
        }
    }
}

/// The connection parameters after libpq's rules. `Debug` never shows the password.
#[derive(Clone, PartialEq, Eq)]
pub struct PgParams {
    /// Host names, IP addresses or socket directories (starting with `/`), tried in order.
    pub hosts: Vec<String>,
    /// One port for all hosts, or one per host.
    pub ports: Vec<u16>,
    /// The user.
    pub user: String,
    /// The database.
    pub dbname: String,
    /// The password, if any source had one.
    pub password: Option<Secret>,
    /// `sslmode`.
    pub sslmode: SslMode,
    /// `sslrootcert`.
    pub sslrootcert: Option<PathBuf>,
    /// `connect_timeout`; `None`: no limit was asked for.
    pub connect_timeout: Option<Duration>,
    /// `application_name`.
    pub application_name: String,
    /// The URL's other parameters, for the driver.
    pub params: Vec<(String, String)>,
    /// Where host, port, user, password and database came from.
    pub origins: Origins,
}

/// Where each main parameter came from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origins {
    /// Of `hosts`.
    pub host: Origin,
    /// Of `ports`.
    pub port: Origin,
    /// Of `user`.
    pub user: Origin,
    /// Of `dbname`.
    pub dbname: Origin,
    /// Of `password` (`None`: no password).
    pub password: Option<Origin>,
}

impl std::fmt::Debug for PgParams {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl PgParams {
    /// One line for diagnostics: hosts, ports, user, database and where each came from, and
    /// where the password came from — never the password.
    pub fn describe(&self) -> String {
        let o = &self.origins;
        let ports: Vec<String> = self.ports.iter().map(u16::to_string).collect();
        let password = match &o.password {
            Some(origin) => format!("from {origin}"),
            None => "none".to_owned(),
        };
        format!(
            "host {} (from {}), port {} (from {}), user `{}` (from {}), database `{}` (from \
             {}), password {password}, sslmode {}",
            self.hosts.join(","),
            o.host,
            ports.join(","),
            o.port,
            self.user,
            o.user,
            self.dbname,
            o.dbname,
            self.sslmode.as_str()
        )
    }
}

/// Applies libpq's rules to `url` (see the module docs). Returns the parameters and
/// warnings for stderr (an ignored password file).
pub(super) fn resolve(
    url: &PgUrl,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(PgParams, Vec<String>), UrlError> {
    let var = |name: &str| env(name).filter(|v| !v.is_empty());
    let c = url.components()?;
    let (hosts, host_origin) = match (c.hosts, var("PGHOST")) {
        (hosts, _) if !hosts.is_empty() => (hosts, Origin::Url),
        (_, Some(list)) => (
            list.split(',').map(str::to_owned).collect(),
            Origin::Env("PGHOST"),
        ),
        _ if c.hostaddr => (Vec::new(), Origin::Url),
        _ => (
            DEFAULT_SOCKET_DIRS.map(str::to_owned).to_vec(),
            Origin::Default,
        ),
    };
    // An empty entry of a list is libpq's default host.
    let hosts: Vec<String> = hosts
        .into_iter()
        .map(|h| match h.is_empty() {
            true => DEFAULT_SOCKET_DIRS[0].to_owned(),
            false => h,
        })
        .collect();
    let (ports, port_origin) = match (c.ports, var("PGPORT")) {
        (ports, _) if !ports.is_empty() => (parse_ports(&ports, "port")?, Origin::Url),
        (_, Some(list)) => {
            let list: Vec<String> = list.split(',').map(str::to_owned).collect();
            (parse_ports(&list, "PGPORT")?, Origin::Env("PGPORT"))
        }
        _ => (vec![DEFAULT_PORT], Origin::Default),
    };
    let (user, user_origin) = match (c.user, var("PGUSER")) {
        (Some(u), _) => (u, Origin::Url),
        (None, Some(u)) => (u, Origin::Env("PGUSER")),
        (None, None) => (os_user()?, Origin::Default),
    };
    let (dbname, dbname_origin) = match (c.dbname, var("PGDATABASE")) {
        (Some(d), _) => (d, Origin::Url),
        (None, Some(d)) => (d, Origin::Env("PGDATABASE")),
        (None, None) => (user.clone(), Origin::Default),
    };
    let sslmode = match (c.sslmode, var("PGSSLMODE")) {
        (Some(mode), _) => mode,
        (None, Some(text)) => text.parse().map_err(|_| UrlError::BadParam {
            param: "PGSSLMODE",
            reason: format!(
                "expected disable, prefer, require, verify-ca or verify-full, not `{text}`"
            ),
        })?,
        (None, None) => SslMode::default(),
    };
    let sslrootcert = match c.sslrootcert {
        Some(given) => given,
        None => var("PGSSLROOTCERT").map(PathBuf::from),
    };
    let connect_timeout = match (c.connect_timeout, var("PGCONNECT_TIMEOUT")) {
        (Some(given), _) => given,
        (None, Some(text)) => timeout(&text)?,
        (None, None) => None,
    };
    let application_name = c
        .application_name
        .or_else(|| var("PGAPPNAME"))
        .unwrap_or_else(|| FALLBACK_APPLICATION_NAME.to_owned());
    let mut params = PgParams {
        hosts,
        ports,
        user,
        dbname,
        password: None,
        sslmode,
        sslrootcert,
        connect_timeout,
        application_name,
        params: c.params,
        origins: Origins {
            host: host_origin,
            port: port_origin,
            user: user_origin,
            dbname: dbname_origin,
            password: None,
        },
    };
    let mut warnings = Vec::new();
    let env_password = env("PGPASSWORD").filter(|v| !v.is_empty()).map(Secret::new);
    let (password, origin) = match (c.password, env_password) {
        (Some(p), _) => (Some(p), Some(Origin::Url)),
        (None, Some(p)) => (Some(p), Some(Origin::Env("PGPASSWORD"))),
        (None, None) => match from_password_file(&params, env, &mut warnings) {
            Some((p, path)) => (Some(p), Some(Origin::File(path))),
            None => (None, None),
        },
    };
    params.password = password;
    params.origins.password = origin;
    Ok((params, warnings))
}

/// The first password the password file has for one of the hosts.
fn from_password_file(
    params: &PgParams,
    env: &dyn Fn(&str) -> Option<String>,
    warnings: &mut Vec<String>,
) -> Option<(Secret, PathBuf)> {
    let path = pgpass::path(env)?;
    let text = match pgpass::read(&path) {
        Ok(Some(text)) => text,
        Ok(None) => return None,
        Err(why) => {
            warnings.push(why);
            return None;
        }
    };
    params.hosts.iter().enumerate().find_map(|(i, host)| {
        let port = params.ports.get(i).or(params.ports.first()).copied();
        let port = port.unwrap_or(DEFAULT_PORT).to_string();
        let host = match DEFAULT_SOCKET_DIRS.contains(&host.as_str()) {
            true => "localhost",
            false => host.as_str(),
        };
        let key = PassKey {
            host,
            port: &port,
            dbname: &params.dbname,
            user: &params.user,
        };
        pgpass::find(&text, &key).map(|p| (p, path.clone()))
    })
}

/// Ports as numbers; an empty entry is the default port.
fn parse_ports(list: &[String], param: &'static str) -> Result<Vec<u16>, UrlError> {
    list.iter()
        .map(|p| match p.trim() {
            "" => Ok(DEFAULT_PORT),
            text => text.parse().map_err(|_| UrlError::BadParam {
                param,
                reason: format!("expected a port number, not `{text}`"),
            }),
        })
        .collect()
}

fn timeout(text: &str) -> Result<Option<Duration>, UrlError> {
    let secs: i64 = text.trim().parse().map_err(|_| UrlError::BadParam {
        param: "PGCONNECT_TIMEOUT",
        reason: format!("expected a whole number of seconds, not `{text}`"),
    })?;
    Ok(u64::try_from(secs)
        .ok()
        .filter(|s| *s > 0)
        .map(Duration::from_secs))
}

/// The operating-system user name, libpq's default user.
fn os_user() -> Result<String, UrlError> {
    whoami::username().map_err(|e| UrlError::BadParam {
        param: "user",
        reason: format!("no user named and the system user name is unknown ({e}); set PGUSER"),
    })
}

#[cfg(test)]
mod tests;
