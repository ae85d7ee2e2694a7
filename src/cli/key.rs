//! `onboardctl key …`: set (hidden prompt, `--stdin`, `--from-env`, `--from-file`; never on
//! argv), get (masked unless `--reveal`), list, delete, and the provider registry. A key value
//! is a [`crate::domain::Secret`] from the moment it is read and is printed only by
//! `key get --reveal`.

use clap::{Args, Subcommand};

use super::input::SecretSource;
use super::Outcome;
use crate::domain::providers;
use crate::domain::{ApiKey, ProviderName, UserId};
use crate::error::Error;
use crate::output::human::{self, Block, TableBuilder};
use crate::output::views::{CreatedView, KeyView, ProviderView, RevealView};
use crate::output::Ui;
use crate::service::{KeyOptions, Service};

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
    }
}

fn set(args: &SetArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let UserProvider { user, provider } = &args.target;
    // Fail on an unknown user before asking for a secret the run would then throw away.
    svc.show_session(user)?;
    let value = args
        .source
        .read(&format!("{provider} API key for {user}"))?;
    let opts = KeyOptions {
        validate: !args.no_validate,
        allow_unknown: args.allow_unknown,
    };
    let stored = svc.set_key(user, provider, value, opts)?;
    if ui.json {
        let view = CreatedView {
            created: stored.created,
            record: KeyView::from(&stored.key),
        };
        return Ok(ui.print_json(&view)?);
    }
    let verb = if stored.created { "stored" } else { "replaced" };
    ui.note(format!(
        "{verb} `{provider}` key of user `{user}` ({}, {}, fingerprint {})",
        stored.env_var,
        stored.key.value.masked(),
        stored.key.value.fingerprint()
    ));
    Ok(())
}

fn get(args: &GetArgs, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let UserProvider { user, provider } = &args.target;
    let key = svc.get_key(user, provider)?;
    if args.reveal {
        let raw = key.value.expose();
        if ui.json {
            let view = RevealView {
                provider: provider.as_str(),
                value: raw,
            };
            return Ok(ui.print_json(&view)?);
        }
        return Ok(ui.out(raw)?);
    }
    Ok(ui.emit(&KeyView::from(&key), || key_block(&key))?)
}

fn key_block(key: &ApiKey) -> String {
    let mut b = Block::new();
    b.field("provider", &key.provider)
        .field("env_var", providers::env_var_for(&key.provider))
        .field("masked", key.value.masked())
        .field("fingerprint", key.value.fingerprint())
        .field("created_at", human::time(key.created_at))
        .field("updated_at", human::time(key.updated_at));
    b.render()
}

fn list(user: &UserId, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    svc.show_session(user)?;
    let keys = svc.list_keys(user)?;
    let views: Vec<KeyView> = keys.iter().map(KeyView::from).collect();
    Ok(ui.emit(&views, || keys_table(&keys, ui.color_stdout()))?)
}

fn keys_table(keys: &[ApiKey], color: bool) -> String {
    if keys.is_empty() {
        return "no keys stored".to_owned();
    }
    let headers = [
        "provider",
        "env_var",
        "masked",
        "fingerprint",
        "created_at",
        "updated_at",
    ];
    let mut t = TableBuilder::new(&headers, color);
    for k in keys {
        t.row([
            k.provider.to_string(),
            providers::env_var_for(&k.provider),
            k.value.masked(),
            k.value.fingerprint(),
            human::time(k.created_at),
            human::time(k.updated_at),
        ]);
    }
    t.render()
}

fn delete(args: &UserProvider, svc: &mut Service<'_>, ui: &Ui) -> Outcome {
    let UserProvider { user, provider } = args;
    svc.delete_key(user, provider)?;
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
    let env = std::env::var(providers::REQUIRED_PROVIDERS_ENV).ok();
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
