//! Persona data: round-trip, update keeps `created_at`, and a session starts without it.

use onboardctl::domain::PersonaData;
use onboardctl::store::Store;
use serde_json::json;

use crate::support::{at, persona, user};

/// Every column round-trips, full or default.
pub fn persona_data_round_trips(store: &mut dyn Store) {
    let u = user("persona");
    store.create_session(&u, at(0)).unwrap();
    store.put_persona_data(&u, &persona(at(1))).unwrap();
    assert_eq!(store.get_persona_data(&u).unwrap(), Some(persona(at(1))));
    let v = user("bare-persona");
    store.create_session(&v, at(0)).unwrap();
    store.put_persona_data(&v, &PersonaData::default()).unwrap();
    assert_eq!(
        store.get_persona_data(&v).unwrap(),
        Some(PersonaData::default())
    );
}

/// An upsert overwrites every column but `created_at`.
pub fn persona_data_update_keeps_created_at(store: &mut dyn Store) {
    let u = user("evolving");
    store.create_session(&u, at(0)).unwrap();
    store.put_persona_data(&u, &persona(at(1))).unwrap();
    let newer = PersonaData {
        platform_personas: Some(json!({"facebook": {"platform_type": "facebook"}})),
        selected_platforms: vec!["facebook".into()],
        research_persona: None,
        research_persona_generated_at: None,
        created_at: Some(at(70)),
        updated_at: Some(at(71)),
        ..persona(at(2))
    };
    store.put_persona_data(&u, &newer).unwrap();
    let expected = PersonaData {
        created_at: Some(at(1)),
        ..newer
    };
    assert_eq!(store.get_persona_data(&u).unwrap(), Some(expected));
}

/// A new session has no persona.
pub fn persona_data_is_none_until_put(store: &mut dyn Store) {
    let u = user("faceless");
    store.create_session(&u, at(0)).unwrap();
    assert_eq!(store.get_persona_data(&u).unwrap(), None);
}
