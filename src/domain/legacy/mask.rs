//! Taking plaintext keys out of step data while a legacy file is parsed. Step 1's
//! `api_keys` entries become [`Secret`]s; every other string that may hold a key is replaced by
//! its mask in place, so the data can be stored and printed.

use serde_json::{Map, Value};

use super::short;
use crate::domain::secret::Secret;

/// A provider name as written in the file and its key.
pub(super) type RawKey = (String, Secret);

/// Whether `m` is the early placeholder data `{"step_number": n, "timestamp": "…"}`.
pub(super) fn is_placeholder(m: &Map<String, Value>) -> bool {
    !m.is_empty() && m.keys().all(|k| k == "step_number" || k == "timestamp")
}

/// Masks secrets in the data of step `step`. For step 1 the non-empty string entries of
/// `api_keys` are returned; everything else is only masked.
pub(super) fn scrub(step: u8, data: &mut Value, warnings: &mut Vec<String>) -> Vec<RawKey> {
    let mut keys = Vec::new();
    if step == 1 {
        if let Value::Object(m) = data {
            scrub_step1(m, &mut keys, warnings);
        } else if mask_all(data) > 0 {
            warnings.push("step 1 data is not an object; its strings were masked".into());
        }
        return keys;
    }
    let n = mask_stray(data);
    if n > 0 {
        warnings.push(format!(
            "step {step} data held {n} value(s) under `api_keys`; they were masked and not imported (only step 1 keys are)"
        ));
    }
    keys
}

/// Replaces `s` by its mask and returns the original as a secret.
fn take(s: &mut String) -> Secret {
    let secret = Secret::new(std::mem::take(s));
    *s = secret.masked();
    secret
}

/// Masks every non-empty string in `v`; returns how many there were.
fn mask_all(v: &mut Value) -> usize {
    match v {
        Value::String(s) if !s.is_empty() => {
            take(s);
            1
        }
        Value::Array(a) => a.iter_mut().map(mask_all).sum(),
        Value::Object(m) => m.values_mut().map(mask_all).sum(),
        _ => 0,
    }
}

/// Masks every string below any `api_keys` key in `v`; returns how many there were.
fn mask_stray(v: &mut Value) -> usize {
    match v {
        Value::Object(m) => m
            .iter_mut()
            .map(|(k, child)| {
                if k == "api_keys" {
                    mask_all(child)
                } else {
                    mask_stray(child)
                }
            })
            .sum(),
        Value::Array(a) => a.iter_mut().map(mask_stray).sum(),
        _ => 0,
    }
}

/// Step 1 is the key step: its `api_keys` are taken out, and every other string except a
/// `timestamp` is masked, since nothing says where else a key may have been put.
fn scrub_step1(m: &mut Map<String, Value>, keys: &mut Vec<RawKey>, warnings: &mut Vec<String>) {
    for (name, v) in m.iter_mut() {
        match name.as_str() {
            "api_keys" => take_keys(v, keys, warnings),
            "timestamp" | "step_number" => {}
            _ => {
                if mask_all(v) > 0 {
                    warnings.push(format!(
                        "step 1 data field `{}` was masked (the key step may hold keys anywhere)",
                        short(name)
                    ));
                }
            }
        }
    }
}

fn take_keys(v: &mut Value, keys: &mut Vec<RawKey>, warnings: &mut Vec<String>) {
    let Value::Object(entries) = v else {
        mask_all(v);
        if !v.is_null() {
            warnings.push("step 1 `api_keys` is not an object; nothing in it was imported".into());
        }
        return;
    };
    for (name, entry) in entries.iter_mut() {
        match entry {
            Value::String(s) if !s.is_empty() => keys.push((name.clone(), take(s))),
            // Empty values were skipped by the original too.
            Value::String(_) | Value::Null => {}
            other => {
                mask_all(other);
                warnings.push(format!(
                    "step 1 key `{}` is not a string; it was not imported",
                    short(name)
                ));
            }
        }
    }
}
