//! The `.env` editor's values read back exactly through a POSIX shell (`set -a; . ./.env`),
//! for a list of nasty values and a sampled proptest set, with dash (`sh`) and bash. The
//! fixed list also goes through python-dotenv (ALwrity's own reader) for the forms it shares
//! with sh and dotenvy. Files are written with the real [`update`] path.

use std::path::Path;
use std::process::Command;

use onboardctl::domain::Secret;
use onboardctl::envfile::{update, Edit};
use proptest::prelude::*;

const VAR: &str = "GEMINI_API_KEY";
const SURROUNDING: &str = "# ALwrity backend\n\nexport A=1\nB='x y # z'\nGEMINI_API_KEY=old\n";

const NASTY: &[&str] = &[
    "",
    "AIzaSyFAKE0123456789",
    "with space",
    " leading and trailing ",
    "#hash",
    "a #b",
    "it's",
    "'",
    "''",
    "\"",
    "\"'\"",
    "$HOME",
    "${HOME}",
    "$(id)",
    "`id`",
    "it's $HOME",
    "'`'",
    "\\",
    "\\\\",
    "back\\slash",
    "\\n",
    "\\'",
    "\\$",
    "tab\there",
    "trailing newline\n",
    "\n",
    "\n\n",
    "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBg+kqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\n",
    "cr\rhere",
    "crlf\r\ninside",
    "\r",
    "ünïcödé 中文 😀",
    "~/tilde",
    "a:~/b",
    "*.glob?[x]",
    "{a,b}",
    "!bang",
    "semi;colon&amp|pipe<>",
    "\u{1}\u{2}\u{1b}[0m\u{7f}",
    "\u{85}\u{a0}\u{2028}\u{feff}",
    "=leading=equals",
    "-dash",
    "%percent%",
];

/// Whether `program` runs here.
fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Writes `value` into a copy of [`SURROUNDING`] and returns the directory.
fn write(value: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    std::fs::write(&path, SURROUNDING).unwrap();
    let edit = Edit::Set(VAR.into(), Secret::new(value.into()));
    update(&path, &[edit]).expect("value accepted");
    dir
}

/// What `program args…` prints, run in `dir` without the variable in its environment.
fn run(dir: &Path, program: &str, args: &[&str]) -> Vec<u8> {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        .env_remove(VAR)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{program}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

const SOURCE: &str = "set -a; . ./.env; printf %s \"$GEMINI_API_KEY\"";

fn check_shells(value: &str) -> Result<(), TestCaseError> {
    let dir = write(value);
    for shell in ["sh", "bash"] {
        let got = run(dir.path(), shell, &["-c", SOURCE]);
        prop_assert_eq!(
            String::from_utf8_lossy(&got),
            value,
            "{} read back a different value",
            shell
        );
    }
    Ok(())
}

#[test]
fn nasty_values_read_back_through_sh_and_bash() {
    assert!(available("sh", &["-c", "true"]), "sh is required");
    for value in NASTY {
        check_shells(value).unwrap_or_else(|e| panic!("{value:?}: {e}"));
    }
}

/// python-dotenv shares the bare, single-quoted and double-quoted forms, not the
/// concatenation used when a value has both `'`/`\` and `$`/backtick; it expands `${…}` in
/// every form, and Python's text mode turns CR into LF.
#[test]
fn nasty_values_read_back_through_python_dotenv() {
    if !available("python3", &["-c", "import dotenv"]) {
        eprintln!("skipped: python3 with python-dotenv is not available");
        return;
    }
    let script = "import sys; from dotenv import dotenv_values; \
                  sys.stdout.buffer.write(dotenv_values('.env')['GEMINI_API_KEY'].encode())";
    let shared = |v: &&&str| {
        let concatenated = v.contains(['\'', '\\']) && v.contains(['$', '`']);
        !v.contains('\r') && !v.contains("${") && !concatenated
    };
    let mut checked = 0;
    for value in NASTY.iter().filter(shared) {
        let dir = write(value);
        let got = run(dir.path(), "python3", &["-c", script]);
        assert_eq!(String::from_utf8_lossy(&got), *value, "python-dotenv");
        checked += 1;
    }
    assert!(checked > 30, "{checked}");
}

fn value_char() -> impl Strategy<Value = char> {
    let nasty = vec![
        '\'', '"', '\\', '$', '`', '#', ' ', '\t', '\n', '\r', '!', '~', '*', '{', '}', '(', ')',
        ';', '&', '|', '<', '>', '=', 'é', '😀', '\u{1}', '\u{7f}',
    ];
    prop_oneof![
        10 => prop::sample::select(nasty),
        3 => any::<char>().prop_filter("no NUL", |c| *c != '\0'),
        6 => prop::char::range('a', 'z'),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn sampled_values_read_back_through_sh_and_bash(
        value in prop::collection::vec(value_char(), 0..24).prop_map(String::from_iter),
    ) {
        check_shells(&value)?;
    }
}
