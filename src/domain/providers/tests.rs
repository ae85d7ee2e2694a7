//! Unit tests of the provider registry: every format rule, good and bad, and that no reason
//! ever contains the key.

use super::*;

fn name(s: &str) -> ProviderName {
    s.parse().unwrap()
}

/// Runs the check for `provider` (`None` = unknown) and asserts the reason hides the value.
fn check(provider: Option<&str>, value: &str) -> Result<(), String> {
    let spec = provider.map(|p| lookup(&name(p)).expect("known provider"));
    let result = check_format(spec, &Secret::new(value.to_owned()));
    if let Err(reason) = &result {
        let trimmed = value.trim();
        if trimmed.len() >= 3 {
            assert!(!reason.contains(trimmed), "reason `{reason}` leaks the key");
        }
    }
    result
}

const UUID: &str = "0f8fad5b-d9cb-469f-a165-70867728950e";

#[test]
fn good_keys_pass() {
    let good = [
        ("gemini", format!("AIza{}", "x".repeat(26))),
        ("exa", UUID.to_owned()),
        ("exa", UUID.to_ascii_uppercase()),
        ("copilotkit", "ck_pub_0123456789abc".to_owned()),
        ("openai", "sk-0123456789abcdefg".to_owned()),
        ("anthropic", "sk-ant-0123456789abc".to_owned()),
        ("mistral", "mistral-0123456789ab".to_owned()),
    ];
    for (p, v) in good {
        assert_eq!(check(Some(p), &v), Ok(()), "{p}");
    }
    for p in [
        "tavily",
        "serper",
        "metaphor",
        "firecrawl",
        "stability",
        "wavespeed",
    ] {
        assert_eq!(check(Some(p), "0123456789"), Ok(()), "{p}");
    }
    assert_eq!(check(Some("hf_token"), "hf_abcdefgh"), Ok(()));
    assert_eq!(check(Some("google"), "0123456789"), Ok(()));
    assert_eq!(check(None, "0123456789"), Ok(()));
}

#[test]
fn prefixes_are_enforced_case_sensitively() {
    let long = "x".repeat(40);
    let cases = [
        ("gemini", "AIza"),
        ("copilotkit", "ck_pub_"),
        ("openai", "sk-"),
        ("anthropic", "sk-ant-"),
        ("mistral", "mistral-"),
    ];
    for (p, prefix) in cases {
        let err = check(Some(p), &format!("Q{long}")).unwrap_err();
        assert_eq!(err, format!("{p} keys start with `{prefix}`"));
        let lower = format!("{}{long}", prefix.to_ascii_lowercase());
        if lower.starts_with(prefix) {
            continue;
        }
        assert!(
            check(Some(p), &lower).is_err(),
            "{p} prefix must be case-sensitive"
        );
    }
}

#[test]
fn minimum_lengths_per_format() {
    let cases = [
        ("gemini", "AIza", 30),
        ("copilotkit", "ck_pub_", 20),
        ("openai", "sk-", 20),
        ("anthropic", "sk-ant-", 20),
        ("mistral", "mistral-", 20),
    ];
    for (p, prefix, min) in cases {
        let short = format!("{prefix}{}", "y".repeat(min - prefix.len() - 1));
        let exact = format!("{prefix}{}", "y".repeat(min - prefix.len()));
        let err = check(Some(p), &short).unwrap_err();
        assert_eq!(
            err,
            format!("key is {} characters; at least {min} required", min - 1)
        );
        assert_eq!(check(Some(p), &exact), Ok(()), "{p}");
    }
}

#[test]
fn every_key_needs_ten_characters() {
    for p in ["tavily", "serper", "firecrawl", "hf_token", "gemini", "exa"] {
        let err = check(Some(p), "abcdefg").unwrap_err();
        assert_eq!(err, "key is 7 characters; at least 10 required", "{p}");
    }
    assert!(check(None, "123456789").is_err());
    assert_eq!(
        check(None, "é".repeat(10).as_str()),
        Ok(()),
        "counts characters"
    );
}

#[test]
fn exa_needs_a_uuid() {
    let bad = [
        "0f8fad5bd9cb469fa16570867728950e",
        "0f8fad5b-d9cb-469f-a165-70867728950",
        "0f8fad5b-d9cb-469f-a165-70867728950e0",
        "0f8fad5b-d9cb-469f-a165-70867728950g",
        "{0f8fad5b-d9cb-469f-a165-70867728950e}",
        "0f8fad5b-d9cb-469f-a16-570867728950e",
        "0f8fad5b-d9cb-469f-a165-7086 728950e",
    ];
    for v in bad {
        let err = check(Some("exa"), v).unwrap_err();
        assert!(err.starts_with("exa keys are a UUID"), "{v}: {err}");
    }
}

#[test]
fn control_characters_and_surrounding_whitespace_are_refused() {
    let body = format!("AIza{}", "z".repeat(30));
    for v in [
        format!("{body}\n"),
        format!("a\tb{body}"),
        format!("{body}\u{7f}"),
    ] {
        for p in [Some("gemini"), Some("tavily"), None] {
            let err = check(p, &v).unwrap_err();
            assert!(err.contains("control character"), "{err}");
        }
    }
    for v in [
        format!(" {body}"),
        format!("{body} "),
        format!("{body}\u{a0}"),
    ] {
        for p in [Some("gemini"), None] {
            assert_eq!(
                check(p, &v).unwrap_err(),
                "key starts or ends with whitespace"
            );
        }
    }
    assert_eq!(check(None, "").unwrap_err(), "key is empty");
    assert_eq!(
        check(None, "0123 56789"),
        Ok(()),
        "inner spaces are the format's business"
    );
}

#[test]
fn reasons_never_contain_the_value() {
    let canary = "CANARYsecretvalue";
    for spec in all() {
        for v in [
            canary.to_owned(),
            format!("{canary}\n"),
            format!(" {canary}"),
            canary[..8].to_owned(),
        ] {
            if let Err(reason) = check_format(Some(spec), &Secret::new(v)) {
                assert!(!reason.contains("CANARY"), "{}: {reason}", spec.name);
            }
        }
    }
}

#[test]
fn registry_is_complete_and_consistent() {
    assert_eq!(all().len(), 14);
    for spec in all() {
        assert_eq!(lookup(&name(spec.name)), Some(spec));
        let min = match spec.format {
            KeyFormat::MinLen(n) | KeyFormat::Prefix { min_len: n, .. } => n,
            KeyFormat::Uuid => 36,
        };
        assert!(min >= MIN_KEY_CHARS, "{}", spec.name);
    }
    let required: Vec<_> = all()
        .iter()
        .filter(|s| s.required_by_default)
        .map(|s| s.name)
        .collect();
    assert_eq!(required, DEFAULT_REQUIRED);
    assert!(lookup(&name("ollama")).is_none());
}

#[test]
fn env_vars() {
    assert_eq!(env_var_for(&name("gemini")), "GEMINI_API_KEY");
    assert_eq!(env_var_for(&name("hf_token")), "HF_TOKEN");
    assert_eq!(env_var_for(&name("copilotkit")), "COPILOTKIT_API_KEY");
    assert_eq!(env_var_for(&name("hf")), "HF_API_KEY");
    assert_eq!(env_var_for(&name("deepseek")), "DEEPSEEK_API_KEY");
}

#[test]
fn descriptions() {
    let gemini = lookup(&name("gemini")).unwrap();
    assert_eq!(
        gemini.format.describe(),
        "starts with `AIza`, at least 30 characters"
    );
    assert_eq!(KeyFormat::MinLen(10).describe(), "at least 10 characters");
    assert!(KeyFormat::Uuid.describe().contains("UUID"));
}

#[test]
fn required_providers_parsing() {
    let names = |v: Option<&str>| -> Vec<String> {
        required_providers(v)
            .unwrap()
            .iter()
            .map(|n| n.to_string())
            .collect()
    };
    assert_eq!(names(None), DEFAULT_REQUIRED);
    assert_eq!(names(Some("")), DEFAULT_REQUIRED);
    assert_eq!(names(Some(" , ,")), DEFAULT_REQUIRED);
    assert_eq!(names(Some("gemini")), ["gemini"]);
    assert_eq!(
        names(Some(" Gemini , openai,,gemini ")),
        ["gemini", "openai"]
    );
    assert_eq!(
        names(Some("my_llm")),
        ["my_llm"],
        "unknown names are allowed"
    );
    let err = required_providers(Some("gemini,bad name")).unwrap_err();
    assert!(err.0.contains("ONBOARDCTL_REQUIRED_PROVIDERS"), "{err}");
    assert!(err.0.contains("`bad name`"), "{err}");
}
