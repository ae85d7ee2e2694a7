//! `research_preferences`: the user's one preferences row, upserted (the original
//! `created_at` is kept) and read back in one statement.

use rusqlite::{params, Connection, Row};

use super::convert::{bool_or, json_opt, json_text, list_text, string_list, ts_opt, ts_opt_text};
use super::error::map_err;
use super::scoped::{joined_row, upsert};
use crate::domain::{ResearchPreferences, UserId};
use crate::store::StoreResult;

const PUT: &str = "INSERT INTO research_preferences (session_id, research_depth, \
     content_types, auto_research, factual_content, writing_style, content_characteristics, \
     target_audience, recommended_settings, created_at, updated_at) \
     SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11 \
     FROM onboarding_sessions WHERE user_id = ?1 \
     ON CONFLICT (session_id) DO UPDATE SET research_depth = excluded.research_depth, \
     content_types = excluded.content_types, auto_research = excluded.auto_research, \
     factual_content = excluded.factual_content, writing_style = excluded.writing_style, \
     content_characteristics = excluded.content_characteristics, \
     target_audience = excluded.target_audience, \
     recommended_settings = excluded.recommended_settings, updated_at = excluded.updated_at, \
     created_at = COALESCE(research_preferences.created_at, excluded.created_at)";

/// Upserts the user's research preferences.
pub(crate) fn put(conn: &Connection, user: &UserId, p: &ResearchPreferences) -> StoreResult<()> {
    let args = params![
        user.as_str(),
        p.research_depth,
        list_text(&p.content_types),
        p.auto_research,
        p.factual_content,
        json_text(p.writing_style.as_ref()),
        json_text(p.content_characteristics.as_ref()),
        json_text(p.target_audience.as_ref()),
        json_text(p.recommended_settings.as_ref()),
        ts_opt_text(p.created_at),
        ts_opt_text(p.updated_at)
    ];
    upsert(conn, PUT, args, user)
}

/// Column 0 is the preferences row's id (NULL when the session has none).
const GET: &str = "SELECT r.id, r.research_depth, r.content_types, r.auto_research, \
     r.factual_content, r.writing_style, r.content_characteristics, r.target_audience, \
     r.recommended_settings, r.created_at, r.updated_at \
     FROM onboarding_sessions s LEFT JOIN research_preferences r ON r.session_id = s.id \
     WHERE s.user_id = ?1";

/// The user's research preferences, or `None`.
pub(crate) fn get(conn: &Connection, user: &UserId) -> StoreResult<Option<ResearchPreferences>> {
    joined_row(conn, GET, [user.as_str()], user, |row| {
        prefs_at(row).map(Some)
    })
}

/// NULL booleans read as `true`, ALwrity's ORM default.
fn prefs_at(row: &Row<'_>) -> StoreResult<ResearchPreferences> {
    let depth: Option<String> = row.get(1).map_err(map_err)?;
    Ok(ResearchPreferences {
        research_depth: depth.unwrap_or_default(),
        content_types: string_list(row, 2)?,
        auto_research: bool_or(row, 3, true)?,
        factual_content: bool_or(row, 4, true)?,
        writing_style: json_opt(row, 5)?,
        content_characteristics: json_opt(row, 6)?,
        target_audience: json_opt(row, 7)?,
        recommended_settings: json_opt(row, 8)?,
        created_at: ts_opt(row, 9)?,
        updated_at: ts_opt(row, 10)?,
    })
}
