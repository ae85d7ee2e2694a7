//! Per-step validation (docs/RULES.md "Onboarding rules"): what must exist before a step may be
//! marked completed. The service gathers the [`Evidence`]; these functions only judge it.

use serde_json::Value;

use super::ids::{ProviderName, StepNumber};
use super::records::{PersonaData, ResearchPreferences, WebsiteAnalysis};

/// What is stored for a user, as far as validation needs it. A field the step does not need
/// may be left empty.
#[derive(Debug, Default, Clone, Copy)]
pub struct Evidence<'a> {
    /// Providers the user has a key for.
    pub key_providers: &'a [ProviderName],
    /// The user's website analysis.
    pub analysis: Option<&'a WebsiteAnalysis>,
    /// The user's research preferences.
    pub research: Option<&'a ResearchPreferences>,
    /// The user's persona data.
    pub persona: Option<&'a PersonaData>,
}

/// Every reason step `step` may not be marked completed; empty when it may. `required` is the
/// list of providers step 1 needs (`ONBOARDCTL_REQUIRED_PROVIDERS`).
pub fn validate_step(
    step: StepNumber,
    ev: &Evidence<'_>,
    required: &[ProviderName],
) -> Vec<String> {
    match step.get() {
        1 => missing_keys(ev.key_providers, required),
        2 => website_reasons(ev.analysis),
        3 => match ev.research {
            Some(_) => Vec::new(),
            None => {
                vec!["no research preferences are stored; run `onboardctl research set`".into()]
            }
        },
        4 => persona_reasons(ev.persona),
        _ => Vec::new(),
    }
}

fn missing_keys(have: &[ProviderName], required: &[ProviderName]) -> Vec<String> {
    required
        .iter()
        .filter(|p| !have.contains(p))
        .map(|p| format!("no API key for required provider `{p}`"))
        .collect()
}

fn website_reasons(analysis: Option<&WebsiteAnalysis>) -> Vec<String> {
    let Some(a) = analysis else {
        return vec!["no website analysis is stored; run `onboardctl analysis set`".into()];
    };
    if is_http_url(&a.website_url) {
        Vec::new()
    } else if a.website_url.trim().is_empty() {
        vec!["the website analysis has no `website_url`".into()]
    } else {
        vec![format!(
            "the website analysis `website_url` `{}` is not an http(s) URL",
            a.website_url
        )]
    }
}

/// Whether `s` is an absolute `http://` or `https://` URL with a host.
pub fn is_http_url(s: &str) -> bool {
    let s = s.trim();
    let rest = s
        .strip_prefix("https://")
        .or_else(|| s.strip_prefix("http://"));
    match rest {
        Some(r) => {
            let host = r.split(['/', '?', '#']).next().unwrap_or("");
            let host = host.rsplit('@').next().unwrap_or("");
            let host = host.split(':').next().unwrap_or("");
            !host.is_empty() && !host.contains(char::is_whitespace)
        }
        None => false,
    }
}

fn persona_reasons(persona: Option<&PersonaData>) -> Vec<String> {
    let Some(p) = persona else {
        return vec!["no persona data is stored; run `onboardctl persona set`".into()];
    };
    let mut reasons = Vec::new();
    let identity = p.core_persona.as_ref().and_then(|c| c.get("identity"));
    if !matches!(identity, Some(Value::Object(_))) {
        reasons.push("`core_persona` has no `identity` object".into());
    }
    match &p.platform_personas {
        Some(Value::Object(m)) if !m.is_empty() => {}
        _ => reasons.push("`platform_personas` must be a non-empty object".into()),
    }
    reasons
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn names(list: &[&str]) -> Vec<ProviderName> {
        list.iter().map(|s| s.parse().unwrap()).collect()
    }

    fn step(n: i64) -> StepNumber {
        StepNumber::new(n).unwrap()
    }

    #[test]
    fn step1_lists_each_missing_required_provider() {
        let required = names(&["gemini", "exa", "copilotkit"]);
        let have = names(&["exa", "openai"]);
        let ev = Evidence {
            key_providers: &have,
            ..Default::default()
        };
        let reasons = validate_step(step(1), &ev, &required);
        assert_eq!(reasons.len(), 2);
        assert!(reasons[0].contains("`gemini`") && reasons[1].contains("`copilotkit`"));
        let all = names(&["gemini", "exa", "copilotkit"]);
        let ev = Evidence {
            key_providers: &all,
            ..Default::default()
        };
        assert!(validate_step(step(1), &ev, &required).is_empty());
    }

    #[test]
    fn step2_needs_http_url() {
        let none = validate_step(step(2), &Evidence::default(), &[]);
        assert_eq!(none.len(), 1);
        for (url, ok) in [
            ("https://example.com", true),
            ("http://localhost:8000/x", true),
            ("", false),
            ("   ", false),
            ("ftp://example.com", false),
            ("example.com", false),
            ("https://", false),
        ] {
            let a = WebsiteAnalysis {
                website_url: url.into(),
                ..Default::default()
            };
            let ev = Evidence {
                analysis: Some(&a),
                ..Default::default()
            };
            assert_eq!(validate_step(step(2), &ev, &[]).is_empty(), ok, "{url}");
        }
    }

    #[test]
    fn step3_needs_preferences() {
        assert_eq!(validate_step(step(3), &Evidence::default(), &[]).len(), 1);
        let r = ResearchPreferences::default();
        let ev = Evidence {
            research: Some(&r),
            ..Default::default()
        };
        assert!(validate_step(step(3), &ev, &[]).is_empty());
    }

    #[test]
    fn step4_needs_identity_and_platforms() {
        let good = PersonaData {
            core_persona: Some(json!({"identity": {"persona_name": "A"}})),
            platform_personas: Some(json!({"linkedin": {}})),
            ..Default::default()
        };
        let ev = Evidence {
            persona: Some(&good),
            ..Default::default()
        };
        assert!(validate_step(step(4), &ev, &[]).is_empty());
        let bad = PersonaData {
            core_persona: Some(json!({"identity": "flat"})),
            platform_personas: Some(json!({})),
            ..Default::default()
        };
        let ev = Evidence {
            persona: Some(&bad),
            ..Default::default()
        };
        assert_eq!(validate_step(step(4), &ev, &[]).len(), 2);
        assert_eq!(validate_step(step(4), &Evidence::default(), &[]).len(), 1);
    }

    #[test]
    fn steps_5_and_6_need_nothing() {
        assert!(validate_step(step(5), &Evidence::default(), &[]).is_empty());
        assert!(validate_step(step(6), &Evidence::default(), &[]).is_empty());
    }
}
