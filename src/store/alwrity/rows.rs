//! The step-data records as ALwrity's columns, both ways: which columns each record has, the
//! values to write (only the columns the table has), and the record read back from a row
//! (a column the table lacks reads as empty). One list per table, so reads and writes cannot
//! drift apart.

use std::collections::BTreeSet;

use super::conn::Val;
use crate::domain::{PersonaData, ResearchPreferences, Timestamp, WebsiteAnalysis};

/// `website_analyses`' columns onboardctl reads and writes, in ALwrity's order.
pub(crate) const ANALYSIS: &[&str] = &[
    "website_url",
    "analysis_date",
    "writing_style",
    "content_characteristics",
    "target_audience",
    "content_type",
    "recommended_settings",
    "brand_analysis",
    "content_strategy_insights",
    "social_media_presence",
    "crawl_result",
    "style_patterns",
    "style_guidelines",
    "seo_audit",
    "strategic_insights_history",
    "status",
    "error_message",
    "warning_message",
    "created_at",
    "updated_at",
];

/// `research_preferences`' columns.
pub(crate) const RESEARCH: &[&str] = &[
    "research_depth",
    "content_types",
    "auto_research",
    "factual_content",
    "writing_style",
    "content_characteristics",
    "target_audience",
    "recommended_settings",
    "created_at",
    "updated_at",
];

/// `persona_data`' columns.
pub(crate) const PERSONA: &[&str] = &[
    "core_persona",
    "platform_personas",
    "quality_metrics",
    "selected_platforms",
    "research_persona",
    "research_persona_generated_at",
    "created_at",
    "updated_at",
];

/// The columns of `wanted` the table has, for a `SELECT` (missing ones as `NULL`).
pub(crate) fn select_list(wanted: &[&str], have: &BTreeSet<String>, alias: &str) -> String {
    wanted
        .iter()
        .map(|c| match have.contains(*c) {
            true => format!("{alias}.{c}"),
            false => "NULL".to_owned(),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

pub(crate) fn json(v: &Option<serde_json::Value>) -> Val {
    v.clone().map_or(Val::Null, Val::Json)
}

pub(crate) fn time(t: Option<Timestamp>) -> Val {
    t.map_or(Val::Null, Val::Time)
}

pub(crate) fn text(t: &Option<String>) -> Val {
    t.clone().map_or(Val::Null, Val::Text)
}

fn list(items: &[String]) -> Val {
    Val::Json(serde_json::Value::from(items.to_vec()))
}

/// Values of [`ANALYSIS`], in order.
pub(crate) fn analysis_values(a: &WebsiteAnalysis) -> Vec<Val> {
    vec![
        Val::Text(a.website_url.clone()),
        time(a.analysis_date),
        json(&a.writing_style),
        json(&a.content_characteristics),
        json(&a.target_audience),
        json(&a.content_type),
        json(&a.recommended_settings),
        json(&a.brand_analysis),
        json(&a.content_strategy_insights),
        json(&a.social_media_presence),
        json(&a.crawl_result),
        json(&a.style_patterns),
        json(&a.style_guidelines),
        json(&a.seo_audit),
        json(&a.strategic_insights_history),
        Val::Text(a.status.clone()),
        text(&a.error_message),
        text(&a.warning_message),
        time(a.created_at),
        time(a.updated_at),
    ]
}

/// A website analysis from values in [`ANALYSIS`] order.
pub(crate) fn analysis_from(v: &[Val]) -> WebsiteAnalysis {
    WebsiteAnalysis {
        website_url: v[0].text().unwrap_or_default(),
        analysis_date: v[1].time(),
        writing_style: v[2].json(),
        content_characteristics: v[3].json(),
        target_audience: v[4].json(),
        content_type: v[5].json(),
        recommended_settings: v[6].json(),
        brand_analysis: v[7].json(),
        content_strategy_insights: v[8].json(),
        social_media_presence: v[9].json(),
        crawl_result: v[10].json(),
        style_patterns: v[11].json(),
        style_guidelines: v[12].json(),
        seo_audit: v[13].json(),
        strategic_insights_history: v[14].json(),
        // ALwrity's ORM default when the column is NULL.
        status: v[15].text().unwrap_or_else(|| "completed".to_owned()),
        error_message: v[16].text(),
        warning_message: v[17].text(),
        created_at: v[18].time(),
        updated_at: v[19].time(),
    }
}

/// Values of [`RESEARCH`], in order.
pub(crate) fn research_values(p: &ResearchPreferences) -> Vec<Val> {
    vec![
        Val::Text(p.research_depth.clone()),
        list(&p.content_types),
        Val::Bool(p.auto_research),
        Val::Bool(p.factual_content),
        json(&p.writing_style),
        json(&p.content_characteristics),
        json(&p.target_audience),
        json(&p.recommended_settings),
        time(p.created_at),
        time(p.updated_at),
    ]
}

/// Research preferences from values in [`RESEARCH`] order (ALwrity's ORM defaults for NULL
/// booleans: true).
pub(crate) fn research_from(v: &[Val]) -> ResearchPreferences {
    ResearchPreferences {
        research_depth: v[0].text().unwrap_or_default(),
        content_types: v[1].strings(),
        auto_research: v[2].boolean().unwrap_or(true),
        factual_content: v[3].boolean().unwrap_or(true),
        writing_style: v[4].json(),
        content_characteristics: v[5].json(),
        target_audience: v[6].json(),
        recommended_settings: v[7].json(),
        created_at: v[8].time(),
        updated_at: v[9].time(),
    }
}

/// Values of [`PERSONA`], in order.
pub(crate) fn persona_values(p: &PersonaData) -> Vec<Val> {
    vec![
        json(&p.core_persona),
        json(&p.platform_personas),
        json(&p.quality_metrics),
        list(&p.selected_platforms),
        json(&p.research_persona),
        time(p.research_persona_generated_at),
        time(p.created_at),
        time(p.updated_at),
    ]
}

/// Persona data from values in [`PERSONA`] order.
pub(crate) fn persona_from(v: &[Val]) -> PersonaData {
    PersonaData {
        core_persona: v[0].json(),
        platform_personas: v[1].json(),
        quality_metrics: v[2].json(),
        selected_platforms: v[3].strings(),
        research_persona: v[4].json(),
        research_persona_generated_at: v[5].time(),
        created_at: v[6].time(),
        updated_at: v[7].time(),
    }
}
