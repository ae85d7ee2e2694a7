//! `doctor` on the workspace fixture: its anomalies are findings (the shadowed files, the
//! two ids that sanitise alike in one file, the corrupt file, every file not attached), the
//! run exits 6, and the whole tree stays byte-identical, names included.

use serde_json::Value;

use crate::fixture::{ids::*, Workspace};
use crate::{assert_code, shown};

fn codes_for<'a>(report: &'a Value, code: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["code"] == code)
        .collect()
}

#[test]
fn doctor_reports_the_workspace_anomalies_and_changes_nothing() {
    let ws = Workspace::build();
    let before = ws.snapshot();
    let out = ws.cli().run(&["--json", "doctor"]);
    assert_code(&out, 6, &["doctor"]);
    before.assert_unchanged(&ws.snapshot(), "doctor");
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(report["database"]["backend"], "workspace");

    let shadowed: Vec<String> = codes_for(&report, "shadowed_file")
        .iter()
        .map(|f| f["subject"].as_str().unwrap().to_owned())
        .collect();
    let mut want: Vec<String> = ws.shadowed().iter().map(|p| shown(p)).collect();
    want.sort();
    let mut got = shadowed.clone();
    got.sort();
    assert_eq!(got, want);

    let colliding = codes_for(&report, "colliding_ids");
    assert_eq!(colliding.len(), 1, "{report:#}");
    assert_eq!(colliding[0]["subject"], shown(&ws.file(SANITISED)));
    assert_eq!(colliding[0]["severity"], "warning");

    let unreadable = codes_for(&report, "unreadable_file");
    assert!(
        unreadable
            .iter()
            .any(|f| f["subject"] == shown(&ws.file(CORRUPT))),
        "{report:#}"
    );
    assert!(unreadable.iter().all(|f| f["severity"] == "error"));
    // Every readable ALwrity file is still to attach: info, one per file.
    let attach = codes_for(&report, "not_attached");
    assert!(attach.len() >= 9, "{report:#}");
    assert!(attach.iter().all(|f| f["severity"] == "info"));
    // ALwrity's files keep the rollback journal: not a finding.
    assert!(codes_for(&report, "journal_not_wal").is_empty());

    let text = ws.cli().run(&["doctor"]);
    assert_code(&text, 6, &["doctor"]);
    before.assert_unchanged(&ws.snapshot(), "doctor (human)");
}

/// After `db migrate`, no file of the workspace is still reported as not attached.
#[test]
fn doctor_on_an_attached_workspace_reports_no_file_to_attach() {
    let ws = Workspace::build();
    ws.cli().run(&["db", "migrate", "--yes"]);
    let out = ws.cli().run(&["--json", "doctor"]);
    let report: Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let attach = codes_for(&report, "not_attached");
    assert!(
        attach.is_empty(),
        "{:#}",
        Value::Array(attach.into_iter().cloned().collect())
    );
}
