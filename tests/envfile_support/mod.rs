//! Shared by the `.env` tests: the real readers as oracles. python-dotenv (ALwrity's reader)
//! runs in one `python3` process per batch of files, so thousands of cases take a second;
//! dotenvy is called in-process; sh reads files through `set -a; . ./F`.
//!
//! Without python-dotenv the python checks print a notice and skip, except when `CI` is set:
//! there they fail, so CI can never pass without having run them.

#![allow(dead_code)]

use std::collections::BTreeMap;
use std::io::Write;
use std::process::{Command, Stdio};

/// How python-dotenv read one statement (`dotenv.parser.parse_stream`), text normalized to
/// `\n` line breaks as Python's text mode hands it over.
#[derive(Debug, Clone, PartialEq, Eq, serde::Deserialize)]
pub struct PyBinding {
    pub text: String,
    pub key: Option<String>,
    pub value: Option<String>,
    pub error: bool,
}

/// What python-dotenv made of one file.
#[derive(Debug, Clone, serde::Deserialize)]
pub struct PyReading {
    /// Its statements.
    pub bindings: Vec<PyBinding>,
    /// `load_dotenv(path)` (override=False, interpolate=True): the environment afterwards,
    /// which started as the case's environment only; `None` when it raised (a name the
    /// process environment cannot hold, which would stop ALwrity's own start-up too).
    pub loaded: Option<BTreeMap<String, String>>,
    /// `dotenv_values(path)` in an empty environment, in file order.
    pub values: Vec<(String, Option<String>)>,
}

const SCRIPT: &str = r#"
import json, logging, os, sys, tempfile
from dotenv import dotenv_values, load_dotenv
from dotenv.parser import parse_stream
logging.disable(logging.CRITICAL)
cases = json.load(sys.stdin)
path = os.path.join(tempfile.mkdtemp(), ".env")
out = []
for case in cases:
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(case["text"])
    with open(path, encoding="utf-8") as f:
        bindings = [{"text": b.original.string, "key": b.key, "value": b.value,
                     "error": b.error} for b in parse_stream(f)]
    os.environ.clear()
    values = list(dotenv_values(path).items())
    os.environ.update(case["env"])
    try:
        load_dotenv(path)
        loaded = dict(os.environ)
    except ValueError:
        # A name os.environ refuses (ALwrity's own start-up would fail the same way).
        loaded = None
    os.environ.clear()
    out.append({"bindings": bindings, "values": values, "loaded": loaded})
json.dump(out, sys.stdout)
"#;

/// Whether python3 with python-dotenv is here; panics under `CI` when it is not.
pub fn python_dotenv() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import dotenv"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        assert!(
            std::env::var_os("CI").is_none(),
            "CI is set but python3 cannot import dotenv: `pip install python-dotenv`"
        );
        eprintln!("notice: skipped, python3 with python-dotenv is not available");
    }
    ok
}

/// python-dotenv's reading of each `(text, environment)`.
pub fn read_batch(cases: &[(String, Vec<(String, String)>)]) -> Vec<PyReading> {
    let input: Vec<serde_json::Value> = cases
        .iter()
        .map(|(text, env)| {
            let env: BTreeMap<&str, &str> =
                env.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
            serde_json::json!({ "text": text, "env": env })
        })
        .collect();
    let mut child = Command::new("python3")
        .args(["-c", SCRIPT])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("python3 runs");
    let body = serde_json::to_vec(&input).unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = std::thread::spawn(move || stdin.write_all(&body));
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap().unwrap();
    assert!(
        out.status.success(),
        "python-dotenv: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("python's JSON")
}

/// Text as Python's text mode reads it: `\r\n` and `\r` become `\n`.
pub fn normalized(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// What dotenvy reads from `text` alone.
pub fn dotenvy_pairs(text: &str) -> Result<Vec<(String, String)>, String> {
    dotenvy::from_read_iter(text.as_bytes())
        .collect::<Result<_, _>>()
        .map_err(|e| e.to_string())
}

/// The value sh (and bash) give `var` after `set -a; . ./file` for each file in `files`,
/// all in one shell per program: `None` where sourcing failed or left it unset.
pub fn sh_values(program: &str, var: &str, files: &[String]) -> Vec<Option<Vec<u8>>> {
    let dir = tempfile::tempdir().unwrap();
    let mut script = String::new();
    for (i, text) in files.iter().enumerate() {
        std::fs::write(dir.path().join(format!("f{i}")), text).unwrap();
        script.push_str(&format!(
            "( unset {var}; set -a; . ./f{i} >/dev/null 2>&1; \
             if [ \"${{{var}+set}}\" = set ]; then printf 'ok:%s' \"${var}\" > o{i}; fi ) \
             </dev/null >/dev/null 2>&1\n"
        ));
    }
    script.push_str("exit 0\n");
    let status = Command::new(program)
        .args(["-c", &script])
        .current_dir(dir.path())
        .env_remove(var)
        .status()
        .expect("the shell runs");
    assert!(status.success(), "{program} failed");
    (0..files.len())
        .map(|i| {
            let out = std::fs::read(dir.path().join(format!("o{i}"))).ok()?;
            out.strip_prefix(b"ok:").map(<[u8]>::to_vec)
        })
        .collect()
}
