//! Website analysis: every column round-trips, updates overwrite all columns but
//! `created_at`, and a session starts without one.

use onboardctl::domain::WebsiteAnalysis;
use onboardctl::store::Store;
use serde_json::json;

use crate::support::{analysis, at, user};

/// Every column round-trips, full or sparse.
pub fn website_analysis_round_trips(store: &mut dyn Store) {
    let u = user("analysed");
    store.create_session(&u, at(0)).unwrap();
    store.put_website_analysis(&u, &analysis(at(1))).unwrap();
    assert_eq!(
        store.get_website_analysis(&u).unwrap(),
        Some(analysis(at(1)))
    );
    let sparse = WebsiteAnalysis {
        website_url: String::new(),
        status: "failed".into(),
        ..Default::default()
    };
    let v = user("sparse");
    store.create_session(&v, at(0)).unwrap();
    store.put_website_analysis(&v, &sparse).unwrap();
    assert_eq!(store.get_website_analysis(&v).unwrap(), Some(sparse));
}

/// An upsert overwrites every column but `created_at`.
pub fn website_analysis_update_keeps_created_at(store: &mut dyn Store) {
    let u = user("reanalysed");
    store.create_session(&u, at(0)).unwrap();
    store.put_website_analysis(&u, &analysis(at(1))).unwrap();
    let newer = WebsiteAnalysis {
        website_url: "http://example.org".into(),
        writing_style: Some(json!({"tone": "terse"})),
        brand_analysis: None,
        strategic_insights_history: Some(json!([])),
        status: "in_progress".into(),
        error_message: Some("timeout".into()),
        warning_message: None,
        created_at: Some(at(50)),
        updated_at: Some(at(60)),
        ..analysis(at(2))
    };
    store.put_website_analysis(&u, &newer).unwrap();
    let expected = WebsiteAnalysis {
        created_at: Some(at(1)),
        ..newer
    };
    assert_eq!(store.get_website_analysis(&u).unwrap(), Some(expected));
}

/// A new session has no analysis.
pub fn website_analysis_is_none_until_put(store: &mut dyn Store) {
    let u = user("unanalysed");
    store.create_session(&u, at(0)).unwrap();
    assert_eq!(store.get_website_analysis(&u).unwrap(), None);
}
