//! The service layer: every operation of the tool as a method over `&mut dyn Store`. It
//! applies the rules of `crate::domain` and turns store errors into [`crate::error::Error`]s;
//! CLI handlers call it and render what it returns.

pub(crate) mod audit;
mod data;
mod doctor;
mod env_sync;
mod keys;
mod local_env;
mod report;
mod reseal;
mod run_env;
pub mod transfer;
mod workspace;

pub use crate::domain::inputs::ResearchInput;
pub use audit::{process_actor, AuditContext};
pub use doctor::{Doctor, DoctorFacts};
pub use env_sync::{EnvDiff, EnvEntry, EnvStatus, EnvSync};
pub use keys::{KeyOptions, KeySet, StoredKey};
use local_env::FileEdit;
pub use local_env::{EnvChange, EnvWrite};
pub use report::ReportRequest;
pub use reseal::{ResealFailure, ResealReport};
pub use run_env::{RunEnvRequest, RunVar};

use time::{Duration, OffsetDateTime};

use crate::config::Settings;
use crate::domain::alwrity::{self, StaleContext};
use crate::domain::audit::Diff;
use crate::domain::limits;
use crate::domain::progress::{self, StepChange};
use crate::domain::validation::{self, Evidence};
use crate::domain::{Onboarding, Percent, StepNumber, StepStatus, Timestamp, UserId};
use crate::error::{Error, Result};
use crate::store::{
    Backend, Deletion, Lifecycle, MigrationInfo, SchemaState, SessionQuery, SessionSort,
    SessionSummary, Store, TxScope,
};

/// Filters for `session list`, as given on the command line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListFilter {
    /// Keep sessions in any of these lifecycles (empty = any).
    pub lifecycles: Vec<Lifecycle>,
    /// Keep sessions at this current step.
    pub step: Option<StepNumber>,
    /// Keep unfinished sessions not updated for this many days.
    pub stalled_days: Option<u32>,
    /// At most this many rows.
    pub limit: u32,
    /// Skip this many rows.
    pub offset: u32,
    /// The order (`--sort`, `--reverse`).
    pub sort: SessionSort,
    /// Keep users whose id contains this (`--user-like`).
    pub user_like: Option<String>,
}

/// What [`Service::list_sessions_paged`] handed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Listed {
    /// Rows handed to the pages.
    pub shown: u64,
    /// How many rows match, when the list stopped at its limit with more left; `None`
    /// when it showed every row from the offset on.
    pub total: Option<u64>,
}

/// The rows of one page of [`Service::list_sessions_paged`].
pub const LIST_PAGE: u32 = 1_000;

/// How `complete` treats unmet requirements.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CompleteMode {
    /// Refuse, listing what is missing.
    Checked,
    /// Complete anyway and record that it was forced, with the operator's reason.
    Forced {
        /// Why (`--reason`, required with `--force`).
        reason: String,
    },
}

/// The operations of onboardctl over one store.
pub struct Service<'a> {
    store: &'a mut dyn Store,
    settings: Settings,
    /// Seals key values on write and opens them on read (`ONBOARDCTL_MASTER_KEY`).
    pub(crate) sealer: crate::domain::seal::Sealer,
    /// Appends the audit rows of the changes this service makes.
    pub(crate) auditor: audit::Auditor,
}

/// The current time in UTC, truncated to microseconds (the precision both stores keep), so
/// a value read back equals the value written.
pub fn now() -> Timestamp {
    let t = OffsetDateTime::now_utc();
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .expect("truncating nanoseconds stays in range")
}

impl<'a> Service<'a> {
    /// A service over `store` with `settings` read from the environment.
    /// The master key moves out of `settings` into the service's sealer (one copy in memory).
    pub fn new(store: &'a mut dyn Store, mut settings: Settings) -> Service<'a> {
        let sealer = crate::domain::seal::Sealer::new(settings.master_key.take());
        Service {
            store,
            settings,
            sealer,
            auditor: audit::Auditor::default(),
        }
    }

    /// Runs a read-modify-write of `user`'s data inside one write transaction of the store
    /// (the `Store` contract): every read `f` makes sees data no other writer can change until
    /// the commit, so a concurrent update is never lost. Committed when `f` succeeds, rolled
    /// back (nothing changed) when it fails.
    pub(crate) fn in_write<T>(
        &mut self,
        user: &UserId,
        f: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.in_scope(TxScope::User(user), f)
    }

    /// [`Service::in_write`] for any scope.
    pub(crate) fn in_scope<T>(
        &mut self,
        scope: TxScope<'_>,
        f: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<T> {
        self.store.begin_write(scope)?;
        match f(self) {
            Ok(value) => {
                self.store.commit()?;
                Ok(value)
            }
            Err(e) => {
                // The operation's error is the one to report; a failed rollback means the
                // connection, and the transaction with it, is gone.
                let _ = self.store.rollback();
                Err(e)
            }
        }
    }

    /// A "not found" made precise for the operator: it names the database, and for a
    /// missing user a stored id one or two edits away is suggested ("did you mean"). The
    /// suggestion reads one bounded page of ids next to the requested one in sort order, so
    /// it costs one statement whatever the database's size.
    pub fn explain_not_found(&mut self, mut e: Error) -> Error {
        e.message = format!("{} in `{}`", e.message, self.store.location());
        let Some(user) = e.missing_user.clone() else {
            return e;
        };
        let prefix: String = {
            let chars: Vec<char> = user.as_str().chars().collect();
            chars[..chars.len().saturating_sub(2)].iter().collect()
        };
        let after = (!prefix.is_empty()).then(|| UserId::stored(prefix));
        let Ok(nearby) = self.store.list_user_ids(after.as_ref(), 64) else {
            return e;
        };
        if let Some(near) = nearest(&user, &nearby) {
            e.details.push(format!("did you mean `{near}`?"));
        }
        e
    }

    /// Up to `limit` stored user ids starting with `prefix`, ascending in bytewise order (for
    /// shell completion). Bounded whatever the database's size: the ids with a prefix follow
    /// the prefix itself in that order, so one page after it holds them, plus one read of
    /// the prefix as an id when it is one.
    pub fn user_ids_starting_with(&mut self, prefix: &str, limit: u32) -> Result<Vec<UserId>> {
        if prefix.is_empty() {
            return Ok(self.store.list_user_ids(None, limit)?);
        }
        let mut ids = Vec::new();
        if let Ok(id) = prefix.parse::<UserId>() {
            if self.store.load_onboarding(&id)?.is_some() {
                ids.push(id);
            }
        }
        let after = UserId::stored(prefix.to_owned());
        let page = self.store.list_user_ids(Some(&after), limit)?;
        ids.extend(
            page.into_iter()
                .take_while(|id| id.as_str().starts_with(prefix)),
        );
        ids.truncate(limit as usize);
        Ok(ids)
    }

    /// Which backend the store is.
    pub fn backend(&self) -> Backend {
        self.store.backend()
    }

    /// The store's location, redacted.
    pub fn location(&self) -> String {
        self.store.location()
    }

    /// Applied and pending migrations.
    pub fn schema_state(&mut self) -> Result<SchemaState> {
        Ok(self.store.schema_state()?)
    }

    /// Applies pending migrations; returns those applied.
    pub fn migrate(&mut self) -> Result<Vec<MigrationInfo>> {
        Ok(self.store.migrate()?)
    }

    /// What the database is: onboardctl's own, or ALwrity's.
    pub fn flavour(&self) -> crate::store::alwrity::Flavour {
        self.store.flavour()
    }

    /// What `db migrate` would add to a database ALwrity made (`None` otherwise).
    pub fn attach_plan(&mut self) -> Result<Option<crate::store::alwrity::AttachPlan>> {
        Ok(self.store.attach_plan()?)
    }

    /// The merge `db repair` would do (`None` on onboardctl's own database).
    pub fn repair_plan(&mut self) -> Result<Option<crate::store::alwrity::RepairPlan>> {
        Ok(self.store.repair_plan()?)
    }

    /// `db repair`.
    pub fn repair(&mut self) -> Result<Option<crate::store::alwrity::RepairPlan>> {
        Ok(self.store.repair()?)
    }

    /// `session create`: get-or-create; returns the state and whether it was created now.
    /// A new session is audited (`created`); an existing one writes nothing.
    pub fn create_session(&mut self, user: &UserId) -> Result<(Onboarding, bool)> {
        self.in_write(user, |svc| {
            let (state, created) = svc.store.create_session(user, now())?;
            if created {
                let mut diff = Diff::new();
                diff.onboarding(None, Some(&state));
                svc.audit(user, "created", diff, None)?;
            }
            Ok((state, created))
        })
    }

    /// `session show` / `progress show`: the user's onboarding.
    pub fn show_session(&mut self, user: &UserId) -> Result<Onboarding> {
        self.store
            .load_onboarding(user)?
            .ok_or_else(|| Error::no_session(user))
    }

    /// `session list` a page at a time: `page` gets the rows in order, at most
    /// [`LIST_PAGE`] at a time, so the output streams instead of building the whole table.
    /// The rows come from one statement read as a stream ([`Store::scan_sessions`]), so
    /// memory stays flat on SQLite and PostgreSQL however long the list; one statement
    /// also keeps a pooler in transaction mode happy and needs no keyset cursor (a row
    /// without `updated_at`, possible in a database an earlier onboardctl rewrote from
    /// ALwrity's, would have none that names it).
    ///
    /// The query asks for one row more than the limit: only when that row exists (the list
    /// stops early) does one more statement count the matching rows for [`Listed::total`].
    pub fn list_sessions_paged<E: From<Error>>(
        &mut self,
        filter: &ListFilter,
        page: &mut dyn FnMut(Vec<SessionSummary>) -> std::result::Result<(), E>,
    ) -> std::result::Result<Listed, E> {
        let mut query = self.session_query(filter);
        query.limit = filter.limit.saturating_add(1);
        let limit = u64::from(filter.limit);
        let size = usize::try_from(LIST_PAGE).unwrap_or(usize::MAX);
        let mut chunk: Vec<SessionSummary> = Vec::with_capacity(size.min(1024));
        let (mut shown, mut more) = (0_u64, false);
        let mut failed: Option<E> = None;
        self.store
            .scan_sessions(&query, &mut |row| {
                if shown == limit {
                    more = true;
                    return false;
                }
                shown += 1;
                chunk.push(row);
                if chunk.len() < size {
                    return true;
                }
                match page(std::mem::take(&mut chunk)) {
                    Ok(()) => true,
                    Err(e) => {
                        failed = Some(e);
                        false
                    }
                }
            })
            .map_err(Error::from)?;
        if let Some(e) = failed {
            return Err(e);
        }
        if !chunk.is_empty() {
            page(chunk)?;
        }
        let total = if more {
            Some(
                self.store
                    .count_matching_sessions(&query)
                    .map_err(Error::from)?,
            )
        } else {
            None
        };
        Ok(Listed { shown, total })
    }

    fn session_query(&self, filter: &ListFilter) -> SessionQuery {
        SessionQuery {
            lifecycles: filter.lifecycles.clone(),
            current_step: filter.step,
            stalled_since: filter
                .stalled_days
                .map(|d| now() - Duration::days(i64::from(d))),
            limit: filter.limit,
            offset: filter.offset,
            after: None,
            sort: filter.sort,
            user_like: filter.user_like.clone(),
        }
    }

    /// `session delete`: the session and, by cascade, all of the user's data.
    /// In local mode the variables holding the user's keys leave the `.env` file(s), as with
    /// `key delete` (inside the same transaction; a file that cannot be written changes
    /// nothing).
    ///
    /// On SQLite the freed storage is then scrubbed ([`Store::scrub_freed_storage`]) when
    /// key values went, so no byte of the user's keys stays in the file, even a copy an
    /// earlier write (ALwrity's, without `secure_delete`) left in free space. Not on
    /// PostgreSQL, where that is a `VACUUM FULL` taking an exclusive lock of the key tables
    /// of a shared database; old row versions there last until PostgreSQL vacuums.
    pub fn delete_session(&mut self, user: &UserId) -> Result<EnvWrite> {
        let held_keys = self.store.deletion(user)?.is_some_and(|d| d.removes_keys);
        let mut removal = self
            .with_key_removal(user, |svc| {
                let before = svc.store.load_bundle(user)?;
                if !svc.store.delete_session(user)? {
                    return Err(Error::no_session(user));
                }
                let mut diff = Diff::new();
                let fp = |k: &crate::domain::ApiKey| svc.fingerprint_of(user, k);
                diff.bundle(before.as_ref(), None, &fp);
                svc.audit(user, "deleted", diff, None)
            })
            .map(|((), removal)| removal)?;
        if held_keys && matches!(self.store.backend(), Backend::Sqlite | Backend::Workspace) {
            if let Err(e) = self.store.scrub_freed_storage() {
                removal.notes.push(format!(
                    "the session is deleted, but the freed space could not be scrubbed ({e}); \
                     `key reseal` scrubs it"
                ));
            }
        }
        Ok(removal)
    }

    /// What `session delete` of `user` removes and leaves (`--dry-run`, and the report of
    /// a real delete). Reads only.
    pub fn deletion(&mut self, user: &UserId) -> Result<Deletion> {
        self.store
            .deletion(user)?
            .ok_or_else(|| Error::no_session(user))
    }

    /// ALwrity's `agent_context/` documents of `user` that no longer say what the database
    /// says ([`crate::domain::alwrity::staleness`]); none outside a HEAD workspace.
    pub fn stale_context(&mut self, user: &UserId) -> Result<Vec<StaleContext>> {
        let files = self.store.context_files(user)?;
        let mut stale = Vec::new();
        for file in &files {
            let row = match file.step {
                2 => self.store.get_website_analysis(user)?.map(|r| r.updated_at),
                3 => self
                    .store
                    .get_research_preferences(user)?
                    .map(|r| r.updated_at),
                4 => self.store.get_persona_data(user)?.map(|r| r.updated_at),
                _ => Some(None),
            };
            stale.extend(alwrity::staleness(file, row));
        }
        Ok(stale)
    }

    /// `session reset [--purge]`. With `--purge` in local mode the user's variables leave the
    /// `.env` file(s) too.
    pub fn reset_session(&mut self, user: &UserId, purge: bool) -> Result<(Onboarding, EnvWrite)> {
        let reset = |svc: &mut Self| {
            let before = svc.store.load_bundle(user)?;
            let mut state = svc.show_session(user)?;
            progress::reset(&mut state, now());
            svc.store.reset_onboarding(&state, purge)?;
            let mut diff = Diff::new();
            match (purge, before) {
                (true, Some(before)) => {
                    let after = crate::domain::UserBundle {
                        competitors: before.competitors.clone(),
                        page_audits: before.page_audits.clone(),
                        ..crate::domain::UserBundle::new(state.clone())
                    };
                    let fp = |k: &crate::domain::ApiKey| svc.fingerprint_of(user, k);
                    diff.bundle(Some(&before), Some(&after), &fp);
                }
                (_, before) => {
                    diff.onboarding(before.as_ref().map(|b| &b.onboarding), Some(&state))
                }
            }
            let outcome = if purge { "reset and purged" } else { "reset" };
            svc.audit(user, outcome, diff, None)?;
            Ok(state)
        };
        if purge {
            return self.with_key_removal(user, reset);
        }
        Ok((self.in_write(user, reset)?, EnvWrite::default()))
    }

    /// Runs `change` (which deletes the user's keys) and, in local mode, removes from the
    /// `.env` file(s) every variable that holds one of those keys, as one unit
    /// ([`Service::with_env_files`]). A variable holding another value — another user's key,
    /// or a hand edit — is left alone and named in the notes, as is one whose stored key is
    /// sealed without the master key (it cannot be compared).
    fn with_key_removal<T>(
        &mut self,
        user: &UserId,
        change: impl FnOnce(&mut Self) -> Result<T>,
    ) -> Result<(T, EnvWrite)> {
        self.with_env_files(user, |svc, files| {
            let keys = match files {
                Some(_) => svc.list_keys(user)?,
                None => Vec::new(),
            };
            let out = change(svc)?;
            let (mut edits, mut notes) = (Vec::new(), Vec::new());
            for stored in &keys {
                for target in svc.env_targets(&stored.key.provider) {
                    let Some(files) = files else { continue };
                    let here = format!("`{}` in `{}`", target.var, target.path.display());
                    match files.value(&target)? {
                        None => {}
                        Some(_) if !stored.opened => {
                            notes.push(format!("left {here}: the stored key is sealed"));
                        }
                        Some(v) if v != stored.key.value => {
                            notes.push(format!("left {here}: it holds another value"));
                        }
                        Some(_) => edits.push(FileEdit {
                            target,
                            value: None,
                        }),
                    }
                }
            }
            Ok((out, edits, notes))
        })
    }

    /// `progress step`: changes one step's status. Completing a step runs its validation
    /// unless the change is forced; a refused change writes nothing.
    pub fn mark_step(&mut self, user: &UserId, change: StepChange) -> Result<StepChanged> {
        progress::check_transition(change.step, change.status)
            .map_err(|e| transition_error(e, user))?;
        check_step_input(&change)?;
        self.in_write(user, |svc| svc.mark_step_locked(user, change))
    }

    fn mark_step_locked(&mut self, user: &UserId, change: StepChange) -> Result<StepChanged> {
        let mut state = self.show_session(user)?;
        if change.status == StepStatus::Completed && change.forced.is_none() {
            let reasons = self.validate_step(user, change.step)?;
            if !reasons.is_empty() {
                return Err(Error::precondition(format!(
                    "step {} `{}` cannot be completed",
                    change.step,
                    change.step.title()
                ))
                .with_details(reasons)
                .with_hint(
                    "fix the above, or pass --force --reason TEXT to record the step as forced",
                ));
            }
        }
        let before = state.clone();
        let reason = change.forced.clone();
        let effect = progress::apply_step_change(&mut state, change, now())
            .map_err(|e| transition_error(e, user))?;
        self.store.save_onboarding(&state)?;
        let mut diff = Diff::new();
        diff.onboarding(Some(&before), Some(&state));
        let outcome = if reason.is_some() {
            "forced"
        } else {
            "updated"
        };
        self.audit(user, outcome, diff, reason)?;
        Ok(StepChanged {
            state,
            revoked_completion: effect.revoked_completion,
        })
    }

    /// Every reason step `step` may not be completed for `user`, from what is stored.
    fn validate_step(&mut self, user: &UserId, step: StepNumber) -> Result<Vec<String>> {
        let mut providers = Vec::new();
        let (mut analysis, mut research, mut persona) = (None, None, None);
        match step.get() {
            1 => {
                providers = self
                    .store
                    .list_api_keys(user)?
                    .into_iter()
                    .map(|k| k.provider)
                    .collect()
            }
            2 => analysis = self.store.get_website_analysis(user)?,
            3 => research = self.store.get_research_preferences(user)?,
            4 => persona = self.store.get_persona_data(user)?,
            _ => {}
        }
        let evidence = Evidence {
            key_providers: &providers,
            analysis: analysis.as_ref(),
            research: research.as_ref(),
            persona: persona.as_ref(),
        };
        Ok(validation::validate_step(
            step,
            &evidence,
            &self.settings.required_providers,
        ))
    }

    /// `progress set-step`: overrides `current_step` until the next step change.
    pub fn set_current_step(&mut self, user: &UserId, step: StepNumber) -> Result<Onboarding> {
        self.in_write(user, |svc| {
            let mut state = svc.show_session(user)?;
            let before = state.clone();
            progress::set_current_step(&mut state, step, now());
            svc.store.save_onboarding(&state)?;
            svc.audit_state(user, &before, &state, "updated", None)?;
            Ok(state)
        })
    }

    /// `progress set`: overrides the percentage until the next step change.
    pub fn set_progress(&mut self, user: &UserId, percent: Percent) -> Result<Onboarding> {
        self.in_write(user, |svc| {
            let mut state = svc.show_session(user)?;
            let before = state.clone();
            progress::set_progress(&mut state, percent, now())
                .map_err(|e| transition_error(e, user))?;
            svc.store.save_onboarding(&state)?;
            svc.audit_state(user, &before, &state, "updated", None)?;
            Ok(state)
        })
    }

    /// `complete`: finishes onboarding when steps 1–5 allow it (or when forced). Completing
    /// an already completed onboarding changes nothing, except that a second forced
    /// completion of a forced one replaces its reason.
    pub fn complete(&mut self, user: &UserId, mode: CompleteMode) -> Result<Completed> {
        if let CompleteMode::Forced { reason } = &mode {
            limits::check_text("--reason", reason, None).map_err(Error::precondition)?;
        }
        self.in_write(user, |svc| svc.complete_locked(user, mode))
    }

    fn complete_locked(&mut self, user: &UserId, mode: CompleteMode) -> Result<Completed> {
        let mut state = self.show_session(user)?;
        let before = state.clone();
        if state.session.is_completed() {
            let how = match mode {
                CompleteMode::Forced { reason } => {
                    if progress::replace_force_reason(&mut state, reason.clone(), now()) {
                        self.store.save_onboarding(&state)?;
                        let outcome = "reason replaced";
                        self.audit_state(user, &before, &state, outcome, Some(reason))?;
                        Completion::ReasonReplaced
                    } else {
                        Completion::AlreadyComplete
                    }
                }
                CompleteMode::Checked => Completion::AlreadyComplete,
            };
            return Ok(Completed { state, how });
        }
        let forced = match mode {
            CompleteMode::Checked => {
                let missing = progress::completion_blockers(&state);
                if !missing.is_empty() {
                    return Err(Error::precondition(format!(
                        "onboarding of `{user}` is not ready to complete"
                    ))
                    .with_details(missing)
                    .with_hint("finish the steps above, or pass --force --reason TEXT"));
                }
                None
            }
            CompleteMode::Forced { reason } => Some(reason),
        };
        let outcome = if forced.is_some() {
            "forced"
        } else {
            "completed"
        };
        progress::complete(&mut state, forced.clone(), now());
        self.store.save_onboarding(&state)?;
        self.audit_state(user, &before, &state, outcome, forced)?;
        Ok(Completed {
            state,
            how: Completion::Completed,
        })
    }
}

impl Service<'_> {
    /// Appends the row of a change of `user`'s session and steps from `before` to `after`.
    fn audit_state(
        &mut self,
        user: &UserId,
        before: &Onboarding,
        after: &Onboarding,
        outcome: &str,
        reason: Option<String>,
    ) -> Result<()> {
        let mut diff = Diff::new();
        diff.onboarding(Some(before), Some(after));
        self.audit(user, outcome, diff, reason)
    }
}

/// The id among `candidates` closest to `wanted` by edit distance, if it is at most 2 edits
/// away (and not `wanted` itself).
fn nearest<'a>(wanted: &UserId, candidates: &'a [UserId]) -> Option<&'a UserId> {
    let w: Vec<char> = wanted.as_str().chars().collect();
    candidates
        .iter()
        .filter(|c| *c != wanted)
        .map(|c| {
            (
                edit_distance(&w, &c.as_str().chars().collect::<Vec<_>>()),
                c,
            )
        })
        .filter(|(d, _)| *d <= 2)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Levenshtein distance of two char sequences (ids are short: at most 255 characters).
fn edit_distance(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let above = row[j + 1];
            row[j + 1] = (above + 1)
                .min(row[j] + 1)
                .min(diagonal + usize::from(ca != cb));
            diagonal = above;
        }
    }
    row[b.len()]
}

/// What `progress step` did.
#[derive(Debug, Clone, PartialEq)]
pub struct StepChanged {
    /// The onboarding afterwards.
    pub state: Onboarding,
    /// The onboarding was complete and the change made it unfinished again.
    pub revoked_completion: bool,
}

/// What `complete` did.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Completion {
    /// The onboarding is now complete.
    Completed,
    /// It was already complete; nothing changed.
    AlreadyComplete,
    /// It was already complete by force; the new reason replaced the old one.
    ReasonReplaced,
}

/// The outcome of `complete`.
#[derive(Debug, Clone, PartialEq)]
pub struct Completed {
    /// The onboarding afterwards.
    pub state: Onboarding,
    /// What happened.
    pub how: Completion,
}

/// The text and JSON a step change would store obey the limits (no NUL anywhere).
fn check_step_input(change: &StepChange) -> Result<()> {
    let invalid = |e: String| Error::precondition(format!("invalid step change: {e}"));
    if let Some(data) = &change.data {
        limits::check_json("--data", data).map_err(invalid)?;
    }
    for (field, text) in [("--error", &change.error), ("--reason", &change.forced)] {
        if let Some(t) = text {
            limits::check_text(field, t, None).map_err(invalid)?;
        }
    }
    Ok(())
}

/// A refused transition is exit 4, with the command that does what was meant.
fn transition_error(e: progress::TransitionError, user: &UserId) -> Error {
    use progress::TransitionError as T;
    let error = Error::precondition(e.to_string());
    match e {
        T::FinalStepNeedsComplete | T::FullProgressNeedsComplete => {
            let user = crate::error::shell_word(user.as_str());
            error.with_hint(format!("onboardctl complete {user}"))
        }
        T::NotSkippable(_) => error,
    }
}
