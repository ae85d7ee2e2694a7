//! ALwrity HEAD's flat files: the `agent_context/step<N>_*.json` documents its agents read
//! **before** the database (their declared order is flat file, then database). ALwrity writes
//! one right after it commits that step's data row, so a document older than the row it was
//! made from, or a document whose row is gone, holds what the database no longer says.
//!
//! onboardctl reports such documents as stale (`session show`) and does not rewrite them:
//! a document carries ALwrity's derived `agent_summary` and a `schema_version`, both defined
//! by ALwrity's code and changed with it, and ALwrity computes the folder of these files
//! from its own install path (not from `ALWRITY_ROOT_DIR`), so onboardctl cannot know it
//! writes the copy ALwrity reads. Re-saving the step in ALwrity, or removing the document
//! (the agents then read the database), brings them back in step.

use std::path::PathBuf;

use serde::Serialize;
use time::macros::format_description;
use time::PrimitiveDateTime;

use super::super::records::Timestamp;

/// The documents of steps 2-5, by step (step 1 has none).
pub const CONTEXT_DOCUMENTS: [(u8, &str); 4] = [
    (2, "step2_website_analysis.json"),
    (3, "step3_research_preferences.json"),
    (4, "step4_persona_data.json"),
    (5, "step5_integrations.json"),
];

/// One document as found on disk.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ContextFile {
    /// The onboarding step it holds.
    pub step: u8,
    /// Where it is.
    pub path: PathBuf,
    /// Its `updated_at` (naive UTC, as ALwrity writes it), if readable.
    pub written_at: Option<Timestamp>,
}

/// A document that no longer says what the database says, and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct StaleContext {
    /// The step.
    pub step: u8,
    /// The file.
    pub path: PathBuf,
    /// One line: what changed.
    pub reason: String,
}

/// Whether `file` is stale given the `updated_at` of the step's data row (`None` when there
/// is no row). Step 5 has no row of its own (ALwrity keeps it only in the document), so it
/// is never stale by this rule; a document without a readable time is judged by whether the
/// row exists.
pub fn staleness(file: &ContextFile, row: Option<Option<Timestamp>>) -> Option<StaleContext> {
    let reason = match (row, file.written_at) {
        _ if file.step == 5 => return None,
        (None, _) => format!(
            "the database holds no step {} data; the document still does",
            file.step
        ),
        (Some(Some(changed)), Some(written)) if changed > written => format!(
            "the database's step {} data changed after the document was written",
            file.step
        ),
        (Some(Some(_)), None) => format!(
            "the document's `updated_at` is unreadable; the database holds step {} data",
            file.step
        ),
        _ => return None,
    };
    Some(StaleContext {
        step: file.step,
        path: file.path.clone(),
        reason,
    })
}

/// Python's `datetime.utcnow().isoformat()` (`YYYY-MM-DDTHH:MM:SS[.ffffff]`, no offset),
/// read as UTC.
pub fn parse_naive_utc(s: &str) -> Option<Timestamp> {
    let naive = format_description!(
        "[year]-[month]-[day]T[hour]:[minute]:[second][optional [.[subsecond]]]"
    );
    PrimitiveDateTime::parse(s, naive)
        .ok()
        .map(PrimitiveDateTime::assume_utc)
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn file(step: u8, written: Option<Timestamp>) -> ContextFile {
        ContextFile {
            step,
            path: PathBuf::from(format!("agent_context/step{step}.json")),
            written_at: written,
        }
    }

    #[test]
    fn a_document_written_after_its_row_is_current() {
        let row = datetime!(2026-12-01 10:00:00 UTC);
        let doc = file(2, Some(datetime!(2026-12-01 10:00:00.5 UTC)));
        assert_eq!(staleness(&doc, Some(Some(row))), None);
        assert_eq!(staleness(&doc, Some(None)), None, "a row without a time");
    }

    #[test]
    fn a_row_changed_later_or_gone_makes_it_stale() {
        let doc = file(3, Some(datetime!(2026-12-01 10:00:00 UTC)));
        let later = Some(Some(datetime!(2026-12-01 10:00:01 UTC)));
        assert!(staleness(&doc, later)
            .unwrap()
            .reason
            .contains("changed after"));
        assert!(staleness(&doc, None).unwrap().reason.contains("no step 3"));
        assert!(staleness(&file(4, None), later).is_some());
    }

    #[test]
    fn step_5_is_never_stale() {
        assert_eq!(staleness(&file(5, None), None), None);
    }

    #[test]
    fn python_isoformat_parses_with_and_without_microseconds() {
        assert_eq!(
            parse_naive_utc("2026-12-01T10:00:00"),
            Some(datetime!(2026-12-01 10:00:00 UTC))
        );
        assert_eq!(
            parse_naive_utc("2026-12-01T10:00:00.000250"),
            Some(datetime!(2026-12-01 10:00:00.000250 UTC))
        );
        assert_eq!(parse_naive_utc("2026-12-01 10:00:00+00:00"), None);
    }
}
