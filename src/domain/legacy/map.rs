//! Mapping a parsed legacy file onto our records ([`to_import`]).

use serde_json::{Map, Value};

use super::mask::is_placeholder;
use super::parse::{kind, LegacyProgress, LegacyStep};
use super::{short, LegacyError};
use crate::domain::ids::{ParseError, ProviderName, StepStatus, UserId};
use crate::domain::inputs::{merge_analysis, merge_persona, merge_research, ResearchInput};
use crate::domain::progress::{current_step, progress_percentage};
use crate::domain::providers;
use crate::domain::records::{Onboarding, Session, StepState, Timestamp};
use crate::domain::secret::Secret;

/// What one legacy file becomes. `Debug` shows no key value.
#[derive(Debug, Clone, PartialEq)]
pub struct LegacyImport {
    /// The session and its six steps; step data has every key value masked.
    pub onboarding: Onboarding,
    /// Step 1's keys that passed the format check of a known provider.
    pub keys: Vec<(ProviderName, Secret)>,
    /// The step-2 document, in the `{website, analysis:{…}}` shape `merge_analysis` reads.
    pub analysis: Option<Value>,
    /// The step-3 research preferences, for `merge_research`.
    pub research: Option<ResearchInput>,
    /// The persona document with camelCase keys, for `merge_persona`.
    pub persona: Option<Value>,
    /// Everything tolerated or fixed up; never a key value.
    pub warnings: Vec<String>,
}

/// The persona keys (camelCase, snake_case) of ALwrity's step 4.
const PERSONA_KEYS: [(&str, &str); 5] = [
    ("corePersona", "core_persona"),
    ("platformPersonas", "platform_personas"),
    ("qualityMetrics", "quality_metrics"),
    ("selectedPlatforms", "selected_platforms"),
    ("researchPersona", "research_persona"),
];

/// Maps a parsed file onto our records for `user`. Deterministic for the same input and `now`.
///
/// * Steps keep their status, `completed_at`, validation errors and (masked) data. A step
///   that is not done loses a stale `completed_at`; a done step without one keeps none.
/// * Session: `started_at` ← `started_at`, `updated_at` ← `last_updated` (each `now` when
///   missing, "Legacy loading"). Progress and `current_step` follow docs/RULES.md, not the file:
///   (completed + skipped) / 6 and the first step not done. The original wrote completed / 6
///   and kept the file's `current_step`, which is often inconsistent ("Legacy loading").
/// * Completion, by the legacy fix-up: completed exactly when all six steps are completed or
///   skipped, whatever `is_completed` says; `completed_at` is the file's, else `last_updated`
///   (the last save, the closest known bound), else `now`.
/// * Data tables, as during dual persistence: only a completed step with non-empty object
///   data (not the early `{step_number, timestamp}` placeholder) is mapped. Step 1 → keys of
///   known providers passing `providers::check_format`; step 2 → analysis; step 3 → research
///   preferences with the legacy defaults `standard` and `[]` (not the live path's
///   `Comprehensive`); step 4 → persona, taken from step 3's data when step 4's has no persona
///   keys (the frontend merged data across steps). Competitors and other step-3 extras stay in
///   the step data only. A document the `merge_*` functions would refuse is dropped with a
///   warning, as the original logged and ignored such save failures.
///
/// Never fails today; the `Result` leaves room for stricter rules.
pub fn to_import(
    p: &LegacyProgress,
    user: &UserId,
    now: Timestamp,
) -> Result<LegacyImport, LegacyError> {
    let mut warnings = p.warnings.clone();
    let steps = p.steps.clone().map(|s| step_state(s, &mut warnings));
    let session = session(p, user, &steps, now, &mut warnings);
    let keys = keys(p, &mut warnings);
    let analysis = analysis(p, &mut warnings);
    let research = research(p, &mut warnings);
    let persona = persona(p, &mut warnings);
    Ok(LegacyImport {
        onboarding: Onboarding {
            session,
            steps,
            alwrity: None,
        },
        keys,
        analysis,
        research,
        persona,
        warnings,
    })
}

/// A step as stored; a step that is not done loses a stale `completed_at` (`mark_step_in_progress`
/// left it behind in the original).
fn step_state(s: LegacyStep, warnings: &mut Vec<String>) -> StepState {
    let mut completed_at = s.completed_at;
    if !s.status.is_done() && completed_at.take().is_some() {
        warnings.push(format!(
            "step {} is {} but has a completed_at; it was cleared",
            s.number, s.status
        ));
    }
    StepState {
        number: s.number,
        status: s.status,
        completed_at,
        data: s.data,
        validation_errors: s.validation_errors,
        forced: false,
        force_reason: None,
    }
}

fn session(
    p: &LegacyProgress,
    user: &UserId,
    steps: &[StepState; 6],
    now: Timestamp,
    warnings: &mut Vec<String>,
) -> Session {
    for (key, v) in [
        ("started_at", p.started_at),
        ("last_updated", p.last_updated),
    ] {
        if v.is_none() {
            warnings.push(format!("`{key}` is missing; the import time was used"));
        }
    }
    let all_done = steps.iter().all(|s| s.status.is_done());
    let derived = current_step(steps);
    if let Some(n) = p.current_step.filter(|n| *n != i64::from(derived.get())) {
        warnings.push(format!(
            "the file's current_step {n} is not the first step not done ({derived}); {derived} was stored"
        ));
    }
    if all_done && !p.is_completed {
        warnings
            .push("all six steps are done but is_completed is false; imported as completed".into());
    } else if !all_done && p.is_completed {
        warnings.push(
            "is_completed is true but not every step is done; imported as not completed".into(),
        );
    }
    Session {
        user_id: user.clone(),
        current_step: derived,
        progress: progress_percentage(steps),
        started_at: p.started_at.unwrap_or(now),
        updated_at: p.last_updated.unwrap_or(now),
        completed_at: all_done.then(|| p.completed_at.or(p.last_updated).unwrap_or(now)),
    }
}

/// The data of step `n` if it is to be mapped: completed, a non-empty object, not the
/// placeholder. Explains in `warnings` why completed data is not mapped.
fn mapped<'a>(
    p: &'a LegacyProgress,
    n: usize,
    warnings: &mut Vec<String>,
) -> Option<&'a Map<String, Value>> {
    let step = &p.steps[n - 1];
    if step.status != StepStatus::Completed {
        return None;
    }
    match &step.data {
        Some(Value::Object(m)) if is_placeholder(m) => {
            warnings.push(format!("step {n} data is the early {{step_number, timestamp}} placeholder; nothing was mapped"));
            None
        }
        Some(Value::Object(m)) if !m.is_empty() => Some(m),
        Some(v @ (Value::Array(_) | Value::String(_) | Value::Number(_) | Value::Bool(_))) => {
            warnings.push(format!(
                "step {n} data is {}, not an object; nothing was mapped",
                kind(v)
            ));
            None
        }
        _ => None,
    }
}

fn keys(p: &LegacyProgress, warnings: &mut Vec<String>) -> Vec<(ProviderName, Secret)> {
    let step = &p.steps[0];
    if p.step1_keys.is_empty() {
        return Vec::new();
    }
    if step.status != StepStatus::Completed {
        warnings.push(format!(
            "step 1 is {}; its {} key(s) were not imported",
            step.status,
            p.step1_keys.len()
        ));
        return Vec::new();
    }
    let mut out: Vec<(ProviderName, Secret)> = Vec::new();
    for (name, secret) in &p.step1_keys {
        match check_key(name, secret) {
            Ok(pn) if out.iter().any(|(n, _)| *n == pn) => warnings.push(format!(
                "step 1 key `{pn}` ({secret}) is listed twice; the first was kept"
            )),
            Ok(pn) => out.push((pn, secret.clone())),
            Err(why) => warnings.push(format!(
                "step 1 key `{}` ({secret}, sha256 {}) was skipped: {why}",
                short(name),
                secret.fingerprint()
            )),
        }
    }
    out
}

fn check_key(name: &str, secret: &Secret) -> Result<ProviderName, String> {
    let pn: ProviderName = name.parse().map_err(|e: ParseError| e.0)?;
    let spec = providers::lookup(&pn).ok_or("unknown provider")?;
    providers::check_format(Some(spec), secret)?;
    Ok(pn)
}

fn analysis(p: &LegacyProgress, warnings: &mut Vec<String>) -> Option<Value> {
    let doc = Value::Object(mapped(p, 2, warnings)?.clone());
    accept(2, merge_analysis(&doc, None, true).map(|_| doc), warnings)
}

fn research(p: &LegacyProgress, warnings: &mut Vec<String>) -> Option<ResearchInput> {
    let data = mapped(p, 3, warnings)?;
    let pick = |keys: [&str; 2]| {
        keys.iter()
            .find_map(|k| data.get(*k).filter(|v| !is_blank(v)))
    };
    let mut doc = Map::new();
    let depth = pick(["research_depth", "researchDepth"]).cloned();
    doc.insert(
        "research_depth".into(),
        depth.unwrap_or_else(|| "standard".into()),
    );
    let types = pick(["content_types", "contentTypes"]).cloned();
    doc.insert(
        "content_types".into(),
        types.unwrap_or_else(|| Value::Array(Vec::new())),
    );
    for keys in [
        ["auto_research", "autoResearch"],
        ["factual_content", "factualContent"],
        ["writing_style", "writingStyle"],
        ["content_characteristics", "contentCharacteristics"],
        ["target_audience", "targetAudience"],
        ["recommended_settings", "recommendedSettings"],
    ] {
        if let Some(v) = pick(keys) {
            doc.insert(keys[0].into(), v.clone());
        }
    }
    let input = ResearchInput {
        file: Some(Value::Object(doc)),
        ..Default::default()
    };
    accept(3, merge_research(&input, None).map(|_| input), warnings)
}

fn persona(p: &LegacyProgress, warnings: &mut Vec<String>) -> Option<Value> {
    let mut quiet = Vec::new();
    let has_persona = |m: &&Map<String, Value>| {
        PERSONA_KEYS
            .iter()
            .any(|(c, s)| m.contains_key(*c) || m.contains_key(*s))
    };
    let source = [4, 3].into_iter().find_map(|n| {
        let w = if n == 4 { &mut *warnings } else { &mut quiet };
        mapped(p, n, w).filter(has_persona).map(|m| (n, m))
    })?;
    let step4 = p.steps[3].status;
    if step4 != StepStatus::Completed {
        warnings.push(format!(
            "persona keys in step {} data were not imported: step 4 is {step4}",
            source.0
        ));
        return None;
    }
    if source.0 == 3 {
        warnings
            .push("step 4 data has no persona keys; the persona was taken from step 3 data".into());
    }
    let doc: Map<String, Value> = PERSONA_KEYS
        .iter()
        .filter_map(|(c, s)| {
            [c, s]
                .iter()
                .find_map(|k| source.1.get(**k).filter(|v| !v.is_null()))
                .map(|v| (c.to_string(), v.clone()))
        })
        .collect();
    let doc = Value::Object(doc);
    accept(4, merge_persona(&doc, None).map(|_| doc), warnings)
}

/// Keeps a document the matching `merge_*` accepts; otherwise a warning.
fn accept<T>(step: u8, checked: Result<T, String>, warnings: &mut Vec<String>) -> Option<T> {
    checked
        .map_err(|e| warnings.push(format!("step {step} data was not mapped: {e}")))
        .ok()
}

fn is_blank(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        _ => false,
    }
}
