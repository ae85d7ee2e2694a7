//! `key set/get/list/delete/providers`, and key secrecy: the fake key never appears in any
//! output except `key get --reveal`.

use crate::{
    assert_code, bare_cmd, code, json_error, redact_times, stderr, stdout, test_db, write_file,
    FAKE_GEMINI,
};

#[test]
fn set_reads_each_source_and_strips_one_newline() {
    let db = test_db();
    db.users(&["u1"]);
    let out = db.run_stdin(
        &["--json", "key", "set", "u1", "gemini", "--stdin"],
        "AIzaFAKE_TEST_ONLY_1111111111111111111\r\n",
    );
    assert_code(&out, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(v["created"], true);
    assert_eq!(v["env_var"], "GEMINI_API_KEY");
    assert_eq!(v["masked"].as_str().unwrap().len(), 16);
    let raw = db.ok(&["key", "get", "u1", "gemini", "--reveal"]);
    assert_eq!(raw, "AIzaFAKE_TEST_ONLY_1111111111111111111\n");

    let out = db
        .cmd()
        .args(["key", "set", "u1", "gemini", "--from-env", "MY_KEY"])
        .env("MY_KEY", FAKE_GEMINI)
        .output()
        .unwrap();
    assert_code(&out, 0);
    assert!(stderr(&out).contains("replaced"), "{}", stderr(&out));
    assert_eq!(
        db.ok(&["key", "get", "u1", "gemini", "--reveal"]),
        format!("{FAKE_GEMINI}\n")
    );

    let file = write_file(&db, "key.txt", "sk-FAKE_TEST_ONLY_000000000\n");
    db.ok(&["key", "set", "u1", "openai", "--from-file", &file]);
    let v = db.json(&["key", "get", "u1", "openai", "--reveal"]);
    assert_eq!(v["provider"], "openai");
    assert_eq!(v["value"], "sk-FAKE_TEST_ONLY_000000000");
}

#[test]
fn set_without_a_source_off_a_terminal_fails_at_once() {
    let db = test_db();
    db.users(&["u1"]);
    let out = db.run(&["key", "set", "u1", "gemini"]);
    assert_code(&out, 2);
    assert!(
        stderr(&out).contains("hint: pass the key with --stdin"),
        "{}",
        stderr(&out)
    );
    assert_code(
        &db.run(&["key", "set", "u1", "gemini", "--stdin", "--from-env", "X"]),
        2,
    );
    let out = db.run(&[
        "key",
        "set",
        "u1",
        "gemini",
        "--from-env",
        "ONBOARDCTL_TEST_UNSET",
    ]);
    assert_code(&out, 4);
    assert_code(
        &db.run_stdin(&["key", "set", "u1", "gemini", "--stdin"], "\n"),
        4,
    );
}

#[test]
fn unknown_provider_and_bad_format_are_refused_unless_allowed() {
    let db = test_db();
    db.users(&["u1"]);
    let out = db.run_stdin(
        &["--json", "key", "set", "u1", "acme", "--stdin"],
        "acme-key-0000000000",
    );
    assert_code(&out, 4);
    let err = json_error(&out);
    assert_eq!(err["kind"], "precondition");
    assert!(err["message"]
        .as_str()
        .unwrap()
        .contains("unknown provider `acme`"));
    db.ok_stdin(
        &["key", "set", "u1", "acme", "--stdin", "--allow-unknown"],
        "acme-key-0000000000",
    );
    assert_eq!(
        db.json(&["key", "get", "u1", "acme"])["env_var"],
        "ACME_API_KEY"
    );

    let out = db.run_stdin(
        &["key", "set", "u1", "gemini", "--stdin"],
        "not-a-gemini-key-000000000000",
    );
    assert_code(&out, 4);
    assert!(
        !stderr(&out).contains("not-a-gemini"),
        "errors never quote the key"
    );
    db.ok_stdin(
        &["key", "set", "u1", "gemini", "--stdin", "--no-validate"],
        "not-a-gemini-key-000000000000",
    );
}

#[test]
fn get_list_and_delete() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok_stdin(&["key", "set", "u1", "gemini", "--stdin"], FAKE_GEMINI);
    let v = db.json(&["key", "get", "u1", "gemini"]);
    for key in [
        "provider",
        "env_var",
        "masked",
        "fingerprint",
        "created_at",
        "updated_at",
    ] {
        assert!(v.get(key).is_some(), "`{key}`");
    }
    assert_eq!(v["masked"], "************0000");
    assert_eq!(v["fingerprint"].as_str().unwrap().len(), 8);
    let list = db.json(&["key", "list", "u1"]);
    assert_eq!(list.as_array().unwrap().len(), 1);
    assert_eq!(list[0]["provider"], "gemini");
    insta::assert_snapshot!(redact_times(&db.ok(&["key", "list", "u1"])));
    assert_code(&db.run(&["key", "get", "u1", "exa"]), 3);
    assert_code(&db.run(&["key", "get", "ghost", "gemini"]), 3);
    db.ok(&["key", "delete", "u1", "gemini"]);
    assert_code(&db.run(&["key", "delete", "u1", "gemini"]), 3);
    assert_eq!(db.ok(&["key", "list", "u1"]).trim(), "no keys stored");
}

#[test]
fn providers_needs_no_database() {
    let dir = tempfile::tempdir().unwrap();
    let out = bare_cmd(dir.path())
        .args([
            "--database-url",
            "sqlite:/nonexistent/dir/x.db",
            "--json",
            "key",
            "providers",
        ])
        .output()
        .unwrap();
    assert_code(&out, 0);
    let v: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let gemini = &v[0];
    assert_eq!(gemini["name"], "gemini");
    assert_eq!(gemini["env_var"], "GEMINI_API_KEY");
    assert_eq!(gemini["required"], true);
    assert!(gemini["format"].as_str().unwrap().contains("AIza"));
    let out = bare_cmd(dir.path())
        .args(["key", "providers"])
        .env("ONBOARDCTL_REQUIRED_PROVIDERS", "openai")
        .output()
        .unwrap();
    let text = stdout(&out);
    let line = |p: &str| text.lines().find(|l| l.starts_with(p)).unwrap().to_owned();
    assert!(line("openai ").contains(" yes "), "{text}");
    assert!(line("gemini ").contains(" no "), "{text}");
}

#[test]
fn the_key_never_leaks() {
    let db = test_db();
    db.users(&["u1"]);
    let out = db.run_stdin(
        &["-vv", "key", "set", "u1", "gemini", "--stdin"],
        FAKE_GEMINI,
    );
    assert_code(&out, 0);
    let mut seen = format!("{}{}", stdout(&out), stderr(&out));
    for args in [
        &["key", "list", "u1"][..],
        &["--json", "key", "list", "u1"],
        &["key", "get", "u1", "gemini"],
        &["--json", "key", "get", "u1", "gemini"],
        &["session", "show", "u1"],
        &["--json", "session", "show", "u1"],
        &["-vv", "key", "list", "u1"],
        &["-vv", "--json", "progress", "show", "u1"],
        &["ai-inputs", "u1"],
        &["key", "get", "u1", "exa"],
    ] {
        let out = db.run(args);
        assert!(code(&out) == 0 || args.contains(&"exa"), "{args:?}");
        seen.push_str(&stdout(&out));
        seen.push_str(&stderr(&out));
    }
    assert!(!seen.contains(FAKE_GEMINI), "the key leaked:\n{seen}");
    assert!(
        !seen.contains("AIzaFAKE"),
        "a prefix of the key leaked:\n{seen}"
    );
    let revealed = db.ok(&["key", "get", "u1", "gemini", "--reveal"]);
    assert_eq!(revealed, format!("{FAKE_GEMINI}\n"));
}

#[test]
fn an_empty_value_is_refused_even_without_validation() {
    let db = test_db();
    db.users(&["u1"]);
    let before = db.dump();
    for extra in [&[][..], &["--no-validate", "--allow-unknown"]] {
        let mut args = vec!["key", "set", "u1", "gemini", "--stdin"];
        args.extend_from_slice(extra);
        let out = db.run_stdin(&args, "\n");
        assert_code(&out, 4);
        assert!(stderr(&out).contains("empty"), "{}", stderr(&out));
    }
    assert_eq!(db.dump(), before, "nothing was stored");
}

#[test]
fn short_keys_are_masked_whole_and_every_mask_is_16_wide() {
    let db = test_db();
    db.users(&["u1"]);
    for (value, expected) in [
        ("AIzaF", "****************"),
        ("AIzaFAKE_short0", "****************"),
        ("AIzaFAKE_sixteen", "************teen"),
    ] {
        db.ok_stdin(
            &["key", "set", "u1", "gemini", "--stdin", "--no-validate"],
            value,
        );
        let v = db.json(&["key", "get", "u1", "gemini"]);
        assert_eq!(v["masked"], expected, "{value}");
        let listed = db.ok(&["key", "list", "u1"]);
        assert!(listed.contains(expected), "{listed}");
        let human = db.ok(&["key", "get", "u1", "gemini"]);
        let tail = &value[value.len() - 4..];
        assert_eq!(human.contains(tail), value.len() >= 16, "{human}");
    }
}
