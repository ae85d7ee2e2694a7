//! The command line: the clap definition of `onboardctl` (global flags as flattened `Args`
//! structs, one module per command group), the shared setup done once before dispatch
//! (`.env`, database URL, store), and dispatch to the thin handlers.

pub mod ai_inputs;
pub mod analysis;
pub mod audit;
pub mod complete;
pub mod completions;
pub mod copy;
pub mod db;
pub mod doctor;
pub mod document;
pub mod env;
pub mod environment;
pub mod export;
pub mod help;
pub mod import;
pub mod input;
pub mod interrupt;
pub mod key;
pub mod persona;
pub mod progress;
pub mod report;
pub mod research;
pub mod run;
pub mod session;
mod setup;

use std::io;

use clap::{Args, Parser, Subcommand};

use crate::error::{Error, ErrorKind};
use crate::output::{ColorChoice, Format, Shape, Ui};
use crate::service::Service;
use crate::store::OpenOptions;

pub use help::command;

/// Administration of ALwrity onboarding data (SQLite and PostgreSQL).
#[derive(Debug, Parser)]
#[command(
    name = "onboardctl",
    version,
    about,
    long_about = "Inspect and change the onboarding data of ALwrity users: sessions, steps, \
                  API keys, website analysis, research preferences and persona data.",
    after_help = ErrorKind::help_footer()
)]
pub struct Cli {
    /// Where the data is.
    #[command(flatten, next_help_heading = "Global options")]
    pub db: DbOpts,
    /// How output looks.
    #[command(flatten, next_help_heading = "Global options")]
    pub output: OutputOpts,
    /// Who changes are recorded for.
    #[command(flatten)]
    pub audit: audit::AuditOpts,
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

impl Cli {
    /// The [`Ui`] the output flags ask for; its error hints repeat `--database-url` when
    /// that flag was given.
    pub fn ui(&self) -> Ui {
        self.output
            .ui()
            .with_database_url(self.db.database_url.as_deref())
    }
}

/// Connection flags, shared by every command.
#[derive(Debug, Clone, Args)]
pub struct DbOpts {
    /// Database URL: `sqlite:PATH`, `sqlite:///relative.db`, `sqlite:////absolute.db`,
    /// `postgres://…`, `postgresql+psycopg2://…`, or `workspace:PATH` (an ALwrity HEAD root,
    /// or its `workspace/` folder: one file per user). Without it: $ONBOARDCTL_DATABASE_URL,
    /// then $DATABASE_URL (ALwrity's own), then the workspace of $ALWRITY_ROOT_DIR, then the
    /// embedded SQLite database $XDG_DATA_HOME/onboardctl/onboarding.db (else
    /// ~/.local/share/onboardctl/onboarding.db)
    #[arg(long, global = true, value_name = "URL")]
    pub database_url: Option<String>,

    /// Do not load `.env` from the working directory (by default it is loaded, and real
    /// environment variables win over it)
    #[arg(long, global = true)]
    pub no_dotenv: bool,

    /// The `.env` file that `key set`/`key delete` update when DEPLOY_ENV=local, and that
    /// `env diff`/`env sync` compare and write. Without it: $ONBOARDCTL_ENV_FILE, then `./.env`
    #[arg(long, global = true, value_name = "PATH")]
    pub env_file: Option<std::path::PathBuf>,

    /// On a database ALwrity made: read it as this ALwrity era (`seed` or `head`) instead
    /// of the one detected (a file in a `workspace_<sid>/` folder, or HEAD-only tables, is
    /// `head`)
    #[arg(long, global = true, value_name = "ERA")]
    pub alwrity_era: Option<crate::domain::alwrity::Era>,

    /// Seconds a SQLite statement waits for a lock another program holds (e.g. ALwrity's
    /// writer) before giving up with exit 5
    #[arg(long, global = true, value_name = "SECONDS", default_value_t = 5.0)]
    pub busy_timeout: f64,
}

/// Output flags, shared by every command.
#[derive(Debug, Clone, Args)]
pub struct OutputOpts {
    /// Print data as JSON on stdout, and errors as JSON on stderr. `--json=FIELD,…` keeps
    /// only these top-level fields, in this order (an unknown one is exit 2, naming the
    /// valid ones). The `=` is required: `--json user_id` would read `user_id` as an argument
    #[arg(
        long,
        global = true,
        value_name = "FIELD,…",
        num_args = 0..=1,
        require_equals = true,
        default_missing_value = ""
    )]
    pub json: Option<String>,

    /// Filter the JSON output through a jq expression (implies --json); strings are
    /// printed as text, other results as compact JSON, one a line
    #[arg(long, global = true, value_name = "EXPR")]
    pub jq: Option<String>,

    /// Output format: table (for people), tsv (one record a line, tab-separated, no header,
    /// control characters escaped) or json (the same as --json)
    #[arg(long, global = true, value_enum, value_name = "FORMAT")]
    pub format: Option<Format>,

    /// Do not truncate tables to the terminal width ($COLUMNS, else the terminal's)
    #[arg(long, global = true)]
    pub wide: bool,

    /// Colour human output: auto (when writing to a terminal and $NO_COLOR is unset or
    /// empty), always or never
    #[arg(
        long,
        global = true,
        value_enum,
        default_value_t = ColorChoice::Auto,
        value_name = "WHEN",
        hide_possible_values = true
    )]
    pub color: ColorChoice,

    /// Print diagnostics on stderr (repeat for more); never prints a secret
    #[arg(short, long, global = true, action = clap::ArgAction::Count)]
    pub verbose: u8,

    /// Print no notes on stderr (data and errors are still printed)
    #[arg(short, long, global = true)]
    pub quiet: bool,
}

impl OutputOpts {
    /// The [`Ui`] these flags and `NO_COLOR` ask for; also sets the width tables fit
    /// ([`crate::output::human::set_table_width`]).
    pub fn ui(&self) -> Ui {
        let no_color = std::env::var_os("NO_COLOR");
        let shape = self.shape();
        let json = shape.format == Format::Json;
        let width = if self.wide {
            None
        } else {
            crate::output::human::terminal_width(std::env::var("COLUMNS").ok().as_deref())
        };
        crate::output::human::set_table_width(width);
        Ui::new(json, self.quiet, self.verbose, self.color, no_color).with_shape(shape)
    }

    /// The shape of machine output: `--format` if given, else JSON with `--json` or `--jq`.
    pub fn shape(&self) -> Shape {
        let fields = self
            .json
            .as_deref()
            .filter(|f| !f.is_empty())
            .map(|f| f.split(',').map(|s| s.trim().to_owned()).collect());
        let format = self
            .format
            .unwrap_or(if self.json.is_some() || self.jq.is_some() {
                Format::Json
            } else {
                Format::Table
            });
        Shape {
            format,
            fields,
            jq: self.jq.clone(),
        }
    }

    /// Checks what can be checked before the command runs: the jq expression, and the
    /// fields against the command's view when it declares them. Bad output flags change
    /// nothing (exit 2).
    pub fn check(&self, fields: Option<&[&str]>) -> Result<(), Error> {
        let shape = self.shape();
        if shape.fields.is_some() && shape.format == Format::Table {
            return Err(Error::usage("--json=FIELD,… is for JSON or TSV output")
                .with_hint("drop --format table, or use --format tsv"));
        }
        if let Some(expr) = &shape.jq {
            if shape.format == Format::Tsv {
                return Err(Error::usage(
                    "--jq writes JSON; it cannot go with --format tsv",
                ));
            }
            crate::output::jq::check(expr)?;
        }
        match fields {
            Some(valid) => shape.check_fields(valid),
            None => Ok(()),
        }
    }
}

/// Confirmation of a destructive command.
#[derive(Debug, Clone, Args)]
pub struct Confirm {
    /// Do not ask for confirmation (required when stdin or stderr is not a terminal)
    #[arg(short, long)]
    pub yes: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Create, show, list, delete or reset onboarding sessions
    #[command(subcommand)]
    Session(session::SessionCommand),
    /// Set, show, list or delete a user's provider API keys
    #[command(subcommand)]
    Key(key::KeyCommand),
    /// Show or change a user's onboarding steps and progress
    #[command(subcommand)]
    Progress(progress::ProgressCommand),
    /// Set or show a user's website analysis (step 2)
    #[command(subcommand)]
    Analysis(analysis::AnalysisCommand),
    /// Set or show a user's research preferences (step 3)
    #[command(subcommand)]
    Research(research::ResearchCommand),
    /// Set or show a user's persona data (step 4)
    #[command(subcommand)]
    Persona(persona::PersonaCommand),
    /// Print the personalized AI inputs derived from a user's onboarding data
    AiInputs(ai_inputs::AiInputsArgs),
    /// Complete a user's onboarding (steps 1-4 completed, step 5 completed or skipped)
    Complete(complete::CompleteArgs),
    /// Write users as NDJSON on stdout, one user per line with all their data
    Export(export::ExportArgs),
    /// Read users from NDJSON (as `export` writes it), or ALwrity's legacy progress files
    Import(import::ImportArgs),
    /// Apply or inspect schema migrations, or copy every user to another database
    #[command(subcommand)]
    Db(db::DbCommand),
    /// The onboarding funnel across all users: steps, completion, times, cohorts
    #[command(long_about = report::LONG_ABOUT)]
    Report(report::ReportArgs),
    /// Check the database and local setup; say how to fix each finding
    #[command(long_about = doctor::LONG_ABOUT)]
    Doctor(doctor::DoctorArgs),
    /// Compare a user's keys with the local .env file, or write them into it
    #[command(subcommand)]
    Env(env::EnvCommand),
    /// Show the audit trail of changes (who changed what of whose, when and why)
    #[command(subcommand)]
    Audit(audit::AuditCommand),
    /// Run a command with a user's keys in its environment (no file written, no key on argv);
    /// exits with the command's exit code
    Run(run::RunArgs),
    /// Print a shell completion script to stdout
    Completions(completions::CompletionsArgs),
    /// Print the manual page (roff) to stdout, or write a page per command (--dir)
    Man(completions::ManArgs),
}

impl Command {
    /// Whether the command never changes the database, so it can open it read-only (and
    /// works on a read-only file or mount). `db migrate` decides for itself (`--dry-run`).
    pub fn reads_only(&self) -> bool {
        use analysis::AnalysisCommand as A;
        use persona::PersonaCommand as P;
        use progress::ProgressCommand as G;
        use research::ResearchCommand as R;
        use session::SessionCommand as S;
        match self {
            Command::Session(c) => match c {
                S::Show(_) | S::List(_) => true,
                S::Delete(a) => a.dry_run,
                S::Create(_) | S::Reset(_) => false,
            },
            Command::Key(c) => matches!(
                c,
                key::KeyCommand::Get(_) | key::KeyCommand::List(_) | key::KeyCommand::Providers
            ),
            Command::Progress(c) => matches!(c, G::Show(_)),
            Command::Analysis(c) => matches!(c, A::Show(_)),
            Command::Research(c) => matches!(c, R::Show(_)),
            Command::Persona(c) => matches!(c, P::Show(_)),
            Command::AiInputs(_) | Command::Export(_) | Command::Report(_) => true,
            Command::Complete(_) => false,
            Command::Import(args) => args.dry_run(),
            Command::Db(c) => match c {
                db::DbCommand::Status(_) | db::DbCommand::Copy(_) => true,
                db::DbCommand::Repair(a) => a.dry_run,
                db::DbCommand::Migrate(_) => false,
            },
            Command::Doctor(_) => true,
            // `env sync` writes the `.env` file, never the database.
            Command::Env(_) => true,
            Command::Audit(_) => true,
            Command::Run(_) => true,
            Command::Completions(_) | Command::Man(_) => true,
        }
    }
}

impl Command {
    /// The top-level fields of the JSON view the command prints, when its view declares
    /// them ([`crate::output::views::Fields`]): `--json=FIELD,…` is then checked before the
    /// command runs. Other commands check the fields against the keys they print.
    pub fn json_fields(&self) -> Option<&'static [&'static str]> {
        use crate::output::views::{
            CreatedView, DbStatusView, Fields, KeyView, ProgressView, ProviderView, SessionRowView,
            SessionView,
        };
        use session::SessionCommand as S;
        Some(match self {
            Command::Session(S::Create(_)) => CreatedView::<SessionView>::FIELDS,
            Command::Session(S::Show(_) | S::Reset(_)) => SessionView::FIELDS,
            Command::Session(S::List(_)) => SessionRowView::FIELDS,
            Command::Progress(progress::ProgressCommand::Show(_)) => ProgressView::FIELDS,
            Command::Progress(_) => SessionView::FIELDS,
            Command::Key(key::KeyCommand::List(_)) => KeyView::FIELDS,
            Command::Key(key::KeyCommand::Providers) => ProviderView::FIELDS,
            Command::Db(db::DbCommand::Status(_)) => DbStatusView::FIELDS,
            Command::Complete(_) => SessionView::FIELDS,
            _ => return None,
        })
    }
}

/// Why a run stopped before finishing.
#[derive(Debug)]
pub enum Failure {
    /// stdout was closed (`onboardctl … | head`): stop quietly with exit 0.
    BrokenPipe,
    /// An error for the user; its kind decides the exit code.
    Error(Error),
    /// `run`'s child ended with this exit status (128+N for signal N): exit with it, saying
    /// nothing.
    Exit(u8),
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Error(e)
    }
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else if e.get_ref().is_some_and(|inner| inner.is::<Error>()) {
            // An error of the output's shape (a field, a jq filter), carried out of a write.
            let inner = e.into_inner().expect("checked above");
            Failure::Error(*inner.downcast::<Error>().expect("checked above"))
        } else {
            Failure::Error(Error::new(
                ErrorKind::Unexpected,
                format!("cannot write output: {e}"),
            ))
        }
    }
}

/// What every handler returns.
pub type Outcome = Result<(), Failure>;

/// Runs a parsed command line: commands that need no database first, then the shared setup
/// and the command's handler.
pub fn run(cli: Cli) -> Outcome {
    let ui = cli.ui();
    cli.output.check(cli.command.json_fields())?;
    match &cli.command {
        Command::Completions(args) => return completions::run(args, &ui),
        Command::Man(args) => return completions::man(args, &ui),
        Command::Key(key::KeyCommand::Providers) => {
            setup::dotenv(&cli.db, &ui)?;
            return key::providers(&ui);
        }
        _ => {}
    }
    let mut open = match &cli.command {
        Command::Db(db::DbCommand::Migrate(args)) => args.open_options(),
        command => OpenOptions {
            read_only: command.reads_only(),
            ..OpenOptions::default()
        },
    };
    open.era = cli.db.alwrity_era;
    open.busy_timeout = busy_timeout(cli.db.busy_timeout)?;
    let (mut store, settings) = setup::open(&cli.db, &ui, open)?;
    setup::warn_unused_env_file(&cli.db, &settings, writes_env(&cli.command), &ui);
    let mut svc = Service::new(store.as_mut(), settings);
    if let Command::Run(args) = &cli.command {
        let vars = run::prepare(args, &mut svc, &ui)?;
        // Closed before the child starts: nothing is held while it runs.
        drop(svc);
        drop(store);
        return run::exec(args, vars);
    }
    let actor = cli.audit.actor;
    svc.set_audit_context(audit_context(actor.as_deref())?);
    let outcome = match dispatch(cli.command, actor, &mut svc, &ui) {
        Err(Failure::Error(e)) if e.kind == ErrorKind::NotFound => {
            Err(Failure::Error(svc.explain_not_found(e)))
        }
        other => other,
    };
    if outcome.is_ok() && svc.take_unaudited() {
        ui.debug(
            1,
            "the change is not in the audit trail: this ALwrity database has no audit table \
             (`onboardctl db migrate` adds it)",
        );
    }
    report_skipped(&mut svc, &ui, outcome)
}

/// Who the audit rows of this run are for, and its command line (secret-free).
fn audit_context(flag: Option<&str>) -> Result<crate::service::AuditContext, Error> {
    let actor = crate::service::process_actor(flag);
    audit::check_actor(&actor)?;
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    Ok(crate::service::AuditContext {
        actor,
        command: crate::service::audit::command_text(&args),
    })
}

/// On a workspace: each file a read across files skipped, named on stderr; the command then
/// exits 5 (what it printed covers the other files and is right), unless it failed anyway.
fn report_skipped(svc: &mut Service<'_>, ui: &Ui, outcome: Outcome) -> Outcome {
    let skipped = svc.take_skipped();
    for f in &skipped {
        ui.warn(format!("skipped `{}`: {}", f.path.display(), f.reason));
    }
    match (outcome, skipped.len()) {
        (Ok(()), n) if n > 0 => Err(Failure::Error(
            Error::new(
                ErrorKind::Unavailable,
                format!(
                    "{n} file(s) of the workspace could not be read; the output covers the others"
                ),
            )
            .with_hint("see the warnings above; `onboardctl db status` lists unreadable files"),
        )),
        (outcome, _) => outcome,
    }
}

/// Whether `command` writes the `.env` file in local mode (`DEPLOY_ENV=local`).
fn writes_env(command: &Command) -> bool {
    use key::KeyCommand;
    use session::SessionCommand;
    match command {
        Command::Key(KeyCommand::Set(_) | KeyCommand::Delete(_)) => true,
        Command::Session(SessionCommand::Delete(_)) => true,
        Command::Session(SessionCommand::Reset(args)) => args.purge,
        _ => false,
    }
}

fn dispatch(command: Command, actor: Option<String>, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match command {
        Command::Audit(cmd) => audit::run(cmd, actor, svc, ui),
        Command::Session(cmd) => session::run(cmd, svc, ui),
        Command::Key(cmd) => key::run(cmd, svc, ui),
        Command::Progress(cmd) => progress::run(cmd, svc, ui),
        Command::Analysis(cmd) => analysis::run(cmd, svc, ui),
        Command::Research(cmd) => research::run(cmd, svc, ui),
        Command::Persona(cmd) => persona::run(cmd, svc, ui),
        Command::AiInputs(args) => ai_inputs::run(args, svc, ui),
        Command::Complete(args) => complete::run(args, svc, ui),
        Command::Export(args) => export::run(args, svc, ui),
        Command::Import(args) => import::run(args, svc, ui),
        Command::Db(cmd) => db::run(cmd, svc, ui),
        Command::Env(cmd) => env::run(cmd, svc, ui),
        Command::Report(args) => report::run(&args, svc, ui),
        Command::Doctor(args) => doctor::run(args, svc, ui),
        Command::Completions(_) | Command::Man(_) => unreachable!("handled before setup"),
        Command::Run(_) => unreachable!("handled before dispatch"),
    }
}

/// `--busy-timeout` as a duration: finite and not negative (exit 2 otherwise).
fn busy_timeout(seconds: f64) -> Result<std::time::Duration, Error> {
    std::time::Duration::try_from_secs_f64(seconds).map_err(|_| {
        Error::usage(format!(
            "--busy-timeout `{seconds}` is not a number of seconds"
        ))
    })
}

/// Whether JSON output is asked among the raw arguments (before `--`): `--json`,
/// `--json=…`, `--jq`, `--format json`; for reporting a usage error clap found before it
/// could parse the flags.
pub fn json_requested(args: impl IntoIterator<Item = std::ffi::OsString>) -> bool {
    let args: Vec<std::ffi::OsString> = args.into_iter().take_while(|a| a != "--").collect();
    args.iter().enumerate().any(|(i, a)| {
        let a = a.to_string_lossy();
        a == "--json"
            || a.starts_with("--json=")
            || a == "--jq"
            || a.starts_with("--jq=")
            || a == "--format=json"
            || (a == "--format" && args.get(i + 1).is_some_and(|v| v == "json"))
    })
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    use super::*;

    #[test]
    fn clap_definition_is_consistent() {
        Cli::command().debug_assert();
        command().debug_assert();
    }

    #[test]
    fn global_flags_go_anywhere() {
        let cli = Cli::try_parse_from(["onboardctl", "session", "show", "u1", "--json", "-vv"])
            .expect("parses");
        assert_eq!(cli.output.json.as_deref(), Some(""));
        assert_eq!(cli.output.verbose, 2);
    }

    #[test]
    fn json_flag_is_found_before_double_dash_only() {
        assert!(json_requested(["x", "--json"].map(Into::into)));
        assert!(!json_requested(["x", "--", "--json"].map(Into::into)));
        assert!(json_requested(["x", "--json=a,b"].map(Into::into)));
        assert!(json_requested(["x", "--format", "json"].map(Into::into)));
        assert!(json_requested(["x", "--jq", "."].map(Into::into)));
        assert!(!json_requested(["x", "--format", "tsv"].map(Into::into)));
    }

    #[test]
    fn json_takes_fields_only_after_an_equals_sign() {
        let cli = Cli::try_parse_from(["onboardctl", "--json", "session", "show", "u1"])
            .expect("`--json` does not eat the command");
        assert_eq!(cli.output.json.as_deref(), Some(""));
        let cli = Cli::try_parse_from(["onboardctl", "session", "list", "--json=user_id,status"])
            .expect("parses");
        let shape = cli.output.shape();
        assert_eq!(shape.fields, Some(vec!["user_id".into(), "status".into()]));
        assert!(
            Cli::try_parse_from(["onboardctl", "session", "list", "--json", "user_id"]).is_err()
        );
    }
}
