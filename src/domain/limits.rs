//! Size limits and the text rules every backend must see alike, checked before anything is
//! written, so a bad value is exit 4 with the field named on SQLite and PostgreSQL alike
//! (PostgreSQL would otherwise fail late with its own error, SQLite accept it).
//!
//! - Input sizes, enforced while reading (a 3 GB stdin is refused after 16 MiB, not held in
//!   memory): a key value at most [`MAX_KEY_BYTES`], a JSON document at most
//!   [`MAX_DOCUMENT_BYTES`], one `import` line at most [`MAX_LINE_BYTES`].
//! - ALwrity's column widths (`VARCHAR(n)` in its models): `user_id` 255, `provider` 64,
//!   `api_keys.key` 256 (the plaintext; sealed values live only in onboardctl's own
//!   schema), `website_url` 500, `website_analyses.status` 50, `research_depth` 50.
//!   Counted in characters, as PostgreSQL counts `varchar(n)`.
//! - No NUL character in any text or JSON string (PostgreSQL's `text` and `jsonb` cannot
//!   hold `\u0000`).

use serde_json::Value;

use super::bundle::UserBundle;
use super::records::{
    CompetitorAnalysis, PageAudit, PersonaData, ResearchPreferences, StepState, WebsiteAnalysis,
};

/// Longest key value read from stdin, a file or the environment.
pub const MAX_KEY_BYTES: usize = 16 * 1024;
/// Longest JSON document read from a file or stdin (`--file`, `-`, `--data`).
pub const MAX_DOCUMENT_BYTES: usize = 16 * 1024 * 1024;
/// Longest line of an `import` file (one whole user, step documents included).
pub const MAX_LINE_BYTES: usize = 64 * 1024 * 1024;

/// ALwrity's `api_keys.key VARCHAR(256)`.
pub const KEY_CHARS: usize = 256;
/// ALwrity's `website_analyses.website_url VARCHAR(500)`.
pub const WEBSITE_URL_CHARS: usize = 500;
/// ALwrity's `website_analyses.status VARCHAR(50)`.
pub const STATUS_CHARS: usize = 50;
/// ALwrity's `research_preferences.research_depth VARCHAR(50)`.
pub const RESEARCH_DEPTH_CHARS: usize = 50;

/// A text field: no NUL, and at most `max` characters when given. The message names the
/// field, never the value.
pub fn check_text(field: &str, value: &str, max: Option<usize>) -> Result<(), String> {
    if value.contains('\0') {
        return Err(format!("`{field}` contains a NUL character"));
    }
    if let Some(max) = max {
        let chars = value.chars().count();
        if chars > max {
            return Err(format!(
                "`{field}` is {chars} characters long; the limit is {max}"
            ));
        }
    }
    Ok(())
}

/// A JSON value: no NUL in any string or object key, at any depth.
pub fn check_json(field: &str, value: &Value) -> Result<(), String> {
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            Value::String(s) if s.contains('\0') => {
                return Err(format!("`{field}` contains a NUL character (\\u0000)"))
            }
            Value::Array(items) => stack.extend(items),
            Value::Object(map) => {
                if map.keys().any(|k| k.contains('\0')) {
                    return Err(format!(
                        "`{field}` has a key with a NUL character (\\u0000)"
                    ));
                }
                stack.extend(map.values());
            }
            _ => {}
        }
    }
    Ok(())
}

fn check_json_opt(field: &str, value: Option<&Value>) -> Result<(), String> {
    value.map_or(Ok(()), |v| check_json(field, v))
}

/// A website analysis before it is stored.
pub fn check_analysis(a: &WebsiteAnalysis) -> Result<(), String> {
    check_text("website_url", &a.website_url, Some(WEBSITE_URL_CHARS))?;
    check_text("status", &a.status, Some(STATUS_CHARS))?;
    for (field, text) in [
        ("error_message", &a.error_message),
        ("warning_message", &a.warning_message),
    ] {
        if let Some(t) = text {
            check_text(field, t, None)?;
        }
    }
    for (field, doc) in [
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
    ] {
        check_json_opt(field, doc.as_ref())?;
    }
    Ok(())
}

/// Research preferences before they are stored.
pub fn check_research(p: &ResearchPreferences) -> Result<(), String> {
    check_text(
        "research_depth",
        &p.research_depth,
        Some(RESEARCH_DEPTH_CHARS),
    )?;
    for t in &p.content_types {
        check_text("content_types", t, None)?;
    }
    for (field, doc) in [
        ("writing_style", &p.writing_style),
        ("content_characteristics", &p.content_characteristics),
        ("target_audience", &p.target_audience),
        ("recommended_settings", &p.recommended_settings),
    ] {
        check_json_opt(field, doc.as_ref())?;
    }
    Ok(())
}

/// Persona data before it is stored.
pub fn check_persona(p: &PersonaData) -> Result<(), String> {
    for t in &p.selected_platforms {
        check_text("selected_platforms", t, None)?;
    }
    for (field, doc) in [
        ("core_persona", &p.core_persona),
        ("platform_personas", &p.platform_personas),
        ("quality_metrics", &p.quality_metrics),
        ("research_persona", &p.research_persona),
    ] {
        check_json_opt(field, doc.as_ref())?;
    }
    Ok(())
}

/// A step row before it is stored: its data, errors and reason.
pub fn check_step(s: &StepState) -> Result<(), String> {
    check_json_opt("data", s.data.as_ref())?;
    for e in &s.validation_errors {
        check_text("validation_errors", e, None)?;
    }
    if let Some(r) = &s.force_reason {
        check_text("force_reason", r, None)?;
    }
    Ok(())
}

/// Everything of a bundle (`import`, `import legacy-json`) except the key values, which
/// the key rules check (`super::providers::check_new_key`).
pub fn check_bundle(b: &UserBundle) -> Result<(), String> {
    check_text("user_id", b.user_id().as_str(), None)?;
    for s in &b.onboarding.steps {
        check_step(s).map_err(|e| format!("step {}: {e}", s.number))?;
    }
    if let Some(a) = &b.analysis {
        check_analysis(a).map_err(|e| format!("website_analysis: {e}"))?;
    }
    if let Some(r) = &b.research {
        check_research(r).map_err(|e| format!("research_preferences: {e}"))?;
    }
    if let Some(p) = &b.persona {
        check_persona(p).map_err(|e| format!("persona_data: {e}"))?;
    }
    for (i, c) in b.competitors.iter().enumerate() {
        check_competitor(c).map_err(|e| format!("competitor_analyses[{i}]: {e}"))?;
    }
    let mut pages = std::collections::BTreeSet::new();
    for (i, a) in b.page_audits.iter().enumerate() {
        check_page_audit(a).map_err(|e| format!("seo_page_audits[{i}]: {e}"))?;
        if !pages.insert(a.page_url.as_str()) {
            return Err(format!(
                "seo_page_audits[{i}]: page `{}` is listed twice",
                a.page_url
            ));
        }
    }
    Ok(())
}

/// ALwrity's widths of `competitor_analyses` (`competitor_domain VARCHAR(255)`,
/// `status VARCHAR(50)`).
fn check_competitor(c: &CompetitorAnalysis) -> Result<(), String> {
    check_text("competitor_url", &c.competitor_url, None)?;
    for (field, text, max) in [
        ("competitor_domain", &c.competitor_domain, Some(255)),
        ("status", &c.status, Some(STATUS_CHARS)),
        ("error_message", &c.error_message, None),
        ("warning_message", &c.warning_message, None),
    ] {
        if let Some(t) = text {
            check_text(field, t, max)?;
        }
    }
    if let Some(doc) = &c.analysis_data {
        check_json("analysis_data", doc)?;
    }
    Ok(())
}

/// ALwrity's widths of `seo_page_audits` (`website_url VARCHAR(500)`, `page_url
/// VARCHAR(1000)`, `status`/`analysis_source VARCHAR(50)`).
fn check_page_audit(a: &PageAudit) -> Result<(), String> {
    check_text("website_url", &a.website_url, Some(WEBSITE_URL_CHARS))?;
    check_text("page_url", &a.page_url, Some(1000))?;
    for (field, text) in [
        ("status", &a.status),
        ("analysis_source", &a.analysis_source),
    ] {
        if let Some(t) = text {
            check_text(field, t, Some(STATUS_CHARS))?;
        }
    }
    for (field, doc) in [
        ("category_scores", &a.category_scores),
        ("issues", &a.issues),
        ("warnings", &a.warnings),
        ("recommendations", &a.recommendations),
        ("audit_data", &a.audit_data),
    ] {
        if let Some(doc) = doc {
            check_json(field, doc)?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn text_limits_count_characters_and_refuse_nul() {
        assert!(check_text("f", &"é".repeat(50), Some(50)).is_ok());
        let long = check_text("research_depth", &"é".repeat(51), Some(50)).unwrap_err();
        assert!(long.contains("51 characters") && long.contains("research_depth"));
        assert!(check_text("f", "a\0b", None).unwrap_err().contains("NUL"));
    }

    #[test]
    fn json_refuses_nul_in_strings_and_keys_at_any_depth() {
        assert!(check_json("d", &json!({"a": [1, {"b": "ok"}]})).is_ok());
        assert!(check_json("d", &json!({"a": [{"b": "x\u{0}"}]})).is_err());
        assert!(check_json("d", &json!({"a\u{0}": 1})).is_err());
    }

    #[test]
    fn an_analysis_over_alwritys_url_width_is_refused() {
        let a = WebsiteAnalysis {
            website_url: format!("https://e.com/{}", "p".repeat(500)),
            status: "completed".into(),
            ..WebsiteAnalysis::default()
        };
        assert!(check_analysis(&a).unwrap_err().contains("website_url"));
    }
}
