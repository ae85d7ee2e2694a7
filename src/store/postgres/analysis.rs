//! `website_analyses`: the user's one analysis row, upserted with every column as given (the
//! original `created_at` is kept) and read back in one statement.

use postgres::types::Type;
use postgres::{Client, Row};

use super::convert::{get, json, json_at, ts_at, utc_opt, TS};
use super::scoped::{joined_row, upsert, Params};
use crate::domain::{UserId, WebsiteAnalysis};
use crate::store::StoreResult;

const PUT: &str = "INSERT INTO website_analyses (session_id, website_url, analysis_date, \
     writing_style, content_characteristics, target_audience, content_type, \
     recommended_settings, brand_analysis, content_strategy_insights, social_media_presence, \
     crawl_result, style_patterns, style_guidelines, seo_audit, strategic_insights_history, \
     status, error_message, warning_message, created_at, updated_at) \
     SELECT id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, \
     $19, $20, $21 FROM onboarding_sessions WHERE user_id = $1 \
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
     warning_message = excluded.warning_message, updated_at = excluded.updated_at, \
     created_at = COALESCE(website_analyses.created_at, excluded.created_at)";

/// Upserts the user's website analysis.
pub(crate) fn put(client: &mut Client, user: &UserId, a: &WebsiteAnalysis) -> StoreResult<()> {
    let params: &Params<'_> = &[
        (&user.as_str(), Type::TEXT),
        (&a.website_url, Type::TEXT),
        (&utc_opt(a.analysis_date), TS),
        (&json(a.writing_style.as_ref()), Type::JSONB),
        (&json(a.content_characteristics.as_ref()), Type::JSONB),
        (&json(a.target_audience.as_ref()), Type::JSONB),
        (&json(a.content_type.as_ref()), Type::JSONB),
        (&json(a.recommended_settings.as_ref()), Type::JSONB),
        (&json(a.brand_analysis.as_ref()), Type::JSONB),
        (&json(a.content_strategy_insights.as_ref()), Type::JSONB),
        (&json(a.social_media_presence.as_ref()), Type::JSONB),
        (&json(a.crawl_result.as_ref()), Type::JSONB),
        (&json(a.style_patterns.as_ref()), Type::JSONB),
        (&json(a.style_guidelines.as_ref()), Type::JSONB),
        (&json(a.seo_audit.as_ref()), Type::JSONB),
        (&json(a.strategic_insights_history.as_ref()), Type::JSONB),
        (&a.status, Type::TEXT),
        (&a.error_message, Type::TEXT),
        (&a.warning_message, Type::TEXT),
        (&utc_opt(a.created_at), TS),
        (&utc_opt(a.updated_at), TS),
    ];
    upsert(client, PUT, params, user)
}

/// Column 0 tells whether the session has an analysis row.
pub(crate) const GET: &str =
    "SELECT w.id IS NOT NULL, w.website_url, w.analysis_date, w.writing_style, \
     w.content_characteristics, w.target_audience, w.content_type, w.recommended_settings, \
     w.brand_analysis, w.content_strategy_insights, w.social_media_presence, w.crawl_result, \
     w.style_patterns, w.style_guidelines, w.seo_audit, w.strategic_insights_history, \
     w.status, w.error_message, w.warning_message, w.created_at, w.updated_at \
     FROM onboarding_sessions s LEFT JOIN website_analyses w ON w.session_id = s.id \
     WHERE s.user_id = $1";

/// The user's website analysis, or `None`.
pub(crate) fn get_one(client: &mut Client, user: &UserId) -> StoreResult<Option<WebsiteAnalysis>> {
    let params: &Params<'_> = &[(&user.as_str(), Type::TEXT)];
    joined_row(client, GET, params, user, |row| analysis_at(row).map(Some))
}

/// NULL `website_url` reads as `''` and NULL `status` as `completed` (ALwrity's defaults).
pub(crate) fn analysis_at(row: &Row) -> StoreResult<WebsiteAnalysis> {
    let url: Option<String> = get(row, 1)?;
    let status: Option<String> = get(row, 16)?;
    Ok(WebsiteAnalysis {
        website_url: url.unwrap_or_default(),
        analysis_date: ts_at(row, 2)?,
        writing_style: json_at(row, 3)?,
        content_characteristics: json_at(row, 4)?,
        target_audience: json_at(row, 5)?,
        content_type: json_at(row, 6)?,
        recommended_settings: json_at(row, 7)?,
        brand_analysis: json_at(row, 8)?,
        content_strategy_insights: json_at(row, 9)?,
        social_media_presence: json_at(row, 10)?,
        crawl_result: json_at(row, 11)?,
        style_patterns: json_at(row, 12)?,
        style_guidelines: json_at(row, 13)?,
        seo_audit: json_at(row, 14)?,
        strategic_insights_history: json_at(row, 15)?,
        status: status.unwrap_or_else(|| "completed".to_owned()),
        error_message: get(row, 17)?,
        warning_message: get(row, 18)?,
        created_at: ts_at(row, 19)?,
        updated_at: ts_at(row, 20)?,
    })
}
