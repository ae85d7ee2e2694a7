//! `persona_data`: the user's one persona row, upserted (the original `created_at` is kept)
//! and read back in one statement.

use postgres::types::Type;
use postgres::{Client, Row};

use super::convert::{json, json_at, list, list_at, ts_at, utc_opt, TS};
use super::scoped::{joined_row, upsert, Params};
use crate::domain::{PersonaData, UserId};
use crate::store::StoreResult;

const PUT: &str = "INSERT INTO persona_data (session_id, core_persona, platform_personas, \
     quality_metrics, selected_platforms, research_persona, research_persona_generated_at, \
     created_at, updated_at) \
     SELECT id, $2, $3, $4, $5, $6, $7, $8, $9 FROM onboarding_sessions WHERE user_id = $1 \
     ON CONFLICT (session_id) DO UPDATE SET core_persona = excluded.core_persona, \
     platform_personas = excluded.platform_personas, \
     quality_metrics = excluded.quality_metrics, \
     selected_platforms = excluded.selected_platforms, \
     research_persona = excluded.research_persona, \
     research_persona_generated_at = excluded.research_persona_generated_at, \
     updated_at = excluded.updated_at, \
     created_at = COALESCE(persona_data.created_at, excluded.created_at)";

/// Upserts the user's persona data.
pub(crate) fn put(client: &mut Client, user: &UserId, p: &PersonaData) -> StoreResult<()> {
    let params: &Params<'_> = &[
        (&user.as_str(), Type::TEXT),
        (&json(p.core_persona.as_ref()), Type::JSONB),
        (&json(p.platform_personas.as_ref()), Type::JSONB),
        (&json(p.quality_metrics.as_ref()), Type::JSONB),
        (&list(&p.selected_platforms), Type::JSONB),
        (&json(p.research_persona.as_ref()), Type::JSONB),
        (&utc_opt(p.research_persona_generated_at), TS),
        (&utc_opt(p.created_at), TS),
        (&utc_opt(p.updated_at), TS),
    ];
    upsert(client, PUT, params, user)
}

/// Column 0 tells whether the session has a persona row.
pub(crate) const GET: &str = "SELECT p.id IS NOT NULL, p.core_persona, p.platform_personas, \
     p.quality_metrics, p.selected_platforms, p.research_persona, \
     p.research_persona_generated_at, p.created_at, p.updated_at \
     FROM onboarding_sessions s LEFT JOIN persona_data p ON p.session_id = s.id \
     WHERE s.user_id = $1";

/// The user's persona data, or `None`.
pub(crate) fn get_one(client: &mut Client, user: &UserId) -> StoreResult<Option<PersonaData>> {
    let params: &Params<'_> = &[(&user.as_str(), Type::TEXT)];
    joined_row(client, GET, params, user, |row| persona_at(row).map(Some))
}

pub(crate) fn persona_at(row: &Row) -> StoreResult<PersonaData> {
    Ok(PersonaData {
        core_persona: json_at(row, 1)?,
        platform_personas: json_at(row, 2)?,
        quality_metrics: json_at(row, 3)?,
        selected_platforms: list_at(row, 4)?,
        research_persona: json_at(row, 5)?,
        research_persona_generated_at: ts_at(row, 6)?,
        created_at: ts_at(row, 7)?,
        updated_at: ts_at(row, 8)?,
    })
}
