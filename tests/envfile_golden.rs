//! Golden tests of the `.env` editor on real-looking files, through the real [`update`]
//! path: comments, `export`, CRLF, duplicates (one spanning lines), no final newline, an
//! empty file, a missing file; set and remove, compared with the expected bytes.

use std::fs;
use std::path::PathBuf;

use onboardctl::domain::Secret;
use onboardctl::envfile::{read_vars, update, Edit, UpdateReport};

const BACKEND: &str = "\
# ALwrity backend configuration
DEPLOY_ENV=local
DATABASE_URL=sqlite:///./alwrity.db

# AI providers
export GEMINI_API_KEY=AIzaOLDOLDOLD   # from AI Studio
EXA_API_KEY='0b7a3c9e-0000-4c5b-8a9e-123456789abc'
  GEMINI_API_KEY = \"AIza
multi-line duplicate\"
OPENAI_API_KEY=
GEMINI_API_KEY=third
# end
";

fn set(var: &str, value: &str) -> Edit {
    Edit::Set(var.into(), Secret::new(value.into()))
}

/// Writes `before` (unless `None`: missing file), applies `edits`, returns the bytes after.
fn edit(before: Option<&str>, edits: &[Edit]) -> (Option<String>, UpdateReport) {
    let dir = tempfile::tempdir().unwrap();
    let path: PathBuf = dir.path().join(".env");
    if let Some(text) = before {
        fs::write(&path, text).unwrap();
    }
    let report = update(&path, edits).unwrap();
    (fs::read_to_string(&path).ok(), report)
}

fn after(before: Option<&str>, edits: &[Edit]) -> String {
    edit(before, edits).0.expect("file exists")
}

#[test]
fn set_replaces_the_first_and_drops_duplicates() {
    let expected = "\
# ALwrity backend configuration
DEPLOY_ENV=local
DATABASE_URL=sqlite:///./alwrity.db

# AI providers
export GEMINI_API_KEY=AIzaSyNEW-key_123 # from AI Studio
EXA_API_KEY='0b7a3c9e-0000-4c5b-8a9e-123456789abc'
OPENAI_API_KEY=
# end
";
    assert_eq!(
        after(Some(BACKEND), &[set("GEMINI_API_KEY", "AIzaSyNEW-key_123")]),
        expected
    );
}

#[test]
fn remove_drops_every_assignment_and_nothing_else() {
    let expected = "\
# ALwrity backend configuration
DEPLOY_ENV=local
DATABASE_URL=sqlite:///./alwrity.db

# AI providers
EXA_API_KEY='0b7a3c9e-0000-4c5b-8a9e-123456789abc'
OPENAI_API_KEY=
# end
";
    let edits = [Edit::Remove("GEMINI_API_KEY".into())];
    assert_eq!(after(Some(BACKEND), &edits), expected);
}

#[test]
fn several_edits_apply_in_order_in_one_write() {
    let edits = [
        set("EXA_API_KEY", "1f2d3c4b-aaaa-bbbb-cccc-123456789abc"),
        set("COPILOTKIT_API_KEY", "ck_pub_0123456789abcdef"),
        Edit::Remove("OPENAI_API_KEY".into()),
        Edit::Remove("DEPLOY_ENV".into()),
    ];
    let out = after(Some(BACKEND), &edits);
    let expected_tail = "\
EXA_API_KEY=1f2d3c4b-aaaa-bbbb-cccc-123456789abc
  GEMINI_API_KEY = \"AIza
multi-line duplicate\"
GEMINI_API_KEY=third
# end
COPILOTKIT_API_KEY=ck_pub_0123456789abcdef
";
    assert!(out.ends_with(expected_tail), "{out}");
    assert!(
        out.starts_with("# ALwrity backend configuration\nDATABASE_URL="),
        "{out}"
    );
}

#[test]
fn crlf_is_kept_on_replaced_and_appended_lines() {
    let before = "# keys\r\nEXA_API_KEY=old\r\n\r\nB='x'\r\n";
    let edits = [
        set("EXA_API_KEY", "new value"),
        set("GEMINI_API_KEY", "AIzaX"),
    ];
    let expected = "# keys\r\nEXA_API_KEY='new value'\r\n\r\nB='x'\r\nGEMINI_API_KEY=AIzaX\r\n";
    assert_eq!(after(Some(before), &edits), expected);
}

#[test]
fn a_missing_final_newline_is_added_before_appending() {
    let before = "A=1\n# last line has no newline";
    let expected = "A=1\n# last line has no newline\nGEMINI_API_KEY=AIzaX\n";
    assert_eq!(
        after(Some(before), &[set("GEMINI_API_KEY", "AIzaX")]),
        expected
    );
    // Replacing the unterminated last line keeps it unterminated.
    assert_eq!(after(Some("A=1\nB=2"), &[set("B", "3")]), "A=1\nB=3");
}

#[test]
fn empty_and_missing_files() {
    assert_eq!(
        after(Some(""), &[set("GEMINI_API_KEY", "AIzaX")]),
        "GEMINI_API_KEY=AIzaX\n"
    );
    let (text, report) = edit(None, &[set("GEMINI_API_KEY", "AIzaX")]);
    assert_eq!(text.as_deref(), Some("GEMINI_API_KEY=AIzaX\n"));
    assert!(report.created && report.changed);
    // Removing from a missing file creates nothing.
    let (text, report) = edit(None, &[Edit::Remove("GEMINI_API_KEY".into())]);
    assert_eq!((text, report.changed), (None, false));
    let (text, report) = edit(Some(""), &[Edit::Remove("GEMINI_API_KEY".into())]);
    assert_eq!((text.as_deref(), report.changed), (Some(""), false));
}

#[test]
fn each_quoting_form_on_disk() {
    let pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADAN\n-----END PRIVATE KEY-----\n";
    let edits = [
        set("PLAIN", "sk-ant-api03_abc"),
        set("SPACES", "a b # c $HOME"),
        set("PEM", pem),
        set("QUOTE", "it's \"quoted\" \\ here"),
        set("PATHS", "C:\\path\\to"),
        set("DOLLAR", "$HOME"),
        set("EMPTY", ""),
    ];
    let expected = "\
PLAIN=sk-ant-api03_abc
SPACES='a b # c $HOME'
PEM='-----BEGIN PRIVATE KEY-----
MIIEvQIBADAN
-----END PRIVATE KEY-----
'
QUOTE=\"it's \\\"quoted\\\" \\\\ here\"
PATHS='C:\\path\\to'
DOLLAR='$HOME'
EMPTY=
";
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    update(&path, &edits).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), expected);
    let vars = read_vars(&path).unwrap();
    assert_eq!(vars["PEM"].expose(), pem);
    assert_eq!(vars["PATHS"].expose(), "C:\\path\\to");
    assert_eq!(vars["QUOTE"].expose(), "it's \"quoted\" \\ here");
}

#[test]
fn frontend_layout_key() {
    let before = "REACT_APP_API_BASE_URL=http://localhost:8000\n";
    let edits = [set("REACT_APP_COPILOTKIT_API_KEY", "ck_pub_0123")];
    let expected =
        "REACT_APP_API_BASE_URL=http://localhost:8000\nREACT_APP_COPILOTKIT_API_KEY=ck_pub_0123\n";
    assert_eq!(after(Some(before), &edits), expected);
}

/// A file in ALwrity's dialect that dotenvy refused: every line python-dotenv accepts stays,
/// the key is replaced where python-dotenv sees it (not appended as a second copy).
#[test]
fn python_dotenv_only_lines_are_kept_and_the_key_replaced_in_place() {
    let before = "\u{feff}# ALwrity\r\nOTHER=keep me\r\nAPOS=it's\r\nGEMINI_API_KEY=AIzaOLD\r\n\
                  BACKSL=C:\\path\\to\r\nA=1  # don't\r\nNOVALUE\r\nJSONV={\"a\": 1}\r\n";
    let edits = [set("GEMINI_API_KEY", "AIzaFAKE_NEW")];
    assert_eq!(
        after(Some(before), &edits),
        before.replace("AIzaOLD", "AIzaFAKE_NEW")
    );
    let removed = after(Some(before), &[Edit::Remove("GEMINI_API_KEY".into())]);
    assert_eq!(removed, before.replace("GEMINI_API_KEY=AIzaOLD\r\n", ""));
}

#[test]
fn a_value_no_spelling_fits_is_refused_and_the_file_kept() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    fs::write(&path, "A=1\n").unwrap();
    let err = update(&path, &[set("A", "2"), set("BOTH", "it's $HOME")]).unwrap_err();
    assert!(err.to_string().contains("both `'` and `$`"), "{err}");
    assert_eq!(fs::read_to_string(&path).unwrap(), "A=1\n");
}
