//! Every environment variable onboardctl reads, with one line each: the one list the manual
//! pages' ENVIRONMENT section prints. A test reads the sources for variable names in string
//! literals and checks that each is listed here.

/// `(name, what it does)`, in the order the manual lists them.
pub const ENVIRONMENT: &[(&str, &str)] = &[
    (
        "ONBOARDCTL_DATABASE_URL",
        "The database URL when --database-url is not given (wins over DATABASE_URL).",
    ),
    (
        "DATABASE_URL",
        "ALwrity's own database URL, used when neither --database-url nor \
         ONBOARDCTL_DATABASE_URL is set.",
    ),
    (
        "ALWRITY_ROOT_DIR",
        "An ALwrity HEAD root: without a database URL, its workspace/ folder (one SQLite file \
         per user) is the database.",
    ),
    (
        "XDG_DATA_HOME",
        "Where the embedded default database lives: $XDG_DATA_HOME/onboardctl/onboarding.db \
         (else under ~/.local/share).",
    ),
    (
        "HOME",
        "The home directory: the default data directory, and ~/.postgresql/root.crt for \
         PostgreSQL TLS.",
    ),
    (
        "DEPLOY_ENV",
        "`local` makes key set and key delete also update the .env file, as ALwrity does in \
         local mode.",
    ),
    (
        "ENABLE_WEBSITE_BRAND_COLUMNS",
        "As in ALwrity: whether the website analysis brand columns exist and are written.",
    ),
    (
        "ONBOARDCTL_REQUIRED_PROVIDERS",
        "The providers step 1 requires, comma-separated (default gemini, exa, copilotkit).",
    ),
    (
        "ONBOARDCTL_MASTER_KEY",
        "The master key (32 bytes, base64) that encrypts API keys at rest; never printed.",
    ),
    (
        "ONBOARDCTL_ENV_FILE",
        "The .env file that local mode and env diff/env sync use (--env-file wins; default \
         ./.env).",
    ),
    (
        "ONBOARDCTL_FRONTEND_ENV_FILE",
        "A second .env file that receives CopilotKit's key as REACT_APP_COPILOTKIT_API_KEY.",
    ),
    (
        "ONBOARDCTL_ACTOR",
        "Who the audit log records as making a change (default: the login user).",
    ),
    (
        "NO_COLOR",
        "When set and not empty, human output is not coloured (unless --color always).",
    ),
    (
        "PGHOST",
        "libpq: the PostgreSQL host when the URL names none.",
    ),
    (
        "PGPORT",
        "libpq: the PostgreSQL port when the URL names none.",
    ),
    (
        "PGUSER",
        "libpq: the PostgreSQL user when the URL names none.",
    ),
    (
        "PGPASSWORD",
        "libpq: the PostgreSQL password when the URL has none; never printed.",
    ),
    (
        "PGDATABASE",
        "libpq: the PostgreSQL database when the URL names none.",
    ),
    (
        "PGSSLMODE",
        "libpq: the TLS mode (disable, prefer, require, verify-ca, verify-full).",
    ),
    (
        "PGSSLROOTCERT",
        "libpq: the CA certificates that verify the server (verify-ca, verify-full).",
    ),
    (
        "SSL_CERT_FILE",
        "CA certificates for PostgreSQL TLS when PGSSLROOTCERT and ~/.postgresql/root.crt \
         are absent.",
    ),
    (
        "PGCONNECT_TIMEOUT",
        "libpq: seconds a PostgreSQL connection attempt may take.",
    ),
    (
        "PGAPPNAME",
        "libpq: the application_name the server shows for the connection.",
    ),
    (
        "PGPASSFILE",
        "libpq: the password file (default ~/.pgpass).",
    ),
    (
        "COMPLETE",
        "Set by the shell completion scripts: the binary prints completion candidates for \
         the shell named (bash, zsh, fish, powershell, elvish) instead of running a command.",
    ),
];

/// Variables the code reads only as test hooks (debug builds, test suites); not for users,
/// so not in the manual.
pub const TEST_HOOKS: &[&str] = &[
    "ONBOARDCTL_TEST_CRASH_AT",
    "ONBOARDCTL_ENVFILE_FAIL_BEFORE_RENAME",
];

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;
    use std::path::Path;

    use super::*;

    /// The upper-case names in string literals of `text` that look like a variable
    /// onboardctl reads: `ONBOARDCTL_*`, `PG*`, and the others the code is known to read.
    fn names_in(text: &str) -> BTreeSet<String> {
        const OTHERS: &[&str] = &[
            "DATABASE_URL",
            "ALWRITY_ROOT_DIR",
            "DEPLOY_ENV",
            "ENABLE_WEBSITE_BRAND_COLUMNS",
            "NO_COLOR",
            "XDG_DATA_HOME",
            "HOME",
            "SSL_CERT_FILE",
        ];
        text.split('"')
            .skip(1)
            .step_by(2)
            .filter(|s| {
                s.len() > 2
                    && !s.ends_with('_')
                    && s.bytes().all(|b| b.is_ascii_uppercase() || b == b'_')
            })
            .filter(|s| {
                s.starts_with("ONBOARDCTL_")
                    || (s.starts_with("PG") && !s.contains('_'))
                    || OTHERS.contains(s)
            })
            .map(str::to_owned)
            .collect()
    }

    fn sources(dir: &Path, out: &mut Vec<(String, String)>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") && !path.ends_with("tests.rs") {
                let text = std::fs::read_to_string(&path).unwrap();
                // Unit tests at the end of a file name made-up variables.
                let code = text.split("#[cfg(test)]").next().unwrap_or("").to_owned();
                out.push((path.display().to_string(), code));
            }
        }
    }

    #[test]
    fn every_variable_the_code_names_is_listed() {
        let listed: BTreeSet<&str> = ENVIRONMENT.iter().map(|(n, _)| *n).collect();
        let mut files = Vec::new();
        sources(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut files,
        );
        let mut missing = BTreeSet::new();
        for (path, code) in &files {
            for name in names_in(code) {
                if !listed.contains(name.as_str()) && !TEST_HOOKS.contains(&name.as_str()) {
                    missing.insert(format!("{name} ({path})"));
                }
            }
        }
        assert!(missing.is_empty(), "not in ENVIRONMENT: {missing:?}");
        // The variables `.env` loading treats as onboardctl's are documented too.
        for name in crate::config::VARS_READ {
            assert!(listed.contains(name), "{name}");
        }
    }

    #[test]
    fn the_scan_finds_quoted_names() {
        let found = names_in(r#"let a = "ONBOARDCTL_X"; std::env::var("PGHOST"); // "HOME" x "#);
        assert_eq!(
            found.into_iter().collect::<Vec<_>>(),
            ["HOME", "ONBOARDCTL_X", "PGHOST"]
        );
        assert!(names_in(r#""PG_NOT" "GEMINI_API_KEY" "lower""#).is_empty());
    }
}
