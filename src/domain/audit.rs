//! The audit trail's rules: what one audit row holds ([`AuditEntry`]), how the field-by-field
//! change of a command is computed from the state before and after it ([`Diff`]), and how a
//! command line becomes the secret-free text a row keeps ([`command_text`]).
//!
//! A key value never enters a row: keys are compared and recorded by fingerprint only
//! ([`crate::domain::Secret::fingerprint`], the one `key list` shows). Large values (a website
//! analysis document, step data) are recorded by size and digest instead of in full, so a row
//! stays small whatever the data.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

use super::{ApiKey, Onboarding, Timestamp, UserBundle, UserId};

/// The longest JSON text of one old or new value recorded as is; a longer one is recorded as
/// its size and digest.
pub const MAX_VALUE_TEXT: usize = 200;

/// The longest command text recorded; the rest is cut (marked with `…`).
pub const MAX_COMMAND_TEXT: usize = 2_000;

/// One field a command changed: its old and new value (`None`: absent).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    /// The field, dotted: `current_step`, `step.2.status`, `key.gemini`,
    /// `website_analysis.website_url`.
    pub field: String,
    /// The value before (a key as its fingerprint).
    pub old: Option<Value>,
    /// The value after (a key as its fingerprint).
    pub new: Option<Value>,
}

/// One row of the audit trail: who changed what of whose, when, why, and what came of it.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditEntry {
    /// The row's id in its database (0 until stored; per file on a workspace).
    pub id: i64,
    /// When (UTC).
    pub at: Timestamp,
    /// Who: `--actor`, else `ONBOARDCTL_ACTOR`, else `user@host` of the process.
    pub actor: String,
    /// The command line, with every URL's password masked ([`command_text`]).
    pub command: String,
    /// Whose data changed (`None` for a change of no one user's data).
    pub user: Option<UserId>,
    /// What changed, field by field.
    pub changes: Vec<FieldChange>,
    /// The operator's `--reason`, where the command takes one and it was given.
    pub reason: Option<String>,
    /// What the command did: `created`, `updated`, `deleted`, `reset`, `completed`, …
    pub outcome: String,
}

/// Filters of `audit log`; every filter given must hold. Rows come newest first.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct AuditQuery {
    /// Rows of this user only.
    pub user: Option<UserId>,
    /// Rows of this actor only.
    pub actor: Option<String>,
    /// Rows at or after this instant only.
    pub since: Option<Timestamp>,
    /// At most this many rows.
    pub limit: u32,
}

impl AuditQuery {
    /// Whether `entry` passes the filters (the limit aside).
    pub fn matches(&self, entry: &AuditEntry) -> bool {
        self.user
            .as_ref()
            .is_none_or(|u| entry.user.as_ref() == Some(u))
            && self.actor.as_ref().is_none_or(|a| &entry.actor == a)
            && self.since.is_none_or(|t| entry.at >= t)
    }
}

/// The order of `audit log`: newest first, then the later row first.
pub fn newest_first(a: &AuditEntry, b: &AuditEntry) -> std::cmp::Ordering {
    b.at.cmp(&a.at).then_with(|| b.id.cmp(&a.id))
}

/// The field-by-field changes of one command, collected as the service compares states.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Diff {
    changes: Vec<FieldChange>,
}

impl Diff {
    /// No change yet.
    pub fn new() -> Diff {
        Diff::default()
    }

    /// The changes collected.
    pub fn into_changes(self) -> Vec<FieldChange> {
        self.changes
    }

    /// Whether nothing changed.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty()
    }

    /// Records `field` when `old` and `new` differ (values bounded, [`bounded`]).
    pub fn value(&mut self, field: impl Into<String>, old: Option<Value>, new: Option<Value>) {
        if old != new {
            self.changes.push(FieldChange {
                field: field.into(),
                old: old.map(bounded),
                new: new.map(bounded),
            });
        }
    }

    /// Records a key of `provider` by fingerprint (`None`: no key).
    pub fn key(&mut self, provider: &str, old: Option<String>, new: Option<String>) {
        self.value(
            format!("key.{provider}"),
            old.map(Value::String),
            new.map(Value::String),
        );
    }

    /// Records the session fields and the six steps that differ between `old` and `new`
    /// (`None`: no session). `updated_at` is left out: every write changes it.
    pub fn onboarding(&mut self, old: Option<&Onboarding>, new: Option<&Onboarding>) {
        let time = |t: Option<Timestamp>| t.map(|t| Value::String(rfc3339(t)));
        self.value(
            "session",
            old.map(|_| Value::from("present")),
            new.map(|_| Value::from("present")),
        );
        self.value(
            "current_step",
            old.map(|o| &o.session)
                .map(|s| Value::from(s.current_step.get())),
            new.map(|o| &o.session)
                .map(|s| Value::from(s.current_step.get())),
        );
        self.value(
            "progress",
            old.map(|o| &o.session).map(|s| Value::from(s.progress)),
            new.map(|o| &o.session).map(|s| Value::from(s.progress)),
        );
        self.value(
            "completed_at",
            old.map(|o| &o.session).and_then(|s| time(s.completed_at)),
            new.map(|o| &o.session).and_then(|s| time(s.completed_at)),
        );
        for i in 0..6 {
            let a = old.map(|o| &o.steps[i]);
            let b = new.map(|o| &o.steps[i]);
            let n = i + 1;
            self.value(
                format!("step.{n}.status"),
                a.map(|s| Value::from(s.status.as_str())),
                b.map(|s| Value::from(s.status.as_str())),
            );
            self.value(
                format!("step.{n}.forced"),
                a.filter(|s| s.forced).map(|_| Value::Bool(true)),
                b.filter(|s| s.forced).map(|_| Value::Bool(true)),
            );
            self.value(
                format!("step.{n}.force_reason"),
                a.and_then(|s| s.force_reason.clone()).map(Value::String),
                b.and_then(|s| s.force_reason.clone()).map(Value::String),
            );
            self.value(
                format!("step.{n}.data"),
                a.and_then(|s| s.data.clone()),
                b.and_then(|s| s.data.clone()),
            );
            let errors = |s: &super::StepState| {
                (!s.validation_errors.is_empty()).then(|| Value::from(s.validation_errors.clone()))
            };
            self.value(
                format!("step.{n}.validation_errors"),
                a.and_then(errors),
                b.and_then(errors),
            );
        }
    }

    /// Records the fields of a step-data record (`website_analysis`, `research_preferences`,
    /// `persona_data`) that differ, by their serialized names; `None`: no record. The
    /// bookkeeping times (`created_at`, `updated_at`, `analysis_date`) are left out.
    pub fn record<T: Serialize>(&mut self, name: &str, old: Option<&T>, new: Option<&T>) {
        let fields = |r: Option<&T>| -> serde_json::Map<String, Value> {
            match r.map(serde_json::to_value) {
                Some(Ok(Value::Object(m))) => m,
                _ => serde_json::Map::new(),
            }
        };
        self.value(
            name,
            old.map(|_| Value::from("present")),
            new.map(|_| Value::from("present")),
        );
        let (a, b) = (fields(old), fields(new));
        let mut names: Vec<&String> = a.keys().chain(b.keys()).collect();
        names.sort();
        names.dedup();
        for field in names {
            if ["created_at", "updated_at", "analysis_date"].contains(&field.as_str()) {
                continue;
            }
            let old = a.get(field).filter(|v| !v.is_null()).cloned();
            let new = b.get(field).filter(|v| !v.is_null()).cloned();
            self.value(format!("{name}.{field}"), old, new);
        }
    }
}

impl Diff {
    /// Records everything of a whole user that differs between `old` and `new` (`None`: no
    /// user): the session and steps, each key by `fingerprint` (never its value), the three
    /// step-data records field by field, and how many competitor analyses and page audits
    /// there are.
    pub fn bundle(
        &mut self,
        old: Option<&UserBundle>,
        new: Option<&UserBundle>,
        fingerprint: &dyn Fn(&ApiKey) -> String,
    ) {
        self.onboarding(old.map(|b| &b.onboarding), new.map(|b| &b.onboarding));
        let keys = |b: Option<&UserBundle>| -> Vec<(String, String)> {
            b.map(|b| {
                b.keys
                    .iter()
                    .map(|k| (k.provider.to_string(), fingerprint(k)))
                    .collect()
            })
            .unwrap_or_default()
        };
        let (a, b) = (keys(old), keys(new));
        let mut providers: Vec<&String> = a.iter().chain(&b).map(|(p, _)| p).collect();
        providers.sort();
        providers.dedup();
        for p in providers {
            let find = |list: &[(String, String)]| {
                list.iter().find(|(q, _)| q == p).map(|(_, f)| f.clone())
            };
            self.key(p, find(&a), find(&b));
        }
        self.record(
            "website_analysis",
            old.and_then(|b| b.analysis.as_ref()),
            new.and_then(|b| b.analysis.as_ref()),
        );
        self.record(
            "research_preferences",
            old.and_then(|b| b.research.as_ref()),
            new.and_then(|b| b.research.as_ref()),
        );
        self.record(
            "persona_data",
            old.and_then(|b| b.persona.as_ref()),
            new.and_then(|b| b.persona.as_ref()),
        );
        let count = |b: Option<&UserBundle>, f: fn(&UserBundle) -> usize| {
            b.map(f).filter(|n| *n > 0).map(Value::from)
        };
        self.value(
            "competitor_analyses",
            count(old, |b| b.competitors.len()),
            count(new, |b| b.competitors.len()),
        );
        self.value(
            "seo_page_audits",
            count(old, |b| b.page_audits.len()),
            count(new, |b| b.page_audits.len()),
        );
    }
}

/// `t` as RFC 3339 in UTC.
pub fn rfc3339(t: Timestamp) -> String {
    use time::format_description::well_known::Rfc3339;
    t.to_offset(time::UtcOffset::UTC)
        .format(&Rfc3339)
        .unwrap_or_else(|_| t.to_string())
}

/// `v` itself when its JSON text is at most [`MAX_VALUE_TEXT`] long, else a string giving its
/// size and the first 8 hex digits of its SHA-256 (so two versions can still be told apart).
pub fn bounded(v: Value) -> Value {
    let text = v.to_string();
    if text.len() <= MAX_VALUE_TEXT {
        return v;
    }
    let digest = Sha256::digest(text.as_bytes());
    let hex: String = digest[..4].iter().map(|b| format!("{b:02x}")).collect();
    Value::String(format!("({} bytes, sha256 {hex})", text.len()))
}

/// Who runs the command when neither `--actor` nor `ONBOARDCTL_ACTOR` says: `user@host`,
/// from `$USER` (else `$LOGNAME`, else `uid<N>`) and the host name (`?` when unknown).
pub fn os_actor(env: &dyn Fn(&str) -> Option<String>, uid: u32, host: Option<String>) -> String {
    let user = ["USER", "LOGNAME"]
        .iter()
        .find_map(|v| env(v).filter(|s| !s.trim().is_empty()))
        .unwrap_or_else(|| format!("uid{uid}"));
    let host = host
        .map(|h| h.trim().to_owned())
        .filter(|h| !h.is_empty())
        .unwrap_or_else(|| "?".to_owned());
    format!("{user}@{host}")
}

/// The actor of a row: `flag` (`--actor`), else `ONBOARDCTL_ACTOR`, else [`os_actor`]; blank
/// counts as unset.
pub fn resolve_actor(
    flag: Option<&str>,
    env: &dyn Fn(&str) -> Option<String>,
    uid: u32,
    host: Option<String>,
) -> String {
    flag.map(str::to_owned)
        .filter(|a| !a.trim().is_empty())
        .or_else(|| env("ONBOARDCTL_ACTOR").filter(|a| !a.trim().is_empty()))
        .unwrap_or_else(|| os_actor(env, uid, host))
}

#[cfg(test)]
mod tests;
