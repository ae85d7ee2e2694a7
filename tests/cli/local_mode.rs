//! Local mode: with `DEPLOY_ENV=local`, `key set` and `key delete` also edit the `.env` file
//! (`--env-file`) and, for CopilotKit, the frontend file; without it no file is touched; a
//! file that cannot be written fails the command with exit 4 and leaves the database as it
//! was; two concurrent writers both land.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::{
    assert_code, assert_success, bare_std_cmd, stderr, test_db, TestDb, FAKE_COPILOTKIT, FAKE_EXA,
    FAKE_GEMINI,
};

const ORIGINAL: &str = "# backend settings\n\nexport DEBUG=1\nGEMINI_API_KEY=AIzaOLD\n\
                        # keep me\nOTHER='x y' # trailing\n";

/// The variables of `path` as dotenvy reads them (the test oracle).
pub fn dotenv_vars(path: &Path) -> BTreeMap<String, String> {
    dotenvy::from_path_iter(path)
        .expect("readable")
        .map(|r| r.expect("parses"))
        .collect()
}

/// `key …` in local mode against `env_file`, with `stdin`.
fn local(db: &TestDb, env_file: &Path, args: &[&str], stdin: &str) -> std::process::Output {
    db.cmd()
        .env("DEPLOY_ENV", "local")
        .arg("--env-file")
        .arg(env_file)
        .args(args)
        .write_stdin(stdin)
        .output()
        .expect("runs")
}

#[test]
fn key_set_writes_the_variable_and_keeps_every_other_line() {
    let db = test_db();
    db.users(&["u1"]);
    let env = db.path().join("backend.env");
    std::fs::write(&env, ORIGINAL).unwrap();
    let out = local(
        &db,
        &env,
        &["key", "set", "u1", "gemini", "--stdin"],
        FAKE_GEMINI,
    );
    assert_success(&out, &["key", "set"]);
    assert!(stderr(&out).contains("updated"), "{}", stderr(&out));
    let expected = ORIGINAL.replace("AIzaOLD", FAKE_GEMINI);
    assert_eq!(std::fs::read_to_string(&env).unwrap(), expected);
    assert_eq!(dotenv_vars(&env)["GEMINI_API_KEY"], FAKE_GEMINI);

    let out = local(&db, &env, &["key", "delete", "u1", "gemini"], "");
    assert_success(&out, &["key", "delete"]);
    let without = ORIGINAL.replace("GEMINI_API_KEY=AIzaOLD\n", "");
    assert_eq!(std::fs::read_to_string(&env).unwrap(), without);
    assert!(!dotenv_vars(&env).contains_key("GEMINI_API_KEY"));
}

#[test]
fn a_new_env_file_is_created_private_and_json_names_it() {
    let db = test_db();
    db.users(&["u1"]);
    let env = db.path().join("fresh.env");
    let out = local(
        &db,
        &env,
        &["--json", "key", "set", "u1", "exa", "--stdin"],
        FAKE_EXA,
    );
    assert_success(&out, &["key", "set"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["env_files"][0]["created"], true);
    assert_eq!(v["env_files"][0]["env_vars"][0], "EXA_API_KEY");
    assert_eq!(dotenv_vars(&env)["EXA_API_KEY"], FAKE_EXA);
    use std::os::unix::fs::PermissionsExt;
    let mode = std::fs::metadata(&env).unwrap().permissions().mode() & 0o777;
    assert_eq!(mode, 0o600);
}

#[test]
fn a_file_open_to_others_is_written_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let db = test_db();
    db.users(&["u1"]);
    let env = db.path().join(".env");
    std::fs::write(&env, "A=1\n").unwrap();
    std::fs::set_permissions(&env, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = local(&db, &env, &["key", "set", "u1", "exa", "--stdin"], FAKE_EXA);
    assert_success(&out, &["key", "set"]);
    assert!(stderr(&out).contains("warning:"), "{}", stderr(&out));
    assert!(stderr(&out).contains("chmod 600"), "{}", stderr(&out));
}

#[test]
fn copilotkit_also_goes_to_the_frontend_file() {
    let db = test_db();
    db.users(&["u1"]);
    let (env, front) = (
        db.path().join("backend.env"),
        db.path().join("frontend.env"),
    );
    std::fs::write(&front, "REACT_APP_API_URL=http://localhost:8000\n").unwrap();
    let run = |args: &[&str], stdin: &str| {
        db.cmd()
            .env("DEPLOY_ENV", "local")
            .env("ONBOARDCTL_FRONTEND_ENV_FILE", &front)
            .arg("--env-file")
            .arg(&env)
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap()
    };
    let set = ["key", "set", "u1", "copilotkit", "--stdin"];
    assert_success(&run(&set, FAKE_COPILOTKIT), &set);
    assert_eq!(dotenv_vars(&env)["COPILOTKIT_API_KEY"], FAKE_COPILOTKIT);
    let front_vars = dotenv_vars(&front);
    assert_eq!(front_vars["REACT_APP_COPILOTKIT_API_KEY"], FAKE_COPILOTKIT);
    assert_eq!(front_vars["REACT_APP_API_URL"], "http://localhost:8000");
    // Other providers never go to the frontend file.
    let set_gemini = ["key", "set", "u1", "gemini", "--stdin"];
    assert_success(&run(&set_gemini, FAKE_GEMINI), &set_gemini);
    assert!(!dotenv_vars(&front).contains_key("GEMINI_API_KEY"));

    let delete = ["key", "delete", "u1", "copilotkit"];
    assert_success(&run(&delete, ""), &delete);
    assert!(!dotenv_vars(&env).contains_key("COPILOTKIT_API_KEY"));
    assert_eq!(
        std::fs::read_to_string(&front).unwrap(),
        "REACT_APP_API_URL=http://localhost:8000\n"
    );
}

#[test]
fn without_deploy_env_local_no_file_is_touched() {
    let db = test_db();
    db.users(&["u1"]);
    let absent = db.path().join("absent.env");
    let present = db.path().join("present.env");
    std::fs::write(&present, ORIGINAL).unwrap();
    // `Local` and `LOCAL` are local (DEPLOY_ENV is compared case-insensitively).
    for deploy in [None, Some("production"), Some("locale")] {
        for env in [&absent, &present] {
            for args in [
                &["key", "set", "u1", "gemini", "--stdin"][..],
                &["key", "delete", "u1", "gemini"],
            ] {
                let mut cmd = db.cmd();
                if let Some(d) = deploy {
                    cmd.env("DEPLOY_ENV", d);
                }
                let out = cmd
                    .arg("--env-file")
                    .arg(env)
                    .env("ONBOARDCTL_FRONTEND_ENV_FILE", &absent)
                    .args(args)
                    .write_stdin(FAKE_GEMINI)
                    .output()
                    .unwrap();
                assert_success(&out, args);
            }
        }
    }
    assert!(!absent.exists());
    assert_eq!(std::fs::read_to_string(&present).unwrap(), ORIGINAL);
    let lock = db.path().join("present.env.lock");
    assert!(!lock.exists(), "not even a lock file");
}

#[test]
fn an_unwritable_env_file_fails_with_exit_4_and_changes_nothing() {
    let db = test_db();
    db.users(&["u1"]);
    db.ok_stdin(
        &["key", "set", "u1", "gemini", "--stdin"],
        "AIzaFAKE_TEST_ONLY_PREVIOUS_000000000",
    );
    let env = db.path().join(".env");
    std::fs::write(&env, ORIGINAL).unwrap();
    let before = db.dump();
    // The editor fails between writing its temp file and the rename.
    for args in [
        &["key", "set", "u1", "gemini", "--stdin"][..],
        &["key", "set", "u1", "exa", "--stdin"],
        &["key", "delete", "u1", "gemini"],
    ] {
        let out = db
            .cmd()
            .env("DEPLOY_ENV", "local")
            .env("ONBOARDCTL_ENVFILE_FAIL_BEFORE_RENAME", "1")
            .arg("--env-file")
            .arg(&env)
            .args(args)
            .write_stdin(if args[3] == "exa" {
                FAKE_EXA
            } else {
                FAKE_GEMINI
            })
            .output()
            .unwrap();
        assert_code(&out, 4);
        assert!(stderr(&out).contains("rename"), "{}", stderr(&out));
        assert_eq!(db.dump(), before, "{args:?} left the database as it was");
        assert_eq!(std::fs::read_to_string(&env).unwrap(), ORIGINAL);
    }
    // A symbolic link is refused.
    let link = db.path().join("link.env");
    std::os::unix::fs::symlink(&env, &link).unwrap();
    let out = local(
        &db,
        &link,
        &["key", "set", "u1", "exa", "--stdin"],
        FAKE_EXA,
    );
    assert_code(&out, 4);
    assert!(stderr(&out).contains("symbolic link"), "{}", stderr(&out));
    assert_eq!(db.dump(), before);
    assert_eq!(std::fs::read_to_string(&env).unwrap(), ORIGINAL);
}

#[test]
fn a_failing_frontend_file_puts_the_backend_file_back() {
    let db = test_db();
    db.users(&["u1"]);
    let env = db.path().join("backend.env");
    std::fs::write(&env, ORIGINAL).unwrap();
    let front_dir = db.path().join("frontend.env");
    std::fs::create_dir(&front_dir).unwrap();
    let before = db.dump();
    let out = db
        .cmd()
        .env("DEPLOY_ENV", "local")
        .env("ONBOARDCTL_FRONTEND_ENV_FILE", &front_dir)
        .arg("--env-file")
        .arg(&env)
        .args(["key", "set", "u1", "copilotkit", "--stdin"])
        .write_stdin(FAKE_COPILOTKIT)
        .output()
        .unwrap();
    assert_code(&out, 4);
    assert!(stderr(&out).contains("frontend.env"), "{}", stderr(&out));
    assert_eq!(db.dump(), before);
    assert!(!dotenv_vars(&env).contains_key("COPILOTKIT_API_KEY"));
}

/// Starts `key set USER PROVIDER --stdin` in local mode without waiting for it.
fn spawn_set(
    db: &TestDb,
    env: &PathBuf,
    user: &str,
    provider: &str,
    value: &str,
) -> std::process::Child {
    let mut child = bare_std_cmd(&db.path())
        .args(["--database-url", &db.url, "--no-dotenv", "--env-file"])
        .arg(env)
        .args(["key", "set", user, provider, "--stdin"])
        .env("DEPLOY_ENV", "local")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn");
    let mut stdin = child.stdin.take().expect("stdin");
    stdin.write_all(value.as_bytes()).unwrap();
    drop(stdin);
    child
}

#[test]
fn concurrent_key_sets_on_one_env_file_both_land() {
    let db = test_db();
    db.users(&["u1", "u2"]);
    let env = db.path().join(".env");
    std::fs::write(&env, ORIGINAL).unwrap();
    for round in 0..4 {
        let (gemini, exa) = (
            format!("AIzaFAKE_TEST_ONLY_CONCURRENT_{round:07}"),
            format!("00000000-0000-4000-8000-00000000000{round}"),
        );
        let a = spawn_set(&db, &env, "u1", "gemini", &gemini);
        let b = spawn_set(&db, &env, "u2", "exa", &exa);
        for child in [a, b] {
            let out = child.wait_with_output().unwrap();
            assert_success(&out, &["concurrent key set"]);
        }
        let vars = dotenv_vars(&env);
        assert_eq!(vars["GEMINI_API_KEY"], gemini, "round {round}");
        assert_eq!(vars["EXA_API_KEY"], exa, "round {round}");
        assert_eq!(vars["OTHER"], "x y");
    }
}

#[test]
fn session_delete_and_reset_purge_remove_the_users_variables_from_env() {
    let db = test_db();
    db.users(&["u1", "u2"]);
    let env = db.path().join("backend.env");
    std::fs::write(&env, ORIGINAL).unwrap();
    for (user, provider, value) in [("u1", "gemini", FAKE_GEMINI), ("u1", "exa", FAKE_EXA)] {
        let out = local(&db, &env, &["key", "set", user, provider, "--stdin"], value);
        assert_success(&out, &["key", "set"]);
    }
    // Another value in the file for a variable u2's key would use: left alone.
    let out = local(
        &db,
        &env,
        &["key", "set", "u2", "copilotkit", "--stdin"],
        FAKE_COPILOTKIT,
    );
    assert_success(&out, &["key", "set"]);
    let out = local(
        &db,
        &env,
        &["session", "reset", "u1", "--purge", "--yes"],
        "",
    );
    assert_success(&out, &["session", "reset"]);
    let vars = dotenv_vars(&env);
    assert!(
        !vars.contains_key("GEMINI_API_KEY") && !vars.contains_key("EXA_API_KEY"),
        "{vars:?}"
    );
    assert_eq!(
        vars["COPILOTKIT_API_KEY"], FAKE_COPILOTKIT,
        "u2's variable stays"
    );
    assert_eq!(vars["OTHER"], "x y");

    // u2 is deleted while the file holds another value for its variable: kept, and said.
    let text = std::fs::read_to_string(&env).unwrap();
    std::fs::write(
        &env,
        text.replace(FAKE_COPILOTKIT, "ck_pub_FAKE_HAND_EDITED_00000"),
    )
    .unwrap();
    let out = local(&db, &env, &["session", "delete", "u2", "--yes"], "");
    assert_success(&out, &["session", "delete"]);
    assert!(
        stderr(&out).contains("holds another value"),
        "{}",
        stderr(&out)
    );
    assert_eq!(
        dotenv_vars(&env)["COPILOTKIT_API_KEY"],
        "ck_pub_FAKE_HAND_EDITED_00000"
    );
    // Without DEPLOY_ENV=local nothing is touched.
    db.users(&["u3"]);
    db.ok_stdin(&["key", "set", "u3", "gemini", "--stdin"], FAKE_GEMINI);
    let before = std::fs::read(&env).unwrap();
    db.ok(&["session", "delete", "u3", "--yes"]);
    assert_eq!(std::fs::read(&env).unwrap(), before);
}
