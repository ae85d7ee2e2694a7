//! The bundle save: one statement of data-modifying CTEs, so the whole replacement of a
//! user's data is atomic and one round trip. It upserts the session (every column), the six
//! steps and the bundle's keys, deletes the keys whose provider the bundle lacks, and for
//! each step-data table either upserts the row with every column as given or deletes it.
//! The CTEs touch disjoint rows (a key is either kept and updated or deleted; a data row is
//! either written or deleted), which is what makes them safe in one statement.

use postgres::error::SqlState;
use postgres::types::{Json, ToSql, Type};
use postgres::Client;

use super::convert::{json, list, step, ts_opt, utc, utc_opt, utc_text, Utc, TS};
use super::error::{classify, reason};
use super::scoped::Params;
use super::sessions::StepColumns;
use serde_json::Value;

use crate::domain::{
    ApiKey, CompetitorAnalysis, PageAudit, PersonaData, ResearchPreferences, Timestamp, UserBundle,
    WebsiteAnalysis,
};
use crate::store::{StoreError, StoreResult};

/// $1–$6 session, $7–$13 steps, $14 key providers and $15 the keys as JSON rows, $16 has
/// analysis + $17–$36 its columns, $37 has preferences + $38–$47, $48 has persona +
/// $49–$56, the competitor analyses $57–$65 and the page audits $66–$78 as column arrays
/// (competitors replaced in the bundle's order; audits upserted by page, the others
/// deleted). Timestamps are [`Utc`](super::convert::Utc) scalars, typed by their columns;
/// the keys go through `jsonb_populate_recordset` over `api_keys`' own row type, so their
/// RFC 3339 UTC times are read by the column's type (a naive column takes the UTC wall
/// time: PostgreSQL ignores the zone for `timestamp`), whatever the session's `TimeZone`.
/// `onboarding_steps` is always ours, `timestamptz`: its array stays typed.
const SAVE: &str = "WITH s AS (INSERT INTO onboarding_sessions \
       (user_id, current_step, progress, started_at, updated_at, completed_at) \
       VALUES ($1, $2, $3, $4, $5, $6) \
       ON CONFLICT (user_id) DO UPDATE SET current_step = excluded.current_step, \
         progress = excluded.progress, started_at = excluded.started_at, \
         updated_at = excluded.updated_at, completed_at = excluded.completed_at \
       RETURNING id), \
     t AS (INSERT INTO onboarding_steps (session_id, step_number, status, completed_at, \
         data, validation_errors, forced, force_reason) \
       SELECT s.id, u.* FROM s, UNNEST($7::int4[], $8::text[], $9::timestamptz[], \
         $10::jsonb[], $11::jsonb[], $12::bool[], $13::text[]) AS u \
       ON CONFLICT (session_id, step_number) DO UPDATE SET status = excluded.status, \
         completed_at = excluded.completed_at, data = excluded.data, \
         validation_errors = excluded.validation_errors, forced = excluded.forced, \
         force_reason = excluded.force_reason RETURNING 1), \
     kd AS (DELETE FROM api_keys WHERE session_id IN (SELECT id FROM s) \
       AND provider <> ALL ($14::text[]) RETURNING 1), \
     k AS (INSERT INTO api_keys (session_id, provider, \"key\", created_at, updated_at) \
       SELECT s.id, u.provider, u.\"key\", u.created_at, u.updated_at \
       FROM s, jsonb_populate_recordset(NULL::api_keys, $15) AS u \
       ON CONFLICT (session_id, provider) DO UPDATE SET \"key\" = excluded.\"key\", \
         created_at = excluded.created_at, updated_at = excluded.updated_at RETURNING 1), \
     wd AS (DELETE FROM website_analyses WHERE NOT $16 \
       AND session_id IN (SELECT id FROM s) RETURNING 1), \
     w AS (INSERT INTO website_analyses (session_id, website_url, analysis_date, \
         writing_style, content_characteristics, target_audience, content_type, \
         recommended_settings, brand_analysis, content_strategy_insights, \
         social_media_presence, crawl_result, style_patterns, style_guidelines, seo_audit, \
         strategic_insights_history, status, error_message, warning_message, created_at, \
         updated_at) \
       SELECT s.id, $17, $18, $19, $20, $21, $22, $23, $24, $25, $26, $27, $28, $29, $30, \
         $31, $32, $33, $34, $35, $36 FROM s WHERE $16 \
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
     rd AS (DELETE FROM research_preferences WHERE NOT $37 \
       AND session_id IN (SELECT id FROM s) RETURNING 1), \
     r AS (INSERT INTO research_preferences (session_id, research_depth, content_types, \
         auto_research, factual_content, writing_style, content_characteristics, \
         target_audience, recommended_settings, created_at, updated_at) \
       SELECT s.id, $38, $39, $40, $41, $42, $43, $44, $45, $46, $47 FROM s WHERE $37 \
       ON CONFLICT (session_id) DO UPDATE SET research_depth = excluded.research_depth, \
         content_types = excluded.content_types, auto_research = excluded.auto_research, \
         factual_content = excluded.factual_content, writing_style = excluded.writing_style, \
         content_characteristics = excluded.content_characteristics, \
         target_audience = excluded.target_audience, \
         recommended_settings = excluded.recommended_settings, \
         created_at = excluded.created_at, updated_at = excluded.updated_at RETURNING 1), \
     pd AS (DELETE FROM persona_data WHERE NOT $48 \
       AND session_id IN (SELECT id FROM s) RETURNING 1), \
     p AS (INSERT INTO persona_data (session_id, core_persona, platform_personas, \
         quality_metrics, selected_platforms, research_persona, \
         research_persona_generated_at, created_at, updated_at) \
       SELECT s.id, $49, $50, $51, $52, $53, $54, $55, $56 FROM s WHERE $48 \
       ON CONFLICT (session_id) DO UPDATE SET core_persona = excluded.core_persona, \
         platform_personas = excluded.platform_personas, \
         quality_metrics = excluded.quality_metrics, \
         selected_platforms = excluded.selected_platforms, \
         research_persona = excluded.research_persona, \
         research_persona_generated_at = excluded.research_persona_generated_at, \
         created_at = excluded.created_at, updated_at = excluded.updated_at RETURNING 1), \
     cd AS (DELETE FROM competitor_analyses WHERE session_id IN (SELECT id FROM s) \
       RETURNING 1), \
     c AS (INSERT INTO competitor_analyses (session_id, competitor_url, competitor_domain, \
         analysis_date, analysis_data, status, error_message, warning_message, created_at, \
         updated_at) \
       SELECT s.id, u.url, u.domain, u.at, u.doc, u.status, u.err, u.warn, u.created, \
         u.updated \
       FROM s, UNNEST($57::text[], $58::text[], $59::timestamptz[], $60::jsonb[], \
         $61::text[], $62::text[], $63::text[], $64::timestamptz[], $65::timestamptz[]) \
         WITH ORDINALITY AS u(url, domain, at, doc, status, err, warn, created, updated, n) \
       ORDER BY u.n RETURNING 1), \
     ad AS (DELETE FROM seo_page_audits WHERE user_id = $1 \
       AND page_url <> ALL ($67::text[]) RETURNING 1), \
     a AS (INSERT INTO seo_page_audits (user_id, website_url, page_url, overall_score, \
         status, category_scores, issues, warnings, recommendations, audit_data, \
         analysis_source, last_analyzed_at, created_at, updated_at) \
       SELECT $1, u.* FROM s, UNNEST($66::text[], $67::text[], $68::int8[], $69::text[], \
         $70::jsonb[], $71::jsonb[], $72::jsonb[], $73::jsonb[], $74::jsonb[], $75::text[], \
         $76::timestamptz[], $77::timestamptz[], $78::timestamptz[]) AS u \
       ON CONFLICT (user_id, page_url) DO UPDATE SET website_url = excluded.website_url, \
         overall_score = excluded.overall_score, status = excluded.status, \
         category_scores = excluded.category_scores, issues = excluded.issues, \
         warnings = excluded.warnings, recommendations = excluded.recommendations, \
         audit_data = excluded.audit_data, analysis_source = excluded.analysis_source, \
         last_analyzed_at = excluded.last_analyzed_at, created_at = excluded.created_at, \
         updated_at = excluded.updated_at RETURNING 1) \
     SELECT 1 FROM s";

/// Makes the user's stored data exactly `b`, in one statement.
pub(crate) fn save(client: &mut Client, b: &UserBundle) -> StoreResult<()> {
    let s = b.session();
    let steps = StepColumns::new(&b.onboarding.steps);
    let providers: Vec<&str> = b.keys.iter().map(|k| k.provider.as_str()).collect();
    let keys: Vec<KeyRow<'_>> = b.keys.iter().map(KeyRow::new).collect();
    let head: &Params<'_> = &[
        (&s.user_id.as_str(), Type::TEXT),
        (&step(s.current_step), Type::INT4),
        (&s.progress, Type::FLOAT8),
        (&utc(s.started_at), TS),
        (&utc(s.updated_at), TS),
        (&utc_opt(s.completed_at), TS),
        (&steps.numbers, Type::INT4_ARRAY),
        (&steps.statuses, Type::TEXT_ARRAY),
        (&steps.completed, Type::TIMESTAMPTZ_ARRAY),
        (&steps.data, Type::JSONB_ARRAY),
        (&steps.errors, Type::JSONB_ARRAY),
        (&steps.forced, Type::BOOL_ARRAY),
        (&steps.reasons, Type::TEXT_ARRAY),
        (&providers, Type::TEXT_ARRAY),
        (&Json(&keys), Type::JSONB),
    ];
    let (no_a, no_r, no_p): (WebsiteAnalysis, ResearchPreferences, PersonaData) =
        Default::default();
    let a = Analysis::new(b.analysis.as_ref().unwrap_or(&no_a));
    let r = Research::new(b.research.as_ref().unwrap_or(&no_r));
    let p = Persona::new(b.persona.as_ref().unwrap_or(&no_p));
    let flags = [
        b.analysis.is_some(),
        b.research.is_some(),
        b.persona.is_some(),
    ];
    let mut params: Vec<Param<'_>> = head.to_vec();
    params.push((&flags[0], Type::BOOL));
    params.extend(a.params());
    params.push((&flags[1], Type::BOOL));
    params.extend(r.params());
    params.push((&flags[2], Type::BOOL));
    params.extend(p.params());
    let lists = ListColumns::new(b);
    params.extend(lists.params());
    client
        .query_typed(SAVE, &params)
        .map(drop)
        .map_err(|e| match e.code() {
            // A provider listed twice makes the key upsert touch one row twice.
            Some(c) if *c == SqlState::CARDINALITY_VIOLATION => StoreError::Conflict(reason(&e)),
            _ => classify(&e),
        })
}

/// The competitor analyses ($57–$65) and page audits ($66–$78) as parallel arrays, one per
/// column. A page listed twice makes the audit upsert touch one row twice: a Conflict, as
/// for keys (the record check refuses it before).
struct ListColumns<'a> {
    c_text: [Vec<Option<&'a str>>; 4],
    c_url: Vec<&'a str>,
    c_times: [Vec<Option<Timestamp>>; 3],
    c_doc: Vec<Option<Json<&'a Value>>>,
    a_site: Vec<&'a str>,
    a_page: Vec<&'a str>,
    a_score: Vec<Option<i64>>,
    a_text: [Vec<Option<&'a str>>; 2],
    a_docs: [Vec<Option<Json<&'a Value>>>; 5],
    a_times: [Vec<Option<Timestamp>>; 3],
}

impl<'a> ListColumns<'a> {
    fn new(b: &'a UserBundle) -> ListColumns<'a> {
        let c = &b.competitors;
        let a = &b.page_audits;
        let text = |f: fn(&CompetitorAnalysis) -> &Option<String>| {
            c.iter().map(|x| f(x).as_deref()).collect::<Vec<_>>()
        };
        let c_time = |f: fn(&CompetitorAnalysis) -> Option<Timestamp>| {
            c.iter().map(|x| ts_opt(f(x))).collect::<Vec<_>>()
        };
        let a_time = |f: fn(&PageAudit) -> Option<Timestamp>| {
            a.iter().map(|x| ts_opt(f(x))).collect::<Vec<_>>()
        };
        let a_doc = |f: fn(&PageAudit) -> &Option<Value>| {
            a.iter().map(|x| json(f(x).as_ref())).collect::<Vec<_>>()
        };
        ListColumns {
            c_url: c.iter().map(|x| x.competitor_url.as_str()).collect(),
            c_text: [
                text(|x| &x.competitor_domain),
                text(|x| &x.status),
                text(|x| &x.error_message),
                text(|x| &x.warning_message),
            ],
            c_times: [
                c_time(|x| x.analysis_date),
                c_time(|x| x.created_at),
                c_time(|x| x.updated_at),
            ],
            c_doc: c.iter().map(|x| json(x.analysis_data.as_ref())).collect(),
            a_site: a.iter().map(|x| x.website_url.as_str()).collect(),
            a_page: a.iter().map(|x| x.page_url.as_str()).collect(),
            a_score: a.iter().map(|x| x.overall_score).collect(),
            a_text: [
                a.iter().map(|x| x.status.as_deref()).collect(),
                a.iter().map(|x| x.analysis_source.as_deref()).collect(),
            ],
            a_docs: [
                a_doc(|x| &x.category_scores),
                a_doc(|x| &x.issues),
                a_doc(|x| &x.warnings),
                a_doc(|x| &x.recommendations),
                a_doc(|x| &x.audit_data),
            ],
            a_times: [
                a_time(|x| x.last_analyzed_at),
                a_time(|x| x.created_at),
                a_time(|x| x.updated_at),
            ],
        }
    }

    fn params(&self) -> Vec<Param<'_>> {
        let [domain, status, error, warning] = &self.c_text;
        let [date, created, updated] = &self.c_times;
        let [a_status, a_source] = &self.a_text;
        let [scores, issues, warnings, recs, raw] = &self.a_docs;
        let [analyzed, a_created, a_updated] = &self.a_times;
        vec![
            (&self.c_url, Type::TEXT_ARRAY),
            (domain, Type::TEXT_ARRAY),
            (date, Type::TIMESTAMPTZ_ARRAY),
            (&self.c_doc, Type::JSONB_ARRAY),
            (status, Type::TEXT_ARRAY),
            (error, Type::TEXT_ARRAY),
            (warning, Type::TEXT_ARRAY),
            (created, Type::TIMESTAMPTZ_ARRAY),
            (updated, Type::TIMESTAMPTZ_ARRAY),
            (&self.a_site, Type::TEXT_ARRAY),
            (&self.a_page, Type::TEXT_ARRAY),
            (&self.a_score, Type::INT8_ARRAY),
            (a_status, Type::TEXT_ARRAY),
            (scores, Type::JSONB_ARRAY),
            (issues, Type::JSONB_ARRAY),
            (warnings, Type::JSONB_ARRAY),
            (recs, Type::JSONB_ARRAY),
            (raw, Type::JSONB_ARRAY),
            (a_source, Type::TEXT_ARRAY),
            (analyzed, Type::TIMESTAMPTZ_ARRAY),
            (a_created, Type::TIMESTAMPTZ_ARRAY),
            (a_updated, Type::TIMESTAMPTZ_ARRAY),
        ]
    }
}

/// One typed parameter.
type Param<'a> = (&'a (dyn ToSql + Sync), Type);

/// A key as one JSON row of `$15`; field names are `api_keys`' columns.
#[derive(serde::Serialize)]
struct KeyRow<'a> {
    provider: &'a str,
    key: &'a str,
    created_at: String,
    updated_at: String,
}

/// The driver wants `Debug` of a parameter; the key value is never part of it.
impl std::fmt::Debug for KeyRow<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("KeyRow")
            .field("provider", &self.provider)
            .finish_non_exhaustive()
    }
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

/// The bound form of a website analysis ($17–$36).
struct Analysis<'a> {
    a: &'a WebsiteAnalysis,
    date: Utc,
    docs: [Option<Json<&'a Value>>; 13],
    created: Utc,
    updated: Utc,
}

impl<'a> Analysis<'a> {
    fn new(a: &'a WebsiteAnalysis) -> Analysis<'a> {
        Analysis {
            a,
            date: utc_opt(a.analysis_date),
            docs: [
                &a.writing_style,
                &a.content_characteristics,
                &a.target_audience,
                &a.content_type,
                &a.recommended_settings,
                &a.brand_analysis,
                &a.content_strategy_insights,
                &a.social_media_presence,
                &a.crawl_result,
                &a.style_patterns,
                &a.style_guidelines,
                &a.seo_audit,
                &a.strategic_insights_history,
            ]
            .map(|v| json(v.as_ref())),
            created: utc_opt(a.created_at),
            updated: utc_opt(a.updated_at),
        }
    }

    fn params(&self) -> Vec<Param<'_>> {
        let mut out: Vec<Param<'_>> = vec![(&self.a.website_url, Type::TEXT), (&self.date, TS)];
        out.extend(
            self.docs
                .iter()
                .map(|d| (d as &(dyn ToSql + Sync), Type::JSONB)),
        );
        out.extend::<[Param<'_>; 5]>([
            (&self.a.status, Type::TEXT),
            (&self.a.error_message, Type::TEXT),
            (&self.a.warning_message, Type::TEXT),
            (&self.created, TS),
            (&self.updated, TS),
        ]);
        out
    }
}

/// The bound form of research preferences ($38–$47).
struct Research<'a> {
    r: &'a ResearchPreferences,
    types: Json<&'a [String]>,
    docs: [Option<Json<&'a Value>>; 4],
    created: Utc,
    updated: Utc,
}

impl<'a> Research<'a> {
    fn new(r: &'a ResearchPreferences) -> Research<'a> {
        Research {
            r,
            types: list(&r.content_types),
            docs: [
                &r.writing_style,
                &r.content_characteristics,
                &r.target_audience,
                &r.recommended_settings,
            ]
            .map(|v| json(v.as_ref())),
            created: utc_opt(r.created_at),
            updated: utc_opt(r.updated_at),
        }
    }

    fn params(&self) -> Vec<Param<'_>> {
        let mut out: Vec<Param<'_>> = vec![
            (&self.r.research_depth, Type::TEXT),
            (&self.types, Type::JSONB),
            (&self.r.auto_research, Type::BOOL),
            (&self.r.factual_content, Type::BOOL),
        ];
        out.extend(
            self.docs
                .iter()
                .map(|d| (d as &(dyn ToSql + Sync), Type::JSONB)),
        );
        out.push((&self.created, TS));
        out.push((&self.updated, TS));
        out
    }
}

/// The bound form of persona data ($49–$56).
struct Persona<'a> {
    docs: [Option<Json<&'a Value>>; 3],
    platforms: Json<&'a [String]>,
    research: Option<Json<&'a Value>>,
    times: [Utc; 3],
}

impl<'a> Persona<'a> {
    fn new(p: &'a PersonaData) -> Persona<'a> {
        Persona {
            docs: [&p.core_persona, &p.platform_personas, &p.quality_metrics]
                .map(|v| json(v.as_ref())),
            platforms: list(&p.selected_platforms),
            research: json(p.research_persona.as_ref()),
            times: [p.research_persona_generated_at, p.created_at, p.updated_at].map(utc_opt),
        }
    }

    fn params(&self) -> Vec<Param<'_>> {
        let mut out: Vec<Param<'_>> = self
            .docs
            .iter()
            .map(|d| (d as &(dyn ToSql + Sync), Type::JSONB))
            .collect();
        out.push((&self.platforms, Type::JSONB));
        out.push((&self.research, Type::JSONB));
        out.extend(self.times.iter().map(|t| (t as &(dyn ToSql + Sync), TS)));
        out
    }
}
