//! Views of the step data (website analysis, research preferences, persona): the JSON shapes
//! of `analysis show`, `research show` and `persona show` and their `key: value` blocks.
//! Absent values are `null` in JSON and left out of the blocks.

use serde::Serialize;
use serde_json::Value;

use super::human::{self, Block};
use super::views::opt_time;
use crate::domain::{PersonaData, ResearchPreferences, WebsiteAnalysis};

/// `analysis show`. Each field is the `website_analyses` column of the same name
/// (docs/ALWRITY.md "ALwrity's tables"), times as RFC 3339.
#[derive(Debug, Serialize)]
pub struct AnalysisView {
    pub website_url: String,
    pub status: String,
    pub analysis_date: Option<String>,
    pub writing_style: Option<Value>,
    pub content_characteristics: Option<Value>,
    pub target_audience: Option<Value>,
    pub content_type: Option<Value>,
    pub recommended_settings: Option<Value>,
    pub brand_analysis: Option<Value>,
    pub content_strategy_insights: Option<Value>,
    pub social_media_presence: Option<Value>,
    pub crawl_result: Option<Value>,
    pub style_patterns: Option<Value>,
    pub style_guidelines: Option<Value>,
    pub seo_audit: Option<Value>,
    pub strategic_insights_history: Option<Value>,
    pub error_message: Option<String>,
    pub warning_message: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

impl From<&WebsiteAnalysis> for AnalysisView {
    fn from(a: &WebsiteAnalysis) -> AnalysisView {
        AnalysisView {
            website_url: a.website_url.clone(),
            status: a.status.clone(),
            analysis_date: opt_time(a.analysis_date),
            writing_style: a.writing_style.clone(),
            content_characteristics: a.content_characteristics.clone(),
            target_audience: a.target_audience.clone(),
            content_type: a.content_type.clone(),
            recommended_settings: a.recommended_settings.clone(),
            brand_analysis: a.brand_analysis.clone(),
            content_strategy_insights: a.content_strategy_insights.clone(),
            social_media_presence: a.social_media_presence.clone(),
            crawl_result: a.crawl_result.clone(),
            style_patterns: a.style_patterns.clone(),
            style_guidelines: a.style_guidelines.clone(),
            seo_audit: a.seo_audit.clone(),
            strategic_insights_history: a.strategic_insights_history.clone(),
            error_message: a.error_message.clone(),
            warning_message: a.warning_message.clone(),
            created_at: opt_time(a.created_at),
            updated_at: opt_time(a.updated_at),
        }
    }
}

/// `research show`. Each field is the `research_preferences` column of the same name.
#[derive(Debug, Serialize)]
pub struct ResearchView {
    pub research_depth: String,
    pub content_types: Vec<String>,
    pub auto_research: bool,
    pub factual_content: bool,
    pub writing_style: Option<Value>,
    pub content_characteristics: Option<Value>,
    pub target_audience: Option<Value>,
    pub recommended_settings: Option<Value>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

impl From<&ResearchPreferences> for ResearchView {
    fn from(r: &ResearchPreferences) -> ResearchView {
        ResearchView {
            research_depth: r.research_depth.clone(),
            content_types: r.content_types.clone(),
            auto_research: r.auto_research,
            factual_content: r.factual_content,
            writing_style: r.writing_style.clone(),
            content_characteristics: r.content_characteristics.clone(),
            target_audience: r.target_audience.clone(),
            recommended_settings: r.recommended_settings.clone(),
            created_at: opt_time(r.created_at),
            updated_at: opt_time(r.updated_at),
        }
    }
}

/// `persona show`. Each field is the `persona_data` column of the same name.
#[derive(Debug, Serialize)]
pub struct PersonaView {
    pub core_persona: Option<Value>,
    pub platform_personas: Option<Value>,
    pub quality_metrics: Option<Value>,
    pub selected_platforms: Vec<String>,
    pub research_persona: Option<Value>,
    pub research_persona_generated_at: Option<String>,
    pub created_at: Option<String>,
    pub updated_at: Option<String>,
}

impl From<&PersonaData> for PersonaView {
    fn from(p: &PersonaData) -> PersonaView {
        PersonaView {
            core_persona: p.core_persona.clone(),
            platform_personas: p.platform_personas.clone(),
            quality_metrics: p.quality_metrics.clone(),
            selected_platforms: p.selected_platforms.clone(),
            research_persona: p.research_persona.clone(),
            research_persona_generated_at: opt_time(p.research_persona_generated_at),
            created_at: opt_time(p.created_at),
            updated_at: opt_time(p.updated_at),
        }
    }
}

/// The `analysis show` block.
pub fn analysis_block(a: &WebsiteAnalysis) -> String {
    let mut b = Block::new();
    b.field("website_url", &a.website_url)
        .field("status", &a.status)
        .field("analysis_date", human::opt_time(a.analysis_date))
        .field("created_at", human::opt_time(a.created_at))
        .field("updated_at", human::opt_time(a.updated_at));
    if let Some(msg) = &a.error_message {
        b.field("error_message", msg);
    }
    if let Some(msg) = &a.warning_message {
        b.field("warning_message", msg);
    }
    let json_fields = [
        ("writing_style", &a.writing_style),
        ("content_characteristics", &a.content_characteristics),
        ("target_audience", &a.target_audience),
        ("content_type", &a.content_type),
        ("recommended_settings", &a.recommended_settings),
        ("brand_analysis", &a.brand_analysis),
        ("content_strategy_insights", &a.content_strategy_insights),
        ("social_media_presence", &a.social_media_presence),
        ("crawl_result", &a.crawl_result),
        ("style_patterns", &a.style_patterns),
        ("style_guidelines", &a.style_guidelines),
        ("seo_audit", &a.seo_audit),
        ("strategic_insights_history", &a.strategic_insights_history),
    ];
    for (key, value) in json_fields {
        b.json(key, value.as_ref());
    }
    b.render()
}

/// The `research show` block.
pub fn research_block(r: &ResearchPreferences) -> String {
    let mut b = Block::new();
    b.field("research_depth", &r.research_depth)
        .field("content_types", r.content_types.join(", "))
        .field("auto_research", human::yes_no(r.auto_research))
        .field("factual_content", human::yes_no(r.factual_content))
        .field("created_at", human::opt_time(r.created_at))
        .field("updated_at", human::opt_time(r.updated_at))
        .json("writing_style", r.writing_style.as_ref())
        .json(
            "content_characteristics",
            r.content_characteristics.as_ref(),
        )
        .json("target_audience", r.target_audience.as_ref())
        .json("recommended_settings", r.recommended_settings.as_ref());
    b.render()
}

/// The `persona show` block.
pub fn persona_block(p: &PersonaData) -> String {
    let mut b = Block::new();
    b.field("selected_platforms", p.selected_platforms.join(", "))
        .field("created_at", human::opt_time(p.created_at))
        .field("updated_at", human::opt_time(p.updated_at))
        .field(
            "research_persona_generated_at",
            human::opt_time(p.research_persona_generated_at),
        )
        .json("core_persona", p.core_persona.as_ref())
        .json("platform_personas", p.platform_personas.as_ref())
        .json("quality_metrics", p.quality_metrics.as_ref())
        .json("research_persona", p.research_persona.as_ref());
    b.render()
}
