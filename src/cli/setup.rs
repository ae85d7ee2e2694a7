//! The setup every database command shares, done once before dispatch: load `.env` (as
//! python-dotenv reads it), resolve the database URL, open the store (creating and migrating
//! the embedded default), read the settings.

use crate::config::{self, DbUrl, Settings, UrlSource};
use crate::error::{Error, Result};
use crate::output::Ui;
use crate::store::{self, OpenOptions, Store};

use super::DbOpts;

/// Opens the store the flags and environment name. The embedded default is created and
/// migrated on first use; any other database must exist (`create` says whether this command
/// may create a SQLite file, which `db migrate` does). An outdated schema is reported by the
/// store's first data call (exit 4, hint `db migrate`), so a read spends no extra statement.
pub fn open(opts: &DbOpts, ui: &Ui, mut open: OpenOptions) -> Result<(Box<dyn Store>, Settings)> {
    dotenv(opts, ui)?;
    let env = config::process_env;
    let (mut url, source) = config::resolve_url(opts.database_url.as_deref(), &env)?;
    // Settings first: a bad ONBOARDCTL_MASTER_KEY stops the run before any database is
    // created or opened.
    let mut settings = settings(opts, ui)?;
    settings.url_source = source;
    if let DbUrl::Sqlite(path) = &url {
        settings.database_file = Some(path.clone());
    }
    ui.debug(
        1,
        format!("resolved database url from {source}: {}", url.redacted()),
    );
    if let DbUrl::Postgres(pg) = &mut url {
        for warning in pg.resolve(&env)? {
            ui.warn(warning);
        }
        if let Some(params) = pg.params() {
            ui.debug(1, format!("postgresql connection: {}", params.describe()));
        }
    }
    let embedded = matches!(&url, DbUrl::Sqlite(_)) && matches!(source, UrlSource::Default);
    let created = embedded && !url_path_exists(&url);
    if embedded {
        create_parent_dir(&url)?;
    }
    open.create |= embedded;
    open.auto_migrate = embedded;
    // The embedded database is ours: it is opened read-write so it can be created and
    // migrated on first use.
    open.read_only &= !embedded;
    let store = store::open(&url, &open)?;
    if embedded {
        // Said once, so a command that meant another database (a lost DATABASE_URL) is
        // noticed: the embedded default is never silent.
        let verb = if created { "created" } else { "using" };
        ui.note(format!("{verb} the embedded database {}", url.redacted()));
    }
    Ok((store, settings))
}

/// The settings from the environment, `--env-file` winning over `ONBOARDCTL_ENV_FILE`.
fn settings(opts: &DbOpts, ui: &Ui) -> Result<Settings> {
    let mut settings = Settings::from_env(&config::process_env)?;
    if let Some(path) = &opts.env_file {
        settings.env_file = path.clone();
    }
    if let Some(key) = &settings.master_key {
        let id = key.key_id();
        ui.debug(
            1,
            format!("keys are encrypted at rest (master key id {id})"),
        );
    }
    ui.debug(
        2,
        format!(
            "env file `{}`; DEPLOY_ENV=local: {}",
            settings.env_file.display(),
            settings.deploy_env_local
        ),
    );
    Ok(settings)
}

/// Loads `./.env` unless `--no-dotenv`. A file that cannot be read, and each line that
/// cannot, is a warning; a variable onboardctl reads on such a line is a usage error.
pub fn dotenv(opts: &DbOpts, ui: &Ui) -> Result<()> {
    match config::load_dotenv(opts.no_dotenv) {
        Ok(Some(report)) => {
            report.warnings.iter().for_each(|w| ui.warn(w));
            let (path, n) = (report.path.display(), report.vars);
            ui.debug(
                1,
                format!("loaded `{path}` ({n} variable(s) not already set)"),
            );
        }
        Ok(None) => {}
        Err(e @ config::DotenvError::Unreadable { .. }) => ui.warn(e.to_string()),
        Err(e) => return Err(e.into()),
    }
    Ok(())
}

/// `--env-file` given to a command that writes it only in local mode, outside local mode:
/// say on stderr (unless `-q`) that nothing goes to the file.
pub fn warn_unused_env_file(opts: &DbOpts, settings: &Settings, writes_env: bool, ui: &Ui) {
    let Some(path) = opts.env_file.as_ref() else {
        return;
    };
    if writes_env && !settings.deploy_env_local && !ui.quiet {
        ui.warn(format!(
            "nothing is written to `{}`: DEPLOY_ENV is not `local`",
            path.display()
        ));
    }
}

fn url_path_exists(url: &DbUrl) -> bool {
    matches!(url, DbUrl::Sqlite(path) if path.exists())
}

fn create_parent_dir(url: &DbUrl) -> Result<()> {
    let DbUrl::Sqlite(path) = url else {
        return Ok(());
    };
    let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) else {
        return Ok(());
    };
    // 0700: the directory will hold a database of keys (DirBuilder applies the mode to
    // every directory it creates, under the umask, which can only remove bits).
    use std::os::unix::fs::DirBuilderExt;
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .map_err(|e| {
            Error::new(
                crate::error::ErrorKind::Unavailable,
                format!("cannot create `{}`: {e}", dir.display()),
            )
        })
}
