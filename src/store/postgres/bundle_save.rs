//! The bundle save: one statement of data-modifying CTEs for any number of users, so the
//! whole replacement of their data is atomic, one round trip and planned once however many
//! users a batch holds (a per-user statement was planned again for every user: the server's
//! planning was most of an import's time). The users travel as one `jsonb` array parameter,
//! one document per user with a member per table in the column names of that table; each
//! CTE reads its table's rows with `jsonb_populate_record(set)` over the table's own row
//! type, so every value is read by its column's type (a naive `timestamp` column of a
//! database an earlier onboardctl rewrote from ALwrity's takes the UTC wall time of the
//! RFC 3339 text: PostgreSQL ignores the zone there), whatever the session's `TimeZone`.
//!
//! It upserts the sessions (every column), the six steps and the keys, deletes the keys
//! whose provider a user's bundle lacks, for each step-data table either upserts the row
//! with every column as given or deletes it, replaces the competitor analyses in order and
//! upserts the page audits by page (deleting the other pages). The CTEs touch disjoint rows
//! (a key is either kept and updated or deleted; a data row is either written or deleted),
//! which is what makes them safe in one statement.
//!
//! A JSON column's value is sent wrapped as `{"v": value}` and unwrapped with `-> 'v'`, so
//! a stored JSON `null` stays apart from SQL NULL (`jsonb_populate_record` reads a bare
//! JSON `null` as NULL).

use postgres::error::SqlState;
use postgres::types::{Json, Type};
use postgres::Client;
use serde::Serialize;
use serde_json::Value;

use super::convert::utc_text;
use super::error::{classify, reason};
use crate::domain::{
    ApiKey, CompetitorAnalysis, PageAudit, PersonaData, ResearchPreferences, StepState, Timestamp,
    UserBundle, WebsiteAnalysis,
};
use crate::store::{StoreError, StoreResult};

/// `$1`: the users' documents ([`Doc`]).
const SAVE: &str = "WITH u AS (SELECT e ->> 'user_id' AS user_id, e AS doc \
       FROM jsonb_array_elements($1) AS e), \
     s AS (INSERT INTO onboarding_sessions \
         (user_id, current_step, progress, started_at, updated_at, completed_at) \
       SELECT u.user_id, r.current_step, r.progress, r.started_at, r.updated_at, \
         r.completed_at \
       FROM u, jsonb_populate_record(NULL::onboarding_sessions, u.doc -> 'session') AS r \
       ON CONFLICT (user_id) DO UPDATE SET current_step = excluded.current_step, \
         progress = excluded.progress, started_at = excluded.started_at, \
         updated_at = excluded.updated_at, completed_at = excluded.completed_at \
       RETURNING id, user_id), \
     su AS (SELECT s.id, s.user_id, u.doc FROM s JOIN u ON u.user_id = s.user_id), \
     ts AS (INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, \
         data, validation_errors, forced, force_reason) \
       SELECT su.id, r.step_number, r.status, r.completed_at, r.data -> 'v', \
         r.validation_errors, r.forced, r.force_reason \
       FROM su, jsonb_populate_recordset(NULL::onboarding_steps, su.doc -> 'steps') AS r \
       ON CONFLICT (session_id, step_number) DO UPDATE SET status = excluded.status, \
         completed_at = excluded.completed_at, data = excluded.data, \
         validation_errors = excluded.validation_errors, forced = excluded.forced, \
         force_reason = excluded.force_reason RETURNING 1), \
     kd AS (DELETE FROM api_keys k USING su WHERE k.session_id = su.id \
       AND NOT (su.doc -> 'providers') ? k.provider RETURNING 1), \
     ks AS (INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
       SELECT su.id, r.provider, r.\"key\", r.created_at, r.updated_at \
       FROM su, jsonb_populate_recordset(NULL::api_keys, su.doc -> 'keys') AS r \
       ON CONFLICT (session_id, provider) DO UPDATE SET \"key\" = excluded.\"key\", \
         created_at = excluded.created_at, updated_at = excluded.updated_at RETURNING 1), \
     wd AS (DELETE FROM website_analyses w USING su WHERE w.session_id = su.id \
       AND su.doc -> 'analysis' IS NULL RETURNING 1), \
     ws AS (INSERT INTO website_analyses (session_id, website_url, analysis_date, \
         writing_style, content_characteristics, target_audience, content_type, \
         recommended_settings, brand_analysis, content_strategy_insights, \
         social_media_presence, crawl_result, style_patterns, style_guidelines, seo_audit, \
         strategic_insights_history, status, error_message, warning_message, created_at, \
         updated_at) \
       SELECT su.id, r.website_url, r.analysis_date, r.writing_style -> 'v', \
         r.content_characteristics -> 'v', r.target_audience -> 'v', r.content_type -> 'v', \
         r.recommended_settings -> 'v', r.brand_analysis -> 'v', \
         r.content_strategy_insights -> 'v', r.social_media_presence -> 'v', \
         r.crawl_result -> 'v', r.style_patterns -> 'v', r.style_guidelines -> 'v', \
         r.seo_audit -> 'v', r.strategic_insights_history -> 'v', r.status, \
         r.error_message, r.warning_message, r.created_at, r.updated_at \
       FROM su, jsonb_populate_record(NULL::website_analyses, su.doc -> 'analysis') AS r \
       WHERE su.doc -> 'analysis' IS NOT NULL \
       ON CONFLICT (session_id) DO UPDATE SET website_url = excluded.website_url, \
         analysis_date = excluded.analysis_date, writing_style = excluded.writing_style, \
         content_characteristics = excluded.content_characteristics, \
         target_audience = excluded.target_audience, content_type = excluded.content_type, \
         recommended_settings = excluded.recommended_settings, \
         brand_analysis = excluded.brand_analysis, \
         content_strategy_insights = excluded.content_strategy_insights, \
         social_media_presence = excluded.social_media_presence, \
         crawl_result = excluded.crawl_result, style_patterns = excluded.style_patterns, \
         style_guidelines = excluded.style_guidelines, seo_audit = excluded.seo_audit, \
         strategic_insights_history = excluded.strategic_insights_history, \
         status = excluded.status, error_message = excluded.error_message, \
         warning_message = excluded.warning_message, created_at = excluded.created_at, \
         updated_at = excluded.updated_at RETURNING 1), \
     rd AS (DELETE FROM research_preferences x USING su WHERE x.session_id = su.id \
       AND su.doc -> 'research' IS NULL RETURNING 1), \
     rs AS (INSERT INTO research_preferences (session_id, research_depth, content_types, \
         auto_research, factual_content, writing_style, content_characteristics, \
         target_audience, recommended_settings, created_at, updated_at) \
       SELECT su.id, r.research_depth, r.content_types, r.auto_research, r.factual_content, \
         r.writing_style -> 'v', r.content_characteristics -> 'v', r.target_audience -> 'v', \
         r.recommended_settings -> 'v', r.created_at, r.updated_at \
       FROM su, jsonb_populate_record(NULL::research_preferences, su.doc -> 'research') AS r \
       WHERE su.doc -> 'research' IS NOT NULL \
       ON CONFLICT (session_id) DO UPDATE SET research_depth = excluded.research_depth, \
         content_types = excluded.content_types, auto_research = excluded.auto_research, \
         factual_content = excluded.factual_content, writing_style = excluded.writing_style, \
         content_characteristics = excluded.content_characteristics, \
         target_audience = excluded.target_audience, \
         recommended_settings = excluded.recommended_settings, \
         created_at = excluded.created_at, updated_at = excluded.updated_at RETURNING 1), \
     pd AS (DELETE FROM persona_data p USING su WHERE p.session_id = su.id \
       AND su.doc -> 'persona' IS NULL RETURNING 1), \
     ps AS (INSERT INTO persona_data (session_id, core_persona, platform_personas, \
         quality_metrics, selected_platforms, research_persona, \
         research_persona_generated_at, created_at, updated_at) \
       SELECT su.id, r.core_persona -> 'v', r.platform_personas -> 'v', \
         r.quality_metrics -> 'v', r.selected_platforms, r.research_persona -> 'v', \
         r.research_persona_generated_at, r.created_at, r.updated_at \
       FROM su, jsonb_populate_record(NULL::persona_data, su.doc -> 'persona') AS r \
       WHERE su.doc -> 'persona' IS NOT NULL \
       ON CONFLICT (session_id) DO UPDATE SET core_persona = excluded.core_persona, \
         platform_personas = excluded.platform_personas, \
         quality_metrics = excluded.quality_metrics, \
         selected_platforms = excluded.selected_platforms, \
         research_persona = excluded.research_persona, \
         research_persona_generated_at = excluded.research_persona_generated_at, \
         created_at = excluded.created_at, updated_at = excluded.updated_at RETURNING 1), \
     cd AS (DELETE FROM competitor_analyses c USING su WHERE c.session_id = su.id \
       RETURNING 1), \
     cs AS (INSERT INTO competitor_analyses (session_id, competitor_url, competitor_domain, \
         analysis_date, analysis_data, status, error_message, warning_message, created_at, \
         updated_at) \
       SELECT su.id, r.competitor_url, r.competitor_domain, r.analysis_date, \
         r.analysis_data -> 'v', r.status, r.error_message, r.warning_message, \
         r.created_at, r.updated_at \
       FROM su, jsonb_array_elements(su.doc -> 'competitors') WITH ORDINALITY AS e(row, n), \
         jsonb_populate_record(NULL::competitor_analyses, e.row) AS r \
       ORDER BY su.id, e.n RETURNING 1), \
     ad AS (DELETE FROM seo_page_audits a USING su WHERE a.user_id = su.user_id \
       AND NOT (su.doc -> 'pages') ? a.page_url RETURNING 1), \
     au AS (INSERT INTO seo_page_audits (user_id, website_url, page_url, overall_score, \
         status, category_scores, issues, warnings, recommendations, audit_data, \
         analysis_source, last_analyzed_at, created_at, updated_at) \
       SELECT su.user_id, r.website_url, r.page_url, r.overall_score, r.status, \
         r.category_scores -> 'v', r.issues -> 'v', r.warnings -> 'v', \
         r.recommendations -> 'v', r.audit_data -> 'v', r.analysis_source, \
         r.last_analyzed_at, r.created_at, r.updated_at \
       FROM su, jsonb_populate_recordset(NULL::seo_page_audits, su.doc -> 'audits') AS r \
       ON CONFLICT (user_id, page_url) DO UPDATE SET website_url = excluded.website_url, \
         overall_score = excluded.overall_score, status = excluded.status, \
         category_scores = excluded.category_scores, issues = excluded.issues, \
         warnings = excluded.warnings, recommendations = excluded.recommendations, \
         audit_data = excluded.audit_data, analysis_source = excluded.analysis_source, \
         last_analyzed_at = excluded.last_analyzed_at, created_at = excluded.created_at, \
         updated_at = excluded.updated_at RETURNING 1) \
     SELECT count(*) FROM s";

/// Makes the stored data of each user of `bundles` exactly their bundle, in one statement.
/// A user listed twice, or a provider or page listed twice in one bundle, makes an upsert
/// touch one row twice: [`StoreError::Conflict`], nothing written.
pub(crate) fn save(client: &mut Client, bundles: &[&UserBundle]) -> StoreResult<()> {
    if bundles.is_empty() {
        return Ok(());
    }
    let docs = Docs(bundles.iter().map(|b| Doc::new(b)).collect());
    client
        .query_typed(SAVE, &[(&Json(&docs), Type::JSONB)])
        .map(drop)
        .map_err(|e| match e.code() {
            Some(c) if *c == SqlState::CARDINALITY_VIOLATION => StoreError::Conflict(reason(&e)),
            _ => classify(&e),
        })
}

/// Users written by one connection before the first [`refresh_statistics`].
pub(crate) const FIRST_ANALYZE: usize = 1_000;

/// `ANALYZE` of the tables a save writes. Until autovacuum catches up, the planner plans a
/// bulk load into an empty database with the statistics of an empty one (sequential scans
/// that grow with every batch: quadratic); this keeps them current. Inside the caller's
/// transaction its own rows count. A table the role does not own is skipped by the server
/// with a warning, not an error.
pub(crate) fn refresh_statistics(client: &mut Client) -> StoreResult<()> {
    client
        .batch_execute(
            "ANALYZE onboarding_sessions, onboarding_steps, api_keys, website_analyses, \
             research_preferences, persona_data, competitor_analyses, seo_page_audits",
        )
        .map_err(|e| classify(&e))
}

/// The documents of `$1`. The driver wants `Debug` of a parameter; key values are never
/// part of it.
#[derive(Serialize)]
#[serde(transparent)]
struct Docs<'a>(Vec<Doc<'a>>);

impl std::fmt::Debug for Docs<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Docs({} user(s))", self.0.len())
    }
}

/// A JSON column's value, wrapped (module docs); `None` is SQL NULL.
#[derive(Serialize)]
struct Wrapped<'a> {
    v: &'a Value,
}

fn wrap(v: &Option<Value>) -> Option<Wrapped<'_>> {
    v.as_ref().map(|v| Wrapped { v })
}

fn time(t: Option<Timestamp>) -> Option<String> {
    t.map(utc_text)
}

/// One user: a member per table, in that table's column names.
#[derive(Serialize)]
struct Doc<'a> {
    user_id: &'a str,
    session: SessionRow,
    steps: Vec<StepRow<'a>>,
    /// The providers the user keeps (the others' keys are deleted).
    providers: Vec<&'a str>,
    keys: Vec<KeyRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    analysis: Option<AnalysisRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    research: Option<ResearchRow<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    persona: Option<PersonaRow<'a>>,
    competitors: Vec<CompetitorRow<'a>>,
    /// The pages the user keeps audits of (the others' are deleted).
    pages: Vec<&'a str>,
    audits: Vec<AuditRow<'a>>,
}

impl<'a> Doc<'a> {
    fn new(b: &'a UserBundle) -> Doc<'a> {
        let s = b.session();
        Doc {
            user_id: s.user_id.as_str(),
            session: SessionRow {
                current_step: i32::from(s.current_step.get()),
                progress: s.progress,
                started_at: utc_text(s.started_at),
                updated_at: utc_text(s.updated_at),
                completed_at: time(s.completed_at),
            },
            steps: b.onboarding.steps.iter().map(StepRow::new).collect(),
            providers: b.keys.iter().map(|k| k.provider.as_str()).collect(),
            keys: b.keys.iter().map(KeyRow::new).collect(),
            analysis: b.analysis.as_ref().map(AnalysisRow::new),
            research: b.research.as_ref().map(ResearchRow::new),
            persona: b.persona.as_ref().map(PersonaRow::new),
            competitors: b.competitors.iter().map(CompetitorRow::new).collect(),
            pages: b.page_audits.iter().map(|a| a.page_url.as_str()).collect(),
            audits: b.page_audits.iter().map(AuditRow::new).collect(),
        }
    }
}

#[derive(Serialize)]
struct SessionRow {
    current_step: i32,
    progress: f64,
    started_at: String,
    updated_at: String,
    completed_at: Option<String>,
}

#[derive(Serialize)]
struct StepRow<'a> {
    step_number: i32,
    status: &'a str,
    completed_at: Option<String>,
    data: Option<Wrapped<'a>>,
    validation_errors: &'a [String],
    forced: bool,
    force_reason: Option<&'a str>,
}

impl<'a> StepRow<'a> {
    fn new(t: &'a StepState) -> StepRow<'a> {
        StepRow {
            step_number: i32::from(t.number.get()),
            status: t.status.as_str(),
            completed_at: time(t.completed_at),
            data: wrap(&t.data),
            validation_errors: &t.validation_errors,
            forced: t.forced,
            force_reason: t.force_reason.as_deref(),
        }
    }
}

#[derive(Serialize)]
struct KeyRow<'a> {
    provider: &'a str,
    key: &'a str,
    created_at: String,
    updated_at: String,
}

impl<'a> KeyRow<'a> {
    fn new(k: &'a ApiKey) -> KeyRow<'a> {
        KeyRow {
            provider: k.provider.as_str(),
            key: k.value.expose(),
            created_at: utc_text(k.created_at),
            updated_at: utc_text(k.updated_at),
        }
    }
}

#[derive(Serialize)]
struct AnalysisRow<'a> {
    website_url: &'a str,
    analysis_date: Option<String>,
    writing_style: Option<Wrapped<'a>>,
    content_characteristics: Option<Wrapped<'a>>,
    target_audience: Option<Wrapped<'a>>,
    content_type: Option<Wrapped<'a>>,
    recommended_settings: Option<Wrapped<'a>>,
    brand_analysis: Option<Wrapped<'a>>,
    content_strategy_insights: Option<Wrapped<'a>>,
    social_media_presence: Option<Wrapped<'a>>,
    crawl_result: Option<Wrapped<'a>>,
    style_patterns: Option<Wrapped<'a>>,
    style_guidelines: Option<Wrapped<'a>>,
    seo_audit: Option<Wrapped<'a>>,
    strategic_insights_history: Option<Wrapped<'a>>,
    status: &'a str,
    error_message: Option<&'a str>,
    warning_message: Option<&'a str>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl<'a> AnalysisRow<'a> {
    fn new(a: &'a WebsiteAnalysis) -> AnalysisRow<'a> {
        AnalysisRow {
            website_url: &a.website_url,
            analysis_date: time(a.analysis_date),
            writing_style: wrap(&a.writing_style),
            content_characteristics: wrap(&a.content_characteristics),
            target_audience: wrap(&a.target_audience),
            content_type: wrap(&a.content_type),
            recommended_settings: wrap(&a.recommended_settings),
            brand_analysis: wrap(&a.brand_analysis),
            content_strategy_insights: wrap(&a.content_strategy_insights),
            social_media_presence: wrap(&a.social_media_presence),
            crawl_result: wrap(&a.crawl_result),
            style_patterns: wrap(&a.style_patterns),
            style_guidelines: wrap(&a.style_guidelines),
            seo_audit: wrap(&a.seo_audit),
            strategic_insights_history: wrap(&a.strategic_insights_history),
            status: &a.status,
            error_message: a.error_message.as_deref(),
            warning_message: a.warning_message.as_deref(),
            created_at: time(a.created_at),
            updated_at: time(a.updated_at),
        }
    }
}

#[derive(Serialize)]
struct ResearchRow<'a> {
    research_depth: &'a str,
    content_types: &'a [String],
    auto_research: bool,
    factual_content: bool,
    writing_style: Option<Wrapped<'a>>,
    content_characteristics: Option<Wrapped<'a>>,
    target_audience: Option<Wrapped<'a>>,
    recommended_settings: Option<Wrapped<'a>>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl<'a> ResearchRow<'a> {
    fn new(r: &'a ResearchPreferences) -> ResearchRow<'a> {
        ResearchRow {
            research_depth: &r.research_depth,
            content_types: &r.content_types,
            auto_research: r.auto_research,
            factual_content: r.factual_content,
            writing_style: wrap(&r.writing_style),
            content_characteristics: wrap(&r.content_characteristics),
            target_audience: wrap(&r.target_audience),
            recommended_settings: wrap(&r.recommended_settings),
            created_at: time(r.created_at),
            updated_at: time(r.updated_at),
        }
    }
}

#[derive(Serialize)]
struct PersonaRow<'a> {
    core_persona: Option<Wrapped<'a>>,
    platform_personas: Option<Wrapped<'a>>,
    quality_metrics: Option<Wrapped<'a>>,
    selected_platforms: &'a [String],
    research_persona: Option<Wrapped<'a>>,
    research_persona_generated_at: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl<'a> PersonaRow<'a> {
    fn new(p: &'a PersonaData) -> PersonaRow<'a> {
        PersonaRow {
            core_persona: wrap(&p.core_persona),
            platform_personas: wrap(&p.platform_personas),
            quality_metrics: wrap(&p.quality_metrics),
            selected_platforms: &p.selected_platforms,
            research_persona: wrap(&p.research_persona),
            research_persona_generated_at: time(p.research_persona_generated_at),
            created_at: time(p.created_at),
            updated_at: time(p.updated_at),
        }
    }
}

#[derive(Serialize)]
struct CompetitorRow<'a> {
    competitor_url: &'a str,
    competitor_domain: Option<&'a str>,
    analysis_date: Option<String>,
    analysis_data: Option<Wrapped<'a>>,
    status: Option<&'a str>,
    error_message: Option<&'a str>,
    warning_message: Option<&'a str>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl<'a> CompetitorRow<'a> {
    fn new(c: &'a CompetitorAnalysis) -> CompetitorRow<'a> {
        CompetitorRow {
            competitor_url: &c.competitor_url,
            competitor_domain: c.competitor_domain.as_deref(),
            analysis_date: time(c.analysis_date),
            analysis_data: wrap(&c.analysis_data),
            status: c.status.as_deref(),
            error_message: c.error_message.as_deref(),
            warning_message: c.warning_message.as_deref(),
            created_at: time(c.created_at),
            updated_at: time(c.updated_at),
        }
    }
}

#[derive(Serialize)]
struct AuditRow<'a> {
    website_url: &'a str,
    page_url: &'a str,
    overall_score: Option<i64>,
    status: Option<&'a str>,
    category_scores: Option<Wrapped<'a>>,
    issues: Option<Wrapped<'a>>,
    warnings: Option<Wrapped<'a>>,
    recommendations: Option<Wrapped<'a>>,
    audit_data: Option<Wrapped<'a>>,
    analysis_source: Option<&'a str>,
    last_analyzed_at: Option<String>,
    created_at: Option<String>,
    updated_at: Option<String>,
}

impl<'a> AuditRow<'a> {
    fn new(a: &'a PageAudit) -> AuditRow<'a> {
        AuditRow {
            website_url: &a.website_url,
            page_url: &a.page_url,
            overall_score: a.overall_score,
            status: a.status.as_deref(),
            category_scores: wrap(&a.category_scores),
            issues: wrap(&a.issues),
            warnings: wrap(&a.warnings),
            recommendations: wrap(&a.recommendations),
            audit_data: wrap(&a.audit_data),
            analysis_source: a.analysis_source.as_deref(),
            last_analyzed_at: time(a.last_analyzed_at),
            created_at: time(a.created_at),
            updated_at: time(a.updated_at),
        }
    }
}
