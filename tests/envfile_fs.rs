//! Filesystem behaviour of the `.env` editor: modes and warnings, symlink and non-file
//! refusal, atomicity through the fault-injection seam (in a child process, so the variable
//! never leaks into other tests), stale temp clean-up, and concurrent writers (processes and
//! threads) whose updates all land. Child processes are this test binary re-run with
//! `--exact <child test>`; the child tests do nothing unless their variable is set.

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use onboardctl::domain::Secret;
use onboardctl::envfile::{read_vars, update, Edit, EnvFileError, FAIL_BEFORE_RENAME_ENV};

const CHILD_DIR: &str = "ENVFILE_TEST_CHILD_DIR";
const CHILD_ID: &str = "ENVFILE_TEST_CHILD_ID";
const ROUNDS: usize = 25;

fn set(var: &str, value: &str) -> Edit {
    Edit::Set(var.into(), Secret::new(value.into()))
}

fn names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Re-runs this binary on one child test with extra environment.
fn child(test: &str, env: &[(&str, &str)]) -> Command {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args(["--exact", test, "--nocapture", "--test-threads=1"]);
    cmd.envs(env.iter().copied());
    cmd
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn new_file_is_0600_and_existing_mode_is_kept_with_a_warning() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    let report = update(&path, &[set("A", "1")]).unwrap();
    assert_eq!((mode(&path), report.warnings.len()), (0o600, 0));

    for loose in [0o644, 0o640, 0o604, 0o660] {
        fs::set_permissions(&path, fs::Permissions::from_mode(loose)).unwrap();
        let report = update(&path, &[set("A", &format!("{loose}"))]).unwrap();
        assert_eq!(mode(&path), loose, "mode kept");
        assert_eq!(report.warnings.len(), 1);
        assert!(
            report.warnings[0].contains(&format!("`{loose:04o}`")),
            "{:?}",
            report.warnings
        );
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_refused_not_replaced() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    for ro in [0o400, 0o444, 0o500, 0o040] {
        fs::write(&path, "A=1\n").unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(ro)).unwrap();
        let inode = fs::metadata(&path).unwrap().ino();
        let err = update(&path, &[set("A", "2")]).unwrap_err();
        assert!(matches!(err, EnvFileError::ReadOnly { .. }), "{err:?}");
        assert!(err.to_string().contains("read-only"), "{err}");
        let err = onboardctl::error::Error::from(err);
        assert_eq!(
            err.kind,
            onboardctl::error::ErrorKind::Precondition,
            "exit 4"
        );
        assert_eq!(fs::read_to_string(&path).unwrap(), "A=1\n");
        assert_eq!(
            (fs::metadata(&path).unwrap().ino(), mode(&path)),
            (inode, ro)
        );
        // An edit that changes nothing writes nothing, so it is not refused.
        update(&path, &[set("A", "1")]).unwrap();
        fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    }
}

/// Tests run as root here: a file owned by `nobody` must stay `nobody`'s, not become root's.
#[cfg(unix)]
#[test]
fn the_owner_and_group_of_a_replaced_file_are_kept() {
    use std::os::unix::fs::{MetadataExt, PermissionsExt};
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    fs::write(&path, "A=1\n").unwrap();
    if fs::metadata(&path).unwrap().uid() != 0 {
        eprintln!("notice: skipped, chown needs root");
        return;
    }
    const NOBODY: u32 = 65534;
    std::os::unix::fs::chown(&path, Some(NOBODY), Some(NOBODY)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o600)).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    update(&path, &[set("GEMINI_API_KEY", "AIzaFAKE")]).unwrap();
    let meta = fs::metadata(&path).unwrap();
    assert_ne!(meta.ino(), inode, "replaced by a rename");
    assert_eq!(
        (meta.uid(), meta.gid(), mode(&path)),
        (NOBODY, NOBODY, 0o600)
    );
    // Owner root, group nobody, mode 0640: all three kept.
    std::os::unix::fs::chown(&path, Some(0), Some(NOBODY)).unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o640)).unwrap();
    update(&path, &[set("GEMINI_API_KEY", "AIzaFAKE2")]).unwrap();
    let meta = fs::metadata(&path).unwrap();
    assert_eq!((meta.uid(), meta.gid(), mode(&path)), (0, NOBODY, 0o640));
}

#[cfg(unix)]
#[test]
fn a_symlinked_env_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let real = dir.path().join("real.env");
    fs::write(&real, "A=1\n").unwrap();
    let link = dir.path().join(".env");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let err = update(&link, &[set("A", "2")]).unwrap_err();
    assert!(matches!(err, EnvFileError::Symlink { .. }), "{err:?}");
    assert!(err.to_string().contains("symbolic link"), "{err}");
    assert_eq!(fs::read_to_string(&real).unwrap(), "A=1\n");
    assert!(fs::symlink_metadata(&link)
        .unwrap()
        .file_type()
        .is_symlink());
    // A dangling link is refused too rather than created through.
    let dangling = dir.path().join("dangling.env");
    std::os::unix::fs::symlink(dir.path().join("nowhere"), &dangling).unwrap();
    let err = update(&dangling, &[set("A", "2")]).unwrap_err();
    assert!(matches!(err, EnvFileError::Symlink { .. }), "{err:?}");
    assert!(!dir.path().join("nowhere").exists());
}

#[test]
fn a_directory_or_a_malformed_file_is_refused_and_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    let err = update(dir.path(), &[set("A", "1")]).unwrap_err();
    assert!(matches!(err, EnvFileError::NotAFile { .. }), "{err:?}");

    let path = dir.path().join(".env");
    let before = "A=1\nGEMINI_API_KEY=\"x\" junk\n";
    fs::write(&path, before).unwrap();
    let err = update(&path, &[set("GEMINI_API_KEY", "2")]).unwrap_err();
    assert!(
        matches!(err, EnvFileError::Conflict { line: 2, .. }),
        "{err:?}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    fs::write(&path, b"A=1\nB=\xff\n").unwrap();
    let err = update(&path, &[set("A", "2")]).unwrap_err();
    assert!(
        matches!(err, EnvFileError::Malformed { line: 2, .. }),
        "{err:?}"
    );
}

#[test]
fn refused_values_change_nothing_and_are_not_shown() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    fs::write(&path, "A=1\n").unwrap();
    let edits = [set("A", "2"), set("GEMINI_API_KEY", "AIza-canary\0-value")];
    let err = update(&path, &edits).unwrap_err();
    assert!(
        matches!(err, EnvFileError::Unrepresentable { .. }),
        "{err:?}"
    );
    for text in [err.to_string(), format!("{err:?}"), format!("{edits:?}")] {
        assert!(!text.contains("canary"), "{text}");
    }
    assert_eq!(fs::read_to_string(&path).unwrap(), "A=1\n");
}

#[cfg(unix)]
#[test]
fn an_unchanged_file_is_not_rewritten() {
    use std::os::unix::fs::MetadataExt;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    update(&path, &[set("A", "x y")]).unwrap();
    let inode = fs::metadata(&path).unwrap().ino();
    let report = update(&path, &[set("A", "x y")]).unwrap();
    assert!(!report.changed);
    assert_eq!(fs::metadata(&path).unwrap().ino(), inode);
    update(&path, &[set("A", "z")]).unwrap();
    assert_ne!(
        fs::metadata(&path).unwrap().ino(),
        inode,
        "a change is a rename"
    );
}

#[test]
fn a_failure_before_the_rename_leaves_the_old_file_and_no_temp_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    let before = "# keep me\nGEMINI_API_KEY=AIzaOLD\n";
    fs::write(&path, before).unwrap();
    let dir_str = dir.path().to_str().unwrap();
    let env = [(CHILD_DIR, dir_str), (FAIL_BEFORE_RENAME_ENV, "1")];
    let out = child("child_update_once", &env).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("injected"));
    assert_eq!(fs::read_to_string(&path).unwrap(), before);
    assert_eq!(names(dir.path()), [".env", ".env.lock"]);

    // Without the seam the same child succeeds (so the failure above was the seam's).
    let out = child("child_update_once", &[(CHILD_DIR, dir_str)])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        fs::read_to_string(&path).unwrap(),
        "# keep me\nGEMINI_API_KEY=AIzaNEW\n"
    );
}

/// Child of the atomicity test: one update, reporting its outcome on stdout.
#[test]
fn child_update_once() {
    let Some(dir) = std::env::var_os(CHILD_DIR) else {
        return;
    };
    let result = update(
        &PathBuf::from(dir).join(".env"),
        &[set("GEMINI_API_KEY", "AIzaNEW")],
    );
    match result {
        Ok(_) => assert!(std::env::var_os(FAIL_BEFORE_RENAME_ENV).is_none()),
        Err(e) => println!(
            "failed as injected: {e}: {}",
            std::error::Error::source(&e).unwrap()
        ),
    }
}

#[test]
fn stale_temp_files_are_removed_under_the_lock() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    // A killed run's temp file (this scheme and the previous one), another file's, and a
    // pending journal, which must stay.
    for leftover in [
        ".env.onboardctl-tmp.999999.0",
        ".env.onboardctl-999999-0.tmp",
    ] {
        fs::write(
            dir.path().join(leftover),
            "GEMINI_API_KEY=AIzaFAKE-leftover\n",
        )
        .unwrap();
    }
    fs::write(dir.path().join(".other.onboardctl-tmp.1.0"), "").unwrap();
    fs::write(dir.path().join(".env.onboardctl-journal"), "").unwrap();
    update(&path, &[set("A", "1")]).unwrap();
    let expected = [
        ".env",
        ".env.lock",
        ".env.onboardctl-journal",
        ".other.onboardctl-tmp.1.0",
    ];
    assert_eq!(names(dir.path()), expected);
    // A file without a leading dot gets hidden sidecars of its own.
    let app = dir.path().join("app.env");
    fs::write(dir.path().join(".app.env.onboardctl-tmp.7.3"), "").unwrap();
    update(&app, &[set("A", "1")]).unwrap();
    assert!(!dir.path().join(".app.env.onboardctl-tmp.7.3").exists());
}

/// Every variable written by `writers` × [`ROUNDS`] concurrent updates is present.
fn assert_all_landed(path: &Path, writers: usize) {
    let vars = read_vars(path).unwrap();
    for w in 0..writers {
        for i in 0..ROUNDS {
            let var = format!("W{w}_{i}");
            let value = vars.get(&var).unwrap_or_else(|| panic!("{var} lost"));
            assert_eq!(value.expose(), format!("value {w} {i}"));
        }
    }
    assert_eq!(vars.len(), writers * ROUNDS);
    assert_eq!(names(path.parent().unwrap()), [".env", ".env.lock"]);
}

fn write_rounds(path: &Path, writer: usize) {
    for i in 0..ROUNDS {
        let edit = set(&format!("W{writer}_{i}"), &format!("value {writer} {i}"));
        update(path, &[edit]).unwrap();
    }
}

#[test]
fn concurrent_processes_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let dir_str = dir.path().to_str().unwrap();
    let ids: Vec<String> = (0..4).map(|w| w.to_string()).collect();
    let children: Vec<_> = ids
        .iter()
        .map(|id| {
            let env = [(CHILD_DIR, dir_str), (CHILD_ID, id.as_str())];
            let mut cmd = child("child_write_rounds", &env);
            cmd.stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    for c in children {
        let out = c.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stdout)
        );
    }
    assert_all_landed(&dir.path().join(".env"), ids.len());
}

/// Child of the process test: [`ROUNDS`] updates of its own variables.
#[test]
fn child_write_rounds() {
    let (Some(dir), Some(id)) = (std::env::var_os(CHILD_DIR), std::env::var(CHILD_ID).ok()) else {
        return;
    };
    write_rounds(&PathBuf::from(dir).join(".env"), id.parse().unwrap());
}

#[test]
fn concurrent_threads_all_land() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    std::thread::scope(|s| {
        for w in 0..4 {
            let path = &path;
            s.spawn(move || write_rounds(path, w));
        }
    });
    assert_all_landed(&path, 4);
}
