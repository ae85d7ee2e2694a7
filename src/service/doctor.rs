//! `doctor`: every health check over the store and the local setup, as one
//! [`crate::domain::doctor::Report`]. Each check asks the code that owns the rule — the
//! schema state and attach plan, the repair plan, the provider registry's format check, the
//! sealer, the stray, quarantined and SSOT key reads, `env diff`, the workspace status — and
//! words what it found with the domain's finding constructors. It only reads: the store is
//! opened read-only, and files are only `stat`ed and read.

use std::collections::BTreeSet;
use std::path::Path;

use super::env_sync::EnvStatus;
use super::local_env::FRONTEND_COPILOTKIT_VAR;
use super::Service;
use crate::domain::doctor::{self as rules, Finding, JournalMode, Report};
use crate::domain::{providers, seal, ApiKey, ProviderName, UserId};
use crate::error::Result;
use crate::store::alwrity::Flavour;
use crate::store::workspace::WorkspaceStatus;
use crate::store::Backend;

/// Users read per page.
const PAGE: u32 = 500;

/// What `doctor` saw of the database itself, beside its findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DoctorFacts {
    /// `sqlite`, `postgres` or `workspace`.
    pub backend: Backend,
    /// The redacted location.
    pub location: String,
    /// `native` or `alwrity`.
    pub flavour: &'static str,
    /// On an ALwrity database: `seed` or `head`.
    pub era: Option<&'static str>,
    /// The SQLite file's journal mode (one file only).
    pub journal_mode: Option<JournalMode>,
    /// Users looked at.
    pub users: u64,
    /// `ONBOARDCTL_MASTER_KEY` is set.
    pub master_key: bool,
    /// `DEPLOY_ENV=local`.
    pub local_mode: bool,
}

/// The outcome of `doctor`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Doctor {
    /// The database.
    pub facts: DoctorFacts,
    /// Checks and findings.
    pub report: Report,
}

/// The findings of the per-user pass, by check.
#[derive(Default)]
struct UserPass {
    users: u64,
    readings: Vec<Finding>,
    formats: Vec<Finding>,
    sealing: Vec<Finding>,
    env: Vec<Finding>,
    sealed_seen: bool,
}

impl Service<'_> {
    /// `doctor`: checks the database and the local setup. Reads only.
    pub fn doctor(&mut self) -> Result<Doctor> {
        let (alwrity, attached, era) = match self.store.flavour() {
            Flavour::Native => (false, true, None),
            Flavour::Alwrity { era, attached } => (true, attached, Some(era.era.as_str())),
        };
        let mut facts = DoctorFacts {
            backend: self.store.backend(),
            location: self.store.location(),
            flavour: if alwrity { "alwrity" } else { "native" },
            era,
            journal_mode: None,
            users: 0,
            master_key: self.sealer.is_enabled(),
            local_mode: self.settings.deploy_env_local,
        };
        let mut r = Report::default();
        let ws = self.workspace_status()?;
        let unattached = self.check_schema(&mut r, alwrity, attached)?;
        let data = match unattached {
            Some(files) => {
                self.check_duplicates(&mut r, attached, &files)?;
                let pass = self.check_users(&mut r, alwrity)?;
                facts.users = pass.users;
                self.check_key_copies(&mut r, alwrity, pass.sealed_seen)?;
                true
            }
            None => false,
        };
        if !data {
            for name in [
                "duplicates",
                "readings",
                "key_formats",
                "sealing",
                "env",
                "orphans",
            ] {
                r.skip(name, "the schema is out of date");
            }
            r.skip("key_copies", "the schema is out of date");
        }
        facts.journal_mode = self.check_files(&mut r, alwrity, ws.as_ref());
        self.check_env_modes(&mut r);
        if let Some(ws) = &ws {
            self.check_workspace(&mut r, ws);
        }
        Ok(Doctor { facts, report: r })
    }

    /// Pending migrations (onboardctl's own database) or the attach (ALwrity's). Returns
    /// `None` when the data checks cannot run (an outdated schema), else the workspace files
    /// still to attach (empty elsewhere).
    fn check_schema(
        &mut self,
        r: &mut Report,
        alwrity: bool,
        attached: bool,
    ) -> Result<Option<BTreeSet<String>>> {
        if self.is_workspace() {
            let plan = self
                .migrate_workspace(true, &mut |_, _| {})?
                .unwrap_or_default();
            let files: BTreeSet<String> = plan
                .attached
                .iter()
                .map(|f| f.path.display().to_string())
                .collect();
            let found = files
                .iter()
                .map(|p| rules::not_attached(Some(p.clone())))
                .collect();
            self.store_skipped(plan.failed);
            let note = format!("{} file(s), {} attached", plan.files, plan.current);
            r.check("schema", found, Some(note));
            return Ok(Some(files));
        }
        let state = self.schema_state()?;
        if alwrity {
            let found = match attached {
                true => Vec::new(),
                false => vec![rules::not_attached(None)],
            };
            r.check("schema", found, Some("ALwrity's own tables".to_owned()));
            return Ok(Some(BTreeSet::new()));
        }
        let names: Vec<String> = state
            .pending
            .iter()
            .map(|m| format!("V{}__{}", m.version, m.name))
            .collect();
        let note = Some(format!("version {}", state.version()));
        if names.is_empty() {
            r.check("schema", Vec::new(), note);
            return Ok(Some(BTreeSet::new()));
        }
        r.check("schema", vec![rules::pending_migrations(&names)], note);
        Ok(None)
    }

    /// Duplicate sessions and extra rows, from `db repair`'s plan.
    fn check_duplicates(
        &mut self,
        r: &mut Report,
        attached: bool,
        unattached: &BTreeSet<String>,
    ) -> Result<()> {
        let mut found = Vec::new();
        let mut add = |plan: &crate::store::alwrity::RepairPlan, attached: bool| {
            for m in &plan.merges {
                found.push(rules::duplicate_sessions(
                    &m.user_id,
                    1 + m.moved.len(),
                    attached,
                ));
            }
            for row in &plan.extra_rows {
                found.push(rules::extra_row(row, attached));
            }
        };
        if self.is_workspace() {
            let plan = self
                .repair_workspace(true, &mut |_, _| {})?
                .unwrap_or_default();
            for f in &plan.repaired {
                let path = f.path.display().to_string();
                add(&f.plan, !unattached.contains(&path));
            }
            self.store_skipped(plan.failed);
        } else if let Some(plan) = self.repair_plan()? {
            add(&plan, attached);
        }
        r.check("duplicates", found, None);
        Ok(())
    }

    /// One pass over every user: the two readings, each key's format and seal, and in local
    /// mode the keys against the `.env` file(s).
    fn check_users(&mut self, r: &mut Report, alwrity: bool) -> Result<UserPass> {
        let mut pass = UserPass::default();
        let mut after: Option<UserId> = None;
        loop {
            let page = self.store.list_user_ids(after.as_ref(), PAGE)?;
            let Some(last) = page.last().cloned() else {
                break;
            };
            for user in &page {
                pass.users += 1;
                self.check_user(user, alwrity, &mut pass)?;
            }
            after = Some(last);
        }
        r.check("readings", std::mem::take(&mut pass.readings), None);
        r.check("key_formats", std::mem::take(&mut pass.formats), None);
        let note = match self.sealer.is_enabled() {
            true => "ONBOARDCTL_MASTER_KEY is set",
            false => "ONBOARDCTL_MASTER_KEY is not set",
        };
        r.check(
            "sealing",
            std::mem::take(&mut pass.sealing),
            Some(note.to_owned()),
        );
        match self.settings.deploy_env_local {
            true => {
                let note = format!("`{}`", self.settings.env_file.display());
                r.check("env", std::mem::take(&mut pass.env), Some(note));
            }
            false => r.skip("env", "DEPLOY_ENV is not `local`"),
        }
        Ok(pass)
    }

    fn check_user(&mut self, user: &UserId, alwrity: bool, pass: &mut UserPass) -> Result<()> {
        if let Some(o) = self.store.load_onboarding(user)? {
            if let Some(view) = &o.alwrity {
                if let Some(line) = crate::domain::alwrity::disagreement(view.columns, &o.steps) {
                    let first = o.steps[..5]
                        .iter()
                        .find(|s| !s.status.is_done())
                        .map(|s| s.number.get());
                    pass.readings
                        .push(rules::readings_disagree(user.as_str(), &line, first));
                }
            }
        }
        let keys = self.store.list_api_keys(user)?;
        let mut all_open = true;
        for key in &keys {
            all_open &= self.check_key(user, key, alwrity, pass);
        }
        if self.settings.deploy_env_local && !keys.is_empty() && all_open {
            self.check_env(user, pass);
        }
        Ok(())
    }

    /// One key: sealed without (or under another) master key, stored plaintext under a
    /// master key on onboardctl's own database, or failing its format. Returns whether its
    /// plaintext could be read.
    fn check_key(&self, user: &UserId, key: &ApiKey, alwrity: bool, pass: &mut UserPass) -> bool {
        let (u, p) = (user.as_str(), key.provider.as_str());
        let sealed = seal::is_sealed(key.value.expose());
        pass.sealed_seen |= sealed;
        if sealed && !self.sealer.is_enabled() {
            pass.sealing.push(rules::sealed_without_master_key(u, p));
            return false;
        }
        if !sealed && self.sealer.is_enabled() && !alwrity {
            pass.sealing.push(rules::unsealed_key(u, p));
        }
        match self.sealer.open(user, &key.provider, &key.value) {
            Ok(plain) => {
                if let Err(reason) =
                    providers::check_format(providers::lookup(&key.provider), &plain)
                {
                    pass.formats.push(rules::key_format(u, p, &reason));
                }
                true
            }
            Err(e) => {
                pass.sealing
                    .push(rules::sealed_key_unreadable(u, p, &e.to_string()));
                false
            }
        }
    }

    /// Local mode: the user's keys against the `.env` file(s), as `env diff` compares them.
    fn check_env(&mut self, user: &UserId, pass: &mut UserPass) {
        match self.env_diff(user) {
            Ok(diff) => {
                for e in diff
                    .entries
                    .iter()
                    .filter(|e| e.status != EnvStatus::Matches)
                {
                    pass.env.push(rules::env_drift(
                        user.as_str(),
                        &e.var,
                        &e.path.display().to_string(),
                        e.status == EnvStatus::Missing,
                    ));
                }
            }
            Err(e) => pass
                .env
                .push(rules::env_unreadable(user.as_str(), &e.message)),
        }
    }

    /// Keys outside the rows anyone reads: orphan rows, and while keys are sealed the
    /// plaintext in stray rows, the quarantine and ALwrity's SSOT copies; and SSOT copies
    /// that no longer hold the user's key.
    fn check_key_copies(&mut self, r: &mut Report, alwrity: bool, sealed_seen: bool) -> Result<()> {
        let strays = self.store.stray_keys()?;
        let quarantine = self.store.quarantined_keys()?;
        let copies = self.store.key_copies()?;
        let sealing = sealed_seen
            || (self.sealer.is_enabled() && !alwrity)
            || strays.iter().any(|s| seal::is_sealed(s.value.expose()))
            || quarantine.iter().any(|q| seal::is_sealed(q.value.expose()))
            || copies.iter().any(|c| seal::is_sealed(c.value.expose()));
        let plain = |v: &crate::domain::Secret| sealing && !seal::is_sealed(v.expose());
        let file = match self.store.backend() {
            Backend::Sqlite => self
                .settings
                .database_file
                .as_ref()
                .map(|p| p.display().to_string()),
            _ => None,
        };
        let (mut orphans, mut found) = (Vec::new(), Vec::new());
        for s in &strays {
            match &s.owner {
                None => orphans.push(rules::orphan_key(&s.provider, file.as_deref())),
                Some(owner) if plain(&s.value) => found.push(rules::plaintext_key_copy(
                    format!("api_keys/{owner}/{}", s.provider),
                    "an `api_keys` row no reader uses",
                    alwrity,
                )),
                Some(_) => {}
            }
        }
        for q in quarantine.iter().filter(|q| plain(&q.value)) {
            found.push(rules::plaintext_key_copy(
                format!("onboardctl_quarantine/{}", q.provider),
                "`onboardctl_quarantine`",
                alwrity,
            ));
        }
        for c in &copies {
            if plain(&c.value) {
                found.push(rules::plaintext_key_copy(
                    format!("{}/{}", c.owner, c.provider),
                    "ALwrity's SSOT copy in `onboarding_data_integrations`",
                    alwrity,
                ));
            }
            let provider = ProviderName::stored(c.provider.clone());
            let row = match self.store.get_api_key(&c.owner, &provider) {
                Ok(row) => row,
                Err(crate::store::StoreError::NoSession(_)) => None,
                Err(e) => return Err(e.into()),
            };
            if row.as_ref().is_none_or(|k| k.value != c.value) {
                found.push(rules::stale_key_copy(
                    c.owner.as_str(),
                    &c.provider,
                    row.is_none(),
                ));
            }
        }
        r.check("orphans", orphans, None);
        let note = format!("{} SSOT copies", copies.len());
        r.check("key_copies", found, Some(note));
        Ok(())
    }

    /// The database file(s): mode and journal. Returns the journal mode of a single file.
    fn check_files(
        &mut self,
        r: &mut Report,
        alwrity: bool,
        ws: Option<&WorkspaceStatus>,
    ) -> Option<JournalMode> {
        let files: Vec<(String, bool)> = match (ws, self.store.backend()) {
            (Some(ws), _) => ws
                .details
                .iter()
                .filter_map(|d| d.file.clone())
                .map(|f| (f, true))
                .collect(),
            (None, Backend::Sqlite) => self
                .settings
                .database_file
                .iter()
                .map(|p| (p.display().to_string(), alwrity))
                .collect(),
            _ => Vec::new(),
        };
        if files.is_empty() {
            r.skip("file_modes", "no database file (PostgreSQL)");
            r.skip("journal_mode", "no database file (PostgreSQL)");
            return None;
        }
        let (mut modes, mut journals) = (Vec::new(), Vec::new());
        let (mut wal, mut rollback) = (0, 0);
        let mut single = None;
        for (path, alwrity) in &files {
            if let Some(mode) = mode_of(Path::new(path)).filter(|m| rules::open_to_others(*m)) {
                modes.push(rules::loose_mode(
                    "database_file_mode",
                    "the database",
                    path,
                    mode,
                ));
            }
            let Some(journal) = journal_of(Path::new(path)) else {
                continue;
            };
            match journal {
                JournalMode::Wal => wal += 1,
                JournalMode::Rollback => rollback += 1,
            }
            single = Some(journal);
            journals.extend(rules::journal_rule(*alwrity, path, journal));
        }
        r.check(
            "file_modes",
            modes,
            Some("threshold: any group or other access".into()),
        );
        let note = match files.len() {
            1 => single.map(|j| j.as_str().to_owned()),
            _ => Some(format!("{wal} wal, {rollback} rollback")),
        };
        r.check("journal_mode", journals, note);
        (files.len() == 1).then_some(single).flatten()
    }

    /// The `.env` file(s) onboardctl reads and writes: open to group or others while they
    /// hold a key or the master key.
    fn check_env_modes(&self, r: &mut Report) {
        let mut paths = vec![self.settings.env_file.clone()];
        paths.extend(self.settings.frontend_env_file.clone());
        let mut found = Vec::new();
        for path in &paths {
            let Some(mode) = mode_of(path) else { continue };
            if rules::open_to_others(mode) && holds_secrets(path) {
                let shown = path.display().to_string();
                found.push(rules::loose_mode(
                    "env_file_mode",
                    "the env file",
                    &shown,
                    mode,
                ));
            }
        }
        r.check("env_file_modes", found, None);
    }

    /// What the workspace status flags: unreadable files and folder entries, shadowed files,
    /// ids that sanitise alike, sessions in a folder their id does not route to; and the
    /// files this run's reads skipped.
    fn check_workspace(&mut self, r: &mut Report, ws: &WorkspaceStatus) {
        let mut found = Vec::new();
        let mut seen = BTreeSet::new();
        for u in &ws.unreadable {
            seen.insert(u.path.clone());
            found.push(rules::unreadable("unreadable_file", &u.path, &u.reason));
        }
        for e in &ws.folder_errors {
            found.push(rules::unreadable("folder_error", &e.path, &e.reason));
        }
        for d in &ws.details {
            for s in &d.shadowed {
                found.push(rules::shadowed_file(&s.path));
            }
            let (Some(file), Some(facts)) = (&d.file, &d.sessions) else {
                continue;
            };
            for c in &facts.collisions {
                found.push(rules::colliding_ids(file, &c.ids, &facts.canonical.id));
            }
            for id in &facts.foreign {
                found.push(rules::foreign_session(file, id));
            }
        }
        for f in self.take_skipped() {
            let path = f.path.display().to_string();
            if seen.insert(path.clone()) {
                found.push(rules::unreadable("unreadable_file", &path, &f.reason));
            }
        }
        let note = format!("{} folder(s)", ws.folders);
        r.check("workspace", found, Some(note));
    }

    /// Files a workspace-wide plan could not read, kept for [`Service::check_workspace`].
    fn store_skipped(&mut self, files: Vec<crate::store::workspace::SkippedFile>) {
        if let Some(ws) = self.store.as_workspace() {
            ws.record_skipped(files);
        }
    }
}

/// The file's permission bits, `None` when it does not exist (or on a system without them).
fn mode_of(path: &Path) -> Option<u32> {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path)
        .ok()
        .map(|m| m.permissions().mode() & 0o7777)
}

/// The journal mode the file's header records; `None` for an empty or unreadable file.
fn journal_of(path: &Path) -> Option<JournalMode> {
    use std::io::Read;
    let mut header = [0u8; 100];
    let mut file = std::fs::File::open(path).ok()?;
    file.read_exact(&mut header).ok()?;
    JournalMode::from_header(&header)
}

/// Whether the `.env` at `path` holds a provider's key or the master key (one that cannot be
/// parsed is assumed to).
fn holds_secrets(path: &Path) -> bool {
    let Ok(vars) = crate::envfile::read_vars(path) else {
        return true;
    };
    vars.iter().any(|(name, value)| {
        !value.expose().is_empty()
            && (providers::all().iter().any(|p| p.env_var == name)
                || name == FRONTEND_COPILOTKIT_VAR
                || name == crate::config::MASTER_KEY_ENV)
    })
}
