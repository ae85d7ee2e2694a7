//! The NDJSON line of `export` and `import`: [`UserRecord`], one user with all their data.
//! Field names are the column names, times RFC 3339 in UTC (`crate::domain::wire`). A key is
//! `{provider, masked, fingerprint, created_at, updated_at}` and carries `value` only when
//! exported with `--include-secrets`. All three describe the value as stored: a key sealed
//! at rest (`enc:v1:…`) is exported sealed, so it opens again only under the same master key,
//! for the same user and provider.
//!
//! Reading is strict, so a typo cannot silently drop data: unknown fields are refused, every
//! value is checked (user id, step numbers 1–6 once each, statuses, progress 0–100, provider
//! names once each, a `fingerprint` that must match a `value` given with it).

use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::domain::providers::{self, KeyRules};
use crate::domain::wire::{json_opt, time_opt, time_req};
use crate::domain::{limits, seal};
use crate::domain::{
    ApiKey, CompetitorAnalysis, Onboarding, PageAudit, Percent, PersonaData, ProviderName,
    ResearchPreferences, Secret, Session, StepNumber, StepState, Timestamp, UserBundle, UserId,
    WebsiteAnalysis,
};

/// One user: the session, its six steps, keys, the three step-data rows and ALwrity HEAD's
/// competitor analyses and page audits.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UserRecord {
    /// Whose data.
    pub user_id: String,
    /// The session's current step.
    pub current_step: i64,
    /// Progress percentage.
    pub progress: f64,
    /// Derived from `completed_at` on export; checked against it on import.
    #[serde(default)]
    pub is_completed: Option<bool>,
    /// Session created.
    #[serde(with = "time_req")]
    pub started_at: Timestamp,
    /// Session last changed.
    #[serde(with = "time_req")]
    pub updated_at: Timestamp,
    /// Onboarding completed.
    #[serde(default, with = "time_opt")]
    pub completed_at: Option<Timestamp>,
    /// The step rows (all six on export; a missing step imports as pending).
    #[serde(default)]
    pub steps: Vec<StepRecord>,
    /// API keys, by provider.
    #[serde(default)]
    pub keys: Vec<KeyRecord>,
    /// The `website_analyses` row.
    #[serde(default)]
    pub website_analysis: Option<WebsiteAnalysis>,
    /// The `research_preferences` row.
    #[serde(default)]
    pub research_preferences: Option<ResearchPreferences>,
    /// The `persona_data` row.
    #[serde(default)]
    pub persona_data: Option<PersonaData>,
    /// ALwrity HEAD's `competitor_analyses` rows, in stored order (left out when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub competitor_analyses: Vec<CompetitorAnalysis>,
    /// ALwrity HEAD's `seo_page_audits` rows, in stored order (left out when none).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub seo_page_audits: Vec<PageAudit>,
    /// `false`: import this line's keys without the provider format check (like `key set
    /// --no-validate`). Never written by `export`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub validate: Option<bool>,
}

/// One `onboarding_steps` row.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRecord {
    /// 1–6.
    pub step_number: i64,
    /// ALwrity's title, for readers; ignored on import.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// `pending`, `in_progress`, `completed`, `skipped` or `failed`.
    pub status: String,
    /// When completed or skipped.
    #[serde(default, with = "time_opt")]
    pub completed_at: Option<Timestamp>,
    /// The payload; left out when NULL, `null` when a JSON null is stored.
    #[serde(default, skip_serializing_if = "Option::is_none", with = "json_opt")]
    pub data: Option<Value>,
    /// Validation errors.
    #[serde(default)]
    pub validation_errors: Vec<String>,
    /// Completed with `--force`.
    #[serde(default)]
    pub forced: bool,
    /// The reason given for forcing.
    #[serde(default)]
    pub force_reason: Option<String>,
}

/// One `api_keys` row. `value` is present only with `--include-secrets`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeyRecord {
    /// Provider name.
    pub provider: String,
    /// The stored value (a sealed `enc:v1:` value stays sealed).
    #[serde(default, skip_serializing_if = "Option::is_none", with = "secret_opt")]
    pub value: Option<Secret>,
    /// The masked value, for readers; ignored on import.
    #[serde(default)]
    pub masked: Option<String>,
    /// SHA-256 prefix of the value; when `value` is given too, they must match.
    #[serde(default)]
    pub fingerprint: Option<String>,
    /// The stored value is sealed (`enc:v1:`, encryption at rest); `masked`, `fingerprint`
    /// and `value` then describe the sealed form, which opens only under the same master key.
    #[serde(default)]
    pub encrypted: bool,
    /// First stored.
    #[serde(with = "time_req")]
    pub created_at: Timestamp,
    /// Last changed.
    #[serde(with = "time_req")]
    pub updated_at: Timestamp,
}

/// A key value as a JSON string, wrapped in [`Secret`] the moment it is read.
mod secret_opt {
    use serde::{Deserialize, Deserializer, Serializer};

    use crate::domain::Secret;

    pub fn serialize<S: Serializer>(v: &Option<Secret>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(secret) => s.serialize_str(secret.expose()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Secret>, D::Error> {
        Ok(Option::<String>::deserialize(d)?.map(Secret::new))
    }
}

impl UserRecord {
    /// The record of `b`; key values only with `include_secrets`.
    pub fn from_bundle(b: &UserBundle, include_secrets: bool) -> UserRecord {
        let s = b.session();
        UserRecord {
            user_id: s.user_id.to_string(),
            current_step: i64::from(s.current_step.get()),
            progress: s.progress,
            is_completed: Some(s.is_completed()),
            started_at: s.started_at,
            updated_at: s.updated_at,
            completed_at: s.completed_at,
            steps: b.onboarding.steps.iter().map(StepRecord::from).collect(),
            keys: b
                .keys
                .iter()
                .map(|k| KeyRecord::new(k, include_secrets))
                .collect(),
            website_analysis: b.analysis.clone(),
            research_preferences: b.research.clone(),
            persona_data: b.persona.clone(),
            competitor_analyses: b.competitors.clone(),
            seo_page_audits: b.page_audits.clone(),
            validate: None,
        }
    }

    /// Checks every value and builds the bundle. Keys exported without a value are not in
    /// the bundle; their providers are returned beside it. Key values pass what `key set`
    /// checks under `rules` (a value marked `encrypted` must be a well-formed sealed value);
    /// every other field the limits of `crate::domain::limits`.
    pub fn into_bundle(self, rules: KeyRules) -> Result<(UserBundle, Vec<ProviderName>), String> {
        let rules = KeyRules {
            validate: rules.validate && self.validate != Some(false),
            ..rules
        };
        let user: UserId = self
            .user_id
            .parse()
            .map_err(|e| format!("`user_id`: {e}"))?;
        if self
            .is_completed
            .is_some_and(|c| c != self.completed_at.is_some())
        {
            return Err("`is_completed` contradicts `completed_at`".into());
        }
        let session = Session {
            current_step: StepNumber::new(self.current_step)
                .ok_or("`current_step` must be 1 to 6")?,
            progress: Percent::new(self.progress)
                .ok_or("`progress` must be a number from 0 to 100")?
                .get(),
            started_at: self.started_at,
            updated_at: self.updated_at,
            completed_at: self.completed_at,
            user_id: user,
        };
        let mut steps: Vec<StepState> = Vec::with_capacity(6);
        for s in self.steps {
            let step = s.into_state()?;
            if steps.iter().any(|t| t.number == step.number) {
                return Err(format!("step {} is listed twice", step.number));
            }
            steps.push(step);
        }
        let mut bundle = UserBundle::new(Onboarding::from_rows(session, steps));
        let mut withheld = Vec::new();
        for k in self.keys {
            let (provider, key) = k.into_key(bundle.user_id(), rules)?;
            if bundle.keys.iter().any(|x| x.provider == provider) || withheld.contains(&provider) {
                return Err(format!("key `{provider}` is listed twice"));
            }
            match key {
                Some(key) => bundle.keys.push(key),
                None => withheld.push(provider),
            }
        }
        bundle.sort_keys();
        bundle.analysis = self.website_analysis;
        bundle.research = self.research_preferences;
        bundle.persona = self.persona_data;
        bundle.competitors = self.competitor_analyses;
        bundle.page_audits = self.seo_page_audits;
        limits::check_bundle(&bundle)?;
        Ok((bundle, withheld))
    }
}

impl From<&StepState> for StepRecord {
    fn from(s: &StepState) -> StepRecord {
        StepRecord {
            step_number: i64::from(s.number.get()),
            title: Some(s.number.title().to_owned()),
            status: s.status.as_str().to_owned(),
            completed_at: s.completed_at,
            data: s.data.clone(),
            validation_errors: s.validation_errors.clone(),
            forced: s.forced,
            force_reason: s.force_reason.clone(),
        }
    }
}

impl StepRecord {
    fn into_state(self) -> Result<StepState, String> {
        let number = StepNumber::new(self.step_number)
            .ok_or_else(|| format!("`step_number` {} is not 1 to 6", self.step_number))?;
        let status = self
            .status
            .parse()
            .map_err(|e: crate::domain::ParseError| format!("step {number}: {e}"))?;
        Ok(StepState {
            number,
            status,
            completed_at: self.completed_at,
            data: self.data,
            validation_errors: self.validation_errors,
            forced: self.forced,
            force_reason: self.force_reason,
        })
    }
}

impl KeyRecord {
    fn new(k: &ApiKey, include_secrets: bool) -> KeyRecord {
        KeyRecord {
            provider: k.provider.to_string(),
            value: include_secrets.then(|| k.value.clone()),
            masked: Some(k.value.masked()),
            fingerprint: Some(k.value.fingerprint()),
            encrypted: crate::domain::seal::is_sealed(k.value.expose()),
            created_at: k.created_at,
            updated_at: k.updated_at,
        }
    }

    /// The provider, and the key when the record has its value (checked under `rules`).
    fn into_key(
        self,
        user: &UserId,
        rules: KeyRules,
    ) -> Result<(ProviderName, Option<ApiKey>), String> {
        let provider: ProviderName = self
            .provider
            .parse()
            .map_err(|e: crate::domain::ParseError| format!("key provider: {e}"))?;
        let Some(value) = self.value else {
            return Ok((provider, None));
        };
        if value.expose().is_empty() {
            return Err(format!("key `{provider}` has an empty value"));
        }
        if self.encrypted {
            seal::check_well_formed(user, &provider, value.expose()).map_err(|e| e.to_string())?;
        } else {
            providers::check_new_key(&provider, &value, rules).map_err(|r| r.message)?;
        }
        if self.fingerprint.is_some_and(|f| f != value.fingerprint()) {
            return Err(format!(
                "key `{provider}`: the value does not match its fingerprint"
            ));
        }
        let key = ApiKey {
            provider: provider.clone(),
            value,
            created_at: self.created_at,
            updated_at: self.updated_at,
        };
        Ok((provider, Some(key)))
    }
}
