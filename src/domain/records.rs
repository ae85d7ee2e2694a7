//! The records onboardctl reads and writes: a user's session with its six steps, API keys,
//! website analysis, research preferences and persona data. Stores return and accept these;
//! views for output are built from them in `crate::output`.
//!
//! The three step-data records also derive serde: that is their form in the NDJSON of
//! `export`/`import` (field names are the column names; see `super::wire` for times and JSON).

use serde::{Deserialize, Serialize};
use serde_json::Value;
use time::OffsetDateTime;

use super::ids::{ProviderName, StepNumber, StepStatus, UserId};
use super::secret::Secret;
use super::wire;

/// A point in time, always UTC.
pub type Timestamp = OffsetDateTime;

/// The `onboarding_sessions` row of one user.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    /// Whose session.
    pub user_id: UserId,
    /// The first step neither completed nor skipped (6 when all are).
    pub current_step: StepNumber,
    /// Progress percentage, 0–100.
    pub progress: f64,
    /// When the session was created.
    pub started_at: Timestamp,
    /// Last change to the session or its steps.
    pub updated_at: Timestamp,
    /// Set by `complete`; `None` while onboarding is unfinished.
    pub completed_at: Option<Timestamp>,
}

impl Session {
    /// A fresh session: step 1, progress 0, started now.
    pub fn new(user_id: UserId, now: Timestamp) -> Session {
        Session {
            user_id,
            current_step: StepNumber::FIRST,
            progress: 0.0,
            started_at: now,
            updated_at: now,
            completed_at: None,
        }
    }

    /// Whether onboarding is complete.
    pub fn is_completed(&self) -> bool {
        self.completed_at.is_some()
    }
}

/// One row of `onboarding_steps` (ALwrity's StepData).
#[derive(Debug, Clone, PartialEq)]
pub struct StepState {
    /// Which step.
    pub number: StepNumber,
    /// Its status.
    pub status: StepStatus,
    /// When it was completed or skipped.
    pub completed_at: Option<Timestamp>,
    /// Step payload, as given to `progress step --data`.
    pub data: Option<Value>,
    /// Reasons the step failed or did not validate.
    pub validation_errors: Vec<String>,
    /// Completed with `--force`, skipping validation.
    pub forced: bool,
    /// The operator's reason for forcing, if given.
    pub force_reason: Option<String>,
}

impl StepState {
    /// A step that has not been touched.
    pub fn pending(number: StepNumber) -> StepState {
        StepState {
            number,
            status: StepStatus::Pending,
            completed_at: None,
            data: None,
            validation_errors: Vec::new(),
            forced: false,
            force_reason: None,
        }
    }
}

/// A user's whole onboarding state: the session and all six steps, in order. Two are equal
/// when onboardctl's record is (session and steps); ALwrity's reading beside it is a view of
/// the database it was read from, not part of the record, so a user copied from an ALwrity
/// database into onboardctl's own equals the original.
#[derive(Debug, Clone)]
pub struct Onboarding {
    /// The session row (onboardctl's reading of it).
    pub session: Session,
    /// Steps 1–6; `steps[n - 1]` is step n.
    pub steps: [StepState; 6],
    /// On a database ALwrity made: ALwrity's own columns and reading (`None` on a database
    /// onboardctl created). See `super::alwrity`.
    pub alwrity: Option<super::alwrity::AlwrityView>,
}

impl PartialEq for Onboarding {
    fn eq(&self, other: &Onboarding) -> bool {
        self.session == other.session && self.steps == other.steps
    }
}

impl Onboarding {
    /// A fresh onboarding for a new session.
    pub fn new(session: Session) -> Onboarding {
        Onboarding::from_rows(session, Vec::new())
    }

    /// Builds the state from a session and whichever step rows exist; missing steps are
    /// pending, and a row for an unknown step cannot exist (`StepNumber` is 1–6).
    pub fn from_rows(session: Session, rows: Vec<StepState>) -> Onboarding {
        let mut steps: [StepState; 6] = std::array::from_fn(|i| {
            StepState::pending(StepNumber::new(i as i64 + 1).expect("1..=6"))
        });
        for row in rows {
            let i = row.number.index();
            steps[i] = row;
        }
        Onboarding {
            session,
            steps,
            alwrity: None,
        }
    }

    /// The state of step `n`.
    pub fn step(&self, n: StepNumber) -> &StepState {
        &self.steps[n.index()]
    }

    /// Mutable state of step `n`.
    pub fn step_mut(&mut self, n: StepNumber) -> &mut StepState {
        &mut self.steps[n.index()]
    }
}

/// A stored API key of one user for one provider.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiKey {
    /// Which provider.
    pub provider: ProviderName,
    /// The stored value: plaintext, or `enc:v1:…` when sealed.
    pub value: Secret,
    /// First stored.
    pub created_at: Timestamp,
    /// Last changed.
    pub updated_at: Timestamp,
}

/// The `website_analyses` row of a user (one per session).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WebsiteAnalysis {
    /// Analysed site; `''` when unknown (ALwrity's convention).
    pub website_url: String,
    /// When the analysis ran.
    #[serde(default, with = "wire::time_opt")]
    pub analysis_date: Option<Timestamp>,
    /// Tone, voice, complexity, …
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub writing_style: Option<Value>,
    /// Sentence structure, vocabulary level, …
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_characteristics: Option<Value>,
    /// Demographics, expertise level, industry focus, …
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_audience: Option<Value>,
    /// Primary and secondary content types, purpose, …
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_type: Option<Value>,
    /// Writing tone, creativity level, …
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended_settings: Option<Value>,
    /// Brand voice, values, positioning (governed by `ENABLE_WEBSITE_BRAND_COLUMNS`).
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub brand_analysis: Option<Value>,
    /// SWOT-style insights (governed by `ENABLE_WEBSITE_BRAND_COLUMNS`).
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_strategy_insights: Option<Value>,
    /// Social accounts.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub social_media_presence: Option<Value>,
    /// Raw crawl, with `meta_info` and `sitemap_analysis` folded in.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub crawl_result: Option<Value>,
    /// Style patterns.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style_patterns: Option<Value>,
    /// The analyser's guidelines.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub style_guidelines: Option<Value>,
    /// SEO audit results.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub seo_audit: Option<Value>,
    /// Weekly reports, newest first.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub strategic_insights_history: Option<Value>,
    /// `completed`, `failed` or `in_progress`.
    pub status: String,
    /// Error text of a failed analysis.
    pub error_message: Option<String>,
    /// Warning text.
    pub warning_message: Option<String>,
    /// First stored (the store keeps the original on update).
    #[serde(default, with = "wire::time_opt")]
    pub created_at: Option<Timestamp>,
    /// Last changed.
    #[serde(default, with = "wire::time_opt")]
    pub updated_at: Option<Timestamp>,
}

/// The `research_preferences` row of a user (one per session).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ResearchPreferences {
    /// Basic / Standard / Comprehensive / Expert (stored as given).
    pub research_depth: String,
    /// Content types to research.
    pub content_types: Vec<String>,
    /// Research automatically.
    pub auto_research: bool,
    /// Prefer factual content.
    pub factual_content: bool,
    /// Copied from the step-2 analysis.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub writing_style: Option<Value>,
    /// Copied from the step-2 analysis.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub content_characteristics: Option<Value>,
    /// Copied from the step-2 analysis.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_audience: Option<Value>,
    /// Copied from the step-2 analysis.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommended_settings: Option<Value>,
    /// First stored (the store keeps the original on update).
    #[serde(default, with = "wire::time_opt")]
    pub created_at: Option<Timestamp>,
    /// Last changed.
    #[serde(default, with = "wire::time_opt")]
    pub updated_at: Option<Timestamp>,
}

/// The `persona_data` row of a user (one per session).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PersonaData {
    /// `identity`, `linguistic_fingerprint`, `tonal_range`, …
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub core_persona: Option<Value>,
    /// Object keyed by platform.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub platform_personas: Option<Value>,
    /// Quality scores and recommendations.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quality_metrics: Option<Value>,
    /// Platform names, e.g. `["linkedin","blog"]`.
    pub selected_platforms: Vec<String>,
    /// AI-generated research persona.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub research_persona: Option<Value>,
    /// When the research persona was generated.
    #[serde(default, with = "wire::time_opt")]
    pub research_persona_generated_at: Option<Timestamp>,
    /// First stored (the store keeps the original on update).
    #[serde(default, with = "wire::time_opt")]
    pub created_at: Option<Timestamp>,
    /// Last changed.
    #[serde(default, with = "wire::time_opt")]
    pub updated_at: Option<Timestamp>,
}

/// One `competitor_analyses` row: ALwrity HEAD's analysis of one competitor site during
/// step 3 (a user has any number, kept in the order they were stored).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CompetitorAnalysis {
    /// The competitor's URL.
    pub competitor_url: String,
    /// Its domain.
    #[serde(default)]
    pub competitor_domain: Option<String>,
    /// When it was analysed.
    #[serde(default, with = "wire::time_opt")]
    pub analysis_date: Option<Timestamp>,
    /// The analysis.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub analysis_data: Option<Value>,
    /// `completed`, `failed`, … (stored as given).
    #[serde(default)]
    pub status: Option<String>,
    /// Error text of a failed analysis.
    #[serde(default)]
    pub error_message: Option<String>,
    /// Warning text.
    #[serde(default)]
    pub warning_message: Option<String>,
    /// First stored.
    #[serde(default, with = "wire::time_opt")]
    pub created_at: Option<Timestamp>,
    /// Last changed.
    #[serde(default, with = "wire::time_opt")]
    pub updated_at: Option<Timestamp>,
}

/// One `seo_page_audits` row: ALwrity HEAD's SEO audit of one page of the user's site (one
/// per page URL).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PageAudit {
    /// The audited site.
    pub website_url: String,
    /// The audited page (unique per user).
    pub page_url: String,
    /// Overall score.
    #[serde(default)]
    pub overall_score: Option<i64>,
    /// The audit's status (stored as given).
    #[serde(default)]
    pub status: Option<String>,
    /// Scores per category.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub category_scores: Option<Value>,
    /// Issues found.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub issues: Option<Value>,
    /// Warnings.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub warnings: Option<Value>,
    /// Recommendations.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recommendations: Option<Value>,
    /// The raw audit.
    #[serde(default, with = "wire::json_opt")]
    #[serde(skip_serializing_if = "Option::is_none")]
    pub audit_data: Option<Value>,
    /// What produced it.
    #[serde(default)]
    pub analysis_source: Option<String>,
    /// When the page was last analysed.
    #[serde(default, with = "wire::time_opt")]
    pub last_analyzed_at: Option<Timestamp>,
    /// First stored.
    #[serde(default, with = "wire::time_opt")]
    pub created_at: Option<Timestamp>,
    /// Last changed.
    #[serde(default, with = "wire::time_opt")]
    pub updated_at: Option<Timestamp>,
}

impl PageAudit {
    /// Page audits in their one order: by page URL, bytewise (a user has one per page).
    pub fn sort(audits: &mut [PageAudit]) {
        audits.sort_by(|a, b| a.page_url.as_bytes().cmp(b.page_url.as_bytes()));
    }
}
