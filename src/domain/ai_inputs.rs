//! Personalized AI inputs (docs/ALWRITY.md "Personalized AI inputs", ALwrity's
//! `OnboardingDataService.get_personalized_ai_inputs`): the same output keys, the same values
//! and the same exact, case-sensitive comparisons, computed from a user's website analysis and
//! research preferences.
//!
//! One deliberate difference: **per-field defaults.** In ALwrity a NULL JSON column made a
//! nested lookup raise, and any exception switched the *whole* output to
//! `_get_default_ai_inputs`. Here nothing fails: a field whose source is missing, JSON `null`,
//! or of the wrong type (a string where an array of strings is expected, a number where a
//! string is expected, a column that is not an object) takes that field's own default from
//! that section, and every other field keeps its data. A present string is used as is, even when
//! empty, exactly as Python's `dict.get(key, default)` would; `content_types` keeps ALwrity's
//! truthiness rule (an empty `primary_type` or `secondary_types` contributes nothing).
//! The global default output is used only when there is no analysis row at all; it has no
//! `website_url` and no `research_preferences`, even when preferences exist.

use serde_json::{json, Value};

use super::records::{ResearchPreferences, WebsiteAnalysis};

/// The personalized AI inputs of one user (docs/ALWRITY.md "Personalized AI inputs") with per-field
/// defaults; see the module documentation. Never fails.
pub fn personalized_ai_inputs(
    analysis: Option<&WebsiteAnalysis>,
    prefs: Option<&ResearchPreferences>,
) -> Value {
    let Some(analysis) = analysis else {
        return default_ai_inputs();
    };
    let fields = Fields::from_analysis(analysis);
    let mut out = json!({
        "website_analysis": {
            "website_url": analysis.website_url,
            "content_types": fields.content_types(),
            "writing_style": fields.tone.unwrap_or("professional"),
            "target_audience": fields.target_audience(),
            "industry_focus": fields.industry(),
            "expertise_level": fields.expertise_level.unwrap_or("intermediate"),
        },
        "competitor_analysis": {
            "top_performers": fields.top_performers(),
            "industry": fields.industry(),
            "target_demographics": fields.demographics.clone().unwrap_or_default(),
        },
        "gap_analysis": {
            "content_gaps": fields.content_gaps(),
            "target_keywords": fields.target_keywords(),
            "content_opportunities": fields.content_opportunities(),
        },
        "keyword_analysis": {
            "high_value_keywords": fields.high_value_keywords(),
            "content_topics": fields.content_topics(),
            "search_intent": fields.search_intent(),
        },
    });
    if let Some(prefs) = prefs {
        out["research_preferences"] = research_preferences(prefs);
    }
    out
}

/// ALwrity's `_get_default_ai_inputs`: the output when the user has no website analysis.
pub fn default_ai_inputs() -> Value {
    json!({
        "website_analysis": {
            "content_types": ["blog", "video", "social"],
            "writing_style": "professional",
            "target_audience": ["professionals"],
            "industry_focus": "general",
            "expertise_level": "intermediate",
        },
        "competitor_analysis": {
            "top_performers": ["competitor1.com", "competitor2.com"],
            "industry": "general",
            "target_demographics": ["professionals"],
        },
        "gap_analysis": {
            "content_gaps": ["AI content", "Video tutorials", "Case studies"],
            "target_keywords": ["Industry insights", "Best practices"],
            "content_opportunities": ["How-to guides", "Tutorials"],
        },
        "keyword_analysis": {
            "high_value_keywords": ["AI marketing", "Content automation", "Digital strategy"],
            "content_topics": ["Industry trends", "Expert insights"],
            "search_intent": {"intent": "practical", "focus": "implementation"},
        },
    })
}

/// The `research_preferences` block. `research_depth` is a NOT NULL column; an empty value
/// (what a record built without one holds) takes ALwrity's default `Standard`.
fn research_preferences(prefs: &ResearchPreferences) -> Value {
    let depth = if prefs.research_depth.is_empty() {
        "Standard"
    } else {
        prefs.research_depth.as_str()
    };
    json!({
        "research_depth": depth,
        "content_types": prefs.content_types,
        "auto_research": prefs.auto_research,
        "factual_content": prefs.factual_content,
    })
}

/// The source fields of the AI inputs, each `None` when missing, `null` or of the wrong type.
struct Fields<'a> {
    primary_type: Option<&'a str>,
    secondary_types: Option<Vec<String>>,
    purpose: Option<&'a str>,
    tone: Option<&'a str>,
    demographics: Option<Vec<String>>,
    industry_focus: Option<&'a str>,
    expertise_level: Option<&'a str>,
}

impl<'a> Fields<'a> {
    fn from_analysis(a: &'a WebsiteAnalysis) -> Fields<'a> {
        let content_type = a.content_type.as_ref();
        let audience = a.target_audience.as_ref();
        Fields {
            primary_type: str_at(content_type, "primary_type"),
            secondary_types: strings_at(content_type, "secondary_types"),
            purpose: str_at(content_type, "purpose"),
            tone: str_at(a.writing_style.as_ref(), "tone"),
            demographics: strings_at(audience, "demographics"),
            industry_focus: str_at(audience, "industry_focus"),
            expertise_level: str_at(audience, "expertise_level"),
        }
    }

    /// `target_audience.demographics`; note that `competitor_analysis.target_demographics`
    /// reads the same field with a different default, `[]`, as in ALwrity.
    fn target_audience(&self) -> Vec<String> {
        self.demographics
            .clone()
            .unwrap_or_else(|| strings(&["professionals"]))
    }

    fn industry(&self) -> &'a str {
        self.industry_focus.unwrap_or("general")
    }

    /// Python truthiness, as ALwrity's `_extract_content_types`: empty values add nothing.
    fn content_types(&self) -> Vec<String> {
        let mut types: Vec<String> = self
            .primary_type
            .filter(|p| !p.is_empty())
            .map(str::to_owned)
            .into_iter()
            .collect();
        types.extend(self.secondary_types.iter().flatten().cloned());
        if types.is_empty() {
            return strings(&["blog", "article"]);
        }
        types
    }

    fn top_performers(&self) -> Vec<String> {
        strings(match self.industry() {
            "technology" => &["techcrunch.com", "wired.com", "theverge.com"],
            "marketing" => &["hubspot.com", "marketingland.com", "moz.com"],
            _ => &["competitor1.com", "competitor2.com", "competitor3.com"],
        })
    }

    fn content_gaps(&self) -> Vec<String> {
        let mut gaps = strings(match self.primary_type.unwrap_or("blog") {
            "blog" => &["Video tutorials", "Case studies", "Infographics"],
            "video" => &["Blog posts", "Whitepapers", "Webinars"],
            _ => &[],
        });
        match self.tone.unwrap_or("professional") {
            "professional" => gaps.push("Personal stories".to_owned()),
            "casual" => gaps.push("Expert interviews".to_owned()),
            _ => {}
        }
        gaps
    }

    fn target_keywords(&self) -> Vec<String> {
        strings(match self.industry() {
            "technology" => &["AI tools", "Digital transformation", "Tech trends"],
            "marketing" => &["Content marketing", "SEO strategies", "Social media"],
            _ => &["Industry insights", "Best practices", "Expert tips"],
        })
    }

    fn content_opportunities(&self) -> Vec<String> {
        strings(match self.purpose.unwrap_or("informational") {
            "informational" => &["How-to guides", "Tutorials", "Educational content"],
            "promotional" => &["Case studies", "Testimonials", "Success stories"],
            _ => &[],
        })
    }

    fn high_value_keywords(&self) -> Vec<String> {
        strings(match self.industry() {
            "technology" => &["AI marketing", "Content automation", "Digital strategy"],
            "marketing" => &[
                "Content marketing",
                "SEO optimization",
                "Social media strategy",
            ],
            _ => &["Industry trends", "Best practices", "Expert insights"],
        })
    }

    fn content_topics(&self) -> Vec<String> {
        strings(match self.primary_type.unwrap_or("blog") {
            "blog" => &["Industry trends", "How-to guides", "Expert insights"],
            "video" => &["Tutorials", "Product demos", "Expert interviews"],
            _ => &[],
        })
    }

    fn search_intent(&self) -> Value {
        let (intent, focus) = match self.expertise_level.unwrap_or("intermediate") {
            "beginner" => ("educational", "basic concepts"),
            "intermediate" => ("practical", "implementation"),
            _ => ("advanced", "strategic insights"),
        };
        json!({"intent": intent, "focus": focus})
    }
}

/// `column[key]` when the column is an object and the value a string.
fn str_at<'a>(column: Option<&'a Value>, key: &str) -> Option<&'a str> {
    column?.get(key)?.as_str()
}

/// `column[key]` when the column is an object and the value an array of strings only.
fn strings_at(column: Option<&Value>, key: &str) -> Option<Vec<String>> {
    column?
        .get(key)?
        .as_array()?
        .iter()
        .map(|v| v.as_str().map(str::to_owned))
        .collect()
}

fn strings(items: &[&str]) -> Vec<String> {
    items.iter().map(|s| (*s).to_owned()).collect()
}

#[cfg(test)]
mod tests;
