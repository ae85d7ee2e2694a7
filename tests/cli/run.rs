//! `run --user U -- CMD`: the child's environment holds the user's keys under the registry's
//! names (and nothing else of onboardctl's secrets), no key is on any command line, nothing
//! is written, the child's stdout is onboardctl's stdout, and exit codes and signals pass
//! through.

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant};

use crate::encryption::MASTER_A;
use crate::{
    assert_code, assert_success, stderr, stdout, test_db, TestDb, FAKE_COPILOTKIT, FAKE_EXA,
    FAKE_GEMINI,
};

/// A database with user `u1` and the three required keys.
fn db_with_keys() -> TestDb {
    let db = test_db();
    db.users(&["u1"]);
    db.required_keys("u1");
    db
}

/// The child's environment, as `env -0` printed it into `name`.
fn env_of(db: &TestDb, name: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(db.path().join(name)).expect("the child wrote its env");
    text.split('\0')
        .filter_map(|kv| kv.split_once('='))
        .map(|(k, v)| (k.to_owned(), v.to_owned()))
        .collect()
}

fn get<'a>(env: &'a [(String, String)], name: &str) -> Option<&'a str> {
    env.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
}

#[test]
fn child_environment_holds_every_key_under_its_registry_name() {
    let db = db_with_keys();
    db.ok(&["run", "--user", "u1", "--", "sh", "-c", "env -0 > env.out"]);
    let env = env_of(&db, "env.out");
    assert_eq!(get(&env, "GEMINI_API_KEY"), Some(FAKE_GEMINI));
    assert_eq!(get(&env, "EXA_API_KEY"), Some(FAKE_EXA));
    assert_eq!(get(&env, "COPILOTKIT_API_KEY"), Some(FAKE_COPILOTKIT));
    assert_eq!(
        get(&env, "REACT_APP_COPILOTKIT_API_KEY"),
        None,
        "only when asked"
    );
    // The rest of onboardctl's environment is inherited.
    assert!(get(&env, "HOME").is_some());
}

#[test]
fn provider_selects_keys_and_frontend_adds_react_app_variable() {
    let db = db_with_keys();
    let args = [
        "run",
        "--user",
        "u1",
        "--provider",
        "copilotkit",
        "--frontend",
    ];
    let mut all = args.to_vec();
    all.extend(["--", "sh", "-c", "env -0 > env.out"]);
    db.ok(&all);
    let env = env_of(&db, "env.out");
    assert_eq!(get(&env, "COPILOTKIT_API_KEY"), Some(FAKE_COPILOTKIT));
    assert_eq!(
        get(&env, "REACT_APP_COPILOTKIT_API_KEY"),
        Some(FAKE_COPILOTKIT)
    );
    assert_eq!(get(&env, "GEMINI_API_KEY"), None);
    assert_eq!(get(&env, "EXA_API_KEY"), None);
    // Commas work too, and a variable of the same name in onboardctl's environment is
    // replaced by the stored key.
    let out = db
        .cmd()
        .env("GEMINI_API_KEY", "from-the-parent")
        .args(["run", "--user", "u1", "--provider", "gemini,exa", "--"])
        .args(["sh", "-c", "env -0 > env2.out"])
        .output()
        .expect("runs");
    assert_success(&out, &["run"]);
    let env = env_of(&db, "env2.out");
    assert_eq!(get(&env, "GEMINI_API_KEY"), Some(FAKE_GEMINI));
    assert_eq!(get(&env, "EXA_API_KEY"), Some(FAKE_EXA));
    assert_eq!(get(&env, "COPILOTKIT_API_KEY"), None);
}

#[test]
fn stdout_is_the_childs_alone_and_stdin_is_inherited() {
    let db = db_with_keys();
    let out = db.run_stdin(&["run", "--user", "u1", "--", "cat"], "piped in\n");
    assert_success(&out, &["run"]);
    assert_eq!(stdout(&out), "piped in\n");
    assert!(!stderr(&out).contains(FAKE_GEMINI), "{}", stderr(&out));
}

#[test]
fn missing_user_provider_or_command_runs_nothing() {
    let db = db_with_keys();
    let marker = db.path().join("ran");
    let touch = format!("touch {}", marker.display());
    for (user, extra, code) in [
        ("nobody", &[][..], 3),
        ("u1", &["--provider", "openai"][..], 3),
    ] {
        let mut args = vec!["run", "--user", user];
        args.extend_from_slice(extra);
        args.extend(["--", "sh", "-c", &touch]);
        let out = db.run(&args);
        assert_code(&out, code);
        assert!(!marker.exists(), "{args:?} ran the command");
    }
    let out = db.run(&["run", "--user", "u1", "--", "no-such-command-onboardctl"]);
    assert_code(&out, 3);
    assert!(stderr(&out).contains("not found"), "{}", stderr(&out));
    // `--` and a command are required (usage, exit 2).
    assert_code(&db.run(&["run", "--user", "u1"]), 2);
    assert_code(&db.run(&["run", "--user", "u1", "true"]), 2);
}

/// Every file under `dir` with its size and modification time, except the SQLite
/// database's own (a reader of a WAL database makes its `-shm`/`-wal` files).
fn snapshot(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime)> {
    let mut out = Vec::new();
    let mut todo = vec![dir.to_owned()];
    while let Some(d) = todo.pop() {
        for entry in std::fs::read_dir(&d).expect("read dir") {
            let entry = entry.expect("entry");
            let meta = entry.metadata().expect("metadata");
            if entry.file_name().to_string_lossy().starts_with("t.db") {
                continue;
            }
            if meta.is_dir() {
                todo.push(entry.path());
            } else {
                out.push((entry.path(), meta.len(), meta.modified().expect("mtime")));
            }
        }
    }
    out.sort();
    out
}

#[test]
fn run_writes_no_file_even_in_local_mode() {
    let db = db_with_keys();
    let before = snapshot(&db.path());
    let out = db
        .cmd()
        .env("DEPLOY_ENV", "local")
        .env("ONBOARDCTL_FRONTEND_ENV_FILE", db.path().join("front.env"))
        .args(["run", "--user", "u1", "--frontend", "--", "true"])
        .output()
        .expect("runs");
    assert_success(&out, &["run"]);
    assert_eq!(snapshot(&db.path()), before);
}

#[test]
fn sealed_keys_are_opened_and_the_master_key_stays_behind() {
    let db = test_db();
    db.users(&["u1"]);
    let set = db
        .cmd()
        .env("ONBOARDCTL_MASTER_KEY", MASTER_A)
        .args(["key", "set", "u1", "gemini", "--stdin"])
        .write_stdin(FAKE_GEMINI)
        .output()
        .expect("runs");
    assert_success(&set, &["key", "set"]);
    let script = ["sh", "-c", "env -0 > env.out"];
    let out = db
        .cmd()
        .env("ONBOARDCTL_MASTER_KEY", MASTER_A)
        .args(["run", "--user", "u1", "--"])
        .args(script)
        .output()
        .expect("runs");
    assert_success(&out, &["run"]);
    let env = env_of(&db, "env.out");
    assert_eq!(get(&env, "GEMINI_API_KEY"), Some(FAKE_GEMINI));
    assert_eq!(get(&env, "ONBOARDCTL_MASTER_KEY"), None);
    // Without the master key the sealed key cannot be opened: exit 4, nothing runs.
    std::fs::remove_file(db.path().join("env.out")).expect("rm");
    let mut args = vec!["run", "--user", "u1", "--"];
    args.extend(script);
    assert_code(&db.run(&args), 4);
    assert!(!db.path().join("env.out").exists());
}

#[cfg(target_os = "linux")]
#[test]
fn no_key_is_on_the_argv_of_onboardctl_or_the_child() {
    let db = db_with_keys();
    // The child reads both command lines from /proc while onboardctl waits for it.
    let script = "cat /proc/$PPID/cmdline > parent.argv; cat /proc/$$/cmdline > child.argv";
    db.ok(&["run", "--user", "u1", "--", "sh", "-c", script]);
    let parent = std::fs::read(db.path().join("parent.argv")).expect("parent argv");
    let child = std::fs::read(db.path().join("child.argv")).expect("child argv");
    let parent = String::from_utf8_lossy(&parent);
    let child = String::from_utf8_lossy(&child);
    assert!(
        parent.contains("onboardctl") && parent.contains("run"),
        "{parent}"
    );
    assert!(child.contains("parent.argv"), "{child}");
    for key in [FAKE_GEMINI, FAKE_EXA, FAKE_COPILOTKIT] {
        assert!(!parent.contains(key), "{parent}");
        assert!(!child.contains(key), "{child}");
    }
}

#[test]
fn exit_codes_pass_through_and_a_signal_death_is_128_plus_n() {
    let db = db_with_keys();
    for (script, expected) in [
        ("exit 0", 0),
        ("exit 7", 7),
        ("exit 255", 255),
        ("kill -TERM $$", 128 + 15),
        ("kill -KILL $$", 128 + 9),
    ] {
        let out = db.run(&["run", "--user", "u1", "--", "sh", "-c", script]);
        assert_code(&out, expected);
        assert_eq!(stderr(&out), "", "{script}: onboardctl says nothing");
    }
}

/// Waits until `path` exists.
fn wait_for(path: &Path) {
    let start = Instant::now();
    while !path.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{path:?} never appeared"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits for onboardctl; when it has not ended after 10 s (the child never got the signal),
/// ends the child (onboardctl's own child, its pid in `pid` beside `got`) and onboardctl, and
/// fails.
#[cfg(unix)]
fn wait_at_most(child: &mut std::process::Child, got: &Path) -> std::process::ExitStatus {
    let start = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("try_wait") {
            return status;
        }
        if start.elapsed() > Duration::from_secs(10) {
            let pid_file = got.with_extension("pid");
            if let Ok(text) = std::fs::read_to_string(&pid_file) {
                if let Ok(pid) = text.trim().parse::<libc::pid_t>() {
                    // SAFETY: ends the shell this test started (through onboardctl).
                    unsafe { libc::kill(pid, libc::SIGKILL) };
                }
            }
            let _ = child.kill();
            let _ = child.wait();
            panic!("the child never got the signal ({got:?} missing)");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[cfg(unix)]
#[test]
fn signals_sent_to_onboardctl_reach_the_child() {
    let db = db_with_keys();
    for (signal, name) in [
        (libc::SIGTERM, "TERM"),
        (libc::SIGINT, "INT"),
        (libc::SIGHUP, "HUP"),
        (libc::SIGUSR1, "USR1"),
    ] {
        let ready = db.path().join(format!("ready.{name}"));
        let got = db.path().join(format!("got.{name}"));
        // The child traps the signal, notes it and exits 42; `sleep` runs in the background
        // and `wait` returns at once when the trap fires.
        let script = format!(
            "trap 'echo {name} > {got}; exit 42' {name}; echo $$ > {pid}; touch {ready}; \
             while :; do sleep 1 & wait $!; done",
            got = got.display(),
            pid = got.with_extension("pid").display(),
            ready = ready.display()
        );
        let mut child = db
            .std_cmd(&["run", "--user", "u1", "--", "sh", "-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn");
        wait_for(&ready);
        let pid = libc::pid_t::try_from(child.id()).expect("pid");
        // SAFETY: sends a signal to our own child, onboardctl.
        assert_eq!(unsafe { libc::kill(pid, signal) }, 0);
        let status = wait_at_most(&mut child, &got);
        assert_eq!(
            status.code(),
            Some(42),
            "{name}: onboardctl exits with the child's code"
        );
        let note = std::fs::read_to_string(&got).expect("the child got the signal");
        assert_eq!(note.trim(), name);
    }
}

/// Ctrl-C on the terminal: the terminal sends SIGINT to the whole foreground process group,
/// the child included; onboardctl outlives it and exits with the child's code. (That
/// onboardctl does not pass this one on a second time cannot be observed here: two SIGINTs
/// arriving together merge into one.)
#[cfg(unix)]
#[test]
fn ctrl_c_on_the_terminal_reaches_the_child_and_onboardctl_reports_its_code() {
    use crate::pty::Pty;
    let db = db_with_keys();
    let ints = db.path().join("ints");
    // Counts SIGINTs in a file; after the first, waits a second for a duplicate, then exits
    // 40 + the count.
    let script = format!(
        "trap 'echo x >> {f}' INT; echo READY; \
         while [ ! -s {f} ]; do sleep 0.05; done; sleep 1; exit $((40 + $(wc -l < {f})))",
        f = ints.display()
    );
    let mut pty = Pty::spawn(
        db.std_cmd(&["run", "--user", "u1", "--", "sh", "-c", &script]),
        None,
    );
    pty.expect("READY");
    pty.send("\x03");
    let status = pty.wait();
    assert_eq!(status.code(), Some(41), "{}", pty.seen());
}
