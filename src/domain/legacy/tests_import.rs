//! Unit tests of [`to_import`]: the legacy fix-ups, our derived fields, the data-table
//! documents, and that no key value escapes.

use serde_json::json;
use time::macros::datetime;

use super::tests::fixture;
use super::*;
use crate::domain::ids::StepStatus;
use crate::domain::inputs::{merge_analysis, merge_persona, merge_research};
use crate::domain::records::Timestamp;

const NOW: Timestamp = datetime!(2026-01-01 00:00:00 UTC);

fn import(bytes: &[u8]) -> LegacyImport {
    let user = "user_legacy".parse().unwrap();
    to_import(&parse(bytes).unwrap(), &user, NOW).unwrap()
}

fn import_json(v: serde_json::Value) -> LegacyImport {
    import(v.to_string().as_bytes())
}

fn has_warning(i: &LegacyImport, needle: &str) -> bool {
    i.warnings.iter().any(|w| w.contains(needle))
}

#[test]
fn full_file_maps_session_steps_keys_and_documents() {
    let i = import(fixture!("full.json"));
    let s = &i.onboarding.session;
    assert_eq!((s.current_step.get(), s.progress), (6, 100.0));
    assert_eq!(s.started_at, datetime!(2025-09-29 17:22:14.375002 UTC));
    assert_eq!(s.updated_at, datetime!(2025-10-05 09:41:30.250113 UTC));
    assert_eq!(s.completed_at, Some(datetime!(2025-10-05 09:41:30.25 UTC)));
    let step1 = &i.onboarding.steps[0];
    assert_eq!(
        step1.completed_at,
        Some(datetime!(2025-10-05 09:12:03.114207 UTC))
    );
    assert!(!step1.forced);
    let providers: Vec<&str> = i.keys.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(providers, ["copilotkit", "exa", "gemini"]);
    assert_eq!(
        i.keys[2].1.expose(),
        "AIzaFAKE_LEGACY_TEST_000000000000000000"
    );
    let a = merge_analysis(i.analysis.as_ref().unwrap(), None, true).unwrap();
    assert_eq!(a.website_url, "https://example.com");
    assert_eq!(
        a.style_guidelines.unwrap()["structure_guidelines"],
        json!(["Use H2 headings"])
    );
    let r = merge_research(i.research.as_ref().unwrap(), None).unwrap();
    assert_eq!(
        (r.research_depth.as_str(), r.content_types.len()),
        ("standard", 0)
    );
    assert!(r.auto_research && r.factual_content);
    let p = merge_persona(i.persona.as_ref().unwrap(), None).unwrap();
    assert_eq!(
        p.selected_platforms,
        ["linkedin", "blog"],
        "step 4's persona wins"
    );
    assert_eq!(
        p.core_persona.unwrap()["identity"]["core_belief"],
        "Clarity wins"
    );
    assert_eq!(
        i.onboarding.steps[2].data.as_ref().unwrap()["competitors"][0]["domain"],
        "competitor.example.org"
    );
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
}

#[test]
fn older_file_with_empty_step1_data_imports_no_keys() {
    let i = import(fixture!("older_step1_empty.json"));
    assert!(
        i.keys.is_empty() && i.warnings.is_empty(),
        "{:?}",
        i.warnings
    );
    assert_eq!(i.onboarding.steps[0].data, Some(json!({})));
    assert_eq!(
        i.onboarding.session.started_at,
        datetime!(2025-08-07 10:00:00 UTC)
    );
    assert_eq!(
        (
            i.onboarding.session.current_step.get(),
            i.onboarding.session.progress
        ),
        (3, 33.3)
    );
    assert!(i.analysis.is_some() && i.research.is_none() && i.persona.is_none());
}

#[test]
fn stale_current_step_is_derived_again() {
    let i = import(fixture!("current_step_stale.json"));
    let s = &i.onboarding.session;
    assert_eq!(
        (s.current_step.get(), s.progress, s.completed_at),
        (6, 83.3, None)
    );
    assert!(has_warning(&i, "current_step 2"), "{:?}", i.warnings);
    assert!(i.analysis.is_none(), "empty data maps nothing");
}

#[test]
fn current_step_6_with_step_6_pending_is_not_complete() {
    let i = import(fixture!("current_step_6_pending.json"));
    let s = &i.onboarding.session;
    assert_eq!(
        (s.current_step.get(), s.progress, s.completed_at),
        (6, 83.3, None)
    );
    assert_eq!(i.onboarding.steps[4].status, StepStatus::Skipped);
    assert!(i.warnings.is_empty(), "{:?}", i.warnings);
    assert!(i.persona.is_some());
}

#[test]
fn out_of_order_completed_at_values_are_kept() {
    let i = import(fixture!("out_of_order_completed_at.json"));
    let at = |n: usize| i.onboarding.steps[n].completed_at.unwrap();
    assert!(at(0) > at(2) && at(2) > at(1));
    assert_eq!(i.onboarding.session.current_step.get(), 4);
}

#[test]
fn completion_flag_without_all_steps_done_is_dropped() {
    let i = import(fixture!("flag_true_not_all_done.json"));
    let s = &i.onboarding.session;
    assert_eq!(
        (s.completed_at, s.current_step.get(), s.progress),
        (None, 4, 83.3)
    );
    assert_eq!(
        i.onboarding.steps[3].validation_errors,
        ["Persona generation timed out"]
    );
    assert!(has_warning(&i, "imported as not completed"));
}

#[test]
fn all_steps_done_completes_even_without_the_flag() {
    let i = import(fixture!("all_done_flag_false.json"));
    let s = &i.onboarding.session;
    assert_eq!(
        s.completed_at,
        Some(datetime!(2025-10-10 08:05:00.000009 UTC)),
        "last_updated"
    );
    assert_eq!(
        s.progress, 100.0,
        "skipped counts, unlike the original's completed/6"
    );
    assert!(has_warning(&i, "imported as completed"));
}

#[test]
fn early_placeholder_data_is_kept_and_maps_nothing() {
    let i = import(fixture!("early_placeholder_data.json"));
    let d = i.onboarding.steps[1].data.as_ref().unwrap();
    assert_eq!(d["timestamp"], "2025-08-06T13:01:00.200Z");
    assert_eq!(
        i.onboarding.steps[0].data.as_ref().unwrap()["timestamp"],
        "2025-08-06T13:00:00.100Z"
    );
    assert!(i.keys.is_empty() && i.analysis.is_none());
    assert!(
        has_warning(&i, "step 2 data is the early"),
        "{:?}",
        i.warnings
    );
}

#[test]
fn missing_times_default_to_now() {
    let i = import(fixture!("missing_keys.json"));
    let s = &i.onboarding.session;
    assert_eq!(
        (s.started_at, s.updated_at, s.current_step.get()),
        (NOW, NOW, 2)
    );
    assert_eq!(i.onboarding.steps[0].completed_at, None);
    let done = import_json(
        json!({"steps": (1..=6).map(|n| json!({"step_number": n, "status": "skipped"})).collect::<Vec<_>>()}),
    );
    assert_eq!(done.onboarding.session.completed_at, Some(NOW));
}

#[test]
fn bad_unknown_and_unfinished_keys_are_skipped_with_masked_warnings() {
    let keys = json!({"gemini": "sk-not-a-gemini-key-000000000000", "acme": "acme-key-000000000000", "exa": "", "tavily": null, "Serper": "serper-key-00000"});
    let i = import_json(
        json!({"steps": [{"step_number": 1, "status": "completed", "data": {"api_keys": keys}}]}),
    );
    let names: Vec<&str> = i.keys.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(names, ["serper"], "{:?}", i.warnings);
    assert!(
        has_warning(&i, "`gemini` (************0000, sha256 ")
            && has_warning(&i, "unknown provider")
    );
    let key_warnings = i.warnings.iter().filter(|w| w.contains(" key `")).count();
    assert_eq!(key_warnings, 2, "empty and null skipped silently");
    let pending = import_json(
        json!({"steps": [{"step_number": 1, "status": "in_progress", "data": {"api_keys": {"tavily": "tavily-key-000000"}}}]}),
    );
    assert!(
        pending.keys.is_empty() && has_warning(&pending, "step 1 is in_progress; its 1 key(s)")
    );
}

#[test]
fn persona_comes_from_step_3_only_when_step_4_is_completed() {
    let persona = json!({"corePersona": {"identity": {}}, "platformPersonas": {"blog": {}}});
    let step3 = json!({"step_number": 3, "status": "completed", "data": persona});
    let with = |s4: &str| {
        import_json(json!({"steps": [step3, {"step_number": 4, "status": s4, "data": {}}]}))
    };
    let done = with("completed");
    assert_eq!(
        done.persona.as_ref().unwrap()["platformPersonas"],
        json!({"blog": {}})
    );
    assert!(has_warning(&done, "taken from step 3"));
    let open = with("in_progress");
    assert!(open.persona.is_none() && has_warning(&open, "step 4 is in_progress"));
    assert_eq!(
        open.research.unwrap().file.unwrap()["research_depth"],
        "standard"
    );
}

#[test]
fn documents_the_merge_functions_refuse_are_dropped_with_a_warning() {
    let i = import_json(json!({"steps": [
        {"step_number": 2, "status": "completed", "data": {"website": 42}},
        {"step_number": 3, "status": "completed", "data": {"researchDepth": "Expert", "contentTypes": "blogs"}},
        {"step_number": 4, "status": "completed", "data": ["not", "an", "object"]}
    ]}));
    assert!(i.analysis.is_none() && i.research.is_none() && i.persona.is_none());
    for n in [
        "step 2 data was not mapped",
        "step 3 data was not mapped",
        "step 4 data is an array",
    ] {
        assert!(has_warning(&i, n), "{n}: {:?}", i.warnings);
    }
}

#[test]
fn no_key_value_escapes_into_data_warnings_errors_or_debug() {
    const CANARY: &str = "CANARY7c1e";
    let v = json!({"steps": [
        {"step_number": 1, "status": "completed", "data": {"api_keys": {
            "gemini": format!("AIza{CANARY}_000000000000000000000000"), "exa": format!("{CANARY}-bad-uuid"),
            "nope": format!("{CANARY}_unknown_provider"), "bad name": format!("{CANARY}_bad_name_000"),
            "openai": {"nested": format!("{CANARY}_nested")}}, "note": format!("{CANARY}_stray")}},
        {"step_number": 3, "status": "completed", "data": {"competitors": [{"api_keys": [format!("{CANARY}_in_step3")]}]}}
    ]});
    let p = parse(v.to_string().as_bytes()).unwrap();
    let i = to_import(&p, &"u".parse().unwrap(), NOW).unwrap();
    let stored: Vec<String> = i
        .onboarding
        .steps
        .iter()
        .map(|s| format!("{:?}", s.data))
        .collect();
    let texts = [
        format!("{p:?}"),
        format!("{i:?}"),
        i.warnings.join("\n"),
        stored.join("\n"),
    ];
    for text in texts {
        assert!(!text.contains(CANARY), "leak: {text}");
    }
    assert_eq!(i.keys.len(), 1, "only the gemini key passes");
    assert!(i.keys[0].1.expose().contains(CANARY));
    let status = json!({"steps": [{"step_number": 1, "status": "failed", "data": {"api_keys": {"exa": CANARY}}}]});
    let err = parse(status.to_string().as_bytes()).unwrap_err();
    assert!(!format!("{err} {err:?}").contains(CANARY));
}

#[test]
fn the_same_input_and_now_give_the_same_import() {
    let p = parse(fixture!("full.json")).unwrap();
    let user = "user_x".parse().unwrap();
    assert_eq!(
        to_import(&p, &user, NOW).unwrap(),
        to_import(&p, &user, NOW).unwrap()
    );
    let stale = parse(fixture!("flag_true_not_all_done.json")).unwrap();
    assert_eq!(to_import(&stale, &user, NOW), to_import(&stale, &user, NOW));
}
