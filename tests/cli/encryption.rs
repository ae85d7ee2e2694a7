//! Encryption at rest from the command line: `ONBOARDCTL_MASTER_KEY` seals on `key set` and
//! opens on `key get`/`key list`; without it, or with the wrong one, reads are exit 4 with a
//! message that says so; a bad master key is exit 4 and never echoed; `key reseal` seals and
//! rotates with counts.

use serde_json::Value;

use crate::{
    assert_code, assert_success, json_error, stderr, stdout, test_db, TestDb, FAKE_GEMINI,
};

/// A master key: 32 bytes of 0x07, base64.
pub const MASTER_A: &str = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
/// Another master key: 32 bytes of 0x2a, base64.
pub const MASTER_B: &str = "KioqKioqKioqKioqKioqKioqKioqKioqKioqKioqKio=";

/// Runs `args` with `ONBOARDCTL_MASTER_KEY` set to `key` (unset for `None`).
pub(crate) fn with_key(
    db: &TestDb,
    key: Option<&str>,
    args: &[&str],
    stdin: &str,
) -> std::process::Output {
    let mut cmd = db.cmd();
    if let Some(k) = key {
        cmd.env("ONBOARDCTL_MASTER_KEY", k);
    }
    cmd.args(args).write_stdin(stdin).output().unwrap()
}

fn json(out: &std::process::Output) -> Value {
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

#[test]
fn sealed_keys_read_back_with_the_master_key_only() {
    let db = test_db();
    db.users(&["u1"]);
    let set = ["--json", "key", "set", "u1", "gemini", "--stdin"];
    let out = with_key(&db, Some(MASTER_A), &set, FAKE_GEMINI);
    assert_success(&out, &set);
    let v = json(&out);
    assert_eq!(v["encrypted"], true);
    assert_eq!(
        v["masked"].as_str().unwrap(),
        "************0000",
        "mask of the plaintext"
    );

    let reveal = ["key", "get", "u1", "gemini", "--reveal"];
    let out = with_key(&db, Some(MASTER_A), &reveal, "");
    assert_eq!(stdout(&out), format!("{FAKE_GEMINI}\n"));
    let out = with_key(&db, Some(MASTER_A), &["--json", "key", "list", "u1"], "");
    let v = json(&out);
    assert_eq!(v[0]["encrypted"], true);
    let plain_fp = v[0]["fingerprint"].clone();
    let out = with_key(&db, Some(MASTER_A), &["key", "list", "u1"], "");
    let table = stdout(&out);
    assert!(
        table.contains("ENCRYPTED") && table.contains("yes"),
        "{table}"
    );

    // Without the master key, `key list` still lists the sealed key, as `(sealed)`.
    let out = with_key(&db, None, &["--json", "key", "list", "u1"], "");
    assert_code(&out, 0);
    let v = json(&out);
    assert_eq!(v[0]["provider"], "gemini");
    assert_eq!(v[0]["encrypted"], true);
    assert_eq!(v[0]["masked"], "(sealed)");
    assert_eq!(v[0]["fingerprint"], "-");
    let out = with_key(&db, None, &["key", "list", "u1"], "");
    assert!(stdout(&out).contains("(sealed)"), "{}", stdout(&out));
    assert!(!stdout(&out).contains("enc:v1"), "never the ciphertext");

    for (key, needle, list) in [
        (None, "is encrypted; set ONBOARDCTL_MASTER_KEY", false),
        (Some(MASTER_B), "wrong master key", true),
    ] {
        let mut commands = vec![&reveal[..], &["key", "get", "u1", "gemini"]];
        if list {
            commands.push(&["key", "list", "u1"]);
        }
        for args in commands {
            let out = with_key(&db, key, args, "");
            assert_code(&out, 4);
            assert!(stderr(&out).contains(needle), "{args:?}: {}", stderr(&out));
            assert!(!stdout(&out).contains("enc:v1"), "never the ciphertext");
        }
    }
    // The same key stored in plaintext has the same fingerprint: it is the plaintext's.
    db.users(&["u2"]);
    db.ok_stdin(&["key", "set", "u2", "gemini", "--stdin"], FAKE_GEMINI);
    let v = db.json(&["key", "list", "u2"]);
    assert_eq!(v[0]["encrypted"], false);
    assert_eq!(v[0]["fingerprint"], plain_fp);
}

#[test]
fn a_bad_master_key_is_exit_4_and_never_echoed() {
    let db = test_db();
    db.users(&["u1"]);
    for bad in [
        "not-base64-SECRETISH!!",
        "c2hvcnQ=",
        "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=",
    ] {
        let out = with_key(&db, Some(bad), &["--json", "session", "show", "u1"], "");
        assert_code(&out, 4);
        let err = json_error(&out);
        assert!(
            err["message"]
                .as_str()
                .unwrap()
                .contains("ONBOARDCTL_MASTER_KEY"),
            "{err}"
        );
        assert!(!stderr(&out).contains(bad), "{}", stderr(&out));
    }
}

#[test]
fn key_set_refuses_values_that_look_encrypted() {
    let db = test_db();
    db.users(&["u1"]);
    let args = ["key", "set", "u1", "gemini", "--stdin", "--no-validate"];
    let out = with_key(&db, None, &args, "enc:v1:AAAAAAAAAAAAAAAAAAAAAAAA");
    assert_code(&out, 4);
    assert!(stderr(&out).contains("`enc:v`"), "{}", stderr(&out));
    assert_eq!(db.json(&["key", "list", "u1"]), Value::Array(vec![]));
}

#[test]
fn key_reseal_seals_rotates_and_counts() {
    let db = test_db();
    db.users(&["u1", "u2"]);
    db.required_keys("u1");
    db.ok_stdin(&["key", "set", "u2", "gemini", "--stdin"], FAKE_GEMINI);

    let out = with_key(&db, None, &["key", "reseal"], "");
    assert_code(&out, 4);
    assert!(stderr(&out).contains("hint:"), "{}", stderr(&out));

    let reseal = ["--json", "key", "reseal"];
    let v = json(&with_key(&db, Some(MASTER_A), &reseal, ""));
    assert_eq!(
        (v["users"].as_u64(), v["resealed"].as_u64()),
        (Some(2), Some(4))
    );
    assert_eq!(
        (v["already_current"].as_u64(), v["failed"].as_u64()),
        (Some(0), Some(0))
    );
    let v = json(&with_key(&db, Some(MASTER_A), &reseal, ""));
    assert_eq!(
        (v["resealed"].as_u64(), v["already_current"].as_u64()),
        (Some(0), Some(4))
    );

    // Rotating without the old key fails every row, with a hint, and changes nothing.
    let out = with_key(&db, Some(MASTER_B), &["key", "reseal"], "");
    assert_code(&out, 4);
    assert!(
        stderr(&out).contains("--old-master-key-env"),
        "{}",
        stderr(&out)
    );
    assert!(stdout(&out).contains("failed"), "{}", stdout(&out));
    let out = db
        .cmd()
        .env("ONBOARDCTL_MASTER_KEY", MASTER_B)
        .env("OLD_KEY", MASTER_A)
        .args(["--json", "key", "reseal", "--old-master-key-env", "OLD_KEY"])
        .output()
        .unwrap();
    assert_success(&out, &["key", "reseal"]);
    assert_eq!(json(&out)["resealed"], 4);
    let reveal = ["key", "get", "u2", "gemini", "--reveal"];
    assert_eq!(
        stdout(&with_key(&db, Some(MASTER_B), &reveal, "")),
        format!("{FAKE_GEMINI}\n")
    );
    assert_code(&with_key(&db, Some(MASTER_A), &reveal, ""), 4);

    let out = db
        .cmd()
        .env("ONBOARDCTL_MASTER_KEY", MASTER_B)
        .env("OLD_KEY", "garbage")
        .args(["key", "reseal", "--old-master-key-env", "OLD_KEY"])
        .output()
        .unwrap();
    assert_code(&out, 4);
    assert!(stderr(&out).contains("`OLD_KEY`"), "{}", stderr(&out));
    assert!(!stderr(&out).contains("garbage"), "{}", stderr(&out));
}
