//! Research preferences: round-trip (booleans both ways), update keeps `created_at`, and a
//! session starts without them.

use onboardctl::domain::ResearchPreferences;
use onboardctl::store::Store;

use crate::support::{at, prefs, user};

/// Every column round-trips, booleans both ways, empty lists included.
pub fn research_preferences_round_trip(store: &mut dyn Store) {
    let u = user("researcher");
    store.create_session(&u, at(0)).unwrap();
    store.put_research_preferences(&u, &prefs(at(1))).unwrap();
    assert_eq!(
        store.get_research_preferences(&u).unwrap(),
        Some(prefs(at(1)))
    );
    let minimal = ResearchPreferences {
        research_depth: "standard".into(),
        content_types: vec![],
        auto_research: false,
        factual_content: true,
        ..Default::default()
    };
    let v = user("minimal");
    store.create_session(&v, at(0)).unwrap();
    store.put_research_preferences(&v, &minimal).unwrap();
    assert_eq!(store.get_research_preferences(&v).unwrap(), Some(minimal));
}

/// An upsert overwrites every column but `created_at`.
pub fn research_preferences_update_keeps_created_at(store: &mut dyn Store) {
    let u = user("changed-mind");
    store.create_session(&u, at(0)).unwrap();
    store.put_research_preferences(&u, &prefs(at(1))).unwrap();
    let newer = ResearchPreferences {
        research_depth: "Expert".into(),
        content_types: vec!["white papers".into(), "vidéos".into()],
        auto_research: false,
        factual_content: true,
        target_audience: None,
        created_at: Some(at(40)),
        updated_at: Some(at(41)),
        ..prefs(at(2))
    };
    store.put_research_preferences(&u, &newer).unwrap();
    let expected = ResearchPreferences {
        created_at: Some(at(1)),
        ..newer
    };
    assert_eq!(store.get_research_preferences(&u).unwrap(), Some(expected));
}

/// A new session has no preferences.
pub fn research_preferences_are_none_until_put(store: &mut dyn Store) {
    let u = user("undecided");
    store.create_session(&u, at(0)).unwrap();
    assert_eq!(store.get_research_preferences(&u).unwrap(), None);
}
