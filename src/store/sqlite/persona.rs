//! `persona_data`: the user's one persona row, upserted (the original `created_at` is kept)
//! and read back in one statement.

use rusqlite::{params, Connection, Row};

use super::convert::{json_opt, json_text, list_text, string_list, ts_opt, ts_opt_text};
use super::scoped::{joined_row, upsert};
use crate::domain::{PersonaData, UserId};
use crate::store::StoreResult;

const PUT: &str = "INSERT INTO persona_data (session_id, core_persona, platform_personas, \
     quality_metrics, selected_platforms, research_persona, research_persona_generated_at, \
     created_at, updated_at) \
     SELECT id, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 FROM onboarding_sessions WHERE user_id = ?1 \
     ON CONFLICT (session_id) DO UPDATE SET core_persona = excluded.core_persona, \
     platform_personas = excluded.platform_personas, \
     quality_metrics = excluded.quality_metrics, \
     selected_platforms = excluded.selected_platforms, \
     research_persona = excluded.research_persona, \
     research_persona_generated_at = excluded.research_persona_generated_at, \
     updated_at = excluded.updated_at, \
     created_at = COALESCE(persona_data.created_at, excluded.created_at)";

/// Upserts the user's persona data.
pub(crate) fn put(conn: &Connection, user: &UserId, p: &PersonaData) -> StoreResult<()> {
    let args = params![
        user.as_str(),
        json_text(p.core_persona.as_ref()),
        json_text(p.platform_personas.as_ref()),
        json_text(p.quality_metrics.as_ref()),
        list_text(&p.selected_platforms),
        json_text(p.research_persona.as_ref()),
        ts_opt_text(p.research_persona_generated_at),
        ts_opt_text(p.created_at),
        ts_opt_text(p.updated_at)
    ];
    upsert(conn, PUT, args, user)
}

/// Column 0 is the persona row's id (NULL when the session has none).
const GET: &str = "SELECT p.id, p.core_persona, p.platform_personas, p.quality_metrics, \
     p.selected_platforms, p.research_persona, p.research_persona_generated_at, \
     p.created_at, p.updated_at \
     FROM onboarding_sessions s LEFT JOIN persona_data p ON p.session_id = s.id \
     WHERE s.user_id = ?1";

/// The user's persona data, or `None`.
pub(crate) fn get(conn: &Connection, user: &UserId) -> StoreResult<Option<PersonaData>> {
    joined_row(conn, GET, [user.as_str()], user, |row| {
        persona_at(row).map(Some)
    })
}

fn persona_at(row: &Row<'_>) -> StoreResult<PersonaData> {
    Ok(PersonaData {
        core_persona: json_opt(row, 1)?,
        platform_personas: json_opt(row, 2)?,
        quality_metrics: json_opt(row, 3)?,
        selected_platforms: string_list(row, 4)?,
        research_persona: json_opt(row, 5)?,
        research_persona_generated_at: ts_opt(row, 6)?,
        created_at: ts_opt(row, 7)?,
        updated_at: ts_opt(row, 8)?,
    })
}
