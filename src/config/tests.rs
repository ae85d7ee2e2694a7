//! Unit tests of URL resolution, the default path, settings and `.env` loading.

use std::collections::HashMap;
use std::path::PathBuf;

use super::*;

/// An `env` closure over a fixed set of variables.
fn env_of(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
    let map: HashMap<String, String> = vars
        .iter()
        .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
        .collect();
    move |name: &str| map.get(name).cloned()
}

fn resolve(flag: Option<&str>, vars: &[(&str, &str)]) -> (DbUrl, UrlSource) {
    resolve_url(flag, &env_of(vars)).unwrap()
}

const ALL: [(&str, &str); 3] = [
    ("ONBOARDCTL_DATABASE_URL", "sqlite:onboardctl.db"),
    ("DATABASE_URL", "sqlite:alwrity.db"),
    ("HOME", "/home/op"),
];

#[test]
fn precedence() {
    let (url, src) = resolve(Some("sqlite:flag.db"), &ALL);
    assert_eq!(
        (url, src),
        (DbUrl::Sqlite("flag.db".into()), UrlSource::Flag)
    );
    let (url, src) = resolve(None, &ALL);
    assert_eq!(
        (url, src),
        (
            DbUrl::Sqlite("onboardctl.db".into()),
            UrlSource::OnboardctlEnv
        )
    );
    let (url, src) = resolve(None, &ALL[1..]);
    assert_eq!(
        (url, src),
        (
            DbUrl::Sqlite("alwrity.db".into()),
            UrlSource::DatabaseUrlEnv
        )
    );
    let (_, src) = resolve(None, &ALL[2..]);
    assert_eq!(src, UrlSource::Default);
}

#[test]
fn empty_env_vars_count_as_unset() {
    let vars = [
        ("ONBOARDCTL_DATABASE_URL", ""),
        ("DATABASE_URL", "  "),
        ("HOME", "/h"),
    ];
    let (url, src) = resolve(None, &vars);
    assert_eq!(src, UrlSource::Default);
    assert_eq!(
        url,
        DbUrl::Sqlite("/h/.local/share/onboardctl/onboarding.db".into())
    );
}

#[test]
fn bad_urls_name_their_source_and_do_not_fall_through() {
    let vars = [
        ("ONBOARDCTL_DATABASE_URL", "mysql://u:hunter2@h/db"),
        ("DATABASE_URL", "sqlite:x.db"),
    ];
    let err = resolve_url(None, &env_of(&vars)).unwrap_err().to_string();
    assert!(
        err.starts_with("in `ONBOARDCTL_DATABASE_URL`: unsupported"),
        "{err}"
    );
    assert!(!err.contains("hunter2"), "{err}");
    let err = resolve_url(Some(""), &env_of(&ALL)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "in `--database-url`: database URL is empty"
    );
    let err = resolve_url(Some("sqlite://"), &env_of(&ALL)).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("in `--database-url`: database URL `sqlite://`"),
        "{err}"
    );
}

#[test]
fn default_path() {
    let path = |vars: &[(&str, &str)]| default_db_path(&env_of(vars));
    let xdg = path(&[("XDG_DATA_HOME", "/data"), ("HOME", "/home/op")]).unwrap();
    assert_eq!(xdg, PathBuf::from("/data/onboardctl/onboarding.db"));
    let home = path(&[("HOME", "/home/op")]).unwrap();
    assert_eq!(
        home,
        PathBuf::from("/home/op/.local/share/onboardctl/onboarding.db")
    );
    let relative = path(&[("XDG_DATA_HOME", "data"), ("HOME", "/home/op")]).unwrap();
    assert_eq!(relative, home, "a relative XDG_DATA_HOME is ignored");
    let empty = path(&[("XDG_DATA_HOME", ""), ("HOME", "/home/op")]).unwrap();
    assert_eq!(empty, home);
    assert_eq!(path(&[]).unwrap_err(), UrlError::NoDefaultLocation);
    let xdg_only = path(&[("XDG_DATA_HOME", "/data")]).unwrap();
    assert_eq!(xdg_only, PathBuf::from("/data/onboardctl/onboarding.db"));
}

#[test]
fn url_sources_display() {
    assert_eq!(UrlSource::Flag.to_string(), "--database-url");
    assert_eq!(UrlSource::DatabaseUrlEnv.to_string(), "DATABASE_URL");
}

#[test]
fn settings_defaults() {
    let s = Settings::from_env(&env_of(&[])).unwrap();
    let names: Vec<&str> = s.required_providers.iter().map(|p| p.as_str()).collect();
    assert_eq!(names, ["gemini", "exa", "copilotkit"]);
    assert!(s.brand_columns);
    assert!(!s.deploy_env_local);
}

#[test]
fn settings_brand_columns() {
    let brand = |v: &str| {
        let env = env_of(&[("ENABLE_WEBSITE_BRAND_COLUMNS", v)]);
        Settings::from_env(&env).unwrap().brand_columns
    };
    for on in ["1", "true", "TRUE", "Yes", "on"] {
        assert!(brand(on), "{on}");
    }
    for off in ["0", "false", "off", "no", "", "enabled", " true"] {
        assert!(!brand(off), "{off:?}");
    }
}

#[test]
fn settings_deploy_env_and_providers() {
    let env = env_of(&[
        ("DEPLOY_ENV", "local"),
        ("ONBOARDCTL_REQUIRED_PROVIDERS", "openai"),
    ]);
    let s = Settings::from_env(&env).unwrap();
    assert!(s.deploy_env_local);
    assert_eq!(s.required_providers.len(), 1);
    for local in ["LOCAL", "Local"] {
        let s = Settings::from_env(&env_of(&[("DEPLOY_ENV", local)])).unwrap();
        assert!(s.deploy_env_local, "{local:?}");
    }
    for other in ["production", " local", "locale", ""] {
        let s = Settings::from_env(&env_of(&[("DEPLOY_ENV", other)])).unwrap();
        assert!(!s.deploy_env_local, "{other:?}");
    }
    let bad = env_of(&[("ONBOARDCTL_REQUIRED_PROVIDERS", "a b")]);
    assert!(Settings::from_env(&bad).is_err());
}

/// `read_dotenv` of `text` against the real environment `env`.
fn dotenv_of(text: &str, env: &[(&str, &str)]) -> Result<Dotenv, DotenvError> {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    std::fs::write(&path, text).unwrap();
    read_dotenv(&path, &env_of(env)).map(|d| d.expect("exists"))
}

fn value<'a>(d: &'a Dotenv, key: &str) -> Option<&'a str> {
    d.vars.get(key).map(|v| v.as_str())
}

#[test]
fn dotenv_is_read_as_python_dotenv_reads_it() {
    // Every line here made the whole file ignored when dotenvy read it.
    let text = "\u{feff}# ALwrity\nDATABASE_URL=sqlite:alwrity.db\nOTHER=keep me\nAPOS=it's\n\
                BACKSL=C:\\path\\to\nA=1  # don't\nNOVALUE\nJSONV={\"a\": 1}\n";
    let d = dotenv_of(text, &[]).unwrap();
    assert_eq!(value(&d, "DATABASE_URL"), Some("sqlite:alwrity.db"));
    assert_eq!(value(&d, "APOS"), Some("it's"));
    assert_eq!(value(&d, "BACKSL"), Some("C:\\path\\to"));
    assert_eq!(value(&d, "A"), Some("1"));
    assert_eq!(value(&d, "JSONV"), Some("{\"a\": 1}"));
    assert_eq!(value(&d, "NOVALUE"), None, "a key without `=` is not set");
    assert!(d.warnings.is_empty(), "{:?}", d.warnings);
}

#[test]
fn dotenv_real_environment_wins_and_last_assignment_wins() {
    let text = "REAL=file\nNEW=first\nNEW=${REAL}-${NEW}\nUNSET=1\nUNSET\n";
    let d = dotenv_of(text, &[("REAL", "env")]).unwrap();
    assert_eq!(value(&d, "REAL"), None, "not overridden");
    assert_eq!(value(&d, "NEW"), Some("env-first"));
    assert_eq!(value(&d, "UNSET"), None);
    assert!(dotenv_of("", &[]).unwrap().vars.is_empty());
    let dir = tempfile::tempdir().unwrap();
    assert!(read_dotenv(&dir.path().join("missing"), &env_of(&[]))
        .unwrap()
        .is_none());
    assert_eq!(load_dotenv(true), Ok(None));
}

#[test]
fn unreadable_lines_are_skipped_with_their_number_only() {
    let text = "ONBOARDCTL_T2=1\n\n# comment\nSECRET-KEY \"sk-canary\" x\nB=2\n";
    let d = dotenv_of(text, &[]).unwrap();
    assert_eq!(value(&d, "B"), Some("2"));
    assert_eq!(value(&d, "ONBOARDCTL_T2"), Some("1"));
    assert_eq!(d.warnings.len(), 1);
    assert!(d.warnings[0].contains("line 4"), "{:?}", d.warnings);
    assert!(!d.warnings[0].contains("canary"), "{:?}", d.warnings);
}

#[test]
fn a_variable_onboardctl_reads_on_an_unreadable_line_stops_the_command() {
    for (text, line, var) in [
        (
            "A=1\nDATABASE_URL=\"postgres://u:sk-canary@h/db\" x\n",
            2,
            "DATABASE_URL",
        ),
        (
            "A=\"x\" y\n  export PGPASSWORD='sk-canary' z\n",
            2,
            "PGPASSWORD",
        ),
        (
            "'ONBOARDCTL_MASTER_KEY'=\"sk-canary\" q\n",
            1,
            "ONBOARDCTL_MASTER_KEY",
        ),
        ("\u{feff}DEPLOY_ENV=local\n", 1, "DEPLOY_ENV"),
    ] {
        let err = dotenv_of(text, &[]).unwrap_err();
        assert!(
            matches!(&err, DotenvError::Unusable { line: l, var: v, .. } if *l == line && v == var),
            "{err:?}"
        );
        assert!(!err.to_string().contains("canary"), "{err}");
    }
    assert!(VARS_READ.iter().all(|v| is_read(v)) && is_read("ONBOARDCTL_X") && !is_read("HOME"));
}

#[test]
fn a_file_that_is_not_utf8_is_ignored_with_a_reason() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    std::fs::write(&path, b"A=1\nB=\xff\n").unwrap();
    let err = read_dotenv(&path, &env_of(&[])).unwrap_err();
    assert!(
        err.to_string().contains("line 2 is not valid UTF-8"),
        "{err}"
    );
}

#[test]
fn settings_master_key_and_env_files() {
    let s = Settings::from_env(&env_of(&[])).unwrap();
    assert!(s.master_key.is_none());
    assert_eq!(s.env_file, PathBuf::from(".env"));
    assert_eq!(s.frontend_env_file, None);
    let key = "BwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwc=";
    let env = env_of(&[
        (MASTER_KEY_ENV, key),
        (ENV_FILE_ENV, "/srv/backend/.env"),
        (FRONTEND_ENV_FILE_ENV, "/srv/frontend/.env"),
    ]);
    let s = Settings::from_env(&env).unwrap();
    assert!(s.master_key.is_some());
    assert_eq!(s.env_file, PathBuf::from("/srv/backend/.env"));
    assert_eq!(
        s.frontend_env_file,
        Some(PathBuf::from("/srv/frontend/.env"))
    );
    let blank = env_of(&[
        (MASTER_KEY_ENV, " "),
        (ENV_FILE_ENV, ""),
        (FRONTEND_ENV_FILE_ENV, " "),
    ]);
    let s = Settings::from_env(&blank).unwrap();
    assert!(s.master_key.is_none() && s.frontend_env_file.is_none());
    assert_eq!(s.env_file, PathBuf::from(".env"));
}

#[test]
fn a_bad_master_key_is_refused_and_not_quoted() {
    for bad in ["SECRETISH-not-base64!", "c2hvcnQ="] {
        let err = Settings::from_env(&env_of(&[(MASTER_KEY_ENV, bad)])).unwrap_err();
        assert!(matches!(err, SettingsError::MasterKey(_)), "{err:?}");
        let text = err.to_string();
        assert!(text.contains(MASTER_KEY_ENV), "{text}");
        assert!(!text.contains(bad), "{text}");
    }
    let err = Settings::from_env(&env_of(&[("ONBOARDCTL_REQUIRED_PROVIDERS", "a b")])).unwrap_err();
    assert!(
        matches!(err, SettingsError::RequiredProviders(_)),
        "{err:?}"
    );
}

#[test]
fn alwrity_root_dir_comes_after_database_url_and_before_the_default() {
    let root = std::env::temp_dir();
    let root_text = root.display().to_string();
    let with_root = [
        ("DATABASE_URL", "sqlite:alwrity.db"),
        ("ALWRITY_ROOT_DIR", root_text.as_str()),
        ("HOME", "/home/op"),
    ];
    let (_, src) = resolve(None, &with_root);
    assert_eq!(src, UrlSource::DatabaseUrlEnv, "DATABASE_URL wins");
    let (url, src) = resolve(None, &with_root[1..]);
    assert_eq!(
        (url, src),
        (DbUrl::Workspace(root), UrlSource::AlwrityRootDir)
    );
    let (_, src) = resolve(Some("sqlite:flag.db"), &with_root[1..]);
    assert_eq!(src, UrlSource::Flag);
    let blank = [("ALWRITY_ROOT_DIR", " "), ("HOME", "/home/op")];
    assert_eq!(
        resolve(None, &blank).1,
        UrlSource::Default,
        "blank is unset"
    );
}

#[test]
fn an_alwrity_root_dir_that_is_no_directory_is_an_error_not_a_fall_through() {
    let file = std::env::temp_dir().join(format!("onboardctl-not-a-dir-{}", std::process::id()));
    std::fs::write(&file, "").unwrap();
    let file_text = file.display().to_string();
    for bad in [file_text.as_str(), "/nonexistent/onboardctl/root"] {
        let vars = [("ALWRITY_ROOT_DIR", bad), ("HOME", "/home/op")];
        let err = resolve_url(None, &env_of(&vars)).unwrap_err().to_string();
        assert!(err.contains("ALWRITY_ROOT_DIR"), "{err}");
    }
    let _ = std::fs::remove_file(file);
}

#[test]
fn workspace_urls_take_the_sqlite_path_forms() {
    for (text, path) in [
        ("workspace:/srv/alwrity", "/srv/alwrity"),
        ("workspace:rel/root", "rel/root"),
        ("workspace:///rel/root", "rel/root"),
        ("workspace:////srv/alwrity", "/srv/alwrity"),
    ] {
        assert_eq!(
            DbUrl::parse(text).unwrap(),
            DbUrl::Workspace(PathBuf::from(path)),
            "{text}"
        );
    }
    assert!(DbUrl::parse("workspace:").is_err());
}
