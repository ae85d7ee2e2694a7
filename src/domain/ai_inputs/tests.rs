//! Unit tests of the personalized AI inputs: every branch of docs/ALWRITY.md
//! "Personalized AI inputs" and the per-field defaults on partial, NULL and mistyped data.

use serde_json::{json, Value};

use super::*;

fn analysis(content_type: Value, writing_style: Value, target_audience: Value) -> WebsiteAnalysis {
    let col = |v: Value| (!v.is_null()).then_some(v);
    WebsiteAnalysis {
        website_url: "https://example.com".into(),
        content_type: col(content_type),
        writing_style: col(writing_style),
        target_audience: col(target_audience),
        ..WebsiteAnalysis::default()
    }
}

fn full() -> WebsiteAnalysis {
    analysis(
        json!({"primary_type": "blog", "secondary_types": ["video", "podcast"], "purpose": "promotional"}),
        json!({"tone": "casual", "voice": "friendly"}),
        json!({"demographics": ["founders", "CTOs"], "industry_focus": "technology", "expertise_level": "beginner"}),
    )
}

fn prefs() -> ResearchPreferences {
    ResearchPreferences {
        research_depth: "Comprehensive".into(),
        content_types: vec!["blog".into(), "news".into()],
        auto_research: false,
        factual_content: true,
        ..ResearchPreferences::default()
    }
}

fn inputs(a: &WebsiteAnalysis) -> Value {
    personalized_ai_inputs(Some(a), None)
}

#[test]
fn full_data() {
    let out = personalized_ai_inputs(Some(&full()), Some(&prefs()));
    let expected = json!({
        "website_analysis": {
            "website_url": "https://example.com",
            "content_types": ["blog", "video", "podcast"],
            "writing_style": "casual",
            "target_audience": ["founders", "CTOs"],
            "industry_focus": "technology",
            "expertise_level": "beginner",
        },
        "competitor_analysis": {
            "top_performers": ["techcrunch.com", "wired.com", "theverge.com"],
            "industry": "technology",
            "target_demographics": ["founders", "CTOs"],
        },
        "gap_analysis": {
            "content_gaps": ["Video tutorials", "Case studies", "Infographics", "Expert interviews"],
            "target_keywords": ["AI tools", "Digital transformation", "Tech trends"],
            "content_opportunities": ["Case studies", "Testimonials", "Success stories"],
        },
        "keyword_analysis": {
            "high_value_keywords": ["AI marketing", "Content automation", "Digital strategy"],
            "content_topics": ["Industry trends", "How-to guides", "Expert insights"],
            "search_intent": {"intent": "educational", "focus": "basic concepts"},
        },
        "research_preferences": {
            "research_depth": "Comprehensive",
            "content_types": ["blog", "news"],
            "auto_research": false,
            "factual_content": true,
        },
    });
    assert_eq!(out, expected);
}

#[test]
fn no_analysis_gives_the_default_output_even_with_prefs() {
    let out = personalized_ai_inputs(None, Some(&prefs()));
    assert_eq!(out, default_ai_inputs());
    assert!(out.get("research_preferences").is_none());
    assert!(out["website_analysis"].get("website_url").is_none());
    assert_eq!(
        out["website_analysis"]["content_types"],
        json!(["blog", "video", "social"])
    );
}

#[test]
fn every_json_column_null_gives_per_field_defaults() {
    let a = WebsiteAnalysis::default();
    let out = inputs(&a);
    let wa = &out["website_analysis"];
    assert_eq!(wa["website_url"], "");
    assert_eq!(wa["content_types"], json!(["blog", "article"]));
    assert_eq!(wa["writing_style"], "professional");
    assert_eq!(wa["target_audience"], json!(["professionals"]));
    assert_eq!(wa["industry_focus"], "general");
    assert_eq!(wa["expertise_level"], "intermediate");
    let ca = &out["competitor_analysis"];
    assert_eq!(
        ca["top_performers"],
        json!(["competitor1.com", "competitor2.com", "competitor3.com"])
    );
    assert_eq!(ca["industry"], "general");
    assert_eq!(ca["target_demographics"], json!([]));
    let ga = &out["gap_analysis"];
    let gaps = json!([
        "Video tutorials",
        "Case studies",
        "Infographics",
        "Personal stories"
    ]);
    assert_eq!(ga["content_gaps"], gaps);
    assert_eq!(
        ga["target_keywords"],
        json!(["Industry insights", "Best practices", "Expert tips"])
    );
    let opportunities = json!(["How-to guides", "Tutorials", "Educational content"]);
    assert_eq!(ga["content_opportunities"], opportunities);
    let ka = &out["keyword_analysis"];
    let topics = json!(["Industry trends", "How-to guides", "Expert insights"]);
    assert_eq!(ka["content_topics"], topics);
    assert_eq!(
        ka["search_intent"],
        json!({"intent": "practical", "focus": "implementation"})
    );
    assert!(out.get("research_preferences").is_none());
}

#[test]
fn partial_columns_keep_the_fields_they_have() {
    let a = analysis(
        Value::Null,
        json!({"tone": "casual"}),
        json!({"industry_focus": "marketing"}),
    );
    let out = inputs(&a);
    assert_eq!(out["website_analysis"]["writing_style"], "casual");
    assert_eq!(out["competitor_analysis"]["industry"], "marketing");
    assert_eq!(
        out["website_analysis"]["content_types"],
        json!(["blog", "article"])
    );
    assert_eq!(out["website_analysis"]["expertise_level"], "intermediate");
}

#[test]
fn wrong_types_fall_back_per_field() {
    let a = analysis(
        json!({"primary_type": 7, "secondary_types": "video", "purpose": ["promotional"]}),
        json!({"tone": 42}),
        json!({"demographics": "founders", "industry_focus": null, "expertise_level": false}),
    );
    let out = inputs(&a);
    let wa = &out["website_analysis"];
    assert_eq!(wa["content_types"], json!(["blog", "article"]));
    assert_eq!(wa["writing_style"], "professional");
    assert_eq!(wa["target_audience"], json!(["professionals"]));
    assert_eq!(wa["industry_focus"], "general");
    assert_eq!(wa["expertise_level"], "intermediate");
    assert_eq!(out["competitor_analysis"]["target_demographics"], json!([]));
    let opportunities = &out["gap_analysis"]["content_opportunities"];
    assert_eq!(opportunities[0], "How-to guides");
    let mixed = analysis(
        json!({"secondary_types": ["a", 1]}),
        json!("casual"),
        json!([1, 2]),
    );
    let out = inputs(&mixed);
    assert_eq!(
        out["website_analysis"]["content_types"],
        json!(["blog", "article"])
    );
    assert_eq!(out["website_analysis"]["writing_style"], "professional");
    assert_eq!(
        out["website_analysis"]["target_audience"],
        json!(["professionals"])
    );
}

#[test]
fn content_types_follow_python_truthiness() {
    let types = |ct: Value| {
        inputs(&analysis(ct, Value::Null, Value::Null))["website_analysis"]["content_types"].clone()
    };
    assert_eq!(types(json!({"primary_type": "video"})), json!(["video"]));
    assert_eq!(types(json!({"secondary_types": ["news"]})), json!(["news"]));
    assert_eq!(
        types(json!({"primary_type": "", "secondary_types": []})),
        json!(["blog", "article"])
    );
    assert_eq!(
        types(json!({"primary_type": "", "secondary_types": ["x"]})),
        json!(["x"])
    );
}

#[test]
fn industries() {
    let kw = |industry: &str| {
        let a = analysis(
            Value::Null,
            Value::Null,
            json!({"industry_focus": industry}),
        );
        let out = inputs(&a);
        (
            out["competitor_analysis"]["top_performers"][0].clone(),
            out["gap_analysis"]["target_keywords"][0].clone(),
            out["keyword_analysis"]["high_value_keywords"].clone(),
        )
    };
    let tech = kw("technology");
    assert_eq!(
        (tech.0, tech.1),
        (json!("techcrunch.com"), json!("AI tools"))
    );
    assert_eq!(
        tech.2,
        json!(["AI marketing", "Content automation", "Digital strategy"])
    );
    let mkt = kw("marketing");
    assert_eq!(
        (mkt.0, mkt.1),
        (json!("hubspot.com"), json!("Content marketing"))
    );
    assert_eq!(
        mkt.2,
        json!([
            "Content marketing",
            "SEO optimization",
            "Social media strategy"
        ])
    );
    for other in ["Technology", "finance", ""] {
        let o = kw(other);
        assert_eq!(
            (o.0, o.1),
            (json!("competitor1.com"), json!("Industry insights")),
            "{other}"
        );
        assert_eq!(
            o.2,
            json!(["Industry trends", "Best practices", "Expert insights"])
        );
    }
}

#[test]
fn primary_types_and_tones() {
    let run = |primary: &str, tone: &str| {
        let a = analysis(
            json!({"primary_type": primary}),
            json!({"tone": tone}),
            Value::Null,
        );
        let out = inputs(&a);
        (
            out["gap_analysis"]["content_gaps"].clone(),
            out["keyword_analysis"]["content_topics"].clone(),
        )
    };
    let (gaps, topics) = run("video", "professional");
    assert_eq!(
        gaps,
        json!(["Blog posts", "Whitepapers", "Webinars", "Personal stories"])
    );
    assert_eq!(
        topics,
        json!(["Tutorials", "Product demos", "Expert interviews"])
    );
    let (gaps, topics) = run("blog", "casual");
    assert_eq!(
        gaps,
        json!([
            "Video tutorials",
            "Case studies",
            "Infographics",
            "Expert interviews"
        ])
    );
    assert_eq!(
        topics,
        json!(["Industry trends", "How-to guides", "Expert insights"])
    );
    let (gaps, topics) = run("Blog", "Casual");
    assert_eq!(
        (gaps, topics),
        (json!([]), json!([])),
        "comparisons are case-sensitive"
    );
    let (gaps, topics) = run("", "witty");
    assert_eq!(
        (gaps, topics),
        (json!([]), json!([])),
        "a present empty string is kept"
    );
}

#[test]
fn expertise_levels() {
    let intent = |level: Value| {
        let a = analysis(Value::Null, Value::Null, json!({"expertise_level": level}));
        inputs(&a)["keyword_analysis"]["search_intent"].clone()
    };
    assert_eq!(
        intent(json!("beginner")),
        json!({"intent": "educational", "focus": "basic concepts"})
    );
    assert_eq!(
        intent(json!("intermediate")),
        json!({"intent": "practical", "focus": "implementation"})
    );
    assert_eq!(
        intent(json!("expert")),
        json!({"intent": "advanced", "focus": "strategic insights"})
    );
    assert_eq!(
        intent(json!("Beginner")),
        json!({"intent": "advanced", "focus": "strategic insights"})
    );
}

#[test]
fn purposes() {
    let opp = |purpose: &str| {
        let a = analysis(json!({"purpose": purpose}), Value::Null, Value::Null);
        inputs(&a)["gap_analysis"]["content_opportunities"].clone()
    };
    assert_eq!(
        opp("informational"),
        json!(["How-to guides", "Tutorials", "Educational content"])
    );
    assert_eq!(
        opp("promotional"),
        json!(["Case studies", "Testimonials", "Success stories"])
    );
    assert_eq!(opp("transactional"), json!([]));
}

#[test]
fn research_preferences_present_or_absent() {
    let a = full();
    assert!(personalized_ai_inputs(Some(&a), None)
        .get("research_preferences")
        .is_none());
    let empty = ResearchPreferences::default();
    let out = personalized_ai_inputs(Some(&a), Some(&empty));
    let expected = json!({
        "research_depth": "Standard",
        "content_types": [],
        "auto_research": false,
        "factual_content": false,
    });
    assert_eq!(out["research_preferences"], expected);
}
