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
    for other in ["production", "Local", ""] {
        let s = Settings::from_env(&env_of(&[("DEPLOY_ENV", other)])).unwrap();
        assert!(!s.deploy_env_local, "{other:?}");
    }
    let bad = env_of(&[("ONBOARDCTL_REQUIRED_PROVIDERS", "a b")]);
    assert!(Settings::from_env(&bad).is_err());
}

#[test]
fn dotenv_loads_without_overriding() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    std::env::set_var("ONBOARDCTL_T1_REAL", "from-env");
    let text = "\u{feff}ONBOARDCTL_T1_NEW=from-file\nONBOARDCTL_T1_REAL=from-file\n\
                # c\nONBOARDCTL_T1_NEW=second\n";
    std::fs::write(&path, text).unwrap();
    assert_eq!(load_dotenv_file(&path), Ok(true));
    assert_eq!(std::env::var("ONBOARDCTL_T1_NEW").unwrap(), "from-file");
    assert_eq!(std::env::var("ONBOARDCTL_T1_REAL").unwrap(), "from-env");
    assert_eq!(load_dotenv_file(&dir.path().join("missing")), Ok(false));
    assert_eq!(load_dotenv(true), Ok(None));
}

#[test]
fn malformed_dotenv_is_reported_without_content_and_not_applied() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(".env");
    let text = "ONBOARDCTL_T2_OK=1\n\n# comment\nSECRET-KEY sk-canary\n";
    std::fs::write(&path, text).unwrap();
    let err = load_dotenv_file(&path).unwrap_err();
    assert_eq!(err.reason, "line 4 is malformed");
    assert!(!err.to_string().contains("canary"), "{err}");
    assert!(
        std::env::var_os("ONBOARDCTL_T2_OK").is_none(),
        "all or nothing"
    );
}

#[test]
fn url_errors_are_usage_errors() {
    let err: crate::error::Error = UrlError::Empty.into();
    assert_eq!(err.kind, crate::error::ErrorKind::Usage);
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
fn a_bad_master_key_is_exit_4_and_not_quoted() {
    for bad in ["SECRETISH-not-base64!", "c2hvcnQ="] {
        let err = Settings::from_env(&env_of(&[(MASTER_KEY_ENV, bad)])).unwrap_err();
        assert_eq!(err.kind, crate::error::ErrorKind::Precondition);
        assert!(err.message.contains(MASTER_KEY_ENV), "{}", err.message);
        assert!(!err.message.contains(bad), "{}", err.message);
    }
    let err = Settings::from_env(&env_of(&[("ONBOARDCTL_REQUIRED_PROVIDERS", "a b")])).unwrap_err();
    assert_eq!(err.kind, crate::error::ErrorKind::Usage);
}
