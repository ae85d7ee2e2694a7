//! Connecting and settings: database URL parsing (every accepted form of docs/RULES.md
//! "Connecting", in `url` and `pg`), the precedence of flag and env vars, the XDG default path,
//! libpq's `PG*` variables and password file (`libpq`, `pgpass`), redaction, loading `./.env` (in `dotenv`, as python-dotenv reads it), and the few settings
//! read from the environment.
//!
//! Everything that reads the environment takes an `env` closure (use [`process_env`] in the
//! program) so tests never touch the process environment.

mod dotenv;
mod libpq;
mod pg;
mod pgpass;
mod redact;
mod url;

use std::fmt;
use std::path::{Path, PathBuf};

use crate::domain::providers;
use crate::domain::seal::MasterKey;
use crate::domain::{ParseError, ProviderName};

pub use self::dotenv::{
    is_read, load_dotenv, load_dotenv_file, read_dotenv, Dotenv, DotenvError, LoadReport, VARS_READ,
};
pub use self::libpq::{Origin, Origins, PgParams, DEFAULT_SOCKET_DIRS, VARS as LIBPQ_VARS};
pub use self::pg::{PgUrl, SslMode};
pub use self::redact::{redact, MASK};
pub use self::url::{DbUrl, UrlError, ACCEPTED_FORMS};

/// onboardctl's own database URL variable; wins over [`DATABASE_URL`].
pub const ONBOARDCTL_DATABASE_URL: &str = "ONBOARDCTL_DATABASE_URL";
/// ALwrity's database URL variable.
pub const DATABASE_URL: &str = "DATABASE_URL";
/// ALwrity HEAD's root directory variable; its `workspace/` folder is a store.
pub const ALWRITY_ROOT_DIR: &str = "ALWRITY_ROOT_DIR";

/// Reads a variable from the process environment, else from the loaded `.env` (see
/// [`load_dotenv`]); `None` when unset in both or not UTF-8.
pub fn process_env(name: &str) -> Option<String> {
    std::env::var(name).ok().or_else(|| dotenv::overlay(name))
}

/// Where the database URL came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum UrlSource {
    /// `--database-url`.
    Flag,
    /// `ONBOARDCTL_DATABASE_URL`.
    OnboardctlEnv,
    /// `DATABASE_URL`.
    DatabaseUrlEnv,
    /// `ALWRITY_ROOT_DIR`: ALwrity HEAD's root, whose `workspace/` is the store.
    AlwrityRootDir,
    /// The embedded SQLite default, created and migrated on first use.
    Default,
}

impl UrlSource {
    /// The flag or variable name, or `default`.
    pub fn as_str(self) -> &'static str {
        match self {
            UrlSource::Flag => "--database-url",
            UrlSource::OnboardctlEnv => ONBOARDCTL_DATABASE_URL,
            UrlSource::DatabaseUrlEnv => DATABASE_URL,
            UrlSource::AlwrityRootDir => ALWRITY_ROOT_DIR,
            UrlSource::Default => "default",
        }
    }
}

impl fmt::Display for UrlSource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The database URL by precedence: `--database-url` > `ONBOARDCTL_DATABASE_URL` >
/// `DATABASE_URL` > `ALWRITY_ROOT_DIR` (the workspace of that ALwrity root) > the embedded
/// default ([`default_db_path`]). An empty or blank variable counts as unset; an empty flag
/// is an error (likely an unset shell variable, and falling through to another database
/// would be a surprise). A bad URL is an error naming its source, never a fall-through to the
/// next one; so is an `ALWRITY_ROOT_DIR` that names no directory (ALwrity itself would
/// quietly look elsewhere, which for an admin tool would mean the wrong database).
pub fn resolve_url(
    flag: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<(DbUrl, UrlSource), UrlError> {
    let parse = |text: &str, origin: UrlSource| {
        DbUrl::parse(text)
            .map(|url| (url, origin))
            .map_err(|e| UrlError::In {
                origin,
                error: Box::new(e),
            })
    };
    if let Some(flag) = flag {
        return parse(flag, UrlSource::Flag);
    }
    let vars = [
        (ONBOARDCTL_DATABASE_URL, UrlSource::OnboardctlEnv),
        (DATABASE_URL, UrlSource::DatabaseUrlEnv),
    ];
    for (var, origin) in vars {
        if let Some(text) = non_blank(env(var)) {
            return parse(&text, origin);
        }
    }
    if let Some(root) = non_blank(env(ALWRITY_ROOT_DIR)) {
        let root = PathBuf::from(root);
        if !root.is_dir() {
            return Err(UrlError::In {
                origin: UrlSource::AlwrityRootDir,
                error: Box::new(UrlError::NotADirectory(root)),
            });
        }
        return Ok((DbUrl::Workspace(root), UrlSource::AlwrityRootDir));
    }
    Ok((DbUrl::Sqlite(default_db_path(env)?), UrlSource::Default))
}

/// The embedded default: `$XDG_DATA_HOME/onboardctl/onboarding.db`, else
/// `$HOME/.local/share/onboardctl/onboarding.db`. Per the XDG spec a relative
/// `XDG_DATA_HOME` is ignored.
pub fn default_db_path(env: &dyn Fn(&str) -> Option<String>) -> Result<PathBuf, UrlError> {
    let xdg = non_blank(env("XDG_DATA_HOME")).map(PathBuf::from);
    let data_home = match xdg.filter(|p| p.is_absolute()) {
        Some(dir) => dir,
        None => {
            let home = non_blank(env("HOME")).ok_or(UrlError::NoDefaultLocation)?;
            Path::new(&home).join(".local").join("share")
        }
    };
    Ok(data_home.join("onboardctl").join("onboarding.db"))
}

fn non_blank(value: Option<String>) -> Option<String> {
    value.filter(|v| !v.trim().is_empty())
}

/// The variable holding the master key for encryption at rest (32 bytes, base64).
pub const MASTER_KEY_ENV: &str = "ONBOARDCTL_MASTER_KEY";
/// The `.env` file key changes go to in local mode (`--env-file` wins over it).
pub const ENV_FILE_ENV: &str = "ONBOARDCTL_ENV_FILE";
/// A second `.env` file that receives CopilotKit's key as `REACT_APP_COPILOTKIT_API_KEY`.
pub const FRONTEND_ENV_FILE_ENV: &str = "ONBOARDCTL_FRONTEND_ENV_FILE";

/// Settings read once from the environment. `Debug` shows the master key's id only.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Providers step 1 requires (`ONBOARDCTL_REQUIRED_PROVIDERS`, default
    /// gemini, exa, copilotkit).
    pub required_providers: Vec<ProviderName>,
    /// Whether `brand_analysis` and `content_strategy_insights` are written and shown
    /// (`ENABLE_WEBSITE_BRAND_COLUMNS`).
    pub brand_columns: bool,
    /// `DEPLOY_ENV=local` (any case): key changes also go to the `.env` file.
    pub deploy_env_local: bool,
    /// `ONBOARDCTL_MASTER_KEY`: when set, new key values are sealed at rest.
    pub master_key: Option<MasterKey>,
    /// The local `.env` file: `--env-file` (set by the caller after [`Settings::from_env`]) >
    /// `ONBOARDCTL_ENV_FILE` > `./.env`.
    pub env_file: PathBuf,
    /// `ONBOARDCTL_FRONTEND_ENV_FILE`: the frontend's `.env`, for CopilotKit's key.
    pub frontend_env_file: Option<PathBuf>,
    /// Where the database URL came from (`db status` says); set by the caller that
    /// resolved it ([`resolve_url`]), [`UrlSource::Default`] until then.
    pub url_source: UrlSource,
    /// The SQLite file the URL names (`doctor` checks its mode and journal); set by the
    /// caller that resolved the URL, `None` for PostgreSQL and workspaces.
    pub database_file: Option<PathBuf>,
}

impl Settings {
    /// Reads the settings.
    ///
    /// - `ENABLE_WEBSITE_BRAND_COLUMNS`: on when unset, or when its lower-cased value is `1`,
    ///   `true`, `yes` or `on`; any other value, the empty string included, is off (ALwrity's
    ///   `os.getenv(…, 'true').lower() in (…)`).
    /// - `DEPLOY_ENV`: local when it is `local` in any case (`LOCAL`, `Local`); unset or
    ///   anything else is not local, so no file is touched by default (docs/RULES.md, unlike
    ///   ALwrity's default), and `--env-file` then only warns that nothing goes to it.
    /// - `ONBOARDCTL_MASTER_KEY`: blank counts as unset; a value that is not 32 bytes of
    ///   base64 is exit 4 for every command that reads settings (never quoted), so a typo
    ///   cannot silently store plaintext.
    /// - `ONBOARDCTL_ENV_FILE` (blank = unset, default `./.env`) and
    ///   `ONBOARDCTL_FRONTEND_ENV_FILE` (blank = unset).
    ///
    /// A bad `ONBOARDCTL_REQUIRED_PROVIDERS` is a usage error (exit 2).
    pub fn from_env(env: &dyn Fn(&str) -> Option<String>) -> Result<Settings, SettingsError> {
        let required = env(providers::REQUIRED_PROVIDERS_ENV);
        let brand_columns = env("ENABLE_WEBSITE_BRAND_COLUMNS")
            .is_none_or(|v| matches!(v.to_lowercase().as_str(), "1" | "true" | "yes" | "on"));
        let required_providers = providers::required_providers(required.as_deref())
            .map_err(|e: ParseError| SettingsError::RequiredProviders(e.to_string()))?;
        Ok(Settings {
            required_providers,
            brand_columns,
            deploy_env_local: env("DEPLOY_ENV").is_some_and(|v| v.eq_ignore_ascii_case("local")),
            master_key: master_key(env)?,
            env_file: non_blank(env(ENV_FILE_ENV))
                .map_or_else(|| PathBuf::from(".env"), PathBuf::from),
            frontend_env_file: non_blank(env(FRONTEND_ENV_FILE_ENV)).map(PathBuf::from),
            url_source: UrlSource::Default,
            database_file: None,
        })
    }
}

/// Why [`Settings::from_env`] refused the environment. The application error (with its exit
/// code and hint) is made from it in `crate::error`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SettingsError {
    /// `ONBOARDCTL_REQUIRED_PROVIDERS` names no valid provider list (a usage error).
    #[error("{0}")]
    RequiredProviders(String),
    /// `ONBOARDCTL_MASTER_KEY` is not a master key; the reason never quotes the value.
    #[error("{MASTER_KEY_ENV}: {0}")]
    MasterKey(String),
}

/// Parses `ONBOARDCTL_MASTER_KEY`; the text is wiped after parsing and never quoted.
fn master_key(env: &dyn Fn(&str) -> Option<String>) -> Result<Option<MasterKey>, SettingsError> {
    let Some(text) = env(MASTER_KEY_ENV).map(zeroize::Zeroizing::new) else {
        return Ok(None);
    };
    if text.trim().is_empty() {
        return Ok(None);
    }
    MasterKey::from_base64(&text)
        .map(Some)
        .map_err(|e| SettingsError::MasterKey(e.to_string()))
}

#[cfg(test)]
mod tests;
