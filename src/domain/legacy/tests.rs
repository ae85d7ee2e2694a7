//! Unit tests of file-name classification and parsing of legacy progress files. The fixtures
//! under `tests/fixtures/legacy/` follow docs/ALWRITY.md
//! "Legacy progress files" and hold only fake keys.

use serde_json::json;
use time::macros::{datetime, offset};

use super::parse::parse_timestamp;
use super::*;
use crate::domain::ids::StepStatus;

macro_rules! fixture {
    ($name:literal) => {
        include_bytes!(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/legacy/",
            $name
        ))
    };
}
pub(super) use fixture;

fn parse_json(v: serde_json::Value) -> Result<LegacyProgress, LegacyError> {
    parse(v.to_string().as_bytes())
}

#[test]
fn file_names_per_user_global_and_other() {
    let per_user = |s: &str| UserIdHint::PerUser(s.into());
    assert_eq!(
        user_from_file_name(".onboarding_progress_user_2abcDEF.json"),
        per_user("user_2abcDEF")
    );
    assert_eq!(
        user_from_file_name("backend/.onboarding_progress_user_a_b_com.json"),
        per_user("user_a_b_com"),
        "a path counts by its last component; the sanitised id is taken verbatim"
    );
    assert_eq!(
        user_from_file_name(".onboarding_progress_42.json"),
        per_user("42")
    );
    assert_eq!(
        user_from_file_name(".onboarding_progress_a@b.com.json"),
        per_user("a@b.com"),
        "unsanitised names (b1ebe103+) too"
    );
    for global in [".onboarding_progress.json", "/x/.onboarding_progress_.json"] {
        assert_eq!(user_from_file_name(global), UserIdHint::Global, "{global}");
    }
    for other in [
        "onboarding_progress_u.json",
        ".onboarding_progress_u.json.bak",
        ".onboarding_progressX.json",
        ".Onboarding_progress_u.json",
        ".onboarding_progress_u.JSON",
        "progress.json",
        "",
    ] {
        assert_eq!(user_from_file_name(other), UserIdHint::NotLegacy, "{other}");
    }
}

#[test]
fn resolve_user_needs_user_only_without_id_in_name() {
    let given: UserId = "user_given".parse().unwrap();
    let per_user = UserIdHint::PerUser("user_file".into());
    assert_eq!(resolve_user(&per_user, None).unwrap().as_str(), "user_file");
    assert_eq!(
        resolve_user(&per_user, Some(&given)).unwrap().as_str(),
        "user_file",
        "--user does not override a per-user name"
    );
    assert_eq!(
        resolve_user(&UserIdHint::Global, None),
        Err(LegacyError::NeedUser)
    );
    assert_eq!(
        resolve_user(&UserIdHint::NotLegacy, Some(&given)).unwrap(),
        given
    );
    let too_long = UserIdHint::PerUser("u".repeat(300));
    assert!(matches!(
        resolve_user(&too_long, None),
        Err(LegacyError::BadUserId(_))
    ));
}

#[test]
fn full_file_parses_every_key() {
    let p = parse(fixture!("full.json")).unwrap();
    assert!(p.steps.iter().all(|s| s.status == StepStatus::Completed));
    assert_eq!(p.current_step, Some(6));
    assert!(p.is_completed);
    assert_eq!(
        p.started_at,
        Some(datetime!(2025-09-29 17:22:14.375002 UTC))
    );
    assert_eq!(
        p.last_updated,
        Some(datetime!(2025-10-05 09:41:30.250113 UTC))
    );
    assert_eq!(p.completed_at, Some(datetime!(2025-10-05 09:41:30.25 UTC)));
    assert_eq!(p.steps[4].data, None, "step 5 data null");
    assert_eq!(p.steps[5].data, Some(json!({})));
    let names: Vec<&str> = p.step1_keys.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["copilotkit", "exa", "gemini"]);
    assert_eq!(
        p.steps[0].data.as_ref().unwrap()["api_keys"]["exa"],
        json!("************0000"),
        "stored step data holds the mask"
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
}

#[test]
fn timestamps_naive_with_or_without_fraction_and_aware() {
    let utc = offset!(UTC);
    assert_eq!(
        parse_timestamp("2025-09-29T17:22:14.375002", utc),
        Some(datetime!(2025-09-29 17:22:14.375002 UTC))
    );
    assert_eq!(
        parse_timestamp("2025-08-07T10:05:00", utc),
        Some(datetime!(2025-08-07 10:05:00 UTC))
    );
    assert_eq!(
        parse_timestamp("2025-08-06T13:00:00.100Z", offset!(+2)),
        Some(datetime!(2025-08-06 13:00:00.1 UTC)),
        "an explicit zone wins over the assumed offset"
    );
    assert_eq!(
        parse_timestamp("2025-08-06T13:00:00+02:00", utc),
        Some(datetime!(2025-08-06 11:00:00 UTC))
    );
    for bad in [
        "2025-09-29",
        "2025-09-29 17:22:14",
        "29/09/2025",
        "2025-13-01T00:00:00",
        "",
    ] {
        assert_eq!(parse_timestamp(bad, utc), None, "{bad}");
    }
    let p = parse_with_offset(fixture!("full.json"), offset!(+2)).unwrap();
    assert_eq!(
        p.started_at,
        Some(datetime!(2025-09-29 15:22:14.375002 UTC))
    );
}

#[test]
fn missing_keys_take_the_loader_defaults() {
    let p = parse(fixture!("missing_keys.json")).unwrap();
    assert_eq!(p.current_step, None);
    assert!(!p.is_completed);
    assert_eq!(
        (p.started_at, p.last_updated, p.completed_at),
        (None, None, None)
    );
    assert_eq!(p.steps[0].status, StepStatus::Completed);
    assert_eq!(
        p.steps[1].status,
        StepStatus::Pending,
        "status defaults to pending"
    );
    assert!(p.steps[2..]
        .iter()
        .all(|s| s.status == StepStatus::Pending && s.data.is_none()));
    let empty = parse(b"{}").unwrap();
    assert!(empty.steps.iter().all(|s| s.validation_errors.is_empty()));
    let nulls =
        json!({"steps": null, "current_step": null, "is_completed": null, "started_at": null});
    assert_eq!(parse_json(nulls).unwrap(), empty, "null counts as missing");
}

#[test]
fn unknown_status_rejects_the_file() {
    let err = parse(fixture!("failed_status.json")).unwrap_err();
    assert_eq!(
        err,
        LegacyError::UnknownStatus {
            step: 3,
            status: "failed".into()
        }
    );
    assert!(err
        .to_string()
        .starts_with("step 3 has the status `failed`"));
    let cased = json!({"steps": [{"step_number": 1, "status": "Completed"}]});
    assert!(matches!(
        parse_json(cased),
        Err(LegacyError::UnknownStatus { step: 1, .. })
    ));
}

#[test]
fn malformed_json_reports_line_and_column() {
    let err = parse(fixture!("malformed.json")).unwrap_err();
    let LegacyError::Json { line, column, msg } = &err else {
        panic!("{err:?}");
    };
    assert_eq!((*line, *column), (5, 7));
    assert!(!msg.contains("line"), "position only once: {msg}");
    assert!(err
        .to_string()
        .starts_with("malformed json at line 5, column 7: "));
    let truncated = parse(fixture!("truncated.json")).unwrap_err();
    assert!(
        matches!(truncated, LegacyError::Json { line: 7, .. }),
        "{truncated:?}"
    );
}

#[test]
fn wrong_types_are_shape_errors_that_quote_no_value() {
    let cases = [
        json!(["steps"]),
        json!({"current_step": "2"}),
        json!({"is_completed": "yes"}),
        json!({"steps": {"1": {}}}),
        json!({"steps": ["SECRET-ish"]}),
        json!({"steps": [{"step_number": 1, "status": 3}]}),
        json!({"steps": [{"step_number": 1, "validation_errors": ["ok", 4]}]}),
        json!({"started_at": 1_700_000_000}),
    ];
    for case in cases {
        let err = parse_json(case.clone()).unwrap_err();
        assert!(matches!(err, LegacyError::Shape(_)), "{case}: {err:?}");
        assert!(!err.to_string().contains("SECRET"), "{err}");
    }
}

#[test]
fn unreadable_timestamps_reject_the_file() {
    let bad = json!({"steps": [{"step_number": 2, "completed_at": "yesterday"}]});
    assert_eq!(
        parse_json(bad).unwrap_err(),
        LegacyError::BadTimestamp {
            field: "steps[0].completed_at".into(),
            value: "yesterday".into()
        }
    );
    let long = json!({"last_updated": "x".repeat(100)});
    let err = parse_json(long).unwrap_err().to_string();
    assert!(err.len() < 120, "long values are shortened: {err}");
}

#[test]
fn odd_step_entries_are_ignored_or_overridden_with_warnings() {
    let v = json!({"steps": [
        {"step_number": 7, "status": "completed"},
        {"title": "no number"},
        {"step_number": 2, "status": "completed"},
        {"step_number": 2, "status": "skipped"}
    ]});
    let p = parse_json(v).unwrap();
    assert_eq!(
        p.steps[1].status,
        StepStatus::Skipped,
        "the last entry wins"
    );
    assert_eq!(p.warnings.len(), 3, "{:?}", p.warnings);
    assert!(p.steps.iter().filter(|s| s.status.is_done()).count() == 1);
}

#[test]
fn byte_order_mark_is_skipped() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(fixture!("missing_keys.json"));
    assert!(parse(&bytes).is_ok());
}

#[test]
fn an_unfinished_step_loses_a_stale_completed_at() {
    let v = json!({"steps": [{"step_number": 3, "status": "in_progress",
                              "completed_at": "2025-10-01T08:00:00.000001"}]});
    let p = parse_json(v).unwrap();
    assert!(p.steps[2].completed_at.is_some(), "parsed as written");
    let now = datetime!(2026-01-01 00:00 UTC);
    let i = to_import(&p, &"u".parse().unwrap(), now).unwrap();
    assert_eq!(i.onboarding.steps[2].completed_at, None);
    assert!(i
        .warnings
        .iter()
        .any(|w| w.contains("step 3 is in_progress")));
}
