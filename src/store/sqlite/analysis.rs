//! `website_analyses`: the user's one analysis row, upserted with every column as given
//! (the original `created_at` is kept) and read back in one statement.

use rusqlite::{params, Connection, Row};

use super::convert::{json_opt, json_text, ts_opt, ts_opt_text};
use super::error::map_err;
use super::scoped::{joined_row, upsert};
use crate::domain::{UserId, WebsiteAnalysis};
use crate::store::StoreResult;

const PUT: &str = "INSERT INTO website_analyses (session_id, website_url, analysis_date, \
     writing_style, content_characteristics, target_audience, content_type, \
     recommended_settings, brand_analysis, content_strategy_insights, social_media_presence, \
     crawl_result, style_patterns, style_guidelines, seo_audit, strategic_insights_history, \
     status, error_message, warning_message, created_at, updated_at) \
     SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, \
     ?19, ?20, ?21 FROM onboarding_sessions WHERE user_id = ?1 \
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
pub(crate) fn put(conn: &Connection, user: &UserId, a: &WebsiteAnalysis) -> StoreResult<()> {
    let args = params![
        user.as_str(),
        a.website_url,
        ts_opt_text(a.analysis_date),
        json_text(a.writing_style.as_ref()),
        json_text(a.content_characteristics.as_ref()),
        json_text(a.target_audience.as_ref()),
        json_text(a.content_type.as_ref()),
        json_text(a.recommended_settings.as_ref()),
        json_text(a.brand_analysis.as_ref()),
        json_text(a.content_strategy_insights.as_ref()),
        json_text(a.social_media_presence.as_ref()),
        json_text(a.crawl_result.as_ref()),
        json_text(a.style_patterns.as_ref()),
        json_text(a.style_guidelines.as_ref()),
        json_text(a.seo_audit.as_ref()),
        json_text(a.strategic_insights_history.as_ref()),
        a.status,
        a.error_message,
        a.warning_message,
        ts_opt_text(a.created_at),
        ts_opt_text(a.updated_at)
    ];
    upsert(conn, PUT, args, user)
}

/// Column 0 is the analysis row's id (NULL when the session has none).
const GET: &str = "SELECT w.id, w.website_url, w.analysis_date, w.writing_style, \
     w.content_characteristics, w.target_audience, w.content_type, w.recommended_settings, \
     w.brand_analysis, w.content_strategy_insights, w.social_media_presence, w.crawl_result, \
     w.style_patterns, w.style_guidelines, w.seo_audit, w.strategic_insights_history, \
     w.status, w.error_message, w.warning_message, w.created_at, w.updated_at \
     FROM onboarding_sessions s LEFT JOIN website_analyses w ON w.session_id = s.id \
     WHERE s.user_id = ?1";

/// The user's website analysis, or `None`.
pub(crate) fn get(conn: &Connection, user: &UserId) -> StoreResult<Option<WebsiteAnalysis>> {
    joined_row(conn, GET, [user.as_str()], user, |row| {
        analysis_at(row).map(Some)
    })
}

/// NULL `website_url` reads as `''` and NULL `status` as `completed` (ALwrity's defaults).
fn analysis_at(row: &Row<'_>) -> StoreResult<WebsiteAnalysis> {
    let url: Option<String> = row.get(1).map_err(map_err)?;
    let status: Option<String> = row.get(16).map_err(map_err)?;
    Ok(WebsiteAnalysis {
        website_url: url.unwrap_or_default(),
        analysis_date: ts_opt(row, 2)?,
        writing_style: json_opt(row, 3)?,
        content_characteristics: json_opt(row, 4)?,
        target_audience: json_opt(row, 5)?,
        content_type: json_opt(row, 6)?,
        recommended_settings: json_opt(row, 7)?,
        brand_analysis: json_opt(row, 8)?,
        content_strategy_insights: json_opt(row, 9)?,
        social_media_presence: json_opt(row, 10)?,
        crawl_result: json_opt(row, 11)?,
        style_patterns: json_opt(row, 12)?,
        style_guidelines: json_opt(row, 13)?,
        seo_audit: json_opt(row, 14)?,
        strategic_insights_history: json_opt(row, 15)?,
        status: status.unwrap_or_else(|| "completed".to_owned()),
        error_message: row.get(17).map_err(map_err)?,
        warning_message: row.get(18).map_err(map_err)?,
        created_at: ts_opt(row, 19)?,
        updated_at: ts_opt(row, 20)?,
    })
}
