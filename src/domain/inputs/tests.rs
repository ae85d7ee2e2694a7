//! Unit tests of input parsing and merging.

use super::*;
use serde_json::json;

#[test]
fn analysis_nested_form_reads_from_analysis() {
    let input = json!({
        "website": "https://example.com",
        "analysis": {"writing_style": {"tone": "casual"}, "guidelines": {"g": 1},
                     "meta_info": {"title": "T"}, "brand_analysis": {"b": 1}}
    });
    let a = merge_analysis(&input, None, true).unwrap();
    assert_eq!(a.website_url, "https://example.com");
    assert_eq!(a.writing_style, Some(json!({"tone": "casual"})));
    assert_eq!(a.style_guidelines, Some(json!({"g": 1})));
    assert_eq!(a.crawl_result, Some(json!({"meta_info": {"title": "T"}})));
    assert_eq!(a.brand_analysis, Some(json!({"b": 1})));
    assert_eq!(a.status, "completed");
}

#[test]
fn analysis_flat_form_and_website_url_key() {
    let input = json!({"website_url": "https://a.io", "content_type": {"primary_type": "blog"}});
    let a = merge_analysis(&input, None, true).unwrap();
    assert_eq!(a.website_url, "https://a.io");
    assert_eq!(a.content_type, Some(json!({"primary_type": "blog"})));
}

#[test]
fn analysis_absent_and_null_fields_keep_stored_values() {
    let old = merge_analysis(
        &json!({"website": "https://old.io", "writing_style": {"tone": "x"}, "seo_audit": 1}),
        None,
        true,
    )
    .unwrap();
    let new = merge_analysis(
        &json!({"writing_style": null, "website": ""}),
        Some(old.clone()),
        true,
    )
    .unwrap();
    assert_eq!(new, old);
}

#[test]
fn brand_columns_not_written_when_flag_off() {
    let old = WebsiteAnalysis {
        brand_analysis: Some(json!("kept")),
        ..Default::default()
    };
    let a = merge_analysis(
        &json!({"brand_analysis": {"new": 1}, "content_strategy_insights": 2}),
        Some(old),
        false,
    )
    .unwrap();
    assert_eq!(a.brand_analysis, Some(json!("kept")));
    assert_eq!(a.content_strategy_insights, None);
}

#[test]
fn non_object_crawl_result_is_wrapped_before_folding() {
    let a = merge_analysis(
        &json!({"crawl_result": "html", "sitemap_analysis": {"n": 3}}),
        None,
        true,
    )
    .unwrap();
    assert_eq!(
        a.crawl_result,
        Some(json!({"raw": "html", "sitemap_analysis": {"n": 3}}))
    );
}

#[test]
fn analysis_rejects_bad_shapes() {
    assert!(merge_analysis(&json!([1]), None, true).is_err());
    assert!(merge_analysis(&json!({"analysis": 3}), None, true).is_err());
    assert!(merge_analysis(&json!({"website": 3}), None, true).is_err());
}

#[test]
fn persona_accepts_both_casings_and_replaces_the_four_columns() {
    let camel = merge_persona(
        &json!({"corePersona": {"identity": {}}, "platformPersonas": {"blog": {}},
                "selectedPlatforms": ["blog"]}),
        None,
    )
    .unwrap();
    let snake = merge_persona(
        &json!({"core_persona": {"identity": {}}, "platform_personas": {"blog": {}},
                "selected_platforms": ["blog"]}),
        None,
    )
    .unwrap();
    assert_eq!(camel, snake);
    let old = PersonaData {
        quality_metrics: Some(json!(1)),
        research_persona: Some(json!("rp")),
        ..camel
    };
    let next = merge_persona(&json!({"corePersona": {"identity": {"n": 2}}}), Some(old)).unwrap();
    assert_eq!(next.quality_metrics, None, "replaced as a whole");
    assert!(next.selected_platforms.is_empty());
    assert_eq!(
        next.research_persona,
        Some(json!("rp")),
        "kept unless given"
    );
}

#[test]
fn persona_rejects_unrelated_or_bad_documents() {
    assert!(merge_persona(&json!({"name": "x"}), None).is_err());
    assert!(merge_persona(&json!("x"), None).is_err());
    assert!(merge_persona(&json!({"selectedPlatforms": "blog"}), None).is_err());
}

#[test]
fn research_defaults_file_and_flags() {
    let d = merge_research(&ResearchInput::default(), None).unwrap();
    assert_eq!(d.research_depth, "Comprehensive");
    assert_eq!(d.content_types.len(), 3);
    assert!(d.auto_research && d.factual_content);
    let input = ResearchInput {
        file: Some(
            json!({"researchDepth": "Basic", "content_types": ["a"], "autoResearch": false}),
        ),
        depth: Some("Expert".into()),
        ..Default::default()
    };
    let r = merge_research(&input, Some(d)).unwrap();
    assert_eq!(r.research_depth, "Expert", "flags win over the file");
    assert_eq!(r.content_types, vec!["a".to_string()]);
    assert!(!r.auto_research);
    assert!(r.factual_content);
}

#[test]
fn research_rejects_bad_types() {
    let bad = ResearchInput {
        file: Some(json!({"auto_research": "yes"})),
        ..Default::default()
    };
    assert!(merge_research(&bad, None).is_err());
    let empty = ResearchInput {
        depth: Some(" ".into()),
        ..Default::default()
    };
    assert!(merge_research(&empty, None).is_err());
}
