//! ALwrity HEAD's `agent_context/` documents, which its agents read before the database.
//! onboardctl never rewrites them; `session show` reports a document as stale when the
//! step's data row changed after the document was written, or is gone, and is silent
//! otherwise (a document of another user, or one that is not JSON, ALwrity skips itself).
//! `session delete` lists them among the files it leaves.

use std::path::{Path, PathBuf};

use crate::head::{users::*, AlwrityFile};
use crate::{stdout, Cli};

const STEP2: &str = "step2_website_analysis.json";
const STEP3: &str = "step3_research_preferences.json";

/// A document as ALwrity's flat-context store writes it (only the fields read here matter).
fn write_doc(folder: &Path, name: &str, user: &str, updated_at: &str) -> PathBuf {
    let dir = folder.join("agent_context");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let doc = serde_json::json!({
        "schema_version": "1.3",
        "context_type": "onboarding_step2_website_analysis",
        "user_id": user,
        "updated_at": updated_at,
        "data": {"website_url": "https://api3.example.com"},
    });
    std::fs::write(&path, doc.to_string()).unwrap();
    path
}

fn setup() -> (AlwrityFile, Cli, PathBuf) {
    let file = AlwrityFile::head_in_workspace();
    let cli = file.cli();
    let folder = file.workspace_folder().unwrap().to_path_buf();
    (file, cli, folder)
}

fn stale(cli: &Cli) -> Vec<serde_json::Value> {
    let doc = cli.json(&["session", "show", API3]);
    doc.get("stale_context")
        .map(|v| v.as_array().unwrap().clone())
        .unwrap_or_default()
}

#[test]
fn documents_written_after_their_rows_are_not_reported() {
    let (file, cli, folder) = setup();
    write_doc(&folder, STEP2, API3, "2026-06-01T00:00:00.000001");
    write_doc(&folder, STEP3, API3, "2026-06-01T00:00:00");
    let bytes = file.snapshot();
    assert_eq!(stale(&cli), Vec::<serde_json::Value>::new());
    bytes.assert_unchanged(&file.snapshot(), "session show with flat files");
}

#[test]
fn an_onboardctl_write_of_step_2_data_makes_the_document_stale_and_leaves_it() {
    let (file, cli, folder) = setup();
    let doc = write_doc(&folder, STEP2, API3, "2026-06-01T00:00:00");
    let before = std::fs::read(&doc).unwrap();
    cli.attach();
    let site = file.root.join("site.json");
    std::fs::write(
        &site,
        r#"{"website": "https://api3.example.com", "analysis": {"writing_style": {"tone": "dry"}}}"#,
    )
    .unwrap();
    cli.ok(&["analysis", "set", API3, "--file", site.to_str().unwrap()]);
    let found = stale(&cli);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0]["step"], 2);
    assert_eq!(found[0]["path"], doc.to_str().unwrap());
    assert!(found[0]["reason"]
        .as_str()
        .unwrap()
        .contains("changed after"));
    let human = cli.ok(&["session", "show", API3]);
    assert!(
        human.contains("stale_context") && human.contains(STEP2),
        "{human}"
    );
    assert_eq!(
        std::fs::read(&doc).unwrap(),
        before,
        "the document is not rewritten"
    );
}

#[test]
fn a_document_whose_row_is_gone_is_stale() {
    let (_file, cli, folder) = setup();
    write_doc(&folder, STEP2, API3, "2999-01-01T00:00:00");
    cli.attach();
    cli.ok(&["session", "reset", API3, "--purge", "--yes"]);
    let found = stale(&cli);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]["reason"]
        .as_str()
        .unwrap()
        .contains("no step 2 data"));
}

#[test]
fn documents_alwrity_would_skip_are_not_reported() {
    let (_file, cli, folder) = setup();
    // Another user's document (ALwrity checks the id), and one that is not JSON.
    write_doc(&folder, STEP2, "user_2other", "2000-01-01T00:00:00");
    std::fs::write(folder.join("agent_context").join(STEP3), b"{not json").unwrap();
    assert_eq!(stale(&cli), Vec::<serde_json::Value>::new());
}

#[test]
fn session_delete_lists_the_flat_files_it_leaves() {
    let (file, cli, folder) = setup();
    let doc = write_doc(&folder, STEP2, API3, "2026-06-01T00:00:00");
    let plan = cli.json(&["session", "delete", API3, "--dry-run"]);
    assert_eq!(plan["deleted"], false);
    assert_eq!(plan["folder"], folder.to_str().unwrap());
    let left: Vec<&str> = plan["files_left"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert!(
        left.contains(&"agent_context/step2_website_analysis.json"),
        "{left:?}"
    );
    assert!(
        !left.iter().any(|f| f.ends_with(".db")),
        "the database is not a file left: {left:?}"
    );
    cli.attach();
    let out = cli.run(&["session", "delete", API3, "--yes"]);
    let text = format!("{}{}", stdout(&out), crate::stderr(&out));
    assert!(
        text.contains("left: file") && text.contains(STEP2),
        "{text}"
    );
    assert!(doc.exists(), "flat files stay");
    drop(file);
}
