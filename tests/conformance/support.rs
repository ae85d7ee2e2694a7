//! Shared fixtures: backend factories, users, timestamps, sample records built with the
//! domain constructors, and the full per-user snapshot the isolation tests compare.

use std::any::Any;
use std::sync::Arc;

use onboardctl::domain::{
    ApiKey, Onboarding, PersonaData, ResearchPreferences, Secret, StepNumber, StepStatus,
    Timestamp, UserId, WebsiteAnalysis,
};
use onboardctl::store::sqlite::SqliteStore;
use onboardctl::store::workspace::WorkspaceStore;
use onboardctl::store::{Store, StoreError, StoreResult};
use serde_json::json;
use time::macros::datetime;
use time::Duration;

/// Opens another store on the fixture's database (another connection, as another process
/// would), from any thread.
pub type Reopen = Arc<dyn Fn() -> Box<dyn Store> + Send + Sync>;

/// A store under test plus whatever must outlive it (a temp dir, a PostgreSQL schema).
pub struct Fixture {
    /// The store, fresh and unmigrated.
    pub store: Box<dyn Store>,
    /// Another store on the same database; `None` where there cannot be one (in memory).
    pub reopen: Option<Reopen>,
    _keep: Box<dyn Any>,
}

impl Fixture {
    /// A fixture that keeps `keep` alive (and drops it, cleaning up) after the store.
    pub fn new(store: Box<dyn Store>, keep: Box<dyn Any>) -> Fixture {
        Fixture {
            store,
            reopen: None,
            _keep: keep,
        }
    }

    /// The fixture with a way to open more stores on its database.
    pub fn with_reopen(mut self, reopen: Reopen) -> Fixture {
        self.reopen = Some(reopen);
        self
    }
}

/// SQLite in memory.
pub fn sqlite_memory() -> Option<Fixture> {
    let store = SqliteStore::open_in_memory().expect("open in-memory SQLite");
    Some(Fixture::new(Box::new(store), Box::new(())))
}

/// SQLite in a fresh file (WAL, file locks), removed with its directory after the test.
pub fn sqlite_file() -> Option<Fixture> {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("onboarding.db");
    let store = SqliteStore::open(&path).expect("open SQLite file");
    let reopen: Reopen =
        Arc::new(move || Box::new(SqliteStore::open_existing(&path).expect("reopen SQLite file")));
    Some(Fixture::new(Box::new(store), Box::new(dir)).with_reopen(reopen))
}

/// An ALwrity HEAD workspace (one SQLite file per user) in a fresh folder, whose store
/// attaches the files it creates, as an operator's `db migrate` would: the contract is that
/// of a store holding onboardctl's whole record.
pub fn workspace() -> Option<Fixture> {
    let dir = tempfile::tempdir().expect("temp dir");
    let root = dir.path().join("workspace");
    std::fs::create_dir(&root).expect("workspace folder");
    let open = move || {
        let opts = onboardctl::store::OpenOptions::default();
        WorkspaceStore::open(&root, &opts)
            .expect("open workspace")
            .attach_new_files(true)
    };
    let store = open();
    let reopen: Reopen = Arc::new(move || Box::new(open()));
    Some(Fixture::new(Box::new(store), Box::new(dir)).with_reopen(reopen))
}

/// A user id.
pub fn user(s: &str) -> UserId {
    s.parse().expect("valid user id")
}

/// A fixed instant with a full microsecond fraction, plus `secs` seconds.
pub fn at(secs: i64) -> Timestamp {
    datetime!(2025-06-01 12:00:00.123456 UTC) + Duration::seconds(secs)
}

/// Asserts that `r` is `NoSession` for `who`.
pub fn assert_no_session<T: std::fmt::Debug>(r: StoreResult<T>, who: &UserId) {
    match r {
        Err(StoreError::NoSession(u)) => assert_eq!(&u, who),
        other => panic!("expected NoSession({who}), got {other:?}"),
    }
}

/// A key record.
pub fn key(provider: &str, value: &str, t: Timestamp) -> ApiKey {
    ApiKey {
        provider: provider.parse().expect("provider"),
        value: Secret::new(value.to_owned()),
        created_at: t,
        updated_at: t,
    }
}

/// A website analysis with every column set.
pub fn analysis(t: Timestamp) -> WebsiteAnalysis {
    WebsiteAnalysis {
        website_url: "https://example.com/blog".into(),
        analysis_date: Some(t),
        writing_style: Some(json!({"tone": "friendly", "voice": "active", "complexity": 3})),
        content_characteristics: Some(json!({"readability_score": 61.5})),
        target_audience: Some(json!({"demographics": ["devs", "ops"], "expertise_level": "x"})),
        content_type: Some(json!({"primary_type": "blog", "secondary_types": []})),
        recommended_settings: Some(json!({"writing_tone": "calm", "creativity_level": 0.7})),
        brand_analysis: Some(json!({"values": ["trust"], "positioning": "niche"})),
        content_strategy_insights: Some(json!({"swot": {"s": ["a"], "w": [], "o": [], "t": []}})),
        social_media_presence: Some(json!({"linkedin": "https://linkedin.com/in/x"})),
        crawl_result: Some(json!({"meta_info": {"title": "Ex"}, "sitemap_analysis": null})),
        style_patterns: Some(json!({"patterns": {}, "unique_elements": ["é", "日本"]})),
        style_guidelines: Some(json!({"tone_recommendations": ["be brief"]})),
        seo_audit: Some(json!({"score": 88})),
        strategic_insights_history: Some(json!([{"week": 2}, {"week": 1}])),
        status: "completed".into(),
        error_message: None,
        warning_message: Some("partial crawl".into()),
        created_at: Some(t),
        updated_at: Some(t),
    }
}

/// Research preferences with every column set.
pub fn prefs(t: Timestamp) -> ResearchPreferences {
    ResearchPreferences {
        research_depth: "Comprehensive".into(),
        content_types: vec!["blog".into(), "case studies".into()],
        auto_research: true,
        factual_content: false,
        writing_style: Some(json!({"tone": "formal"})),
        content_characteristics: Some(json!({"density": "high"})),
        target_audience: Some(json!({"industry_focus": "fintech"})),
        recommended_settings: Some(json!({"creativity_level": 2})),
        created_at: Some(t),
        updated_at: Some(t),
    }
}

/// Persona data with every column set.
pub fn persona(t: Timestamp) -> PersonaData {
    PersonaData {
        core_persona: Some(json!({"identity": {"persona_name": "Ada", "archetype": "Sage"}})),
        platform_personas: Some(json!({"linkedin": {"platform_type": "linkedin"}, "blog": {}})),
        quality_metrics: Some(json!({"overall_score": 0.92, "recommendations": ["more data"]})),
        selected_platforms: vec!["linkedin".into(), "blog".into()],
        research_persona: Some(json!({"default_industry": "SaaS"})),
        research_persona_generated_at: Some(t),
        created_at: Some(t),
        updated_at: Some(t),
    }
}

/// Creates `who`'s session and fills every table: two steps done, keys, analysis,
/// preferences, persona.
pub fn populate(store: &mut dyn Store, who: &UserId, t: Timestamp) {
    let (mut state, _) = store.create_session(who, t).expect("create");
    let first = state.step_mut(StepNumber::FIRST);
    first.status = StepStatus::Completed;
    first.completed_at = Some(t);
    first.data = Some(json!({"providers": ["gemini"]}));
    state.session.current_step = StepNumber::new(2).expect("step 2");
    state.session.progress = 16.7;
    state.session.updated_at = t + Duration::seconds(1);
    store.save_onboarding(&state).expect("save");
    for (p, v) in [
        ("gemini", "AIzaFAKE-for-tests-0001"),
        ("exa", "exa-fake-0002"),
    ] {
        store.put_api_key(who, &key(p, v, t)).expect("key");
    }
    store
        .put_website_analysis(who, &analysis(t))
        .expect("analysis");
    store
        .put_research_preferences(who, &prefs(t))
        .expect("prefs");
    store.put_persona_data(who, &persona(t)).expect("persona");
}

/// Everything a store holds for one user; `onboarding` is `None` without a session.
#[derive(Debug, Clone, PartialEq)]
pub struct Snapshot {
    /// Session and steps.
    pub onboarding: Option<Onboarding>,
    /// Keys (empty without a session).
    pub keys: Vec<ApiKey>,
    /// Website analysis.
    pub analysis: Option<WebsiteAnalysis>,
    /// Research preferences.
    pub prefs: Option<ResearchPreferences>,
    /// Persona data.
    pub persona: Option<PersonaData>,
}

/// Reads everything of `who`, treating NoSession as empty.
pub fn snapshot(store: &mut dyn Store, who: &UserId) -> Snapshot {
    fn absent<T: Default>(r: StoreResult<T>) -> T {
        match r {
            Err(StoreError::NoSession(_)) => T::default(),
            other => other.expect("read"),
        }
    }
    Snapshot {
        onboarding: store.load_onboarding(who).expect("load"),
        keys: absent(store.list_api_keys(who)),
        analysis: absent(store.get_website_analysis(who)),
        prefs: absent(store.get_research_preferences(who)),
        persona: absent(store.get_persona_data(who)),
    }
}
