//! Step data operations: website analysis, research preferences, persona data and the
//! personalized AI inputs built from them. Parsing and merging are domain rules
//! (`crate::domain::inputs`); this file loads, merges, stamps and stores.

use serde_json::Value;

use super::{now, Service};
use crate::domain::ai_inputs::personalized_ai_inputs;
use crate::domain::audit::Diff;
use crate::domain::inputs::{self, ResearchInput};
use crate::domain::limits;
use crate::domain::{PersonaData, ResearchPreferences, UserId, WebsiteAnalysis};
use crate::error::{Error, Result};

impl Service<'_> {
    /// `analysis set`: merges `input` (flat or `{website, analysis:{…}}`) over the stored
    /// analysis. The brand columns are written only with `ENABLE_WEBSITE_BRAND_COLUMNS`.
    pub fn set_analysis(&mut self, user: &UserId, input: Value) -> Result<WebsiteAnalysis> {
        self.in_write(user, |svc| {
            let existing = svc.store.get_website_analysis(user)?;
            let before = existing.clone();
            let mut analysis = inputs::merge_analysis(&input, existing, svc.settings.brand_columns)
                .and_then(|a| limits::check_analysis(&a).map(|()| a))
                .map_err(|e| Error::precondition(format!("invalid website analysis: {e}")))?;
            let at = now();
            analysis.created_at.get_or_insert(at);
            analysis.updated_at = Some(at);
            analysis.analysis_date = Some(at);
            svc.store.put_website_analysis(user, &analysis)?;
            svc.audit_record(user, "website_analysis", before.as_ref(), &analysis)?;
            Ok(svc.visible(analysis))
        })
    }

    /// `analysis show`.
    pub fn show_analysis(&mut self, user: &UserId) -> Result<WebsiteAnalysis> {
        let analysis = self
            .store
            .get_website_analysis(user)?
            .ok_or_else(|| missing("website analysis", user, "analysis set"))?;
        Ok(self.visible(analysis))
    }

    /// Hides the brand columns when `ENABLE_WEBSITE_BRAND_COLUMNS` is off.
    fn visible(&self, mut analysis: WebsiteAnalysis) -> WebsiteAnalysis {
        if !self.settings.brand_columns {
            analysis.brand_analysis = None;
            analysis.content_strategy_insights = None;
        }
        analysis
    }

    /// `research set`: flags and/or a document merged over the stored preferences.
    pub fn set_research(
        &mut self,
        user: &UserId,
        input: ResearchInput,
    ) -> Result<ResearchPreferences> {
        self.in_write(user, |svc| {
            let existing = svc.store.get_research_preferences(user)?;
            let before = existing.clone();
            let mut prefs = inputs::merge_research(&input, existing)
                .and_then(|p| limits::check_research(&p).map(|()| p))
                .map_err(|e| Error::precondition(format!("invalid research preferences: {e}")))?;
            let at = now();
            prefs.created_at.get_or_insert(at);
            prefs.updated_at = Some(at);
            svc.store.put_research_preferences(user, &prefs)?;
            svc.audit_record(user, "research_preferences", before.as_ref(), &prefs)?;
            Ok(prefs)
        })
    }

    /// `research show`.
    pub fn show_research(&mut self, user: &UserId) -> Result<ResearchPreferences> {
        self.store
            .get_research_preferences(user)?
            .ok_or_else(|| missing("research preferences", user, "research set"))
    }

    /// `persona set`: camelCase or snake_case keys; the persona columns are replaced.
    pub fn set_persona(&mut self, user: &UserId, input: Value) -> Result<PersonaData> {
        self.in_write(user, |svc| {
            let existing = svc.store.get_persona_data(user)?;
            let before = existing.clone();
            let mut persona = inputs::merge_persona(&input, existing)
                .and_then(|p| limits::check_persona(&p).map(|()| p))
                .map_err(|e| Error::precondition(format!("invalid persona data: {e}")))?;
            let at = now();
            persona.created_at.get_or_insert(at);
            persona.updated_at = Some(at);
            svc.store.put_persona_data(user, &persona)?;
            svc.audit_record(user, "persona_data", before.as_ref(), &persona)?;
            Ok(persona)
        })
    }

    /// `persona show`.
    pub fn show_persona(&mut self, user: &UserId) -> Result<PersonaData> {
        self.store
            .get_persona_data(user)?
            .ok_or_else(|| missing("persona data", user, "persona set"))
    }

    /// `ai-inputs`: the personalized AI inputs of docs/ALWRITY.md "Personalized AI
    /// inputs"; never fails on partial data.
    pub fn ai_inputs(&mut self, user: &UserId) -> Result<Value> {
        let analysis = self
            .store
            .get_website_analysis(user)?
            .map(|a| self.visible(a));
        let prefs = self.store.get_research_preferences(user)?;
        Ok(personalized_ai_inputs(analysis.as_ref(), prefs.as_ref()))
    }
}

impl Service<'_> {
    /// Appends the row of a step-data record written over `before` (`created` without one).
    fn audit_record<T: serde::Serialize>(
        &mut self,
        user: &UserId,
        name: &str,
        before: Option<&T>,
        after: &T,
    ) -> Result<()> {
        let mut diff = Diff::new();
        diff.record(name, before, Some(after));
        let outcome = if before.is_some() {
            "updated"
        } else {
            "created"
        };
        self.audit(user, outcome, diff, None)
    }
}

fn missing(what: &str, user: &UserId, command: &str) -> Error {
    Error::not_found(format!("no {what} for user `{user}`")).with_hint(format!(
        "onboardctl {command} {} …",
        crate::error::shell_word(user.as_str())
    ))
}
