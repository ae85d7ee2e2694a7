//! [`UserBundle`]: everything stored for one user, as one value. `export` writes bundles,
//! `import` and `db copy` write them back with [`crate::store::Store::save_bundle`].

use super::records::{
    ApiKey, CompetitorAnalysis, Onboarding, PageAudit, PersonaData, ResearchPreferences,
    WebsiteAnalysis,
};
use super::wire::micros_utc;
use super::{Session, Timestamp, UserId};

/// All of one user's data: the session with its six steps, every API key, the three
/// step-data rows and ALwrity HEAD's competitor analyses and page audits. Two bundles are equal exactly when the stored data would be.
#[derive(Debug, Clone, PartialEq)]
pub struct UserBundle {
    /// The session and steps 1–6; `onboarding.session.user_id` is the owner.
    pub onboarding: Onboarding,
    /// Every API key, ordered by provider name (bytewise), as `load_bundle` returns them.
    pub keys: Vec<ApiKey>,
    /// The `website_analyses` row.
    pub analysis: Option<WebsiteAnalysis>,
    /// The `research_preferences` row.
    pub research: Option<ResearchPreferences>,
    /// The `persona_data` row.
    pub persona: Option<PersonaData>,
    /// The `competitor_analyses` rows (ALwrity HEAD), in stored order.
    pub competitors: Vec<CompetitorAnalysis>,
    /// The `seo_page_audits` rows (ALwrity HEAD), by page URL (bytewise).
    pub page_audits: Vec<PageAudit>,
}

impl UserBundle {
    /// A bundle holding only `onboarding`: no keys and no step data.
    pub fn new(onboarding: Onboarding) -> UserBundle {
        UserBundle {
            onboarding,
            keys: Vec::new(),
            analysis: None,
            research: None,
            persona: None,
            competitors: Vec::new(),
            page_audits: Vec::new(),
        }
    }

    /// The owner.
    pub fn user_id(&self) -> &UserId {
        &self.onboarding.session.user_id
    }

    /// The session row.
    pub fn session(&self) -> &Session {
        &self.onboarding.session
    }

    /// Orders the keys by provider name (bytewise), the order stores return them in, so a
    /// bundle built by hand compares equal to the one read back.
    pub fn sort_keys(&mut self) {
        self.keys
            .sort_by(|a, b| a.provider.as_str().cmp(b.provider.as_str()));
    }

    /// Brings every timestamp to what a store keeps (UTC, whole microseconds) and sorts the
    /// keys and page audits, so a bundle built from outside data compares equal to the one read back after
    /// saving it.
    pub fn normalize(&mut self) {
        let t = |x: &mut Timestamp| *x = micros_utc(*x);
        let o = |x: &mut Option<Timestamp>| *x = x.map(micros_utc);
        let s = &mut self.onboarding.session;
        t(&mut s.started_at);
        t(&mut s.updated_at);
        o(&mut s.completed_at);
        self.onboarding
            .steps
            .iter_mut()
            .for_each(|st| o(&mut st.completed_at));
        for k in &mut self.keys {
            t(&mut k.created_at);
            t(&mut k.updated_at);
        }
        if let Some(a) = &mut self.analysis {
            [&mut a.analysis_date, &mut a.created_at, &mut a.updated_at]
                .into_iter()
                .for_each(o);
        }
        if let Some(r) = &mut self.research {
            [&mut r.created_at, &mut r.updated_at]
                .into_iter()
                .for_each(o);
        }
        if let Some(p) = &mut self.persona {
            let times = [
                &mut p.research_persona_generated_at,
                &mut p.created_at,
                &mut p.updated_at,
            ];
            times.into_iter().for_each(o);
        }
        for c in &mut self.competitors {
            [&mut c.analysis_date, &mut c.created_at, &mut c.updated_at]
                .into_iter()
                .for_each(o);
        }
        for a in &mut self.page_audits {
            [
                &mut a.last_analyzed_at,
                &mut a.created_at,
                &mut a.updated_at,
            ]
            .into_iter()
            .for_each(o);
        }
        self.sort_keys();
        PageAudit::sort(&mut self.page_audits);
    }
}
