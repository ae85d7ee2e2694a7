//! Loading `./.env` as ALwrity does: python-dotenv's `load_dotenv()` (grammar in
//! `envfile::dialect`, interpolation in `envfile::expand`), so a file ALwrity reads is read
//! the same here, and `DATABASE_URL` from it is never silently lost.
//!
//! - Real environment variables win (python-dotenv's `override=False`); among assignments of
//!   one variable the last wins; a key without `=` is not set; `${NAME}` and
//!   `${NAME:-default}` are expanded against the real environment first, then the file's
//!   earlier values.
//! - A line python-dotenv cannot read is skipped with a warning naming its line number (never
//!   its content), as python-dotenv does. When it looks like an assignment of a variable
//!   onboardctl reads ([`VARS_READ`], `ONBOARDCTL_*`), the command stops with a usage error
//!   instead: running without that variable would mean another database or other settings.
//!   A byte-order mark glued to such a variable on line 1 (python-dotenv then reads another
//!   name) stops it too.
//! - Nothing is written to the process environment (`set_var` is unsound with threads): the
//!   values go to a process-wide overlay, set once, that [`super::process_env`] consults after
//!   the real environment. Its values live in zeroizing buffers.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use zeroize::Zeroizing;

use crate::envfile::{dialect, expand};

/// The variables onboardctl reads besides those starting with `ONBOARDCTL_`: one of them on
/// an unreadable line stops the command.
pub const VARS_READ: &[&str] = &[
    "DATABASE_URL",
    "ALWRITY_ROOT_DIR",
    "DEPLOY_ENV",
    "ENABLE_WEBSITE_BRAND_COLUMNS",
    "XDG_DATA_HOME",
    "NO_COLOR",
    "PGHOST",
    "PGPORT",
    "PGUSER",
    "PGPASSWORD",
    "PGDATABASE",
    "PGSSLMODE",
    "PGSSLROOTCERT",
    "PGCONNECT_TIMEOUT",
    "PGAPPNAME",
    "PGPASSFILE",
];

/// Whether onboardctl reads `name`.
pub fn is_read(name: &str) -> bool {
    name.starts_with("ONBOARDCTL_") || VARS_READ.contains(&name)
}

/// Why a `.env` file was not (wholly) used. Never quotes the file's content (it holds keys).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DotenvError {
    /// The file cannot be read at all; it is ignored with a warning.
    #[error("ignoring `{}`: {reason}", path.display())]
    Unreadable {
        /// The file.
        path: PathBuf,
        /// Why, e.g. "line 3 is not valid UTF-8".
        reason: String,
    },
    /// A variable onboardctl reads is on a line that cannot be read: a usage error (exit 2).
    #[error("`{}` line {line}: {reason} `{var}`, which onboardctl reads", path.display())]
    Unusable {
        /// The file.
        path: PathBuf,
        /// 1-based line.
        line: usize,
        /// The variable.
        var: String,
        /// What is wrong with the line, ending before the variable's name.
        reason: &'static str,
    },
}

/// A parsed `.env`, not yet installed.
pub struct Dotenv {
    /// The file.
    pub path: PathBuf,
    /// What `load_dotenv` would set (variables of the real environment excluded).
    pub vars: BTreeMap<String, Zeroizing<String>>,
    /// One line per skipped line, naming its number.
    pub warnings: Vec<String>,
}

/// Keys only.
impl std::fmt::Debug for Dotenv {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let keys: Vec<&String> = self.vars.keys().collect();
        f.debug_struct("Dotenv")
            .field("path", &self.path)
            .field("keys", &keys)
            .field("warnings", &self.warnings)
            .finish()
    }
}

/// What loading did, for diagnostics.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadReport {
    /// The file.
    pub path: PathBuf,
    /// How many variables it contributed.
    pub vars: usize,
    /// Skipped lines, for stderr.
    pub warnings: Vec<String>,
}

static OVERLAY: OnceLock<BTreeMap<String, Zeroizing<String>>> = OnceLock::new();

/// A value from the loaded `.env`, if one was loaded and sets `name`.
pub(super) fn overlay(name: &str) -> Option<String> {
    OVERLAY.get()?.get(name).map(|v| v.to_string())
}

/// Loads `./.env` unless `no_dotenv`; `None` when skipped or missing.
pub fn load_dotenv(no_dotenv: bool) -> Result<Option<LoadReport>, DotenvError> {
    if no_dotenv {
        return Ok(None);
    }
    load_dotenv_file(Path::new(".env"))
}

/// Reads `path` as [`read_dotenv`] against the real environment and installs it as the
/// overlay. Only the first file installed in a process counts (the CLI loads one).
pub fn load_dotenv_file(path: &Path) -> Result<Option<LoadReport>, DotenvError> {
    let real = |name: &str| std::env::var(name).ok();
    let Some(dotenv) = read_dotenv(path, &real)? else {
        return Ok(None);
    };
    let report = LoadReport {
        path: dotenv.path,
        vars: dotenv.vars.len(),
        warnings: dotenv.warnings,
    };
    _ = OVERLAY.set(dotenv.vars);
    Ok(Some(report))
}

/// Parses the dotenv file at `path` as `load_dotenv` would with `real_env` as the process
/// environment; `None` when it does not exist.
pub fn read_dotenv(
    path: &Path,
    real_env: &dyn Fn(&str) -> Option<String>,
) -> Result<Option<Dotenv>, DotenvError> {
    let unreadable = |reason: String| DotenvError::Unreadable {
        path: path.to_owned(),
        reason,
    };
    let bytes = match std::fs::read(path) {
        Ok(bytes) => Zeroizing::new(bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(unreadable(format!("cannot read it: {e}"))),
    };
    let text = std::str::from_utf8(&bytes).map_err(|e| {
        let line = 1 + bytes[..e.valid_up_to()]
            .iter()
            .filter(|&&b| b == b'\n')
            .count();
        unreadable(format!("line {line} is not valid UTF-8"))
    })?;
    let bindings = dialect::parse(text);
    let warnings = check_lines(path, text, &bindings)?;
    let mut vars = BTreeMap::new();
    for (key, value) in expand::resolve(&bindings, real_env) {
        match value {
            Some(v) if real_env(&key).is_none() => _ = vars.insert(key, v),
            _ => _ = vars.remove(&key),
        }
    }
    Ok(Some(Dotenv {
        path: path.to_owned(),
        vars,
        warnings,
    }))
}

/// A warning per line python-dotenv cannot read; an error when one of them, or a
/// byte-order mark, hides a variable onboardctl reads.
fn check_lines(
    path: &Path,
    text: &str,
    bindings: &[dialect::Binding],
) -> Result<Vec<String>, DotenvError> {
    let unusable = |line, var: &str, reason| DotenvError::Unusable {
        path: path.to_owned(),
        line,
        var: var.to_owned(),
        reason,
    };
    let glued = bindings
        .first()
        .and_then(|b| b.assign())
        .and_then(|a| a.key.strip_prefix('\u{feff}'));
    if let Some(var) = glued.filter(|v| is_read(v)) {
        let reason = "a byte-order mark is glued to";
        return Err(unusable(1, var, reason));
    }
    let mut warnings = Vec::new();
    for b in bindings.iter().filter(|b| b.kind == dialect::Kind::Error) {
        for (line, content) in dialect::lines(&text[b.body.clone()], b.line) {
            if let Some(var) = dialect::assigned_name(content).filter(|v| is_read(v)) {
                return Err(unusable(
                    line,
                    var,
                    "python-dotenv cannot read this line, which sets",
                ));
            }
        }
        warnings.push(format!(
            "`{}` line {}: python-dotenv cannot read it either; skipped",
            path.display(),
            b.line
        ));
    }
    Ok(warnings)
}
