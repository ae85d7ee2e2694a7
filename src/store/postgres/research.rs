//! `research_preferences`: the user's one preferences row, upserted (the original
//! `created_at` is kept) and read back in one statement.

use postgres::types::Type;
use postgres::{Client, Row};

use super::convert::{bool_at, get, json, json_at, list, list_at, ts_at, utc_opt, TS};
use super::scoped::{joined_row, upsert, Params};
use crate::domain::{ResearchPreferences, UserId};
use crate::store::StoreResult;

const PUT: &str = "INSERT INTO research_preferences (session_id, research_depth, \
     content_types, auto_research, factual_content, writing_style, content_characteristics, \
     target_audience, recommended_settings, created_at, updated_at) \
     SELECT id, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11 \
     FROM onboarding_sessions WHERE user_id = $1 \
     ON CONFLICT (session_id) DO UPDATE SET research_depth = excluded.research_depth, \
     content_types = excluded.content_types, auto_research = excluded.auto_research, \
     factual_content = excluded.factual_content, writing_style = excluded.writing_style, \
     content_characteristics = excluded.content_characteristics, \
     target_audience = excluded.target_audience, \
     recommended_settings = excluded.recommended_settings, updated_at = excluded.updated_at, \
     created_at = COALESCE(research_preferences.created_at, excluded.created_at)";

/// Upserts the user's research preferences.
pub(crate) fn put(client: &mut Client, user: &UserId, p: &ResearchPreferences) -> StoreResult<()> {
    let params: &Params<'_> = &[
        (&user.as_str(), Type::TEXT),
        (&p.research_depth, Type::TEXT),
        (&list(&p.content_types), Type::JSONB),
        (&p.auto_research, Type::BOOL),
        (&p.factual_content, Type::BOOL),
        (&json(p.writing_style.as_ref()), Type::JSONB),
        (&json(p.content_characteristics.as_ref()), Type::JSONB),
        (&json(p.target_audience.as_ref()), Type::JSONB),
        (&json(p.recommended_settings.as_ref()), Type::JSONB),
        (&utc_opt(p.created_at), TS),
        (&utc_opt(p.updated_at), TS),
    ];
    upsert(client, PUT, params, user)
}

/// Column 0 tells whether the session has a preferences row.
pub(crate) const GET: &str = "SELECT r.id IS NOT NULL, r.research_depth, r.content_types, \
     r.auto_research, r.factual_content, r.writing_style, r.content_characteristics, \
     r.target_audience, r.recommended_settings, r.created_at, r.updated_at \
     FROM onboarding_sessions s LEFT JOIN research_preferences r ON r.session_id = s.id \
     WHERE s.user_id = $1";

/// The user's research preferences, or `None`.
pub(crate) fn get_one(
    client: &mut Client,
    user: &UserId,
) -> StoreResult<Option<ResearchPreferences>> {
    let params: &Params<'_> = &[(&user.as_str(), Type::TEXT)];
    joined_row(client, GET, params, user, |row| prefs_at(row).map(Some))
}

/// NULL booleans read as `true`, ALwrity's ORM default.
pub(crate) fn prefs_at(row: &Row) -> StoreResult<ResearchPreferences> {
    let depth: Option<String> = get(row, 1)?;
    Ok(ResearchPreferences {
        research_depth: depth.unwrap_or_default(),
        content_types: list_at(row, 2)?,
        auto_research: bool_at(row, 3, true)?,
        factual_content: bool_at(row, 4, true)?,
        writing_style: json_at(row, 5)?,
        content_characteristics: json_at(row, 6)?,
        target_audience: json_at(row, 7)?,
        recommended_settings: json_at(row, 8)?,
        created_at: ts_at(row, 9)?,
        updated_at: ts_at(row, 10)?,
    })
}
