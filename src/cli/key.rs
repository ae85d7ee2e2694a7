//! `onboardctl key …`: set (hidden prompt, `--stdin`, `--from-env`, `--from-file`; never on
//! argv), get (masked unless `--reveal`), list, delete, and the provider registry. A key value
//! is a [`crate::domain::Secret`] from the moment it is read and is printed only by
//! `key get --reveal`.

use clap::{Args, Subcommand};

use super::input::SecretSource;
use super::Outcome;
use crate::domain::providers;
use crate::domain::seal::MasterKey;
use crate::domain::{ProviderName, UserId};
use crate::error::Error;
use crate::output::env::{reseal_block, EnvFileView, KeySetView, ResealView};
use crate::output::human::{self, Block, TableBuilder};
use crate::output::views::{KeyView, ProviderView, RevealView};
use crate::output::Ui;
use crate::service::{KeyOptions, Service, StoredKey};

/// The `key` commands.
#[derive(Debug, Subcommand)]
pub enum KeyCommand {
    /// Store a user's key for a provider (read from a hidden prompt, --stdin, --from-env or
    /// --from-file; never from the command line)
    Set(SetArgs),
    /// Show a user's key for a provider, masked unless --reveal
    Get(GetArgs),
    /// List a user's keys, masked
    List(UserArg),
    /// Delete a user's key for a provider
    Delete(UserProvider),
    /// List the providers onboardctl knows: env var, whether required, format check
    Providers,
    /// Encrypt every plaintext key under $ONBOARDCTL_MASTER_KEY, or re-encrypt keys sealed
    /// under a previous master key (with --old-master-key-env)
    Reseal(ResealArgs),
}

/// `key reseal`.
#[derive(Debug, Args)]
pub struct ResealArgs {
    /// The environment variable holding the previous master key (base64), to re-encrypt
    /// keys sealed under it; the new key is $ONBOARDCTL_MASTER_KEY
    #[arg(long, value_name = "VAR")]
    pub old_master_key_env: Option<String>,
    /// On a database ALwrity made, seal its keys anyway (ALwrity reads api_keys.key
    /// verbatim and cannot use sealed keys)
    #[arg(long)]
    pub seal_anyway: bool,
}

/// A user id.
#[derive(Debug, Args)]
pub struct UserArg {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
}

/// A user id and a provider name.
#[derive(Debug, Args)]
pub struct UserProvider {
    /// The user id
    #[arg(value_name = "USER")]
    pub user: UserId,
    /// The provider, e.g. gemini, exa, copilotkit (see `onboardctl key providers`)
    #[arg(value_name = "PROVIDER")]
    pub provider: ProviderName,
}

/// `key set`.
#[derive(Debug, Args)]
pub struct SetArgs {
    /// Whose key, and for which provider.
    #[command(flatten)]
    pub target: UserProvider,
    /// Where the value comes from (a hidden prompt when none is given and stdin is a terminal).
    #[command(flatten)]
    pub source: SecretSource,
    /// Store the value even if it does not match the provider's key format
    #[arg(long)]
    pub no_validate: bool,
    /// Accept a provider that is not in the registry
    #[arg(long)]
    pub allow_unknown: bool,
    /// With ONBOARDCTL_MASTER_KEY on a database ALwrity made, seal the key anyway (ALwrity
    /// reads api_keys.key verbatim and cannot use a sealed key)
    #[arg(long)]
    pub seal_anyway: bool,
}

/// `key get`.
#[derive(Debug, Args)]
pub struct GetArgs {
    /// Whose key, and for which provider.
    #[command(flatten)]
    pub target: UserProvider,
    /// Print the raw value alone (with --json: {"provider":…,"value":…})
    #[arg(long)]
    pub reveal: bool,
}

/// Runs a `key` command other than `providers`.
pub fn run(cmd: KeyCommand, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    match cmd {
        KeyCommand::Set(a) => set(&a, svc, ui),
        KeyCommand::Get(a) => get(&a, svc, ui),
        KeyCommand::List(a) => list(&a.user, svc, ui),
        KeyCommand::Delete(a) => delete(&a, svc, ui),
        KeyCommand::Providers => providers(ui),
        KeyCommand::Reseal(a) => reseal(&a, svc, ui),
    }
}

fn set(args: &SetArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let UserProvider { user, provider } = &args.target;
    // Fail on an unknown user before asking for a secret the run would then throw away
    // (`set_key` would refuse it too, but only after the prompt).
    svc.show_session(user)?;
    let value = args
        .source
        .read(&format!("{provider} API key for {user}"))?;
    let opts = KeyOptions {
        validate: !args.no_validate,
        allow_unknown: args.allow_unknown,
        seal_anyway: args.seal_anyway,
    };
    let stored = svc.set_key(user, provider, value, opts)?;
    super::env::report_env(&stored.env, ui);
    if ui.json {
        let view = KeySetView {
            created: stored.created,
            record: KeyView::from(&stored.key),
            env_files: stored.env.files.iter().map(EnvFileView::from).collect(),
        };
        return Ok(ui.print_json(&view)?);
    }
    let verb = if stored.created { "stored" } else { "replaced" };
    let at_rest = if stored.key.sealed { ", encrypted" } else { "" };
    let value = &stored.key.key.value;
    ui.note(format!(
        "{verb} `{provider}` key of user `{user}` ({}, {}, fingerprint {}{at_rest})",
        stored.env_var,
        value.masked(),
        value.fingerprint()
    ));
    Ok(())
}

fn get(args: &GetArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let UserProvider { user, provider } = &args.target;
    let key = svc.get_key(user, provider)?;
    if args.reveal {
        let raw = key.key.value.expose();
        if ui.json {
            let view = RevealView {
                provider: provider.as_str(),
                value: raw,
            };
            return Ok(ui.print_json(&view)?);
        }
        return Ok(ui.out_exact(raw)?);
    }
    Ok(ui.emit(&KeyView::from(&key), || key_block(&key))?)
}

fn key_block(stored: &StoredKey) -> String {
    let key = &stored.key;
    let mut b = Block::new();
    b.field("provider", &key.provider)
        .field("env_var", providers::env_var_for(&key.provider))
        .field("masked", stored.masked())
        .field("fingerprint", stored.fingerprint())
        .field("encrypted", human::yes_no(stored.sealed))
        .field("created_at", human::time(key.created_at))
        .field("updated_at", human::time(key.updated_at));
    b.render()
}

fn list(user: &UserId, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let keys = svc.list_keys(user)?;
    let views: Vec<KeyView> = keys.iter().map(KeyView::from).collect();
    Ok(ui.emit(&views, || keys_table(&keys, ui.color_stdout()))?)
}

fn keys_table(keys: &[StoredKey], color: bool) -> String {
    if keys.is_empty() {
        return "no keys stored".to_owned();
    }
    let headers = [
        "provider",
        "env_var",
        "masked",
        "fingerprint",
        "encrypted",
        "created_at",
        "updated_at",
    ];
    let mut t = TableBuilder::new(&headers, color);
    for stored in keys {
        let k = &stored.key;
        t.row([
            k.provider.to_string(),
            providers::env_var_for(&k.provider),
            stored.masked(),
            stored.fingerprint(),
            human::yes_no(stored.sealed).to_owned(),
            human::time(k.created_at),
            human::time(k.updated_at),
        ]);
    }
    t.render()
}

fn delete(args: &UserProvider, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let UserProvider { user, provider } = args;
    let files = svc.delete_key(user, provider)?;
    super::env::report_env(&files, ui);
    if ui.json {
        let view = serde_json::json!({ "user_id": user, "provider": provider, "deleted": true });
        return Ok(ui.print_json(&view)?);
    }
    ui.note(format!("deleted `{provider}` key of user `{user}`"));
    Ok(())
}

/// `key providers`: the registry, with `required` from `ONBOARDCTL_REQUIRED_PROVIDERS`. Needs
/// no database.
pub fn providers(ui: &Ui) -> Outcome {
    let env = crate::config::process_env(providers::REQUIRED_PROVIDERS_ENV);
    let required =
        providers::required_providers(env.as_deref()).map_err(|e| Error::usage(e.to_string()))?;
    let is_required = |name: &str| required.iter().any(|r| r.as_str() == name);
    let views: Vec<ProviderView> = providers::all()
        .iter()
        .map(|spec| ProviderView::new(spec, is_required(spec.name)))
        .collect();
    Ok(ui.emit(&views, || {
        let headers = ["provider", "env_var", "required", "format", "description"];
        let mut t = TableBuilder::new(&headers, ui.color_stdout());
        for v in &views {
            t.row([
                v.name.to_owned(),
                v.env_var.to_owned(),
                human::yes_no(v.required).to_owned(),
                v.format.clone(),
                v.description.to_owned(),
            ]);
        }
        t.render()
    })?)
}

/// `key reseal`: prints the counts, then fails (exit 4) when any row failed, listing each.
fn reseal(args: &ResealArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let old = args
        .old_master_key_env
        .as_deref()
        .map(old_master_key)
        .transpose()?;
    let report = svc.reseal_keys(old.as_ref(), args.seal_anyway)?;
    let view = ResealView::from(&report);
    ui.emit(&view, || reseal_block(&view))?;
    if report.failed.is_empty() {
        return Ok(());
    }
    let details = report.failed.iter().map(|f| f.reason.clone()).collect();
    let error = Error::precondition(format!(
        "{} key(s) could not be resealed",
        report.failed.len()
    ))
    .with_details(details);
    Err(match old {
        Some(_) => error,
        None => error.with_hint(
            "if they were encrypted under a previous master key, put it in a variable and \
             pass --old-master-key-env VAR",
        ),
    }
    .into())
}

/// The previous master key from the variable `var`; unset or invalid is exit 4, and the
/// value is never quoted.
fn old_master_key(var: &str) -> Result<MasterKey, Error> {
    let text = zeroize::Zeroizing::new(crate::config::process_env(var).ok_or_else(|| {
        Error::precondition(format!("environment variable `{var}` is not set"))
            .with_hint("--old-master-key-env takes the name of a variable holding the old key")
    })?);
    MasterKey::from_base64(&text).map_err(|e| Error::precondition(format!("`{var}`: {e}")))
}
