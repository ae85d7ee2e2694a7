//! Parsing the JSON operators feed to `analysis set`, `persona set` and `research set` into
//! records, merged over what is stored. Accepts ALwrity's shapes: the step-2 payload flat or
//! as `{website|website_url, analysis:{…}}`, persona keys in camelCase or snake_case.

use serde_json::{Map, Value};

use super::records::{PersonaData, ResearchPreferences, WebsiteAnalysis};

/// Why an input document was refused. Never contains a secret (these documents hold none).
pub type InputError = String;

fn object<'a>(v: &'a Value, what: &str) -> Result<&'a Map<String, Value>, InputError> {
    v.as_object()
        .ok_or_else(|| format!("{what} must be a JSON object, not {}", kind(v)))
}

fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// The first non-null value among `keys`.
fn pick<'a>(m: &'a Map<String, Value>, keys: &[&str]) -> Option<&'a Value> {
    keys.iter().filter_map(|k| m.get(*k)).find(|v| !v.is_null())
}

fn string_field(m: &Map<String, Value>, keys: &[&str]) -> Result<Option<String>, InputError> {
    match pick(m, keys) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!(
            "`{}` must be a string, not {}",
            keys[0],
            kind(other)
        )),
    }
}

fn string_list(m: &Map<String, Value>, keys: &[&str]) -> Result<Option<Vec<String>>, InputError> {
    let Some(v) = pick(m, keys) else {
        return Ok(None);
    };
    let err = || format!("`{}` must be an array of strings", keys[0]);
    let items = v.as_array().ok_or_else(err)?;
    items
        .iter()
        .map(|i| i.as_str().map(str::to_owned).ok_or_else(err))
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn bool_field(m: &Map<String, Value>, keys: &[&str]) -> Result<Option<bool>, InputError> {
    match pick(m, keys) {
        None => Ok(None),
        Some(Value::Bool(b)) => Ok(Some(*b)),
        Some(other) => Err(format!(
            "`{}` must be true or false, not {}",
            keys[0],
            kind(other)
        )),
    }
}

/// Builds the website analysis from `input` over `existing` (the live API path,
/// docs/ALWRITY.md "The live save path"): fields come from `analysis` when it is a non-empty
/// object, else from the top level; `guidelines` (or `style_guidelines`) fills `style_guidelines`;
/// `meta_info` and `sitemap_analysis` are folded into `crawl_result`; only non-null values are
/// written, so absent fields keep their stored values. `write_brand` is
/// `ENABLE_WEBSITE_BRAND_COLUMNS`.
pub fn merge_analysis(
    input: &Value,
    existing: Option<WebsiteAnalysis>,
    write_brand: bool,
) -> Result<WebsiteAnalysis, InputError> {
    let top = object(input, "the analysis")?;
    let fields = match top.get("analysis") {
        Some(Value::Object(a)) if !a.is_empty() => a,
        Some(Value::Object(_)) | Some(Value::Null) | None => top,
        Some(other) => return Err(format!("`analysis` must be an object, not {}", kind(other))),
    };
    let mut out = existing.unwrap_or_else(|| WebsiteAnalysis {
        status: "completed".into(),
        ..Default::default()
    });
    let url = string_field(top, &["website", "website_url"])?
        .or(string_field(fields, &["website", "website_url"])?);
    if let Some(url) = url.filter(|u| !u.trim().is_empty()) {
        out.website_url = url;
    }
    let json_columns: [(&mut Option<Value>, &[&str]); 11] = [
        (&mut out.writing_style, &["writing_style"]),
        (
            &mut out.content_characteristics,
            &["content_characteristics"],
        ),
        (&mut out.target_audience, &["target_audience"]),
        (&mut out.content_type, &["content_type"]),
        (&mut out.recommended_settings, &["recommended_settings"]),
        (&mut out.social_media_presence, &["social_media_presence"]),
        (&mut out.style_patterns, &["style_patterns"]),
        (
            &mut out.style_guidelines,
            &["guidelines", "style_guidelines"],
        ),
        (&mut out.seo_audit, &["seo_audit"]),
        (
            &mut out.strategic_insights_history,
            &["strategic_insights_history"],
        ),
        (&mut out.crawl_result, &["crawl_result"]),
    ];
    for (slot, keys) in json_columns {
        if let Some(v) = pick(fields, keys) {
            *slot = Some(v.clone());
        }
    }
    if write_brand {
        for (slot, key) in [
            (&mut out.brand_analysis, "brand_analysis"),
            (
                &mut out.content_strategy_insights,
                "content_strategy_insights",
            ),
        ] {
            if let Some(v) = pick(fields, &[key]) {
                *slot = Some(v.clone());
            }
        }
    }
    fold_crawl_extras(&mut out, fields);
    if let Some(s) = string_field(fields, &["status"])? {
        out.status = s;
    }
    if let Some(s) = string_field(fields, &["error_message"])? {
        out.error_message = Some(s);
    }
    if let Some(s) = string_field(fields, &["warning_message"])? {
        out.warning_message = Some(s);
    }
    Ok(out)
}

/// Folds `meta_info` and `sitemap_analysis` into `crawl_result`; a non-object crawl result is
/// wrapped as `{"raw": value}` first (docs/ALWRITY.md "JSON columns").
fn fold_crawl_extras(out: &mut WebsiteAnalysis, fields: &Map<String, Value>) {
    let extras: Vec<(&str, &Value)> = ["meta_info", "sitemap_analysis"]
        .into_iter()
        .filter_map(|k| pick(fields, &[k]).map(|v| (k, v)))
        .collect();
    if extras.is_empty() {
        return;
    }
    let mut crawl = match out.crawl_result.take() {
        Some(Value::Object(m)) => m,
        None | Some(Value::Null) => Map::new(),
        Some(other) => Map::from_iter([("raw".to_owned(), other)]),
    };
    for (k, v) in extras {
        crawl.insert(k.to_owned(), v.clone());
    }
    out.crawl_result = Some(Value::Object(crawl));
}

/// Builds persona data from `input` (camelCase or snake_case keys). Like ALwrity, the four
/// persona columns are replaced as a whole (`selected_platforms` defaults to `[]`); the
/// research persona is kept unless given.
pub fn merge_persona(
    input: &Value,
    existing: Option<PersonaData>,
) -> Result<PersonaData, InputError> {
    let m = object(input, "the persona")?;
    let known = [
        "corePersona",
        "core_persona",
        "platformPersonas",
        "platform_personas",
        "qualityMetrics",
        "quality_metrics",
        "selectedPlatforms",
        "selected_platforms",
        "researchPersona",
        "research_persona",
    ];
    if !m.keys().any(|k| known.contains(&k.as_str())) {
        return Err("the persona has none of `corePersona`, `platformPersonas`, `qualityMetrics`, `selectedPlatforms` (or their snake_case forms)".into());
    }
    let mut out = existing.unwrap_or_default();
    out.core_persona = pick(m, &["corePersona", "core_persona"]).cloned();
    out.platform_personas = pick(m, &["platformPersonas", "platform_personas"]).cloned();
    out.quality_metrics = pick(m, &["qualityMetrics", "quality_metrics"]).cloned();
    out.selected_platforms =
        string_list(m, &["selectedPlatforms", "selected_platforms"])?.unwrap_or_default();
    if let Some(v) = pick(m, &["researchPersona", "research_persona"]) {
        out.research_persona = Some(v.clone());
    }
    Ok(out)
}

/// Research preferences given as flags and/or a document; flags win over the document.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ResearchInput {
    /// `--file`: a JSON object with snake_case or camelCase keys.
    pub file: Option<Value>,
    /// `--depth`.
    pub depth: Option<String>,
    /// `--content-types`.
    pub content_types: Option<Vec<String>>,
    /// `--auto-research`.
    pub auto_research: Option<bool>,
    /// `--factual-content`.
    pub factual_content: Option<bool>,
}

/// Builds research preferences from `input` over `existing`. A new row starts from the
/// defaults of ALwrity's live step-3 path (docs/ALWRITY.md "The live save path"):
/// `Comprehensive`, `["Blog Posts","Social Media","Newsletters"]`, auto research and factual
/// content on.
pub fn merge_research(
    input: &ResearchInput,
    existing: Option<ResearchPreferences>,
) -> Result<ResearchPreferences, InputError> {
    let mut out = existing.unwrap_or_else(|| ResearchPreferences {
        research_depth: "Comprehensive".into(),
        content_types: ["Blog Posts", "Social Media", "Newsletters"]
            .map(String::from)
            .to_vec(),
        auto_research: true,
        factual_content: true,
        ..Default::default()
    });
    if let Some(doc) = &input.file {
        let m = object(doc, "the research preferences")?;
        if let Some(d) = string_field(m, &["research_depth", "researchDepth"])? {
            out.research_depth = d;
        }
        if let Some(c) = string_list(m, &["content_types", "contentTypes"])? {
            out.content_types = c;
        }
        if let Some(b) = bool_field(m, &["auto_research", "autoResearch"])? {
            out.auto_research = b;
        }
        if let Some(b) = bool_field(m, &["factual_content", "factualContent"])? {
            out.factual_content = b;
        }
        for (slot, keys) in [
            (&mut out.writing_style, ["writing_style", "writingStyle"]),
            (
                &mut out.content_characteristics,
                ["content_characteristics", "contentCharacteristics"],
            ),
            (
                &mut out.target_audience,
                ["target_audience", "targetAudience"],
            ),
            (
                &mut out.recommended_settings,
                ["recommended_settings", "recommendedSettings"],
            ),
        ] {
            if let Some(v) = pick(m, &keys) {
                *slot = Some(v.clone());
            }
        }
    }
    if let Some(d) = &input.depth {
        out.research_depth = d.clone();
    }
    if let Some(c) = &input.content_types {
        out.content_types = c.clone();
    }
    out.auto_research = input.auto_research.unwrap_or(out.auto_research);
    out.factual_content = input.factual_content.unwrap_or(out.factual_content);
    if out.research_depth.trim().is_empty() {
        return Err("`research_depth` must not be empty".into());
    }
    Ok(out)
}

#[cfg(test)]
mod tests;
